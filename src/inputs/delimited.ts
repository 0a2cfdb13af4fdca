/**
 * Text → records, with the separator of the file (SPEC 3, v2): commas, unless the header has no
 * comma and names the columns separated by tabs or semicolons (Excel's "Unicode text" is
 * tab-separated). The separator is decided from the first records, before any row is read; a
 * comma-separated file then goes through csv.ts's readers as it is, any other through papaparse
 * with its separator.
 */
import { type CsvItem, csvRecords, MAX_RECORD_LENGTH, parseQuoted } from "./csv.js";
import { findHeader, HEADER_SEARCH_ROWS, isBlankRow, namesColumns } from "./header.js";

export type Separator = "," | "\t" | ";";

/** The separators a header may set besides the comma, in the order they are tried. */
const OTHER_SEPARATORS: readonly Separator[] = ["\t", ";"];

/**
 * The head of a file looked at for its separator is at most this long: far past ten rows of any
 * real table, and short enough to parse three times in no time.
 */
const MAX_HEAD_LENGTH = 1 << 16;

/**
 * The records of a text given in chunks, split at the separator its header sets; returns the
 * number of the last line read, as csvRecords does.
 */
export function* delimitedRecords(chunks: Iterable<string>): Generator<CsvItem, number> {
  const iterator = chunks[Symbol.iterator]();
  let head = "";
  let ended = false;
  while (!ended && !holdsHead(head)) {
    const next = iterator.next();
    if (next.done === true) ended = true;
    else head += next.value;
  }
  const separator = separatorOf(head, ended);
  const rest = replay(head, iterator);
  return separator === "," ? yield* csvRecords(rest) : yield* separatedRecords(rest, separator);
}

/**
 * The head, then the chunks not read yet; ended early (a file that is no data file), it ends the
 * chunks too, so that their file is closed.
 */
function* replay(head: string, rest: Iterator<string>): Generator<string> {
  try {
    if (head !== "") yield head;
    for (let next = rest.next(); next.done !== true; next = rest.next()) yield next.value;
  } finally {
    rest.return?.();
  }
}

/** Whether the head holds enough to decide: eleven lines with text, or the most it may hold. */
function holdsHead(head: string): boolean {
  if (head.length >= MAX_HEAD_LENGTH) return true;
  let lines = 0;
  for (let at = head.indexOf("\n"); at !== -1; at = head.indexOf("\n", at + 1))
    if (++lines > 2 * HEADER_SEARCH_ROWS) return true;
  return false;
}

/**
 * The separator of a file by its head: a comma, unless no row of the head read with commas is a
 * header and one read with tabs (else semicolons) is, and holds no comma.
 */
export function separatorOf(head: string, whole: boolean): Separator {
  // What nearly every file is: a first line that is a comma header, read without a parser.
  const firstLine = /^[^\n]*/.exec(head.replace(/^\s*\n/, ""))?.[0] ?? "";
  if (!firstLine.includes('"') && namesColumns(firstLine.replace(/\r$/, "").split(","))) return ",";
  const text = whole ? head : head.slice(0, head.lastIndexOf("\n") + 1);
  if (findHeader(headRows(text, ",")).found) return ",";
  for (const separator of OTHER_SEPARATORS) {
    const rows = headRows(text, separator);
    const search = findHeader(rows);
    if (search.found && !(rows[search.row] ?? []).some((field) => field.includes(",")))
      return separator;
  }
  return ",";
}

/** The first records of the head, read with a separator (quoting mistakes left out). */
function headRows(text: string, separator: Separator): string[][] {
  const rows: string[][] = [];
  let withText = 0;
  for (const item of parseQuoted(text, 1, separator)) {
    if (item.kind !== "record") continue;
    rows.push([...item.fields]);
    if (!isBlankRow(item.fields) && ++withText === HEADER_SEARCH_ROWS) break;
  }
  return rows;
}

/**
 * The records of a file of another separator: each block of whole records read by papaparse
 * (such files are small, and rare: the direct reading of csv.ts is for commas only).
 */
function* separatedRecords(
  chunks: Iterable<string>,
  separator: Separator,
): Generator<CsvItem, number> {
  let line = 1;
  let pending = "";
  for (const chunk of chunks) {
    const text = pending + chunk;
    const cut = lastRecordEnd(text);
    if (cut === -1) {
      pending = text;
      if (pending.length > MAX_RECORD_LENGTH) {
        yield { kind: "error", line, problem: ["csv.unclosed-quote", {}] };
        return line;
      }
      continue;
    }
    const end = cut > 0 && text.charCodeAt(cut - 1) === 13 ? cut - 1 : cut;
    // An empty block is one blank line, which papaparse reads as no record at all.
    line = end === 0 ? line + 1 : yield* parseQuoted(text.slice(0, end), line, separator);
    pending = text.slice(cut + 1);
  }
  if (pending !== "") line = yield* parseQuoted(pending, line, separator);
  return line - 1;
}

/** The index of the last line break outside quotes in a text that starts at a record's start. */
function lastRecordEnd(text: string): number {
  let quotes = 0;
  let cut = -1;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 34) quotes++;
    else if (code === 10 && quotes % 2 === 0) cut = at;
  }
  return cut;
}
