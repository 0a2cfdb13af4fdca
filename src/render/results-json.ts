/** `--format json`: the stable interface of SPEC section 5. Never translated. */
import { formatDay } from "../core/dates.js";
import type { Report, Result } from "../core/model.js";
import type { Problem } from "../core/problems.js";
import { problemWords } from "../i18n/problem-text.js";

/**
 * A value as a JSON number: 15 significant digits, which is every digit a data file can hold
 * (values lie within ±1e15) and drops only floating-point noise (30% of 130 is 39, not
 * 39.00000000000001). Rounding to a fixed number of decimals instead would add noise to large
 * amounts.
 */
export function jsonValue(value: number): number {
  const rounded = Number(value.toPrecision(15));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** A share (progress, expected progress) to four decimals, as the SPEC's example gives it. */
export function jsonShare(share: number): number {
  const rounded = Math.round(share * 1e4) / 1e4;
  return Object.is(rounded, -0) ? 0 : rounded;
}

const orNull = <T, R>(value: T | null, convert: (value: T) => R): R | null =>
  value === null ? null : convert(value);

/** A warning of a target's rows as the JSON gives it (SPEC 5): its place and English words. */
interface RowWarning {
  file: string;
  line: number;
  /** A workbook's row: its sheet (`line` is the sheet's row); absent for a text file. */
  sheet?: string;
  message: string;
}

/** The warnings of the rows of known targets, by target id (a problem names its row's target). */
function warningsById(problems: readonly Problem[]): Map<string, RowWarning[]> {
  const byId = new Map<string, RowWarning[]>();
  for (const problem of problems) {
    const id = (problem.params as { id?: unknown }).id;
    if (problem.severity !== "warning" || typeof id !== "string" || problem.place === null)
      continue;
    const list = byId.get(id) ?? [];
    const { file, line, sheet } = problem.place;
    list.push({
      file,
      line,
      ...(sheet === undefined ? {} : { sheet }),
      message: problemWords(problem),
    });
    byId.set(id, list);
  }
  return byId;
}

function resultToJson(result: Result, warnings: readonly RowWarning[]) {
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
    late: result.late,
    missingReport: orNull(result.missingReport, formatDay),
    dueBy: orNull(result.dueBy, formatDay),
    judgedAt: formatDay(result.judgedAt),
    frequency: target.kind === "milestone" ? null : target.frequency,
    weight: target.weight,
    file: target.place.file,
    line: target.place.line,
    actual: typeof result.actual === "number" ? jsonValue(result.actual) : result.actual,
    observedOn: result.observedOn === null ? null : formatDay(result.observedOn),
    // The department's note on that row (its `note` column), or null: optional in schema 2.
    note: result.note,
    expected: orNull(result.expected, jsonValue),
    target: progress?.target ?? null,
    baseline: progress?.baseline ?? null,
    deadline: target.kind === "level" ? null : formatDay(target.deadline),
    progress: orNull(result.progress, jsonShare),
    expectedProgress: orNull(result.expectedProgress, jsonShare),
    nextMilestone:
      result.nextMilestone === null
        ? null
        : { by: formatDay(result.nextMilestone.by), value: jsonValue(result.nextMilestone.value) },
    min: result.bounds?.min ?? level?.min ?? null,
    max: result.bounds?.max ?? level?.max ?? null,
    stretch: level?.stretch ?? null,
    star: result.star,
    warnings,
    ...growthFields(result),
  };
}

/**
 * The fields a growth result adds (SPEC 2.4): the rate as judged, the bound, the slack in points
 * and the amount; with `input: value`, A and B. Other results add none.
 */
function growthFields(result: Result) {
  const { target, growth } = result;
  if (target.kind !== "growth" || growth === null) return {};
  return {
    rate: orNull(growth.rate, jsonValue),
    bound: growth.bound,
    about: orNull(growth.about, jsonValue),
    amount: orNull(growth.amount, jsonValue),
    ...(target.input === "value"
      ? {
          actualValue: orNull(growth.actualValue, jsonValue),
          baseValue: orNull(growth.baseValue, jsonValue),
        }
      : {}),
  };
}

export function renderJson(
  report: Report,
  options: {
    warnings?: readonly Problem[] | undefined;
    office?: string | null | undefined;
    notice?: string | null | undefined;
    title?: string | null | undefined;
  } = {},
): string {
  const warnings = warningsById(options.warnings ?? []);
  const json = {
    schemaVersion: 2,
    asOf: formatDay(report.asOf),
    // The project file's (SPEC 5, 7), or null.
    office: options.office ?? null,
    title: options.title ?? null,
    // The project file's notice line (示例数据，非官方统计), or null: optional in schema 2.
    notice: options.notice ?? null,
    summary: report.summary,
    results: report.results.map((result) =>
      resultToJson(result, warnings.get(result.target.id) ?? []),
    ),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
