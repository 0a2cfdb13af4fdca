/**
 * Data rows → observations (SPEC section 3). Pure: the caller parses CSV and feeds each record's
 * fields and line here, file by file; nothing is kept of a row but its target, day, value and place.
 */
import { type DateParse, type Day, formatDay, parseDate } from "../core/dates.js";
import { MAX_MAGNITUDE, type Target } from "../core/model.js";
import { error, MAX_PROBLEMS_PER_FILE, type Problem, warning } from "../core/problems.js";
import { type RowColumns, Series } from "../core/series.js";
import { didYouMean } from "../core/suggest.js";

/** The columns kpi reads, and the header names (trimmed, case-insensitive) that mean each. */
const COLUMN_ALIASES = {
  target: ["target", "id", "指标"],
  date: ["date", "period", "日期"],
  value: ["value", "数值", "值"],
  note: ["note", "备注"],
} as const;
type Column = keyof typeof COLUMN_ALIASES;
const REQUIRED_COLUMNS: readonly Column[] = ["target", "date", "value"];

const DONE_WORDS = new Set(["1", "true", "yes", "done", "y", "是", "完成", "已完成"]);
const NOT_DONE_WORDS = new Set(["0", "false", "no", "n", "否", "未完成"]);

export interface CollectedData {
  /** Each known target's rows, one per date, in date order (targets with rows only). */
  observations: Map<string, Series>;
  problems: Problem[];
}

/**
 * Rows per chunk of the row store: 96 KiB of columns, small enough that a short run does not pay
 * for memory it never fills (new pages are not free), large enough that a million rows are 245.
 */
const CHUNK_BITS = 12;
const CHUNK_ROWS = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_ROWS - 1;

class RowChunk {
  readonly targets = new Int32Array(CHUNK_ROWS);
  readonly files = new Int32Array(CHUNK_ROWS);
  readonly days = new Int32Array(CHUNK_ROWS);
  readonly values = new Float64Array(CHUNK_ROWS);
  readonly lines = new Int32Array(CHUNK_ROWS);
}

/**
 * The rows read, in read order, column by column in typed arrays of fixed-size chunks. A million
 * rows make no million objects, nor pushes into thousands of growing lists, nor copies as the
 * store grows: each of these cost more than reading the rows (new memory is slow to touch).
 */
class RowStore implements RowColumns {
  length = 0;
  private chunk = new RowChunk();
  private readonly chunks: RowChunk[] = [this.chunk];
  /** The next row's place in `chunk`. */
  private offset = 0;

  constructor(private readonly fileNames: readonly string[]) {}

  push(target: number, file: number, day: Day, value: number, line: number): void {
    if (this.offset === CHUNK_ROWS) {
      this.chunk = new RowChunk();
      this.chunks.push(this.chunk);
      this.offset = 0;
    }
    const { chunk } = this;
    const at = this.offset++;
    chunk.targets[at] = target;
    chunk.files[at] = file;
    chunk.days[at] = day;
    chunk.values[at] = value;
    chunk.lines[at] = line;
    this.length++;
  }

  /** Keep the first `length` rows only. */
  truncate(length: number): void {
    const chunks = Math.max(1, Math.ceil(length / CHUNK_ROWS));
    this.chunks.length = chunks;
    this.chunk = this.chunks[chunks - 1] as RowChunk;
    this.offset = length - (chunks - 1) * CHUNK_ROWS;
    this.length = length;
  }

  private chunkOf(row: number): RowChunk {
    return this.chunks[row >>> CHUNK_BITS] as RowChunk;
  }

  /** The index of the row's target. */
  target(row: number): number {
    return this.chunkOf(row).targets[row & CHUNK_MASK] as number;
  }

  day(row: number): Day {
    return this.chunkOf(row).days[row & CHUNK_MASK] as number;
  }

  value(row: number): number {
    return this.chunkOf(row).values[row & CHUNK_MASK] as number;
  }

  file(row: number): string {
    return this.fileNames[this.chunkOf(row).files[row & CHUNK_MASK] as number] as string;
  }

