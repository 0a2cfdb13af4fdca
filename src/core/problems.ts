/** Located problems in the user's input, and the typed errors that carry them to the CLI. */

export type Severity = "error" | "warning";

/** Past this many errors (or warnings) in one file, the rest are counted, not listed. */
export const MAX_PROBLEMS_PER_FILE = 50;

/** A problem found in an input file: where, how bad, and what. Line and column are 1-based. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
}

export function error(file: string, line: number, column: number, message: string): Problem {
  return { file, line, column, severity: "error", message };
}

export function warning(file: string, line: number, column: number, message: string): Problem {
  return { file, line, column, severity: "warning", message };
}

/** `file:line:col: message`, the form editors and CI annotations understand. */
export function formatProblem(problem: Problem): string {
  const prefix = problem.severity === "warning" ? "warning: " : "";
  return `${problem.file}:${problem.line}:${problem.column}: ${prefix}${problem.message}`;
}

/** Problems in file order, then by place; the same problem found twice is kept once. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const unique = problems.filter((problem) => {
    const key = `${formatProblem(problem)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
}

/** Code-unit order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Invalid input or usage (exit 2): the run stops before any report, with every problem listed.
 * Anything else thrown is a bug (exit 3).
 */
export class InputError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly problems: readonly Problem[],
    message = "invalid input",
  ) {
    super(message);
    this.name = "InputError";
  }
}

/** A usage error without a file place: a bad option value, a path that does not exist. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
