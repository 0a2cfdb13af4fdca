/**
 * Writing files so that readers see the old content or the new, never a part: each file is written
 * under a temporary name in its folder, then renamed over its place. Used by `-o` and `kpi init`.
 */
import {
  lstatSync,
  mkdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import type { WriteReason } from "../core/problem-codes.js";
import { UsageError } from "../core/problems.js";

/** A file to be written: where, and its whole content (text as UTF-8, or bytes). */
export interface FileToWrite {
  path: string;
  content: string | Uint8Array;
}

/** A file staged under its temporary name, waiting to be renamed into place. */
interface StagedFile {
  path: string;
  /** The name it is renamed from, or null for a device or a pipe, written to in place. */
  temporary: string | null;
  /** Where the rename goes: the file behind a link, so that the link still points at it. */
  destination: string;
  /** Nothing was there before: a failed run removes it again. */
  isNew: boolean;
}

/** Write one file atomically (`-o`). Its folder must exist. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  writeTransaction([{ path, content }], { makeFolders: false });
}

/**
 * Write every file or none (`kpi init`): their folders are made first, every file is staged under
 * a temporary name, and only when all are staged are they renamed into place. On a failure, what
 * this call made (temporary files, new files, new folders) is removed, and the error says that
 * nothing was written.
 */
export function writeFilesAtomic(files: readonly FileToWrite[]): void {
  writeTransaction(files, { makeFolders: true });
}

function writeTransaction(files: readonly FileToWrite[], options: { makeFolders: boolean }): void {
  const madeFolders: string[] = [];
  const staged: StagedFile[] = [];
  const renamed: StagedFile[] = [];
  let current = "";
  try {
    if (options.makeFolders) {
      for (const file of files) {
        current = file.path;
        const made = mkdirSync(dirname(file.path), { recursive: true });
        if (made !== undefined) madeFolders.push(made);
      }
    }
    for (const file of files) {
      current = file.path;
      staged.push(stage(file));
    }
    for (const file of staged) {
      current = file.path;
      if (file.temporary === null) continue;
      renameSync(file.temporary, file.destination);
      renamed.push(file);
    }
    // A device or a pipe cannot be staged: it is written last, when nothing else can fail.
    for (const file of files) {
      current = file.path;
      const place = staged.find((candidate) => candidate.path === file.path);
      if (place?.temporary === null) writeFileSync(file.path, file.content);
    }
  } catch (cause) {
    // The clean-up must not hide the cause (under a file, rm fails too: ENOTDIR).
    for (const file of staged) if (file.temporary !== null) removeQuietly(file.temporary);
    for (const file of renamed) if (file.isNew) removeQuietly(file.destination);
    for (const folder of madeFolders.reverse()) removeQuietly(folder);
    throw new UsageError("output.write-failed", {
      path: current,
      reason: writeReason(cause),
      nothingWritten: files.length > 1,
    });
  }
}

/** The file under its temporary name beside its place; a device or a pipe is left for later. */
function stage(file: FileToWrite): StagedFile {
  let destination = file.path;
  let isNew = true;
  const info = statSync(file.path, { throwIfNoEntry: false });
  if (info !== undefined) {
    isNew = false;
    // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to: a rename would replace
    // it with a plain file. A link is followed, so that it still points at the report.
    if (!info.isFile() && !info.isDirectory())
      return { path: file.path, temporary: null, destination, isNew };
    if (info.isFile()) destination = realpathSync(file.path);
  } else if (lstatSync(file.path, { throwIfNoEntry: false }) !== undefined) {
    // A broken link: the rename replaces the link itself.
    isNew = false;
  }
  const temporary = temporaryPathBeside(destination);
  try {
    writeFileSync(temporary, utf8Bytes(file.content), { flag: "wx" });
  } catch (cause) {
    // A file cut short by a full disk is not left behind.
    removeQuietly(temporary);
    const folder = statSync(dirname(destination), { throwIfNoEntry: false });
    if ((cause as NodeJS.ErrnoException).code === "ENOENT" && folder?.isDirectory())
      throw new NoNewFileError(isNew);
    throw cause;
  }
  return { path: file.path, temporary, destination, isNew };
}

/**
 * The folder exists but takes no new file (/proc does not): a file there cannot be replaced
 * either, for the new content is written beside it first.
 */
class NoNewFileError extends Error {
  readonly code: string;
  constructor(isNew: boolean) {
    super("no new file can be created in the folder");
    this.code = isNew ? "KPI_NO_NEW_FILE" : "KPI_CANNOT_REPLACE";
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {}
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

/** Why a write failed, as a reason of `output.write-failed`. */
export function writeReason(cause: unknown): WriteReason {
  const { code, message } = cause as NodeJS.ErrnoException;
  switch (code) {
    case "ENOENT":
      return "folder-missing";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "permission-denied";
    case "EISDIR":
      return "is-folder";
    case "EEXIST":
    case "ENOTDIR":
      return "path-through-file";
    case "ENOSPC":
      return "disk-full";
    case "EDQUOT":
      return "disk-quota";
    case "EFBIG":
      return "file-too-large";
    case "KPI_NO_NEW_FILE":
      return "no-new-file";
    case "KPI_CANNOT_REPLACE":
      return "cannot-replace";
    default:
      return { system: String(message ?? cause), code: code ?? null };
  }
}

/**
 * Text as UTF-8 in one pass (Node.js's own conversion reads it twice: to measure it, then to write
 * it). No UTF-16 unit takes more than three bytes of UTF-8.
 */
function utf8Bytes(content: string | Uint8Array): Uint8Array {
  if (typeof content !== "string") return content;
  const bytes = Buffer.allocUnsafe(content.length * 3);
  return bytes.subarray(0, bytes.write(content));
}
