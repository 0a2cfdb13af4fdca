/**
 * Records → rows (SPEC section 3): a stage of the data pipeline, a function of one data file's
 * records. Each record is read as a row of a known target (its target, day and value, checked
 * against the target) or as a problem at its place; nothing is kept of a row but its target, day,
 * value and line. The rows of all files become observations in observations.ts.
 */
import {
  civilFromDay,
  type DateParse,
  type Day,
  dayFromCivil,
  formatDay,
  type MonthRange,
  parseDate,
} from "../core/dates.js";
import { MAX_MAGNITUDE, type Target } from "../core/model.js";
import {
  type CodeAndParams,
  error,
  MAX_PROBLEMS_PER_FILE,
  type Place,
  type Problem,
  type ProblemCode,
  type ProblemParams,
  type Severity,
  warning,
} from "../core/problems.js";
import { NOT_REPORTED } from "../core/series.js";
import { closestMatch } from "../core/suggest.js";
import type { CsvItem, CsvProblem } from "./csv.js";
import {
  findHeader,
  HEADER_SEARCH_ROWS,
  type HeaderColumns,
  headerProblems,
  isBlankRow,
  namesColumns,
  REQUIRED_COLUMNS,
} from "./header.js";
import { dateOfNumber, type SheetRecord } from "./sheet-records.js";

/** A field of digits only, with an optional decimal part or %: the rest of a split number. */
const DIGITS_ONLY = /^\d+(?:\.\d+)?%?$/;

const DONE_WORDS = ["1", "true", "yes", "done", "y", "是", "完成", "已完成"];
const NOT_DONE_WORDS = ["0", "false", "no", "n", "否", "未完成"];

/**
 * The targets a file's rows are read against, with an index of their ids and of their titles: a
 * row may name its target by its exact title when no other target has that title (SPEC 3, v2).
 */
export class TargetIndex {
  readonly ids: IdTable;
  /**
   * 1 for a milestone target (its values are words), else 0: what the fast reading of a row
   * asks of its target, without a look at the target itself (5,000 targets are 5,000 places in
   * memory, and a row of each in turn found every one of them out of the cache).
   */
  readonly milestones: Uint8Array;
  /** Each title's target, or -2 for a title that several targets share. */
  private readonly titles = new Map<string, number>();

  constructor(readonly list: readonly Target[]) {
    this.ids = new IdTable(list.map((target) => target.id));
    this.milestones = Uint8Array.from(list, (target) => (target.kind === "milestone" ? 1 : 0));
    const addTitle = (title: string, index: number) => {
      const other = this.titles.get(title);
      this.titles.set(title, other === undefined || other === index ? index : SHARED_TITLE);
    };
    list.forEach((target, index) => {
      addTitle(target.title, index);
      // Ids are composed (NFC) as they are read; a title is found composed too, as a cell is.
      const composed = target.title.normalize("NFC");
      if (composed !== target.title) addTitle(composed, index);
    });
  }

  /**
   * The target a row's target cell names: by id first, else by its exact title (NFC-normalised
   * when the cell is not found as written); -1 for none, SHARED_TITLE for a title of several.
   */
  find(cell: string): number {
    const index = this.ids.find(cell);
    if (index !== -1) return index;
    const title = this.titles.get(cell);
    if (title !== undefined) return title;
    const composed = cell.normalize("NFC");
    if (composed === cell) return -1;
    const byId = this.ids.find(composed);
    return byId !== -1 ? byId : (this.titles.get(composed) ?? -1);
  }

  /** The ids of the targets that have this title. */
  idsWithTitle(title: string): string[] {
    const composed = title.normalize("NFC");
    return this.list
      .filter((target) => target.title === title || target.title.normalize("NFC") === composed)
      .map((target) => target.id);
  }

  /** What an unknown id may be a misspelling of: every id and every title that names one target. */
  names(): string[] {
    const unique = [...this.titles].filter(([, index]) => index !== SHARED_TITLE);
    return [...this.ids.keys(), ...unique.map(([title]) => title)];
  }
}

/** TargetIndex.find's answer for a title that several targets share. */
export const SHARED_TITLE = -2;

/**
 * Rows are handed on in batches of this many (the last of a file fewer), each a new one that the
 * consumer keeps: the row store (observations.ts) takes a batch as one of its chunks, unmoved.
 */
export const BATCH_BITS = 12;
export const BATCH_ROWS = 1 << BATCH_BITS;

/**
 * A file's first batch's columns: a small file's rows fit, and they grow to BATCH_ROWS as a large
 * one needs. (New memory is slow to touch: 80 KiB for each of the example's six files was a
 * millisecond of every run.)
 */
const FIRST_BATCH_ROWS = 1 << 8;

/** A row's flag: its note marks it as a correction (SPEC 3, v2). */
export const ROW_CORRECTION = 1;
/** A row's flag: its value was written with a decimal point (`1.0`, which is 1). */
export const ROW_DECIMAL_POINT = 2;

/**
 * Rows read from a file, column by column: each row's target (its index in the target list), day,
 * value (done / not done as 1 / 0), line and flags (ROW_CORRECTION…). The columns most rows leave
 * as they are exist only once a row of the batch needs them: each row's base (NaN for none),
 * reported date (NOT_REPORTED for none) and note (an index into the file's `noteTexts`, -1 for
 * none). Five million rows have 80 MB of columns less for it.
 */
export class RowBatch {
  length = 0;
  targets: Int32Array;
  days: Int32Array;
  values: Float64Array;
  lines: Int32Array;
  flags: Uint8Array;
  /** Each row's `base` (last year's figure, SPEC 2.4), NaN for none; null while all are none. */
  bases: Float64Array | null = null;
  /** Each row's reported date (SPEC 4, v2); null while none has one. */
  reported: Int32Array | null = null;
  /** Each row's note in `noteTexts`, -1 for none; null while none has one. */
  notes: Int32Array | null = null;
  /**
   * The first day of each row of a month range that is a period's own amount (`2022年5-7月` of an
   * `aggregate: sum` target, SPEC 3), by the row's place in the batch; null while there is none.
   */
  spans: Map<number, Day> | null = null;

