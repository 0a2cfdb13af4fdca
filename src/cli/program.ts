/**
 * The command line: the commander program, and the one place where failures become exit codes.
 * Everything it needs from the process (arguments, environment, streams, today, the working
 * folder) is passed in.
 */
import { Command, CommanderError, Help, type HelpConfiguration } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { type Day, dayFromCivil } from "../core/dates.js";
import { type CodeAndParams, InputError, UsageError } from "../core/problems.js";
import { closestMatch } from "../core/suggest.js";
import { dayInTimeZone } from "../core/time-zone.js";
import type { HelpLabels, Labels } from "../i18n/labels.js";
import { formatProblem } from "../i18n/problem-text.js";
import { type ProjectFile, readProjectFile } from "../io/read-project.js";
import { displayWidth } from "../render/terminal-table.js";
import { wrapText } from "../render/wrap-text.js";
import { checkCommand } from "./check.js";
import type { CliContext, KpiCommand } from "./context.js";
import { diffCommand } from "./diff.js";
import { streamWidth } from "./emit-output.js";
import { explainCommand } from "./explain.js";
import { initCommand } from "./init.js";
import { listCommand } from "./list.js";
import { notifyCommand } from "./notify.js";
import { printProblems } from "./print-problems.js";
import { rankCommand } from "./rank.js";
import { reportCommand } from "./report.js";
import { schemaCommand } from "./schema.js";
import { labelsFromArguments } from "./shared-options.js";
import { templateCommand } from "./template.js";
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
  diffCommand,
  notifyCommand,
  templateCommand,
];

/**
 * Today's date in a time zone, or on the machine's calendar (null): the one place that reads the
 * clock.
 */
export function clockToday(timeZone: string | null): Day {
  if (timeZone !== null) return dayInTimeZone(Date.now(), timeZone);
  const now = new Date();
  return dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Run kpi with the arguments after the program name; resolves to the exit code. */
export async function run(argv: readonly string[], given: CliContext): Promise<number> {
  const context = forOneRun(given);
  // The help is built in the user's language, so the language is known before the program is;
  // errors are worded in it too.
  const labels = await labelsFromArguments(argv, context);
  let exitCode = 0;
  const program = buildProgram(labels.help, context, commandsFor(argv), (command, args) =>
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
    return exitCodeOf(cause, context, labels, argv);
  }
}

/** The context of one run: its project file read once, however often it is asked for. */
function forOneRun(context: CliContext): CliContext {
  const read = new Map<string | undefined, Promise<ProjectFile>>();
  return {
    ...context,
    projectFile: (config) => {
      let file = read.get(config);
      if (file === undefined) {
        file = readProjectFile(config, context.workingFolder);
        read.set(config, file);
      }
      return file;
    },
  };
}

/** Commander's error, with the command whose parse failed. */
class CommandLineError extends Error {
  constructor(
    readonly cause: CommanderError,
    readonly command: Command,
  ) {
    super(cause.message);
  }
}

/**
 * The commands a run's program defines: the one its first argument names, else all of them (for
 * the help, `kpi help …` and the suggestion for a misspelt command). Defining the ten others was
 * a twentieth of kpi's own start.
 */
function commandsFor(argv: readonly string[]): readonly KpiCommand[] {
  const named = COMMANDS.find((command) => command.name === argv[0]);
  return named === undefined ? COMMANDS : [named];
}

/** The program and `commands`, each command's action handing its arguments to `act`. */
function buildProgram(
  help: HelpLabels,
  context: CliContext,
  commands: readonly KpiCommand[],
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
      // The help is wrapped to the terminal as the tables are (COLUMNS first); else to 80.
      getOutHelpWidth: () => streamWidth(context.stdout, context) ?? 80,
      getErrHelpWidth: () => streamWidth(context.stderr, context) ?? 80,
      // Commander's complaints are said in kpi's words, in the run's language (exitCodeOf).
      outputError: () => {},
    });
  for (const command of commands) {
    const subcommand = program.command(command.name);
    command.define(subcommand, help);
    subcommand.action((...args: unknown[]) => act(command, args));
  }
  // Each command's failures say which command failed: what commandLineProblem reads.
  for (const command of [program, ...program.commands])
    command.exitOverride((cause) => {
      throw new CommandLineError(cause, command);
    });
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
function exitCodeOf(
  cause: unknown,
  context: CliContext,
  labels: Labels,
  argv: readonly string[],
): number {
  if (cause instanceof CommandLineError || cause instanceof CommanderError) {
    const error = cause instanceof CommandLineError ? cause.cause : cause;
    // Help and version are successes; the help shown for a missing command is printed already.
    if (error.exitCode === 0) return 0;
    if (error.code === "commander.help") return 2;
    const problem =
      cause instanceof CommandLineError
        ? commandLineProblem(error, cause.command, argv)
        : (["usage.invalid", {}] satisfies CodeAndParams);
    context.stderr.write(`${formatProblem(new UsageError(...problem).problem, labels)}\n`);
    return 2;
  }
  if (cause instanceof InputError) {
    printProblems(cause.problems, context, labels);
    return 2;
  }
  if (cause instanceof UsageError) {
    context.stderr.write(`kpi: ${formatProblem(cause.problem, labels)}\n`);
    return 2;
  }
  const detail =
    cause instanceof Error
      ? ((context.env.KPI_DEBUG ? cause.stack : undefined) ?? cause.message)
      : String(cause);
  context.stderr.write(`kpi: ${labels.internalError(detail)}\n`);
  return 3;
}