  line(row: number): number {
    return this.chunkOf(row).lines[row & CHUNK_MASK] as number;
  }
}

/**
 * Collects observations across data files. Each file is read through a `FileReader` whose rows
 * count only once `end()` is called, so that a file can be read again (in another encoding).
 */
export class ObservationCollector {
  private readonly problems: Problem[] = [];
  /** Every file begun, by index (a file read again in another encoding is there twice). */
  private readonly files: string[] = [];
  private readonly rows = new RowStore(this.files);
  /** The rows of the files read to their end; the rows after them are of a file being read. */
  private committed = 0;
  /**
   * The targets with rows, in the order files name them: file by file, each file's targets in
   * the order their ids first appear in it. Rows of one date that disagree are listed in this
   * order up to each file's cap, so it decides which ones are listed.
   */
  private readonly appearance: number[] = [];
  private readonly appeared: Uint8Array;
  private readonly known: KnownTargets;

  constructor(targets: ReadonlyMap<string, Target>) {
    const list = [...targets.values()];
    this.known = { list, ids: new IdTable(list.map((target) => target.id)) };
    this.appeared = new Uint8Array(list.length);
  }

  beginFile(file: string): FileReader {
    // The rows of a file not read to its end (to be read again in another encoding) are dropped.
    this.rows.truncate(this.committed);
    const fileIndex = this.files.push(file) - 1;
    return new FileReader(file, fileIndex, this.known, this.rows, (problems, targets) => {
      this.committed = this.rows.length;
      this.problems.push(...problems);
      for (const index of targets) {
        if (this.appeared[index] === 1) continue;
        this.appeared[index] = 1;
        this.appearance.push(index);
      }
    });
  }

  /** Each target's rows by date, after checking that rows of one date agree. */
  finish(): CollectedData {
    const { rows } = this;
    rows.truncate(this.committed);
    const { order, starts } = groupByTarget(rows, this.known.list.length);
    const observations = new Map<string, Series>();
    // Disagreeing rows are listed up to the cap of each file too, then counted.
    const conflicts = new Map<string, { count: number; firstLeftOut: number | null }>();
    for (const index of this.appearance) {
      const target = this.known.list[index] as Target;
      const done = target.kind === "milestone";
      const show = (row: number) => String(done ? rows.value(row) === 1 : rows.value(row));
      const group = order.subarray(starts[index], starts[index + 1]);
      sortByDay(group, rows);
      // One row per date, kept in place at the start of the group.
      let kept = 0;
      for (const row of group) {
        const previous = kept > 0 ? (group[kept - 1] as number) : -1;
        if (previous === -1 || rows.day(previous) !== rows.day(row)) group[kept++] = row;
        else if (rows.value(previous) !== rows.value(row)) {
          const file = rows.file(row);
          const conflict = conflicts.get(file) ?? { count: 0, firstLeftOut: null };
          conflicts.set(file, conflict);
          if (++conflict.count > MAX_PROBLEMS_PER_FILE) {
            conflict.firstLeftOut ??= row;
            continue;
          }
          this.problems.push(
            error(
              file,
              rows.line(row),
              1,
              `${target.id} on ${formatDay(rows.day(row))} is ${show(row)} here but ${show(previous)} at ${rows.file(previous)}:${rows.line(previous)}`,
            ),
          );
        }
      }
      observations.set(target.id, new Series(rows, group.subarray(0, kept), done));
    }
    for (const [file, { count, firstLeftOut }] of conflicts) {
      if (firstLeftOut === null) continue;
      const more = count - MAX_PROBLEMS_PER_FILE;
      this.problems.push(
        error(
          file,
          rows.line(firstLeftOut),
          1,
          `${more} more rows in this file disagree with earlier rows`,
        ),
      );
    }
    return { observations, problems: this.problems };
  }
}

/**
 * The rows grouped by target by a counting sort, in read order within each group: `order` holds
 * row numbers, target i's from starts[i] to starts[i + 1].
 */
