/**
 * RFC 4180 records from a stream of text, with the 1-based line each record starts on.
 *
 * The stream is cut into blocks of whole records (at a line break outside quotes). Lines are split
 * directly where that is plain: a line without quotes is fields between commas (nearly every line
 * of a large export, twice as fast as a general parser), and so is a line whose quoted fields are
 * whole fields on the line with no quote inside, like the "1,200" of a number with a thousands
 * separator. From the first line that is anything else, the rest of the block goes to papaparse
 * (the faster of the two maintained parsers measured on a million rows), which stays the
 * reference: test/csv.test.ts holds the direct reading to it.
 */
import Papa from "papaparse";

/** A quoting mistake, on the line of the record it spoiled. */
export interface CsvSyntaxError {
  line: number;
  message: string;
}

export interface CsvHandlers {
  record: (fields: string[], line: number) => void;
  /**
   * A record of a quote-free line, as `text` from `start` to `end` (its line break excluded):
   * its fields are what lies between commas. When given, it is called instead of `record` for
   * those records, so that a reader can pick out the fields it needs without splitting the line.
   */
  plainRecord?: (text: string, start: number, end: number, line: number) => void;
  syntaxError: (error: CsvSyntaxError) => void;
}

/** A record longer than this is taken for an unclosed quote (it would swallow the file). */
export const MAX_RECORD_LENGTH = 1 << 20;

/** Parse the text chunks; resolves to the number of the last line read. */
export async function parseCsv(
  chunks: AsyncIterable<string>,
  handlers: CsvHandlers,
): Promise<number> {
  let line = 1;
  let pending = "";
  for await (const chunk of chunks) {
    const text = pending + chunk;
    const cut = lastRecordEnd(text);
    if (cut === -1) {
      pending = text;
      if (pending.length > MAX_RECORD_LENGTH) {
        handlers.syntaxError({ line, message: UNCLOSED_QUOTE });
        return line;
      }
      continue;
    }
    // Without the block's last line break, "\r\n" included: a quote then "\r" at the very end
    // of a block would look like text after a closing quote.
    line = parseBlock(
      text.slice(0, cut > 0 && text.charCodeAt(cut - 1) === 13 ? cut - 1 : cut),
      line,
      handlers,
    );
    pending = text.slice(cut + 1);
  }
  if (pending !== "") line = parseBlock(pending, line, handlers);
  return line - 1;
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
 * Parse a block of whole records (without its final line break) that starts on line `line`;
 * returns the line after it. `general` forces papaparse, for tests that compare the two paths.
 */
export function parseBlock(
  block: string,
  line: number,
  handlers: CsvHandlers,
  general = false,
): number {
  return general ? parseQuoted(block, line, handlers) : splitLines(block, line, handlers);
}

/**
 * Lines split on "\n" (a CRLF's "\r" taken off) and fields on ",", quoted fields as
 * `wholeQuotedFields` reads them; from the first line it cannot read, papaparse.
 */
function splitLines(block: string, line: number, handlers: CsvHandlers): number {
  let start = 0;
  let next = line;
  for (let quote = block.indexOf('"'); quote !== -1; quote = block.indexOf('"', start)) {
    const quoteLine = block.lastIndexOf("\n", quote) + 1;
    if (quoteLine > start) next = splitPlainLines(block, start, quoteLine - 1, next, handlers);
    let end = block.indexOf("\n", quoteLine);
    if (end === -1) end = block.length;
    const lineEnd = end > quoteLine && block.charCodeAt(end - 1) === 13 ? end - 1 : end;
    // papaparse reads a "\r" after a closing quote at the very end of the text as an error.
    const fields =
      lineEnd < end && end === block.length ? null : wholeQuotedFields(block, quoteLine, lineEnd);
    if (fields === null) return parseQuoted(block.slice(quoteLine), next, handlers);
    handlers.record(fields, next++);
    start = end + 1;
    if (start > block.length) return next;
  }
  return splitPlainLines(block, start, block.length, next, handlers);
}

/**
 * The quote-free lines of `block` from `from` to `to` (the end of the block or a line break), the
 * first on line `line`; returns the line after them.
 */
function splitPlainLines(
  block: string,
  from: number,
  to: number,
  line: number,
  handlers: CsvHandlers,
): number {
  let start = from;
  let next = line;
  while (start <= to) {
    let end = block.indexOf("\n", start);
    if (end === -1 || end > to) end = to;
    const lineEnd = end > start && block.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (handlers.plainRecord) handlers.plainRecord(block, start, lineEnd, next);
    else handlers.record(block.slice(start, lineEnd).split(","), next);
    next++;
    start = end + 1;
  }
  return next;
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

function parseQuoted(block: string, line: number, handlers: CsvHandlers): number {
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
  const errorRows = new Map<number, string>();
  for (const error of results.errors) errorRows.set(error.row ?? 0, describe(error.code));
  let next = line;
  for (let index = 0; index < results.data.length; index++) {
    const fields = results.data[index] as string[];
    const last = fields.length - 1;
    const lastField = fields[last];
    if (lastField?.endsWith("\r")) fields[last] = lastField.slice(0, -1);
    const error = errorRows.get(index);
    if (error !== undefined) handlers.syntaxError({ line: next, message: error });
    else handlers.record(fields, next);
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

const UNCLOSED_QUOTE = 'a quoted field is not closed: a field that starts with " must end with "';

function describe(code: string): string {
  switch (code) {
    case "MissingQuotes":
      return UNCLOSED_QUOTE;
    case "InvalidQuotes":
      return 'a closing quote is followed by something other than a comma or the end of the line (write "" for a quote inside a quoted field)';
    default:
      return `the CSV cannot be read (${code})`;
  }
}
