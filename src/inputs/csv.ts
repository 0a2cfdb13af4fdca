/**
 * Text → records (RFC 4180), each with the 1-based line it starts on: a stage of the data
 * pipeline (SPEC section 3), a function of the text chunks that pulls them as it goes.
 *
 * The stream is cut into blocks of whole records (at a line break outside quotes). Lines are split
 * directly where that is plain: a run of lines without quotes is given as it is, its fields being
 * what lies between commas (nearly every line of a large export, twice as fast as a general
 * parser, and the rows stage picks out its fields without a string made of each); a line whose
 * quoted fields are whole fields on the line with no quote inside, like the "1,200" of a number
 * with a thousands separator, is split directly too. From the first line that is anything else,
 * the rest of the block goes to papaparse (the faster of the two maintained parsers measured on a
 * million rows), which stays the reference: test/unit/csv.test.ts holds the direct reading to it.
 */
import Papa from "papaparse";
import type { ProblemParams } from "../core/problem-codes.js";

/** One record: its fields and the line it starts on. */
export interface CsvRecord {
  readonly kind: "record";
  readonly fields: readonly string[];
  readonly line: number;
}

/** What a quoting mistake is: a field left open, text after a closing quote, or another. */
export type CsvProblem =
  | readonly ["csv.unclosed-quote", ProblemParams["csv.unclosed-quote"]]
  | readonly ["csv.text-after-quote", ProblemParams["csv.text-after-quote"]]
  | readonly ["csv.unreadable", ProblemParams["csv.unreadable"]];

/** A quoting mistake, on the line of the record it spoiled. */
export interface CsvSyntaxError {
  readonly kind: "error";
  readonly line: number;
  readonly problem: CsvProblem;
}

/**
 * Consecutive lines without quotes, one record each, the first on line `firstLine`: record `i` is
 * `text` from `start(i)` to `end(i)` (its line break excluded), and its fields are what lies
 * between commas. One object, refilled for each run: valid until the next item is asked for.
 */
export class QuoteFreeLines {
  readonly kind = "lines";
  text = "";
  firstLine = 1;
  count = 0;
  /** Each record's start and end in `text`: grown as a run needs (a small file's are few). */
  private bounds = new Int32Array(1 << 9);

  start(index: number): number {
    return this.bounds[2 * index] as number;
  }

  end(index: number): number {
    return this.bounds[2 * index + 1] as number;
  }

  /** Record `index` as its fields. */
  fields(index: number): string[] {
    return this.text.slice(this.start(index), this.end(index)).split(",");
  }

  /** Start a run over `text`, its first record on line `firstLine`. */
  reset(text: string, firstLine: number): void {
    this.text = text;
    this.firstLine = firstLine;
    this.count = 0;
  }

  push(start: number, end: number): void {
    if (2 * this.count === this.bounds.length) {
      const grown = new Int32Array(2 * this.bounds.length);
      grown.set(this.bounds);
      this.bounds = grown;
    }
    this.bounds[2 * this.count] = start;
    this.bounds[2 * this.count + 1] = end;
    this.count++;
  }
}

/** What the records stage gives: records, quoting mistakes, and runs of quote-free lines. */
export type CsvItem = CsvRecord | CsvSyntaxError | QuoteFreeLines;

/** A record longer than this is taken for an unclosed quote (it would swallow the file). */
export const MAX_RECORD_LENGTH = 1 << 20;

/**
 * The records of a text given in chunks, in order; returns the number of the last line read (at
 * a record longer than MAX_RECORD_LENGTH, that record's line: nothing after it is read).
 *
 * Each chunk's whole records are read where they stand in it: only a record cut by the end of a
 * chunk is put together from the two. A chunk is a flat string as it was decoded, and a slice of a
 * joined one would make every character of every row slower to read (a fifth of reading a row).
 */