function groupByTarget(rows: RowStore, targetCount: number) {
  const starts = new Int32Array(targetCount + 1);
  for (let row = 0; row < rows.length; row++) {
    const slot = rows.target(row) + 1;
    starts[slot] = (starts[slot] as number) + 1;
  }
  for (let index = 1; index <= targetCount; index++)
    starts[index] = (starts[index] as number) + (starts[index - 1] as number);
  const order = new Int32Array(rows.length);
  const next = starts.slice(0, targetCount);
  for (let row = 0; row < rows.length; row++) {
    const target = rows.target(row);
    order[next[target] as number] = row;
    next[target] = (next[target] as number) + 1;
  }
  return { order, starts };
}

/** Sort row numbers by day, stably (rows of one date stay in read order); usually sorted already. */
function sortByDay(group: Int32Array, rows: RowStore): void {
  for (let at = 1; at < group.length; at++) {
    if (rows.day(group[at] as number) < rows.day(group[at - 1] as number)) {
      // Array.prototype.sort is stable; a typed array's sort need not be.
      group.set(Array.from(group).sort((a, b) => rows.day(a) - rows.day(b)));
      return;
    }
  }
}

/**
 * Target indexes by id, found from the id's characters in a line: no string is made of them and
 * none is hashed by the engine, which took most of the time of reading a row. Open addressing
 * with linear probing over an FNV-1a hash of the characters.
 */
class IdTable {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly ids: readonly string[]) {
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    ids.forEach((id, index) => {
      let slot = hashOf(id, 0, id.length) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = index + 1;
    });
  }

  /** The index of the id that is `text` from `start` to `end`, or -1. */
  find(text: string, start = 0, end = text.length): number {
    for (let slot = hashOf(text, start, end) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot] as number;
      if (entry === 0) return -1;
      const id = this.ids[entry - 1] as string;
      if (id.length === end - start && text.startsWith(id, start)) return entry - 1;
    }
  }

  keys(): readonly string[] {
    return this.ids;
  }
}

function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let at = start; at < end; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  return hash >>> 0;
}

/** The targets a file's rows are read against. */
interface KnownTargets {
  list: readonly Target[];
  ids: IdTable;
}

/** One record of a CSV file: its fields and the line it starts on. */
export interface CsvRecord {
  fields: readonly string[];
  line: number;
}

/** Reads the records of one data file. */
export class FileReader {
  private columns: Record<Column, number> | null = null;
  /** The header is unusable: the rest of the file is not read. */
  private skipRest = false;
  private headerWidth = 0;
  private lastDateText = "";
  private lastDate: DateParse = { ok: false, error: "format" };
  private readonly errors: Problem[] = [];
  private readonly warnings: Problem[] = [];
  private errorCount = 0;
  private warningCount = 0;
  /** Unknown ids: first line and number of rows, reported once per id. */
  private readonly unknownIds = new Map<string, { line: number; rows: number }>();

  /**
   * @param rows where the file's rows go; they count once `commit` is called at the file's end
   */
  constructor(
    readonly file: string,
    private readonly fileIndex: number,
    private readonly known: KnownTargets,
    private readonly rows: RowStore,
    private readonly commit: (problems: Problem[], targets: readonly number[]) => void,
  ) {
    this.targetState = new Uint8Array(known.list.length);
  }

  /** Per target: 0 not named in this file yet, 1 named, 2 with a row read. */
  private readonly targetState: Uint8Array;
  /** The targets named in this file, in the order their ids first appear. */
  private readonly targetsNamed: number[] = [];

