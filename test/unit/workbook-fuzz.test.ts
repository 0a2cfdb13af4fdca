/**
 * Workbooks fuzzed (SPEC 3, v2): damaged and hostile .xlsx files — corrupt zips, truncated XML,
 * huge shared strings, entity expansion, zip bombs — are refused with a located error, within
 * bounded memory and time, never an exception; a workbook cut or flipped anywhere is read or
 * refused, nothing between. `npm test` runs a short budget, `npm run fuzz` a long one.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { openWorkbook, WorkbookError } from "../../src/inputs/workbook.js";
import { readData } from "../../src/io/read-inputs.js";
import { FUZZ_TIMEOUT, fuzz, mutate, mutation } from "../fuzz-support.js";
import { targetsFrom } from "../helpers.js";
import { type TestCell, writeWorkbook } from "../workbook-writer.js";

const scratch = mkdtempSync(join(tmpdir(), "kpi-workbook-fuzz-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const targets = targetsFrom(`
year: 2022
targets:
  - { id: invest, title: 固投, target: 130 }
  - { id: rate, title: 开工率, target: 85, unit: "%" }
`);

let fileNumber = 0;

/** Read bytes as a workbook in a data folder: its problems (each with a place) and its rows. */
async function readBook(bytes: Uint8Array) {
  const folder = join(scratch, `d${fileNumber++}`);
  const file = join(folder, "a.xlsx");
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, bytes);
  const data = await readData([folder], targets);
  rmSync(folder, { recursive: true, force: true });
  return data;
}

const cell: fc.Arbitrary<TestCell> = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom("invest", "rate", "2022-03-31", "target", "date", "value", "合计"),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((number) => ({ number })),
  fc.integer({ min: 0, max: 50000 }).map((number) => ({ number, format: "date" as const })),
  fc
    .double({ min: 0, max: 2, noNaN: true })
    .map((number) => ({ number, format: "percent" as const })),
  fc.constantFrom("#N/A", "#DIV/0!").map((error) => ({ error })),
  fc.boolean().map((boolean) => ({ boolean })),
  fc.constant({ formula: "SUM(A1:A2)" }),
  fc.string({ maxLength: 6 }).map((inline) => ({ inline })),
);

const sheetRows = fc.array(
  fc.option(fc.array(fc.option(cell, { nil: undefined }), { maxLength: 5 }), { nil: undefined }),
  { maxLength: 12 },
);

const validBook = fc
  .record({ rows: sheetRows, date1904: fc.boolean(), stored: fc.boolean() })
  .map(({ rows, date1904, stored }) =>
    writeWorkbook([{ name: "S", rows: [["target", "date", "value"], ...rows] }], {
      date1904,
      stored,
    }),
  );

/** Every problem has a place, and an error is one of the workbook's or a cell's. */
function expectPlaced(problems: readonly { place: unknown }[]) {
  for (const problem of problems) expect(problem.place).not.toBeNull();
}

