/**
 * Bytes → sheets → rows of cells: the reader of Excel workbooks (`.xlsx`, Office Open XML), a
 * pure function of a file's bytes (SPEC 3, v2). kpi's own, on Node's zlib: the comparison that
 * chose it over the libraries is in docs/decisions.md.
 *
 * What it reads of the package: the zip's central directory; the workbook's sheets, their names
 * and order, and its date system (`date1904`); the shared strings; the styles' number formats
 * (what makes a number a date or a percent); and each sheet's cells, row by row as they are asked
 * for. Everything else (charts, pictures, comments, formulas' text) is left alone.
 *
 * Hostile input is refused with a WorkbookError, never with a stack trace nor unbounded memory or
 * time: a part that inflates past MAX_PART_BYTES (a zip bomb), or parts past MAX_TOTAL_BYTES
 * together; a DTD (no entity is ever defined, so none can be expanded: billion laughs); an entity
 * other than XML's five and character references; a corrupt zip or truncated XML; a cell
 * reference past Excel's grid.
 */
import { inflateRawSync } from "node:zlib";

/** One part (a sheet's XML, the shared strings) may inflate to this many bytes: far past a real sheet. */
export const MAX_PART_BYTES = 256 << 20;
/** All parts read of one workbook, inflated together. */
export const MAX_TOTAL_BYTES = 512 << 20;
/** Excel's grid: 16,384 columns (XFD), 1,048,576 rows. */
export const MAX_COLUMNS = 16384;
export const MAX_ROWS = 1048576;

/** Why a workbook cannot be read. */
export type WorkbookFault =
  /** Not a zip file; `cfb`: an OLE2 compound file (a legacy .xls, or an encrypted workbook). */
  | { kind: "not-zip"; cfb: boolean }
  /** A zip, but not a workbook: no xl/workbook.xml (or what the package names instead). */
  | { kind: "not-workbook" }
  /** The zip's structure is broken, or a part does not inflate. */
  | { kind: "corrupt-zip"; part: string | null }
  /** A part is encrypted, or compressed by a method other than deflate. */
  | { kind: "unsupported-zip"; part: string }
  /** A part inflates past the limit: a zip bomb, or a sheet far past any real one. */
  | { kind: "too-large"; part: string; maxBytes: number }
  /** A part's XML is malformed or truncated. */
  | { kind: "bad-xml"; part: string }
  /** A part's XML declares a DTD, which no workbook has (entities are never expanded). */
  | { kind: "dtd"; part: string }
  /** An entity other than XML's five (`&lt;`…) and character references. */
  | { kind: "entity"; part: string; entity: string }
  /** A cell reference that is not one, or past Excel's grid; `ref` as written. */
  | { kind: "bad-cell"; part: string; ref: string }
  /** A shared string index past the shared strings. */
  | { kind: "bad-string"; part: string; ref: string };

export class WorkbookError extends Error {
  constructor(
    readonly fault: WorkbookFault,
    /** The sheet and cell where it was found, when it is in a sheet's cells. */
    readonly at: { sheet: string; row: number; column: number } | null = null,
  ) {
    super(fault.kind);
  }
}

/**
 * How a cell's number is shown, by its number format: the one difference kpi reads. A date shows
 * a day; a month a year and a month, but no day (`yyyy"年"m"月"`: Excel's way of typing 2022年6月,
 * stored as the month's first day); a year a year alone.
 */
export type NumberFormat = "plain" | "date" | "month" | "year" | "percent";

/** A cell, as the sheet holds it. */
export type Cell =
  | { kind: "number"; value: number; format: NumberFormat }
  | { kind: "text"; text: string }
  | { kind: "boolean"; value: boolean }
  /** An error value, `#N/A`, `#DIV/0!`… (a formula's cached result, or typed). */
  | { kind: "error"; text: string }
  /** A formula with no cached result: the file was saved without calculating it. */
  | { kind: "no-value" };

/** One row of a sheet: its 1-based number, and its cells by 0-based column, in column order. */
export interface SheetRow {
  row: number;
  columns: number[];
  cells: Cell[];
}

