/**
 * Rows → observations (SPEC section 3): the last stage of the data pipeline, a function of every
 * file's rows. Each target's rows become one series, one row per date in date order; rows of one
 * target and date must agree, else both places are named.
 */
import type { Day } from "../core/dates.js";
import { formatDay } from "../core/dates.js";
import type { Target } from "../core/model.js";
import { plausibilityWarnings } from "../core/plausibility.js";
import {
  error,
  MAX_PROBLEMS_PER_FILE,
  type Place,
  type Problem,
  warning,
} from "../core/problems.js";
import { NOT_REPORTED, onePerDate, type RowColumns, Series } from "../core/series.js";
import {
  BATCH_BITS,
  BATCH_ROWS,
  type FileRows,
  ROW_CORRECTION,
  ROW_DECIMAL_POINT,
  type RowBatch,
  type TargetIndex,
} from "./data.js";

export interface CollectedData {
  /** Each known target's rows, one per date, in date order (targets with rows only). */
  observations: Map<string, Series>;
  problems: Problem[];
}

/**
 * The observations of the files' rows, file by file: each file's rows as `readRows` hands them
 * on, then its problems. Problems come file by file, then the disagreeing rows.
 * @param maxBatches the most batches of rows kept (a test gives fewer): past them, an error, and
 *   no more rows are read
 */
export function collectObservations(
  files: Iterable<Iterator<RowBatch, FileRows>>,
  targets: TargetIndex,
  maxBatches = MAX_BATCHES,
): CollectedData {
  const fileNames: string[] = [];
  const sheetNames: (string | undefined)[] = [];
  const rows = new RowStore(fileNames, sheetNames);
  const problems: Problem[] = [];
  // The targets with rows, in the order files name them: file by file, each file's targets in
  // the order their ids first appear in it. Rows of one date that disagree are listed in this
  // order up to each file's cap, so it decides which ones are listed.
  const appearance: number[] = [];
  const appeared = new Uint8Array(targets.list.length);
  for (const file of files) {
    const fileIndex = fileNames.push("") - 1;
    sheetNames.push(undefined);
    // The line of the first row not kept, once the store is full: the file is read to its end
    // for its name and problems, and no file after it.
    let notKept = -1;
    let next = file.next();
    for (; next.done !== true; next = file.next()) {
      if (notKept !== -1) continue;
      if (rows.batches.length < maxBatches) rows.append(next.value, fileIndex);
      else notKept = next.value.lines[0] as number;
    }
    const read = next.value;
    fileNames[fileIndex] = read.file;
    sheetNames[fileIndex] = read.sheet;
    problems.push(...read.problems);
    if (notKept !== -1) {
      const line = { file: read.file, line: notKept, column: 1 };
      const place = read.sheet === undefined ? line : { ...line, sheet: read.sheet };
      const bound = { rows: MAX_BATCHES * BATCH_ROWS, files: MAX_BATCHES };
      problems.push(error(place, "data.too-much-data", bound));
    }
    for (const index of read.targets) {
      if (appeared[index] === 1) continue;
      appeared[index] = 1;
      appearance.push(index);
    }
    if (notKept !== -1) break;
  }
  return observationsOf(rows, targets.list, appearance, problems);
}

