/**
 * A workbook's sheet reads as the equivalent CSV (SPEC 3, v2: a text cell is read like a CSV
 * field, a number cell is its number, a date cell its date, a percent cell its shown number):
 * random sheets of title rows, a header and rows of cells of every type, written as a workbook
 * (test/workbook-writer.ts) and as CSV, give the same observations and the same problems on the
 * same rows.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { dayFromCivil } from "../../src/core/dates.js";
import { readData } from "../../src/io/read-inputs.js";
import { formatDay, targetsFrom } from "../helpers.js";
import { type TestCell, writeWorkbook } from "../workbook-writer.js";

const scratch = mkdtempSync(join(tmpdir(), "kpi-workbook-property-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const targets = targetsFrom(`
year: 2022
targets:
  - { id: invest, title: 固投, target: 130, unit: 万元 }
  - { id: rate, title: 开工率, target: 85, unit: "%" }
  - { id: done, title: 验收, kind: milestone, deadline: 2022-12-31 }
`);

/** One cell, as a workbook holds it and as a CSV field writes it. */
interface Pair {
  cell: TestCell | undefined;
  csv: string;
}

const text = (value: string): Pair => ({ cell: value, csv: value });

const day = fc.record({
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
});

/** The date column: a date cell (1900 or 1904 system), a text date, or a mistake. */
const dateCell = (date1904: boolean) =>
  fc.oneof(
    day.map(({ month, day: d }): Pair => {
      // Serial day numbers by hand: days since 1899-12-30 (the 1900 system from March 1900 on)
      // or since 1904-01-01.
      const number =
        dayFromCivil(2022, month, d) -
        dayFromCivil(date1904 ? 1904 : 1899, date1904 ? 1 : 12, date1904 ? 1 : 30);
      return { cell: { number, format: "date" }, csv: formatDay(dayFromCivil(2022, month, d)) };
    }),
    fc
      .constantFrom(
        "2022年3月",
        "2022-Q2",
        "2022/4/30",
        "２０２２-０５-３１",
        "2022-06-30 00:00",
        "3/31/2022",
        "2022-07-31 09:30",
      )
      .map(text),
  );

/** The value column: numbers, percents, words, text numbers, empty. */
const valueCell = fc.oneof(
  fc.integer({ min: -100000, max: 100000 }).map((cents): Pair => {
    const number = cents / 100;
    return { cell: { number }, csv: String(number) };
  }),
  fc.integer({ min: 0, max: 1000 }).map((tenths): Pair => {
    // Stored as a fraction (0.417), shown as a percent (41.7%).
    const shown = tenths / 10;
    return { cell: { number: tenths / 1000, format: "percent" }, csv: `${shown}%` };
  }),
  fc.constantFrom("１２０", "约30", "30%", "1,200", "完成", "否", "", "  7 ").map(text),
  fc.constant<Pair>({ cell: undefined, csv: "" }),
);

const targetCell = fc.constantFrom("invest", "rate", "done", "固投", "合计", "nobody").map(text);

const sheet = fc.boolean().chain((date1904) =>
  fc.record({
    date1904: fc.constant(date1904),
    titles: fc.array(fc.constantFrom("2022年重点指标完成情况", "填报单位：发改局", "单位：万元"), {
      maxLength: 3,
    }),
    header: fc.constantFrom(
      ["target", "date", "value", "note"],
      ["指标", "日期", "数值", "备注"],
      ["编号", "period", "值"],
    ),
    rows: fc.array(
      fc.tuple(targetCell, dateCell(date1904), valueCell, fc.constantFrom("", "说明")),
      { maxLength: 12 },
    ),
  }),
);

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

let fileNumber = 0;

async function observe(file: string) {
  const data = await readData([file], targets);
  const rows: Record<string, [string, number | boolean, number][]> = {};
  for (const [id, series] of data.observations)
    rows[id] = series.observations().map((row) => [formatDay(row.day), row.value, row.line]);
  const problems = data.problems
    .map((problem) =>
      // The places inside params (a conflict's first row) by line alone: their files differ.
      JSON.stringify([problem.code, problem.place?.line, problem.params], (key, value) =>
        key === "file" || key === "sheet" || key === "column" ? undefined : value,
      ),
    )
    .sort();
  return { rows, problems };
}

describe("a workbook's sheet and the equivalent CSV", () => {
  it("give the same observations and the same problems on the same rows", async () => {
    await fc.assert(
      fc.asyncProperty(sheet, async ({ date1904, titles, header, rows }) => {
        const width = header.length;
        const sheetRows: (readonly (TestCell | undefined)[])[] = [
          ...titles.map((title) => [title]),
          header,
          ...rows.map(([target, date, value, note]) =>
            [target.cell, date.cell, value.cell, note === "" ? undefined : note].slice(
              0,
              Math.max(width, 3),
            ),
          ),
        ];
        const csvLines = [
          ...titles,
          header.join(","),
          ...rows.map(([target, date, value, note]) =>
            [target.csv, date.csv, value.csv, ...(width > 3 ? [note] : [])].map(csvField).join(","),
          ),
        ];
        const number = fileNumber++;
        const xlsx = join(scratch, `s${number}.xlsx`);
        const csv = join(scratch, `s${number}.csv`);
        writeFileSync(xlsx, writeWorkbook([{ name: "S", rows: sheetRows }], { date1904 }));
        writeFileSync(csv, `${csvLines.join("\n")}\n`);
        const fromWorkbook = await observe(xlsx);
        const fromCsv = await observe(csv);
        expect(fromWorkbook).toEqual(fromCsv);
      }),
      { numRuns: 150 },
    );
  });
});
