/**
 * The status rules of SPEC sections 2 and 4: a pure function of targets, observations and the
 * as-of date. No clock, no files: `today` is decided by the caller.
 */
import { type CycleState, cycleState, reportDates } from "./cycle.js";
import { civilFromDay, type Day, dayFromCivil, daysInMonth, endOfMonth } from "./dates.js";
import type {
  AchievedCheck,
  AwaitingCheck,
  BehindCheck,
  BreachCheck,
  Check,
  DeadlineCheck,
  DoneCheck,
  DueSoonCheck,
  GrowthBoundCheck,
  GrowthFigures,
  GrowthTarget,
  LateCheck,
  LevelTarget,
  MilestoneTarget,
  NearCheck,
  NoBaseCheck,
  NoDataCheck,
  NoReferenceCheck,
  OffTrackCheck,
  OnTrackCheck,
  OutsideCheck,
  PendingCheck,
  ProgressTarget,
  Reason,
  Reference,
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
  const references = referenceSource(targets, observations, options.asOf, dueDays);
  const results = targets.map((target) =>
    evaluateTarget(
      target,
      observations.get(target.id) ?? Series.EMPTY,
      options.asOf,
      dueDays,
      references,
    ),
  );
  return { asOf: options.asOf, summary: summarize(results), results };
}

/**
 * Where a reference's actual comes from (SPEC 2.5): the referenced target's value at a day (its
 * latest row at or before it; a growth target's G there), and whether it is late at T.
 */
export interface ReferenceSource {
  valueAt(id: string, day: Day): number | null;
  lateAt(id: string): boolean;
}

/** No target is referenced: every reference has no value. */
export const NO_REFERENCES: ReferenceSource = { valueAt: () => null, lateAt: () => false };

/**
 * The references of a run at T: the targets' actuals, and each referenced target's lateness at T
 * (evaluated once, when first asked; references form no cycle, checked on input).
 */