  /** One CSV record: its fields and the line it starts on. */
  record(fields: readonly string[], line: number): void {
    if (this.skipRest || isBlank(fields)) return; // blank lines and Excel's empty rows
    const columns = this.columns;
    if (columns === null) {
      this.readHeader({ fields, line });
      return;
    }
    if (fields.length > this.headerWidth) {
      this.addError(
        { fields, line },
        this.headerWidth,
        `the row has ${fields.length} fields but the header has ${this.headerWidth}; a value with a thousands separator must be quoted ("1,200")`,
      );
      return;
    }
    const id = (fields[columns.target] ?? "").trim();
    if (id === "") {
      this.addError({ fields, line }, columns.target, "the target is empty");
      return;
    }
    // A row of an unknown id is ignored whole (a warning, SPEC 3), whatever its date and value.
    const index = this.targetIndex(id, line);
    if (index === -1) return;
    const target = this.known.list[index] as Target;
    const dateText = fields[columns.date] ?? "";
    // Rows come grouped by date (a month's file, a day's export): remember the last one read.
    if (dateText !== this.lastDateText) {
      this.lastDateText = dateText;
      this.lastDate = parseDate(dateText);
    }
    const date = this.lastDate;
    if (!date.ok) {
      const why =
        date.error === "impossible"
          ? "is not a calendar date"
          : "is not a date (2022-03-31, 2022/3/31, 2022年3月31日, 2022-03 or 2022-Q1)";
      this.addError({ fields, line }, columns.date, `date ${JSON.stringify(dateText)} ${why}`);
      return;
    }
    const valueText = (fields[columns.value] ?? "").trim();
    if (valueText === "") {
      this.addWarning(
        { fields, line },
        columns.value,
        `no value for ${id} on ${formatDay(date.day)}: the row is skipped`,
      );
      return;
    }
    const value = parseValue(valueText, target);
    if (typeof value === "string") {
      this.addError({ fields, line }, columns.value, value);
      return;
    }
    this.rows.push(index, this.fileIndex, date.day, +value, line);
    this.targetState[index] = 2;
  }

  /**
   * A record of a quote-free line, `text` from `start` to `end`: the per-row path of large files.
   * A row in the common form (an id and a date without spaces, a plain decimal of at most 15
   * digits, no more fields than the header) is read here without splitting it into strings; any
   * other goes to `record`, whose reading this one equals (a property test compares the two).
   */
  plainRecord(text: string, start: number, end: number, line: number): void {
    const columns = this.columns;
    if (columns === null || !this.plainRow(text, start, end, line, columns))
      this.record(text.slice(start, end).split(","), line);
  }

  /** The fast reading of a row; false when the row is not in the common form (nothing is done). */
  private plainRow(
    text: string,
    start: number,
    end: number,
    line: number,
    columns: Record<Column, number>,
  ): boolean {
    const bounds = this.fieldBounds;
    let fields = 0;
    for (let fieldStart = start; ; fields++) {
      if (fields === this.headerWidth) return false;
      let comma = text.indexOf(",", fieldStart);
      if (comma === -1 || comma > end) comma = end;
      bounds[2 * fields] = fieldStart;
      bounds[2 * fields + 1] = comma;
      if (comma === end) break;
      fieldStart = comma + 1;
    }
    fields++;
    if (columns.target >= fields || columns.date >= fields || columns.value >= fields) return false;
    const idStart = bounds[2 * columns.target] as number;
    const idEnd = bounds[2 * columns.target + 1] as number;
    // An id with no space or other character that trim() would take off at either end.
    if (idEnd === idStart || !isPrintableAscii(text, idStart) || !isPrintableAscii(text, idEnd - 1))
      return false;
    const index = this.known.ids.find(text, idStart, idEnd);
    if (index === -1 || (this.known.list[index] as Target).kind === "milestone") return false;
    this.named(index);
    const dateStart = bounds[2 * columns.date] as number;
    const dateEnd = bounds[2 * columns.date + 1] as number;
    if (
      dateEnd - dateStart !== this.lastDateText.length ||
      !text.startsWith(this.lastDateText, dateStart)
    ) {
      this.lastDateText = text.slice(dateStart, dateEnd);
      this.lastDate = parseDate(this.lastDateText);
    }
    const date = this.lastDate;
    if (!date.ok) return false;
    const value = plainDecimal(
      text,
      bounds[2 * columns.value] as number,
      bounds[2 * columns.value + 1] as number,
    );
    if (value === undefined) return false;
    this.rows.push(index, this.fileIndex, date.day, value, line);
    this.targetState[index] = 2;
    return true;
  }

