/** Problems of the inputs as the user reads them: `file:line:col: message`, in their language. */
import { type Problem, sortProblems } from "../core/problems.js";
import type { Labels } from "../i18n/labels.js";
import { labelsFor, resolveLanguage } from "../i18n/language.js";
import type { CliContext } from "./context.js";

/** An error stops a run; a warning does not. */
export function isError(problem: Problem): boolean {
  return problem.severity === "error";
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
  for (const problem of sorted) context.stderr.write(`${formatProblemIn(problem, labels)}\n`);
  const errors = sorted.filter(isError).length;
  const warnings = sorted.length - errors;
  if (errors > 0) context.stderr.write(`kpi: ${labels.problemCounts(errors, warnings)}\n`);
}

/** `file:line:col: message` with the message and the warning prefix in the labels' language. */
export function formatProblemIn(problem: Problem, labels: Labels): string {
  const prefix = problem.severity === "warning" ? labels.warningPrefix : "";
  return showControls(
    `${problem.file}:${problem.line}:${problem.column}: ${prefix}${labels.message(problem.message)}`,
  );
}

/**
 * Control characters of an input file (an escape sequence in an id or a key) are shown as `\u001b`
 * rather than sent to the terminal, where they could recolour, move or hide what it shows.
 */
function showControls(text: string): string {
  return text.replace(
    CONTROL_CHARACTERS,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
