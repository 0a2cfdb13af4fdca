/**
 * Reading the input files: target files as text, data files through the stages of the data
 * pipeline.
 * Synchronous calls: a command-line run has nothing to do while it waits, and node:fs/promises
 * and streams would load some sixty of Node's own modules at every start.
 */
import { isUtf8 } from "node:buffer";
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import type { Target } from "../core/model.js";
import {
  error,
  MAX_PROBLEMS_PER_FILE,
  type Place,
  type Problem,
  sortProblems,
  UsageError,
  warning,
} from "../core/problems.js";
import { type FileRows, type RowBatch, readRows, TargetIndex } from "../inputs/data.js";
import { delimitedRecords } from "../inputs/delimited.js";
import { COLUMN_ALIASES, HEADER_SEARCH_ROWS, REQUIRED_COLUMNS } from "../inputs/header.js";
import { type CollectedData, collectObservations } from "../inputs/observations.js";
import { type OwnerPlace, ownerPlaces } from "../inputs/owner-places.js";
import { PROJECT_FILE } from "../inputs/project-file.js";
import { type SheetRecord, sheetRecord } from "../inputs/sheet-records.js";
import {
  type LoadedTargets,
  readPlainDocument,
  readYamlDocument,
  targetsOf,
  type Yaml,
} from "../inputs/targets.js";
import type { Sheet, Workbook, WorkbookError } from "../inputs/workbook.js";
import {
  createDecoder,
  decideEncoding,
  decodeChunks,
  type Encoding,
  encodingName,
  type Iconv,
  lineOfInvalidUtf8,
  nameEncoding,
  needsIconv,
  type TextDecoding,
} from "./decode-text.js";
import {
  type DataPath,
  errorCode,
  type FoundFiles,
  findDataFiles,
  findFiles,
} from "./find-files.js";

/** The files a folder is searched for: target files, and data files. */
export const TARGET_EXTENSIONS = [".yaml", ".yml"];
/**
 * `.csv` files and `.xlsx` workbooks are data; `.tsv` and `.txt` files are when their header names
 * the columns.
 */
export const DATA_EXTENSIONS = [".csv", ".xlsx", ".tsv", ".txt"];

/** How a data file is read, by its name (SPEC 3, v2: nothing is skipped without a word). */
export type DataFileKind =
  /** Delimited text read whatever it holds: a `.csv`, or any file named on the command line. */
  | "delimited"
  /** A `.tsv` or `.txt` in a folder: read when its header names the columns, else a notice. */
  | "delimited-if-header"
  /** An Excel workbook (`.xlsx`): the workbook reader's, sheet by sheet. */
  | "workbook"
  /**
   * A legacy `.xls` or WPS `.et` workbook: an error that says to save it as `.xlsx`; unless it is
   * one saved as `.xlsx` and renamed (a zip), which is read as what it is.
   */
  | "legacy-workbook"
  /** Any other file in a folder: not read, listed in a notice. */
  | "not-read"
  /**
   * Not worth a word: a hidden file (`.DS_Store`), Excel's lock file of an open workbook (`~$…`),
   * Windows' folder files, target and project files (`.yaml`), and what a hidden folder holds
   * besides `.csv` files.
   */
  | "passed-over";

const PASSED_OVER = /^(?:\.|~\$)|\.ya?ml$|^(?:thumbs\.db|desktop\.ini)$/i;

/** How a file found under the data paths is read. */
export function dataFileKind(file: DataPath): DataFileKind {
  const name = basename(file.path).toLowerCase();
  const extension = extname(name);
  if (file.folder === null) {
    if (extension === ".xlsx") return "workbook";
    if (extension === ".xls" || extension === ".et") return "legacy-workbook";
    return "delimited";
  }
  if (extension === ".csv") return "delimited";
  if (file.hidden || PASSED_OVER.test(name)) return "passed-over";
  if (extension === ".tsv" || extension === ".txt") return "delimited-if-header";
  if (extension === ".xlsx") return "workbook";
  if (extension === ".xls" || extension === ".et") return "legacy-workbook";
  return "not-read";
}

/**
 * Whether a file found under the data paths is an input of the run, which `-o` may never name: one
 * named always is; in a folder, delimited text and workbooks (an old `.xls` too, which the run
 * says to save again as `.xlsx`), and not the files passed over or listed as not read.
 */
