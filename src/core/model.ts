/** The types every layer shares: targets as loaded, observations as read, results as evaluated. */
import type { Day } from "./dates.js";

export const STATUSES = ["red", "yellow", "grey", "green"] as const;
/** A traffic light; the array order is the order reports list them in (worst first). */
export type Status = (typeof STATUSES)[number];

/**
 * The largest size of a number in a target or data file. Every whole number up to it is exact in a
 * double, and no span, E(t), sum or share built from such numbers can overflow to Infinity.
 */
export const MAX_MAGNITUDE = 1e15;

export const KINDS = ["progress", "level", "milestone", "growth"] as const;
export type Kind = (typeof KINDS)[number];

export type Reason =
  | "no-data"
  | "achieved"
  | "achieved-late"
  | "missed"
  | "on-track"
  | "behind"
  | "off-track"
  | "within"
  | "near"
  | "outside"
  | "done"
  | "done-late"
  | "overdue"
  | "due-soon"
  | "pending"
  | "late"
  | "no-base"
  | "no-reference"
  | "awaiting-result"
  | "breach";

/** How often a target's row is due (SPEC 4.1). */
export const FREQUENCIES = ["monthly", "quarterly", "half-yearly", "yearly"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** A day of the year without the year: `first_report: 02-28`. */
export interface MonthDay {
  month: number;
  day: number;
}

/** A place in an input file; line and column are 1-based. */
export interface Place {
  file: string;
  line: number;
  column: number;
}

/** How far behind is still yellow: an amount in the target's unit, or a share of a reference. */
export type Tolerance = { amount: number } | { percent: number };

/**
 * A bound or a rate that is another target's actual (SPEC 2.5, v2.1): `{ ref: ID }`, plus a number
 * or times a number (at most one of them).
 */
export interface Reference {
  ref: string;
  plus: number | null;
  times: number | null;
  /** Where the reference is written. */
  place: Place;
}

/** A point of a progress target's schedule: the value expected at the end of day `by`. */
export interface SchedulePoint {
  by: Day;
  value: number;
}

interface TargetBase {
  id: string;
  title: string;
  owner: string[];
  section: string | null;
  unit: string | null;
  source: string | null;
  /** Where the target's entry starts in its file. */
  place: Place;
  /** Its weight in the owners' score, > 0 (SPEC 6). */
  weight: number;
  /** Days after a period's end its report is due; null: the project's (SPEC 4.1). */
  dueDays: number | null;
  /** The final result arrives by this day, after the deadline (SPEC 2.5, v2.1); null: none. */
  resultBy: Day | null;
}

/** The fields of a target that has report dates (SPEC 4.1). */
interface Reported {
  frequency: Frequency;
  /** A monthly target's first report date of each year; earlier month-ends are no report dates. */
  firstReport: MonthDay | null;
}

export interface ProgressTarget extends TargetBase, Reported {
  kind: "progress";
  target: number;
  baseline: number;
  start: Day;
  deadline: Day;
  /** The milestones in date order, strictly between start and deadline (the deadline is implicit). */
  milestones: SchedulePoint[];
  interpolation: "linear" | "step";
  tolerance: Tolerance;
  aggregate: "last" | "sum";
  /** "左右": slack in the unit on the worse side of the target, for rule 2 only (SPEC 2.5). */
  about: number;
}

export interface LevelTarget extends TargetBase, Reported {
  kind: "level";
  /** The file's year: the report dates are its periods' ends; null: every period end. */
  year: number | null;
  min: number | null;
  max: number | null;
  /** A bound that is another target's actual (SPEC 2.5); then `min` or `max` is null. */
  minRef: Reference | null;
  maxRef: Reference | null;
  tolerance: Tolerance;
  stretch: number | null;
  /** "左右": slack in the unit beyond each bound that is still green (SPEC 2.5). */
  about: number;
  /** Red only when the values at the N − 1 report dates before were outside too (SPEC 2.5). */
  breachAfter: number | null;
}

/** Year-on-year growth (SPEC 2.4, v2.1): the cumulative growth rate against a bound. */
export interface GrowthTarget extends TargetBase, Reported {
  kind: "growth";
  /** The rate in percent; null when it is a reference. */
  rate: number | null;
  rateRef: Reference | null;
  bound: "min" | "max";
  /** "左右": slack on the worse side, in points or a percent of |rate|. */
  about: Tolerance;
  tolerance: Tolerance;
  /** `rate`: rows are the published rates; `value`: rows are cumulative values and G is computed. */
  input: "rate" | "value";
  /** The absolute figure the sentence also names, shown beside the rate. */
  amount: number | null;
  start: Day;
  deadline: Day;
}

export interface MilestoneTarget extends TargetBase {
  kind: "milestone";
  deadline: Day;
  warnDays: number;
}

export type Target = ProgressTarget | LevelTarget | MilestoneTarget | GrowthTarget;

/** One data row: a target's value on a date, and where it was read. */
export interface Observation {
  day: Day;
  value: number | boolean;
  file: string;
  line: number;
  /** The row's `base` column (last year's figure, SPEC 2.4), or null. */
  base?: number | null;
  /** The sheet, for a row of a workbook: `line` is its row. */
  sheet?: string;
  /** The department's note on the row (the `note` column, trimmed), when it has one. */
  note?: string;
}

/**
 * One status rule as the evaluator checked it (SPEC 2.1–2.3): which rule (the reason it gives when
 * it decides), the numbers it compared, and whether it held. A result's trace lists the rules in
 * the order they are tried, up to and including the one that decided: the last check is the only
 * one that held. Explanations and reports read these numbers; they never compute a rule again.
 */
export type Check = ProgressCheck | LevelCheck | MilestoneCheck | GrowthCheck;

/** Rule 1 of every kind: there is an actual. Holds when there is none. */
export interface NoDataCheck {
  rule: "no-data";
  held: boolean;
  actual: number | boolean | null;
  /** The date of the latest row counted in the actual. */
  observedOn: Day | null;
  /** With `aggregate: sum`: how many rows the actual adds up; null otherwise. */
  summedRows: number | null;
}

/**
 * Whether a deadline has come at the judging date: J ≥ deadline (progress `missed`, milestone
 * `overdue`; a milestone is judged at T).
 */
export interface DeadlineCheck<Rule extends "missed" | "overdue"> {
  rule: Rule;
  held: boolean;
  judgedAt: Day;
  deadline: Day;
}

export type ProgressCheck =
  | NoDataCheck
  | AwaitingCheck
  | AchievedCheck
  | DeadlineCheck<"missed">
  | OnTrackCheck
  | BehindCheck
  | OffTrackCheck;

/**
 * Between the deadline and `result_by` (SPEC 2.5): no row while no other report is overdue (a
 * milestone: not done) waits for the result. Held: grey `awaiting-result`.
 */
export interface AwaitingCheck {
  rule: "awaiting-result";
  held: boolean;
  deadline: Day;
  resultBy: Day;
}

/**
 * A reference's actual at the row date (SPEC 2.5): held (grey `no-reference`) when the referenced
 * target has no row at or before `on`, or is late at T.
 */
export interface NoReferenceCheck {
  rule: "no-reference";
  held: boolean;
  /** The referenced target's id, and the field that refers to it. */
  ref: string;
  field: "min" | "max" | "rate";
  on: Day;
  /** The referenced target's actual there (its G for a growth target), or null. */
  value: number | null;
  /** The referenced target is late at T. */
  late: boolean;
  /** The bound or rate that follows: value plus or times the reference's number. */
  resolved: number | null;
}

/** d·(A − target) ≥ −about, within epsilon: held when shortfall = d·(target − A) ≤ about + epsilon. */
export interface AchievedCheck {
  rule: "achieved";
  held: boolean;
  actual: number;
  target: number;
  /** "左右": the slack allowed short of the target (0 without it). */
  about: number;
  shortfall: number;
  epsilon: number;
  /** No row dated at or before the deadline reaches the target: it was reached later. */
  late: boolean;
}

/** L = d·(E(T) − A) ≤ 0, within epsilon. */
export interface OnTrackCheck {
  rule: "on-track";
  held: boolean;
  actual: number;
  expected: number;
  lag: number;
  epsilon: number;
}

/** L ≤ tolerance, within epsilon. */
export interface BehindCheck {
  rule: "behind";
  held: boolean;
  lag: number;
  /** The tolerance as an amount, and its percent of the span when it was given in %. */
  tolerance: number;
  tolerancePercent: number | null;
  /** |target − baseline|. */
  span: number;
  epsilon: number;
}

/** Otherwise: L is more than the tolerance. */
export interface OffTrackCheck {
  rule: "off-track";
  held: true;
  lag: number;
  tolerance: number;
  tolerancePercent: number | null;
  span: number;
}

/** The bound a level target's actual is on the wrong side of, with the tolerance allowed there. */
export interface ViolatedBound {
  side: "min" | "max";
  bound: number;
  /** |A − bound|: how far outside. */
  distance: number;
  /** The tolerance as an amount (a percentage is of |bound|), and its percent when given in %. */
  tolerance: number;
  tolerancePercent: number | null;
  /** Values closer than this to the bound are equal to it. */
  epsilon: number;
}

export type LevelCheck =
  | NoDataCheck
  | NoReferenceCheck
  | LateCheck
  | WithinCheck
  | NearCheck
  | BreachCheck
  | OutsideCheck;

/**
 * A level target's report is overdue and its latest row is older than that report's period
 * (SPEC 4.1): the last value is shown but not judged.
 */
export interface LateCheck {
  rule: "late";
  held: boolean;
  /** The report date owed (r*) and the last day it was due; null when not late. */
  missingReport: Day | null;
  dueBy: Day | null;
  /** The date of the latest row. */
  observedOn: Day;
}

/** min − about ≤ A ≤ max + about, within epsilon of each bound (min and max as resolved). */
export interface WithinCheck {
  rule: "within";
  held: boolean;
  actual: number;
  min: number | null;
  max: number | null;
  /** "左右": the slack beyond each bound (0 without it). */
  about: number;
}

/**
 * `breach_after: N` (SPEC 2.5): outside by more than the tolerance, but red only when the values at
 * the N − 1 report dates before J were outside the slackened bounds too. Held: yellow `breach`.
 */
export interface BreachCheck {
  rule: "breach";
  held: boolean;
  breachAfter: number;
  /** The N − 1 report dates before J (fewer when there are not so many) and whether each was outside. */
  before: { on: Day; value: number | null; outside: boolean }[];
}

/** Outside by no more than the tolerance: distance ≤ tolerance, within epsilon. */
export interface NearCheck {
  rule: "near";
  held: boolean;
  actual: number;
  violated: ViolatedBound;
}

/** Otherwise: outside by more than the tolerance. */
export interface OutsideCheck {
  rule: "outside";
  held: true;
  actual: number;
  violated: ViolatedBound;
}

export type MilestoneCheck =
  | NoDataCheck
  | DoneCheck
  | AwaitingCheck
  | DeadlineCheck<"overdue">
  | DueSoonCheck
  | PendingCheck;

/** The latest row says done; `late` when the first done row is dated after the deadline. */
export interface DoneCheck {
  rule: "done";
  held: boolean;
  late: boolean;
}

/** Not done and the deadline at most warn_days after T: daysLeft = deadline − T ≤ warnDays. */
export interface DueSoonCheck {
  rule: "due-soon";
  held: boolean;
  daysLeft: number;
  warnDays: number;
}

/** Otherwise: more than warn_days left. */
export interface PendingCheck {
  rule: "pending";
  held: true;
  daysLeft: number;
  warnDays: number;
}

export type GrowthCheck =
  | NoDataCheck
  | AwaitingCheck
  | NoBaseCheck
  | NoReferenceCheck
  | LateCheck
  | GrowthBoundCheck;

/**
 * With `input: value` (SPEC 2.4): last year's figure B for the row's period, from the row's `base`
 * column or last year's row. Held (grey `no-base`) when there is none or B ≤ 0.
 */
export interface NoBaseCheck {
  rule: "no-base";
  held: boolean;
  /** The row's value A (the cumulative value). */
  value: number;
  base: number | null;
  /** Where B comes from: the row's base column, or last year's row dated `baseOn`. */
  baseFrom: "column" | "row" | null;
  baseOn: Day | null;
}

/**
 * SPEC 2.4: the shortfall S of G from the bound after slack b. Before the deadline S ≤ 0 is
 * on-track, S ≤ tolerance behind, else off-track; once J ≥ deadline S ≤ 0 is achieved, else missed.
 * The one check that decides; `verdict` is the reason it gives.
 */
export interface GrowthBoundCheck {
  rule: "growth";
  held: true;
  verdict: "on-track" | "behind" | "off-track" | "achieved" | "missed";
  /** G, rounded to one decimal when computed from values. */
  growth: number;
  /** The rate (as resolved for a reference), the slack in points, and b. */
  rate: number;
  about: number;
  boundAfterSlack: number;
  side: "min" | "max";
  shortfall: number;
  tolerance: number;
  tolerancePercent: number | null;
  /** J ≥ deadline: the final result. */
  final: boolean;
  judgedAt: Day;
  deadline: Day;
}

/** A growth result's figures (SPEC 2.4): the rate as resolved, b, and A and B with `input: value`. */
export interface GrowthFigures {
  rate: number | null;
  bound: "min" | "max";
  /** The slack in points (a "N%" about taken of |rate|). */
  about: number | null;
  boundAfterSlack: number | null;
  amount: number | null;
  actualValue: number | null;
  baseValue: number | null;
}

/** The evaluation of one target at the as-of date. */
export interface Result {
  target: Target;
  status: Status;
  reason: Reason;
  /** The judging date J ≤ T (SPEC 4.1): the latest row's date, or the date of the report owed. */
  judgedAt: Day;
  /** A report is due and none came (SPEC 4.1). */
  late: boolean;
  /** When late: the report date owed (r*), and the last day it was due; else null. */
  missingReport: Day | null;
  dueBy: Day | null;
  actual: number | boolean | null;
  /** The date of the latest row counted in `actual`. */
  observedOn: Day | null;
  /** The note of that row (the department's 备注), or null when it has none. */
  note: string | null;
  /** E(J), for progress targets. */
  expected: number | null;
  /** Share of the way from baseline to target, for progress targets. */
  progress: number | null;
  expectedProgress: number | null;
  /** The first schedule point after the as-of date, deadline included. */
  nextMilestone: SchedulePoint | null;
  /** A level target's stretch value is reached. */
  star: boolean | null;
  /** A level target's bounds as judged (a reference resolved); null for other kinds. */
  bounds: { min: number | null; max: number | null } | null;
  /** A growth target's figures; null for other kinds. */
  growth: GrowthFigures | null;
  /** The rules checked, in order; the last one decided `status` and `reason`. */
  trace: readonly Check[];
}

export interface Summary {
  total: number;
  green: number;
  yellow: number;
  red: number;
  grey: number;
}

export interface Report {
  asOf: Day;
  summary: Summary;
  /** In target-file order. */
  results: Result[];
}
