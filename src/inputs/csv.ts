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
  /** Each record's start and end in `text`. */
  private bounds = new Int32Array(1 << 12);

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
 */
export function* csvRecords(chunks: Iterable<string>): Generator<CsvItem, number> {
  const lines = new QuoteFreeLines();
  let line = 1;
  let pending = "";
  for (const chunk of chunks) {
    const text = pending + chunk;
    const cut = lastRecordEnd(text);
    if (cut === -1) {
      pending = text;
      if (pending.length > MAX_RECORD_LENGTH) {
        yield syntaxError(line, UNCLOSED_QUOTE);
        return line;
      }
      continue;
    }
    // Without the block's last line break, "\r\n" included: a quote then "\r" at the very end
    // of a block would look like text after a closing quote.
    line = yield* blockRecords(
      text.slice(0, cut > 0 && text.charCodeAt(cut - 1) === 13 ? cut - 1 : cut),
      line,
      lines,
    );
    pending = text.slice(cut + 1);
  }
  if (pending !== "") line = yield* blockRecords(pending, line, lines);
  return line - 1;
}

function syntaxError(line: number, problem: CsvProblem): CsvSyntaxError {
  return { kind: "error", line, problem };
}

/**
 * The index of the last line break outside quotes, or -1. The text starts at a record boundary,
 * so a line break is outside quotes when an even number of quotes precede it.
 */
function lastRecordEnd(text: string): number {
  let cut = text.lastIndexOf("\n");
  if (cut === -1 || text.indexOf('"') === -1) return cut;
  let quotes = 0;
  for (let at = text.indexOf('"'); at !== -1 && at < cut; at = text.indexOf('"', at + 1)) quotes++;
  while (quotes % 2 === 1) {
    const previous = text.lastIndexOf("\n", cut - 1);
    if (previous === -1) return -1;
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
  return general ? yield* parseQuoted(block, line) : yield* splitLines(block, line, lines);
}

/**
 * Lines split on "\n" (a CRLF's "\r" taken off) and fields on ",", quoted fields as
 * `wholeQuotedFields` reads them; from the first line it cannot read, papaparse.
 */
function* splitLines(
  block: string,
  line: number,
  lines: QuoteFreeLines,
): Generator<CsvItem, number> {
  let start = 0;
  let next = line;
  for (let quote = block.indexOf('"'); quote !== -1; quote = block.indexOf('"', start)) {
    const quoteLine = block.lastIndexOf("\n", quote) + 1;
    if (quoteLine > start) {
      next = quoteFreeLines(block, start, quoteLine - 1, next, lines);
      yield lines;
    }
    let end = block.indexOf("\n", quoteLine);
    if (end === -1) end = block.length;
    const lineEnd = end > quoteLine && block.charCodeAt(end - 1) === 13 ? end - 1 : end;
    // papaparse reads a "\r" after a closing quote at the very end of the text as an error.
    const fields =
      lineEnd < end && end === block.length ? null : wholeQuotedFields(block, quoteLine, lineEnd);
    if (fields === null) return yield* parseQuoted(block.slice(quoteLine), next);
    yield { kind: "record", fields, line: next++ };
    start = end + 1;
    if (start > block.length) return next;
  }
  next = quoteFreeLines(block, start, block.length, next, lines);
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

function* parseQuoted(block: string, line: number): Generator<CsvItem, number> {
  // Always LF: a CRLF file leaves a "\r" at the end of each line's last field, taken off below,
  // so files whose lines end both ways read alike.
  // papaparse drops a U+FEFF that opens its input; inside a file it is a character like any other
  // (the BOM of the file is gone already), so it is kept, whether or not a block starts with it.
  const input = block.charCodeAt(0) === 0xfeff ? `\uFEFF${block}` : block;
  const results = Papa.parse<string[]>(input, {
    delimiter: ",",
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
