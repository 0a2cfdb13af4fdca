/**
 * kpi's writer of Excel workbooks (.xlsx, SpreadsheetML): sheets of text and number cells with
 * fills, bold heads, borders and number formats, column widths, a frozen header row, an
 * auto-filter, print settings (A4, fit to the page's width, the header row repeated), data
 * validation and sheet protection with chosen cells left unlocked. The comparison that chose it
 * over exceljs and write-excel-file is in docs/decisions.md.
 *
 * Every text is a text cell (a shared string): a text that looks like a formula
 * (`=HYPERLINK(…)`, `+cmd|…`) is never written as one, since no cell is ever given a formula.
 * Characters XML cannot hold are written as SpreadsheetML's `_xHHHH_` escapes, which the reader
 * (src/inputs/workbook.ts) reads back. The same workbook gives the same bytes: no clock is read
 * (every part of the zip is dated 1980-01-01) and the parts are in a fixed order. The zip is made
 * here, its parts deflated by Node's zlib (as the reader inflates them): no library.
 */
import { deflateRawSync } from "node:zlib";
import stringWidth from "string-width";

/** How a cell looks. Cells are locked unless `locked` is false (it matters only on a protected sheet). */
export interface XlsxStyle {
  bold?: boolean;
  /** The font's colour, RRGGBB. */
  color?: string;
  /** A solid fill, RRGGBB. */
  fill?: string;
  /** A thin border on every side (and the text centred between top and bottom, as in a table). */
  border?: boolean;
  /** An Excel number format code: `0.00`, `0%`, `yyyy-mm-dd`. */
  numberFormat?: string;
  wrap?: boolean;
  align?: "left" | "center" | "right";
  /** @default true */
  locked?: boolean;
}

export type XlsxValue = string | number | null;

export interface XlsxCell {
  value: XlsxValue;
  style?: XlsxStyle;
}

export interface XlsxValidation {
  /** The cells, as `H3:H9` (or a space-separated list of ranges). */
  range: string;
  /** A decimal number, or one of a list of words (a drop-down). */
  type: "decimal" | "list";
  /** The words of a list; none of them may hold a comma or a double quote. */
  list?: readonly string[];
  /** Shown when the cell is chosen. */
  prompt?: { title: string; text: string };
  /** Shown when what was typed is refused. */
  error?: { title: string; text: string };
}

export interface XlsxSheet {
  /** At most 31 characters, none of `[]:*?/\`, unique in the workbook (see `sheetNames`). */
  name: string;
  /** From row 1; a null cell is empty. */
  rows: readonly (readonly (XlsxCell | null)[])[];
  /** Each column's width in characters (Excel's unit: the width of a digit). */
  widths?: readonly number[];
  /** Rows' heights in points, by 0-based row (a row left out is as tall as its text). */
  heights?: readonly (number | undefined)[];
  /** Rows frozen at the top (the header, and the rows above it). @default 0 */
  frozenRows?: number;
  /** The rows (1-based, inclusive) an auto-filter covers: the header and the table's rows. */
  autoFilter?: { headerRow: number; lastRow: number; columns: number };
  /** Rows printed at the top of every page. */
  printTitleRows?: { first: number; last: number };
  validations?: readonly XlsxValidation[];
  /** Protect the sheet (no password): only cells styled `locked: false` can be changed. */
  protect?: boolean;
  /** Ranges of merged cells, as `A1:H1`. */
  merges?: readonly string[];
  /** Print across the page (landscape). @default false */
  landscape?: boolean;
}

export interface XlsxWorkbook {
  sheets: readonly XlsxSheet[];
  /** The default font (`等线` for Chinese, `Calibri` otherwise). */
  font: string;
  /** The document's title and author, in its properties. */
  title: string;
  creator: string;
  /** The document's date, `YYYY-MM-DD` (the report's as-of date: never the clock). */
  date: string;
}

/** A sheet name's characters that Excel refuses, and its longest length. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
export const MAX_SHEET_NAME = 31;

/**
 * Sheet names for the names asked for, in order: the forbidden characters `[]:*?/\` replaced by
 * `_`, at most 31 characters (a whole character: never half a surrogate pair), no leading or
 * trailing apostrophe, never empty, and unique (case-insensitively, as Excel compares them): a
 * name already taken gets ` (2)`, ` (3)` … within the 31 characters.
 */
