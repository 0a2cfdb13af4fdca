/**
 * The command line: options → calls → output → exit code. The only module that knows about the
 * process; everything it needs from it (arguments, environment, streams, today) is passed in.
 */
import { Command, CommanderError, Option } from "commander";
import { type Day, dayFromCivil, parseDate } from "./dates.js";
import { defaultAsOf, evaluate } from "./evaluate.js";
import { getExitCode, parseFailOn } from "./exit-code.js";
import { labelsFor, resolveLanguage } from "./i18n.js";
import { readData, readTargets, writeFileAtomic } from "./io.js";
import type { Report } from "./model.js";
import { formatProblem, InputError, type Problem, sortProblems, UsageError } from "./problems.js";
import { FORMATS, type Format, type RenderOptions, renderers } from "./render/index.js";

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliContext {
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** The calendar date of "today" where the user is. */
  today: () => Day;
}

/** Today's date on the machine's calendar: the one place that reads the clock. */
export function localToday(): Day {
  const now = new Date();
  return dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

interface CheckOptions {
  targets: string[];
  data?: string[];
  asOf?: string;
  format: string;
  output?: string;
  failOn: string;
  lang?: string;
  encoding?: string;
}

/** Run kpi with the arguments after the program name; resolves to the exit code. */
export async function run(argv: readonly string[], context: CliContext): Promise<number> {
  let exitCode = 0;
  const program = new Command("kpi")
    .description(
      "Check targets against actuals: YAML targets, CSV actuals, a traffic light for every target.",
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
    })
    .showSuggestionAfterError();

  program
    .command("check")
    .description("evaluate every target against the data and print the result")
    .argument("[data...]", "data files or folders (added to --data)")
    .option("-t, --targets <paths...>", "target files or folders", ["targets"])
    .option("-d, --data <paths...>", "data files or folders (default: data)")
    .option(
      "--as-of <date>",
      "evaluation date: a date, a month, a quarter or 'today' (default: the latest data date)",
    )
    .addOption(
      new Option("-f, --format <format>", "output format").choices(FORMATS).default("table"),
    )
    .option("-o, --output <file>", "write the output to a file (atomically) instead of stdout")
    .option(
      "--fail-on <statuses>",
      "comma list of statuses that make the exit code 1, or none",
      "red",
    )
    .option("--lang <lang>", "language of labels: en or zh (default: KPI_LANG, then LANG, else en)")
    .option("--encoding <name>", "read data files in this encoding (default: UTF-8, else GB18030)")
    .action(async (dataArguments: string[], options: CheckOptions) => {
      exitCode = await check(dataArguments, options, context);
    });

  try {
    if (argv.length === 0) {
      context.stderr.write(program.helpInformation());
      return 2;
    }
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (cause) {
    return reportFailure(cause, context);
  }
}

function reportFailure(cause: unknown, context: CliContext): number {
  if (cause instanceof CommanderError) {
    // Help and version are successes; every other complaint of commander is a usage error.
    return cause.exitCode === 0 ? 0 : 2;
  }
  if (cause instanceof InputError) {
    printProblems(cause.problems, context);
    return 2;
  }
  if (cause instanceof UsageError) {
    context.stderr.write(`kpi: ${cause.message}\n`);
    return 2;
  }
  const detail =
    cause instanceof Error ? (context.env.KPI_DEBUG ? cause.stack : cause.message) : String(cause);
  context.stderr.write(
    `kpi: internal error: ${detail}\nThis is a bug in kpi, not in your files; please report it with the command you ran.\n`,
  );
  return 3;
}

function printProblems(problems: readonly Problem[], context: CliContext): void {
  const sorted = sortProblems(problems);
  for (const problem of sorted) context.stderr.write(`${formatProblem(problem)}\n`);
  const errors = sorted.filter((problem) => problem.severity === "error").length;
  const warnings = sorted.length - errors;
  if (errors > 0) {
    const counts = [
      `${errors} error${errors === 1 ? "" : "s"}`,
      ...(warnings > 0 ? [`${warnings} warning${warnings === 1 ? "" : "s"}`] : []),
    ];
    context.stderr.write(`kpi: ${counts.join(", ")}; no report was made\n`);
  }
}

function parseAsOf(text: string, context: CliContext): Day {
  if (text.trim().toLowerCase() === "today") return context.today();
  const parsed = parseDate(text);
  if (!parsed.ok && parsed.error === "impossible") {
    throw new UsageError(`--as-of ${JSON.stringify(text)} is not a calendar date`);
  }
  if (!parsed.ok)
    throw new UsageError(
      `--as-of ${JSON.stringify(text)} is not a date (2022-03-31, 2022-03, 2022-Q1 or today)`,
    );
  return parsed.day;
}

async function check(
  dataArguments: string[],
  options: CheckOptions,
  context: CliContext,
): Promise<number> {
  const language = resolveLanguage(options.lang, context.env);
  if (language === null)
    throw new UsageError(`--lang must be en or zh, got ${JSON.stringify(options.lang)}`);
  const failOn = parseFailOn(options.failOn);
  const asOfOption = options.asOf === undefined ? undefined : parseAsOf(options.asOf, context);
  const format = options.format as Format;

  const targets = await readTargets(options.targets);
  // A value's meaning depends on its target, so data is read once the targets are valid.
  if (targets.problems.some((problem) => problem.severity === "error"))
    throw new InputError(targets.problems);
  const dataPaths = [...(options.data ?? []), ...dataArguments];
  const data = await readData(dataPaths.length > 0 ? dataPaths : ["data"], targets.targets, {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
  });
  const problems = [...targets.problems, ...data.problems];
  if (problems.some((problem) => problem.severity === "error")) throw new InputError(problems);
  printProblems(problems, context);

  const asOf = asOfOption ?? defaultAsOf(data.observations, context.today());
  const report: Report = evaluate(targets.targets, data.observations, { asOf });
  const renderOptions: RenderOptions = {
    labels: labelsFor(language),
    color: options.output === undefined && useColor(context),
  };
  const output = (await renderers[format]())(report, renderOptions);
  if (options.output === undefined) context.stdout.write(output);
  else await writeFileAtomic(options.output, output);
  return getExitCode(report, failOn);
}

/** NO_COLOR wins, then FORCE_COLOR, else colour only on a terminal. */
function useColor(context: CliContext): boolean {
  if (context.env.NO_COLOR) return false;
  const force = context.env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return context.stdout.isTTY === true;
}
