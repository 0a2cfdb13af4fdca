/**
 * `kpi list`: every target with its schedule resolved to dated values. Pure: targets in, entries
 * out; the points are the very ones E(t) runs through (`schedulePoints`).
 */
import type { Day } from "./dates.js";
import { toleranceAmount } from "./evaluate.js";
import type { Target } from "./model.js";
import { schedulePoints } from "./schedule.js";

/** A point of a progress target's schedule, with its share of the way from baseline to target. */
export interface ListedPoint {
  by: Day;
  value: number;
  progress: number;
}

export interface ListEntry {
  target: Target;
  /** Progress targets: each milestone, then the deadline; empty for the other kinds. */
  schedule: ListedPoint[];
  /** A progress target's tolerance as an amount in its unit; null for the other kinds. */
  toleranceAmount: number | null;
  /** A milestone target's first yellow day when not done (deadline − warn_days); else null. */
  warnFrom: Day | null;
}

/** The entries of `kpi list`, in the order of the targets (file order). */
export function listTargets(targets: readonly Target[]): ListEntry[] {
  return targets.map((target): ListEntry => {
    if (target.kind === "progress") {
      const span = target.target - target.baseline;
      return {
        target,
        // The first point is the baseline at t0: the start and baseline say it already.
        schedule: schedulePoints(target)
          .slice(1)
          .map((point) => ({ ...point, progress: (point.value - target.baseline) / span })),
        toleranceAmount: toleranceAmount(target.tolerance, span),
        warnFrom: null,
      };
    }
    return {
      target,
      schedule: [],
      toleranceAmount: null,
      warnFrom: target.kind === "milestone" ? target.deadline - target.warnDays : null,
    };
  });
}
