/**
 * The plausibility warnings of a target's rows (SPEC 3, v2): values that are valid but look like a
 * clerk's slip. They never change a status; like every warning they are said at their row, and
 * `--strict` makes them errors.
 *   (a) a progress value farther from the baseline than 10 × the span (a unit slip);
 *   (b) with `aggregate: last`, a running total that moves against the target's direction by more
 *       than the tolerance from one row to the next (a period's own amount for the total to date);
 *   (c) for a `%` target of at least 5, a value above 0 and at most 1 written with a decimal point
 *       (a share written as a fraction: 0.31 for 31%); also for a growth rate of at least 5, a
 *       percent whatever its unit (0.071 for 7.1%);
 *   (d) not in the SPEC: for a growth target of `input: value`, a value more than 10 times last
 *       year's figure or less than a tenth of it (a unit slip in one of them: 226 亿元 against
 *       20000 万元 would be a fall of 98.9%, a red light with nothing said).
 */
import { formatDay } from "./dates.js";
import { baseOfRow, growthOf, toleranceAmount } from "./evaluate.js";
import type { GrowthTarget, Target } from "./model.js";
import type { CodeAndParams } from "./problems.js";
import { progressDirection } from "./schedule.js";
import type { Series } from "./series.js";

/** A value farther than this many spans from the baseline is a unit slip (SPEC 3, v2). */
export const IMPLAUSIBLE_SPANS = 10;

/** A value this many times last year's figure, or its inverse, is a unit slip in one of them. */
export const IMPLAUSIBLE_RATIO = 10;

/** A `%` target of at least this much is not met by a fraction of one percent (SPEC 3, v2). */
export const FRACTION_PERCENT_FROM = 5;

/** Problem codes of the plausibility warnings: what `--strict` makes errors. */
export const PLAUSIBILITY_CODES = [
  "data.implausible-size",
  "data.total-reversed",
  "data.percent-fraction",
  "data.implausible-growth",
] as const;

/** One warning: the index of its row in the series, and its code and params. */
export interface PlausibilityWarning {
  index: number;
  problem: CodeAndParams;
}

/** The plausibility warnings of a target's rows (one per date, in date order), in date order. */
export function plausibilityWarnings(target: Target, rows: Series): PlausibilityWarning[] {
  if (target.kind === "milestone" || rows.length === 0) return [];
  if (target.kind === "growth")
    return target.input === "value" ? growthWarnings(target, rows) : rateFractions(target, rows);
  const warnings: PlausibilityWarning[] = [];
  const fractions = takesFractionCheck(target);
  const progress = target.kind === "progress" ? target : null;
  const span = progress === null ? 0 : Math.abs(progress.target - progress.baseline);
  const direction = progress === null ? 1 : progressDirection(progress);
  const tolerance = progress === null ? 0 : toleranceAmount(progress.tolerance, span);
  const running = progress !== null && progress.aggregate === "last";
  // Totals to date start again each year: only rows from the start on are compared, which in
  // date order are those after the last one on or before t0 (the day before the start).
  const compared = running ? rows.latestOnOrBefore(progress.start - 1) + 1 : rows.length;
  // Each row's value is read once: the rows of one target lie far apart in memory.
  let from = Number.NaN;
  for (let index = 0; index < rows.length; index++) {
    const value = rows.value(index) as number;
    if (progress !== null && Math.abs(value - progress.baseline) > IMPLAUSIBLE_SPANS * span) {
      warnings.push({
        index,
        problem: [
          "data.implausible-size",
          {
            id: target.id,
            date: formatDay(rows.day(index)),
            value,
            target: progress.target,
            baseline: progress.baseline,
            unit: target.unit,
          },
        ],
      });
    }
    if (index > compared) {
      const against = direction * (from - value);
      if (against > tolerance + 1e-9 * Math.max(1, Math.abs(from))) {
        warnings.push({
          index,
          problem: [
            "data.total-reversed",
            {
              id: target.id,
              date: formatDay(rows.day(index)),
              previousDate: formatDay(rows.day(index - 1)),
              from,
              to: value,
              direction,
            },
          ],
        });
      }
    }
    from = value;
    if (fractions && isFraction(rows, index, value))
      warnings.push(fractionWarning(target, rows, index, value));
  }
  return warnings;
}

/** (c) A value above 0 and below 1, or 1 written with a decimal point: a share as a fraction. */
function isFraction(rows: Series, index: number, value: number): boolean {
  return value > 0 && (value < 1 || (value === 1 && rows.writtenWithPoint(index)));
}

function fractionWarning(
  target: Target,
  rows: Series,
  index: number,
  value: number,
): PlausibilityWarning {
  const write = Number((value * 100).toPrecision(12));
  const date = formatDay(rows.day(index));
  return { index, problem: ["data.percent-fraction", { id: target.id, date, value, write }] };
}

/**
 * (c) for a growth rate (`input: rate`) of at least 5: a rate is a percent whatever the target's
 * unit (SPEC 2.4), so 0.071 for a rate of 7 is 7.1% written as a fraction, as for a `%` target.
 */
function rateFractions(target: GrowthTarget, rows: Series): PlausibilityWarning[] {
  if (target.rate === null || target.rate < FRACTION_PERCENT_FROM) return [];
  const warnings: PlausibilityWarning[] = [];
  for (let index = 0; index < rows.length; index++) {
    const value = rows.value(index) as number;
    if (isFraction(rows, index, value)) warnings.push(fractionWarning(target, rows, index, value));
  }
  return warnings;
}

/**
 * A `%` target of at least 5: a progress target whose target is, or a level target whose larger
 * bound is (a satisfaction rate of at least 90%, an unemployment rate of at most 5.5%).
 */
function takesFractionCheck(target: Target): boolean {
  if (target.unit !== "%") return false;
  if (target.kind === "progress") return target.target >= FRACTION_PERCENT_FROM;
  if (target.kind === "level")
    return Math.max(target.min ?? -Infinity, target.max ?? -Infinity) >= FRACTION_PERCENT_FROM;
  return false;
}

/** (d) Each row whose value is more than IMPLAUSIBLE_RATIO times last year's figure, or less than its inverse. */
function growthWarnings(target: GrowthTarget, rows: Series): PlausibilityWarning[] {
  const warnings: PlausibilityWarning[] = [];
  // A series has one row a date: each row is the latest on or before its own date, as growthAt
  // would find it. G is rounded (a number printed and read back) only for a warning.
  for (let index = 0; index < rows.length; index++) {
    const day = rows.day(index);
    if (day < target.start) continue;
    const { base } = baseOfRow(rows, index);
    if (base === null || !(base > 0)) continue;
    const value = rows.value(index) as number;
    const ratio = value / base;
    if (ratio > 1 / IMPLAUSIBLE_RATIO && ratio < IMPLAUSIBLE_RATIO) continue;
    warnings.push({
      index,
      problem: [
        "data.implausible-growth",
        {
          id: target.id,
          date: formatDay(day),
          value,
          base,
          growth: growthOf(value, base) as number,
        },
      ],
    });
  }
  return warnings;
}