/** Each target's rows by date, after checking that rows of one date agree. */
function observationsOf(
  rows: RowStore,
  list: readonly Target[],
  appearance: readonly number[],
  problems: Problem[],
): CollectedData {
  const { order, starts, outOfOrder } = groupByTarget(rows, list.length);
  const observations = new Map<string, Series>();
  // Disagreeing rows and corrections are listed up to the cap of each file too, then counted.
  const conflicts = new CappedByFile();
  const corrections = new CappedByFile();
  const plausible = new CappedByFile();
  for (const index of appearance) {
    const target = list[index] as Target;
    const done = target.kind === "milestone";
    const rowValue = (row: number) => (done ? rows.value(row) === 1 : rows.value(row));
    const group = order.subarray(starts[index], starts[index + 1]);
    /** The row `row` disagrees with `first`, the first row of its kind: both places are named. */
    const conflict = (row: number, first: number) => {
      if (!conflicts.counts(rows.place(row))) return;
      problems.push(
        error(rows.place(row), "data.conflict", {
          id: target.id,
          date: formatDay(rows.day(row)),
          here: rowValue(row),
          there: rowValue(first),
          first: rows.place(first),
        }),
      );
    };
    /** Equal values with different bases (SPEC 2.4, 3): the growth would differ. */
    const baseConflict = (row: number, first: number) => {
      if (!conflicts.counts(rows.place(row))) return;
      const base = (at: number) => (Number.isNaN(rows.base(at)) ? null : rows.base(at));
      problems.push(
        error(rows.place(row), "data.base-conflict", {
          id: target.id,
          date: formatDay(rows.day(row)),
          here: base(row),
          there: base(first),
          first: rows.place(first),
        }),
      );
    };
    // Only a growth target computed from values reads the base; a row without one takes last
    // year's row instead, so a row with a base and one without disagree too.
    const readsBase = target.kind === "growth" && target.input === "value";
    /**
     * The rows of one date, in read order (SPEC 3): the unmarked ones must agree, and so must the
     * corrections; a correction replaces the unmarked row, and says so.
     */
    const checkDate = (sameDate: Int32Array) => {
      let plain = -1;
      let correction = -1;
      for (const row of sameDate) {
        const marked = rows.correction(row);
        const first = marked ? correction : plain;
        if (first === -1) {
          if (marked) correction = row;
          else plain = row;
        } else if (rows.value(first) !== rows.value(row)) conflict(row, first);
        else if (readsBase && !Object.is(rows.base(first), rows.base(row)))
          baseConflict(row, first);
      }
      if (plain === -1 || correction === -1 || !corrections.counts(rows.place(correction))) return;
      problems.push(
        warning(rows.place(correction), "data.correction", {
          id: target.id,
          date: formatDay(rows.day(correction)),
          value: rowValue(correction),
          replaced: rowValue(plain),
          first: rows.place(plain),
        }),
      );
    };
    /**
     * A month range's amount is the period's own (`aggregate: sum`): another row dated within its
     * months, before its end, would be added with it, and that period counted twice.
     */
    const checkSpans = (group: Int32Array) => {
      for (const row of group) {
        const from = rows.spanStart(row);
        if (from === undefined) continue;
        const day = rows.day(row);
        let other = -1;
        for (const candidate of group) {
          const at = rows.day(candidate);
          if (at >= from && at < day && (other === -1 || at < rows.day(other))) other = candidate;
        }
        if (other === -1 || !conflicts.counts(rows.place(row))) continue;
        problems.push(
          error(rows.place(row), "data.range-overlaps", {
            id: target.id,
            from: formatDay(from),
            date: formatDay(day),
            otherDate: formatDay(rows.day(other)),
            other: rows.place(other),
          }),
        );
      }
    };
    let reported = false;
    let shared = false;
    // Most targets have one row per date, read in date order (an export at each date, or one
    // target's rows one after another): nothing to sort, no two rows of one date, and when no row
    // has a reported date the days need not be read again (far apart in memory: a cache miss each).
    if (outOfOrder[index] === 1 || rows.hasReportedDates) {
      sortByDay(group, rows);
      let previousDay = Number.NaN;
      for (let at = 0; at < group.length; at++) {
        const row = group[at] as number;
        const day = rows.day(row);
        if (day === previousDay) shared = true;
        previousDay = day;
        if (!reported) reported = rows.reported(row) !== NOT_REPORTED;
      }
    }
    // Rows of one date are checked against each other; most series have one row per date.
    if (shared) {
      for (let start = 0; start < group.length; ) {
        const day = rows.day(group[start] as number);
        let end = start + 1;
        while (end < group.length && rows.day(group[end] as number) === day) end++;
        if (end - start > 1) checkDate(group.subarray(start, end));
        start = end;
      }
    }
    if (rows.hasSpans) checkSpans(group);
    const kept = shared ? onePerDate(rows, group) : group;
    const series = new Series(rows, kept, done, reported ? group : null);
    observations.set(target.id, series);
    for (const { index, problem } of plausibilityWarnings(target, series)) {
      const { file, line, sheet } = series.observation(index);
      const place = { file, line, column: 1, ...(sheet === undefined ? {} : { sheet }) };
      if (!plausible.counts(place)) continue;
      const [code, params] = problem;
      problems.push(warning(place, code, params));
    }
  }
  problems.push(...conflicts.more("data.more-conflicts"));
  problems.push(...corrections.more("data.more-corrections"));
  problems.push(...plausible.more("data.more-implausible"));
  return { observations, problems };
}

/** Problems of rows counted per file: listed up to the cap, then one problem counts the rest. */
class CappedByFile {
  private readonly files = new Map<string, { count: number; firstLeftOut: Place | null }>();

  /** Count a problem at `place`; whether it is listed. */
  counts(place: Place): boolean {
    const counted = this.files.get(place.file) ?? { count: 0, firstLeftOut: null };
    this.files.set(place.file, counted);
    if (++counted.count <= MAX_PROBLEMS_PER_FILE) return true;
    counted.firstLeftOut ??= place;
    return false;
  }

  /** For each file past the cap, the problem that counts the rest, at the first one left out. */
  more(code: "data.more-conflicts" | "data.more-corrections" | "data.more-implausible"): Problem[] {
    const more: Problem[] = [];
    for (const { count, firstLeftOut: place } of this.files.values()) {
      if (place === null) continue;
      const params = { count: count - MAX_PROBLEMS_PER_FILE };
      more.push(
        code === "data.more-conflicts" ? error(place, code, params) : warning(place, code, params),
      );
    }
    return more;
  }
}

/**
 * The rows grouped by target by a counting sort, in read order within each group: `order` holds
 * row numbers, target i's from starts[i] to starts[i + 1]; outOfOrder[i] is 1 when one of target
 * i's rows is not of a later day than the one read before it.
 */
