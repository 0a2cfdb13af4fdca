/**
 * The options several commands share, each defined once with its words from the help labels, and
 * the parsing of their values (`--as-of`, `--lang`).
 */
import { type Command, Option } from "commander";
import { parseDate } from "../core/dates.js";
import { UsageError } from "../core/problems.js";
import type { AsOfSetting } from "../core/project.js";
import type { HelpLabels, Labels, Language } from "../i18n/labels.js";
import { labelsFor, resolveLanguage } from "../i18n/language.js";
import { type FormatOf, formatForFile, formatsOf, type OutputModel } from "../render/index.js";
import { type CliContext, projectFileOf } from "./context.js";

/** The input paths as commander parses `-t`, `-d`, `--encoding` and `--config`. */
export interface InputOptions {
  targets: string[];
  data?: string[];
  encoding?: string;
  /** Rows of unknown ids are warnings (else the project file's `allow_unknown`). */
  allowUnknown?: boolean;
  /** The project file; without it, kpi.yaml in the working folder if there is one. */
  config?: string;
  /** Warnings of the inputs are errors, but for corrections (SPEC 5, v2). */
  strict?: boolean;
}

/** `-t` and `--config`, for the commands that read only target files. */
export function addTargetsOption(command: Command, help: HelpLabels): Command {
  return addConfigOption(addTargetPaths(command, help), help);
}

function addTargetPaths(command: Command, help: HelpLabels): Command {
  return command.addOption(
    new Option("-t, --targets <paths...>", help.options.targets).default(["targets"]),
  );
}

/** `--config`: the project file (SPEC 7), for every command that reads inputs. */
function addConfigOption(command: Command, help: HelpLabels): Command {
  return command.addOption(new Option("--config <file>", help.options.config));
}

/** `-t`, `-d`, `--encoding` and `--config`, the same for every command that reads inputs. */
export function addInputOptions(command: Command, help: HelpLabels): Command {
  return addConfigOption(
    addTargetPaths(command, help)
      .addOption(new Option("-d, --data <paths...>", help.options.data))
      .addOption(new Option("--encoding <name>", help.options.encoding))
      .addOption(new Option("--allow-unknown", help.options.allowUnknown))
      .addOption(new Option("--strict", help.options.strict)),
    help,
  );
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

/**
 * `--as-of`: a date, or today (in the project file's time zone, known once it is read). Checked
 * before any file is read, so that a typo in the option is the first thing reported.
 */
export function parseAsOf(text: string): AsOfSetting {
  if (text.trim().toLowerCase() === "today") return { kind: "today" };
  const parsed = parseDate(text);
  if (parsed.ok) return { kind: "date", day: parsed.day };
  throw new UsageError(
    parsed.error === "impossible" ? "option.as-of-not-calendar" : "option.as-of-invalid",
    { value: text },
  );
}

/**
 * The labels of `--lang`, `KPI_LANG`, the project file's `lang` or `LANG`; a `--lang` that is
 * neither en nor zh is refused.
 */
export function resolveLabels(
  option: string | undefined,
  context: CliContext,
  project: Language | null = null,
): Labels {
  const language = resolveLanguage(option, context.env, project);
  if (language === null) throw new UsageError("option.lang-invalid", { value: String(option) });
  return labelsFor(language);
}

/**
 * The labels of a run before its arguments are parsed (the help is built in the user's language):
 * the last `--lang X` or `--lang=X` before a `--`, else `KPI_LANG`, the project file's `lang`
 * (of the last `--config`, else the working folder's kpi.yaml) or `LANG`. A `--lang` that is
 * neither en nor zh leaves the choice to the rest; the command then refuses it. A project file that
 * cannot be read leaves it too: the command says what is wrong with it.
 */
export async function labelsFromArguments(
  argv: readonly string[],
  context: CliContext,
): Promise<Labels> {
  const lang = lastOption(argv, "--lang");
  const project = await projectLanguage(lastOption(argv, "--config"), context);
  return labelsFor(
    resolveLanguage(lang, context.env, project) ??
      resolveLanguage(undefined, context.env, project) ??
      "en",
  );
}

/** The project file's `lang` (even when the file has an error), or null when it has none. */
export async function projectLanguage(
  config: string | undefined,
  context: CliContext,
): Promise<Language | null> {
  if (context.env.KPI_LANG) return null;
  try {
    return (await projectFileOf(context, config)).lang;
  } catch {
    return null;
  }
}

/** The value of the last `--name X` or `--name=X` before a `--`. */
function lastOption(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === "--") break;
    if (argument === name) value = argv[++index];
    else if (argument.startsWith(`${name}=`)) value = argument.slice(name.length + 1);
  }
  return value;
}
