/**
 * The options several commands share, each defined once with its words from the help labels, and
 * the parsing of their values (`--as-of`, `--lang`).
 */
import { type Command, Option } from "commander";
import { type Day, parseDate } from "../core/dates.js";
import { UsageError } from "../core/problems.js";
import type { HelpLabels, Labels } from "../i18n/labels.js";
import { labelsFor, resolveLanguage } from "../i18n/language.js";
import { type FormatOf, formatForFile, formatsOf, type OutputModel } from "../render/index.js";
import type { CliContext } from "./context.js";

/** The input paths as commander parses `-t`, `-d` and `--encoding`. */
export interface InputOptions {
  targets: string[];
  data?: string[];
  encoding?: string;
}

/** `-t`, for the commands that read only target files. */
export function addTargetsOption(command: Command, help: HelpLabels): Command {
  return command.addOption(
    new Option("-t, --targets <paths...>", help.options.targets).default(["targets"]),
  );
}

/** `-t`, `-d` and `--encoding`, the same for every command that reads inputs. */
export function addInputOptions(command: Command, help: HelpLabels): Command {
  return addTargetsOption(command, help)
    .addOption(new Option("-d, --data <paths...>", help.options.data))
    .addOption(new Option("--encoding <name>", help.options.encoding));
}

/** `--as-of`: the evaluation date. */
export function addAsOfOption(command: Command, help: HelpLabels): Command {
  return command.addOption(new Option("--as-of <date>", help.options.asOf));
}

/** `-o`: write to a file instead of stdout. */
export function addOutputOption(
  command: Command,
  help: HelpLabels,
  description = help.options.output,
): Command {
  return command.addOption(new Option("-o, --output <file>", description));
}

/** `--lang`: the language of the labels and messages. */
export function addLangOption(command: Command, help: HelpLabels): Command {
  return command.addOption(new Option("--lang <lang>", help.options.lang));
}

/** `--as-of`, `-o` and `--lang`: the options of every command that makes a report. */
export function addReportOptions(command: Command, help: HelpLabels): Command {
  return addLangOption(addOutputOption(addAsOfOption(command, help), help), help);
}

/**
 * `-f`: one of the formats of the model the command renders. Without `-f`, a `-o` file whose
 * extension names a format (`status.html`, `results.json`) is written in that format.
 */
export function addFormatOption<M extends OutputModel>(
  command: Command,
  help: HelpLabels,
  model: M,
  defaultFormat: FormatOf<M>,
): Command {
  return command
    .addOption(
      new Option("-f, --format <format>", help.options.format)
        .choices(formatsOf(model))
        .default(defaultFormat),
    )
    .hook("preAction", (self) => {
      const output: unknown = self.opts().output;
      if (self.getOptionValueSource("format") !== "default" || typeof output !== "string") return;
      const format = formatForFile(model, output);
      if (format !== undefined) self.setOptionValueWithSource("format", format, "implied");
    });
}

/** `--fail-on`: the statuses that make the exit code 1. */
export function addFailOnOption(command: Command, help: HelpLabels, defaultValue: string): Command {
  return command.addOption(
    new Option("--fail-on <statuses>", help.options.failOn).default(defaultValue),
  );
}

/** Checked before any file is read, so that a typo in the option is the first thing reported. */
export function parseAsOf(text: string, context: CliContext): Day {
  if (text.trim().toLowerCase() === "today") return context.today();
  const parsed = parseDate(text);
  if (parsed.ok) return parsed.day;
  throw new UsageError(
    parsed.error === "impossible" ? "option.as-of-not-calendar" : "option.as-of-invalid",
    { value: text },
  );
}

/** The labels of `--lang`, `KPI_LANG` or `LANG`; a `--lang` that is neither en nor zh is refused. */
export function resolveLabels(option: string | undefined, context: CliContext): Labels {
  const language = resolveLanguage(option, context.env);
  if (language === null) throw new UsageError("option.lang-invalid", { value: String(option) });
  return labelsFor(language);
}

/**
 * The labels of a run before its arguments are parsed (the help is built in the user's language):
 * the last `--lang X` or `--lang=X` before a `--`, else the environment. A `--lang` that is neither
 * en nor zh leaves the choice to the environment; the command then refuses it.
 */
export function labelsFromArguments(argv: readonly string[], context: CliContext): Labels {
  let option: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === "--") break;
    if (argument === "--lang") option = argv[++index];
    else if (argument.startsWith("--lang=")) option = argument.slice("--lang=".length);
  }
  return labelsFor(
    resolveLanguage(option, context.env) ?? resolveLanguage(undefined, context.env) ?? "en",
  );
}
