/**
 * One target's rows, one per date, in date order. The rows stay where the data reader put them
 * (column by column, shared by every target); a series is the list of its row numbers. A million
 * rows are then no million objects: building them and collecting their garbage took longer than
 * reading the rows.
 */
import type { Day } from "./dates.js";
import type { Observation } from "./model.js";

/** Rows by row number: each one's day, value (done / not done as 1 / 0), file and line. */
export interface RowColumns {
  day(row: number): Day;
  value(row: number): number;
  file(row: number): string;
  line(row: number): number;
  /** The row's `base` column (SPEC 2.4), NaN for none. */
  base?(row: number): number;
}

export class Series {
  /**
   * @param rows the row numbers of this series in `columns`, in date order
   * @param done its values are done / not done (a milestone's), not numbers
   */
  constructor(
    private readonly columns: RowColumns,
    private readonly rows: Int32Array,
    private readonly done: boolean,
  ) {}

  static readonly EMPTY = Series.of([]);

  /** A series of observations given in any order (sorted here, stably); one per date. */
  static of(observations: readonly Observation[]): Series {
    const sorted = [...observations].sort((a, b) => a.day - b.day);
    const at = (row: number) => sorted[row] as Observation;
    const columns: RowColumns = {
      day: (row) => at(row).day,
      value: (row) => Number(at(row).value),
      file: (row) => at(row).file,
      line: (row) => at(row).line,
      base: (row) => at(row).base ?? Number.NaN,
    };
    const rows = Int32Array.from(sorted.keys());
    return new Series(columns, rows, typeof sorted[0]?.value === "boolean");
  }

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
    const observation: Observation = {
      day: this.day(index),
      value: this.value(index),
      file: this.columns.file(row),
      line: this.columns.line(row),
    };
    const base = this.base(index);
    if (base !== null) observation.base = base;
    return observation;
  }

  observations(): Observation[] {
    return Array.from({ length: this.length }, (_, index) => this.observation(index));
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
