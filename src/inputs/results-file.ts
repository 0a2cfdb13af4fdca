/**
 * The results of a run as `kpi check --format json` writes them (schemaVersion 2), read back for
 * `kpi diff`: only the fields a diff compares, each checked, so that a file of another kind or
 * version is an error that says what is wrong rather than a diff of nothing. Pure: text in.
 */
import type { ResultEntry, ResultsFile } from "../core/diff-model.js";
import { STATUSES, type Summary } from "../core/model.js";
import { error, type Problem } from "../core/problems.js";

type Check = (value: unknown) => boolean;
const text: Check = (value) => typeof value === "string";
const textOrNull: Check = (value) => value === null || typeof value === "string";
const count: Check = (value) => Number.isSafeInteger(value) && (value as number) >= 0;
const RESULT_FIELDS: Record<keyof ResultEntry, Check> = {
  id: text,
  title: text,
  status: (value) => (STATUSES as readonly unknown[]).includes(value),
  reason: text,
  late: (value) => typeof value === "boolean",
  missingReport: textOrNull,
  unit: textOrNull,
  actual: (value) =>
    value === null ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value)),
  observedOn: textOrNull,
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The results in `text`, the contents of `path`; or the problem with it. */
export function parseResultsFile(
  path: string,
  content: string,
): { results: ResultsFile; problem: null } | { results: null; problem: Problem } {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return { results: null, problem: error(null, "diff.not-json", { path }) };
  }
  const wrong = (field: string) => ({
    results: null,
    problem: error(null, "diff.not-results", { path, field }),
  });
  if (!isObject(json)) return wrong("(the whole file)");
  if (json.schemaVersion !== 2) return wrong("schemaVersion");
  if (!text(json.asOf)) return wrong("asOf");
  const summary = json.summary;
  if (!isObject(summary)) return wrong("summary");
  for (const key of ["total", ...STATUSES])
    if (!count(summary[key])) return wrong(`summary.${key}`);
  if (!Array.isArray(json.results)) return wrong("results");
  const results: ResultEntry[] = [];
  const seen = new Set<string>();
  for (const [index, result] of json.results.entries()) {
    if (!isObject(result)) return wrong(`results[${index}]`);
    for (const [field, check] of Object.entries(RESULT_FIELDS))
      if (!check(result[field])) return wrong(`results[${index}].${field}`);
    if (seen.has(result.id as string)) return wrong(`results[${index}].id`);
    seen.add(result.id as string);
    const entry = Object.fromEntries(
      Object.keys(RESULT_FIELDS).map((field) => [field, result[field]]),
    ) as unknown as ResultEntry;
    results.push(entry);
  }
  return {
    results: { asOf: json.asOf as string, summary: summary as unknown as Summary, results },
    problem: null,
  };
}
