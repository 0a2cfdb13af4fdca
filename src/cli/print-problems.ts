/** Problems of the inputs as the user reads them: `file:line:col: message`, in their language. */
import { type Problem, sortProblems } from "../core/problems.js";
import type { Labels } from "../i18n/labels.js";
import { labelsFor, resolveLanguage } from "../i18n/language.js";
import { formatProblem } from "../i18n/problem-text.js";
import type { CliContext } from "./context.js";

/** An error stops a run; a warning does not. */
export function isError(problem: Problem): boolean {
  return problem.severity === "error";
}

/** A correction of a row (SPEC 3, v2): said as a warning, never made an error by --strict. */
export function isCorrection(problem: Problem): boolean {
  return problem.code === "data.correction" || problem.code === "data.more-corrections";
}

/**
 * Problems to stderr, sorted, with a count line when any is an error. The wording around the
 * `file:line:col` place follows the labels' language (by default KPI_LANG or LANG).
 */
export function printProblems(
  problems: readonly Problem[],
  context: CliContext,
  labels: Labels = labelsFor(resolveLanguage(undefined, context.env) ?? "en"),
): void {
  const sorted = sortProblems(problems);
  for (const problem of sorted) context.stderr.write(`${formatProblem(problem, labels)}\n`);
  const errors = sorted.filter(isError).length;
  const warnings = sorted.length - errors;
  if (errors > 0) context.stderr.write(`kpi: ${labels.problemCounts(errors, warnings)}\n`);
}
