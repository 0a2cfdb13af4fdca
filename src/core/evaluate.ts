/**
 * The status rules of SPEC sections 2 and 4: a pure function of targets, observations and the
 * as-of date. No clock, no files: `today` is decided by the caller.
 */
import { type Day, monthIndex } from "./dates.js";
import type {
  LevelTarget,
  MilestoneTarget,
  ProgressTarget,
  Reason,
  Report,
  Result,
  Status,
  Summary,
  Target,
  Tolerance,
} from "./model.js";
import { expectedValue, nextMilestone } from "./schedule.js";
import { Series } from "./series.js";

export interface EvaluateOptions {
  /** The as-of date T: rows dated after it are ignored. */
  asOf: Day;
}

/** Each target's rows, as collected from the data files. */
export type ObservationsById = ReadonlyMap<string, Series>;

/**
 * The as-of date when none is given: the latest date of any row of a known target, or `today`
 * when there is no such row (SPEC section 4).
 */
export function defaultAsOf(observations: ObservationsById, today: Day): Day {
  let latest: Day | null = null;
  for (const rows of observations.values()) {
    const last = rows.length > 0 ? rows.day(rows.length - 1) : null;
    if (last !== null && (latest === null || last > latest)) latest = last;
  }
  return latest ?? today;
}

/** Evaluate every target at the as-of date; results keep the order of `targets`. */
export function evaluate(
  targets: readonly Target[],
  observations: ObservationsById,
  options: EvaluateOptions,
): Report {
  const results = targets.map((target) =>
    evaluateTarget(target, observations.get(target.id) ?? Series.EMPTY, options.asOf),
  );
  return { asOf: options.asOf, summary: summarize(results), results };
}

export function summarize(results: readonly Result[]): Summary {
  const summary: Summary = { total: results.length, green: 0, yellow: 0, red: 0, grey: 0 };
  for (const result of results) summary[result.status]++;
  return summary;
}

/** The status of one target at day `asOf` from its rows. */
export function evaluateTarget(target: Target, rows: Series, asOf: Day): Result {
  switch (target.kind) {
    case "progress":
      return evaluateProgress(target, rows, asOf);
    case "level":
      return evaluateLevel(target, rows, asOf);
    case "milestone":
      return evaluateMilestone(target, rows, asOf);
  }
}

/** Values closer than this are equal (SPEC 2.1): so that 30% of 130 is 39. */
function epsilon(scale: number): number {
  return 1e-9 * Math.max(1, Math.abs(scale));
}

/**
 * A tolerance as an amount in the target's unit: a percentage is taken of the reference (the span
 * of a progress target, the violated bound of a level target). Exported so that explanations show
 * the very number the status was decided with.
 */
export function toleranceAmount(tolerance: Tolerance, reference: number): number {
  return "amount" in tolerance ? tolerance.amount : (tolerance.percent / 100) * Math.abs(reference);
}

/** The latest row at or before `asOf`, or undefined. Rows of one date hold one value (checked on input). */
function latestRow(rows: Series, asOf: Day): { day: Day; value: number | boolean } | undefined {
  const index = rows.latestOnOrBefore(asOf);
  return index === -1 ? undefined : { day: rows.day(index), value: rows.value(index) };
}

function isStale(observedOn: Day, asOf: Day): boolean {
  return monthIndex(observedOn) < monthIndex(asOf);
}

/**
 * A result with every field; the rules fill in theirs with Object.assign (a spread would give each
 * result a shape of its own in V8, and make every later read of its fields slow).
 */
function emptyResult(target: Target, status: Status, reason: Reason): Result {
  return {
    target,
    status,
    reason,
    stale: false,
    actual: null,
    observedOn: null,
    expected: null,
    progress: null,
    expectedProgress: null,
    nextMilestone: null,
    star: null,
  };
}