/**
 * Commander's error as a problem of kpi's, by its code. The values come from the command and the
 * arguments, never from commander's English sentence.
 */
function commandLineProblem(
  error: CommanderError,
  command: Command,
  argv: readonly string[],
): CodeAndParams {
  switch (error.code) {
    case "commander.unknownCommand": {
      const name = command.args[0] ?? "";
      const names = command
        .createHelp()
        .visibleCommands(command)
        .flatMap((candidate) => [candidate.name(), ...candidate.aliases()]);
      const suggestion = closestMatch(name, names) ?? null;
      return ["usage.unknown-command", { command: name, suggestion }];
    }
    case "commander.unknownOption": {
      // The first argument that looks like an option and is none (a negative number is a value).
      const option =
        command.args.find((arg) => arg.length > 1 && arg.startsWith("-") && !/^-\d/.test(arg)) ??
        "";
      return ["usage.unknown-option", { option, suggestion: optionSuggestion(option, command) }];
    }
    case "commander.missingArgument": {
      const missing = command.registeredArguments.find(
        (argument, index) => argument.required && command.args[index] === undefined,
      );
      return ["usage.missing-argument", { argument: missing?.name() ?? "" }];
    }
    case "commander.optionMissingArgument": {
      // An option's value is missing only when the option is the last argument.
      const last = argv.at(-1) ?? "";
      const option = command.options.find(
        (candidate) => candidate.short === last || candidate.long === last,
      );
      return ["usage.option-missing-value", { option: option?.flags ?? last }];
    }
    case "commander.invalidArgument": {
      const invalid = invalidChoice(command, argv);
      return invalid === null ? ["usage.invalid", {}] : ["usage.invalid-choice", invalid];
    }
    case "commander.excessArguments":
      return [
        "usage.too-many-arguments",
        {
          command: command.parent === null ? null : command.name(),
          expected: command.registeredArguments.length,
          got: command.args.length,
        },
      ];
    default:
      return ["usage.invalid", {}];
  }
}

/** The long option an unknown `--option` most likely misspells, of the command or its parents. */
function optionSuggestion(option: string, command: Command): string | null {
  if (!option.startsWith("--")) return null;
  const names: string[] = [];
  for (let current: Command | null = command; current !== null; current = current.parent)
    for (const candidate of current.createHelp().visibleOptions(current))
      if (candidate.long !== undefined) names.push(candidate.long.slice(2));
  const match = closestMatch(option.slice(2).split("=")[0] ?? "", names);
  return match === undefined ? null : `--${match}`;
}

/** The first option in the arguments whose value is not one of its choices, as commander reads it. */
function invalidChoice(
  command: Command,
  argv: readonly string[],
): { option: string; value: string; choices: string[] } | null {
  for (let at = 0; at < argv.length; at++) {
    const arg = argv[at] as string;
    if (arg === "--") return null;
    for (const option of command.options) {
      const choices = option.argChoices;
      if (choices === undefined) continue;
      let value: string | undefined;
      if (option.short === arg || option.long === arg) value = argv[at + 1];
      else if (option.long !== undefined && arg.startsWith(`${option.long}=`))
        value = arg.slice(option.long.length + 1);
      else if (option.short !== undefined && arg.startsWith(option.short) && arg.length > 2)
        value = arg.slice(2);
      if (value !== undefined && !choices.includes(value))
        return { option: option.flags, value, choices };
    }
  }
  return null;
}
