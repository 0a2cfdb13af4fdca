/** Finding input files: a file named is taken as it is, a folder is searched. */
import { type Dirent, readdirSync, type Stats, statSync } from "node:fs";
import { join, normalize } from "node:path";
import { compareText, error, InputError, type Problem, UsageError } from "../core/problems.js";

export interface FoundFiles {
  /** Sorted by path, in code-unit order. */
  files: string[];
  /** The folders given that hold no file of the extensions, in the order given. */
  emptyFolders: string[];
}

export interface FindFilesOptions {
  /** Files found in a folder that are left out (a file named is always taken). */
  skip?: (path: string) => boolean;
}

/**
 * Every file under the given paths: a file named is taken whatever its extension, a folder is
 * searched recursively for the extensions.
 */
export async function findFiles(
  paths: readonly string[],
  extensions: readonly string[],
  options: FindFilesOptions = {},
): Promise<FoundFiles> {
  const found = new Set<string>();
  const missing: string[] = [];
  const unreadable: Problem[] = [];
  const emptyFolders: string[] = [];
  for (const path of paths) {
    let info: Stats;
    try {
      info = statSync(path);
    } catch (cause) {
      const code = errorCode(cause);
      // A path in a folder kpi may not look into exists, or may: it cannot be read either way.
      if (code === "ENOENT" || code === "ENOTDIR") missing.push(path);
      else unreadable.push(error({ file: path, line: 1, column: 1 }, "file.unreadable", { code }));
      continue;
    }
    // Normalised as walk() joins, so that one file named two ways (./a.csv, a.csv) is read once.
    if (info.isDirectory()) {
      const files = walk(path, extensions, options.skip);
      if (files.length === 0) emptyFolders.push(path);
      for (const file of files) found.add(file);
    } else found.add(normalize(path));
  }
  if (missing.length > 0) throw new UsageError("path.not-found", { paths: missing });
  if (unreadable.length > 0) throw new InputError(unreadable);
  return { files: [...found].sort(compareText), emptyFolders };
}

function walk(
  folder: string,
  extensions: readonly string[],
  skip: ((path: string) => boolean) | undefined,
): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (cause) {
    const place = { file: folder, line: 1, column: 1 };
    throw new InputError([error(place, "path.folder-unreadable", { code: errorCode(cause) })]);
  }
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...walk(path, extensions, skip));
    else if (
      extensions.some((extension) => entry.name.toLowerCase().endsWith(extension)) &&
      (entry.isFile() || (entry.isSymbolicLink() && isFileBehindLink(path))) &&
      skip?.(path) !== true
    )
      files.push(path);
  }
  return files;
}

/**
 * A link to a file counts as the file (a data file must never be skipped silently), and so does a
 * broken link, whose reading then says what is wrong; links to folders are not followed, so a link
 * to an ancestor cannot make the walk endless.
 */
function isFileBehindLink(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return true;
  }
}

/** The code of a file system error (ENOENT, EACCES…), else the error as text. */
export function errorCode(cause: unknown): string {
  return (cause as NodeJS.ErrnoException).code ?? String(cause);
}
