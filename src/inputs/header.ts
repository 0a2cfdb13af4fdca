/**
 * The header row of a table (SPEC 3, v2): the first row, or the first within the first 10 that
 * names the target, date and value columns; the title rows above it (an Excel report's 标题,
 * 填报单位, 单位：万元) are skipped. A pure function of the rows' text, the same for a CSV file
 * (src/inputs/data.ts) and a workbook's sheet; when no header is found, it says what the rows look
 * like instead: another separator, another encoding, full-width commas, a header too far down.
 */
import type { DataColumn } from "../core/problem-codes.js";
import { type CodeAndParams, error, type Place, type Problem } from "../core/problems.js";

/** The columns kpi knows, and the header names (trimmed, case-insensitive) that mean each. */
export const COLUMN_ALIASES = {
  target: ["target", "id", "指标", "编号"],
  date: ["date", "period", "日期"],
  value: ["value", "数值", "值"],
  note: ["note", "备注", "情况说明"],
  base: ["base", "同期", "上年同期"],
  reported: ["reported", "报送日期"],
} as const;

export type Column = keyof typeof COLUMN_ALIASES;
export const REQUIRED_COLUMNS: readonly DataColumn[] = ["target", "date", "value"];
const COLUMNS = Object.keys(COLUMN_ALIASES) as Column[];

/** The header is one of this many rows from the top (rows with no text not counted). */
export const HEADER_SEARCH_ROWS = 10;

/** Where each column is in a header: the required ones always, the others when named. */
export type HeaderColumns = Record<DataColumn, number> & Partial<Record<Column, number>>;

/** A column that is read named twice in one header: its two fields. */
export interface DuplicateColumn {
  column: DataColumn;
  first: number;
  second: number;
}

/** What one row names: the field of each column (the last, for a column named twice). */
export interface NamedColumns {
  columns: Partial<Record<Column, number>>;
  /** Read columns named twice (two notes are harmless: notes are not read). */
  duplicates: DuplicateColumn[];
}

/** The columns a row names, by the aliases; a byte order mark opening a name is not part of it. */
export function namedColumns(fields: readonly string[]): NamedColumns {
  const columns: Partial<Record<Column, number>> = {};
  const duplicates: DuplicateColumn[] = [];
  fields.forEach((field, index) => {
    const column = columnNamed(field);
    if (column === undefined) return;
    const first = columns[column];
    if (first !== undefined && (REQUIRED_COLUMNS as readonly string[]).includes(column))
      duplicates.push({ column: column as DataColumn, first, second: index });
    columns[column] = index;
  });
  return { columns, duplicates };
}

function columnNamed(field: string): Column | undefined {
  const name = field
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();
  if (name === "") return undefined;
  return COLUMNS.find((column) => (COLUMN_ALIASES[column] as readonly string[]).includes(name));
}

/** Whether a row names the target, date and value columns. */
export function namesColumns(fields: readonly string[]): boolean {
  const { columns } = namedColumns(fields);
  return REQUIRED_COLUMNS.every((column) => columns[column] !== undefined);
}

/** A row with no text in any field: a blank line, or what Excel leaves of an empty row. */
export function isBlankRow(fields: readonly string[]): boolean {
  for (const field of fields) if (field.length > 0 && field.trim() !== "") return false;
  return true;
}

/** What the rows look like when none of them is a header. */
export type HeaderLook =
  /** Fields separated by another character: tabs or semicolons in a header that also holds a comma, or `|`. */
  | { kind: "separator"; separator: "tab" | "semicolon" | "pipe" }
  /** `指标，日期，数值` or `invest，2022-01-31，5`: full-width commas between fields. */
  | { kind: "full-width-commas" }
  /** The bytes are another encoding than the one read: UTF-16 without its BOM, GB18030 read as UTF-8. */
  | { kind: "encoding"; encoding: "UTF-16" | "GB18030" };