export function referenceSource(
  targets: readonly Target[],
  observations: ObservationsById,
  asOf: Day,
  dueDays = DEFAULT_DUE_DAYS,
): ReferenceSource {
  const byId = new Map<string, Target>();
  for (const target of targets) if (!byId.has(target.id)) byId.set(target.id, target);
  const late = new Map<string, boolean>();
  const rowsOf = (id: string) => observations.get(id) ?? Series.EMPTY;
  const source: ReferenceSource = {
    valueAt(id, day) {
      const target = byId.get(id);
      if (target === undefined) return null;
      if (target.kind === "growth") {
        const growth = growthAt(target, rowsOf(id), day);
        return growth === null || growth.growth === null ? null : growth.growth;
      }
      const actual = actualAt(target, rowsOf(id), day).actual;
      return typeof actual === "number" ? actual : null;
    },
    lateAt(id) {
      const known = late.get(id);
      if (known !== undefined) return known;
      const target = byId.get(id);
      const result =
        target === undefined
          ? false
          : evaluateTarget(target, rowsOf(id), asOf, dueDays, source).late;
      late.set(id, result);
      return result;
    },
  };
  return source;
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
  allRows: Series,
  asOf: Day,
  dueDays = DEFAULT_DUE_DAYS,
  references: ReferenceSource = NO_REFERENCES,
): Result {
  // A row reported after the as-of date is not used (SPEC 4, v2).
  const rows = allRows.knownAt(asOf);
  const noData = actualAt(target, rows, asOf);
  const cycle = cycleState(target, noData.observedOn, asOf, target.dueDays ?? dueDays);
  const result = emptyResult(target, cycle);
  switch (target.kind) {
    case "progress":
      evaluateProgress(target, rows, noData, asOf, result);
      break;
    case "level":
      evaluateLevel(target, rows, noData, asOf, cycle, result, references);
      break;
    case "milestone":
      evaluateMilestone(target, rows, noData, asOf, result);
      break;
    case "growth":
      evaluateGrowth(target, rows, noData, asOf, cycle, result, references);
      break;
  }
  // The department's note on the row that gives the actual.
  if (result.observedOn !== null) {
    const index = rows.latestOnOrBefore(result.observedOn);
    if (index !== -1 && rows.day(index) === result.observedOn) result.note = rows.note(index);
  }
  return result;
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
  "no-base": "grey",
  "no-reference": "grey",
  "awaiting-result": "grey",
  breach: "yellow",
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
export function violatedBound(
  target: LevelTarget,
  actual: number,
  bounds: { min: number | null; max: number | null } = target,
): ViolatedBound | null {
  // "左右" (SPEC 2.5): the green bounds are min − about and max + about; a tolerance counts beyond
  // them, and a "N%" tolerance is still of the bound as written.
  const about = target.about;
  let side: "min" | "max";
  let bound: number;
  let written: number;
  if (bounds.min !== null && actual < bounds.min - about - epsilon(bounds.min)) {
    side = "min";
    written = bounds.min;
    bound = bounds.min - about;
  } else if (bounds.max !== null && actual > bounds.max + about + epsilon(bounds.max)) {
    side = "max";
    written = bounds.max;
    bound = bounds.max + about;
  } else return null;
  return {
    side,
    bound,
    distance: Math.abs(actual - bound),
    tolerance: toleranceAmount(target.tolerance, written),
    tolerancePercent: "percent" in target.tolerance ? target.tolerance.percent : null,
    epsilon: epsilon(written),
  };
}

/** The check of one rule in a trace, if that rule was checked. */
export function findCheck<Rule extends Check["rule"]>(
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
    note: null,
    expected: null,
    progress: null,
    expectedProgress: null,
    nextMilestone: null,
    star: null,
    bounds: null,
    growth: null,
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
    check.rule === "growth"
      ? check.verdict
      : (check.rule === "achieved" || check.rule === "done") && check.late
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
  if (target.kind === "growth") {
    // Rows dated at or before t0 are bases only, never the actual (SPEC 2.4).
    const index = rows.latestOnOrBefore(asOf);
    return index === -1 || rows.day(index) < target.start
      ? noDataCheck(null, null, null)
      : noDataCheck(rows.value(index), rows.day(index), null);
  }
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
  if (noData.held) return decideNoData(result, noData, asOf);

  const A = noData.actual as number;
  const observedOn = noData.observedOn as Day;
  result.actual = A;
  result.observedOn = observedOn;
  result.progress = (A - target.baseline) / span;
  const direction = progressDirection(target);
  const eps = epsilon(span);
  const shortfall = direction * (target.target - A);
  // "左右" (SPEC 2.5): achieved up to `about` short of the target.
  const reached = shortfall <= target.about + eps;
  const achieved: AchievedCheck = {
    rule: "achieved",
    held: reached,
    actual: A,
    target: target.target,
    about: target.about,
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
    if (direction * (target.target - total) <= target.about + eps) return true;
  }
  return false;
}

/**
 * The last day a target's final result may arrive by (SPEC 2.5): its deadline (a level target's
 * year's end), and `result_by`; null without `result_by`.
 */
function awaitedPeriod(target: Target): { deadline: Day; resultBy: Day } | null {
  if (target.resultBy === null) return null;
  const deadline =
    target.kind === "level"
      ? target.year === null
        ? null
        : endOfMonth(target.year, 12)
      : target.deadline;
  return deadline === null ? null : { deadline, resultBy: target.resultBy };
}

/**
 * From the deadline to `result_by` (SPEC 2.5): the check that the result is awaited at T, or null
 * when the target has no `result_by` or T is outside that time.
 */
function awaitingCheck(target: Target, asOf: Day): AwaitingCheck | null {
  const period = awaitedPeriod(target);
  if (period === null || asOf < period.deadline || asOf > period.resultBy) return null;
  return { rule: "awaiting-result", held: true, ...period };
}

/**
 * A result with no row: grey `no-data`, or from the deadline to `result_by` while no other report
 * is overdue, grey `awaiting-result` (SPEC 2.5).
 */
function decideNoData(result: Result, noData: NoDataCheck, asOf: Day): Result {
  const awaiting = result.late ? null : awaitingCheck(result.target, asOf);
  return decide(result, awaiting === null ? [noData] : [awaiting]);
}

/**
 * A reference resolved at day `on` (SPEC 2.5): the referenced actual there, plus or times its
 * number; held (grey `no-reference`) without one, or when the referenced target is late at T.
 */
function referenceCheck(
  reference: Reference,
  field: "min" | "max" | "rate",
  on: Day,
  references: ReferenceSource,
): NoReferenceCheck {
  const value = references.valueAt(reference.ref, on);
  const late = references.lateAt(reference.ref);
  const resolved =
    value === null
      ? null
      : reference.times !== null
        ? value * reference.times
        : value + (reference.plus ?? 0);
  return {
    rule: "no-reference",
    held: value === null || late,
    ref: reference.ref,
    field,
    on,
    value,
    late,
    resolved,
  };
}

/** A level target's bounds at day `on`, its references resolved, and the first that has no value. */
function boundsAt(
  target: LevelTarget,
  on: Day,
  references: ReferenceSource,
): {
  bounds: { min: number | null; max: number | null };
  checks: NoReferenceCheck[];
  failed: NoReferenceCheck | null;
} {
  let min = target.min;
  let max = target.max;
  const checks: NoReferenceCheck[] = [];
  if (target.minRef !== null) {
    const check = referenceCheck(target.minRef, "min", on, references);
    min = check.resolved;
    checks.push(check);
  }
  if (target.maxRef !== null && !checks.some((check) => check.held)) {
    const check = referenceCheck(target.maxRef, "max", on, references);
    max = check.resolved;
    checks.push(check);
  }
  return { bounds: { min, max }, checks, failed: checks.find((check) => check.held) ?? null };
}

/**
 * SPEC 2.2 with 4.1 and 2.5: no-data, late (grey, the last value shown but not judged), the
 * references, within (the bounds slackened by about), near, breach, outside.
 */
function evaluateLevel(
  target: LevelTarget,
  rows: Series,
  noData: NoDataCheck,
  asOf: Day,
  cycle: CycleState,
  result: Result,
  references: ReferenceSource,
): Result {
  result.bounds = { min: target.min, max: target.max };
  if (noData.held) return decideNoData(result, noData, asOf);
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
  const trace: Check[] = [noData, late];
  if (target.minRef !== null || target.maxRef !== null) {
    const resolved = boundsAt(target, observedOn, references);
    result.bounds = resolved.bounds;
    trace.push(...resolved.checks);
    if (resolved.failed !== null) return decide(result, trace);
  }
  const bounds = result.bounds;
  const violated = violatedBound(target, A, bounds);
  const within: WithinCheck = {
    rule: "within",
    held: violated === null,
    actual: A,
    min: bounds.min,
    max: bounds.max,
    about: target.about,
  };
  trace.push(within);
  if (violated === null) return decide(result, trace);
  const near: NearCheck = {
    rule: "near",
    held: violated.distance <= violated.tolerance + violated.epsilon,
    actual: A,
    violated,
  };
  trace.push(near);
  if (near.held) return decide(result, trace);
  if (target.breachAfter !== null) {
    const breach = breachCheck(target, rows, result.judgedAt, target.breachAfter, references);
    trace.push(breach);
    if (breach.held) return decide(result, trace);
  }
  const outside: OutsideCheck = { rule: "outside", held: true, actual: A, violated };
  trace.push(outside);
  return decide(result, trace);
}

/**
 * `breach_after: N` (SPEC 2.5): the values at the N − 1 report dates before J (each the latest row
 * at or before it) must all be outside the slackened bounds for the current breach to be red.
 */
function breachCheck(
  target: LevelTarget,
  rows: Series,
  judgedAt: Day,
  breachAfter: number,
  references: ReferenceSource,
): BreachCheck {
  // A period is at most a year: N years back hold the N − 1 report dates wanted.
  const dates = reportDates(target, judgedAt - 366 * breachAfter, judgedAt - 1).slice(
    -(breachAfter - 1),
  );
  const before = dates.map((on) => {
    const index = rows.latestOnOrBefore(on);
    if (index === -1) return { on, value: null, outside: false };
    const value = rows.value(index) as number;
    const { bounds, failed } = boundsAt(target, on, references);
    return { on, value, outside: failed === null && violatedBound(target, value, bounds) !== null };
  });
  const all = before.length === breachAfter - 1 && before.every((date) => date.outside);
  return { rule: "breach", held: !all, breachAfter, before };
}

/** G rounded to one decimal, half away from zero, as bureaus publish it (SPEC 2.4). */
export function roundGrowth(growth: number): number {
  // toPrecision(12) first: (1.0685 − 1) × 100 is 6.849999… in binary, and 6.85 is what was meant.
  const tenths = Number((Math.abs(growth) * 10).toPrecision(12));
  return (Math.sign(growth) * Math.round(tenths)) / 10 + 0;
}

/** The same period of last year (SPEC 2.4): a month-end's is that month's last day (02-29 ↔ 02-28). */
export function sameDayLastYear(day: Day): Day {
  const { year, month, day: dayOfMonth } = civilFromDay(day);
  if (dayOfMonth === daysInMonth(year, month)) return endOfMonth(year - 1, month);
  return dayFromCivil(year - 1, month, Math.min(dayOfMonth, daysInMonth(year - 1, month)));
}

/** A growth target's G at a row (SPEC 2.4), with A and B for `input: value`. */
export interface GrowthAt {
  /** G; null when B is missing or not above 0. */
  growth: number | null;
  observedOn: Day;
  value: number;
  base: number | null;
  baseFrom: "column" | "row" | null;
  baseOn: Day | null;
}

/** The growth at the latest row dated after t0 and at or before `day`; null without such a row. */
export function growthAt(target: GrowthTarget, rows: Series, day: Day): GrowthAt | null {
  const index = rows.latestOnOrBefore(day);
  if (index === -1 || rows.day(index) < target.start) return null;
  const observedOn = rows.day(index);
  const value = rows.value(index) as number;
  if (target.input === "rate")
    return { growth: value, observedOn, value, base: null, baseFrom: null, baseOn: null };
  const at = baseOfRow(rows, index);
  return { growth: growthOf(value, at.base), observedOn, value, ...at };
}

/** The B of a row of a growth target of `input: value` (SPEC 2.4), and where it comes from. */
export type RowBase = Pick<GrowthAt, "base" | "baseFrom" | "baseOn">;

/**
 * The B of the row at `index` of a target's rows (SPEC 2.4): the row's base column, else the value
 * of last year's row of the same period, else null.
 */
export function baseOfRow(rows: Series, index: number): RowBase {
  const base = rows.base(index);
  if (base !== null) return { base, baseFrom: "column", baseOn: null };
  const lastYear = sameDayLastYear(rows.day(index));
  const at = rows.latestOnOrBefore(lastYear);
  return at !== -1 && rows.day(at) === lastYear
    ? { base: rows.value(at) as number, baseFrom: "row", baseOn: lastYear }
    : { base: null, baseFrom: null, baseOn: null };
}

/** G of A and B (SPEC 2.4), rounded; null when B is missing or not above 0. */
export function growthOf(value: number, base: number | null): number | null {
  return base === null || !(base > 0) ? null : roundGrowth((value / base - 1) * 100);
}

/** Differences of growth rates below this are none (SPEC 2.4). */
const GROWTH_EPSILON = 1e-9;

/**
 * SPEC 2.4 with 4.1 and 2.5: no-data (or awaiting-result), late, no-base, no-reference, then the
 * shortfall S of G from the bound after slack b decides.
 */
function evaluateGrowth(
  target: GrowthTarget,
  rows: Series,
  noData: NoDataCheck,
  asOf: Day,
  cycle: CycleState,
  result: Result,
  references: ReferenceSource,
): Result {
  const figures: GrowthFigures = {
    rate: target.rate,
    bound: target.bound,
    about: target.rate === null ? null : toleranceAmount(target.about, target.rate),
    boundAfterSlack: null,
    amount: target.amount,
    actualValue: null,
    baseValue: null,
  };
  result.growth = figures;
  if (noData.held) return decideNoData(result, noData, asOf);
  const at = growthAt(target, rows, noData.observedOn as Day) as GrowthAt;
  const observedOn = at.observedOn;
  result.observedOn = observedOn;
  result.actual = at.growth;
  if (target.input === "value") {
    figures.actualValue = at.value;
    figures.baseValue = at.base;
  }
  const late: LateCheck = {
    rule: "late",
    held: cycle.late,
    missingReport: cycle.missingReport,
    dueBy: cycle.dueBy,
    observedOn,
  };
  const trace: Check[] = [noData, late];
  if (late.held) return decide(result, trace);
  if (target.input === "value") {
    const noBase: NoBaseCheck = {
      rule: "no-base",
      held: at.growth === null,
      value: at.value,
      base: at.base,
      baseFrom: at.baseFrom,
      baseOn: at.baseOn,
    };
    trace.push(noBase);
    if (noBase.held) return decide(result, trace);
  }
  let rate = target.rate as number;
  if (target.rateRef !== null) {
    const reference = referenceCheck(target.rateRef, "rate", observedOn, references);
    trace.push(reference);
    if (reference.held) return decide(result, trace);
    rate = reference.resolved as number;
    figures.rate = rate;
  }
  const G = at.growth as number;
  const about = toleranceAmount(target.about, rate);
  const b = target.bound === "min" ? rate - about : rate + about;
  const shortfall = target.bound === "min" ? b - G : G - b;
  const tolerance = toleranceAmount(target.tolerance, rate);
  figures.about = about;
  figures.boundAfterSlack = b;
  result.expected = b;
  const judgedAt = result.judgedAt;
  const final = judgedAt >= target.deadline;
  const met = shortfall <= GROWTH_EPSILON;
  const verdict: GrowthBoundCheck["verdict"] = final
    ? met
      ? "achieved"
      : "missed"
    : met
      ? "on-track"
      : shortfall <= tolerance + GROWTH_EPSILON
        ? "behind"
        : "off-track";
  trace.push({
    rule: "growth",
    held: true,
    verdict,
    growth: G,
    rate,
    about,
    boundAfterSlack: b,
    side: target.bound,
    shortfall,
    tolerance,
    tolerancePercent: "percent" in target.tolerance ? target.tolerance.percent : null,
    final,
    judgedAt,
    deadline: target.deadline,
  });
  return decide(result, trace);
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
  if (noData.held) return decideNoData(result, noData, asOf);
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
  // Not done from the deadline to result_by: the result is awaited (SPEC 2.5).
  const awaiting = awaitingCheck(target, asOf);
  if (awaiting !== null) return decide(result, [noData, done, awaiting]);
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
