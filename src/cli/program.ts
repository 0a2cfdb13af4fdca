/**
 * The command line: the commander program, and the one place where failures become exit codes.
 * Everything it needs from the process (arguments, environment, streams, today) is passed in.
 */
import { Command, CommanderError } from "commander";
import { type Day, dayFromCivil } from "../core/dates.js";
import { InputError, UsageError } from "../core/problems.js";
import type { Labels } from "../i18n/labels.js";
import { labelsFor, resolveLanguage } from "../i18n/language.js";
import { registerCheck } from "./check.js";
import type { CliContext } from "./context.js";
import { registerExplain } from "./explain.js";
import { registerInit } from "./init.js";
import { printProblems } from "./inputs.js";
import { registerList } from "./list.js";
import { registerRank } from "./rank.js";
import { registerReport } from "./report.js";
import { registerSchema } from "./schema.js";
import { registerValidate } from "./validate.js";

export type { CliContext, OutputStream } from "./context.js";

/** Today's date on the machine's calendar: the one place that reads the clock. */
export function localToday(): Day {
  const now = new Date();
  return dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Run kpi with the arguments after the program name; resolves to the exit code. */
export async function run(argv: readonly string[], context: CliContext): Promise<number> {
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
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
  registerCheck(program, context, setExitCode);
  registerReport(program, context, setExitCode);
  registerRank(program, context, setExitCode);
  registerValidate(program, context, setExitCode);
  registerList(program, context, setExitCode);
  registerSchema(program, context, setExitCode);
  registerInit(program, context, setExitCode);
  registerExplain(program, context, setExitCode);
  // Errors are worded in the command's --lang, else KPI_LANG or LANG; a bad --lang keeps those.
  let labels = labelsFor(resolveLanguage(undefined, context.env) ?? "en");
  program.hook("preAction", (_program, command) => {
    const language = resolveLanguage(command.opts().lang, context.env);
    if (language !== null) labels = labelsFor(language);
  });

  try {
    if (argv.length === 0) {
      context.stderr.write(program.helpInformation());
      return 2;
    }
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (cause) {
    return exitCodeOf(cause, context, labels);
  }
}

/** Expected failures are typed and carry their exit code; anything else is a bug (3). */
function exitCodeOf(cause: unknown, context: CliContext, labels: Labels): number {
  if (cause instanceof CommanderError) {
    // Help and version are successes; every other complaint of commander is a usage error.
    return cause.exitCode === 0 ? 0 : 2;
  }
  if (cause instanceof InputError) {
    printProblems(cause.problems, context, labels);
    return 2;
  }
  if (cause instanceof UsageError) {
    context.stderr.write(`kpi: ${labels.message(cause.message)}\n`);
    return 2;
  }
  const detail =
    cause instanceof Error
      ? ((context.env.KPI_DEBUG ? cause.stack : undefined) ?? cause.message)
      : String(cause);
  context.stderr.write(`kpi: ${labels.internalError(detail)}\n`);
  return 3;
}
