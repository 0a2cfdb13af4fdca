/**
 * The zod schema of target files (SPEC section 2): the shape and types of every field. Rules that
 * relate fields to each other (milestone order, min ≤ max…) are checked in targets.ts, where the
 * defaults have been applied.
 */
// zod/mini: the same schemas and messages as classic zod in a twentieth of the code, which the
// CLI parses at every start.
import * as z from "zod/mini";
import { unseenCharacterOf } from "../core/invisible-characters.js";
import { FREQUENCIES } from "../core/model.js";
import type { Expectation } from "../core/problem-codes.js";
import { PRESETS } from "../core/schedule.js";

// zod compiles a fast path for each object schema with `new Function` at its first parse: code that
// kpi's code cache cannot hold, compiled again at every start for a handful of targets. Without it
// the same checks run as they are: the same results, and for 5,000 targets the same time within
// this machine's noise (`kpi list` of the benchmark's targets: 0.51 s both ways).
z.config({ jitless: true });

/** zod's message for a field that is absent; any other is the Expectation the value fails. */
export const REQUIRED = "required";

/** Every Expectation a field of this schema can fail. */
export const EXPECTATIONS = [
  "text",
  "number",
  "date",
  "percentage",
  "tolerance",
  "milestone",
  "id",
  "id-characters",
  "names",
  "schedule",
  "schedule-list",
  "interpolation",
  "aggregate",
  "whole-days",
  "frequency",
  "weight",
  "month-day",
  "year",
  "target-fields",
  "targets",
  "file",
  "kind",
  "reference",
  "number-or-reference",
  "bound",
  "growth-input",
  "breach-after",
  "non-negative-number",
] as const satisfies readonly Expectation[];

/**
 * The message of a field's issue: `required` when it is absent, else what the value must be, as
 * a code that each language words (src/i18n/*-messages.ts).
 */
function expect(what: (typeof EXPECTATIONS)[number]) {
  return {
    error: (issue: { input?: unknown }) => (issue.input === undefined ? REQUIRED : what),
  };
}

/** An id (SPEC 2, v2): letters and digits of any script, `.`, `_` and `-`, after NFC. */
export const ID_PATTERN_SOURCE = "^[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*$";
/** Most ids are ASCII: checked without a pattern of Unicode properties, which takes a millisecond to build. */
const ASCII_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
let unicodeId: RegExp | undefined;

function isId(id: string): boolean {
  if (ASCII_ID.test(id)) return true;
  unicodeId ??= new RegExp(ID_PATTERN_SOURCE, "u");
  return unicodeId.test(id);
}

export const ID_DESCRIPTION = describe(
  "unique across all target files; letters (of any script), digits, '.', '_' and '-'",
  "指标编号，在所有指标文件中唯一；字母（含汉字）、数字、'.'、'_'、'-'",
);
/** `"30%"`: a number followed by a percent sign. */
export const PERCENT_PATTERN = /^\s*([+-]?\d+(?:\.\d+)?)\s*%\s*$/;
/** `2022-06-30`: a date. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A tolerance written as a percentage: never below 0. */
export const TOLERANCE_PATTERN = /^\s*\+?\d+(?:\.\d+)?\s*%\s*$/;
/** `first_report: 02-28`: a month and a day. */
export const MONTH_DAY_PATTERN = /^(\d{2})-(\d{2})$/;

/** `English / 中文`: every field of the JSON Schema is described in both languages. */
export function describe(english: string, chinese: string) {
  return { description: `${english} / ${chinese}` };
}

export const KIND_DESCRIPTION = describe(
  "progress (move from a baseline to a target by a deadline, the default), level (stay within bounds), milestone (a deliverable due by a date) or growth (year-on-year growth rate)",
  "类型：progress 进度（默认）、level 区间、milestone 节点任务、growth 同比增速",
);
export const DEFAULTS_DESCRIPTION = describe(
  "target fields applied to every target of this file whose kind has them",
  "本文件所有指标的默认字段（仅用于具有该字段的类型）",
);
export const TARGETS_DESCRIPTION = describe(
  "the targets, a non-empty list",
  "指标列表（不能为空）",
);

