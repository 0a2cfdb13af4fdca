/**
 * The zod schema of target files (SPEC section 2): the shape and types of every field. Rules that
 * relate fields to each other (milestone order, min ≤ max…) are checked in targets.ts, where the
 * defaults have been applied.
 */
import { z } from "zod";
import { PRESETS } from "./schedule.js";

/** An error message for a field: "is required" when absent, else what the value must be. */
function expect(what: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined ? "is required" : `must be ${what}`,
  };
}

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** `"30%"`: a number followed by a percent sign. */
export const PERCENT_PATTERN = /^\s*([+-]?\d+(?:\.\d+)?)\s*%\s*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const text = z.string(expect("a non-empty text")).trim().min(1, expect("a non-empty text"));
const finite = z.number(expect("a number"));
const date = z.string(expect("a date YYYY-MM-DD")).regex(DATE_PATTERN, expect("a date YYYY-MM-DD"));
const percent = z
  .string(expect('a percentage like "30%"'))
  .regex(PERCENT_PATTERN, expect('a percentage like "30%"'));
const TOLERANCE = 'a number ≥ 0 or a percentage like "10%"';
const tolerance = z.union(
  [z.number(expect(TOLERANCE)).nonnegative(expect(TOLERANCE)), percent],
  expect(TOLERANCE),
);

const milestone = z.strictObject(
  { by: date, progress: percent.optional(), value: finite.optional() },
  expect('a milestone { by: DATE, progress: "30%" } or { by: DATE, value: N }'),
);

const common = {
  id: z
    .string(expect("an id"))
    .regex(
      ID_PATTERN,
      expect("letters, digits, '.', '_' and '-', starting with a letter or digit"),
    ),
  title: text,
  owner: z
    .union([text, z.array(text).min(1)], expect("a name or a non-empty list of names"))
    .optional(),
  section: text.optional(),
  unit: text.optional(),
  source: text.optional(),
};

export const progressTargetSchema = z.strictObject({
  ...common,
  kind: z.literal("progress").optional(),
  target: finite,
  baseline: finite.optional(),
  start: date.optional(),
  deadline: date.optional(),
  schedule: z
    .union(
      [z.enum(PRESETS), z.array(milestone).min(1)],
      expect(`${PRESETS.join(", ")} or a list of milestones`),
    )
    .optional(),
  interpolation: z.enum(["linear", "step"], expect("linear or step")).optional(),
  tolerance: tolerance.optional(),
  aggregate: z.enum(["last", "sum"], expect("last or sum")).optional(),
});

export const levelTargetSchema = z.strictObject({
  ...common,
  kind: z.literal("level"),
  min: finite.optional(),
  max: finite.optional(),
  tolerance: tolerance.optional(),
  stretch: finite.optional(),
});

export const milestoneTargetSchema = z.strictObject({
  ...common,
  kind: z.literal("milestone"),
  deadline: date.optional(),
  warn_days: z
    .int(expect("a whole number of days ≥ 0"))
    .nonnegative(expect("a whole number of days ≥ 0"))
    .optional(),
});

export type ProgressTargetInput = z.infer<typeof progressTargetSchema>;
export type LevelTargetInput = z.infer<typeof levelTargetSchema>;
export type MilestoneTargetInput = z.infer<typeof milestoneTargetSchema>;

export const targetSchemas = {
  progress: progressTargetSchema,
  level: levelTargetSchema,
  milestone: milestoneTargetSchema,
} as const;

export const targetFileSchema = z.strictObject(
  {
    year: z
      .int(expect("a year like 2022"))
      .min(1, expect("a year like 2022"))
      .max(9999, expect("a year like 2022"))
      .optional(),
    // Any target field but the id; checked field by field against the target's kind once merged.
    defaults: z.record(z.string(), z.unknown(), expect("a mapping of target fields")).optional(),
    targets: z
      .array(
        z.record(z.string(), z.unknown(), expect("a mapping of target fields")),
        expect("a non-empty list of targets"),
      )
      .min(1, expect("a non-empty list of targets")),
  },
  expect("a mapping with year, defaults and targets"),
);