function groupByTarget(rows: RowStore, targetCount: number) {
  const starts = new Int32Array(targetCount + 1);
  for (const { targets, length } of rows.batches) {
    for (let at = 0; at < length; at++) {
      const slot = (targets[at] as number) + 1;
      starts[slot] = (starts[slot] as number) + 1;
    }
  }
  for (let index = 1; index <= targetCount; index++)
    starts[index] = (starts[index] as number) + (starts[index - 1] as number);
  const order = new Int32Array(rows.length);
  const next = starts.slice(0, targetCount);
  const lastDay = new Int32Array(targetCount).fill(-0x80000000);
  const outOfOrder = new Uint8Array(targetCount);
  for (let batch = 0; batch < rows.batches.length; batch++) {
    const { targets, days, length } = rows.batches[batch] as RowBatch;
    const first = batch << BATCH_BITS;
    for (let at = 0; at < length; at++) {
      const target = targets[at] as number;
      order[next[target] as number] = first | at;
      next[target] = (next[target] as number) + 1;
      const day = days[at] as number;
      if (day <= (lastDay[target] as number)) outOfOrder[target] = 1;
      lastDay[target] = day;
    }
  }
  return { order, starts, outOfOrder };
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
 * The rows read, in read order: each batch of a file's rows as `readRows` handed it on, unmoved. A
 * row's number is its batch's index times BATCH_ROWS plus its place in the batch (the numbers past
 * the last row of a file's last batch are not used). A million rows make no million objects, nor
 * pushes into thousands of growing lists, nor copies as the store grows: each of these cost more
 * than reading the rows (new memory is slow to touch).
 */
class RowStore implements RowColumns {
  /** How many rows there are. */
  length = 0;
  /** Whether a row has a reported date (SPEC 4, v2): most files have none. */
  hasReportedDates = false;
  /** Whether a row is a month range of a period's own amount (`2022年5-7月`): few files have one. */
  hasSpans = false;
  readonly batches: RowBatch[] = [];
  /** Each batch's file, an index into `fileNames`. */
  private readonly batchFiles: number[] = [];

  constructor(
    private readonly fileNames: readonly string[],
    private readonly sheetNames: readonly (string | undefined)[],
  ) {}

  /** Add a batch of one file's rows. */
  append(batch: RowBatch, file: number): void {
    this.batches.push(batch);
    this.batchFiles.push(file);
    this.length += batch.length;
    if (batch.reported !== null) this.hasReportedDates = true;
    if (batch.spans !== null) this.hasSpans = true;
  }

  private batchOf(row: number): RowBatch {
    return this.batches[row >>> BATCH_BITS] as RowBatch;
  }

  /** The index of the row's target. */
  target(row: number): number {
    return this.batchOf(row).targets[row & BATCH_MASK] as number;
  }

  day(row: number): Day {
    return this.batchOf(row).days[row & BATCH_MASK] as number;
  }

  value(row: number): number {
    return this.batchOf(row).values[row & BATCH_MASK] as number;
  }

  file(row: number): string {
    return this.fileNames[this.batchFiles[row >>> BATCH_BITS] as number] as string;
  }

  line(row: number): number {
    return this.batchOf(row).lines[row & BATCH_MASK] as number;
  }

  base(row: number): number {
    const { bases } = this.batchOf(row);
    return bases === null ? Number.NaN : (bases[row & BATCH_MASK] as number);
  }

  correction(row: number): boolean {
    return ((this.batchOf(row).flags[row & BATCH_MASK] as number) & ROW_CORRECTION) !== 0;
  }

  /** Whether the value was written with a decimal point. */
  decimalPoint(row: number): boolean {
    return ((this.batchOf(row).flags[row & BATCH_MASK] as number) & ROW_DECIMAL_POINT) !== 0;
  }

  /** The first day of a month range row's months, or undefined for any other row. */
  spanStart(row: number): Day | undefined {
    return this.batchOf(row).spans?.get(row & BATCH_MASK);
  }

  reported(row: number): Day {
    const { reported } = this.batchOf(row);
    return reported === null ? NOT_REPORTED : (reported[row & BATCH_MASK] as number);
  }

  /** The row's note (trimmed), or undefined for none. */
  note(row: number): string | undefined {
    const batch = this.batchOf(row);
    const note = batch.notes?.[row & BATCH_MASK] ?? -1;
    return note === -1 ? undefined : batch.noteTexts[note];
  }

  sheet(row: number): string | undefined {
    return this.sheetNames[this.batchFiles[row >>> BATCH_BITS] as number];
  }

  /** The row's place: its line, or its sheet's row. */
  place(row: number): Place {
    const sheet = this.sheet(row);
    const place = { file: this.file(row), line: this.line(row), column: 1 };
    return sheet === undefined ? place : { ...place, sheet };
  }
}

const BATCH_MASK = BATCH_ROWS - 1;
/**
 * The most batches the store keeps: a row's number (batch × BATCH_ROWS + place) is then a
 * positive 32-bit integer, as the row lists (Int32Array) hold it and -1 means none.
 */
const MAX_BATCHES = 2 ** 31 / BATCH_ROWS;
