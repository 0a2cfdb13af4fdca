/**
 * The command line: the commander program, and the one place where failures become exit codes.
 * Everything it needs from the process (arguments, environment, streams, today) is passed in.
 */
import { Command, CommanderError, Help, type HelpConfiguration } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { type Day, dayFromCivil } from "../core/dates.js";
import { InputError, UsageError } from "../core/problems.js";
import type { HelpLabels, Labels } from "../i18n/labels.js";
import { displayWidth } from "../render/terminal-table.js";
import { wrapText } from "../render/wrap-text.js";
import { checkCommand } from "./check.js";
import type { CliContext, KpiCommand } from "./context.js";
import { explainCommand } from "./explain.js";
import { initCommand } from "./init.js";
import { listCommand } from "./list.js";
import { printProblems } from "./print-problems.js";
import { rankCommand } from "./rank.js";
import { reportCommand } from "./report.js";
import { schemaCommand } from "./schema.js";
import { labelsFromArguments } from "./shared-options.js";
import { validateCommand } from "./validate.js";

export type { CliContext, OutputStream } from "./context.js";

/** The commands, in the order the help lists them. */
const COMMANDS: readonly KpiCommand[] = [
  checkCommand,
  reportCommand,
  rankCommand,
  validateCommand,
  listCommand,
  schemaCommand,
  initCommand,
  explainCommand,
];

/** Today's date on the machine's calendar: the one place that reads the clock. */
export function localToday(): Day {
  const now = new Date();
  return dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Run kpi with the arguments after the program name; resolves to the exit code. */
export async function run(argv: readonly string[], context: CliContext): Promise<number> {
  // The help is built in the user's language, so the language is known before the program is;
  // errors are worded in it too.
  const labels = labelsFromArguments(argv, context);
  let exitCode = 0;
  const program = buildProgram(labels.help, context, (command, args) =>
    command.run(context, ...(args as never[])).then((code) => {
      exitCode = code;
    }),
  );
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

/** The program and its commands, each command's action handing its arguments to `act`. */
function buildProgram(
  help: HelpLabels,
  context: CliContext,
  act: (command: KpiCommand, args: unknown[]) => Promise<void>,
): Command {
  const program = new Command("kpi")
    .description(help.program)
    .version(packageJson.version, "-V, --version", help.options.version)
    .helpOption("-h, --help", help.options.help)
    .helpCommand("help [command]", help.helpCommand)
    .configureHelp(helpInLanguage(help))
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
    })
    .showSuggestionAfterError();
  for (const command of COMMANDS) {
    const subcommand = program.command(command.name);
    command.define(subcommand, help);
    subcommand.action((...args: unknown[]) => act(command, args));
  }
  return program;
}

/**
 * commander's help with every word from the labels: its headings, the usage line, and what it
 * adds after a description (the choices and the default). The layout is commander's.
 */
function helpInLanguage(help: HelpLabels): HelpConfiguration {
  const headings: Readonly<Record<string, string>> = {
    "Arguments:": help.headings.arguments,
    "Options:": help.headings.options,
    "Global Options:": help.headings.globalOptions,
    "Commands:": help.headings.commands,
  };
  return {
    styleTitle: (title) => headings[title] ?? title,
    // Chinese characters are two columns wide, and Chinese text has no spaces to break at.
    displayWidth: (text) => displayWidth(text),
    boxWrap(this: Help, text: string, width: number) {
      if (width < this.minWidthToWrap || displayWidth(text) <= text.length)
        return Help.prototype.boxWrap.call(this, text, width);
      return wrapText(text, width).join("\n");
    },
    formatHelp(command: Command, helper: Help) {
      // commander's first line is `Usage: <usage>`; the rest is its own layout.
      const [, ...rest] = Help.prototype.formatHelp.call(helper, command, helper).split("\n");
      return [help.usage(helper.styleUsage(helper.commandUsage(command))), ...rest].join("\n");
    },
    optionDescription(option) {
      const details: string[] = [];
      if (option.argChoices) details.push(help.choices(option.argChoices));
      // As commander: a default is shown for an option that takes a value, not for a flag.
      if (option.defaultValue !== undefined && (option.required || option.optional))
        details.push(help.defaultValue(option.defaultValue));
      return details.length === 0 ? option.description : help.details(option.description, details);
    },
    argumentDescription(argument) {
      const details: string[] = [];
      if (argument.argChoices) details.push(help.choices(argument.argChoices));
      if (argument.defaultValue !== undefined)
        details.push(help.defaultValue(argument.defaultValue));
      return details.length === 0
        ? argument.description
        : help.details(argument.description, details);
    },
  };
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
