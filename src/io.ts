/** The thin I/O around the core: finding and reading input files, writing output atomically. */
import { isUtf8 as isValidUtf8 } from "node:buffer";
import { randomBytes } from "node:crypto";
import { createReadStream, type Dirent } from "node:fs";
import { readdir, readFile, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, normalize } from "node:path";
import { parseCsv } from "./csv.js";
import { type CollectedData, ObservationCollector } from "./data.js";
import type { Target } from "./model.js";
import {
  compareText,
  error,
  InputError,
  type Problem,
  sortProblems,
  UsageError,
} from "./problems.js";
import { type LoadedTargets, loadTargets } from "./targets.js";

/**
 * Every file under the given paths: a file named is taken whatever its extension, a folder is
 * searched recursively for the extensions. Sorted by path, in code-unit order.
 */
export async function findFiles(
  paths: readonly string[],
  extensions: readonly string[],
): Promise<string[]> {
  const found = new Set<string>();
  const missing: string[] = [];
  for (const path of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch {
      missing.push(path);
      continue;
    }
    // Normalised as walk() joins, so that one file named two ways (./a.csv, a.csv) is read once.
    if (info.isDirectory()) for (const file of await walk(path, extensions)) found.add(file);
    else found.add(normalize(path));
  }
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(", ")}`);
  return [...found].sort(compareText);
}

async function walk(folder: string, extensions: readonly string[]): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (cause) {
    throw new InputError([error(folder, 1, 1, `cannot read the folder: ${errorCode(cause)}`)]);
  }
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path, extensions)));
    else if (
      extensions.some((extension) => entry.name.toLowerCase().endsWith(extension)) &&
      (entry.isFile() || (entry.isSymbolicLink() && (await isFileBehindLink(path))))
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
async function isFileBehindLink(path: string): Promise<boolean> {
  try {
    return !(await stat(path)).isDirectory();
  } catch {
    return true;
  }
}

function errorCode(cause: unknown): string {
  return (cause as NodeJS.ErrnoException).code ?? String(cause);
}

/** Read and validate the target files under the given paths. */
export async function readTargets(paths: readonly string[]): Promise<LoadedTargets> {
  const files = await findFiles(paths, [".yaml", ".yml"]);
  const texts = await Promise.all(files.map(readText));
  // A file that cannot be read is a problem like any other: the others are still checked.
  const sources = files.flatMap((file, index) => {
    const text = texts[index];
    return typeof text === "string" ? [{ file, text }] : [];
  });
  const loaded = loadTargets(sources);
  const unreadable = texts.filter((text): text is Problem => typeof text !== "string");
  return { targets: loaded.targets, problems: sortProblems([...unreadable, ...loaded.problems]) };
}

/**
 * A target file is written by hand: far below this size. A larger one is refused before it is
 * parsed, because parsing YAML takes time and memory in proportion to the file (a MiB of the
 * worst YAML takes seconds and hundreds of MB).
 */
export const MAX_TARGET_FILE_BYTES = 1 << 20;

/** The file's text, or the problem that kept it from being read. */
async function readText(file: string): Promise<string | Problem> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    // At most one byte past the limit is read: a huge file (or /dev/zero) costs nothing.
    for await (const chunk of createReadStream(file, { end: MAX_TARGET_FILE_BYTES })) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (cause) {
    return error(file, 1, 1, `cannot read the file: ${errorCode(cause)}`);
  }
  if (size > MAX_TARGET_FILE_BYTES)
    return error(file, 1, 1, "the file is larger than 1 MiB, the limit for a target file");
  return Buffer.concat(chunks, size).toString("utf8");
}

export interface ReadDataOptions {
  /** Force an encoding (any name iconv-lite knows); by default UTF-8, else GB18030. */
  encoding?: string;
}

/**
 * Stream the data files into observations. A file that is not valid UTF-8 is read again as
 * GB18030 (what Excel on a Chinese Windows saves), unless an encoding is forced.
 */
export async function readData(
  paths: readonly string[],
  targets: readonly Target[],
  options: ReadDataOptions = {},
): Promise<CollectedData> {
  const files = await findFiles(paths, [".csv"]);
  const collector = new ObservationCollector(new Map(targets.map((target) => [target.id, target])));
  const problems: Problem[] = [];
  for (const file of files) {
    const encoding = options.encoding ?? "utf-8";
    try {
      await readCsvFile(file, encoding, collector);
    } catch (cause) {
      if (cause instanceof InvalidUtf8Error && options.encoding === undefined) {
        await readCsvFile(file, "gb18030", collector);
      } else if (cause instanceof InvalidUtf8Error) {
        const line = await lineOfInvalidUtf8(file);
        problems.push(error(file, line, 1, "the file is not valid UTF-8 (try --encoding gb18030)"));
      } else if (cause instanceof InputError) {
        problems.push(...cause.problems);
      } else if (isFileSystemError(cause)) {
        problems.push(error(file, 1, 1, `cannot read the file: ${cause.code}`));
      } else throw cause;
    }
  }
  const data = collector.finish();
  return { observations: data.observations, problems: [...problems, ...data.problems] };
}

class InvalidUtf8Error extends Error {
  constructor() {
    super("invalid UTF-8");
  }
}

/**
 * The first line that is not valid UTF-8. The decoder says only that a chunk failed; lines are
 * checked one by one here, on this error path only (a line break is never inside a character).
 */
async function lineOfInvalidUtf8(file: string): Promise<number> {
  const bytes = await readFile(file);
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    if (!isValidUtf8(bytes.subarray(start, end))) return line;
    start = end + 1;
  }
  return 1;
}

function isFileSystemError(cause: unknown): cause is NodeJS.ErrnoException {
  return (
    cause instanceof Error &&
    typeof (cause as NodeJS.ErrnoException).code === "string" &&
    "syscall" in cause
  );
}

/**
 * A byte decoder: the platform's TextDecoder (strict for UTF-8; GB18030 and the other WHATWG
 * encodings are native with Node's ICU), else iconv-lite, loaded only for the files that need it.
 */
async function createDecoder(
  encoding: string,
): Promise<{ write(bytes: Buffer): string; end(): string }> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  try {
    // The BOM is dropped by decodeFile, the same way for every encoding.
    decoder = new TextDecoder(encoding, { fatal: isUtf8(encoding), ignoreBOM: true });
  } catch {
    // Not a label the platform knows (or a Node.js built without ICU): iconv-lite knows more.
  }
  if (decoder !== undefined) {
    const native = decoder;
    return { write: (bytes) => native.decode(bytes, { stream: true }), end: () => native.decode() };
  }
  const iconv = (await import("iconv-lite")).default;
  if (!iconv.encodingExists(encoding)) throw new UsageError(`unknown encoding "${encoding}"`);
  const fallback = iconv.getDecoder(encoding, { stripBOM: false });
  return { write: (bytes) => fallback.write(bytes), end: () => fallback.end() ?? "" };
}

function isUtf8(encoding: string): boolean {
  return encoding.toLowerCase().replace(/[^a-z0-9]/g, "") === "utf8";
}

/** The file's text, chunk by chunk; throws InvalidUtf8Error where strict UTF-8 decoding fails. */
async function* decodeFile(file: string, encoding: string): AsyncGenerator<string> {
  const decoder = await createDecoder(encoding);
  try {
    let start = true;
    // 64 KiB chunks: larger ones make decoding and parsing slower, not faster.
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
      let text = decoder.write(chunk as Buffer);
      // A byte order mark opens the text in any encoding (GB18030 has one too): not part of it.
      if (start && text !== "") {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        start = false;
      }
      if (text !== "") yield text;
    }
    const rest = decoder.end();
    if (rest !== "") yield rest;
  } catch (cause) {
    if (
      cause instanceof TypeError &&
      (cause as { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA"
    ) {
      throw new InvalidUtf8Error();
    }
    throw cause;
  }
}

async function readCsvFile(
  file: string,
  encoding: string,
  collector: ObservationCollector,
): Promise<void> {
  const reader = collector.beginFile(file);
  const lastLine = await parseCsv(decodeFile(file, encoding), {
    record: (fields, recordLine) => reader.record(fields, recordLine),
    plainRecord: (text, start, end, recordLine) => reader.plainRecord(text, start, end, recordLine),
    syntaxError: (syntaxError) => reader.syntaxError(syntaxError.line, syntaxError.message),
  });
  reader.end(lastLine);
}

/**
 * Write a file so that readers see the old content or the new, never a part: a temporary file in
 * the same folder, then a rename over the target.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  let destination = path;
  try {
    const info = await stat(path);
    // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to: a rename would replace
    // it with a plain file. A link is followed, so that it still points at the report.
    if (!info.isFile() && !info.isDirectory()) return await writeTo(path, content);
    if (info.isFile()) destination = await realpath(path);
  } catch (cause) {
    if (cause instanceof UsageError) throw cause;
    // Nothing there yet (or nothing reachable): the write below says why if it cannot be made.
  }
  const temporary = join(
    dirname(destination),
    `.${basename(destination)}.${randomBytes(6).toString("hex")}.tmp`,
  );
  try {
    await writeFile(temporary, content, { flag: "wx" });
    await rename(temporary, destination);
  } catch (cause) {
    // The clean-up must not hide the cause (under a file, rm fails too: ENOTDIR).
    await rm(temporary, { force: true }).catch(() => {});
    throw new UsageError(`cannot write ${path}: ${describeWriteError(cause)}`);
  }
}

async function writeTo(path: string, content: string): Promise<void> {
  try {
    await writeFile(path, content);
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