/**
 * The schemas of target files, with every field's description in both languages (`describing`,
 * for the JSON Schema of editors) or without: a description is a check of its own, and each check
 * makes a copy of its schema, which made building the schemas a few milliseconds of every start.
 */
function buildSchemas(describing: boolean) {
  /** The field's description, given to the schema only when `describing`. */
  const meta =
    (description: { description: string; title?: string }) =>
    <T extends z.ZodMiniType>(schema: T): T =>
      describing ? (schema.check(z.meta(description)) as T) : schema;

  const text = z.string(expect("text")).check(z.trim(), z.minLength(1, expect("text")));
  const finite = z.number(expect("number"));
  const date = z.string(expect("date")).check(z.regex(DATE_PATTERN, expect("date")));
  const percent = z
    .string(expect("percentage"))
    .check(z.regex(PERCENT_PATTERN, expect("percentage")));
  const tolerance = z.union(
    [
      z.number(expect("tolerance")).check(z.gte(0, expect("tolerance"))),
      // A tolerance is how far behind is still yellow: never below 0, as a number or a percentage.
      z.string(expect("tolerance")).check(z.regex(TOLERANCE_PATTERN, expect("tolerance"))),
    ],
    expect("tolerance"),
  );

  const milestone = z
    .strictObject(
      {
        by: date.apply(
          meta(
            describe(
              "the date the value is due: the end of that day (YYYY-MM-DD)",
              "节点日期（当日结束时，YYYY-MM-DD）",
            ),
          ),
        ),
        progress: percent
          .apply(
            meta(
              describe(
                'share of the way from baseline to target, like "30%" (give progress or value)',
                '从基数到目标的完成比例，如 "30%"（progress 与 value 二选一）',
              ),
            ),
          )
          .apply(z.optional),
        value: finite
          .apply(
            meta(
              describe(
                "the value due by then, in the target's unit (give progress or value)",
                "该节点应达到的数值（progress 与 value 二选一）",
              ),
            ),
          )
          .apply(z.optional),
      },
      expect("milestone"),
    )
    .apply(meta(describe("a milestone of the schedule", "序时进度节点")));

  // `{ ref: ID }` with an optional `plus: N` or `times: N` (SPEC 2.5, v2.1). */
  const reference = z
    .strictObject(
      {
        ref: z
          .string(expect("id"))
          .check(z.trim(), z.minLength(1, expect("id")))
          .apply(meta(describe("the id of the target whose actual this is", "所引用指标的编号"))),
        plus: finite
          .apply(meta(describe("added to the referenced actual", "在所引用实际值上加的数")))
          .apply(z.optional),
        times: finite
          .apply(
            meta(describe("the referenced actual is multiplied by it", "所引用实际值乘以的倍数")),
          )
          .apply(z.optional),
      },
      expect("reference"),
    )
    .apply(
      meta(
        describe(
          "another target's actual at this target's row date, plus or times a number",
          "引用另一指标同期的实际值，可加（plus）或乘（times）一个数",
        ),
      ),
    );

  const numberOrReference = z.union([finite, reference], expect("number-or-reference"));

  /** "左右": slack on the worse side (SPEC 2.5), a number ≥ 0 in the target's unit. */
  const aboutAmount = z
    .number(expect("non-negative-number"))
    .check(z.gte(0, expect("non-negative-number")));

  const resultBy = date
    .apply(
      meta(
        describe(
          "the final result arrives by this date, after the deadline (YYYY-MM-DD)",
          "最终结果的公布日期（晚于截止日期，YYYY-MM-DD）",
        ),
      ),
    )
    .apply(z.optional);

  const common = {
    id: z
      .string(expect("id"))
      // Composed first: `é` typed as e and a combining accent is the id `é`.
      .check(
        z.normalize("NFC"),
        // A letter that shows nothing (the Hangul filler) is no id either.
        z.refine((id: string) => unseenCharacterOf(id) === null, {
          ...expect("id-characters"),
          abort: true,
        }),
        z.refine(isId, expect("id-characters")),
      ),
    title: text.apply(meta(describe("the target's name, in any language", "指标名称"))),
    owner: z
      .union([text, z.array(text).check(z.minLength(1, expect("names")))], expect("names"))
      .apply(meta(describe("who is responsible: one name or a list", "责任单位：一个或多个")))
      .apply(z.optional),
    section: text.apply(meta(describe("a group in reports", "报告中的分组"))).apply(z.optional),
    unit: text
      .apply(
        meta(
          describe(
            'shown after numbers; with "%" a data value "30%" means 30',
            '单位，显示在数值之后；为 "%" 时数据中的 "30%" 即 30',
          ),
        ),
      )
      .apply(z.optional),
    source: text
      .apply(meta(describe("the sentence the target comes from", "指标出处（原文）")))
      .apply(z.optional),
    weight: z
      .number(expect("weight"))
      .check(z.gt(0, expect("weight")))
      .apply(
        meta(
          describe(
            "its weight in the owners' score, > 0; default 1",
            "在单位得分中的权重（大于 0），默认 1",
          ),
        ),
      )
      .apply(z.optional),
    due_days: z
      .int(expect("whole-days"))
      .check(z.gte(0, expect("whole-days")))
      .apply(
        meta(
          describe(
            "days after a period's end that its report is due; default the project file's, else 10",
            "每期结束后多少天内报送，默认取项目文件的设置，否则 10",
          ),
        ),
      )
      .apply(z.optional),
    result_by: resultBy,
  };

  /** The fields of the kinds that have report dates (SPEC 4.1). */
  const reported = {
    frequency: z
      .enum(FREQUENCIES, expect("frequency"))
      .apply(
        meta(
          describe(
            "how often a row is due: monthly (the default), quarterly, half-yearly or yearly",
            "报送频次：monthly 每月（默认）、quarterly 每季、half-yearly 每半年、yearly 每年",
          ),
        ),
      )
      .apply(z.optional),
    first_report: z
      .string(expect("month-day"))
      .check(z.regex(MONTH_DAY_PATTERN, expect("month-day")))
      .apply(
        meta(
          describe(
            'a monthly target\'s first report of each year, "MM-DD" ("02-28" where January and February are reported together)',
            '每年首次报送的期末日 "MM-DD"（1—2 月合并报送时为 "02-28"），仅用于每月报送',
          ),
        ),
      )
      .apply(z.optional),
  };

  /** The period of a progress or a growth target. */
  const period = {
    start: date
      .apply(
        meta(
          describe(
            "first day of the period (YYYY-MM-DD); default Jan 1 of year",
            "起始日期（YYYY-MM-DD），默认为 year 的 1 月 1 日",
          ),
        ),
      )
      .apply(z.optional),
    deadline: date
      .apply(
        meta(
          describe(
            "last day of the period (YYYY-MM-DD); default Dec 31 of year",
            "截止日期（YYYY-MM-DD），默认为 year 的 12 月 31 日",
          ),
        ),
      )
      .apply(z.optional),
  };

  const progressTargetSchema = z.strictObject({
    ...common,
    ...reported,
    kind: z.literal("progress").apply(meta(KIND_DESCRIPTION)).apply(z.optional),
    target: finite.apply(
      meta(describe("the value to reach by the deadline", "截止日期前要达到的目标值")),
    ),
    baseline: finite
      .apply(meta(describe("the value at the start; default 0", "起始基数，默认 0")))
      .apply(z.optional),
    ...period,
    schedule: z
      .union(
        [z.enum(PRESETS), z.array(milestone).check(z.minLength(1, expect("schedule-list")))],
        expect("schedule"),
      )
      .apply(
        meta(
          describe(
            "a preset (q30-h60-q85: 30%/60%/85% at the end of Q1/Q2/Q3, the default; h50-q85; linear) or a list of milestones",
            "序时进度：预设（q30-h60-q85 默认，一季度 30%、上半年 60%、三季度 85%；h50-q85；linear 线性）或节点列表",
          ),
        ),
      )
      .apply(z.optional),
    interpolation: z
      .enum(["linear", "step"], expect("interpolation"))
      .apply(
        meta(
          describe(
            "between milestones: linear (day by day, the default) or step (the last milestone's value)",
            "节点之间的序时值：linear 按日线性（默认）或 step 阶梯",
          ),
        ),
      )
      .apply(z.optional),
    tolerance: tolerance
      .apply(
        meta(
          describe(
            'how far behind schedule is still yellow: an amount in the unit, or "N%" of the span; default "10%"',
            '滞后多少仍为黄灯：数值（同单位）或跨度的 "N%"，默认 "10%"',
          ),
        ),
      )
      .apply(z.optional),
    aggregate: z
      .enum(["last", "sum"], expect("aggregate"))
      .apply(
        meta(
          describe(
            "last: each data row is the running total (the default); sum: rows are per-period amounts to add up",
            "last：每行数据为累计值（默认）；sum：每行为当期值，累加",
          ),
        ),
      )
      .apply(z.optional),
    about: aboutAmount
      .apply(
        meta(
          describe(
            '"about" (左右): the target counts as achieved this much short of it, in the unit; default 0',
            "左右：差目标值不超过该数（同单位）即视为完成，默认 0",
          ),
        ),
      )
      .apply(z.optional),
  });

  const levelTargetSchema = z.strictObject({
    ...common,
    ...reported,
    kind: z.literal("level").apply(meta(KIND_DESCRIPTION)),
    min: numberOrReference
      .apply(
        meta(
          describe(
            "the lowest value that is green, or { ref: ID } another target's actual",
            "下限（含），或 { ref: 编号 } 引用另一指标的实际值",
          ),
        ),
      )
      .apply(z.optional),
    max: numberOrReference
      .apply(
        meta(
          describe(
            "the highest value that is green (a rank is a max), or { ref: ID }",
            "上限（含；排名用 max），或 { ref: 编号 }",
          ),
        ),
      )
      .apply(z.optional),
    about: aboutAmount
      .apply(
        meta(
          describe(
            '"about" (左右): slack beyond each bound that is still green, in the unit; default 0',
            "左右：超出边界不超过该数（同单位）仍为绿灯，默认 0",
          ),
        ),
      )
      .apply(z.optional),
    breach_after: z
      .int(expect("breach-after"))
      .check(z.gte(2, expect("breach-after")))
      .apply(
        meta(
          describe(
            "red only when outside at this many report dates in a row (动态清零); else yellow",
            "连续这么多期超出才为红灯（动态清零），否则为黄灯",
          ),
        ),
      )
      .apply(z.optional),
    tolerance: tolerance
      .apply(
        meta(
          describe(
            'how far outside a bound is still yellow: an amount, or "N%" of the bound; default 0',
            '超出边界多少仍为黄灯：数值或边界的 "N%"，默认 0',
          ),
        ),
      )
      .apply(z.optional),
    stretch: finite
      .apply(
        meta(
          describe(
            "a better value that earns a star (lower with max, higher with min only)",
            "争先值：达到即加星（有 max 时更低为好，仅有 min 时更高为好）",
          ),
        ),
      )
      .apply(z.optional),
  });

  const milestoneTargetSchema = z.strictObject({
    ...common,
    kind: z.literal("milestone").apply(meta(KIND_DESCRIPTION)),
    deadline: date
      .apply(
        meta(
          describe(
            "the due date (YYYY-MM-DD); default Dec 31 of year",
            "完成期限（YYYY-MM-DD），默认为 year 的 12 月 31 日",
          ),
        ),
      )
      .apply(z.optional),
    warn_days: z
      .int(expect("whole-days"))
      .check(z.gte(0, expect("whole-days")))
      .apply(
        meta(
          describe(
            "days before the deadline from which an open milestone is yellow; default 30",
            "期限前多少天起未完成即为黄灯，默认 30",
          ),
        ),
      )
      .apply(z.optional),
  });

  const growthTargetSchema = z.strictObject({
    ...common,
    ...reported,
    kind: z.literal("growth").apply(meta(KIND_DESCRIPTION)),
    rate: numberOrReference.apply(
      meta(
        describe(
          "the growth in percent (7 is +7%, -3 a 3% fall), or { ref: ID } another growth target's",
          "增速（百分数：7 即增长 7%，-3 即下降 3%），或 { ref: 编号 } 引用另一增速指标",
        ),
      ),
    ),
    bound: z
      .enum(["min", "max"], expect("bound"))
      .apply(
        meta(
          describe(
            "min: at least the rate (the default); max: at most (required when rate < 0)",
            "min：不低于该增速（默认）；max：不高于（增速为负时必填）",
          ),
        ),
      )
      .apply(z.optional),
    about: tolerance
      .apply(
        meta(
          describe(
            '"about" (左右): slack on the worse side, in points or "N%" of |rate|; default 0',
            '左右：向不利一侧放宽的百分点，或增速绝对值的 "N%"，默认 0',
          ),
        ),
      )
      .apply(z.optional),
    tolerance: tolerance
      .apply(
        meta(
          describe(
            'points beyond the bound (after about) that are still yellow, or "N%" of |rate|; default "10%"',
            '超出（放宽后的）边界多少个百分点仍为黄灯，或增速绝对值的 "N%"，默认 "10%"',
          ),
        ),
      )
      .apply(z.optional),
    input: z
      .enum(["rate", "value"], expect("growth-input"))
      .apply(
        meta(
          describe(
            "rate: each row is the published cumulative growth rate in percent (the default); value: each row is the cumulative value and kpi computes the growth",
            "rate：每行为公布的累计增速（百分数，默认）；value：每行为累计值，由 kpi 计算增速",
          ),
        ),
      )
      .apply(z.optional),
    amount: finite
      .apply(
        meta(
          describe(
            "an absolute figure the sentence also names, shown beside the rate",
            "原文同时给出的总量目标，与增速一并显示",
          ),
        ),
      )
      .apply(z.optional),
    ...period,
  });

  const targetSchemas = {
    progress: progressTargetSchema,
    level: levelTargetSchema,
    milestone: milestoneTargetSchema,
    growth: growthTargetSchema,
  } as const;

  const YEAR = z
    .int(expect("year"))
    .check(z.gte(1, expect("year")), z.lte(9999, expect("year")))
    .apply(
      meta(
        describe(
          "the year: default start Jan 1 and default deadline Dec 31",
          "年度：默认起始 1 月 1 日、默认截止 12 月 31 日",
        ),
      ),
    );

  const targetFileSchema = z.strictObject(
    {
      year: YEAR.apply(z.optional),
      // Any target field but the id; checked field by field against the target's kind once merged.
      defaults: z
        .record(z.string(), z.unknown(), expect("target-fields"))
        .apply(meta(DEFAULTS_DESCRIPTION))
        .apply(z.optional),
      targets: z
        .array(z.record(z.string(), z.unknown(), expect("target-fields")), expect("targets"))
        .check(z.minLength(1, expect("targets")))
        .apply(meta(TARGETS_DESCRIPTION)),
    },
    expect("file"),
  );

  return {
    date,
    tolerance,
    YEAR,
    progressTargetSchema,
    levelTargetSchema,
    milestoneTargetSchema,
    growthTargetSchema,
    targetSchemas,
    targetFileSchema,
  };
}

export type TargetSchemas = ReturnType<typeof buildSchemas>;

let checking: TargetSchemas | undefined;

/** The schemas that check target files, without descriptions: built the first time one is used. */
export function checkingSchemas(): TargetSchemas {
  checking ??= buildSchemas(false);
  return checking;
}

/** The schemas with their descriptions, for the JSON Schema (`kpi schema`, `kpi init`). */
export function describedSchemas(): TargetSchemas {
  return buildSchemas(true);
}

export type GrowthTargetInput = z.infer<TargetSchemas["growthTargetSchema"]>;
export type ProgressTargetInput = z.infer<TargetSchemas["progressTargetSchema"]>;
export type LevelTargetInput = z.infer<TargetSchemas["levelTargetSchema"]>;
export type MilestoneTargetInput = z.infer<TargetSchemas["milestoneTargetSchema"]>;
