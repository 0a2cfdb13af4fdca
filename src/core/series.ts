/**
 * One target's rows, one per date, in date order. The rows stay where the data reader put them
 * (column by column, shared by every target); a series is the list of its row numbers. A million
 * rows are then no million objects: building them and collecting their garbage took longer than
 * reading the rows.
 *
 * A row may carry the date it was reported (SPEC 4, v2): it is not used at any as-of date before
 * that day. A series with such rows keeps every candidate row of each date (a row and the
 * correction that replaces it, SPEC 3) and gives the rows known at a date with `knownAt`.
 */
import type { Day } from "./dates.js";
import type { Observation } from "./model.js";

/** The reported date of a row that has none: it is known from its own date on. */
export const NOT_REPORTED = -0x80000000;

/** Rows by row number: each one's day, value (done / not done as 1 / 0), file and line. */
export interface RowColumns {
  day(row: number): Day;
  value(row: number): number;
  file(row: number): string;
  line(row: number): number;
  /** The row's `base` column (SPEC 2.4), NaN for none. */
  base?(row: number): number;
  /** Whether the row's note marks it as a correction. */
  correction(row: number): boolean;
  /** The day it was reported, or NOT_REPORTED. */
  reported(row: number): Day;
  /** Whether its value was written with a decimal point (`1.0`). */
  decimalPoint(row: number): boolean;
  /** The sheet of a workbook's row, else undefined. */
  sheet(row: number): string | undefined;
  /** The row's note (the `note` column, trimmed), else undefined. */
  note?(row: number): string | undefined;
}

/** An observation as a test or a caller gives it: optionally a correction, or reported on a day. */
export type ObservationInput = Observation & {
  correction?: boolean;
  reported?: Day;
  decimalPoint?: boolean;
};

export class Series {
  /**
   * @param rows the row numbers of this series in `columns`, in date order
   * @param done its values are done / not done (a milestone's), not numbers
   */
  /**
   * @param rows the row numbers of this series in `columns`, in date order: one per date, the rows
   *   known once every report is in
   * @param done its values are done / not done (a milestone's), not numbers
   * @param candidates when a row has a reported date: every row of the series, in date order and
   *   read order within a date (a row and its correction), from which `knownAt` chooses; else null
   */
  constructor(
    private readonly columns: RowColumns,
    private readonly rows: Int32Array,
    private readonly done: boolean,
    private readonly candidates: Int32Array | null = null,
  ) {}

  static readonly EMPTY = Series.of([]);

  /**
   * A series of observations given in any order (sorted here, stably). Rows of one date must agree,
   * but for a correction, which stands for its date.
   */
  static of(observations: readonly ObservationInput[]): Series {
    const sorted = [...observations].sort((a, b) => a.day - b.day);
    const at = (row: number) => sorted[row] as ObservationInput;
    const columns: RowColumns = {
      day: (row) => at(row).day,
      value: (row) => Number(at(row).value),
      file: (row) => at(row).file,
      line: (row) => at(row).line,
      base: (row) => at(row).base ?? Number.NaN,
      correction: (row) => at(row).correction === true,
      reported: (row) => at(row).reported ?? NOT_REPORTED,
      decimalPoint: (row) => at(row).decimalPoint === true,
      sheet: (row) => at(row).sheet,
      note: (row) => at(row).note,
    };
    const all = Int32Array.from(sorted.keys());
    const reported = sorted.some((row) => row.reported !== undefined);
    return new Series(
      columns,
      onePerDate(columns, all),
      typeof sorted[0]?.value === "boolean",
      reported ? all : null,
    );
  }

  /**
   * The series as it was known at the end of day `day`: without the rows reported after it (SPEC
   * 4, v2), so that an evaluation made again later sees what was known then. The series itself
   * when no row has a reported date.
   */
  knownAt(day: Day): Series {
    if (this.candidates === null) return this;
    if (this.knownDay === day && this.known !== null) return this.known;
    const { columns } = this;
    const rows = onePerDate(columns, this.candidates, (row) => columns.reported(row) <= day);
    this.knownDay = day;
    this.known = new Series(columns, rows, this.done);
    return this.known;
  }

  /** How many of the rows were reported after the end of day `day`: not known then. */
  reportedAfter(day: Day): number {
    if (this.candidates === null) return 0;
    let count = 0;
    for (const row of this.candidates) if (this.columns.reported(row) > day) count++;
    return count;
  }

  /** The last answer of `knownAt`, kept: a report asks for one date many times. */
  private knownDay: Day = NOT_REPORTED;
  private known: Series | null = null;

  get length(): number {
    return this.rows.length;
  }

  day(index: number): Day {
    return this.columns.day(this.rows[index] as number);
  }

  value(index: number): number | boolean {
    const value = this.columns.value(this.rows[index] as number);
    return this.done ? value === 1 : value;
  }

  /** The row's `base` (last year's figure, SPEC 2.4), or null when it has none. */
  base(index: number): number | null {
    const base = this.columns.base?.(this.rows[index] as number) ?? Number.NaN;
    return Number.isNaN(base) ? null : base;
  }

  observation(index: number): Observation {
    const row = this.rows[index] as number;
    const sheet = this.columns.sheet(row);
    const observation: Observation = {
      day: this.day(index),
      value: this.value(index),
      file: this.columns.file(row),
      line: this.columns.line(row),
      ...(sheet === undefined ? {} : { sheet }),
    };
    const base = this.base(index);
    if (base !== null) observation.base = base;
    const note = this.columns.note?.(row);
    if (note !== undefined) observation.note = note;
    return observation;
  }

  /** The note of the row at `index` (its `note` column, trimmed), or null when it has none. */
  note(index: number): string | null {
    return this.columns.note?.(this.rows[index] as number) ?? null;
  }

  observations(): Observation[] {
    return Array.from({ length: this.length }, (_, index) => this.observation(index));
  }

  /** Whether the value of the row at `index` was written with a decimal point (`1.0`). */
  writtenWithPoint(index: number): boolean {
    return this.columns.decimalPoint(this.rows[index] as number);
  }

  /** Whether the row at `index` is a correction (SPEC 3, v2). */
  isCorrection(index: number): boolean {
    return this.columns.correction(this.rows[index] as number);
  }

  /** The index of the latest row dated on or before `day`, or -1 when there is none. */
  latestOnOrBefore(day: Day): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.day(middle) <= day) low = middle + 1;
      else high = middle;
    }
    return low - 1;
  }
}

/**
 * One row per date of `rows` (in date order, read order within a date) among those `known`
 * accepts: the correction of the date, else its first row.
 */
export function onePerDate(
  columns: RowColumns,
  rows: Int32Array,
  known?: (row: number) => boolean,
): Int32Array {
  const kept = new Int32Array(rows.length);
  let count = 0;
  for (let start = 0; start < rows.length; ) {
    const day = columns.day(rows[start] as number);
    let end = start + 1;
    while (end < rows.length && columns.day(rows[end] as number) === day) end++;
    let chosen = -1;
    for (let at = start; at < end; at++) {
      const row = rows[at] as number;
      if (known !== undefined && !known(row)) continue;
      if (columns.correction(row)) {
        chosen = row;
        break;
      }
      if (chosen === -1) chosen = row;
    }
    if (chosen !== -1) kept[count++] = chosen;
    start = end;
  }
  return kept.subarray(0, count);
}