/** Why no header was found. `row` is the index of the row the problem is about. */
export type NoHeader =
  /** No row has any text. */
  | { kind: "empty" }
  /** Row `row` names the columns, but is not within the first 10 rows with text. */
  | { kind: "too-low"; row: number; rowsAbove: number }
  | { kind: "looks"; row: number; looks: HeaderLook }
  /** Row `row` names some of the columns, the most of any row: the others are missing. */
  | { kind: "missing"; row: number; missing: DataColumn[] }
  /**
   * No row names any column; `encoding` is the one the text was read in when it is not UTF-8
   * (GB18030 for bytes that are not UTF-8): maybe it is yet another.
   */
  | { kind: "none"; row: number; encoding: string | null };

export type HeaderSearch =
  | { found: true; row: number; columns: HeaderColumns; duplicates: DuplicateColumn[] }
  | { found: false; why: NoHeader };

export interface FindHeaderOptions {
  /**
   * What the rows' text was decoded from: "UTF-8", another encoding by name ("GB18030" for bytes
   * that are not UTF-8, or the one --encoding gave), or undefined for text that was never bytes
   * (a workbook's cells). Text read as UTF-8 is looked at as the other encodings it may have been
   * (a GB18030 file whose bytes happen to be valid UTF-8, UTF-16 without its BOM); another
   * encoding is named when no row names any column.
   * @default undefined
   */
  encoding?: string | undefined;
}

/**
 * The header among `rows` (each row's fields as text, from the top of the table): the first of
 * the first HEADER_SEARCH_ROWS rows with text that names the target, date and value columns.
 * Rows with no text are passed over and not counted. Rows past the first 10 with text are
 * looked at only to say, when no header is found, that one of them names the columns: give as
 * many as are at hand (the CSV reader gives the first that names them, if any).
 */
export function findHeader(
  rows: readonly (readonly string[])[],
  options: FindHeaderOptions = {},
): HeaderSearch {
  const candidates: number[] = [];
  for (let row = 0; row < rows.length; row++) {
    const fields = rows[row] as readonly string[];
    if (isBlankRow(fields)) continue;
    const { columns, duplicates } = namedColumns(fields);
    const named = REQUIRED_COLUMNS.every((column) => columns[column] !== undefined);
    if (candidates.length < HEADER_SEARCH_ROWS) {
      if (named) return { found: true, row, columns: columns as HeaderColumns, duplicates };
      candidates.push(row);
    } else if (named)
      return { found: false, why: { kind: "too-low", row, rowsAbove: candidates.length } };
  }
  return { found: false, why: whyNoHeader(rows, candidates, options) };
}

/** What the first rows look like, when none is a header. */
function whyNoHeader(
  rows: readonly (readonly string[])[],
  candidates: readonly number[],
  options: FindHeaderOptions,
): NoHeader {
  if (candidates.length === 0) return { kind: "empty" };
  for (const row of candidates) {
    const looks = lookOf(rows[row] as readonly string[], options.encoding === "UTF-8");
    if (looks !== null) return { kind: "looks", row, looks };
  }
  let best: { row: number; named: DataColumn[] } | null = null;
  for (const row of candidates) {
    const { columns } = namedColumns(rows[row] as readonly string[]);
    const named = REQUIRED_COLUMNS.filter((column) => columns[column] !== undefined);
    if (named.length > (best?.named.length ?? 0)) best = { row, named };
  }
  if (best !== null) {
    const { named } = best;
    const missing = REQUIRED_COLUMNS.filter((column) => !named.includes(column));
    return { kind: "missing", row: best.row, missing };
  }
  const encoding =
    options.encoding === undefined || options.encoding === "UTF-8" ? null : options.encoding;
  return { kind: "none", row: candidates[0] as number, encoding };
}

/** The separators a header may be written with by mistake, and the character of each. */
const OTHER_SEPARATORS = [
  ["tab", "\t"],
  ["semicolon", ";"],
  ["pipe", "|"],
] as const;

