/** `--format json`: the stable interface of SPEC section 5. Never translated. */
import { formatDay } from "../dates.js";
import type { Report, Result } from "../model.js";

/** Ratios are given to four decimals, values to nine: enough for any unit, free of float noise. */
function round(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

function resultToJson(result: Result) {
  const { target } = result;
  const progress = target.kind === "progress" ? target : null;
  const level = target.kind === "level" ? target : null;
  return {
    id: target.id,
    title: target.title,
    owner: target.owner,
    section: target.section,
    kind: target.kind,
    unit: target.unit,
    status: result.status,
    reason: result.reason,
    stale: result.stale,
    actual: typeof result.actual === "number" ? round(result.actual, 9) : result.actual,
    observedOn: result.observedOn === null ? null : formatDay(result.observedOn),
    expected: round(result.expected, 9),
    target: progress?.target ?? null,
    baseline: progress?.baseline ?? null,
    deadline: target.kind === "level" ? null : formatDay(target.deadline),
    progress: round(result.progress, 4),
    expectedProgress: round(result.expectedProgress, 4),
    nextMilestone:
      result.nextMilestone === null
        ? null
        : { by: formatDay(result.nextMilestone.by), value: round(result.nextMilestone.value, 9) },
    min: level?.min ?? null,
    max: level?.max ?? null,
    stretch: level?.stretch ?? null,
    star: result.star,
  };
}

export function renderJson(report: Report): string {
  const json = {
    schemaVersion: 1,
    asOf: formatDay(report.asOf),
    summary: report.summary,
    results: report.results.map(resultToJson),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