export function isDataInput(file: DataPath): boolean {
  if (file.folder === null) return true;
  const kind = dataFileKind(file);
  return kind !== "passed-over" && kind !== "not-read";
}

/**
 * The target files under the given paths: never a project file (SPEC 7), neither the one the run
 * reads (`projectFile`, wherever it is) nor a kpi.yaml found in a folder. A kpi.yaml named as a
 * target file is read as one.
 */
export async function findTargetFiles(
  paths: readonly string[],
  projectFile: string | null = null,
): Promise<FoundFiles> {
  const project =
    projectFile === null ? undefined : statSync(projectFile, { throwIfNoEntry: false });
  const name = projectFile === null ? null : basename(projectFile);
  // The same file, however it is reached: only a file of its name is looked at.
  const isProject = (file: string) => {
    if (project === undefined || basename(file) !== name) return false;
    const info = statSync(file, { throwIfNoEntry: false });
    return info !== undefined && info.dev === project.dev && info.ino === project.ino;
  };
  const found = await findFiles(paths, TARGET_EXTENSIONS, {
    skip: (file) => basename(file) === PROJECT_FILE || isProject(file),
  });
  return { ...found, files: found.files.filter((file) => !isProject(file)) };
}

/** The targets read, and where each names its owners (for the project file's `owners:`). */
export interface ReadTargets extends LoadedTargets {
  ownerPlace: OwnerPlace;
}

/**
 * Read and validate the target files under the given paths, leaving out the project file
 * (`findTargetFiles`).
 */
