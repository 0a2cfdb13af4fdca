/**
 * A small writer of .xlsx workbooks for tests: the cells kpi reads (text as shared or inline
 * strings, numbers plain or formatted as dates or percents, booleans, error values, formulas with
 * or without a cached result), in a zip of stored or deflated parts, and the broken packages the
 * reader must refuse (parts replaced as they are given).
 */
import { zipParts } from "../src/render/xlsx-writer.js";

export type TestCell =
  | string
  | { number: number; format?: "date" | "percent" | "datetime" | "month" | "year" | "plain" }
  | { inline: string }
  | { boolean: boolean }
  | { error: string }
  | { formula: string; cached?: number | string };

export interface TestSheet {
  name: string;
  /** Rows from row 1; a row or cell left undefined is not written (no `<row>` or `<c>`). */
  rows: (readonly (TestCell | undefined)[] | undefined)[];
}

export interface WorkbookOptions {
  date1904?: boolean;
  /** Parts written as given instead of (or besides) the ones made: a name to its text or bytes. */
  parts?: Record<string, string | Buffer>;
  /** Store the parts without compression. @default false */
  stored?: boolean;
}

const STYLES = { plain: 0, date: 1, percent: 2, datetime: 3, month: 4, year: 5 } as const;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** A column's letters from its 0-based index. */
export function letters(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function writeWorkbook(sheets: readonly TestSheet[], options: WorkbookOptions = {}): Buffer {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shared = (text: string) => {
    let index = stringIndex.get(text);
    if (index === undefined) {
      index = strings.push(text) - 1;
      stringIndex.set(text, index);
    }
    return index;
  };
  const cellXml = (cell: TestCell, ref: string): string => {
    if (typeof cell === "string") return `<c r="${ref}" t="s"><v>${shared(cell)}</v></c>`;
    if ("inline" in cell)
      return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell.inline)}</t></is></c>`;
    if ("boolean" in cell) return `<c r="${ref}" t="b"><v>${cell.boolean ? 1 : 0}</v></c>`;
    if ("error" in cell) return `<c r="${ref}" t="e"><v>${escapeXml(cell.error)}</v></c>`;
    if ("formula" in cell) {
      const f = `<f>${escapeXml(cell.formula)}</f>`;
      if (cell.cached === undefined) return `<c r="${ref}">${f}</c>`;
      if (typeof cell.cached === "string")
        return `<c r="${ref}" t="str">${f}<v>${escapeXml(cell.cached)}</v></c>`;
      return `<c r="${ref}">${f}<v>${cell.cached}</v></c>`;
    }
    return `<c r="${ref}" s="${STYLES[cell.format ?? "plain"]}"><v>${cell.number}</v></c>`;
  };
  const sheetXml = (sheet: TestSheet) => {
    const rows = sheet.rows
      .map((row, rowIndex) => {
        if (row === undefined) return "";
        const cells = row
          .map((cell, column) =>
            cell === undefined ? "" : cellXml(cell, `${letters(column)}${rowIndex + 1}`),
          )
          .join("");
        return `<row r="${rowIndex + 1}">${cells}</row>`;
      })
      .join("");
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
  };
  const sheetParts = sheets.map((sheet) => sheetXml(sheet));
  const parts: Record<string, string | Buffer> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${options.date1904 === true ? ' date1904="1"' : ""}/><sheets>${sheets
      .map(
        (sheet, index) =>
          `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 3}"/>`,
      )
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>${sheets
      .map(
        (_, index) =>
          `<Relationship Id="rId${index + 3}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
      )
      .join("")}</Relationships>`,
    "xl/styles.xml": `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="166" formatCode="yyyy&quot;年&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/><xf numFmtId="9" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  };
  sheetParts.forEach((xml, index) => {
    parts[`xl/worksheets/sheet${index + 1}.xml`] = xml;
  });
  parts["xl/sharedStrings.xml"] =
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings
      .map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`)
      .join("")}</sst>`;
  Object.assign(parts, options.parts ?? {});
  return zip(parts, options.stored === true);
}

/** A zip file of the parts, deflated (or stored), with its central directory: kpi's own. */
export function zip(parts: Record<string, string | Buffer>, stored = false): Buffer {
  const entries = Object.entries(parts).map(([name, content]): [string, Uint8Array] => [
    name,
    typeof content === "string" ? Buffer.from(content, "utf8") : content,
  ]);
  return Buffer.from(zipParts(entries, { stored }));
}