export function* csvRecords(chunks: Iterable<string>): Generator<CsvItem, number> {
  const lines = new QuoteFreeLines();
  let line = 1;
  let pending = "";
  for (const chunk of chunks) {
    let from = 0;
    if (pending !== "") {
      // The record cut by the end of the last chunk ends at the first record end of this one.
      const head = firstRecordEnd(chunk, countQuotes(pending) % 2 === 1);
      if (head === -1) {
        pending += chunk;
        if (pending.length > MAX_RECORD_LENGTH) {
          yield syntaxError(line, UNCLOSED_QUOTE);
          return line;
        }
        continue;
      }
      const joined = pending + chunk.slice(0, head);
      line = yield* rangeRecords(joined, 0, withoutReturn(joined, 0, joined.length), line, lines);
      pending = "";
      from = head + 1;
    }
    const cut = lastRecordEnd(chunk, from);
    if (cut === -1) {
      pending = from === 0 ? chunk : chunk.slice(from);
      if (pending.length > MAX_RECORD_LENGTH) {
        yield syntaxError(line, UNCLOSED_QUOTE);
        return line;
      }
      continue;
    }
    // Without the block's last line break, "\r\n" included: a quote then "\r" at the very end
    // of a block would look like text after a closing quote.
    line = yield* rangeRecords(chunk, from, withoutReturn(chunk, from, cut), line, lines);
    pending = chunk.slice(cut + 1);
  }
  if (pending !== "") line = yield* rangeRecords(pending, 0, pending.length, line, lines);
  return line - 1;
}

/** `end`, or one less when a carriage return (of a CRLF) ends `text` from `from` to `end`. */
function withoutReturn(text: string, from: number, end: number): number {
  return end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

function countQuotes(text: string): number {
  let count = 0;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) count++;
  return count;
}

/**
 * The index of the first line break outside quotes, or -1, in a text that starts inside a quoted
 * field when `quoted`, else at a record boundary.
 */
function firstRecordEnd(text: string, quoted: boolean): number {
  let inQuotes = quoted;
  let quote = text.indexOf('"');
  for (let feed = text.indexOf("\n"); feed !== -1; feed = text.indexOf("\n", feed + 1)) {
    for (; quote !== -1 && quote < feed; quote = text.indexOf('"', quote + 1)) inQuotes = !inQuotes;
    if (!inQuotes) return feed;
  }
  return -1;
}

function syntaxError(line: number, problem: CsvProblem): CsvSyntaxError {
  return { kind: "error", line, problem };
}

/**
 * The index of the last line break outside quotes at or after `from`, or -1. The text starts at a
 * record boundary at `from`, so a line break is outside quotes when an even number of quotes
 * precede it from there.
 */
function lastRecordEnd(text: string, from: number): number {
  let cut = text.lastIndexOf("\n");
  if (cut < from) return -1;
  const first = text.indexOf('"', from);
  if (first === -1) return cut;
  let quotes = 0;
  for (let at = first; at !== -1 && at < cut; at = text.indexOf('"', at + 1)) quotes++;
  while (quotes % 2 === 1) {
    const previous = text.lastIndexOf("\n", cut - 1);
    if (previous < from) return -1;
    for (
      let at = text.indexOf('"', previous);
      at !== -1 && at < cut;
      at = text.indexOf('"', at + 1)
    )
      quotes--;
    cut = previous;
  }
  return cut;
}

/**
 * The records of a block of whole records (without its final line break) that starts on line
 * `line`; returns the line after it. `general` forces papaparse, for tests that compare the two
 * readings.
 */
export function* blockRecords(
  block: string,
  line: number,
  lines = new QuoteFreeLines(),
  general = false,
): Generator<CsvItem, number> {
  return general
    ? yield* parseQuoted(block, line)
    : yield* rangeRecords(block, 0, block.length, line, lines);
}

/**
 * The records of `text` from `from` to `to`, a block of whole records without its final line
 * break, that starts on line `line`: lines split on "\n" (a CRLF's "\r" taken off) and fields on
 * ",", quoted fields as `wholeQuotedFields` reads them; from the first line it cannot read,
 * papaparse. Returns the line after the block.
 */
function* rangeRecords(
  text: string,
  from: number,
  to: number,
  line: number,
  lines: QuoteFreeLines,
): Generator<CsvItem, number> {
  let start = from;
  let next = line;
  for (let quote = text.indexOf('"', start); quote !== -1 && quote < to; ) {
    const quoteLine = Math.max(start, text.lastIndexOf("\n", quote) + 1);
    if (quoteLine > start) {
      next = quoteFreeLines(text, start, quoteLine - 1, next, lines);
      yield lines;
    }
    let end = text.indexOf("\n", quoteLine);
    if (end === -1 || end > to) end = to;
    const lineEnd = withoutReturn(text, quoteLine, end);
    // papaparse reads a "\r" after a closing quote at the very end of the text as an error.
    const fields = lineEnd < end && end === to ? null : wholeQuotedFields(text, quoteLine, lineEnd);
    if (fields === null) return yield* parseQuoted(text.slice(quoteLine, to), next);
    yield { kind: "record", fields, line: next++ };
    start = end + 1;
    if (start > to) return next;
    quote = text.indexOf('"', start);
  }
  next = quoteFreeLines(text, start, to, next, lines);
  yield lines;
  return next;
}