export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((name) => {
    let base = name
      .replace(SHEET_NAME_FORBIDDEN, "_")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing them is the point
      .replace(/[\u0000-\u001f]/g, " ");
    base = base.replace(/^'+|'+$/g, "").trim();
    if (base === "") base = "_";
    const cut = (text: string, length: number) => [...text].slice(0, length).join("").trim();
    let candidate = cut(base, MAX_SHEET_NAME);
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = `${cut(base, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** The width that shows a cell's text: East Asian wide characters count two. */
export function displayWidth(cell: XlsxCell | null): number {
  if (cell === null || cell.value === null) return 0;
  const value =
    typeof cell.value === "number"
      ? cell.style?.numberFormat?.includes("%")
        ? `${(cell.value * 100).toFixed(1)}%`
        : String(Math.round(cell.value * 100) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ",")
      : cell.value;
  return Math.max(0, ...value.split(/\r\n|\r|\n/).map((line) => stringWidth(line)));
}

/**
 * Each column's width: its widest cell plus a margin (a bold head is a little wider), at least 6
 * and at most `maxWidth` characters.
 */
export function fitWidths(
  rows: readonly (readonly (XlsxCell | null)[])[],
  maxWidth: number,
): number[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, index) => {
      const bold = cell?.style?.bold === true ? 1.15 : 1;
      widths[index] = Math.max(widths[index] ?? 0, displayWidth(cell) * bold);
    });
  return widths.map((width) => Math.min(maxWidth, Math.max(6, Math.ceil(width + 2))));
}

/** The height of a line of 11-point text, in points, and the room above and below it. */
const LINE_POINTS = 15;

/**
 * Rows whose text is wider than its column wraps (the columns at `maxWidth`), each as tall as
 * its longest cell's lines: neither Excel nor LibreOffice makes a row taller when it opens a
 * file, so a wrapped cell's row gets its height here (a line of text per column width).
 */
export function wrapRows(
  rows: readonly (readonly (XlsxCell | null)[])[],
  widths: readonly number[],
  maxWidth: number,
): { rows: (XlsxCell | null)[][]; heights: (number | undefined)[] } {
  const heights: (number | undefined)[] = [];
  const wrapped = rows.map((row, rowIndex) => {
    let lines = 1;
    const cells = row.map((cell, column) => {
      const width = widths[column] ?? maxWidth;
      if (cell === null || width < maxWidth) return cell;
      lines = Math.max(lines, Math.ceil(displayWidth(cell) / (width - 1)));
      return { ...cell, style: { ...cell.style, wrap: true } };
    });
    heights[rowIndex] = lines > 1 ? lines * LINE_POINTS + 2 : undefined;
    return cells;
  });
  return { rows: wrapped, heights };
}

/** A column's letters from its 0-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A cell's reference from its 0-based column and 1-based row: (0, 1) → A1. */
export function cellRef(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}

/**
 * Text as XML character data: the five entities, and every character XML 1.0 cannot hold (C0
 * controls but tab and line feed, lone surrogates, U+FFFE/U+FFFF) as `_xHHHH_`; a `_x` that
 * would read as such an escape has its underscore escaped (`_x005F_`), so the text reads back
 * exactly. A carriage return is escaped too, since XML turns it into a line feed.
 */
export function xmlText(text: string): string {
  return text
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping them is the point
      /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      (character) => `_x${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    )
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** The styles of a workbook, each distinct one given its index in `cellXfs`. */
class Styles {
  private readonly fonts = ['<font><sz val="11"/><name val="FONT"/></font>'];
  private readonly fills = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private readonly formats: string[] = [];
  private readonly xfs: string[] = [];
  private readonly byKey = new Map<string, number>();

  constructor(private readonly font: string) {
    this.fonts[0] = `<font><sz val="11"/><name val="${xmlText(font)}"/></font>`;
    this.index({});
  }

  index(style: XlsxStyle): number {
    const key = JSON.stringify([
      style.bold ?? false,
      style.color ?? null,
      style.fill ?? null,
      style.border ?? false,
      style.numberFormat ?? null,
      style.wrap ?? false,
      style.align ?? null,
      style.locked ?? true,
    ]);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const fontXml = `<font>${style.bold ? "<b/>" : ""}<sz val="11"/>${style.color === undefined ? "" : `<color rgb="FF${style.color}"/>`}<name val="${xmlText(this.font)}"/></font>`;
    const fontId = indexIn(this.fonts, fontXml);
    const fillId =
      style.fill === undefined
        ? 0
        : indexIn(
            this.fills,
            `<fill><patternFill patternType="solid"><fgColor rgb="FF${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`,
          );
    const thin = '<color auto="1"/>';
    const borderId = style.border
      ? indexIn(
          this.borders,
          `<border><left style="thin">${thin}</left><right style="thin">${thin}</right><top style="thin">${thin}</top><bottom style="thin">${thin}</bottom><diagonal/></border>`,
        )
      : 0;
    const numFmtId =
      style.numberFormat === undefined ? 0 : 164 + indexIn(this.formats, style.numberFormat);
    const alignment =
      style.wrap || style.align !== undefined || style.border
        ? `<alignment${style.align === undefined ? "" : ` horizontal="${style.align}"`} vertical="center"${style.wrap ? ' wrapText="1"' : ""}/>`
        : "";
    const protection = style.locked === false ? '<protection locked="0"/>' : "";
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${numFmtId > 0 ? ' applyNumberFormat="1"' : ""}${fontId > 0 ? ' applyFont="1"' : ""}${fillId > 0 ? ' applyFill="1"' : ""}${borderId > 0 ? ' applyBorder="1"' : ""}${alignment === "" ? "" : ' applyAlignment="1"'}${protection === "" ? "" : ' applyProtection="1"'}${alignment === "" && protection === "" ? "/>" : `>${alignment}${protection}</xf>`}`;
    const index = this.xfs.push(xf) - 1;
    this.byKey.set(key, index);
    return index;
  }

  xml(): string {
    const numFmts =
      this.formats.length === 0
        ? ""
        : `<numFmts count="${this.formats.length}">${this.formats
            .map(
              (code, index) => `<numFmt numFmtId="${164 + index}" formatCode="${xmlText(code)}"/>`,
            )
            .join("")}</numFmts>`;
    return `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">${numFmts}<fonts count="${this.fonts.length}">${this.fonts.join("")}</fonts><fills count="${this.fills.length}">${this.fills.join("")}</fills><borders count="${this.borders.length}">${this.borders.join("")}</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  }
}

function indexIn(list: string[], item: string): number {
  const index = list.indexOf(item);
  return index === -1 ? list.push(item) - 1 : index;
}

/** The shared strings of a workbook: each distinct text once. */
class SharedStrings {
  private readonly texts: string[] = [];
  private readonly byText = new Map<string, number>();
  count = 0;

  index(text: string): number {
    this.count++;
    const known = this.byText.get(text);
    if (known !== undefined) return known;
    const index = this.texts.push(text) - 1;
    this.byText.set(text, index);
    return index;
  }

  xml(): string {
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.texts.length}">${this.texts
      .map((text) => `<si><t xml:space="preserve">${xmlText(text)}</t></si>`)
      .join("")}</sst>`;
  }
}

/** A number as SpreadsheetML writes it: finite, shortest round-trip form (never `1e+21` junk). */
function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`a workbook cannot hold the number ${value}`);
  return String(Object.is(value, -0) ? 0 : value)
    .replace("e+", "E+")
    .replace("e-", "E-");
}

/** A sheet name quoted for a formula or a defined name: `'总表'!`. */
function quotedSheet(name: string): string {
  return `'${xmlText(name.replaceAll("'", "''"))}'`;
}

function sheetXml(sheet: XlsxSheet, styles: Styles, strings: SharedStrings): string {
  const rows = sheet.rows
    .map((row, rowIndex) => {
      const cells = row
        .map((cell, column) => {
          if (cell === null) return "";
          const ref = cellRef(column, rowIndex + 1);
          const style = cell.style === undefined ? 0 : styles.index(cell.style);
          const s = style === 0 ? "" : ` s="${style}"`;
          if (cell.value === null || cell.value === "")
            return style === 0 ? "" : `<c r="${ref}"${s}/>`;
          if (typeof cell.value === "number")
            return `<c r="${ref}"${s}><v>${numberText(cell.value)}</v></c>`;
          return `<c r="${ref}"${s} t="s"><v>${strings.index(cell.value)}</v></c>`;
        })
        .join("");
      const height = sheet.heights?.[rowIndex];
      const ht = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
      return `<row r="${rowIndex + 1}"${ht}>${cells}</row>`;
    })
    .join("");
  const columns = Math.max(1, ...sheet.rows.map((row) => row.length));
  const last = cellRef(columns - 1, Math.max(1, sheet.rows.length));
  const frozen = sheet.frozenRows ?? 0;
  const view =
    frozen > 0
      ? `<sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView>`
      : '<sheetView workbookViewId="0"/>';
  const widths =
    sheet.widths === undefined || sheet.widths.length === 0
      ? ""
      : `<cols>${sheet.widths
          .map(
            (width, index) =>
              `<col min="${index + 1}" max="${index + 1}" width="${Math.round(width * 100) / 100}" customWidth="1"/>`,
          )
          .join("")}</cols>`;
  const protection =
    sheet.protect === true
      ? '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>'
      : "";
  const filter =
    sheet.autoFilter === undefined
      ? ""
      : `<autoFilter ref="A${sheet.autoFilter.headerRow}:${cellRef(sheet.autoFilter.columns - 1, sheet.autoFilter.lastRow)}"/>`;
  const merges =
    sheet.merges === undefined || sheet.merges.length === 0
      ? ""
      : `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join("")}</mergeCells>`;
  const validations =
    sheet.validations === undefined || sheet.validations.length === 0
      ? ""
      : `<dataValidations count="${sheet.validations.length}">${sheet.validations.map(validationXml).join("")}</dataValidations>`;
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${last}"/><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${widths}<sheetData>${rows}</sheetData>${protection}${filter}${merges}${validations}<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="${sheet.landscape === true ? "landscape" : "portrait"}" fitToWidth="1" fitToHeight="0"/><headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter></worksheet>`;
}

function validationXml(validation: XlsxValidation): string {
  const messages = [
    validation.prompt === undefined
      ? ""
      : ` showInputMessage="1" promptTitle="${xmlText(validation.prompt.title)}" prompt="${xmlText(validation.prompt.text)}"`,
    validation.error === undefined
      ? ""
      : ` showErrorMessage="1" errorStyle="stop" errorTitle="${xmlText(validation.error.title)}" error="${xmlText(validation.error.text)}"`,
  ].join("");
  if (validation.type === "list") {
    const words = validation.list ?? [];
    if (words.some((word) => /[,"]/.test(word)))
      throw new Error("a drop-down's words cannot hold a comma or a double quote");
    return `<dataValidation type="list" allowBlank="1"${messages} sqref="${validation.range}"><formula1>"${xmlText(words.join(","))}"</formula1></dataValidation>`;
  }
  return `<dataValidation type="decimal" allowBlank="1"${messages} sqref="${validation.range}"><formula1>-1E+307</formula1><formula2>1E+307</formula2></dataValidation>`;
}

/** The parts of the workbook's package, in the order they are zipped. */
export function workbookParts(book: XlsxWorkbook): [string, string][] {
  if (book.sheets.length === 0) throw new Error("a workbook needs a sheet");
  const styles = new Styles(book.font);
  const strings = new SharedStrings();
  const sheets = book.sheets.map((sheet) => sheetXml(sheet, styles, strings));
  const names = book.sheets
    .flatMap((sheet, index) => {
      const quoted = quotedSheet(sheet.name);
      const defined: string[] = [];
      if (sheet.autoFilter !== undefined) {
        const { headerRow, lastRow, columns } = sheet.autoFilter;
        const lastColumn = columnLetters(columns - 1);
        defined.push(
          `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${quoted}!$A$${headerRow}:$${lastColumn}$${lastRow}</definedName>`,
        );
      }
      if (sheet.printTitleRows !== undefined)
        defined.push(
          `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${quoted}!$${sheet.printTitleRows.first}:$${sheet.printTitleRows.last}</definedName>`,
        );
      return defined;
    })
    .join("");
  const date = `${book.date}T00:00:00Z`;
  const parts: [string, string][] = [
    [
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${book.sheets
        .map(
          (_, index) =>
            `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join(
          "",
        )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    ],
    [
      "_rels/.rels",
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    ],
    [
      "docProps/core.xml",
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(book.title)}</dc:title><dc:creator>${xmlText(book.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`,
    ],
    [
      "docProps/app.xml",
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>kpi</Application></Properties>`,
    ],
    [
      "xl/workbook.xml",
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>${book.sheets
        .map(
          (sheet, index) =>
            `<sheet name="${xmlText(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 3}"/>`,
        )
        .join(
          "",
        )}</sheets>${names === "" ? "" : `<definedNames>${names}</definedNames>`}</workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>${book.sheets
        .map(
          (_, index) =>
            `<Relationship Id="rId${index + 3}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
        )
        .join("")}</Relationships>`,
    ],
    ...sheets.map((xml, index): [string, string] => [`xl/worksheets/sheet${index + 1}.xml`, xml]),
    ["xl/styles.xml", styles.xml()],
    ["xl/sharedStrings.xml", strings.xml()],
  ];
  return parts;
}

/** The workbook as the bytes of an .xlsx file. */
export function writeXlsx(book: XlsxWorkbook): Uint8Array {
  const encoder = new TextEncoder();
  return zipParts(workbookParts(book).map(([name, text]) => [name, encoder.encode(text)]));
}

/** CRC-32 (IEEE), the zip format's checksum, by a table of the 256 bytes. */
const CRC_TABLE = Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A zip file of the parts, each deflated (Node's zlib) or, with `stored`, as they are, and dated
 * 1980-01-01 00:00, the zip format's first date (its dates are local, so any other would differ
 * by time zone).
 */
export function zipParts(
  parts: readonly [string, Uint8Array][],
  options: { stored?: boolean } = {},
): Uint8Array {
  const method = options.stored === true ? 0 : 8;
  const DOS_DATE = (0 << 9) | (1 << 5) | 1;
  const chunks: Uint8Array[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const packed = method === 0 ? data : deflateRawSync(data, { level: 6 });
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8); // deflate, or stored
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, packed);
    directory.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directoryBytes, end]));
}