export interface Sheet {
  name: string;
  /** False for a chart sheet or another kind that holds no cells. */
  hasCells: boolean;
  /** The rows, parsed as they are asked for; `maxColumns`: cells past it are left out. */
  rows(maxColumns?: number): Generator<SheetRow>;
}

export interface Workbook {
  /** The 1904 date system (old Mac Excel): day 0 is 1904-01-01, not 1899-12-31. */
  date1904: boolean;
  sheets: Sheet[];
}

// ── The zip ─────────────────────────────────────────────────────────────────────────────────

interface ZipEntry {
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes begin as a zip file does (an .xlsx, or one renamed .xls). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isCfb(bytes: Uint8Array): boolean {
  return CFB_MAGIC.every((byte, index) => bytes[index] === byte);
}

/** The entries of a zip file's central directory, by name. */
function zipEntries(bytes: Buffer): Map<string, ZipEntry> {
  if (!isZip(bytes)) throw new WorkbookError({ kind: "not-zip", cfb: isCfb(bytes) });
  const corrupt = () => new WorkbookError({ kind: "corrupt-zip", part: null });
  // The end of central directory record: 22 bytes and a comment of at most 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--)
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  if (end === -1) throw corrupt();
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (directoryOffset + directorySize > end) throw corrupt();
  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== 0x02014b50) throw corrupt();
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > end) throw corrupt();
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    entries.set(name.toLowerCase(), {
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
    });
    at = next;
  }
  return entries;
}

/** How much a workbook's parts may inflate to: one part, and all of them together. */
export interface WorkbookLimits {
  partBytes: number;
  totalBytes: number;
}

const LIMITS: WorkbookLimits = { partBytes: MAX_PART_BYTES, totalBytes: MAX_TOTAL_BYTES };