/**
 * The quote-free lines of `block` from `from` to `to` (the end of the block or a line break), the
 * first on line `line`, into `lines`; returns the line after them.
 */
function quoteFreeLines(
  block: string,
  from: number,
  to: number,
  line: number,
  lines: QuoteFreeLines,
): number {
  lines.reset(block, line);
  let start = from;
  while (start <= to) {
    let end = block.indexOf("\n", start);
    if (end === -1 || end > to) end = to;
    lines.push(start, end > start && block.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
  }
  return line + lines.count;
}

/**
 * The fields of the line from `start` to `end` when each field is either free of quotes or a
 * whole quoted field with no quote inside ("4,560"); null for anything else ("" inside quotes,
 * a quote opening a field that goes on to the next line, text after a closing quote…).
 */
function wholeQuotedFields(text: string, start: number, end: number): string[] | null {
  const fields: string[] = [];
  for (let at = start; ; ) {
    if (text.charCodeAt(at) === 34) {
      const close = text.indexOf('"', at + 1);
      if (close === -1 || close >= end) return null;
      if (close + 1 < end && text.charCodeAt(close + 1) !== 44) return null;
      // A "\r" closing the line's last field is taken off after papaparse, even inside quotes.
      if (close + 1 === end && text.charCodeAt(close - 1) === 13) return null;
      fields.push(text.slice(at + 1, close));
      if (close + 1 === end) return fields;
      at = close + 2;
    } else {
      let comma = text.indexOf(",", at);
      if (comma === -1 || comma > end) comma = end;
      const field = text.slice(at, comma);
      // A quote inside an unquoted field is a character of it, as in papaparse: left to papaparse.
      if (field.includes('"')) return null;
      fields.push(field);
      if (comma === end) return fields;
      at = comma + 1;
    }
  }
}

/**
 * The records of a block of whole records by papaparse, split at `delimiter` (a comma, or the tab
 * or semicolon a file's header sets, delimited.ts); returns the line after the block.
 */
export function* parseQuoted(
  block: string,
  line: number,
  delimiter = ",",
): Generator<CsvItem, number> {
  // Always LF: a CRLF file leaves a "\r" at the end of each line's last field, taken off below,
  // so files whose lines end both ways read alike.
  // papaparse drops a U+FEFF that opens its input; inside a file it is a character like any other
  // (the BOM of the file is gone already), so it is kept, whether or not a block starts with it.
  const input = block.charCodeAt(0) === 0xfeff ? `\uFEFF${block}` : block;
  const results = Papa.parse<string[]>(input, {
    delimiter,
    newline: "\n",
    quoteChar: '"',
    skipEmptyLines: false,
  });
  const errorRows = new Map<number, CsvProblem>();
  for (const error of results.errors) errorRows.set(error.row ?? 0, describe(error.code));
  let next = line;
  for (let index = 0; index < results.data.length; index++) {
    const fields = results.data[index] as string[];
    const last = fields.length - 1;
    const lastField = fields[last];
    if (lastField?.endsWith("\r")) fields[last] = lastField.slice(0, -1);
    const error = errorRows.get(index);
    yield error !== undefined ? syntaxError(next, error) : { kind: "record", fields, line: next };
    // A record spans one line more for each line break inside its quoted fields.
    next += 1;
    for (const field of fields)
      if (field.length > 0 && field.includes("\n")) next += countLineBreaks(field);
  }
  return next;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

const UNCLOSED_QUOTE: CsvProblem = ["csv.unclosed-quote", {}];

/** papaparse's error, by its code. */
function describe(code: string): CsvProblem {
  switch (code) {
    case "MissingQuotes":
      return UNCLOSED_QUOTE;
    case "InvalidQuotes":
      return ["csv.text-after-quote", {}];
    default:
      return ["csv.unreadable", { reason: code }];
  }
}
