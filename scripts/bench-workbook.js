// Writes a benchmark data set's CSV as a workbook: the same rows in one sheet of an .xlsx, ids as
// shared strings, dates as date cells (the 1900 system), values as number cells, as Excel saves
// them. Usage: node scripts/bench-workbook.js DATA.csv OUT.xlsx
import { readFileSync, writeFileSync } from "node:fs";
import { crc32, deflateRawSync } from "node:zlib";

const [input, output] = process.argv.slice(2);
const lines = readFileSync(input, "utf8").trimEnd().split("\n");
const strings = new Map();
const shared = (text) => {
  if (!strings.has(text)) strings.set(text, strings.size);
  return strings.get(text);
};
// Day numbers of the 1900 date system from March 1900 on: days since 1899-12-30.
const EPOCH = Date.UTC(1899, 11, 30);
const serial = (date) => (Date.parse(`${date}T00:00:00Z`) - EPOCH) / 86_400_000;
const rows = [];
lines.forEach((line, index) => {
  const r = index + 1;
  const [target, date, value] = line.split(",");
  rows.push(
    index === 0
      ? `<row r="1"><c r="A1" t="s"><v>${shared(target)}</v></c><c r="B1" t="s"><v>${shared(date)}</v></c><c r="C1" t="s"><v>${shared(value)}</v></c></row>`
      : `<row r="${r}"><c r="A${r}" t="s"><v>${shared(target)}</v></c><c r="B${r}" s="1"><v>${serial(date)}</v></c><c r="C${r}"><v>${value}</v></c></row>`,
  );
});
const xml = (body) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;
const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const parts = {
  "[Content_Types].xml": xml(
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
  ),
  "_rels/.rels": xml(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ),
  "xl/workbook.xml": xml(
    `<workbook ${MAIN} xmlns:r="${REL}"><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  ),
  "xl/_rels/workbook.xml.rels": xml(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  ),
  "xl/styles.xml": xml(
    `<styleSheet ${MAIN}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  ),
  "xl/sharedStrings.xml": xml(
    `<sst ${MAIN} count="${strings.size}" uniqueCount="${strings.size}">${[...strings.keys()].map((text) => `<si><t>${text}</t></si>`).join("")}</sst>`,
  ),
  "xl/worksheets/sheet1.xml": xml(
    `<worksheet ${MAIN}><sheetData>${rows.join("")}</sheetData></worksheet>`,
  ),
};

// A zip of deflated parts, with its central directory.
const locals = [];
const directory = [];
let offset = 0;
for (const [name, text] of Object.entries(parts)) {
  const data = Buffer.from(text, "utf8");
  const packed = deflateRawSync(data);
  const nameBytes = Buffer.from(name, "utf8");
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(crc32(data), 14);
  header.writeUInt32LE(packed.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(offset, 42);
  locals.push(header, nameBytes, packed);
  directory.push(central, nameBytes);
  offset += header.length + nameBytes.length + packed.length;
}
const directoryBytes = Buffer.concat(directory);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0);
end.writeUInt16LE(Object.keys(parts).length, 8);
end.writeUInt16LE(Object.keys(parts).length, 10);
end.writeUInt32LE(directoryBytes.length, 12);
end.writeUInt32LE(offset, 16);
writeFileSync(output, Buffer.concat([...locals, directoryBytes, end]));