/** Reads the parts of one zip, counting what they inflate to against the limits. */
class Package {
  private readonly entries: Map<string, ZipEntry>;
  private inflated = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly limits: WorkbookLimits,
  ) {
    this.entries = zipEntries(bytes);
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** A part's bytes, inflated; null when the package has no such part. */
  part(name: string): Buffer | null {
    const entry = this.entries.get(name.toLowerCase());
    if (entry === undefined) return null;
    const { bytes } = this;
    const at = entry.offset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50)
      throw new WorkbookError({ kind: "corrupt-zip", part: name });
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const stop = start + entry.compressedSize;
    if (stop > bytes.length) throw new WorkbookError({ kind: "corrupt-zip", part: name });
    if ((entry.flags & 1) !== 0 || (entry.method !== 0 && entry.method !== 8))
      throw new WorkbookError({ kind: "unsupported-zip", part: name });
    const { partBytes, totalBytes } = this.limits;
    const limit = Math.min(partBytes, totalBytes - this.inflated);
    const tooLarge = () => new WorkbookError({ kind: "too-large", part: name, maxBytes: limit });
    // The size the directory declares is checked first, the size inflated always (it may lie).
    if (entry.size > limit) throw tooLarge();
    let data: Buffer;
    if (entry.method === 0) data = bytes.subarray(start, stop);
    else {
      try {
        data = inflateRawSync(bytes.subarray(start, stop), { maxOutputLength: Math.max(1, limit) });
      } catch (cause) {
        if ((cause as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge();
        throw new WorkbookError({ kind: "corrupt-zip", part: name });
      }
    }
    if (data.length > limit) throw tooLarge();
    this.inflated += data.length;
    return data;
  }

  text(name: string): string | null {
    const data = this.part(name);
    if (data === null) return null;
    return data.toString("utf8");
  }
}

// ── XML ─────────────────────────────────────────────────────────────────────────────────────

const ENTITY = /&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;
const NAMED: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

/** XML text with its references resolved: XML's five entities and character references only. */
function unescapeXml(text: string, part: string): string {
  if (!text.includes("&")) return text;
  const resolved = text.replace(ENTITY, (whole, name: string) => {
    if (name.charCodeAt(0) === 35) {
      const code = name.charCodeAt(1) === 120 ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      if (!(code >= 0 && code <= 0x10ffff))
        throw new WorkbookError({ kind: "entity", part, entity: whole });
      return String.fromCodePoint(code);
    }
    const named = NAMED[name];
    if (named === undefined) throw new WorkbookError({ kind: "entity", part, entity: whole });
    return named;
  });
  // A bare `&` (no name, no `;`) is no XML.
  let ampersands = 0;
  for (let at = text.indexOf("&"); at !== -1; at = text.indexOf("&", at + 1)) ampersands++;
  const references = text.match(ENTITY)?.length ?? 0;
  if (ampersands !== references) throw new WorkbookError({ kind: "bad-xml", part });
  return resolved;
}

/** `_x000D_` and the like: the escapes of characters XML cannot hold, in OOXML strings. */
function unescapeOoxml(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/**
 * The tags of an XML text in document order, one at a time (the fields of the scanner are the
 * current tag's), checked to nest right: a truncated part fails at its end. A DTD fails at once.
 * Text between tags is read by the caller from the tags' positions.
 */
class XmlScanner {
  /** The tag's local name (`x:row` is `row`). */
  name = "";
  close = false;
  selfClosing = false;
  /** Where the tag starts and ends (past its `>`), and where its attributes are. */
  start = 0;
  end = 0;
  attributesStart = 0;
  attributesEnd = 0;
  private at = 0;
  private readonly open: string[] = [];
  private seenRoot = false;

  constructor(
    readonly xml: string,
    readonly part: string,
  ) {}

  private bad(): WorkbookError {
    return new WorkbookError({ kind: "bad-xml", part: this.part });
  }

  /** The next tag; false at the end of the text (checked to be the end of the root element). */
  next(): boolean {
    const { xml } = this;
    for (;;) {
      const lt = xml.indexOf("<", this.at);
      if (lt === -1) {
        if (this.open.length > 0 || !this.seenRoot || xml.slice(this.at).trim() !== "")
          throw this.bad();
        return false;
      }
      if (this.open.length === 0 && lt > this.at && xml.slice(this.at, lt).trim() !== "")
        throw this.bad();
      const first = xml.charCodeAt(lt + 1);
      if (first === 33 /* ! */) {
        if (xml.startsWith("<!--", lt)) this.at = this.skipTo("-->", lt + 4);
        else if (xml.startsWith("<![CDATA[", lt)) {
          if (this.open.length === 0) throw this.bad();
          this.at = this.skipTo("]]>", lt + 9);
        } else throw new WorkbookError({ kind: "dtd", part: this.part });
        continue;
      }
      if (first === 63 /* ? */) {
        this.at = this.skipTo("?>", lt + 2);
        continue;
      }
      this.start = lt;
      this.close = first === 47; /* / */
      let at = this.close ? lt + 2 : lt + 1;
      const nameStart = at;
      let colon = -1;
      for (; at < xml.length; at++) {
        const code = xml.charCodeAt(at);
        if (code === 58) colon = at;
        else if (
          code === 62 ||
          code === 47 ||
          code === 32 ||
          code === 9 ||
          code === 10 ||
          code === 13
        )
          break;
      }
      if (at === nameStart || at >= xml.length) throw this.bad();
      this.name = xml.slice(colon === -1 ? nameStart : colon + 1, at);
      this.attributesStart = at;
      // The tag's end: the first `>` outside quoted attribute values.
      let quote = 0;
      for (; at < xml.length; at++) {
        const code = xml.charCodeAt(at);
        if (quote !== 0) {
          if (code === quote) quote = 0;
        } else if (code === 34 || code === 39) quote = code;
        else if (code === 62) break;
        else if (code === 60) throw this.bad();
      }
      if (at >= xml.length) throw this.bad();
      this.selfClosing = !this.close && xml.charCodeAt(at - 1) === 47;
      this.attributesEnd = this.selfClosing ? at - 1 : at;
      this.end = at + 1;
      this.at = this.end;
      if (this.close) {
        if (this.open.pop() !== this.name) throw this.bad();
      } else {
        if (this.open.length === 0 && this.seenRoot) throw this.bad();
        this.seenRoot = true;
        if (!this.selfClosing) this.open.push(this.name);
      }
      return true;
    }
  }

  private skipTo(end: string, from: number): number {
    const at = this.xml.indexOf(end, from);
    if (at === -1) throw this.bad();
    return at + end.length;
  }

  /** The value of the current tag's attribute of this local name (`r:id` is `id`), or undefined. */
  attribute(name: string): string | undefined {
    this.scanAttributes(name, null);
    return this.found;
  }

  /** A cell's `r`, `t` and `s`, read in one pass over its attributes. */
  cellAttributes(cell: { r: string | undefined; t: string | undefined; s: string | undefined }) {
    cell.r = undefined;
    cell.t = undefined;
    cell.s = undefined;
    this.scanAttributes(null, cell);
  }

  private found: string | undefined;

  /**
   * The attributes of the current tag: the one named `name` into `found`, or those of a cell into
   * `cell`.
   */
  private scanAttributes(
    name: string | null,
    cell: { r: string | undefined; t: string | undefined; s: string | undefined } | null,
  ): void {
    this.found = undefined;
    const { xml } = this;
    let at = this.attributesStart;
    const end = this.attributesEnd;
    while (at < end) {
      while (at < end && xml.charCodeAt(at) <= 32) at++;
      if (at >= end) break;
      const nameStart = at;
      let colon = -1;
      while (at < end) {
        const code = xml.charCodeAt(at);
        if (code === 61 || code <= 32) break;
        if (code === 58) colon = at;
        at++;
      }
      const nameEnd = at;
      while (at < end && xml.charCodeAt(at) <= 32) at++;
      if (xml.charCodeAt(at) !== 61) throw this.bad();
      at++;
      while (at < end && xml.charCodeAt(at) <= 32) at++;
      const quote = xml.charCodeAt(at);
      if (quote !== 34 && quote !== 39) throw this.bad();
      const valueEnd = xml.indexOf(quote === 34 ? '"' : "'", at + 1);
      if (valueEnd === -1 || valueEnd >= end) throw this.bad();
      const local = colon === -1 ? nameStart : colon + 1;
      if (cell !== null) {
        if (nameEnd - local === 1) {
          const letter = xml.charCodeAt(local);
          const value = xml.slice(at + 1, valueEnd);
          if (letter === 114 /* r */) cell.r = value;
          else if (letter === 116 /* t */) cell.t = value;
          else if (letter === 115 /* s */) cell.s = value;
        }
      } else if (name !== null && nameEnd - local === name.length && xml.startsWith(name, local)) {
        this.found = unescapeXml(xml.slice(at + 1, valueEnd), this.part);
        return;
      }
      at = valueEnd + 1;
    }
  }

  /** The text from a position to the current tag's start: character data and CDATA, comments left out. */
  textFrom(start: number): string {
    const raw = this.xml.slice(start, this.start);
    if (!raw.includes("<")) return unescapeXml(raw, this.part);
    let text = "";
    const pattern = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->/g;
    let last = 0;
    for (let match = pattern.exec(raw); match !== null; match = pattern.exec(raw)) {
      text += unescapeXml(raw.slice(last, match.index), this.part) + (match[1] ?? "");
      last = pattern.lastIndex;
    }
    return text + unescapeXml(raw.slice(last), this.part);
  }
}

// ── The package's parts ─────────────────────────────────────────────────────────────────────

/** A relationships part: each relationship's type (its last word) and target, by id. */
function relationships(pkg: Package, name: string): Map<string, { type: string; target: string }> {
  const xml = pkg.text(name);
  const found = new Map<string, { type: string; target: string }>();
  if (xml === null) return found;
  for (const tag = new XmlScanner(xml, name); tag.next(); ) {
    if (tag.close || tag.name !== "Relationship") continue;
    const id = tag.attribute("Id");
    const target = tag.attribute("Target");
    if (id === undefined || target === undefined) continue;
    const type = (tag.attribute("Type") ?? "").replace(/^.*\//, "");
    if (tag.attribute("TargetMode") === "External") continue;
    found.set(id, { type, target });
  }
  return found;
}

/** A relationship's target as a part name: relative to the folder of its source part. */
function resolvePart(source: string, target: string): string {
  const path = target.startsWith("/")
    ? target.slice(1)
    : `${source.slice(0, source.lastIndexOf("/") + 1)}${target}`;
  const parts: string[] = [];
  for (const piece of path.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

/** The shared strings: each `<si>`'s text, its runs joined, phonetic runs (`<rPh>`) left out. */
function sharedStrings(pkg: Package, name: string | null): string[] {
  const xml = name === null ? null : pkg.text(name);
  const strings: string[] = [];
  if (xml === null || name === null) return strings;
  let current: string | null = null;
  let phonetic = 0;
  let textStart = -1;
  for (const tag = new XmlScanner(xml, name); tag.next(); ) {
    if (tag.name === "si") {
      if (tag.close) {
        strings.push(unescapeOoxml(current ?? ""));
        current = null;
      } else if (tag.selfClosing) strings.push("");
      else current = "";
    } else if (tag.name === "rPh") {
      if (!tag.selfClosing) phonetic += tag.close ? -1 : 1;
    } else if (tag.name === "t" && current !== null && phonetic === 0) {
      if (tag.close && textStart !== -1) {
        current += tag.textFrom(textStart);
        textStart = -1;
      } else if (!tag.close && !tag.selfClosing) textStart = tag.end;
    }
  }
  return strings;
}

/**
 * Number formats that Excel builds in, by id, that show a date or a time (locales' included);
 * 17 is `mmm-yy`, a month. (27, 36, 50, 52 and 57 show a month in Chinese Excel but a day in
 * Japanese, Korean and Taiwanese: a file does not say which, so they stay dates.)
 */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52,
  53, 54, 55, 56, 57, 58,
]);
const BUILT_IN_MONTHS = new Set([17]);
const BUILT_IN_PERCENTS = new Set([9, 10]);

/**
 * What a number format code shows, by its first section: a date when it has a date or time
 * token (y m d h s, e for an era year), a percent when it has a `%`,
 * outside quoted text, escaped characters and brackets (a colour, a condition, a locale).
 * `[h]:mm`, an elapsed time, is no date; General is plain.
 */
export function formatKind(code: string): NumberFormat {
  const section = splitSections(code)[0] ?? "";
  const bare = section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/_.|\*./g, "");
  // `[h]:mm` is an elapsed time, no date; `[Red]`, `[$-804]`, `[>=100]` are no tokens.
  if (/\[(?:h+|m+|s+)\]/i.test(bare)) return "plain";
  const outside = bare
    .replace(/\[[^\]]*\]/g, "")
    .replace(/general/gi, "")
    .replace(/E[+-]/gi, "");
  if (outside.includes("%")) return "percent";
  if (!/[ymdhse]/i.test(outside)) return "plain";
  // No day and no time of day: a month (m with y), or a year alone.
  if (/[dhs]/i.test(outside)) return "date";
  return /m/i.test(outside) ? "month" : "year";
}

/** The sections of a format code, split at `;` outside quotes. */
function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (let at = 0; at < code.length; at++) {
    const character = code.charAt(at);
    if (character === '"') quoted = !quoted;
    if (character === "\\" && !quoted) {
      current += code.slice(at, at + 2);
      at++;
      continue;
    }
    if (character === ";" && !quoted) {
      sections.push(current);
      current = "";
    } else current += character;
  }
  sections.push(current);
  return sections;
}

