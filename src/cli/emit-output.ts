/** Where a command's output goes: stdout, or atomically the `-o` file; and whether it is coloured. */
import { appendFileSync, type Stats, statSync } from "node:fs";
import { sep } from "node:path";
import { UsageError } from "../core/problems.js";
import { type FoundFiles, findDataFiles } from "../io/find-files.js";
import { type FoundDataFiles, findTargetFiles, isDataInput } from "../io/read-inputs.js";
import { writeFileAtomic } from "../io/write-atomic.js";
import type { CliContext, OutputStream } from "./context.js";

/** The paths a run reads, as its options name them (files or folders). */
export interface InputPaths {
  targets: readonly string[];
  data: readonly string[];
  /** The project file, if the run reads one. */
  project?: string;
}

/** The input files a run reads, found by the check of `-o`: the run reads these, not looking again. */
export interface FoundInputs {
  targets: FoundFiles;
  data: FoundDataFiles;
}

/**
 * Checked before any file is read or written: `-o` must name a file, not a folder, and none of
 * the run's input files, however it is spelled (a link or a hard link to one is that file). The
 * inputs it looked for to know, or null when it needed none (no `-o`, or no file there yet).
 */
export async function checkOutputFile(
  path: string | undefined,
  inputs: InputPaths = { targets: [], data: [] },
): Promise<FoundInputs | null> {
  if (path === undefined) return null;
  if (path === "") throw new UsageError("output.empty-path", {});
  const info = statOf(path);
  const folder = info?.isDirectory()
    ? "is-folder"
    : info === undefined && (path.endsWith("/") || path.endsWith(sep))
      ? "names-folder"
      : null;
  if (folder !== null)
    throw new UsageError("output.write-failed", { path, reason: folder, nothingWritten: false });
  if (info === undefined || !info.isFile()) return null;
  // Found as the run finds them, once: the run then reads the files found here.
  const targets = await findTargetFiles(inputs.targets, inputs.project ?? null);
  const data = await findDataFiles(inputs.data);
  const files = [
    ...(inputs.project === undefined ? [] : [inputs.project]),
    ...targets.files,
    ...data.files.filter(isDataInput).map((file) => file.path),
  ];
  const input = files.find((file) => isSameFile(info, statOf(file)));
  if (input !== undefined) throw new UsageError("output.is-input", { path, input });
  return { targets, data };
}

/** What is at `path`, or undefined: nothing there, or a part of the path that is a file. */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    // The write says why it cannot be made (a part of its path is a file, permission denied).
    return undefined;
  }
}

function isSameFile(a: Stats, b: Stats | undefined): boolean {
  return b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

/** Write the output (text, or a file's bytes) to stdout, or atomically to the `-o` file. */
export async function emit(
  output: string | Uint8Array,
  file: string | undefined,
  context: CliContext,
): Promise<void> {
  if (file === undefined) context.stdout.write(output);
  else await writeFileAtomic(file, output);
}

/**
 * A format that is a file, not text (a Word document), goes to `-o` or into a pipe, never onto a
 * terminal: checked before anything is read.
 */
export function checkBinaryOutput(
  format: { binary?: boolean; extension: string | null },
  name: string,
  file: string | undefined,
  context: CliContext,
): void {
  if (format.binary !== true || file !== undefined || context.stdout.isTTY !== true) return;
  throw new UsageError("output.binary-to-terminal", {
    format: name,
    extension: format.extension ?? "",
  });
}

/** Append to a file, as GitHub's job summary (GITHUB_STEP_SUMMARY) expects. */
export async function appendOutput(file: string, output: string): Promise<void> {
  try {
    appendFileSync(file, output);
  } catch (cause) {
    throw new UsageError("output.append-failed", {
      path: file,
      code: (cause as NodeJS.ErrnoException).code ?? String(cause),
    });
  }
}

/** NO_COLOR wins, then FORCE_COLOR, else colour only on a terminal; never into a file. */
export function useColor(context: CliContext, outputFile: string | undefined): boolean {
  if (outputFile !== undefined || context.env.NO_COLOR) return false;
  const force = context.env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return context.stdout.isTTY === true;
}

/**
 * How many columns the terminal table may take: `COLUMNS` if it is a number, else the terminal's
 * width. Only a terminal is measured: a pipe or a file (and `-o`) gets the whole table.
 */
export function terminalWidth(
  context: CliContext,
  outputFile: string | undefined,
): number | undefined {
  return outputFile === undefined ? streamWidth(context.stdout, context) : undefined;
}

/** The width of the terminal a stream writes to (COLUMNS first), or undefined for no terminal. */
export function streamWidth(stream: OutputStream, context: CliContext): number | undefined {
  if (stream.isTTY !== true) return undefined;
  const fromEnv = context.env.COLUMNS?.trim() ?? "";
  if (/^[1-9][0-9]{0,5}$/.test(fromEnv)) return Number(fromEnv);
  const columns = stream.columns;
  return columns !== undefined && Number.isInteger(columns) && columns > 0 ? columns : undefined;
}
