/**
 * Evaluations at month-ends (SPEC 6): the score at a month-end M is the evaluation with as-of M,
 * rows dated after M unused. The ranking's quarter and year, the report's year at a glance and
 * its streaks all read them; each month-end is evaluated once per run and shared.
 */
import { civilFromDay, type Day, endOfMonth } from "./dates.js";
import { evaluate, type ObservationsById } from "./evaluate.js";
import type { Report, Target } from "./model.js";

/** The month-ends of `asOf`'s year that are on or before it, in date order. */
export function monthEndsOfYearTo(asOf: Day): Day[] {
  const { year } = civilFromDay(asOf);
  const ends: Day[] = [];
  for (let month = 1; month <= 12; month++) {
    const end = endOfMonth(year, month);
    if (end <= asOf) ends.push(end);
  }
  return ends;
}

/** The month-ends of `asOf`'s quarter that are on or before it, in date order. */
export function monthEndsOfQuarterTo(asOf: Day): Day[] {
  const { year, month } = civilFromDay(asOf);
  const first = month - ((month - 1) % 3);
  const ends: Day[] = [];
  for (let m = first; m < first + 3; m++) {
    const end = endOfMonth(year, m);
    if (end <= asOf) ends.push(end);
  }
  return ends;
}

/** The evaluations of one run's targets and rows at any as-of date, each made once. */
export class Evaluations {
  private readonly made = new Map<Day, Report>();

  constructor(
    private readonly targets: readonly Target[],
    private readonly observations: ObservationsById,
    private readonly dueDays?: number,
  ) {}

  /** The evaluation as of `day`. */
  at(day: Day): Report {
    let report = this.made.get(day);
    if (report === undefined) {
      report = evaluate(this.targets, this.observations, {
        asOf: day,
        ...(this.dueDays === undefined ? {} : { dueDays: this.dueDays }),
      });
      this.made.set(day, report);
    }
    return report;
  }
}
