/**
 * The status rules of SPEC sections 2 and 4: a pure function of targets, observations and the
 * as-of date. No clock, no files: `today` is decided by the caller.
 */
import { type CycleState, cycleState } from "./cycle.js";
import type { Day } from "./dates.js";
import type {
  AchievedCheck,
  BehindCheck,
  Check,
  DeadlineCheck,
  DoneCheck,
  DueSoonCheck,
  LateCheck,
  LevelTarget,
  MilestoneTarget,
  NearCheck,
  NoDataCheck,
  OffTrackCheck,
  OnTrackCheck,
  OutsideCheck,
  PendingCheck,
  ProgressTarget,
  Reason,
  Report,
  Result,
  Status,
  Summary,
  Target,
  Tolerance,
  ViolatedBound,
  WithinCheck,
} from "./model.js";
import { expectedValue, nextMilestone, progressDirection } from "./schedule.js";
import { Series } from "./series.js";

export interface EvaluateOptions {
  /** The as-of date T: rows dated after it are ignored. */
  asOf: Day;
  /** Days after a period's end its report is due, for targets without their own (SPEC 4.1). */
  dueDays?: number;
}

/** A report is due this many days after its period ends when nothing says otherwise (SPEC 4.1). */
export const DEFAULT_DUE_DAYS = 10;

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
  const dueDays = options.dueDays ?? DEFAULT_DUE_DAYS;
  const results = targets.map((target) =>
    evaluateTarget(target, observations.get(target.id) ?? Series.EMPTY, options.asOf, dueDays),
  );
  return { asOf: options.asOf, summary: summarize(results), results };
}

export function summarize(results: readonly Result[]): Summary {
  const summary: Summary = { total: results.length, green: 0, yellow: 0, red: 0, grey: 0 };
  for (const result of results) summary[result.status]++;
  return summary;
}

/**
 * The status of one target at day `asOf` from its rows; `dueDays` is the project's, for a target
 * without its own.
 */
export function evaluateTarget(
  target: Target,
  rows: Series,
  asOf: Day,
  dueDays = DEFAULT_DUE_DAYS,
): Result {
  const noData = actualAt(target, rows, asOf);
  const cycle = cycleState(target, noData.observedOn, asOf, target.dueDays ?? dueDays);
  const result = emptyResult(target, cycle);
  switch (target.kind) {
    case "progress":
      return evaluateProgress(target, rows, noData, asOf, result);
    case "level":
      return evaluateLevel(target, noData, cycle, result);
    case "milestone":
      return evaluateMilestone(target, rows, noData, asOf, result);
  }
}

/** The light each rule gives when it decides (SPEC 2.1–2.3); the rule's name is the reason. */
export const RULE_STATUS: Readonly<Record<Reason, Status>> = {
  "no-data": "grey",
  achieved: "green",
  "achieved-late": "green",
  missed: "red",
  "on-track": "green",
  behind: "yellow",
  "off-track": "red",
  within: "green",
  near: "yellow",
  outside: "red",
  done: "green",
  "done-late": "green",
  overdue: "red",
  "due-soon": "yellow",
  pending: "green",
  late: "grey",
};

/** Values closer than this are equal (SPEC 2.1): so that 30% of 130 is 39. */
function epsilon(scale: number): number {
  return 1e-9 * Math.max(1, Math.abs(scale));
}

/**
 * A tolerance as an amount in the target's unit: a percentage is taken of the reference (the span
 * of a progress target, the violated bound of a level target).
 */
export function toleranceAmount(tolerance: Tolerance, reference: number): number {
  return "amount" in tolerance ? tolerance.amount : (tolerance.percent / 100) * Math.abs(reference);
}

/**
 * The bound a level target's actual is on the wrong side of (beyond the bound's epsilon), with
 * how far and the tolerance there; null when the actual is within the bounds (SPEC 2.2).
 */
export function violatedBound(target: LevelTarget, actual: number): ViolatedBound | null {
  let side: "min" | "max";
  let bound: number;
  if (target.min !== null && actual < target.min - epsilon(target.min)) {
    side = "min";
    bound = target.min;
  } else if (target.max !== null && actual > target.max + epsilon(target.max)) {
    side = "max";
    bound = target.max;
  } else return null;
  return {
    side,
    bound,
    distance: Math.abs(actual - bound),
    tolerance: toleranceAmount(target.tolerance, bound),
    tolerancePercent: "percent" in target.tolerance ? target.tolerance.percent : null,
    epsilon: epsilon(bound),
  };
}

/** The check of one rule in a trace, if that rule was checked. */
export function findCheck<Rule extends Reason>(
  trace: readonly Check[],
  rule: Rule,
): Extract<Check, { rule: Rule }> | undefined {
  for (const check of trace)
    if (check.rule === rule) return check as Extract<Check, { rule: Rule }>;
  return undefined;
}

