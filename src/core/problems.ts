/**
 * Problems as data: a code, a place and the values of its message (the words are each
 * language's, src/i18n), and the typed errors that carry them to the CLI.
 */
import type { ProblemCode, ProblemParams } from "./problem-codes.js";

export type { ProblemCode, ProblemParams } from "./problem-codes.js";

export type Severity = "error" | "warning";

/** Past this many errors (or warnings) in one file, the rest are counted, not listed. */
export const MAX_PROBLEMS_PER_FILE = 50;

/** Where in an input file a problem is; line and column are 1-based. */
/**
 * Where a problem is: a line and column of a text file, or (with `sheet`) a cell of a workbook's
 * sheet, its row as `line` and its column as `column`, both 1-based.
 */
export type Place = { file: string; line: number; column: number; sheet?: string };

/** One problem: its code and the values of that code's message, where it is, and how bad. */
export type ProblemOf<C extends ProblemCode> = {
  code: C;
  severity: Severity;
  /** Null for a problem of no file (an option, the command line). */
  place: Place | null;
  params: ProblemParams[C];
};

/** A problem of any code; `code` tells which params it has. */
export type Problem = { [C in ProblemCode]: ProblemOf<C> }[ProblemCode];

/** A code and its params, as a tuple: what UsageError takes. */
export type CodeAndParams = {
  [C in ProblemCode]: [code: C, params: ProblemParams[C]];
}[ProblemCode];

/** An error: the run makes no report. The params must be those of the code. */
export function error<C extends ProblemCode>(
  place: Place | null,
  code: C,
  params: ProblemParams[C],
): Problem {
  return { code, severity: "error", place, params } as Problem;
}

/** A warning: said, and the run goes on. The params must be those of the code. */
export function warning<C extends ProblemCode>(
  place: Place | null,
  code: C,
  params: ProblemParams[C],
): Problem {
  return { code, severity: "warning", place, params } as Problem;
}

/**
 * `file:line:col`, the form editors and CI annotations understand; `"line"` leaves the column out
 * (a row of a data file). The one place that turns a place into text.
 */
export function formatPlace(place: Place, precision: "column" | "line" = "column"): string {
  if (place.sheet !== undefined) {
    const sheet = sheetReference(place.sheet);
    // A row of a sheet is Excel's reference of the row, `发改局!5:5`.
    return precision === "line"
      ? `${place.file}:${sheet}!${place.line}:${place.line}`
      : `${place.file}:${sheet}!${columnName(place.column)}${place.line}`;
  }
  return precision === "line"
    ? `${place.file}:${place.line}`
    : `${place.file}:${place.line}:${place.column}`;
}

/**
 * The warnings of the rows of the given targets (a problem of a row names its target's id), in
 * file order: what a report and `explain` show beside the statuses (corrections, implausible
 * values, SPEC 3).
 */
export function rowWarnings(problems: readonly Problem[], ids: ReadonlySet<string>): Problem[] {
  return sortProblems(
    problems.filter((problem) => {
      const id = (problem.params as { id?: unknown }).id;
      return (
        problem.severity === "warning" &&
        problem.place !== null &&
        typeof id === "string" &&
        ids.has(id)
      );
    }),
  );
}

/** A sheet's name as a reference writes it: quoted (`'My sheet'!A1`) when it holds a space or a sign. */
function sheetReference(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) && !/^\d/.test(name)
    ? name
    : `'${name.replaceAll("'", "''")}'`;
}

/** A 1-based column's letters: 1 is A, 27 is AA. */
export function columnName(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Problems in file order, then by place; the same problem found twice is kept once. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const unique = problems.filter((problem) => {
    const key = JSON.stringify([problem.code, problem.severity, problem.place, problem.params]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(comparePlaces);
}

/** A problem of no place first, then by file, line and column. */
function comparePlaces(a: Problem, b: Problem): number {
  if (a.place === null || b.place === null)
    return (a.place === null ? 0 : 1) - (b.place === null ? 0 : 1);
  return (
    compareText(a.place.file, b.place.file) ||
    // A workbook's own problems, then each sheet's.
    compareText(a.place.sheet ?? "", b.place.sheet ?? "") ||
    a.place.line - b.place.line ||
    a.place.column - b.place.column
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
  /** The problem, of no place. */
  readonly problem: Problem;

  constructor(...[code, params]: CodeAndParams) {
    super(code);
    this.name = "UsageError";
    this.problem = { code, severity: "error", place: null, params } as Problem;
  }
}