/** The actual A: the latest row, or with `aggregate: sum` the sum of the rows after t0. */
function progressActual(target: ProgressTarget, rows: Series, asOf: Day) {
  if (target.aggregate === "last") {
    const row = latestRow(rows, asOf);
    return row === undefined ? undefined : { value: row.value as number, observedOn: row.day };
  }
  const t0 = target.start - 1;
  let sum = 0;
  let observedOn: Day | undefined;
  // Rows are in date order: the last one counted is the latest.
  for (let index = 0; index < rows.length && rows.day(index) <= asOf; index++) {
    if (rows.day(index) > t0) {
      sum += rows.value(index) as number;
      observedOn = rows.day(index);
    }
  }
  return observedOn === undefined ? undefined : { value: sum, observedOn };
}

function evaluateProgress(target: ProgressTarget, rows: Series, asOf: Day): Result {
  const span = target.target - target.baseline;
  const direction = Math.sign(span);
  const expected = expectedValue(target, asOf);
  const share = (value: number) => (value - target.baseline) / span;
  const base: Result = Object.assign(emptyResult(target, "grey", "no-data"), {
    expected,
    expectedProgress: share(expected),
    nextMilestone: nextMilestone(target, asOf),
  });
  const actual = progressActual(target, rows, asOf);
  if (actual === undefined) return base;

  const A = actual.value;
  const eps = epsilon(span);
  const lag = direction * (expected - A);
  const [status, reason]: [Status, Reason] =
    direction * (A - target.target) >= -eps
      ? ["green", "achieved"]
      : asOf >= target.deadline
        ? ["red", "missed"]
        : lag <= eps
          ? ["green", "on-track"]
          : lag <= toleranceAmount(target.tolerance, span) + eps
            ? ["yellow", "behind"]
            : ["red", "off-track"];
  return Object.assign(base, {
    status,
    reason,
    stale: isStale(actual.observedOn, asOf),
    actual: A,
    observedOn: actual.observedOn,
    progress: share(A),
  });
}

function evaluateLevel(target: LevelTarget, rows: Series, asOf: Day): Result {
  const row = latestRow(rows, asOf);
  if (row === undefined) return emptyResult(target, "grey", "no-data");
  const A = row.value as number;
  // The bound that A is on the wrong side of, if any; the tolerance is a share of its size.
  const violated =
    target.min !== null && A < target.min - epsilon(target.min)
      ? target.min
      : target.max !== null && A > target.max + epsilon(target.max)
        ? target.max
        : null;
  const [status, reason]: [Status, Reason] =
    violated === null
      ? ["green", "within"]
      : Math.abs(A - violated) <= toleranceAmount(target.tolerance, violated) + epsilon(violated)
        ? ["yellow", "near"]
        : ["red", "outside"];
  return Object.assign(emptyResult(target, status, reason), {
    stale: isStale(row.day, asOf),
    actual: A,
    observedOn: row.day,
    star: target.stretch === null ? null : reachesStretch(target, target.stretch, A),
  });
}

/** A stretch is a lower value for targets with a `max`, and a higher one for `min`-only targets. */
function reachesStretch(target: LevelTarget, stretch: number, actual: number): boolean {
  return target.max !== null
    ? actual <= stretch + epsilon(stretch)
    : actual >= stretch - epsilon(stretch);
}

function evaluateMilestone(target: MilestoneTarget, rows: Series, asOf: Day): Result {
  const row = latestRow(rows, asOf);
  if (row === undefined) return emptyResult(target, "grey", "no-data");
  const done = row.value === true;
  const [status, reason]: [Status, Reason] = done
    ? ["green", "done"]
    : asOf >= target.deadline
      ? ["red", "overdue"]
      : target.deadline - asOf <= target.warnDays
        ? ["yellow", "due-soon"]
        : ["green", "pending"];
  return Object.assign(emptyResult(target, status, reason), {
    stale: isStale(row.day, asOf),
    actual: done,
    observedOn: row.day,
  });
}