/** The trace of a result not yet decided: every result is decided before it is returned. */
const NOT_CHECKED: readonly Check[] = Object.freeze([]);

/**
 * A grey result with every field, which the rules then set: every result has one shape in V8 (a
 * spread or added fields would give each a shape of its own, and make every later read slow).
 */
function emptyResult(target: Target, cycle: CycleState): Result {
  return {
    target,
    status: "grey",
    reason: "no-data",
    judgedAt: cycle.judgedAt,
    late: cycle.late,
    missingReport: cycle.missingReport,
    dueBy: cycle.dueBy,
    actual: null,
    observedOn: null,
    expected: null,
    progress: null,
    expectedProgress: null,
    nextMilestone: null,
    star: null,
    trace: NOT_CHECKED,
  };
}

/**
 * The result decided by the last check of its trace: that rule's light and reason (`achieved` and
 * `done` reached after the deadline are `achieved-late` and `done-late`). Each trace is an array
 * literal of its final length, so that none is grown.
 */
function decide(result: Result, trace: readonly Check[]): Result {
  const check = trace[trace.length - 1] as Check;
  const reason: Reason =
    (check.rule === "achieved" || check.rule === "done") && check.late
      ? `${check.rule}-late`
      : check.rule;
  result.status = RULE_STATUS[reason];
  result.reason = reason;
  result.trace = trace;
  return result;
}

/** The rule 1 check: the actual and where it comes from, or none. */
function noDataCheck(
  actual: number | boolean | null,
  observedOn: Day | null,
  summedRows: number | null,
): NoDataCheck {
  return { rule: "no-data", held: actual === null, actual, observedOn, summedRows };
}

/**
 * The actual A at day `asOf` (SPEC 4), as rule 1 checks it: the value of the latest row at or
 * before `asOf`, or with `aggregate: sum` the sum of the rows after t0; none without such rows.
 * Rows of one date hold one value (checked on input).
 */
export function actualAt(target: Target, rows: Series, asOf: Day): NoDataCheck {
  if (target.kind !== "progress" || target.aggregate === "last") {
    const index = rows.latestOnOrBefore(asOf);
    return index === -1
      ? noDataCheck(null, null, null)
      : noDataCheck(rows.value(index), rows.day(index), null);
  }
  const t0 = target.start - 1;
  let sum = 0;
  let summed = 0;
  let observedOn: Day | null = null;
  // Rows are in date order: the last one counted is the latest.
  for (let index = 0; index < rows.length && rows.day(index) <= asOf; index++) {
    if (rows.day(index) > t0) {
      sum += rows.value(index) as number;
      summed++;
      observedOn = rows.day(index);
    }
  }
  return observedOn === null ? noDataCheck(null, null, null) : noDataCheck(sum, observedOn, summed);
}

/**
 * SPEC 2.1, rules 1–6 in order, at the judging date J of 4.1: each rule is checked only when those
 * before it did not hold.
 */
function evaluateProgress(
  target: ProgressTarget,
  rows: Series,
  noData: NoDataCheck,
  asOf: Day,
  result: Result,
): Result {
  const span = target.target - target.baseline;
  const judgedAt = result.judgedAt;
  const expected = expectedValue(target, judgedAt);
  result.expected = expected;
  result.expectedProgress = (expected - target.baseline) / span;
  // The next point of the schedule is the one after T, whatever date the result is judged at.
  result.nextMilestone = nextMilestone(target, asOf);
  if (noData.held) return decide(result, [noData]);

  const A = noData.actual as number;
  const observedOn = noData.observedOn as Day;
  result.actual = A;
  result.observedOn = observedOn;
  result.progress = (A - target.baseline) / span;
  const direction = progressDirection(target);
  const eps = epsilon(span);
  const shortfall = direction * (target.target - A);
  const reached = shortfall <= eps;
  const achieved: AchievedCheck = {
    rule: "achieved",
    held: reached,
    actual: A,
    target: target.target,
    shortfall,
    epsilon: eps,
    late: reached && observedOn > target.deadline && !reachedByDeadline(target, rows, eps),
  };
  if (achieved.held) return decide(result, [noData, achieved]);

  const missed: DeadlineCheck<"missed"> = {
    rule: "missed",
    held: judgedAt >= target.deadline,
    judgedAt,
    deadline: target.deadline,
  };
  if (missed.held) return decide(result, [noData, achieved, missed]);

  const lag = direction * (expected - A);
  const onTrack: OnTrackCheck = {
    rule: "on-track",
    held: lag <= eps,
    actual: A,
    expected,
    lag,
    epsilon: eps,
  };
  if (onTrack.held) return decide(result, [noData, achieved, missed, onTrack]);

  const tolerance = toleranceAmount(target.tolerance, span);
  const tolerancePercent = "percent" in target.tolerance ? target.tolerance.percent : null;
  const behind: BehindCheck = {
    rule: "behind",
    held: lag <= tolerance + eps,
    lag,
    tolerance,
    tolerancePercent,
    span: Math.abs(span),
    epsilon: eps,
  };
  if (behind.held) return decide(result, [noData, achieved, missed, onTrack, behind]);

  const offTrack: OffTrackCheck = {
    rule: "off-track",
    held: true,
    lag,
    tolerance,
    tolerancePercent,
    span: Math.abs(span),
  };
  return decide(result, [noData, achieved, missed, onTrack, behind, offTrack]);
}

