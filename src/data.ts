/**
 * Data rows → observations (SPEC section 3). Pure: the caller parses CSV and feeds each record's
 * fields and line here, file by file; nothing is kept of a row but its target, day, value and place.
 */
import { type DateParse, formatDay, parseDate } from "./dates.js";
import { MAX_MAGNITUDE, type Observation, type Target } from "./model.js";
import { error, MAX_PROBLEMS_PER_FILE, type Problem, warning } from "./problems.js";
import { didYouMean } from "./suggest.js";

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
  /** Each known target's rows, one per date, in date order. */
  observations: Map<string, Observation[]>;
  problems: Problem[];
}

/**
 * Collects observations across data files. Each file is read through a `FileReader` whose rows
 * count only once `end()` is called, so that a file can be read again (in another encoding).
 */
export class ObservationCollector {
  private readonly observations = new Map<string, Observation[]>();
  private readonly problems: Problem[] = [];

  constructor(private readonly targets: ReadonlyMap<string, Target>) {}

  beginFile(file: string): FileReader {
    return new FileReader(file, this.targets, (observations, problems) => {
      for (const [id, rows] of observations) {
        const list = this.observations.get(id);
        if (list === undefined) this.observations.set(id, rows);
        else for (const row of rows) list.push(row);
      }
      this.problems.push(...problems);
    });
  }

  /** Sort each target's rows by date and check that rows of one date agree. */
  finish(): CollectedData {
    const observations = new Map<string, Observation[]>();
    // Disagreeing rows are listed up to the cap of each file too, then counted.
    const conflicts = new Map<string, { count: number; firstLeftOut: Observation | null }>();
    for (const [id, rows] of this.observations) {
      // Stable: rows of one date stay in file and line order, so the first place is named first.
      const sorted = rows.sort((a, b) => a.day - b.day);
      const unique: Observation[] = [];
      for (const row of sorted) {
        const previous = unique[unique.length - 1];
        if (previous === undefined || previous.day !== row.day) unique.push(row);
        else if (previous.value !== row.value) {
          const conflict = conflicts.get(row.file) ?? { count: 0, firstLeftOut: null };
          conflicts.set(row.file, conflict);
          if (++conflict.count > MAX_PROBLEMS_PER_FILE) {
            conflict.firstLeftOut ??= row;
            continue;
          }
          this.problems.push(
            error(
              row.file,
              row.line,
              1,
              `${id} on ${formatDay(row.day)} is ${row.value} here but ${previous.value} at ${previous.file}:${previous.line}`,
            ),
          );
        }
      }
      observations.set(id, unique);
    }
    for (const [file, { count, firstLeftOut }] of conflicts) {
      if (firstLeftOut === null) continue;
      const more = count - MAX_PROBLEMS_PER_FILE;
      this.problems.push(
        error(
          file,
          firstLeftOut.line,
          1,
          `${more} more rows in this file disagree with earlier rows`,
        ),
      );
    }
    return { observations, problems: this.problems };
  }
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
  /** Each id seen in this file: its target and rows, or null for an id no target has. */
  private readonly series = new Map<string, { target: Target; rows: Observation[] } | null>();
  private readonly errors: Problem[] = [];
  private readonly warnings: Problem[] = [];
  private errorCount = 0;
  private warningCount = 0;
  /** Unknown ids: first line and number of rows, reported once per id. */
  private readonly unknownIds = new Map<string, { line: number; rows: number }>();

  constructor(
    readonly file: string,
    private readonly targets: ReadonlyMap<string, Target>,
    private readonly commit: (
      observations: Map<string, Observation[]>,
      problems: Problem[],
    ) => void,
  ) {}

  /** One CSV record: its fields and the line it starts on. The per-row path of large files. */
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
    const series = this.seriesOf(id, line);
    if (series === null) return;
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
    const value = parseValue(valueText, series.target);
    if (typeof value === "string") {
      this.addError({ fields, line }, columns.value, value);
      return;
    }
    series.rows.push({ day: date.day, value, file: this.file, line });
  }

  /** The target of an id and this file's rows of it (one map lookup a row), or null when unknown. */
  private seriesOf(id: string, line: number): { target: Target; rows: Observation[] } | null {
    let series = this.series.get(id);
    if (series === undefined) {
      const target = this.targets.get(id);
      series = target === undefined ? null : { target, rows: [] };
      this.series.set(id, series);
    }
    if (series === null) {
      const unknown = this.unknownIds.get(id);
      if (unknown === undefined) this.unknownIds.set(id, { line, rows: 1 });
      else unknown.rows++;
    }
    return series;
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
        this.warnings.length < MAX_PROBLEMS_PER_FILE ? didYouMean(id, this.targets.keys()) : "";
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
    const observations = new Map<string, Observation[]>();
    for (const [id, series] of this.series)
      if (series !== null && series.rows.length > 0) observations.set(id, series.rows);
    this.commit(observations, problems);
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

/**
 * Digits with an optional sign and decimal part, and at most 15 digits: what nearly every row
 * holds, read without a regular expression and exactly by Number().
 */
function isPlainDecimal(text: string): boolean {
  const length = text.length;
  let i = length > 0 && (text.charCodeAt(0) === 45 || text.charCodeAt(0) === 43) ? 1 : 0;
  const firstDigit = i;
  let dot = -1;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 && dot === -1) dot = i;
    else if (code < 48 || code > 57) return false;
  }
  // A digit on both sides of the dot, and few enough digits that no exponent can appear.
  return (
    length - firstDigit <= 16 && dot !== firstDigit && dot !== length - 1 && length > firstDigit
  );
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** A decimal number with optional sign and thousands separators; no exponents, no hex, no Infinity. */
export function parseNumber(text: string): number | undefined {
  if (isPlainDecimal(text)) return Number(text) + 0;
  if (!NUMBER.test(text)) return undefined;
  const value = Number(text.includes(",") ? text.replaceAll(",", "") : text);
  // Too many digits overflow to Infinity; -0 is the same amount as 0.
  return Number.isFinite(value) ? value + 0 : undefined;
}