describe("workbooks fuzzed", () => {
  it(
    "reads a random workbook, or refuses it at a place: never an exception",
    async () => {
      await fuzz(
        "workbook: random sheets",
        fc.asyncProperty(validBook, async (bytes) => {
          const data = await readBook(bytes);
          expectPlaced(data.problems);
        }),
        40,
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    "refuses a workbook cut, flipped or spliced anywhere (a corrupt zip), or reads what is left whole",
    async () => {
      await fuzz(
        "workbook: corrupt zip",
        fc.asyncProperty(
          validBook,
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          async (bytes, mutations) => {
            const data = await readBook(mutate(bytes, mutations));
            expectPlaced(data.problems);
          },
        ),
        60,
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    "refuses XML cut anywhere with a located error",
    async () => {
      const sheet =
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>target</t></is></c><c r="B1" t="inlineStr"><is><t>date</t></is></c><c r="C1" t="inlineStr"><is><t>value</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>invest</t></is></c><c r="B2" s="1"><v>44651</v></c><c r="C2"><v>5</v></c></row></sheetData></worksheet>';
      await fuzz(
        "workbook: truncated XML",
        fc.asyncProperty(
          fc.constantFrom(
            "xl/worksheets/sheet1.xml",
            "xl/workbook.xml",
            "xl/sharedStrings.xml",
            "xl/styles.xml",
            "_rels/.rels",
          ),
          fc.nat(),
          async (part, cut) => {
            const whole = writeWorkbook([{ name: "S", rows: [] }], {
              parts: { "xl/worksheets/sheet1.xml": sheet },
            });
            const original = partText(whole, part, sheet);
            const at = 1 + (cut % Math.max(1, original.length - 1));
            const bytes = writeWorkbook([{ name: "S", rows: [] }], {
              parts: { "xl/worksheets/sheet1.xml": sheet, [part]: original.slice(0, at) },
            });
            const data = await readBook(bytes);
            expectPlaced(data.problems);
            expect(data.problems.some((problem) => problem.severity === "error")).toBe(true);
          },
        ),
        40,
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    "refuses entity expansion (billion laughs, external entities) without expanding anything",
    async () => {
      await fuzz(
        "workbook: entity expansion",
        fc.asyncProperty(
          fc.integer({ min: 1, max: 12 }),
          fc.constantFrom(
            "xl/sharedStrings.xml",
            "xl/worksheets/sheet1.xml",
            "xl/workbook.xml",
            "xl/styles.xml",
          ),
          fc.boolean(),
          async (depth, part, external) => {
            const entities = external
              ? '<!ENTITY x SYSTEM "file:///etc/passwd">'
              : Array.from({ length: depth }, (_, level) =>
                  level === 0
                    ? '<!ENTITY e0 "lol">'
                    : `<!ENTITY e${level} "${`&e${level - 1};`.repeat(10)}">`,
                ).join("");
            const use = external ? "&x;" : `&e${depth - 1};`;
            const bytes = writeWorkbook([{ name: "S", rows: [["target", "date", "value"]] }], {
              parts: {
                [part]: `<?xml version="1.0"?><!DOCTYPE r [${entities}]><r><t>${use}</t></r>`,
              },
            });
            const data = await readBook(bytes);
            expect(data.problems.map((problem) => problem.code)).toContain(
              "data.workbook-unreadable",
            );
          },
        ),
        20,
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    "refuses huge shared strings and zip bombs past the limits, inflating no further",
    async () => {
      await fuzz(
        "workbook: huge shared strings and zip bombs",
        fc.asyncProperty(
          fc.integer({ min: 1, max: 2000 }),
          fc.integer({ min: 1, max: 4000 }),
          fc.constantFrom("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"),
          async (count, length, part) => {
            const strings = `<sst>${`<si><t>${"x".repeat(length)}</t></si>`.repeat(count)}</sst>`;
            const text =
              part === "xl/sharedStrings.xml"
                ? strings
                : `<worksheet><sheetData>${'<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(count)}</sheetData></worksheet>`;
            const bytes = writeWorkbook([{ name: "S", rows: [] }], { parts: { [part]: text } });
            const limits = { partBytes: 1 << 20, totalBytes: 2 << 20 };
            const size = Buffer.byteLength(text);
            let fault: string | null = null;
            try {
              const workbook = openWorkbook(bytes, limits);
              for (const sheet of workbook.sheets) for (const _ of sheet.rows());
            } catch (cause) {
              if (!(cause instanceof WorkbookError)) throw cause;
              fault = cause.fault.kind;
            }
            // Past the limit, refused as too large; within it, read (a sheet of one-cell rows
            // past Excel's rows is refused as a bad cell).
            if (size > limits.partBytes) expect(fault).toBe("too-large");
            else expect(fault === null || fault === "bad-cell").toBe(true);
          },
        ),
        20,
      );
    },
    FUZZ_TIMEOUT,
  );
});

/** A part's text in a workbook written by the test writer (or the one given for the sheet). */
function partText(bytes: Buffer, part: string, sheet: string): string {
  if (part === "xl/worksheets/sheet1.xml") return sheet;
  // The local headers in order: find the part's name and inflate what follows it.
  const name = Buffer.from(part);
  const at = bytes.indexOf(name);
  const header = at - 30;
  const size = bytes.readUInt32LE(header + 18);
  const start = at + name.length + bytes.readUInt16LE(header + 28);
  return inflateRawSync(bytes.subarray(start, start + size)).toString("utf8");
}