/**
 * Whether a row dated at or before the deadline reaches the target (with `aggregate: sum`, the
 * running total at such a row): else an achieved target was reached late (SPEC 2.1).
 */
function reachedByDeadline(target: ProgressTarget, rows: Series, eps: number): boolean {
  const direction = progressDirection(target);
  const t0 = target.start - 1;
  let total = 0;
  for (let index = 0; index < rows.length && rows.day(index) <= target.deadline; index++) {
    const value = rows.value(index) as number;
    if (target.aggregate === "sum") {
      if (rows.day(index) <= t0) continue;
      total += value;
    } else total = value;
    if (direction * (target.target - total) <= eps) return true;
  }
  return false;
}

/**
 * SPEC 2.2 with 4.1: no-data, late (grey, the last value shown but not judged), within, near,
 * outside.
 */
function evaluateLevel(
  target: LevelTarget,
  noData: NoDataCheck,
  cycle: CycleState,
  result: Result,
): Result {
  if (noData.held) return decide(result, [noData]);
  const observedOn = noData.observedOn as Day;
  const A = noData.actual as number;
  result.actual = A;
  result.observedOn = observedOn;
  result.star = target.stretch === null ? null : reachesStretch(target, target.stretch, A);
  const late: LateCheck = {
    rule: "late",
    held: cycle.late,
    missingReport: cycle.missingReport,
    dueBy: cycle.dueBy,
    observedOn,
  };
  if (late.held) return decide(result, [noData, late]);
  const violated = violatedBound(target, A);
  const within: WithinCheck = {
    rule: "within",
    held: violated === null,
    actual: A,
    min: target.min,
    max: target.max,
  };
  if (violated === null) return decide(result, [noData, late, within]);
  const near: NearCheck = {
    rule: "near",
    held: violated.distance <= violated.tolerance + violated.epsilon,
    actual: A,
    violated,
  };
  if (near.held) return decide(result, [noData, late, within, near]);
  const outside: OutsideCheck = { rule: "outside", held: true, actual: A, violated };
  return decide(result, [noData, late, within, near, outside]);
}

/** A stretch is a lower value for targets with a `max`, and a higher one for `min`-only targets. */
function reachesStretch(target: LevelTarget, stretch: number, actual: number): boolean {
  return target.max !== null
    ? actual <= stretch + epsilon(stretch)
    : actual >= stretch - epsilon(stretch);
}

/** SPEC 2.3 at T: no-data, done (late when first done after the deadline), overdue, due-soon, pending. */
function evaluateMilestone(
  target: MilestoneTarget,
  rows: Series,
  noData: NoDataCheck,
  asOf: Day,
  result: Result,
): Result {
  if (noData.held) return decide(result, [noData]);
  const observedOn = noData.observedOn as Day;
  const isDone = noData.actual === true;
  result.actual = isDone;
  result.observedOn = observedOn;
  const done: DoneCheck = {
    rule: "done",
    held: isDone,
    late: isDone && firstDone(rows, asOf) > target.deadline,
  };
  if (done.held) return decide(result, [noData, done]);
  const overdue: DeadlineCheck<"overdue"> = {
    rule: "overdue",
    held: asOf >= target.deadline,
    judgedAt: asOf,
    deadline: target.deadline,
  };
  if (overdue.held) return decide(result, [noData, done, overdue]);
  const daysLeft = target.deadline - asOf;
  const dueSoon: DueSoonCheck = {
    rule: "due-soon",
    held: daysLeft <= target.warnDays,
    daysLeft,
    warnDays: target.warnDays,
  };
  if (dueSoon.held) return decide(result, [noData, done, overdue, dueSoon]);
  const pending: PendingCheck = {
    rule: "pending",
    held: true,
    daysLeft,
    warnDays: target.warnDays,
  };
  return decide(result, [noData, done, overdue, dueSoon, pending]);
}

/** The date of the first row that says done, at or before `asOf` (one exists). */
function firstDone(rows: Series, asOf: Day): Day {
  for (let index = 0; index < rows.length && rows.day(index) <= asOf; index++)
    if (rows.value(index) === true) return rows.day(index);
  return asOf;
}