/** Each cell style's (`cellXfs`) number format kind, by the style's index. */
function cellFormats(pkg: Package, name: string | null): NumberFormat[] {
  const xml = name === null ? null : pkg.text(name);
  if (xml === null || name === null) return [];
  const codes = new Map<number, string>();
  const formats: NumberFormat[] = [];
  let inCellXfs = false;
  for (const tag = new XmlScanner(xml, name); tag.next(); ) {
    if (tag.name === "numFmt" && !tag.close) {
      codes.set(Number(tag.attribute("numFmtId")), tag.attribute("formatCode") ?? "");
    } else if (tag.name === "cellXfs") inCellXfs = !tag.close && !tag.selfClosing;
    else if (tag.name === "xf" && inCellXfs && !tag.close) {
      const id = Number(tag.attribute("numFmtId") ?? 0);
      const code = codes.get(id);
      formats.push(
        code !== undefined
          ? formatKind(code)
          : BUILT_IN_DATES.has(id)
            ? "date"
            : BUILT_IN_MONTHS.has(id)
              ? "month"
              : BUILT_IN_PERCENTS.has(id)
                ? "percent"
                : "plain",
      );
    }
  }
  return formats;
}

// ── The workbook ────────────────────────────────────────────────────────────────────────────

/**
 * Open a workbook from its bytes: its parts are read as far as the list of its sheets; each
 * sheet's cells are read when its rows are asked for.
 */
