/**
 * The steps most commands share: options for the input paths, reading and checking targets and
 * data, the as-of date, the language, and writing the output.
 */
import { appendFileSync } from "node:fs";
import type { Command } from "commander";
import { type Day, parseDate } from "../core/dates.js";
import { defaultAsOf, type ObservationsById } from "../core/evaluate.js";
import type { Target } from "../core/model.js";
import { InputError, type Problem, sortProblems, UsageError } from "../core/problems.js";
import type { Labels } from "../i18n/labels.js";
import { labelsFor, resolveLanguage } from "../i18n/language.js";
import { readData, readTargets } from "../io/read-inputs.js";
import { writeFileAtomic } from "../io/write-atomic.js";
import type { CliContext } from "./context.js";

export interface InputOptions {
  targets: string[];
  data?: string[];
  encoding?: string;
}

/** `-t`, for the commands that read only target files. */
export function addTargetsOption(command: Command): Command {
  return command.option("-t, --targets <paths...>", "target files or folders", ["targets"]);
}

/** `-t`, `-d` and `--encoding`, the same for every command that reads inputs. */
export function addInputOptions(command: Command): Command {
  return addTargetsOption(command)
    .option("-d, --data <paths...>", "data files or folders (default: data)")
    .option("--encoding <name>", "read data files in this encoding (default: UTF-8, else GB18030)");
}

export interface Inputs {
  targets: Target[];
  observations: ObservationsById;
  /** Warnings only: any error has stopped the run. */
  warnings: Problem[];
}

/**
 * Read and check the targets, then the data (a value's meaning depends on its target, so the data
 * are read once the targets are valid). Throws an InputError listing every problem.
 */
export async function loadInputs(
  options: InputOptions,
  dataArguments: readonly string[] = [],
): Promise<Inputs> {
  const dataPaths = [...(options.data ?? []), ...dataArguments];
  const collected = await collectInputs({
    ...options,
    data: dataPaths.length > 0 ? dataPaths : ["data"],
  });
  if (collected.problems.some(isError)) throw new InputError(collected.problems);
  return {
    targets: collected.targets,
    observations: collected.observations,
    warnings: collected.problems,
  };
}

export interface CollectedInputs {
  targets: Target[];
  observations: ObservationsById;
  /** Errors and warnings of the target files, then of the data files. */
  problems: Problem[];
  /** False when a target error kept the data from being read. */
  dataRead: boolean;
}

/**
 * Read and check the targets, then the data files named in `options.data` (none when empty),
 * and return every problem instead of throwing: what `kpi validate` lists. The data are not read
 * when a target file has an error.
 */
export async function collectInputs(
  options: InputOptions & { data: readonly string[] },
): Promise<CollectedInputs> {
  const targets = await readTargets(options.targets);
  const observations: ObservationsById = new Map();
  if (targets.problems.some(isError) || options.data.length === 0) {
    return { targets: targets.targets, observations, problems: targets.problems, dataRead: false };
  }
  const data = await readData(options.data, targets.targets, {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
  });
  return {
    targets: targets.targets,
    observations: data.observations,
    problems: [...targets.problems, ...data.problems],
    dataRead: true,
  };
}

/** Read the target files only; throws an InputError listing every problem. */
export async function loadTargetInputs(paths: readonly string[]): Promise<Target[]> {
  const targets = await readTargets(paths);
  if (targets.problems.some(isError)) throw new InputError(targets.problems);
  return targets.targets;
}

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

/** Checked before any file is read, so that a typo in the option is the first thing reported. */
export function parseAsOf(text: string, context: CliContext): Day {
  if (text.trim().toLowerCase() === "today") return context.today();
  const parsed = parseDate(text);
  if (parsed.ok) return parsed.day;
  if (parsed.error === "impossible")
    throw new UsageError(`--as-of ${JSON.stringify(text)} is not a calendar date`);
  throw new UsageError(
    `--as-of ${JSON.stringify(text)} is not a date (2022-03-31, 2022-03, 2022-Q1 or today)`,
  );
}

/** What a reporting command works from: its labels, the checked inputs and the as-of date. */
export interface ReportRun {
  labels: Labels;
  inputs: Inputs;
  asOf: Day;
}

/**
 * The common start of `check`, `report`, `rank` and `explain`: the options first (a typo in one is
 * reported before any file is read), then the inputs, their warnings to stderr, and the as-of date.
 */
export async function startReportRun(
  options: InputOptions & { lang?: string; asOf?: string },
  dataArguments: readonly string[],
  context: CliContext,
): Promise<ReportRun> {
  const labels = resolveLabels(options.lang, context);
  const asOf = options.asOf === undefined ? undefined : parseAsOf(options.asOf, context);
  const inputs = await loadInputs(options, dataArguments);
  printProblems(inputs.warnings, context, labels);
  return { labels, inputs, asOf: asOf ?? defaultAsOf(inputs.observations, context.today()) };
}

/** The labels of `--lang`, `KPI_LANG` or `LANG`. */
export function resolveLabels(option: string | undefined, context: CliContext): Labels {
  const language = resolveLanguage(option, context.env);
  if (language === null)
    throw new UsageError(`--lang must be en or zh, got ${JSON.stringify(option)}`);
  return labelsFor(language);
}

/** Write the output to stdout, or atomically to the `-o` file. */
export async function emit(
  output: string,
  file: string | undefined,
  context: CliContext,
): Promise<void> {
  if (file === undefined) context.stdout.write(output);
  else await writeFileAtomic(file, output);
}

/** Append to a file, as GitHub's job summary (GITHUB_STEP_SUMMARY) expects. */
export async function appendOutput(file: string, output: string): Promise<void> {
  try {
    appendFileSync(file, output);
  } catch (cause) {
    throw new UsageError(
      `cannot append to ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`,
    );
  }
}

/** `--as-of`, `-o` and `--lang`: the options of every command that makes a report. */
export function addReportOptions(command: Command): Command {
  return command
    .option(
      "--as-of <date>",
      "evaluation date: a date, a month, a quarter or 'today' (default: the latest data date)",
    )
    .option("-o, --output <file>", "write the output to a file (atomically) instead of stdout")
    .option(
      "--lang <lang>",
      "language of labels: en or zh (default: KPI_LANG, then LANG, else en)",
    );
}

/** NO_COLOR wins, then FORCE_COLOR, else colour only on a terminal; never into a file. */
export function useColor(context: CliContext, outputFile: string | undefined): boolean {
  if (outputFile !== undefined || context.env.NO_COLOR) return false;
  const force = context.env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return context.stdout.isTTY === true;
}
