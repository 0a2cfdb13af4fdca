/**
 * Reading the input files: target files as text, data files decoded chunk by chunk into the
 * data reader.
 * Synchronous calls: a command-line run has nothing to do while it waits, and node:fs/promises
 * and streams would load some sixty of Node's own modules at every start.
 */
import { isAscii, isUtf8 as isValidUtf8 } from "node:buffer";
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import type { Target } from "../core/model.js";
import { error, InputError, type Problem, sortProblems, UsageError } from "../core/problems.js";
import { parseCsv } from "../inputs/csv.js";
import { type CollectedData, ObservationCollector } from "../inputs/data.js";
import {
  type LoadedTargets,
  readPlainDocument,
  readYamlDocument,
  targetsOf,
  type Yaml,
} from "../inputs/targets.js";
import { errorCode, findFiles } from "./find-files.js";

/** The files a folder is searched for: target files, and data files. */
export const TARGET_EXTENSIONS = [".yaml", ".yml"];
export const DATA_EXTENSIONS = [".csv"];

/** Read and validate the target files under the given paths. */
export async function readTargets(paths: readonly string[]): Promise<LoadedTargets> {
  const { files, emptyFolders } = await findFiles(paths, TARGET_EXTENSIONS);
  // No target file is no target: "0 targets" must never pass a check.
  const empty = emptyFolders.map((folder) =>
    error(folder, 1, 1, "no target file (.yaml, .yml) in this folder"),
  );
  const texts = files.map(readText);
  // A file that cannot be read is a problem like any other: the others are still checked.
  const sources = files.flatMap((file, index) => {
    const text = texts[index];
    return typeof text === "string" ? [{ file, text }] : [];
  });
  // Each file is read by one reader, decided up front: the plain one, else yaml (a quarter of
  // kpi's code), which is loaded only when a file needs it.
  const plain = sources.map(readPlainDocument);
  const yaml = plain.includes(null) ? await loadYaml() : null;
  const documents = sources.map(
    (source, index) => plain[index] ?? readYamlDocument(source, yaml as Yaml),
  );
  const loaded = targetsOf(documents);
  const unreadable = texts.filter((text): text is Problem => typeof text !== "string");
  return {
    targets: loaded.targets,
    problems: sortProblems([...empty, ...unreadable, ...loaded.problems]),
  };
}

/** The yaml library: CommonJS, so its exports are the module's default export (bundled, the only one). */
async function loadYaml(): Promise<Yaml> {
  return ((await import("yaml")) as unknown as { default: Yaml }).default;
}

/**
 * A target file is written by hand: far below this size. A larger one is refused before it is
 * parsed, because parsing YAML takes time and memory in proportion to the file (a MiB of the
 * worst YAML takes seconds and hundreds of MB).
 */
export const MAX_TARGET_FILE_BYTES = 1 << 20;

/** The file's text, or the problem that kept it from being read. */
function readText(file: string): string | Problem {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    // At most one byte past the limit is read: a huge file (or /dev/zero) costs nothing.
    for (const chunk of readChunks(file, MAX_TARGET_FILE_BYTES + 1)) {
      chunks.push(Buffer.from(chunk));
      size += chunk.length;
    }
  } catch (cause) {
    return error(file, 1, 1, `cannot read the file: ${errorCode(cause)}`);
  }
  if (size > MAX_TARGET_FILE_BYTES)
    return error(file, 1, 1, "the file is larger than 1 MiB, the limit for a target file");
  return Buffer.concat(chunks, size).toString("utf8");
}

/** Bytes read per call: larger chunks make decoding and parsing slower, not faster. */
const CHUNK_BYTES = 1 << 16;

/**
 * The file's bytes, chunk by chunk, up to `limit` bytes. The chunks share one buffer: each is
 * valid until the next is read.
 */
function* readChunks(file: string, limit = Number.POSITIVE_INFINITY): Generator<Buffer> {
  const descriptor = openSync(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let total = 0; total < limit; ) {
      const size = readSync(descriptor, buffer, 0, Math.min(CHUNK_BYTES, limit - total), null);
      if (size === 0) return;
      total += size;
      yield buffer.subarray(0, size);
    }
  } finally {
    closeSync(descriptor);
  }
}

