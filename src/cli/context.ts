/** What every command gets from the process, passed in so that commands stay testable. */
import type { Command } from "commander";
import type { Day } from "../core/dates.js";
import type { CommandName, HelpLabels } from "../i18n/labels.js";
import { type ProjectFile, readProjectFile } from "../io/read-project.js";

export interface OutputStream {
  /** Text (as UTF-8) or bytes. */
  write(text: string | Uint8Array): unknown;
  isTTY?: boolean;
  /** The terminal's width in columns, when the stream is a terminal. */
  columns?: number | undefined;
}

export interface CliContext {
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
  /**
   * The calendar date of "today" in an IANA time zone (the project file's `timezone`); null: in
   * the machine's zone, where the user is.
   */
  today: (timeZone: string | null) => Day;
  /** The folder whose kpi.yaml a run reads when no `--config` is given: "." for the process's own. */
  workingFolder: string;
  /**
   * The project file of a `--config` (undefined: the working folder's kpi.yaml), read once for a
   * run by `run`: its language is needed before the arguments are parsed, its settings after.
   * @default read at each call
   */
  projectFile?: (config: string | undefined) => Promise<ProjectFile>;
}

/** The project file of a run (`--config`, else the working folder's kpi.yaml). */
export function projectFileOf(
  context: CliContext,
  config: string | undefined,
): Promise<ProjectFile> {
  return context.projectFile?.(config) ?? readProjectFile(config, context.workingFolder);
}

/** A command of kpi: its arguments and options, and what it does, resolving to its exit code. */
export interface KpiCommand {
  name: CommandName;
  /** Add the description, arguments and options to `command`, worded in the help's language. */
  define(command: Command, help: HelpLabels): void;
  /** Called with commander's action arguments: the command's arguments, its options, itself. */
  run(context: CliContext, ...args: never[]): Promise<number>;
}
