/**
 * `kpi explain`: one target's story as data — its rows up to the as-of date with the expected value
 * at each, the rule that decided its status with the numbers compared, and an optional run-rate
 * projection. Pure: the status comes from `evaluateTarget`, never from a second copy of the rules.
 */
import type { Day } from "./dates.js";
import { evaluateTarget, toleranceAmount } from "./evaluate.js";
import type {
  Kind,
  LevelTarget,
  Observation,
  ProgressTarget,
  Reason,
  Result,
  SchedulePoint,
  Target,
} from "./model.js";
import { expectedValue, schedulePoints } from "./schedule.js";
import type { Series } from "./series.js";

/**
 * The rules of SPEC 2.1–2.3 in the order they are tried; the first that holds decides. The
 * decision itself is `evaluateTarget`'s: this order only says which rules came before it.
 */
export const RULE_ORDER: Record<Kind, readonly Reason[]> = {
  progress: ["no-data", "achieved", "missed", "on-track", "behind", "off-track"],
  level: ["no-data", "within", "near", "outside"],
  milestone: ["no-data", "done", "overdue", "due-soon", "pending"],
};

/** One data row as `explain` lists it. */
export interface ExplainedRow {
  observation: Observation;
  /** E at the row's date, for progress targets. */
  expected: number | null;
  /** With `aggregate: sum`, the sum of the rows after t0 up to this one. */
  runningSum: number | null;
  /** What the target's status was on the row's date (the evaluator, run on that date). */
  statusThen: Pick<Result, "status" | "reason">;
}

/** The numbers the deciding rule compared, from the same result and tolerance as the status. */
export type RuleNumbers =
  | {
      kind: "progress";
      actual: number | null;
      expected: number;
      target: number;
      deadline: Day;
      /** How far the actual is behind E(T), in the target's direction; ≤ 0 is at or ahead. */
      lag: number | null;
      /** The tolerance as an amount, and the span it is a share of when it was given in %. */
      tolerance: number;
      tolerancePercent: number | null;
      span: number;
      /** With `aggregate: sum`: how many rows the actual adds up. */
      summedRows: number | null;
    }
  | {
      kind: "level";
      actual: number | null;
      min: number | null;
      max: number | null;
      /** The bound the actual is on the wrong side of, and by how much. */
      violated: number | null;
      distance: number | null;
      tolerance: number | null;
      tolerancePercent: number | null;
    }
  | {
      kind: "milestone";
      actual: boolean | null;
      deadline: Day;
      /** Days from the as-of date to the deadline (negative once it has passed). */
      daysLeft: number;
      warnDays: number;
    };

export interface RuleExplanation {
  /** The rules tried, in order, up to and including the one that decided. */
  tried: readonly Reason[];
  decided: Reason;
  numbers: RuleNumbers;
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
  /** Every point E runs through (progress targets), t0 first; null for other kinds. */
  schedule: SchedulePoint[] | null;
  rule: RuleExplanation;
  forecast: ForecastOutcome | null;
}

export interface ExplainOptions {
  asOf: Day;
  /** Add the run-rate projection. @default false */
  forecast?: boolean;
}

/** Explain one target at the as-of date from its rows. */
export function explainTarget(target: Target, rows: Series, options: ExplainOptions): Explanation {
  const { asOf } = options;
  const result = evaluateTarget(target, rows, asOf);
  const sorted = rows.observations();
  const counted = sorted.filter((row) => row.day <= asOf);
  let runningSum = 0;
  const explained = counted.map((observation): ExplainedRow => {
    const then = evaluateTarget(target, rows, observation.day);
    let sum: number | null = null;
    if (target.kind === "progress" && target.aggregate === "sum") {
      if (observation.day > target.start - 1) runningSum += observation.value as number;
      sum = runningSum;
    }
    return {
      observation,
      expected: target.kind === "progress" ? expectedValue(target, observation.day) : null,
      runningSum: sum,
      statusThen: { status: then.status, reason: then.reason },
    };
  });
  return {
    result,
    asOf,
    rows: explained,
    laterRows: sorted.length - counted.length,
    schedule: target.kind === "progress" ? schedulePoints(target) : null,
    rule: explainResult(result, asOf, counted),
    forecast: options.forecast ? forecastResult(result, asOf) : null,
  };
}

/**
 * Which rule decided a result, with the numbers it compared: the rule is the result's own reason,
 * the rules before it in SPEC order are the ones that did not hold.
 */
export function explainResult(
  result: Result,
  asOf: Day,
  countedRows: readonly Observation[] = [],
): RuleExplanation {
  const order = RULE_ORDER[result.target.kind];
  const tried = order.slice(0, order.indexOf(result.reason) + 1);
  return { tried, decided: result.reason, numbers: ruleNumbers(result, asOf, countedRows) };
}

function ruleNumbers(result: Result, asOf: Day, countedRows: readonly Observation[]): RuleNumbers {
  const { target } = result;
  switch (target.kind) {
    case "progress": {
      const span = target.target - target.baseline;
      const actual = typeof result.actual === "number" ? result.actual : null;
      const expected = result.expected ?? expectedValue(target, asOf);
      return {
        kind: "progress",
        actual,
        expected,
        target: target.target,
        deadline: target.deadline,
        lag: actual === null ? null : Math.sign(span) * (expected - actual),
        tolerance: toleranceAmount(target.tolerance, span),
        tolerancePercent: "percent" in target.tolerance ? target.tolerance.percent : null,
        span: Math.abs(span),
        summedRows:
          target.aggregate === "sum"
            ? countedRows.filter((row) => row.day > target.start - 1).length
            : null,
      };
    }
    case "level":
      return levelNumbers(
        target,
        typeof result.actual === "number" ? result.actual : null,
        result.reason,
      );
    case "milestone":
      return {
        kind: "milestone",
        actual: typeof result.actual === "boolean" ? result.actual : null,
        deadline: target.deadline,
        daysLeft: target.deadline - asOf,
        warnDays: target.warnDays,
      };
  }
}

function levelNumbers(target: LevelTarget, actual: number | null, reason: Reason): RuleNumbers {
  // Whether the actual is outside is the result's reason; only which bound it passed is found here.
  const violated =
    actual === null || reason === "within" || reason === "no-data"
      ? null
      : target.min !== null && actual < target.min
        ? target.min
        : target.max;
  const percent = "percent" in target.tolerance ? target.tolerance.percent : null;
  return {
    kind: "level",
    actual,
    min: target.min,
    max: target.max,
    violated,
    distance: violated === null || actual === null ? null : Math.abs(actual - violated),
    tolerance:
      violated === null && percent !== null
        ? null
        : toleranceAmount(target.tolerance, violated ?? 0),
    tolerancePercent: percent,
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