  /** Where each field of the row being read starts and ends. */
  private readonly fieldBounds: number[] = [];

  /** The index of an id's target, or -1 (and the row counted) for an unknown id. */
  private targetIndex(id: string, line: number): number {
    const index = this.known.ids.find(id);
    if (index === -1) {
      const unknown = this.unknownIds.get(id);
      if (unknown === undefined) this.unknownIds.set(id, { line, rows: 1 });
      else unknown.rows++;
    } else this.named(index);
    return index;
  }

  private named(index: number): void {
    if (this.targetState[index] !== 0) return;
    this.targetState[index] = 1;
    this.targetsNamed.push(index);
  }

  /** A record the CSV parser could not read: an error at its line. */
  syntaxError(line: number, message: string): void {
    this.addError({ fields: [], line }, null, message);
  }

  /** The file is read: its rows and problems count from now on. */
  end(lastLine: number): void {
    if (this.columns === null && !this.skipRest) {
      this.errors.push(
        error(
          this.file,
          Math.max(1, lastLine),
          1,
          "the file has no header row (target,date,value)",
        ),
      );
    }
    for (const [id, { line, rows }] of this.unknownIds) {
      const more = rows > 1 ? ` (${rows} rows)` : "";
      // Only for warnings that are listed: a file of unknown ids costs no edit distances.
      const suggestion =
        this.warnings.length < MAX_PROBLEMS_PER_FILE ? didYouMean(id, this.known.ids.keys()) : "";
      this.addWarning(
        { fields: [], line },
        null,
        `no target has the id "${id}"${more}: its rows are ignored${suggestion}`,
      );
    }
    const problems = [...this.errors, ...this.warnings];
    if (this.errorCount > this.errors.length) {
      problems.push(
        error(
          this.file,
          lastLine,
          1,
          `${this.errorCount - this.errors.length} more errors in this file`,
        ),
      );
    }
    if (this.warningCount > this.warnings.length) {
      problems.push(
        warning(
          this.file,
          lastLine,
          1,
          `${this.warningCount - this.warnings.length} more warnings in this file`,
        ),
      );
    }
    this.commit(
      problems,
      this.targetsNamed.filter((index) => this.targetState[index] === 2),
    );
  }

  private readHeader(record: CsvRecord): void {
    const columns: Partial<Record<Column, number>> = {};
    let ambiguous = false;
    record.fields.forEach((field, index) => {
      const name = field
        .replace(/^\uFEFF/, "")
        .trim()
        .toLowerCase();
      const column = (Object.keys(COLUMN_ALIASES) as Column[]).find((key) =>
        (COLUMN_ALIASES[key] as readonly string[]).includes(name),
      );
      if (column === undefined) return;
      // Two notes are harmless (notes are not read); two of a column that is read are ambiguous.
      if (columns[column] !== undefined && REQUIRED_COLUMNS.includes(column)) {
        this.addError(
          record,
          index,
          `two columns mean ${column}: "${record.fields[columns[column]]}" and "${field}"`,
        );
        ambiguous = true;
      }
      columns[column] = index;
    });
    const missing = REQUIRED_COLUMNS.filter((column) => columns[column] === undefined);
    for (const column of missing) {
      const names = COLUMN_ALIASES[column].join(", ");
      this.addError(record, null, `the header has no ${column} column (one of: ${names})`);
    }
    this.headerWidth = record.fields.length;
    // Without a clear header no row can be read right: the header is the one thing to fix.
    if (missing.length > 0 || ambiguous) this.skipRest = true;
    else this.columns = columns as Record<Column, number>;
  }

  private addError(record: CsvRecord, fieldIndex: number | null, message: string): void {
    this.errorCount++;
    if (this.errors.length < MAX_PROBLEMS_PER_FILE) {
      this.errors.push(error(this.file, record.line, columnOf(record, fieldIndex), message));
    }
  }

