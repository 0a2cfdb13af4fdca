/**
 * The JSON Schema of target files for editors (`kpi schema`, and `kpi init` writes it), generated
 * from the zod schema of schema.ts. A module of its own, loaded by those two commands only: zod's
 * JSON Schema generation is a tenth of kpi's code.
 */
import * as z from "zod/mini";
import { KINDS } from "../core/model.js";
import {
  DEFAULTS_DESCRIPTION,
  describe,
  describedSchemas,
  ID_DESCRIPTION,
  ID_PATTERN_SOURCE,
  KIND_DESCRIPTION,
  TARGETS_DESCRIPTION,
} from "./target-schema.js";

/** An id as an editor checks it: the pattern of SPEC 2 (the loader composes it first). */
const editorId = z
  .string()
  .check(z.regex(new RegExp(ID_PATTERN_SOURCE, "u")), z.meta(ID_DESCRIPTION));

/**
 * A target as an editor sees it: only the id is required and the kind is optional, because every
 * other field, the kind included, may come from the file's `defaults`. Unknown keys stay errors.
 */
function editorTarget<Shape extends z.core.$ZodShape>(
  schema: z.ZodMiniObject<Shape, z.core.$strict>,
  kind: (typeof KINDS)[number],
  english: string,
  chinese: string,
) {
  return z
    .extend(z.partial(schema), {
      id: editorId,
      kind: z.optional(z.literal(kind).check(z.meta(KIND_DESCRIPTION))),
    })
    .check(z.meta(describe(english, chinese)));
}

/**
 * The target file as editors check it (`kpi schema`): it accepts every file the loader accepts,
 * and checks less. Rules that relate fields (calendar dates, milestone order, min ≤ max, unique
 * ids, which kind a default gives) are left to `kpi validate`.
 */
export function targetFileEditorSchema() {
  const {
    date,
    growthTargetSchema,
    levelTargetSchema,
    milestoneTargetSchema,
    progressTargetSchema,
    tolerance,
    YEAR,
  } = describedSchemas();
  return z
    .strictObject({
      year: YEAR.apply(z.optional),
      defaults: z.optional(
        z
          .partial(
            z.omit(
              z.strictObject({
                ...growthTargetSchema.shape,
                ...progressTargetSchema.shape,
                ...levelTargetSchema.shape,
                ...milestoneTargetSchema.shape,
                kind: z.enum(KINDS).check(z.meta(KIND_DESCRIPTION)),
                about: tolerance.check(
                  z.meta(
                    describe(
                      '"about" (左右): slack on the worse side, in the unit (a growth target\'s: points, or "N%" of |rate|)',
                      '左右：向不利一侧放宽的幅度（同单位；增速指标为百分点，或增速绝对值的 "N%"）',
                    ),
                  ),
                ),
                deadline: date.check(
                  z.meta(
                    describe(
                      "a progress target's last day or a milestone's due date (YYYY-MM-DD)",
                      "进度指标的截止日期或节点任务的完成期限（YYYY-MM-DD）",
                    ),
                  ),
                ),
                tolerance: tolerance.check(
                  z.meta(
                    describe(
                      'how far off is still yellow: an amount, or "N%" (of the span for progress, of the bound for level)',
                      '偏离多少仍为黄灯：数值或 "N%"（进度指标按跨度，区间指标按边界）',
                    ),
                  ),
                ),
              }),
              { id: true },
            ),
          )
          .check(z.meta(DEFAULTS_DESCRIPTION)),
      ),
      targets: z
        .array(
          z.union([
            editorTarget(
              progressTargetSchema,
              "progress",
              "a progress target: from a baseline to a target by a deadline",
              "进度指标：截止日期前从基数达到目标值",
            ),
            editorTarget(
              levelTargetSchema,
              "level",
              "a level target: a value that must stay within min and/or max",
              "区间指标：数值保持在上下限之内",
            ),
            editorTarget(
              milestoneTargetSchema,
              "milestone",
              "a milestone target: a deliverable due by a deadline",
              "节点任务：期限前完成",
            ),
            editorTarget(
              growthTargetSchema,
              "growth",
              "a growth target: the cumulative year-on-year growth rate against a bound",
              "增速指标：累计同比增速与目标增速比较",
            ),
          ]),
        )
        .check(z.minLength(1))
        .check(z.meta(TARGETS_DESCRIPTION)),
    })
    .check(
      z.meta({
        title: "kpi target file",
        ...describe(
          "targets checked by kpi against CSV actuals (SPEC section 2)",
          "kpi 指标文件：按 CSV 实际数据检查的目标",
        ),
      }),
    );
}

/** The JSON Schema of a target file, for editors: generated from the zod schema, never by hand. */
export function targetFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(targetFileEditorSchema(), { io: "input" }) as Record<string, unknown>;
}
