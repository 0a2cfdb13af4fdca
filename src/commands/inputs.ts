/**
 * The steps most commands share: options for the input paths, reading and checking targets and
 * data, the as-of date, the language, and writing the output.
 */
import type { Command } from "commander";
import { type Day, parseDate } from "../dates.js";
import { defaultAsOf, type ObservationsById } from "../evaluate.js";
import { type Labels, labelsFor, resolveLanguage } from "../i18n.js";
import { readData, readTargets, writeFileAtomic } from "../io.js";
import type { Target } from "../model.js";
import { formatProblem, InputError, type Problem, sortProblems, UsageError } from "../problems.js";
import type { CliContext } from "./context.js";

export interface InputOptions {
  targets: string[];
  data?: string[];
  encoding?: string;
}

/** `-t`, `-d` and `--encoding`, the same for every command that reads inputs. */
export function addInputOptions(command: Command): Command {
  return command
    .option("-t, --targets <paths...>", "target files or folders", ["targets"])
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
  const targets = await readTargets(options.targets);
  if (targets.problems.some(isError)) throw new InputError(targets.problems);
  const dataPaths = [...(options.data ?? []), ...dataArguments];
  const data = await readData(dataPaths.length > 0 ? dataPaths : ["data"], targets.targets, {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
  });
  const problems = [...targets.problems, ...data.problems];
  if (problems.some(isError)) throw new InputError(problems);
  return { targets: targets.targets, observations: data.observations, warnings: problems };
}

function isError(problem: Problem): boolean {
  return problem.severity === "error";
}

/** Problems to stderr, sorted, with a count line when any is an error. */
export function printProblems(problems: readonly Problem[], context: CliContext): void {
  const sorted = sortProblems(problems);
  for (const problem of sorted) context.stderr.write(`${formatProblem(problem)}\n`);
  const errors = sorted.filter(isError).length;
  const warnings = sorted.length - errors;
  if (errors > 0) {
    const counts = [
      plural(errors, "error"),
      ...(warnings > 0 ? [plural(warnings, "warning")] : []),
    ];
    context.stderr.write(`kpi: ${counts.join(", ")}; no report was made\n`);
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** `--as-of`: any date form of the data, or `today`; without it, the latest data date. */
export function resolveAsOf(
  text: string | undefined,
  observations: ObservationsById,
  context: CliContext,
): Day {
  if (text === undefined) return defaultAsOf(observations, context.today());
  return parseAsOf(text, context);
}

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

/** NO_COLOR wins, then FORCE_COLOR, else colour only on a terminal; never into a file. */
export function useColor(context: CliContext, outputFile: string | undefined): boolean {
  if (outputFile !== undefined || context.env.NO_COLOR) return false;
  const force = context.env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return context.stdout.isTTY === true;
}
