/** The thin I/O around the core: finding and reading input files, writing output atomically. */
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { parseCsv } from "./csv.js";
import { type CollectedData, ObservationCollector } from "./data.js";
import type { Target } from "./model.js";
import { compareText, error, InputError, type Problem, UsageError } from "./problems.js";
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
    if (info.isDirectory()) for (const file of await walk(path, extensions)) found.add(file);
    else found.add(path);
  }
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(", ")}`);
  return [...found].sort(compareText);
}

async function walk(folder: string, extensions: readonly string[]): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path, extensions)));
    else if (
      entry.isFile() &&
      extensions.some((extension) => entry.name.toLowerCase().endsWith(extension))
    )
      files.push(path);
  }
  return files;
}

/** Read and validate the target files under the given paths. */
export async function readTargets(paths: readonly string[]): Promise<LoadedTargets> {
  const files = await findFiles(paths, [".yaml", ".yml"]);
  const sources = await Promise.all(
    files.map(async (file) => ({ file, text: await readText(file) })),
  );
  return loadTargets(sources);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (cause) {
    throw new InputError([
      error(file, 1, 1, `cannot read the file: ${(cause as NodeJS.ErrnoException).code ?? cause}`),
    ]);
  }
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
        problems.push(
          error(file, cause.line, 1, "the file is not valid UTF-8 (try --encoding gb18030)"),
        );
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
  constructor(readonly line: number) {
    super("invalid UTF-8");
  }
}

function isFileSystemError(cause: unknown): cause is NodeJS.ErrnoException {
  return (
    cause instanceof Error &&
    typeof (cause as NodeJS.ErrnoException).code === "string" &&
    "syscall" in cause
  );
}

/** A byte decoder: UTF-8 natively and strictly, any other encoding by iconv-lite. */
/**
 * A byte decoder: the platform's TextDecoder (strict for UTF-8; GB18030 and the other WHATWG
 * encodings are native with Node's ICU), else iconv-lite, loaded only for the files that need it.
 */
async function createDecoder(
  encoding: string,
): Promise<{ write(bytes: Buffer): string; end(): string }> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  try {
    decoder = new TextDecoder(encoding, { fatal: isUtf8(encoding) });
  } catch {
    // Not a label the platform knows (or a Node.js built without ICU): iconv-lite knows more.
  }
  if (decoder !== undefined) {
    const native = decoder;
    return { write: (bytes) => native.decode(bytes, { stream: true }), end: () => native.decode() };
  }
  const iconv = (await import("iconv-lite")).default;
  if (!iconv.encodingExists(encoding)) throw new UsageError(`unknown encoding "${encoding}"`);
  const fallback = iconv.getDecoder(encoding);
  return { write: (bytes) => fallback.write(bytes), end: () => fallback.end() ?? "" };
}

function isUtf8(encoding: string): boolean {
  return encoding.toLowerCase().replace(/[^a-z0-9]/g, "") === "utf8";
}

/** The file's text, chunk by chunk; throws InvalidUtf8Error where strict UTF-8 decoding fails. */
async function* decodeFile(
  file: string,
  encoding: string,
  lines: () => number,
): AsyncGenerator<string> {
  const decoder = await createDecoder(encoding);
  try {
    // 64 KiB chunks: larger ones make decoding and parsing slower, not faster.
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
      const text = decoder.write(chunk as Buffer);
      if (text !== "") yield text;
    }
    const rest = decoder.end();
    if (rest !== "") yield rest;
  } catch (cause) {
    if (
      cause instanceof TypeError &&
      (cause as { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA"
    ) {
      throw new InvalidUtf8Error(lines());
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
  let line = 1;
  const lastLine = await parseCsv(
    decodeFile(file, encoding, () => line),
    {
      record: (fields, recordLine) => {
        line = recordLine;
        reader.record(fields, recordLine);
      },
      syntaxError: (syntaxError) => reader.syntaxError(syntaxError.line, syntaxError.message),
    },
  );
  reader.end(lastLine);
}

/**
 * Write a file so that readers see the old content or the new, never a part: a temporary file in
 * the same folder, then a rename over the target.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, content, { flag: "wx" });
    await rename(temporary, path);
  } catch (cause) {
    await rm(temporary, { force: true });
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
    default:
      return String((cause as Error).message ?? cause);
  }
}
