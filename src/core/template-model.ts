/**
 * The entry form (`kpi template`): one row for each target of one owner, for one period, with
 * what the owner needs to fill it in (its latest value and, for a progress target, the value the
 * schedule expects at the period's end). A pure function of the targets and the data rows.
 */
import type { Day } from "./dates.js";
import { type ObservationsById, sameDayLastYear } from "./evaluate.js";
import type { Target } from "./model.js";
import { expectedValue } from "./schedule.js";

/**
 * What a target's value is: a total to date (a progress target with `aggregate: last`, a growth
 * target's cumulative value), the period's own amount (`aggregate: sum`), a growth rate in percent
 * (`input: rate`), a level at the period's end, or a milestone's done / not done.
 */
export type Measure = "total" | "period" | "rate" | "level" | "milestone";

export interface TemplateRow {
  target: Target;
  /** The latest row dated before the period's end: its date and value; null when there is none. */
  previous: { day: Day; value: number | boolean } | null;
  /** E at the period's end, for a progress target; null for the other kinds. */
  expected: number | null;
  /** What the value is: see `Measure`. */
  measure: Measure;
  /**
   * Whether the row takes last year's figure (同期, SPEC 2.4: a growth target with `input:
   * value`), and that figure when the data have it (the row dated one year before the period's
   * end), else null.
   */
  takesBase: boolean;
  base: number | null;
}

export interface TemplateModel {
  owner: string;
  /** The period as it was asked for (`2022-07`), and its last day: the rows' date. */
  period: string;
  date: Day;
  rows: TemplateRow[];
  /** Whether a row takes last year's figure: the form then has a 同期 column. */
  withBase: boolean;
}

/** The owners of the targets: those of `order` first (kpi.yaml's `owners:`), then as the files first name them. */
export function templateOwners(targets: readonly Target[], order: readonly string[]): string[] {
  const named = new Set(targets.flatMap((target) => target.owner));
  const listed = order.filter((owner) => named.has(owner));
  return [...new Set([...listed, ...named])];
}

/** The form of one owner for the period that ends on `date`: its targets in file order. */
export function buildTemplate(
  targets: readonly Target[],
  observations: ObservationsById,
  owner: string,
  period: { text: string; date: Day },
): TemplateModel {
  const rows = targets
    .filter((target) => target.owner.includes(owner))
    .map((target): TemplateRow => {
      const series = observations.get(target.id);
      const index = series === undefined ? -1 : series.latestOnOrBefore(period.date - 1);
      const takesBase = target.kind === "growth" && target.input === "value";
      const lastYear = sameDayLastYear(period.date);
      const baseIndex = !takesBase || series === undefined ? -1 : series.latestOnOrBefore(lastYear);
      return {
        target,
        previous:
          series === undefined || index < 0
            ? null
            : { day: series.day(index), value: series.value(index) },
        expected: target.kind === "progress" ? expectedValue(target, period.date) : null,
        measure: measureOf(target),
        takesBase,
        base:
          series === undefined || baseIndex < 0 || series.day(baseIndex) !== lastYear
            ? null
            : (series.value(baseIndex) as number),
      };
    });
  const withBase = rows.some((row) => row.takesBase);
  return { owner, period: period.text, date: period.date, rows, withBase };
}

function measureOf(target: Target): Measure {
  switch (target.kind) {
    case "progress":
      return target.aggregate === "last" ? "total" : "period";
    case "growth":
      return target.input === "rate" ? "rate" : "total";
    case "level":
      return "level";
    case "milestone":
      return "milestone";
  }
}
