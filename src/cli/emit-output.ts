/** Where a command's output goes: stdout, or atomically the `-o` file; and whether it is coloured. */
import { appendFileSync } from "node:fs";
import { UsageError } from "../core/problems.js";
import { writeFileAtomic } from "../io/write-atomic.js";
import type { CliContext } from "./context.js";

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
  if (outputFile !== undefined || context.stdout.isTTY !== true) return undefined;
  const fromEnv = context.env.COLUMNS?.trim() ?? "";
  if (/^[1-9][0-9]{0,5}$/.test(fromEnv)) return Number(fromEnv);
  const columns = context.stdout.columns;
  return columns !== undefined && Number.isInteger(columns) && columns > 0 ? columns : undefined;
}