  private addWarning(record: CsvRecord, fieldIndex: number | null, message: string): void {
    this.warningCount++;
    if (this.warnings.length < MAX_PROBLEMS_PER_FILE) {
      this.warnings.push(warning(this.file, record.line, columnOf(record, fieldIndex), message));
    }
  }
}

/** A row with no field but spaces: a blank line, or what Excel leaves below a table. */
function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.length > 0 && field.trim() !== "") return false;
  return true;
}

/**
 * The 1-based column where field `index` starts, counted from the fields' lengths: exact for
 * unquoted fields, which is what nearly every row has.
 */
function columnOf(record: CsvRecord, index: number | null): number {
  if (index === null) return 1;
  let column = 1;
  for (let i = 0; i < index && i < record.fields.length; i++)
    column += (record.fields[i] as string).length + 1;
  return column;
}

/**
 * A data value for a target: done / not done for milestones, else a number (`1,200`, `-3.5`, and
 * `35%` for `%` targets). Returns the error message when it is neither.
 */
export function parseValue(text: string, target: Target): number | boolean | string {
  if (target.kind === "milestone") {
    const word = text.toLowerCase();
    if (DONE_WORDS.has(word)) return true;
    if (NOT_DONE_WORDS.has(word)) return false;
    return `value ${JSON.stringify(text)} is not done / not done (1 true yes done y 是 完成 已完成, or 0 false no n 否 未完成)`;
  }
  let number = text;
  if (text.endsWith("%")) {
    if (target.unit !== "%")
      return `value ${JSON.stringify(text)} has a % sign but the unit of ${target.id} is not %`;
    number = text.slice(0, -1).trimEnd();
  }
  const value = parseNumber(number);
  // A decimal too long for a double (400 digits) is a number too, only too large.
  if (value === undefined && !NUMBER.test(number))
    return `value ${JSON.stringify(text)} is not a number`;
  if (value === undefined || Math.abs(value) > MAX_MAGNITUDE)
    return `value ${JSON.stringify(text)} is too large: numbers must lie within ±1e15`;
  return value;
}

/** A character other than a space or a control, and not one of the spaces trim() takes off. */
function isPrintableAscii(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code > 32 && code < 127;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, exponent) => 10 ** exponent);

/**
 * `text` from `start` to `end` as a number when it is a plain decimal (an optional "-", digits, and
 * optionally "." and digits) of at most 15 digits, else undefined. Read from the characters: the
 * digits make an integer below 2^53 and 10^k is exact for k ≤ 15, so the one division is correctly
 * rounded, and the result is the double that Number(text) gives.
 */
export function plainDecimal(text: string, start: number, end: number): number | undefined {
  let at = start;
  const negative = text.charCodeAt(at) === 45;
  if (negative) at++;
  let digits = 0;
  let integer = 0;
  let scale = -1;
  for (; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) {
      integer = integer * 10 + (code - 48);
      digits++;
    } else if (code === 46 && scale === -1 && digits > 0) scale = 0;
    else return undefined;
    if (scale !== -1 && code !== 46) scale++;
  }
  if (digits === 0 || digits > 15 || scale === 0) return undefined;
  const magnitude = scale > 0 ? integer / (POWERS_OF_TEN[scale] as number) : integer;
  // -0 is the same amount as 0.
  return (negative ? -magnitude : magnitude) + 0;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** A decimal number with optional sign and thousands separators; no exponents, no hex, no Infinity. */
export function parseNumber(text: string): number | undefined {
  // What nearly every value is, read without a regular expression.
  const plain = plainDecimal(text, 0, text.length);
  if (plain !== undefined) return plain;
  if (!NUMBER.test(text)) return undefined;
  const value = Number(text.includes(",") ? text.replaceAll(",", "") : text);
  // Too many digits overflow to Infinity; -0 is the same amount as 0.
  return Number.isFinite(value) ? value + 0 : undefined;
}