/**
 * What a row that is no header looks like, if it looks like a header of another kind; `utf8`:
 * its text was read as UTF-8, and may have been bytes of another encoding.
 */
function lookOf(fields: readonly string[], utf8: boolean): HeaderLook | null {
  // The row's text as it stood, for a row without quotes (what a header is).
  const line = fields.join(",");
  for (const [separator, character] of OTHER_SEPARATORS)
    if (line.includes(character) && namesColumns(line.split(/[,\t;|]/)))
      return { kind: "separator", separator };
  if (line.includes("\uFF0C") && splitsIntoFields(line)) return { kind: "full-width-commas" };
  if (utf8) {
    if (line.includes("\u0000") && namesColumns(line.replaceAll("\u0000", "").split(",")))
      return { kind: "encoding", encoding: "UTF-16" };
    const bytes = new TextEncoder().encode(line);
    for (const [encoding, name] of OTHER_ENCODINGS)
      if (namesColumns(decodeOrEmpty(bytes, encoding).split(",")))
        return { kind: "encoding", encoding: name };
  }
  return null;
}

/** The encodings text read as UTF-8 may have been saved in, by their label and name. */
const OTHER_ENCODINGS = [
  ["gb18030", "GB18030"],
  ["utf-16le", "UTF-16"],
  ["utf-16be", "UTF-16"],
] as const;

/** The bytes in an encoding, or "" when they are not valid in it. */
function decodeOrEmpty(bytes: Uint8Array, encoding: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return "";
  }
}

/**
 * Whether a line of full-width commas holds what look like fields: three or more pieces with
 * text between commas of either width (`land-supply，2022-02-28，210，`, `指标，日期，数值`).
 */
export function splitsIntoFields(line: string): boolean {
  return line.split(/[,\uFF0C]/).filter((piece) => piece.trim() !== "").length >= 3;
}

/**
 * The problems of a header search, on the rows it searched: the one error of a table without a
 * header, placed at the row it is about, or the errors of a header that names a read column
 * twice. `placeOf` gives the place of a row's field (`field` null: the row itself; `row` null:
 * the end of a table with no row of text).
 */
export function headerProblems(
  search: HeaderSearch,
  rows: readonly (readonly string[])[],
  placeOf: (row: number | null, field: number | null) => Place,
): Problem[] {
  if (search.found) {
    const fields = rows[search.row] ?? [];
    return search.duplicates.map(({ column, first, second }) =>
      error(placeOf(search.row, second), "data.duplicate-column", {
        column,
        first: fields[first] ?? "",
        second: fields[second] ?? "",
      }),
    );
  }
  const { why } = search;
  const [code, params] = noHeaderProblem(why);
  return [error(placeOf("row" in why ? why.row : null, null), code, params)];
}

/** The aliases of the required columns, as a problem lists them. */
function requiredNames(columns: readonly DataColumn[]): { column: DataColumn; names: string[] }[] {
  return columns.map((column) => ({ column, names: [...COLUMN_ALIASES[column]] }));
}

function noHeaderProblem(why: NoHeader): CodeAndParams {
  switch (why.kind) {
    case "empty":
      return ["data.no-header", { columns: [...REQUIRED_COLUMNS] }];
    case "too-low":
      return ["data.header-too-low", { rowsAbove: why.rowsAbove, max: HEADER_SEARCH_ROWS }];
    case "looks":
      if (why.looks.kind === "separator")
        return ["data.header-separator", { separator: why.looks.separator }];
      if (why.looks.kind === "full-width-commas") return ["data.full-width-commas", {}];
      return ["data.header-encoding", { encoding: why.looks.encoding }];
    case "missing":
      return ["data.missing-column", { missing: requiredNames(why.missing) }];
    case "none":
      return [
        "data.header-not-found",
        {
          rows: HEADER_SEARCH_ROWS,
          columns: requiredNames(REQUIRED_COLUMNS),
          encoding: why.encoding,
        },
      ];
  }
}
