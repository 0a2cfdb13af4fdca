/**
 * `kpi explain`: one target's story as data — its rows up to the as-of date with the expected value
 * and the status at each, its result with the trace of the rules checked, and an optional run-rate
 * projection. Pure: the status and the numbers behind it come from `evaluateTarget`'s trace, never
 * from a second copy of the rules.
 */
import type { Day } from "./dates.js";
import { evaluateTarget, growthAt, type ReferenceSource, toleranceAmount } from "./evaluate.js";
import type { Observation, ProgressTarget, Result, SchedulePoint, Target } from "./model.js";
import { type Problem, rowWarnings } from "./problems.js";
import { expectedValue, schedulePoints } from "./schedule.js";
import type { Series } from "./series.js";

/** One data row as `explain` lists it. */
export interface ExplainedRow {
  observation: Observation;
  /** E at the row's date, for progress targets. */
  expected: number | null;
  /** With `aggregate: sum`, the sum of the rows after t0 up to this one. */
  runningSum: number | null;
  /** A growth target's G at this row (SPEC 2.4); null for other kinds, or without a base. */
  growth: number | null;
  /** What the target's status was on the row's date (the evaluator, run on that date). */
  statusThen: Pick<Result, "status" | "reason">;
}

/** A straight line through the baseline at t0 and the latest actual, carried forward. */
export interface Forecast {
  /** Change per day, in the target's unit. */
  ratePerDay: number;
  from: SchedulePoint;
  latest: SchedulePoint;
  /** The next schedule point after the as-of date and the deadline (one point when they agree). */
  points: { by: Day; expected: number; projected: number; isDeadline: boolean }[];
  /** The day the line reaches the target, or null when it moves away from it or never gets there. */
  reachesTargetOn: Day | null;
}

export type ForecastOutcome =
  | { kind: "forecast"; forecast: Forecast }
  | { kind: "none"; why: "not-progress" | "no-data" | "achieved" | "past-deadline" | "no-history" };

export interface Explanation {
  result: Result;
  asOf: Day;
  /** The rows dated at or before the as-of date, in date order. */
  rows: ExplainedRow[];
  /** Rows dated after the as-of date: ignored, only counted. */
  laterRows: number;
  /** Rows reported after the as-of date (SPEC 4, v2): not known then, only counted. */
  unreportedRows: number;
  /** Every point E runs through (progress targets), t0 first; null for other kinds. */
  schedule: SchedulePoint[] | null;
  /** A progress target's tolerance as an amount in its unit; null for other kinds. */
  toleranceAmount: number | null;
  forecast: ForecastOutcome | null;
  /** The warnings of the target's rows, in file order: corrections and values to check. */
  notes: Problem[];
}

export interface ExplainOptions {
  asOf: Day;
  /** The other targets' actuals, for a target whose bound or rate refers to one (SPEC 2.5). */
  references?: ReferenceSource;
  /** The project's due days, for a target without its own (SPEC 4.1). @default 10 */
  dueDays?: number;
  /** Add the run-rate projection. @default false */
  forecast?: boolean;
  /** The run's warnings: those of the target's rows are shown. @default [] */
  warnings?: readonly Problem[];
}

/** Explain one target at the as-of date from its rows. */
export function explainTarget(target: Target, rows: Series, options: ExplainOptions): Explanation {
  const { asOf, dueDays, references } = options;
  // The rows known at the as-of date (SPEC 4, v2): each row's status is judged from them.
  const known = rows.knownAt(asOf);
  const result = evaluateTarget(target, known, asOf, dueDays, references);
  const sorted = known.observations();
  const counted = sorted.filter((row) => row.day <= asOf);
  const sums = target.kind === "progress" && target.aggregate === "sum";
  const explained = counted.map((observation): ExplainedRow => {
    const then = evaluateTarget(target, known, observation.day, dueDays, references);
    const growth = target.kind === "growth" ? growthAt(target, known, observation.day) : null;
    return {
      observation,
      expected: then.expected,
      growth: growth?.observedOn === observation.day ? growth.growth : null,
      // The actual then is the sum so far; rows before t0 add nothing to it.
      runningSum: sums ? ((then.actual as number | null) ?? 0) : null,
      statusThen: { status: then.status, reason: then.reason },
    };
  });
  return {
    result,
    asOf,
    rows: explained,
    laterRows: sorted.length - counted.length,
    unreportedRows: rows.reportedAfter(asOf),
    schedule: target.kind === "progress" ? schedulePoints(target) : null,
    toleranceAmount:
      target.kind === "progress"
        ? toleranceAmount(target.tolerance, target.target - target.baseline)
        : null,
    forecast: options.forecast ? forecastResult(result, asOf) : null,
    notes: rowWarnings(options.warnings ?? [], new Set([target.id])),
  };
}

/**
 * The run-rate projection of a progress result: the average change per day from the baseline at
 * t0 to the latest actual, carried on to the next schedule point and the deadline. A projection
 * only: it is computed after the status and never feeds back into it.
 */
export function forecastResult(result: Result, asOf: Day): ForecastOutcome {
  const { target } = result;
  if (target.kind !== "progress") return { kind: "none", why: "not-progress" };
  if (typeof result.actual !== "number" || result.observedOn === null)
    return { kind: "none", why: "no-data" };
  if (result.reason === "achieved") return { kind: "none", why: "achieved" };
  if (asOf >= target.deadline) return { kind: "none", why: "past-deadline" };
  const t0 = target.start - 1;
  const elapsed = result.observedOn - t0;
  if (elapsed <= 0) return { kind: "none", why: "no-history" };
  const latest = { by: result.observedOn, value: result.actual };
  const ratePerDay = (result.actual - target.baseline) / elapsed;
  const project = (day: Day) => latest.value + ratePerDay * (day - latest.by);
  const days = [result.nextMilestone?.by, target.deadline].filter(
    (day, index, all): day is Day => day !== undefined && all.indexOf(day) === index,
  );
  return {
    kind: "forecast",
    forecast: {
      ratePerDay,
      from: { by: t0, value: target.baseline },
      latest,
      points: days.map((by) => ({
        by,
        expected: expectedValue(target, by),
        projected: project(by),
        isDeadline: by === target.deadline,
      })),
      reachesTargetOn: reachDay(target, latest, ratePerDay),
    },
  };
}

/** Projections further than this are not a date anyone plans for. */
const MAX_PROJECTION_DAYS = 100 * 366;

function reachDay(target: ProgressTarget, latest: SchedulePoint, ratePerDay: number): Day | null {
  const remaining = target.target - latest.value;
  // Moving away from the target, or not moving: the line never gets there.
  if (ratePerDay === 0 || Math.sign(remaining) !== Math.sign(ratePerDay)) return null;
  const days = Math.ceil(remaining / ratePerDay);
  return days > MAX_PROJECTION_DAYS ? null : latest.by + days;
}
