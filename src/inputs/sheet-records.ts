/**
 * A sheet's rows of cells → records of fields (SPEC 3, v2): what the rows stage (data.ts) reads
 * of a CSV file's records, so that a workbook's rows are read by the same rules. Each cell is the
 * text a CSV field would hold for it: a number its exact decimal (`1200`, `0.30000000000000004`:
 * read back, the same double), a percent-formatted number its shown number and `%` (0.3 is `30%`,
 * which a `%` target reads as 30 and any other refuses), a date-formatted number its calendar
 * date (`2022-03-31`, in the workbook's date system; with its time of day when it has one, which
 * the date column refuses), or its month (`2022-06`) when its format shows no day. What no CSV
 * field can be is a cell mark beside the text: an error value, a formula with no cached result,
 * and a plain number (which in the date column is an error, as a bare number in a CSV is).
 */
import { dayFromCivil, formatDay } from "../core/dates.js";
import type { Cell, SheetRow } from "./workbook.js";

/** What a cell is besides its text, for the columns that read it. */
export type CellMark =
  /** An error value (`#N/A`, `#DIV/0!`): an error in any column read. */
  | { kind: "error"; text: string }
  /** A formula with no cached result: an error in any column read. */
  | { kind: "no-value" }
  /** A number without a date format: an error in the date column (`dateOfNumber` says as what). */
  | { kind: "plain-number"; value: number; date1904: boolean };

/** A sheet's row as the rows stage reads it: fields from column A, and the marks of some. */
export interface SheetRecord {
  readonly kind: "cells";
  readonly fields: readonly string[];
  /** Each field's mark, when any field has one. */
  readonly marks: readonly (CellMark | undefined)[] | null;
  readonly line: number;
}

/**
 * The record of a sheet's row, in a workbook of the given date system: its fields up to the last
 * that holds text or a mark, and never past `maxColumns` (the header's width, once it is found).
 * A cell of no text is no field: the rows stage reads the two alike, and a sheet of empty cells
 * far to the right (`XFD1`, a million times) makes no wide rows.
 */
export function sheetRecord(row: SheetRow, date1904: boolean, maxColumns: number): SheetRecord {
  const texts: { column: number; text: string; mark: CellMark | undefined }[] = [];
  let hasMark = false;
  for (let index = 0; index < row.cells.length; index++) {
    const column = row.columns[index] as number;
    if (column >= maxColumns) break;
    const { text, mark } = cellField(row.cells[index] as Cell, date1904);
    if (mark === undefined && text.trim() === "") continue;
    if (mark !== undefined) hasMark = true;
    texts.push({ column, text, mark });
  }
  const width = texts.length === 0 ? 0 : (texts[texts.length - 1]?.column as number) + 1;
  const fields: string[] = new Array<string>(width).fill("");
  const marks = hasMark ? new Array<CellMark | undefined>(width) : null;
  for (const { column, text, mark } of texts) {
    fields[column] = text;
    if (marks !== null) marks[column] = mark;
  }
  return { kind: "cells", fields, marks, line: row.row };
}

/** A cell as the text of a field, and its mark. */
export function cellField(cell: Cell, date1904: boolean): { text: string; mark?: CellMark } {
  switch (cell.kind) {
    case "text":
      return { text: cell.text };
    case "boolean":
      return { text: cell.value ? "TRUE" : "FALSE" };
    case "error":
      return { text: cell.text, mark: { kind: "error", text: cell.text } };
    case "no-value":
      return { text: "", mark: { kind: "no-value" } };
    case "number": {
      if (cell.format === "date") return { text: serialDate(cell.value, date1904) };
      // A cell that shows a month is that month, as `2022-06` in a CSV is (its last day); one
      // that shows a year alone is what it shows, which no date form is.
      if (cell.format === "month" || cell.format === "year") {
        const date = serialDate(cell.value, date1904);
        if (!/^\d{4}-\d\d-\d\d/.test(date)) return { text: date };
        return { text: cell.format === "month" ? date.slice(0, 7) : `${date.slice(0, 4)}\u5e74` };
      }
      const decimal = decimalText(cell.value);
      if (cell.format === "percent") return { text: `${shiftDecimal(decimal, 2)}%` };
      return { text: decimal, mark: { kind: "plain-number", value: cell.value, date1904 } };
    }
  }
}

/** What a plain number would be as a date cell of its workbook, or null (a fraction, or before day 1). */
export function dateOfNumber(mark: { value: number; date1904: boolean }): string | null {
  const date = serialDate(mark.value, mark.date1904);
  return /^\d{4}-\d\d-\d\d$/.test(date) ? date : null;
}

/** 1899-12-31, day 1 of the 1900 date system (whose day 0 is "1900-01-00"). */
const EPOCH_1900 = dayFromCivil(1899, 12, 31);
/** 1904-01-01, day 0 of the 1904 date system. */
const EPOCH_1904 = dayFromCivil(1904, 1, 1);
/** Excel's day 60 of the 1900 system is 1900-02-29, a day that never was (Lotus 1-2-3's bug). */
const LEAP_BUG_SERIAL = 60;

/**
 * A date cell's serial day number as the text of its date, `YYYY-MM-DD`, with `HH:MM:SS` after
 * it when it has a time of day; in the 1900 system days from 61 on are one fewer than their
 * number (day 60 is written 1900-02-29, which is no calendar date: the rows stage says so).
 * Before either epoch (a negative serial, or day 0 of 1900), the number as it is.
 */
export function serialDate(serial: number, date1904: boolean): string {
  const days = Math.floor(serial);
  // The time to the nearest second, as Excel shows it.
  let seconds = Math.round((serial - days) * 86400);
  let whole = days;
  if (seconds === 86400) {
    whole++;
    seconds = 0;
  }
  if (date1904 ? whole < 0 : whole < 1) return decimalText(serial);
  let date: string;
  if (!date1904 && whole === LEAP_BUG_SERIAL) date = "1900-02-29";
  else {
    const offset = !date1904 && whole > LEAP_BUG_SERIAL ? whole - 1 : whole;
    date = formatDay((date1904 ? EPOCH_1904 : EPOCH_1900) + offset);
  }
  if (seconds === 0) return date;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date} ${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

/**
 * A number as a plain decimal, without an exponent: the shortest text that reads back as the same
 * double (1e-7 is `0.0000001`, 1.5e21 is `1500000000000000000000`).
 */
export function decimalText(value: number): string {
  const text = String(value + 0);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign = "", first = "", rest = "", exponentText = "0"] = match;
  const digits = first + rest;
  const point = 1 + Number(exponentText);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A plain decimal times 10^places, by moving its point: exact, where 0.3 * 100 is not 30. */
export function shiftDecimal(decimal: string, places: number): string {
  const negative = decimal.startsWith("-");
  const unsigned = negative ? decimal.slice(1) : decimal;
  const [whole = "", fraction = ""] = unsigned.split(".");
  const padded = fraction.padEnd(places, "0");
  const integer = (whole + padded.slice(0, places)).replace(/^0+(?=\d)/, "");
  const rest = padded.slice(places).replace(/0+$/, "");
  const text = rest === "" ? integer : `${integer}.${rest}`;
  return negative && text !== "0" ? `-${text}` : text;
}
