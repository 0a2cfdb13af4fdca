/** Writing a file so that readers see the old content or the new, never a part (used by -o and init). */
import { realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError } from "../core/problems.js";

/**
 * Write a file so that readers see the old content or the new, never a part: a temporary file in
 * the same folder, then a rename over the target.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  let destination = path;
  try {
    const info = statSync(path);
    // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to: a rename would replace
    // it with a plain file. A link is followed, so that it still points at the report.
    if (!info.isFile() && !info.isDirectory()) return writeTo(path, content);
    if (info.isFile()) destination = realpathSync(path);
  } catch (cause) {
    if (cause instanceof UsageError) throw cause;
    // Nothing there yet (or nothing reachable): the write below says why if it cannot be made.
  }
  const temporary = temporaryPathBeside(destination);
  try {
    writeFileSync(temporary, content, { flag: "wx" });
    renameSync(temporary, destination);
  } catch (cause) {
    // The clean-up must not hide the cause (under a file, rm fails too: ENOTDIR).
    try {
      rmSync(temporary, { force: true });
    } catch {}
    throw new UsageError(`cannot write ${path}: ${describeWriteError(cause)}`);
  }
}

/**
 * A new name in the folder of `path` for a file to be renamed over it: unlikely to be taken, and
 * written with the "wx" flag so that a taken one fails instead of being overwritten. (Not
 * node:crypto, which would be loaded at every start for this.)
 */
export function temporaryPathBeside(path: string): string {
  const unique = `${process.pid.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  return join(dirname(path), `.${basename(path)}.${unique}.tmp`);
}

function writeTo(path: string, content: string): void {
  try {
    writeFileSync(path, content);
  } catch (cause) {
    throw new UsageError(`cannot write ${path}: ${describeWriteError(cause)}`);
  }
}

function describeWriteError(cause: unknown): string {
  switch ((cause as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return "its folder does not exist";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    case "ENOTDIR":
      return "a part of its path is a file, not a folder";
    case "ENOSPC":
      return "the disk is full";
    default:
      return String((cause as Error).message ?? cause);
  }
}