export function openWorkbook(bytes: Uint8Array, limits: WorkbookLimits = LIMITS): Workbook {
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pkg = new Package(buffer, limits);
  const root = relationships(pkg, "_rels/.rels");
  const office = [...root.values()].find((rel) => rel.type === "officeDocument");
  const workbookPart = office === undefined ? "xl/workbook.xml" : resolvePart("", office.target);
  const xml = pkg.text(workbookPart);
  if (xml === null) throw new WorkbookError({ kind: "not-workbook" });
  const relsPart = resolvePart(
    workbookPart,
    `_rels/${workbookPart.slice(workbookPart.lastIndexOf("/") + 1)}.rels`,
  );
  const rels = relationships(pkg, relsPart);
  const partOfType = (type: string) => {
    const rel = [...rels.values()].find((candidate) => candidate.type === type);
    return rel === undefined ? null : resolvePart(workbookPart, rel.target);
  };
  let date1904 = false;
  const listed: { name: string; part: string | null; type: string }[] = [];
  for (const tag = new XmlScanner(xml, workbookPart); tag.next(); ) {
    if (tag.close) continue;
    if (tag.name === "workbookPr") {
      const value = tag.attribute("date1904");
      date1904 = value === "1" || value === "true";
    } else if (tag.name === "sheet") {
      const rel = rels.get(tag.attribute("id") ?? "");
      listed.push({
        name: tag.attribute("name") ?? "",
        part: rel === undefined ? null : resolvePart(workbookPart, rel.target),
        type: rel?.type ?? "",
      });
    }
  }
  let strings: string[] | null = null;
  let formats: NumberFormat[] | null = null;
  const sheets = listed.map(({ name, part, type }): Sheet => {
    // A chart sheet, a dialog sheet, a macro sheet: no cells kpi reads.
    const hasCells = type === "worksheet";
    return {
      name,
      hasCells,
      rows(maxColumns = MAX_COLUMNS) {
        if (!hasCells) return noRows();
        if (part === null || !pkg.has(part))
          throw new WorkbookError({ kind: "corrupt-zip", part: part ?? workbookPart });
        // Read once, for the first sheet read: a workbook of no sheet with cells needs neither.
        strings ??= sharedStrings(pkg, partOfType("sharedStrings"));
        formats ??= cellFormats(pkg, partOfType("styles"));
        return sheetRows(pkg, part as string, name, strings, formats, maxColumns);
      },
    };
  });
  return { date1904, sheets };
}