export interface ReadDataOptions {
  /** Force an encoding (any name iconv-lite knows); by default UTF-8, else GB18030. */
  encoding?: string;
  /** Folders of `paths` that may hold no data file; any other that holds none is an error. */
  mayHoldNoData?: readonly string[];
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
  const { files, emptyFolders } = await findFiles(paths, DATA_EXTENSIONS);
  const collector = new ObservationCollector(new Map(targets.map((target) => [target.id, target])));
  // A folder of no data file is no data: every target would be grey, silently.
  const problems: Problem[] = emptyFolders
    .filter((folder) => !options.mayHoldNoData?.includes(folder))
    .map((folder) => error(folder, 1, 1, "no data file (.csv) in this folder"));
  for (const file of files) {
    const encoding = options.encoding ?? "utf-8";
    try {
      await readCsvFile(file, encoding, collector);
    } catch (cause) {
      if (cause instanceof InvalidUtf8Error && options.encoding === undefined) {
        await readCsvFile(file, "gb18030", collector);
      } else if (cause instanceof InvalidUtf8Error) {
        const line = lineOfInvalidUtf8(file);
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
function lineOfInvalidUtf8(file: string): number {
  const bytes = readFileSync(file);
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

interface Decoder {
  write(bytes: Buffer): string;
  end(): string;
}

/**
 * A byte decoder: UTF-8 by Node's own validation and decoding, other WHATWG encodings (GB18030)
 * by the platform's TextDecoder (native with Node's ICU), else iconv-lite, loaded only for the
 * files that need it.
 */
async function createDecoder(encoding: string): Promise<Decoder> {
  if (isUtf8(encoding)) return utf8Decoder();
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  try {
    // The BOM is dropped by decodeFile, the same way for every encoding.
    decoder = new TextDecoder(encoding, { ignoreBOM: true });
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
  // A copy: the chunks share a buffer, and iconv-lite may keep the end of one for the next.
  return { write: (bytes) => fallback.write(Buffer.from(bytes)), end: () => fallback.end() ?? "" };
}

/**
 * Strict UTF-8, chunk by chunk: a character cut by the end of a chunk waits for the next one;
 * bytes that are not UTF-8 throw InvalidUtf8Error. (Faster than a fatal TextDecoder, and ASCII,
 * nearly every chunk of a large file, is taken as it is.)
 */
function utf8Decoder(): Decoder {
  let carried: Buffer | null = null;
  return {
    write(chunk) {
      const bytes: Buffer = carried === null ? chunk : Buffer.concat([carried, chunk]);
      const cut = completeLength(bytes);
      const whole = bytes.subarray(0, cut);
      carried = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null;
      if (isAscii(whole)) return whole.toString("latin1");
      if (!isValidUtf8(whole)) throw new InvalidUtf8Error();
      return whole.toString("utf8");
    },
    end() {
      // A character cut off by the end of the file.
      if (carried !== null) throw new InvalidUtf8Error();
      return "";
    },
  };
}

/**
 * The length of `bytes` without a UTF-8 character that starts within its last three bytes and
 * needs more bytes than are left. Anything else, valid or not, is judged by the validation.
 */
function completeLength(bytes: Buffer): number {
  for (let at = bytes.length - 1; at >= 0 && at >= bytes.length - 3; at--) {
    const byte = bytes[at] as number;
    if (byte < 0x80) return bytes.length;
    if (byte < 0xc0) continue; // a continuation byte: look further back for the lead byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return bytes.length - at < needed ? at : bytes.length;
  }
  return bytes.length;
}

function isUtf8(encoding: string): boolean {
  return encoding.toLowerCase().replace(/[^a-z0-9]/g, "") === "utf8";
}

/** The file's text, chunk by chunk; throws InvalidUtf8Error where strict UTF-8 decoding fails. */
async function* decodeFile(file: string, encoding: string): AsyncGenerator<string> {
  const decoder = await createDecoder(encoding);
  let start = true;
  for (const chunk of readChunks(file)) {
    let text = decoder.write(chunk);
    // A byte order mark opens the text in any encoding (GB18030 has one too): not part of it.
    if (start && text !== "") {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      start = false;
    }
    if (text !== "") yield text;
  }
  const rest = decoder.end();
  if (rest !== "") yield rest;
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