  /**
   * @param noteTexts the file's notes, each different one once (a file's notes are few and
   *   repeat: 预计, 已完成): the same list in every batch of one file, growing as its rows are read
   */
  constructor(
    private readonly noteIndexes: Map<string, number>,
    readonly noteTexts: string[],
    capacity: number,
  ) {
    this.targets = new Int32Array(capacity);
    this.days = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    this.lines = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  /** Row `at` is a month range's amount, whose months start on `from`. */
  markSpan(at: number, from: Day): void {
    this.spans ??= new Map();
    this.spans.set(at, from);
  }

  /** The index in `noteTexts` of a row's note (trimmed, not empty). */
  note(text: string): number {
    const known = this.noteIndexes.get(text);
    if (known !== undefined) return known;
    const index = this.noteTexts.push(text) - 1;
    this.noteIndexes.set(text, index);
    return index;
  }

  push(
    target: number,
    day: number,
    value: number,
    line: number,
    base = Number.NaN,
    flags = 0,
    reported: number = NOT_REPORTED,
    note = -1,
  ): void {
    // Only a file's first batch grows: BATCH_ROWS is the most a batch holds.
    if (this.length === this.targets.length) this.grow(2 * this.length);
    const at = this.length++;
    this.targets[at] = target;
    this.days[at] = day;
    this.values[at] = value;
    this.lines[at] = line;
    this.flags[at] = flags;
    if (this.optional || !Number.isNaN(base) || reported !== NOT_REPORTED || note !== -1)
      this.pushOptional(at, base, reported, note);
  }

  /** Whether one of the optional columns is made: every row then writes them. */
  private optional = false;

  /** The optional columns of row `at`, made (their earlier rows given none) when first needed. */
  private pushOptional(at: number, base: number, reported: number, note: number): void {
    this.optional = true;
    const size = this.targets.length;
    if (!Number.isNaN(base) || this.bases !== null) {
      this.bases ??= new Float64Array(size).fill(Number.NaN);
      this.bases[at] = base;
    }
    if (reported !== NOT_REPORTED || this.reported !== null) {
      this.reported ??= new Int32Array(size).fill(NOT_REPORTED);
      this.reported[at] = reported;
    }
    if (note !== -1 || this.notes !== null) {
      this.notes ??= new Int32Array(size).fill(-1);
      this.notes[at] = note;
    }
  }

  private grow(size: number): void {
    this.targets = grown(this.targets, new Int32Array(size));
    this.days = grown(this.days, new Int32Array(size));
    this.values = grown(this.values, new Float64Array(size));
    this.lines = grown(this.lines, new Int32Array(size));
    this.flags = grown(this.flags, new Uint8Array(size));
    if (this.bases !== null) this.bases = grown(this.bases, new Float64Array(size));
    if (this.reported !== null) this.reported = grown(this.reported, new Int32Array(size));
    if (this.notes !== null) this.notes = grown(this.notes, new Int32Array(size));
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(column: T, larger: T): T {
  larger.set(column);
  return larger;
}

/** What a file gave besides its rows, once it is read. */
export interface FileRows {
  file: string;
  /** The sheet, for a workbook's: the rows' places are its cells. */
  sheet?: string;
  /** Its problems: errors, then warnings, each up to the cap, then the count of the rest. */
  problems: Problem[];
  /** The targets it has rows of, in the order their ids first appear in it. */
  targets: readonly number[];
  /**
   * Whether it is a data file: a header was found (one that names a column twice included). An
   * optional file without one has only the notice that it was not read.
   */
  header: boolean;
}

/** How `readRows` reads a file. */
export interface ReadRowsOptions {
  /**
   * The encoding the file's text was decoded from ("UTF-8", "GB18030"…): what the problem of a
   * header not found looks at. Undefined: text never read from bytes.
   * @default undefined
   */
  encoding?: string;
  /**
   * A row of an unknown id is a warning, its rows ignored, not an error (`--allow-unknown`, the
   * project file's `allow_unknown`, SPEC 3 v2).
   * @default false
   */
  allowUnknown?: boolean;
  /**
   * A file that is data only when its header is found (a `.txt` or `.tsv` in a folder, SPEC 3
   * v2): without one, it is not read, with a notice instead of errors, and no more of it than the
   * rows searched is read.
   * @default false
   */
  optional?: boolean;
  /**
   * The records are a workbook sheet's rows (sheet-records.ts), of this name: places are its
   * cells (`file:SHEET!C5`), and a row is its cells, never too wide nor split (SPEC 3, v2).
   * @default undefined
   */
  sheet?: string;
  /** Told the header's width when it is found (a sheet's cells past it are not read). */
  onHeader?: (width: number) => void;
}

/**
 * The rows of one data file, from its records: handed on in batches as they are read; returns the
 * file's problems and the targets it has rows of, once every record is read.
 */
export function* readRows(
  file: string,
  records: Iterator<CsvItem | SheetRecord, number>,
  targets: TargetIndex,
  options: ReadRowsOptions = {},
): Generator<RowBatch, FileRows> {
  const reader = new FileReader(file, targets, options);
  for (let next = records.next(); ; next = records.next()) {
    if (next.done === true) {
      if (reader.rows.length > 0) yield reader.rows;
      return reader.end(next.value);
    }
    const item = next.value;
    if (item.kind === "lines") {
      for (let index = 0; index < item.count; ) {
        index = reader.plainRecords(item, index);
        if (reader.rows.length === BATCH_ROWS) yield reader.fullBatch();
      }
    } else {
      if (item.kind === "record") reader.record(item.fields, item.line);
      else if (item.kind === "cells") reader.cells(item);
      else reader.syntaxError(item.line, item.problem);
      if (reader.rows.length === BATCH_ROWS) yield reader.fullBatch();
    }
    if (reader.stopped) {
      // An optional file that is no data file: the rest of it is not read.
      records.return?.(0);
      return reader.end(1);
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
      if (this.isAt(entry - 1, text, start, end)) return entry - 1;
    }
  }

  /** Whether the id of index `index` is `text` from `start` to `end`. */
  isAt(index: number, text: string, start: number, end: number): boolean {
    return sameText(this.ids[index] as string, text, start, end);
  }

  /**
   * Where the id of index `index` ends in `text` when it starts there at `start` and ends before
   * `end`, else -1.
   */
  endAt(index: number, text: string, start: number, end: number): number {
    const id = this.ids[index] as string;
    const idEnd = start + id.length;
    return idEnd < end && sameText(id, text, start, idEnd) ? idEnd : -1;
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

/** One record of a data file: its fields and the line it starts on. */
interface RecordFields {
  fields: readonly string[];
  line: number;
}

/** Reads the records of one data file into rows and problems. */
class FileReader {
  private columns: HeaderColumns | null = null;
  /** The header is unusable, or none was found: the rest of the file is not read. */
  private skipRest = false;
  /** The rows with text before a header is found, the first HEADER_SEARCH_ROWS of them. */
  private readonly headerRows: RecordFields[] = [];
  /** The first row past those that names the columns: a header too far down. */
  private lateHeader: RecordFields | null = null;
  /** An optional file without a header in its first rows: nothing more is read. */
  stopped = false;
  private headerWidth = 0;
  /**
   * The field after the value when it is the note or a column kpi does not read, else -1: where
   * the rest of an unquoted `1,200` or `30,5%` lands without making the row too wide (SPEC 3).
   */
  private afterValue = -1;
  private lastDateText = "";
  private lastDate: DateParse = { ok: false, error: "format" };
  private readonly errors: Problem[] = [];
  private readonly warnings: Problem[] = [];
  private errorCount = 0;
  private warningCount = 0;
  /**
   * Unknown ids: first line and number of rows, reported once per id, for the first ids of the
   * file up to the cap; the rows of any other are counted in `otherUnknown`. A file of millions
   * of distinct ids would otherwise fill memory (and a Map past its maximum size).
   */
  private readonly unknownIds = new Map<string, { line: number; column: number; rows: number }>();
  private readonly otherUnknown = { line: 0, rows: 0 };
  /** The file's notes, each different one once, and their indexes (RowBatch.noteTexts). */
  private readonly noteIndexes = new Map<string, number>();
  private readonly noteTexts: string[] = [];
  /**
   * The rows read and not yet handed on. Assigned in the constructor, not where it is declared:
   * V8's optimised code of the row loop took a field still holding its first value to be
   * constant, and was thrown away when the first full batch was handed on.
   */
  rows: RowBatch;
  /** The sheet, for a workbook's rows. */
  readonly sheet: string | undefined;

  constructor(
    readonly file: string,
    private readonly known: TargetIndex,
    private readonly options: ReadRowsOptions,
  ) {
    this.sheet = options.sheet;
    this.rows = new RowBatch(this.noteIndexes, this.noteTexts, FIRST_BATCH_ROWS);
    this.targetState = new Uint8Array(known.list.length);
    // Before any row the guess is the target files' order, the first target again after the
    // last one, as an export often lists them: a wrong guess is found out like any other.
    const count = known.list.length;
    this.nextTarget = new Int32Array(count + 1).fill(-1);
    for (let index = 0; index + 1 < count; index++) this.nextTarget[index] = index + 1;
    if (count > 0) this.nextTarget[count - 1] = this.nextTarget[count] = 0;
    this.lastTarget = count;
  }

  /** The batch of rows, full, to hand on; the next rows go to a new one. */
  fullBatch(): RowBatch {
    const full = this.rows;
    this.rows = new RowBatch(this.noteIndexes, this.noteTexts, BATCH_ROWS);
    return full;
  }

  /** Per target: 0 not named in this file yet, 1 named, 2 with a row read. */
  private readonly targetState: Uint8Array;
  /** The targets named in this file, in the order their ids first appear. */
  private readonly targetsNamed: number[] = [];

  /** One CSV record: its fields and the line it starts on. */
  record(fields: readonly string[], line: number): void {
    if (this.skipRest || isBlankRow(fields)) return; // blank lines and Excel's empty rows
    const columns = this.columns;
    if (columns === null) {
      this.searchHeader({ fields, line });
      return;
    }
    if (fields.length > this.headerWidth && this.sheet === undefined) {
      // `1,200` unquoted where the value is the header's last column (or an empty one follows).
      const valueText = (fields[columns.value] ?? "").trim();
      const next = (fields[columns.value + 1] ?? "").trim();
      if (parseNumber(valueText) !== undefined && DIGITS_ONLY.test(next))
        this.addError({ fields, line }, columns.value + 1, "data.value-split", {
          value: valueText,
          next,
        });
      else
        this.addError({ fields, line }, this.headerWidth, "data.row-too-wide", {
          fields: fields.length,
          header: this.headerWidth,
        });
      return;
    }
    const id = (fields[columns.target] ?? "").trim();
    if (id === "") {
      this.addError({ fields, line }, columns.target, "data.target-empty", {});
      return;
    }
    // A row of an unknown id is ignored whole (an error, or with allow_unknown a warning, SPEC
    // 3), whatever its date and value.
    if (this.isTotalRow(id)) return;
    const index = id.includes(FULL_WIDTH_COMMA)
      ? this.fullWidthTarget(id, { fields, line }, columns.target)
      : this.targetIndex(id, { fields, line }, columns.target);
    if (index === -1) return;
    if (index === SHARED_TITLE) {
      this.addError({ fields, line }, columns.target, "data.title-shared", {
        title: id,
        ids: this.known.idsWithTitle(id),
      });
      return;
    }
    const target = this.known.list[index] as Target;
    const dateText = fields[columns.date] ?? "";
    // Rows come grouped by date (a month's file, a day's export): remember the last one read.
    if (dateText !== this.lastDateText) {
      this.lastDateText = dateText;
      this.lastDate = parseDate(dateText);
    }
    const date = this.lastDate;
    if (!date.ok && dateText.includes(FULL_WIDTH_COMMA)) {
      this.addFullWidthComma({ fields, line }, columns.date);
      return;
    }
    if (!date.ok) {
      const [code, params] = dateProblem(dateText, date);
      this.addError({ fields, line }, columns.date, code, params);
      return;
    }
    if (date.months !== undefined && !takesMonthRange(target, date.months)) {
      this.addError({ fields, line }, columns.date, "data.date-range-aggregate", {
        value: dateText.trim(),
        id: target.id,
        first: date.months.first,
        last: date.months.last,
        date: formatDay(date.day),
        kind: target.kind,
        aggregate: target.kind === "progress" ? target.aggregate : null,
      });
      return;
    }
    const valueText = (fields[columns.value] ?? "").trim();
    if (valueText === "") {
      this.addWarning({ fields, line }, columns.value, "data.value-missing", {
        id,
        date: formatDay(date.day),
      });
      return;
    }
    const value = parseValue(valueText, target);
    if (
      typeof value === "object" &&
      valueText.includes(FULL_WIDTH_COMMA) &&
      !FULL_WIDTH_GROUPED.test(valueText)
    ) {
      this.addFullWidthComma({ fields, line }, columns.value);
      return;
    }
    if (typeof value === "object") {
      const [code, params] = value;
      this.addError({ fields, line }, columns.value, code, params);
      return;
    }
    const next = this.afterValue === -1 ? "" : (fields[this.afterValue] ?? "").trim();
    if (typeof value === "number" && DIGITS_ONLY.test(next)) {
      this.addError({ fields, line }, this.afterValue, "data.value-split", {
        value: valueText,
        next,
      });
      return;
    }
    const base = this.baseOf({ fields, line }, target, date.day);
    if (base === undefined) return;
    const reported = this.reportedDay({ fields, line }, target, date.day);
    if (reported === null) return;
    const noteText = this.columns?.note === undefined ? "" : (fields[this.columns.note] ?? "");
    let flags = isCorrectionNote(noteText) ? ROW_CORRECTION : 0;
    if (value === 1 && normalized(valueText).includes(".")) flags |= ROW_DECIMAL_POINT;
    const note = noteText.trim();
    const noteIndex = note === "" ? -1 : this.rows.note(note);
    this.rows.push(index, date.day, +value, line, base, flags, reported, noteIndex);
    // A later month range, a quarter or a half year is, for a target that adds up its rows, the
    // amount of every month it names: the months whose other rows it would add again.
    const span = date.months ?? date.covers;
    if (span !== undefined && target.kind === "progress" && target.aggregate === "sum") {
      const { year } = civilFromDay(date.day);
      this.rows.markSpan(this.rows.length - 1, dayFromCivil(year, span.first, 1));
    }
    this.targetState[index] = 2;
  }

  /**
   * A growth target's `base` cell (SPEC 2.4): NaN when there is none (or the target takes no base),
   * undefined after an error. A base of 0 or less is a warning: the result is grey `no-base`.
   */
  private baseOf(record: RecordFields, target: Target, day: number): number | undefined {
    const column = this.columns?.base;
    if (column === undefined || target.kind !== "growth" || target.input !== "value")
      return Number.NaN;
    const text = normalized((record.fields[column] ?? "").trim());
    if (text === "") return Number.NaN;
    const base = parseNumber(text);
    if (base === undefined || Math.abs(base) > MAX_MAGNITUDE) {
      this.addError(record, column, "data.base-not-number", { value: text });
      return undefined;
    }
    if (base <= 0)
      this.addWarning(record, column, "data.base-not-positive", {
        id: target.id,
        date: formatDay(day),
        base,
      });
    return base;
  }

  /**
   * The day a row was reported, from the `reported` column (SPEC 4, v2): NOT_REPORTED when the
   * file has no such column or the cell is empty; null, and an error at the cell, when it is no
   * date or a day before the row's own.
   */
  private reportedDay(record: RecordFields, target: Target, day: number): number | null {
    const field = this.columns?.reported;
    if (field === undefined) return NOT_REPORTED;
    const text = (record.fields[field] ?? "").trim();
    if (text === "") return NOT_REPORTED;
    const reported = parseDate(text);
    if (!reported.ok) {
      const [code, params] = dateProblem(text, reported);
      this.addError(record, field, code, params);
      return null;
    }
    if (reported.day < day) {
      this.addError(record, field, "data.reported-before-date", {
        id: target.id,
        date: formatDay(day),
        reported: formatDay(reported.day),
      });
      return null;
    }
    return reported.day;
  }

  /**
   * The quote-free lines of `item` from the one at `from`, until the batch of rows is full: where
   * the next line to read is.
   */
  plainRecords(item: CsvItem & { kind: "lines" }, from: number): number {
    const { text, firstLine, count } = item;
    let index = from;
    for (; index < count && this.rows.length < BATCH_ROWS; index++)
      this.plainRecord(text, item.start(index), item.end(index), firstLine + index);
    return index;
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
    columns: HeaderColumns,
  ): boolean {
    // The fields' bounds, found character by character: a row's fields are a few characters
    // each, where a call of indexOf for each costs more than the loop.
    const width = this.headerWidth;
    if (this.fieldBounds.length < 2 * width) this.fieldBounds = new Int32Array(2 * width);
    const bounds = this.fieldBounds;
    bounds[0] = start;
    // The expected target and date, when they lead the row, are compared where they stand and
    // the search for commas starts after them: each of their characters is looked at once.
    const expected =
      columns.target === 0 && columns.date === 1 ? this.expectedStart(text, start, end) : 0;
    let fields = expected;
    for (let at = bounds[2 * fields] as number; at < end; at++) {
      if (text.charCodeAt(at) !== 44) continue;
      bounds[2 * fields + 1] = at;
      if (++fields === width) return false;
      bounds[2 * fields] = at + 1;
    }
    bounds[2 * fields + 1] = end;
    fields++;
    if (columns.target >= fields || columns.date >= fields || columns.value >= fields) return false;
    // A reported date (SPEC 4, v2) is read by the general path.
    const reportedField = columns.reported;
    if (
      reportedField !== undefined &&
      reportedField < fields &&
      (bounds[2 * reportedField + 1] as number) > (bounds[2 * reportedField] as number)
    )
      return false;
    const idStart = bounds[2 * columns.target] as number;
    const idEnd = bounds[2 * columns.target + 1] as number;
    // An id with no space or other character that trim() would take off at either end.
    if (idEnd === idStart || !isPrintableAscii(text, idStart) || !isPrintableAscii(text, idEnd - 1))
      return false;
    const index = expected === 0 ? this.rowTarget(text, idStart, idEnd) : this.expectedTarget();
    if (index === -1 || this.known.milestones[index] === 1) return false;
    this.named(index);
    const dateStart = bounds[2 * columns.date] as number;
    const dateEnd = bounds[2 * columns.date + 1] as number;
    if (expected < 2 && !sameText(this.lastDateText, text, dateStart, dateEnd)) {
      this.lastDateText = text.slice(dateStart, dateEnd);
      this.lastDate = parseDate(this.lastDateText);
    }
    const date = this.lastDate;
    if (!date.ok || date.months !== undefined || date.covers !== undefined) return false;
    const valueStart = bounds[2 * columns.value] as number;
    const valueEnd = bounds[2 * columns.value + 1] as number;
    const value = plainDecimal(text, valueStart, valueEnd);
    if (value === undefined) return false;
    // A digit after the value may be the rest of an unquoted number: the general path decides.
    // (An empty field is not read: at the end of a text, a character past it would make the
    // optimised code of this function fall back, the first time a row ends a chunk.)
    const after = this.afterValue;
    if (
      after !== -1 &&
      after < fields &&
      (bounds[2 * after + 1] as number) > (bounds[2 * after] as number)
    ) {
      const code = text.charCodeAt(bounds[2 * after] as number);
      if (code >= 48 && code <= 57) return false;
    }
    const base = this.plainBase(text, fields, index, columns);
    if (base === undefined) return false;
    let flags = 0;
    let noteIndex = -1;
    const note = columns.note;
    if (note !== undefined && note < fields) {
      const noteStart = bounds[2 * note] as number;
      const noteEnd = bounds[2 * note + 1] as number;
      // Most notes are empty, and the others mostly the last one read again: a string is made
      // only of a note that is not.
      if (noteEnd > noteStart) {
        const last = this.lastNoteText;
        if (noteEnd - noteStart === last.length && text.startsWith(last, noteStart)) {
          flags = this.lastNoteFlags;
          noteIndex = this.lastNoteIndex;
        } else {
          const noteText = text.slice(noteStart, noteEnd);
          if (MAY_MARK.test(noteText.charAt(0)))
            flags = isCorrectionNote(noteText) ? ROW_CORRECTION : 0;
          const trimmed = noteText.trim();
          if (trimmed !== "") noteIndex = this.rows.note(trimmed);
          this.lastNoteText = noteText;
          this.lastNoteFlags = flags;
          this.lastNoteIndex = noteIndex;
        }
      }
    }
    if (value === 1 && text.slice(valueStart, valueEnd).includes(".")) flags |= ROW_DECIMAL_POINT;
    this.rows.push(index, date.day, value, line, base, flags, NOT_REPORTED, noteIndex);
    this.targetState[index] = 2;
    return true;
  }

  /**
   * The fast reading of a row's `base` (SPEC 2.4), as `baseOf` reads it: NaN for none or for a
   * target that takes none; undefined (the general path decides) for anything but an empty cell
   * or a plain decimal above 0, so that an error or a warning is said there.
   */
  private plainBase(
    text: string,
    fields: number,
    index: number,
    columns: HeaderColumns,
  ): number | undefined {
    const field = columns.base;
    if (field === undefined || field >= fields) return Number.NaN;
    const target = this.known.list[index];
    if (target?.kind !== "growth" || target.input !== "value") return Number.NaN;
    const bounds = this.fieldBounds;
    const start = bounds[2 * field] as number;
    const end = bounds[2 * field + 1] as number;
    if (end === start) return Number.NaN;
    const base = plainDecimal(text, start, end);
    return base === undefined || base <= 0 ? undefined : base;
  }

  /** Where each field of the row being read starts and ends. */
  private fieldBounds = new Int32Array(0);
  /** The last note `plainRow` read as written, its flags and its index in the file's notes. */
  private lastNoteText = "";
  private lastNoteFlags = 0;
  private lastNoteIndex = -1;

  /**
   * Per target, the target of the row that came after one of its rows the last time, at first
   * the next in the target files; the last slot for the start of the file. An export lists its
   * targets in the same order at every date, or one target's rows one after another: the id is
   * then compared with one target's, without hashing it and looking it up.
   */
  private readonly nextTarget: Int32Array;
  /** The target of the last row read by `rowTarget`, or the start of the file's slot. */
  private lastTarget: number;

  /**
   * How many of the row's first fields are what the last rows lead to, their bounds set: 0; 1 when
   * the row starts with the id of the target that came after the last row's target the last time
   * (`rowTarget` would find that one), and a comma; 2 when the last row's date and a comma follow.
   * An id holds no comma (SPEC 2), nor does the date, a field's text: the search for commas would
   * have cut the fields where they are cut here.
   */
  private expectedStart(text: string, start: number, end: number): 0 | 1 | 2 {
    const index = this.nextTarget[this.lastTarget] as number;
    if (index === -1) return 0;
    const idEnd = this.known.ids.endAt(index, text, start, end);
    if (idEnd === -1 || text.charCodeAt(idEnd) !== 44) return 0;
    const bounds = this.fieldBounds;
    bounds[1] = idEnd;
    bounds[2] = idEnd + 1;
    const date = this.lastDateText;
    const dateEnd = idEnd + 1 + date.length;
    if (
      dateEnd >= end ||
      text.charCodeAt(dateEnd) !== 44 ||
      !sameText(date, text, idEnd + 1, dateEnd)
    )
      return 1;
    bounds[3] = dateEnd;
    bounds[4] = dateEnd + 1;
    return 2;
  }

  /** The target `expectedStart` found the row to start with, as `rowTarget` would find it. */
  private expectedTarget(): number {
    const index = this.nextTarget[this.lastTarget] as number;
    this.lastTarget = index;
    return index;
  }

  /** The index of the target whose id is `text` from `start` to `end`, or -1. */
  private rowTarget(text: string, start: number, end: number): number {
    const { ids } = this.known;
    let index = this.nextTarget[this.lastTarget] as number;
    if (index === -1 || !ids.isAt(index, text, start, end)) {
      index = ids.find(text, start, end);
      if (index === -1) return -1;
      this.nextTarget[this.lastTarget] = index;
    }
    this.lastTarget = index;
    return index;
  }

  /**
   * The target of an id that holds a full-width comma, or -1 and an error: a line typed with
   * full-width commas between its fields (`land-supply，2022-02-28，210，`) is one field.
   */
  private fullWidthTarget(id: string, record: RecordFields, field: number): number {
    const index = this.known.find(id);
    if (index >= 0) this.named(index);
    else if (index === -1) this.addFullWidthComma(record, field);
    return index;
  }

  /** The error of a line with full-width commas between its fields, at the first one in `field`. */
  private addFullWidthComma(record: RecordFields, field: number): void {
    const text = record.fields[field] ?? "";
    this.errorCount++;
    if (this.errors.length < MAX_PROBLEMS_PER_FILE) {
      const column =
        this.columnOf(record, field) +
        (this.sheet === undefined ? Math.max(0, text.indexOf(FULL_WIDTH_COMMA)) : 0);
      this.errors.push(error(this.at(record.line, column), "data.full-width-commas", {}));
    }
  }

  /**
   * The index of the target a row names (by id or title), or -1 (and the row counted) for an
   * unknown id, or SHARED_TITLE.
   */
  private targetIndex(id: string, record: RecordFields, field: number): number {
    const index = this.known.find(id);
    if (index === -1) {
      const unknown = this.unknownIds.get(id);
      if (unknown !== undefined) unknown.rows++;
      else if (this.unknownIds.size < MAX_PROBLEMS_PER_FILE)
        this.unknownIds.set(id, {
          line: record.line,
          column: this.columnOf(record, field),
          rows: 1,
        });
      else if (this.otherUnknown.rows++ === 0) this.otherUnknown.line = record.line;
    } else if (index !== SHARED_TITLE) this.named(index);
    return index;
  }

  private named(index: number): void {
    if (this.targetState[index] !== 0) return;
    this.targetState[index] = 1;
    this.targetsNamed.push(index);
  }

  /** A record the CSV parser could not read: an error at its line. */
  syntaxError(line: number, [code, params]: CsvProblem): void {
    this.addError({ fields: [], line }, null, code, params);
  }

  /** The file is read: its problems, and the targets it has rows of. */
  end(lastLine: number): FileRows {
    const header = this.columns !== null || this.headerUnusable;
    if (!header && this.options.optional === true) {
      const place = this.at(1, 1);
      const params = { rows: HEADER_SEARCH_ROWS, columns: [...REQUIRED_COLUMNS] };
      const notice =
        this.sheet === undefined
          ? warning(place, "data.text-not-data", params)
          : warning(place, "data.sheet-not-read", params);
      return { ...this.fileAndSheet(), problems: [notice], targets: [], header };
    }
    if (this.columns === null && !this.headerUnusable) {
      const rows =
        this.lateHeader === null ? this.headerRows : [...this.headerRows, this.lateHeader];
      const fields = rows.map((row) => row.fields);
      const search = findHeader(fields, this.options);
      this.addProblems(
        headerProblems(search, fields, (row, field) =>
          row === null
            ? this.at(Math.max(1, lastLine), 1)
            : this.placeOf(rows[row] as RecordFields, field),
        ),
      );
    }
    const allowUnknown = this.options.allowUnknown === true;
    const unknownList = allowUnknown ? this.warnings : this.errors;
    const names = this.unknownIds.size > 0 ? this.known.names() : [];
    for (const [id, { line, column, rows }] of this.unknownIds) {
      // Only for problems that are listed: a file of unknown ids costs no edit distances.
      const suggestion =
        unknownList.length < MAX_PROBLEMS_PER_FILE ? (closestMatch(id, names) ?? null) : null;
      const params = { id, rows, suggestion, allowed: allowUnknown };
      this.add(allowUnknown ? "warning" : "error", line, column, "data.unknown-id", params);
    }
    const problems = [...this.errors, ...this.warnings];
    if (this.otherUnknown.rows > 0) {
      // Always said, past the cap too: the one line that stands for every other unknown id.
      const place = this.at(this.otherUnknown.line, 1);
      const params = { rows: this.otherUnknown.rows, allowed: allowUnknown };
      problems.push(
        allowUnknown
          ? warning(place, "data.more-unknown-ids", params)
          : error(place, "data.more-unknown-ids", params),
      );
    }
    const end = this.at(Math.max(1, lastLine), 1);
    if (this.errorCount > this.errors.length)
      problems.push(
        error(end, "file.more-errors", { count: this.errorCount - this.errors.length }),
      );
    if (this.warningCount > this.warnings.length) {
      const count = this.warningCount - this.warnings.length;
      problems.push(warning(end, "file.more-warnings", { count }));
    }
    return {
      ...this.fileAndSheet(),
      problems,
      targets: this.targetsNamed.filter((index) => this.targetState[index] === 2),
      header,
    };
  }

  private fileAndSheet(): { file: string; sheet?: string } {
    return this.sheet === undefined ? { file: this.file } : { file: this.file, sheet: this.sheet };
  }

  /**
   * A row with text before the header is found: the header when it names the columns and is one
   * of the first HEADER_SEARCH_ROWS rows with text (the rows above it are title rows); past those,
   * a row that names the columns is remembered for the problem of a header too far down.
   */
  private searchHeader(record: RecordFields): void {
    if (this.headerRows.length === HEADER_SEARCH_ROWS) {
      if (namesColumns(record.fields)) {
        this.lateHeader = record;
        this.skipRest = true;
      }
      return;
    }
    this.headerRows.push(record);
    // Only a row that names the columns can be the header: the others need no search.
    if (!namesColumns(record.fields)) {
      if (this.options.optional === true && this.headerRows.length === HEADER_SEARCH_ROWS) {
        this.skipRest = true;
        this.stopped = true;
      }
      return;
    }
    const rows = this.headerRows;
    const fields = rows.map((row) => row.fields);
    const search = findHeader(fields);
    if (!search.found) return;
    const problems = headerProblems(search, fields, (row, field) =>
      this.placeOf(rows[row ?? 0] as RecordFields, field),
    );
    this.headerWidth = record.fields.length;
    this.options.onHeader?.(this.headerWidth);
    // Without a clear header no row can be read right: the header is the one thing to fix.
    if (problems.length > 0) {
      this.addProblems(problems);
      this.headerUnusable = true;
      this.skipRest = true;
      return;
    }
    this.columns = search.columns;
    const after = search.columns.value + 1;
    // The base column (last year's figure, SPEC 2.4) is read: a number there is no split one.
    const read = [search.columns.target, search.columns.date, search.columns.base];
    this.afterValue =
      after < this.headerWidth && !read.includes(after) && this.sheet === undefined ? after : -1;
  }

  /** A header was found that cannot be read (a column named twice): its problems are said. */
  private headerUnusable = false;

  /** A place in the file: a line and column, or in a sheet a row and column (its cell). */
  private at(line: number, column: number): Place {
    return this.sheet === undefined
      ? { file: this.file, line, column }
      : { file: this.file, sheet: this.sheet, line, column };
  }

  /** The 1-based column of a field: counted from the fields' lengths, or a sheet's column. */
  private columnOf(record: RecordFields, field: number | null): number {
    if (this.sheet !== undefined) return field === null ? 1 : field + 1;
    return columnOf(record, field);
  }

  /**
   * A total row (SPEC 3: 合计 or 总计 in the target column, what a department's table ends
   * with): not a target's row, and made of the rows above it, which are read. Passed over
   * without a word, unless a target has that id or title.
   */
  private isTotalRow(id: string): boolean {
    return TOTAL_LABEL.test(normalized(id)) && this.known.find(id) === -1;
  }

  /**
   * A sheet's row: its fields read as a CSV record's, after the marks of the cells read that no
   * field can say (an error value, a formula never calculated, a plain number as the date).
   */
  cells(item: SheetRecord): void {
    const { fields, marks, line } = item;
    const columns = this.columns;
    if (marks !== null && columns !== null && !this.skipRest) {
      const record = { fields, line };
      const targetMark = marks[columns.target];
      if (targetMark === undefined && this.isTotalRow((fields[columns.target] ?? "").trim()))
        return;
      for (const column of [columns.target, columns.date, columns.value]) {
        const mark = marks[column];
        if (mark === undefined) continue;
        if (mark.kind === "error") {
          this.addError(record, column, "data.cell-error", { value: mark.text });
          return;
        }
        if (mark.kind === "no-value") {
          this.addError(record, column, "data.cell-no-value", {});
          return;
        }
        if (column === columns.date) {
          this.addError(record, column, "data.cell-number-not-date", {
            value: fields[column] ?? "",
            date: dateOfNumber(mark),
          });
          return;
        }
      }
    }
    this.record(fields, line);
  }

  private placeOf(record: RecordFields, field: number | null): Place {
    return this.at(record.line, this.columnOf(record, field));
  }

  /** Problems made elsewhere (the header's), counted and capped as the others are. */
  private addProblems(problems: readonly Problem[]): void {
    for (const problem of problems) {
      if (problem.severity === "error") {
        this.errorCount++;
        if (this.errors.length < MAX_PROBLEMS_PER_FILE) this.errors.push(problem);
      } else {
        this.warningCount++;
        if (this.warnings.length < MAX_PROBLEMS_PER_FILE) this.warnings.push(problem);
      }
    }
  }

  private addError<C extends ProblemCode>(
    record: RecordFields,
    fieldIndex: number | null,
    code: C,
    params: ProblemParams[C],
  ): void {
    this.add("error", record.line, this.columnOf(record, fieldIndex), code, params);
  }

  private addWarning<C extends ProblemCode>(
    record: RecordFields,
    fieldIndex: number | null,
    code: C,
    params: ProblemParams[C],
  ): void {
    this.add("warning", record.line, this.columnOf(record, fieldIndex), code, params);
  }

  /** A problem at a line and column, listed up to the cap of its severity, then counted. */
  private add<C extends ProblemCode>(
    severity: Severity,
    line: number,
    column: number,
    code: C,
    params: ProblemParams[C],
  ): void {
    const place = this.at(line, column);
    if (severity === "error") {
      this.errorCount++;
      if (this.errors.length < MAX_PROBLEMS_PER_FILE) this.errors.push(error(place, code, params));
    } else {
      this.warningCount++;
      if (this.warnings.length < MAX_PROBLEMS_PER_FILE)
        this.warnings.push(warning(place, code, params));
    }
  }
}

const FULL_WIDTH_COMMA = "\uFF0C";

/**
 * The words that open the note of a correction (SPEC 3, v2), lower case: 修正, 更正 (as escapes:
 * the bundle stays ASCII) and correction.
 */
const CORRECTION_MARKS = ["\u4fee\u6b63", "\u66f4\u6b63", "correction"];
/** The first character of a note that may open with a mark: a space, 修, 更 or c. */
const MAY_MARK = /^[\s\u4fee\u66f4cC]$/;

/** Whether a note marks its row as a correction: it begins with 修正, 更正 or correction (any case). */
export function isCorrectionNote(note: string): boolean {
  const text = note.trim().toLowerCase();
  return CORRECTION_MARKS.some((mark) => text.startsWith(mark));
}

/** 合计, 总计, 小计 (spaces between the characters too), total, sum: a total row's label. */
const TOTAL_LABEL = /^(?:\u5408\s*\u8ba1|\u603b\s*\u8ba1|\u5c0f\s*\u8ba1|total|sum|grand total)$/i;

/** `1，200`: a number with full-width commas between groups of three (SPEC 3: NFKC makes it 1,200). */
const FULL_WIDTH_GROUPED = /^\s*[+-]?\d{1,3}(?:\uFF0C\d{3})+(?:\.\d+)?\s*%?\s*$/;

/** Full-width digits, signs and commas as ASCII (SPEC 3, v2): NFKC, for text that is not ASCII. */
export function normalized(text: string): string {
  return NOT_ASCII.test(text) ? text.normalize("NFKC").trim() : text;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: any character past ASCII
const NOT_ASCII = /[^\u0000-\u007f]/;

/** The problem of a date cell that is not read, with what to write instead where the SPEC says. */
function dateProblem(text: string, date: DateParse & { ok: false }): CodeAndParams {
  const value = text.trim();
  const suggested = date.suggestion === undefined ? null : formatDay(date.suggestion);
  switch (date.error) {
    case "impossible":
      return ["data.date-not-calendar", { value }];
    case "format":
      return ["data.date-invalid", { value }];
    case "time-of-day":
      return ["data.date-time-of-day", { value, date: suggested ?? "" }];
    case "two-digit-year":
      return ["data.date-two-digit-year", { value, date: suggested }];
    case "year-last":
      return ["data.date-year-last", { value, date: suggested }];
    case "bare-number":
      return ["data.date-bare-number", { value, date: suggested }];
  }
}

/**
 * Whether a target reads a month range (SPEC 3, v2): one from January is a total to date, for a
 * target of `aggregate: last`; one that starts later is a period's own amount, for `aggregate: sum`.
 */
function takesMonthRange(target: Target, months: MonthRange): boolean {
  // A growth rate is the cumulative growth of 1–N月 (SPEC 2.4).
  if (target.kind === "growth") return months.first === 1;
  if (target.kind !== "progress") return false;
  return target.aggregate === (months.first === 1 ? "last" : "sum");
}

/**
 * The 1-based column where field `index` starts, counted from the fields' lengths: exact for
 * unquoted fields, which is what nearly every row has.
 */
function columnOf(record: RecordFields, index: number | null): number {
  if (index === null) return 1;
  let column = 1;
  for (let i = 0; i < index && i < record.fields.length; i++)
    column += (record.fields[i] as string).length + 1;
  return column;
}

/**
 * A data value for a target: done / not done for milestones, else a number (`1,200`, `-3.5`, and
 * `35%` for `%` targets), full-width characters read as ASCII (`３０％`, SPEC 3 v2). Returns the
 * problem, with the text as written, when it is neither.
 */
export function parseValue(written: string, target: Target): number | boolean | CodeAndParams {
  const text = normalized(written);
  if (target.kind === "milestone") {
    const word = text.toLowerCase();
    if (DONE_WORDS.includes(word)) return true;
    if (NOT_DONE_WORDS.includes(word)) return false;
    return [
      "data.value-not-done",
      { value: written, done: [...DONE_WORDS], notDone: [...NOT_DONE_WORDS] },
    ];
  }
  let number = text;
  if (text.endsWith("%")) {
    // A growth rate is a percent whatever the target's unit (SPEC 2.4).
    const rate = target.kind === "growth" && target.input === "rate";
    if (target.unit !== "%" && !rate)
      return ["data.value-percent-unit", { value: written, id: target.id }];
    number = text.slice(0, -1).trimEnd();
  }
  const value = parseNumber(number);
  // A decimal too long for a double (400 digits) is a number too, only too large.
  if (value === undefined && !NUMBER.test(number)) {
    const write = numberWithin(text, target);
    return write === null
      ? ["data.value-not-number", { value: written }]
      : ["data.value-with-word", { value: written, write }];
  }
  if (value === undefined || Math.abs(value) > MAX_MAGNITUDE)
    return ["data.value-too-large", { value: written }];
  return value;
}

/**
 * A number with words or a unit around it (`约30`, `30个`, `12.5万`): the words before it, a minus
 * that NFKC leaves as it is (`−`, `–`, `—`), the digits, and the words after, which hold no digit,
 * point or comma (so `1e3`, `.5` and `1,20` are no such thing).
 */
const NUMBER_WITH_WORDS =
  /^([^\d.,+\u2212\u2013\u2014-]*?)\s*([\u2212\u2013\u2014]?)([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(%?)\s*([^\d.,]*)$/;

/**
 * The powers of ten that 十, 百, 千, 万 and 亿 stand for (written as escapes: the bundle stays
 * ASCII). 万 and 亿 may follow one of the first three (千万, 百亿).
 */
const MULTIPLIERS: Readonly<Record<string, number>> = {
  "\u5341": 10,
  "\u767e": 100,
  "\u5343": 1e3,
  "\u4e07": 1e4,
  "\u4ebf": 1e8,
};

/**
 * The power of ten that words start with, and the words after it (`千万元` is 1e7 and `元`); null
 * when 十, 百 or 千 start a longer word that may be a unit of its own (千米, 千克, 百分点).
 */
function multiplierOf(words: string): { factor: number; rest: string } | null {
  const first = MULTIPLIERS[words.charAt(0)];
  if (first === undefined) return { factor: 1, rest: words };
  if (first >= 1e4) return { factor: first, rest: words.slice(1) };
  const second = MULTIPLIERS[words.charAt(1)] ?? 0;
  if (second >= 1e4) return { factor: first * second, rest: words.slice(2) };
  return words.length === 1 ? { factor: first, rest: "" } : null;
}

/**
 * What to write instead of a number with words or a unit, or null when the text is not one or
 * its words leave the number in doubt: the number alone, in the target's unit (`12.5万` is
 * 125000 for a target counted in 个 and 12.5 for one in 万元; `5千万` is 0.5 for one in 亿元;
 * `6320000000元` is 63.2 for one in 亿元), its sign kept (`−1` is -1). A number with words of
 * no unit (`约63.2`, `63.2左右`, `7.1个百分点`) is taken to be in the target's unit already.
 */
function numberWithin(text: string, target: Target): string | null {
  const match = NUMBER_WITH_WORDS.exec(text);
  if (match === null) return null;
  const [, before = "", minus = "", digits = "", percent = "", after = ""] = match;
  if (before === "" && minus === "" && after === "") return null;
  if (percent !== "" && target.unit !== "%") return null;
  const written = multiplierOf(after);
  if (written === null) return null;
  // A growth rate is a percent whatever the unit of its figures: 万 and 亿 make no sense of it.
  const rate = target.kind === "growth" && target.input === "rate";
  if (rate && written.factor !== 1) return null;
  const unit = rate ? null : multiplierOf(target.unit ?? "");
  const unitFactor = unit?.factor ?? 1;
  // Without a power of ten, the number is in the target's unit, or in its unit's base (元 of 亿元).
  const inBase = unit !== null && unit.rest !== "" && written.rest.startsWith(unit.rest);
  const scale = written.factor !== 1 ? written.factor / unitFactor : inBase ? 1 / unitFactor : 1;
  const plain = `${minus === "" ? "" : "-"}${digits.replaceAll(",", "")}`;
  if (scale === 1) return `${plain}${percent}`;
  return `${Number((Number(plain) * scale).toPrecision(15))}${percent}`;
}

/**
 * Whether `text` from `start` to `end` is `short`. startsWith compares in the engine's own code,
 * fast from the first row, where a loop of charCodeAt is slow until it is optimised.
 */
function sameText(short: string, text: string, start: number, end: number): boolean {
  return end - start === short.length && text.startsWith(short, start);
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
