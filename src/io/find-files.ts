/** Finding input files: a file named is taken as it is, a folder is searched. */
import { type Dirent, readdirSync, type Stats, statSync } from "node:fs";
import { join, normalize, relative, sep } from "node:path";
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
  const emptyFolders: string[] = [];
  const hasExtension = (name: string) =>
    extensions.some((extension) => name.toLowerCase().endsWith(extension));
  for (const { path, files } of lookAt(paths, (path, name) =>
    hasExtension(name) && options.skip?.(path) !== true ? [path] : [],
  )) {
    if (files === null) found.add(path);
    else {
      if (files.length === 0) emptyFolders.push(path);
      for (const file of files) found.add(file);
    }
  }
  return { files: [...found].sort(compareText), emptyFolders };
}

/** A file under a data path: its path, and the folder given it was found in (null: it was named). */
export interface DataPath {
  path: string;
  folder: string | null;
  /** Found inside a hidden folder (`.git`, `.cache`): what is not read there is not listed. */
  hidden: boolean;
}

/**
 * Every file under the data paths, sorted by path, each once (a file named and found in a folder
 * given is taken as named): whatever its extension, for the caller to read or to list as not
 * read (SPEC 3, v2). `folders` are the folders given, in the order given.
 */
export async function findDataFiles(
  paths: readonly string[],
): Promise<{ files: DataPath[]; folders: string[] }> {
  const found = new Map<string, DataPath>();
  const folders: string[] = [];
  for (const { path, files } of lookAt(paths, (file) => [file])) {
    if (files === null) found.set(path, { path, folder: null, hidden: false });
    else folders.push(path);
  }
  for (const folder of folders)
    for (const path of walk(folder, (file) => [file]))
      if (!found.has(path))
        found.set(path, { path, folder, hidden: isInHiddenFolder(relative(folder, path)) });
  return {
    files: [...found.values()].sort((a, b) => compareText(a.path, b.path)),
    folders,
  };
}

/** Whether a path below a folder (`a/.git/b`) goes through a folder whose name starts with ".". */
function isInHiddenFolder(below: string): boolean {
  const parts = below.split(sep).filter((part) => part !== "");
  return parts.slice(0, -1).some((part) => part.startsWith("."));
}

/**
 * Each path given: a file (`files` null), normalised, or a folder with the files `take` takes of
 * those under it. A path that does not exist, or cannot be looked at, stops the run with all of
 * them named.
 */
function lookAt(
  paths: readonly string[],
  take: (path: string, name: string) => string[],
): { path: string; files: string[] | null }[] {
  const looked: { path: string; files: string[] | null }[] = [];
  const missing: string[] = [];
  const unreadable: Problem[] = [];
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
    if (info.isDirectory()) looked.push({ path, files: walk(path, take) });
    else looked.push({ path: normalize(path), files: null });
  }
  if (missing.length > 0) throw new UsageError("path.not-found", { paths: missing });
  if (unreadable.length > 0) throw new InputError(unreadable);
  return looked;
}

function walk(folder: string, take: (path: string, name: string) => string[]): string[] {
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
    if (entry.isDirectory()) files.push(...walk(path, take));
    else if (entry.isFile() || (entry.isSymbolicLink() && isFileBehindLink(path)))
      files.push(...take(path, entry.name));
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