export async function readTargets(
  paths: readonly string[],
  projectFile: string | null = null,
  projectDefaults: Readonly<Record<string, unknown>> = {},
  /** The files found already (by the check of `-o`), else they are looked for here. */
  found?: FoundFiles,
): Promise<ReadTargets> {
  const { files, emptyFolders } = found ?? (await findTargetFiles(paths, projectFile));
  // No target file is no target: "0 targets" must never pass a check.
  const empty = emptyFolders.map((folder) =>
    error({ file: folder, line: 1, column: 1 }, "path.no-target-files", {
      extensions: TARGET_EXTENSIONS,
    }),
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
  const loaded = targetsOf(documents, projectDefaults);
  const unreadable = texts.filter((text): text is Problem => typeof text !== "string");
  return {
    targets: loaded.targets,
    problems: sortProblems([...empty, ...unreadable, ...loaded.problems]),
    ownerPlace: ownerPlaces(documents),
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
    return error(startOf(file), "file.unreadable", { code: errorCode(cause) });
  }
  if (size > MAX_TARGET_FILE_BYTES)
    return error(startOf(file), "file.target-too-large", {
      maxBytes: MAX_TARGET_FILE_BYTES,
      role: "target",
    });
  const bytes = Buffer.concat(chunks, size);
  // Target files are UTF-8 (SPEC 2, v2): anything else is named, never read with U+FFFD in it.
  // UTF-16 of ASCII text alone is valid UTF-8, with a zero byte in every other place.
  const utf8 = isUtf8(bytes);
  const encoding = utf8 && !bytes.includes(0) ? null : nameEncoding(bytes);
  if (!utf8 || encoding?.startsWith("UTF-")) {
    const line = encoding?.startsWith("UTF-") ? 1 : lineOfInvalidUtf8([bytes]);
    return error({ file, line, column: 1 }, "target.not-utf8", { encoding });
  }
  return bytes.toString("utf8");
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
  /** Rows of unknown ids are warnings, not errors (SPEC 3, v2). @default false */
  allowUnknown?: boolean;
  /** The files found already (by the check of `-o`), else they are looked for here. */
  found?: FoundDataFiles;
}

/** The files under the data paths, and the folders given. */
export type FoundDataFiles = Awaited<ReturnType<typeof findDataFiles>>;

/**
 * The observations of the data files, through the stages of the data pipeline, file by file and
 * each streamed: bytes → text (the encoding decided first, decode-text.ts) → records (csv.ts) →
 * rows (data.ts) → observations (observations.ts).
 */
export async function readData(
  paths: readonly string[],
  targets: readonly Target[],
  options: ReadDataOptions = {},
): Promise<CollectedData> {
  const { files, folders } = options.found ?? (await findDataFiles(paths));
  const problems: Problem[] = [];
  const { encoding } = options;
  // Loaded before any file is read, so that every stage after it is synchronous.
  const iconv = needsIconv(encoding) ? await loadIconv(encoding) : null;
  const index = new TargetIndex(targets);
  // The workbook reader runs (and loads node:zlib) only for a run that has a workbook to read.
  const reader = files.some((file) => /^(?:workbook|legacy-workbook)$/.test(dataFileKind(file)))
    ? await loadWorkbookReader()
    : null;
  // The folders that hold a data file (one with problems included), and each one's files not read.
  const withData = new Set<string>();
  const notRead = new Map<string, DataPath[]>();
  function* rowsOfFiles(): Generator<Generator<RowBatch, FileRows>> {
    for (const file of files) {
      const kind = dataFileKind(file);
      const { path, folder } = file;
      if (kind === "passed-over") continue;
      if (kind === "not-read") {
        if (folder !== null) notRead.set(folder, [...(notRead.get(folder) ?? []), file]);
        continue;
      }
      if (folder !== null && (kind === "workbook" || kind === "legacy-workbook"))
        withData.add(folder);
      if (kind === "workbook" || kind === "legacy-workbook") {
        const bytes = readWorkbookBytes(path, kind === "legacy-workbook", problems);
        if (bytes !== null)
          yield* workbookRows(path, bytes, reader as WorkbookReader, index, problems, {
            allowUnknown: options.allowUnknown === true,
          });
        continue;
      }
      const optional = kind === "delimited-if-header";
      const text = openText(path, encoding, iconv, problems);
      if (folder !== null && (!optional || text === null)) withData.add(folder);
      if (text === null) continue;
      const records = delimitedRecords(text.chunks);
      const rows = readRows(path, records, index, {
        encoding: text.encoding,
        allowUnknown: options.allowUnknown === true,
        optional,
      });
      yield optional && folder !== null ? marking(rows, folder, withData) : rows;
    }
  }
  const data = collectObservations(rowsOfFiles(), index);
  for (const folder of folders) {
    const unread = notRead.get(folder) ?? [];
    for (const file of unread.slice(0, MAX_PROBLEMS_PER_FILE))
      problems.push(
        warning(startOf(file.path), "data.file-not-read", { extensions: DATA_EXTENSIONS }),
      );
    if (unread.length > MAX_PROBLEMS_PER_FILE)
      problems.push(
        warning(startOf(folder), "data.more-files-not-read", {
          count: unread.length - MAX_PROBLEMS_PER_FILE,
        }),
      );
    // A folder of no data file is no data: every target would be grey, silently.
    if (!withData.has(folder) && !options.mayHoldNoData?.includes(folder))
      problems.push(error(startOf(folder), "path.no-data-files", { extensions: DATA_EXTENSIONS }));
  }
  return { observations: data.observations, problems: [...problems, ...data.problems] };
}

/**
 * The workbook reader (src/inputs/workbook.ts): a module of the bundle that runs (and loads
 * node:zlib) only when a run first reads a workbook.
 */
type WorkbookReader = typeof import("../inputs/workbook.js");

async function loadWorkbookReader(): Promise<WorkbookReader> {
  return await import("../inputs/workbook.js");
}

/**
 * A workbook is read whole into memory (a zip is read from its end): one past this size is refused
 * before it is read. Far past what a department sends (a 100,000-row sheet is some 3 MB).
 */
export const MAX_WORKBOOK_FILE_BYTES = 256 << 20;

/**
 * A workbook file's bytes, or null with the problem added: one too large, one that cannot be
 * read, and a legacy `.xls` / `.et` that is no zip (`legacy`: it is named so), which is the error
 * that says to save it as `.xlsx`.
 */
function readWorkbookBytes(path: string, legacy: boolean, problems: Problem[]): Buffer | null {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for (const chunk of readChunks(path, MAX_WORKBOOK_FILE_BYTES + 1)) {
      chunks.push(Buffer.from(chunk));
      size += chunk.length;
      // A legacy workbook is read only when it is a zip: its first bytes say.
      if (legacy && size >= 4 && chunks.length === 1 && !isZipStart(chunks[0] as Buffer)) break;
    }
  } catch (cause) {
    problems.push(error(startOf(path), "file.unreadable", { code: errorCode(cause) }));
    return null;
  }
  const bytes = Buffer.concat(chunks, size);
  if (legacy && !isZipStart(bytes)) {
    problems.push(error(startOf(path), "data.legacy-workbook", { extension: extname(path) }));
    return null;
  }
  if (size > MAX_WORKBOOK_FILE_BYTES) {
    const params = { part: null, maxBytes: MAX_WORKBOOK_FILE_BYTES };
    problems.push(error(startOf(path), "data.workbook-too-large", params));
    return null;
  }
  return bytes;
}