function* noRows(): Generator<SheetRow> {}

const CELL_REF = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;

/** A column's 0-based index from its letters (`A` 0, `AA` 26), or -1 past XFD. */
export function columnIndex(letters: string): number {
  let index = 0;
  for (let at = 0; at < letters.length; at++) index = index * 26 + (letters.charCodeAt(at) - 64);
  return index <= MAX_COLUMNS ? index - 1 : -1;
}

/** A column's letters from its 0-based index. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * A sheet's rows, parsed from its XML as they are asked for: `<row>` by `<row>`, each `<c>` with
 * its type (`t`), style (`s`), value (`<v>`), inline string (`<is>`) and formula (`<f>`).
 */
function* sheetRows(
  pkg: Package,
  part: string,
  sheet: string,
  strings: readonly string[],
  formats: readonly NumberFormat[],
  maxColumns: number,
): Generator<SheetRow> {
  const xml = pkg.text(part);
  if (xml === null) return;
  let rowNumber = 0;
  let row: SheetRow | null = null;
  let column = -1;
  // The cell being read.
  let cellRef = "";
  let type = "n";
  let style = 0;
  let hasFormula = false;
  let value: string | null = null;
  let inline: string | null = null;
  let textStart = -1;
  let inInline = false;
  let phonetic = 0;
  let inSheetData = false;
  const attributes: { r: string | undefined; t: string | undefined; s: string | undefined } = {
    r: undefined,
    t: undefined,
    s: undefined,
  };
  const fault = (kind: "bad-cell" | "bad-string", ref: string) =>
    new WorkbookError({ kind, part, ref }, { sheet, row: rowNumber, column: Math.max(0, column) });
  for (const tag = new XmlScanner(xml, part); tag.next(); ) {
    const { name } = tag;
    if (name === "sheetData") {
      inSheetData = !tag.close && !tag.selfClosing;
      continue;
    }
    if (!inSheetData) continue;
    if (name === "row") {
      if (tag.close) {
        if (row !== null && row.cells.length > 0) yield row;
        row = null;
        continue;
      }
      const r = tag.attribute("r");
      const next = r === undefined ? rowNumber + 1 : Number(r);
      if (!Number.isInteger(next) || next <= rowNumber || next > MAX_ROWS)
        throw fault("bad-cell", r ?? String(next));
      rowNumber = next;
      column = -1;
      row = { row: rowNumber, columns: [], cells: [] };
      if (tag.selfClosing) row = null;
    } else if (name === "c") {
      if (row === null) throw new WorkbookError({ kind: "bad-xml", part });
      if (!tag.close) {
        tag.cellAttributes(attributes);
        const ref = attributes.r;
        if (ref === undefined) column++;
        else {
          const match = CELL_REF.exec(ref);
          const index = match === null ? -1 : columnIndex(match[1] as string);
          if (match === null || index === -1 || Number(match[2]) !== rowNumber || index <= column)
            throw fault("bad-cell", ref);
          column = index;
        }
        if (column >= MAX_COLUMNS) throw fault("bad-cell", ref ?? columnLetters(column));
        cellRef = ref ?? `${columnLetters(column)}${rowNumber}`;
        type = attributes.t ?? "n";
        style = attributes.s === undefined ? 0 : Number(attributes.s);
        hasFormula = false;
        value = null;
        inline = null;
        if (!tag.selfClosing) continue;
      }
      // The cell ends: what it holds.
      if (column >= maxColumns) continue;
      const cell = cellOf();
      if (cell !== null) {
        row.columns.push(column);
        row.cells.push(cell);
      }
    } else if (name === "f") {
      hasFormula = true;
    } else if (name === "v") {
      if (tag.close) {
        value = textStart === -1 ? "" : tag.textFrom(textStart);
        textStart = -1;
      } else if (tag.selfClosing) value = "";
      else textStart = tag.end;
    } else if (name === "is") {
      inInline = !tag.close && !tag.selfClosing;
      if (!tag.close) inline = "";
    } else if (name === "rPh") {
      if (!tag.selfClosing) phonetic += tag.close ? -1 : 1;
    } else if (name === "t" && inInline && phonetic === 0) {
      if (tag.close && textStart !== -1) {
        inline = (inline ?? "") + tag.textFrom(textStart);
        textStart = -1;
      } else if (!tag.close && !tag.selfClosing) textStart = tag.end;
    }
  }

  function cellOf(): Cell | null {
    switch (type) {
      case "s": {
        if (value === null) return null;
        const index = Number(value);
        const text = strings[index];
        if (!Number.isInteger(index) || text === undefined) throw fault("bad-string", cellRef);
        return { kind: "text", text };
      }
      case "inlineStr":
        return inline === null ? null : { kind: "text", text: unescapeOoxml(inline) };
      case "str":
        if (value === null) return hasFormula ? { kind: "no-value" } : null;
        return { kind: "text", text: unescapeOoxml(value) };
      case "b":
        if (value === null) return hasFormula ? { kind: "no-value" } : null;
        return { kind: "boolean", value: value.trim() === "1" };
      case "e":
        return { kind: "error", text: (value ?? "").trim() || "#VALUE!" };
      case "d":
        // An ISO 8601 date (strict OOXML): its text, read as a date written as text.
        if (value === null) return hasFormula ? { kind: "no-value" } : null;
        return { kind: "text", text: value.trim() };
      default: {
        if (value === null || value.trim() === "") return hasFormula ? { kind: "no-value" } : null;
        const number = Number(value);
        if (!Number.isFinite(number)) throw fault("bad-cell", cellRef);
        return { kind: "number", value: number, format: formats[style] ?? "plain" };
      }
    }
  }
}
