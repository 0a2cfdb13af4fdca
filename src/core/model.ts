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

export const KINDS = ["progress", "level", "milestone"] as const;
export type Kind = (typeof KINDS)[number];

export type Reason =
  | "no-data"
  | "achieved"
  | "missed"
  | "on-track"
  | "behind"
  | "off-track"
  | "within"
  | "near"
  | "outside"
  | "done"
  | "overdue"
  | "due-soon"
  | "pending";

/** A place in an input file; line and column are 1-based. */
export interface Place {
  file: string;
  line: number;
  column: number;
}

/** How far behind is still yellow: an amount in the target's unit, or a share of a reference. */
export type Tolerance = { amount: number } | { percent: number };

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
}

export interface ProgressTarget extends TargetBase {
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
}

export interface LevelTarget extends TargetBase {
  kind: "level";
  min: number | null;
  max: number | null;
  tolerance: Tolerance;
  stretch: number | null;
}

export interface MilestoneTarget extends TargetBase {
  kind: "milestone";
  deadline: Day;
  warnDays: number;
}

export type Target = ProgressTarget | LevelTarget | MilestoneTarget;

/** One data row: a target's value on a date, and where it was read. */
export interface Observation {
  day: Day;
  value: number | boolean;
  file: string;
  line: number;
}

/** The evaluation of one target at the as-of date. */
export interface Result {
  target: Target;
  status: Status;
  reason: Reason;
  /** The latest counted row is from an earlier calendar month than the as-of date. */
  stale: boolean;
  actual: number | boolean | null;
  /** The date of the latest row counted in `actual`. */
  observedOn: Day | null;
  /** E(T), for progress targets. */
  expected: number | null;
  /** Share of the way from baseline to target, for progress targets. */
  progress: number | null;
  expectedProgress: number | null;
  /** The first schedule point after the as-of date, deadline included. */
  nextMilestone: SchedulePoint | null;
  /** A level target's stretch value is reached. */
  star: boolean | null;
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