function isZipStart(bytes: Buffer): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The rows of a workbook, sheet by sheet (SPEC 3, v2): each sheet whose header is found is read
 * as a table; one without is a notice; a workbook none of whose sheets has a header is an error.
 * A workbook that cannot be read is an error at its place, and no more of it is read.
 */
function* workbookRows(
  path: string,
  bytes: Buffer,
  reader: WorkbookReader,
  index: TargetIndex,
  problems: Problem[],
  options: { allowUnknown: boolean },
): Generator<Generator<RowBatch, FileRows>> {
  let workbook: Workbook;
  try {
    workbook = reader.openWorkbook(bytes);
  } catch (cause) {
    problems.push(workbookProblem(path, cause));
    return;
  }
  const state = { failed: false, headers: 0 };
  // A chart sheet holds no cells: it is no table, and not worth a word.
  const tables = workbook.sheets.filter((each) => each.hasCells);
  for (const sheet of tables) {
    if (state.failed) return;
    // Past the header's width, a sheet's cells are not read (they are no column kpi reads).
    const width = { columns: reader.MAX_COLUMNS };
    const records = sheetRecords(path, sheet, workbook.date1904, width, problems, state);
    yield countingHeaders(
      readRows(path, records, index, {
        sheet: sheet.name,
        optional: true,
        allowUnknown: options.allowUnknown,
        onHeader: (columns) => {
          width.columns = columns;
        },
      }),
      state,
    );
  }
  // Placed where a header was first looked for: the first sheet's A1.
  const first =
    tables[0] === undefined ? startOf(path) : { ...startOf(path), sheet: tables[0].name };
  if (!state.failed && state.headers === 0)
    problems.push(
      error(first, "data.workbook-no-header", {
        rows: HEADER_SEARCH_ROWS,
        columns: REQUIRED_COLUMNS.map((column) => ({
          column,
          names: [...COLUMN_ALIASES[column]],
        })),
      }),
    );
}

/** A sheet's rows as records; a fault in its cells ends the sheet and the workbook, said. */
function* sheetRecords(
  path: string,
  sheet: Sheet,
  date1904: boolean,
  width: { columns: number },
  problems: Problem[],
  state: { failed: boolean },
): Generator<SheetRecord, number> {
  let last = 1;
  try {
    for (const row of sheet.rows()) {
      last = row.row;
      yield sheetRecord(row, date1904, width.columns);
    }
  } catch (cause) {
    state.failed = true;
    problems.push(workbookProblem(path, cause));
  }
  return last;
}

function* countingHeaders(
  rows: Generator<RowBatch, FileRows>,
  state: { failed: boolean; headers: number },
): Generator<RowBatch, FileRows> {
  const read = yield* rows;
  if (read.header) state.headers++;
  // A sheet cut short by a fault: its notice of no header would blame the wrong thing.
  if (state.failed)
    return { ...read, problems: read.problems.filter((p) => p.severity === "error") };
  return read;
}

/** The problem of a workbook that cannot be read, at the file or at the cell where it was found. */
function workbookProblem(path: string, cause: unknown): Problem {
  if (!(cause instanceof Error) || !("fault" in cause)) throw cause;
  const { fault, at } = cause as WorkbookError;
  const place: Place =
    at === null
      ? startOf(path)
      : { file: path, sheet: at.sheet, line: Math.max(1, at.row), column: at.column + 1 };
  if (fault.kind === "too-large")
    return error(place, "data.workbook-too-large", { part: fault.part, maxBytes: fault.maxBytes });
  const reason = fault.kind === "not-zip" && fault.cfb ? "encrypted" : fault.kind;
  const part = "part" in fault ? fault.part : null;
  const detail = fault.kind === "entity" ? fault.entity : "ref" in fault ? fault.ref : null;
  return error(place, "data.workbook-unreadable", { reason, part, detail });
}

/** The rows of an optional file, its folder marked as holding data when a header was found. */
function* marking(
  rows: Generator<RowBatch, FileRows>,
  folder: string,
  withData: Set<string>,
): Generator<RowBatch, FileRows> {
  const read = yield* rows;
  if (read.header) withData.add(folder);
  return read;
}

