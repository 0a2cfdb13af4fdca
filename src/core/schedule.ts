/** A progress target's schedule: presets, resolved milestones and the expected value E(t). */
import { civilFromDay, type Day, endOfQuarter } from "./dates.js";
import type { ProgressTarget, SchedulePoint } from "./model.js";

export const PRESETS = ["q30-h60-q85", "h50-q85", "linear"] as const;
export type Preset = (typeof PRESETS)[number];

/** A milestone as written: a share of the way from baseline to target, or an absolute value. */
export type MilestoneSpec = { by: Day; progress: number } | { by: Day; value: number };

/** Quarter and share of each preset's milestones, at the end of that quarter of the start's year. */
const PRESET_STEPS: Record<Preset, { quarter: number; progress: number }[]> = {
  "q30-h60-q85": [
    { quarter: 1, progress: 0.3 },
    { quarter: 2, progress: 0.6 },
    { quarter: 3, progress: 0.85 },
  ],
  "h50-q85": [
    { quarter: 2, progress: 0.5 },
    { quarter: 3, progress: 0.85 },
  ],
  linear: [],
};

/** A preset's milestones in the start's year, without those not strictly between start and deadline. */
export function presetMilestones(preset: Preset, start: Day, deadline: Day): MilestoneSpec[] {
  const { year } = civilFromDay(start);
  return PRESET_STEPS[preset]
    .map((step) => ({ by: endOfQuarter(year, step.quarter), progress: step.progress }))
    .filter((milestone) => milestone.by > start && milestone.by < deadline);
}

/**
 * The direction d of a progress target (SPEC 2.1): +1 when it increases, −1 when the target is
 * below the baseline (lower is better). Target and baseline never coincide (checked on input).
 */
export function progressDirection(target: { baseline: number; target: number }): 1 | -1 {
  return target.target > target.baseline ? 1 : -1;
}

/** The value a milestone stands for, given the baseline and target. */
export function milestoneValue(milestone: MilestoneSpec, baseline: number, target: number): number {
  return "value" in milestone
    ? milestone.value
    : baseline + milestone.progress * (target - baseline);
}

/**
 * Every point E runs through: the baseline at the end of the day before start (t0), each milestone,
 * and the target at the deadline.
 */
export function schedulePoints(target: ProgressTarget): SchedulePoint[] {
  return [
    { by: target.start - 1, value: target.baseline },
    ...target.milestones,
    { by: target.deadline, value: target.target },
  ];
}

/**
 * The expected value E(t) at the end of day t (SPEC 2.1): linear in whole days between neighbouring
 * points, or with `step` the value of the latest point at or before t; the baseline before t0 and
 * the target after the deadline. It walks the points of `schedulePoints` without building them:
 * it runs for every target at every date a report or an explanation looks at.
 */
export function expectedValue(target: ProgressTarget, t: Day): number {
  let previousBy = target.start - 1;
  let previousValue = target.baseline;
  if (t <= previousBy) return previousValue;
  const count = target.milestones.length;
  for (let i = 0; i <= count; i++) {
    const point = i < count ? (target.milestones[i] as SchedulePoint) : null;
    const by = point === null ? target.deadline : point.by;
    const value = point === null ? target.target : point.value;
    if (t < by) {
      if (target.interpolation === "step") return previousValue;
      return previousValue + ((value - previousValue) * (t - previousBy)) / (by - previousBy);
    }
    if (t === by) return value;
    previousBy = by;
    previousValue = value;
  }
  return target.target;
}

/** The first point of the schedule after day t (the deadline included), or null once it is past. */
export function nextMilestone(target: ProgressTarget, t: Day): SchedulePoint | null {
  const t0 = target.start - 1;
  if (t0 > t) return { by: t0, value: target.baseline };
  for (const milestone of target.milestones) if (milestone.by > t) return milestone;
  return target.deadline > t ? { by: target.deadline, value: target.target } : null;
}
