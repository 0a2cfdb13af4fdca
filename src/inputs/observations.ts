/**
 * Rows → observations (SPEC section 3): the last stage of the data pipeline, a function of every
 * file's rows. Each target's rows become one series, one row per date in date order; rows of one
 * target and date must agree, else both places are named.
 */
import type { Day } from "../core/dates.js";
import { formatDay } from "../core/dates.js";
import type { Target } from "../core/model.js";
import { error, MAX_PROBLEMS_PER_FILE, type Problem } from "../core/problems.js";
import { type RowColumns, Series } from "../core/series.js";
import type { FileRows, RowBatch, TargetIndex } from "./data.js";

export interface CollectedData {
  /** Each known target's rows, one per date, in date order (targets with rows only). */
  observations: Map<string, Series>;
  problems: Problem[];
}

/**
 * The observations of the files' rows, file by file: each file's rows as `readRows` hands them
 * on, then its problems. Problems come file by file, then the disagreeing rows.
 */
export function collectObservations(
  files: Iterable<Iterator<RowBatch, FileRows>>,
  targets: TargetIndex,
): CollectedData {
  const fileNames: string[] = [];
  const rows = new RowStore(fileNames);
  const problems: Problem[] = [];
  // The targets with rows, in the order files name them: file by file, each file's targets in
  // the order their ids first appear in it. Rows of one date that disagree are listed in this
  // order up to each file's cap, so it decides which ones are listed.
  const appearance: number[] = [];
  const appeared = new Uint8Array(targets.list.length);
  for (const file of files) {
    const fileIndex = fileNames.push("") - 1;
    let next = file.next();
    for (; next.done !== true; next = file.next()) rows.append(next.value, fileIndex);
    const read = next.value;
    fileNames[fileIndex] = read.file;
    problems.push(...read.problems);
    for (const index of read.targets) {
      if (appeared[index] === 1) continue;
      appeared[index] = 1;
      appearance.push(index);
    }
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
  const { order, starts } = groupByTarget(rows, list.length);
  const observations = new Map<string, Series>();
  // Disagreeing rows are listed up to the cap of each file too, then counted.
  const conflicts = new Map<string, { count: number; firstLeftOut: number | null }>();
  for (const index of appearance) {
    const target = list[index] as Target;
    const done = target.kind === "milestone";
    const rowValue = (row: number) => (done ? rows.value(row) === 1 : rows.value(row));
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
        problems.push(
          error({ file, line: rows.line(row), column: 1 }, "data.conflict", {
            id: target.id,
            date: formatDay(rows.day(row)),
            here: rowValue(row),
            there: rowValue(previous),
            first: { file: rows.file(previous), line: rows.line(previous), column: 1 },
          }),
        );
      }
    }
    observations.set(target.id, new Series(rows, group.subarray(0, kept), done));
  }
  for (const [file, { count, firstLeftOut }] of conflicts) {
    if (firstLeftOut === null) continue;
    const more = count - MAX_PROBLEMS_PER_FILE;
    const place = { file, line: rows.line(firstLeftOut), column: 1 };
    problems.push(error(place, "data.more-conflicts", { count: more }));
  }
  return { observations, problems };
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
  readonly bases = new Float64Array(CHUNK_ROWS);
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

  /** Add a batch of one file's rows. */
  append(batch: RowBatch, file: number): void {
    for (let from = 0; from < batch.length; ) {
      if (this.offset === CHUNK_ROWS) {
        this.chunk = new RowChunk();
        this.chunks.push(this.chunk);
        this.offset = 0;
      }
      const { chunk, offset } = this;
      const count = Math.min(batch.length - from, CHUNK_ROWS - offset);
      const to = from + count;
      chunk.targets.set(batch.targets.subarray(from, to), offset);
      chunk.files.fill(file, offset, offset + count);
      chunk.days.set(batch.days.subarray(from, to), offset);
      chunk.values.set(batch.values.subarray(from, to), offset);
      chunk.lines.set(batch.lines.subarray(from, to), offset);
      chunk.bases.set(batch.bases.subarray(from, to), offset);
      this.offset += count;
      this.length += count;
      from = to;
    }
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

  base(row: number): number {
    return this.chunkOf(row).bases[row & CHUNK_MASK] as number;
  }
}