/** iconv-lite, which knows more encodings than the platform: for a forced one only it knows. */
async function loadIconv(encoding: string | undefined): Promise<Iconv> {
  const iconv = (await import("iconv-lite")).default;
  if (encoding !== undefined && !iconv.encodingExists(encoding))
    throw new UsageError("option.encoding-unknown", { encoding });
  return iconv;
}

/**
 * A data file's text, chunk by chunk, in the encoding decided by a first pass over its bytes; or
 * null, with the problem added to `problems`, when it cannot be read. The file stays open until
 * its text is read to the end.
 */
function openText(
  file: string,
  forced: string | undefined,
  iconv: Iconv | null,
  problems: Problem[],
): { chunks: Iterable<string>; encoding: string } | null {
  let bytes: FileBytes;
  let encoding: Encoding;
  try {
    bytes = openBytes(file);
    try {
      encoding = decideEncoding(() => bytes.chunks(), forced);
      if (encoding.kind === "not-utf-8") {
        const line = lineOfInvalidUtf8(bytes.chunks());
        problems.push(error({ file, line, column: 1 }, "data.not-utf8", {}));
        bytes.close();
        return null;
      }
      if (encoding.kind === "mixed") {
        const place = { file, line: encoding.line, column: 1 };
        problems.push(error(place, "data.mixed-encoding", { utf8Line: encoding.utf8Line }));
        bytes.close();
        return null;
      }
    } catch (cause) {
      bytes.close();
      throw cause;
    }
  } catch (cause) {
    if (!isFileSystemError(cause)) throw cause;
    problems.push(error(startOf(file), "file.unreadable", { code: String(cause.code) }));
    return null;
  }
  return {
    chunks: decodeFile(bytes, createDecoder(encoding, iconv), file, problems),
    encoding: encodingName(encoding),
  };
}

/** The text of the file's bytes; the file is closed at the end, or at a failure to read it. */
function* decodeFile(
  bytes: FileBytes,
  decoder: TextDecoding,
  file: string,
  problems: Problem[],
): Generator<string> {
  try {
    yield* decodeChunks(bytes.chunks(), decoder);
  } catch (cause) {
    // The first pass read the file: a failure now is one of the disk, said like any other.
    if (!isFileSystemError(cause)) throw cause;
    problems.push(error(startOf(file), "file.unreadable", { code: String(cause.code) }));
  } finally {
    bytes.close();
  }
}

/** An open file whose bytes can be read from the start as often as needed. */
interface FileBytes {
  chunks(): Iterable<Buffer>;
  close(): void;
}

/**
 * The file opened for reading it twice. A regular file is read again from its start by the same
 * descriptor (so a file replaced between the two passes is still the one checked); anything else
 * (a pipe, `<(…)`) can be read once only, and is held in memory.
 */
function openBytes(file: string): FileBytes {
  const descriptor = openSync(file, "r");
  let isFile: boolean;
  try {
    isFile = fstatSync(descriptor).isFile();
  } catch (cause) {
    closeSync(descriptor);
    throw cause;
  }
  const close = () => closeSync(descriptor);
  if (isFile) return { chunks: () => readChunksAt(descriptor), close };
  const held: Buffer[] = [];
  try {
    // Copied as they come: the chunks share one buffer.
    for (const chunk of readChunksAt(descriptor, false)) held.push(Buffer.from(chunk));
  } catch (cause) {
    close();
    throw cause;
  }
  return { chunks: () => held, close };
}

/**
 * The bytes of an open file, chunk by chunk: from its start when `fromStart`, else from where
 * the descriptor stands. The chunks share one buffer: each is valid until the next is read.
 */
function* readChunksAt(descriptor: number, fromStart = true): Generator<Buffer> {
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  for (let position = 0; ; ) {
    const size = readSync(descriptor, buffer, 0, CHUNK_BYTES, fromStart ? position : null);
    if (size === 0) return;
    position += size;
    yield buffer.subarray(0, size);
  }
}

function isFileSystemError(cause: unknown): cause is NodeJS.ErrnoException {
  return (
    cause instanceof Error &&
    typeof (cause as NodeJS.ErrnoException).code === "string" &&
    "syscall" in cause
  );
}

/** A problem of a whole file is placed at its start. */
function startOf(file: string): Place {
  return { file, line: 1, column: 1 };
}
