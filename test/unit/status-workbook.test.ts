/**
 * The status workbook (`kpi report --format xlsx`, src/render/report-xlsx.ts) and kpi's writer of
 * workbooks (src/render/xlsx-writer.ts), read back with kpi's own reader (src/inputs/workbook.ts)
 * and from the package's XML: status words and fills, numbers as number cells, the frozen header
 * row, the auto-filter, widths that fit CJK text, sheet names Excel takes, and every input text a
 * text cell (never a formula). LibreOffice opens it in test/e2e/status-workbook.test.ts.
 */
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkBinaryOutput } from "../../src/cli/emit-output.js";
import { buildReport } from "../../src/core/report-model.js";
import { labelsFor } from "../../src/i18n/language.js";
import { type Cell, openWorkbook } from "../../src/inputs/workbook.js";
import { readData, readTargets } from "../../src/io/read-inputs.js";
import { readProjectFile } from "../../src/io/read-project.js";
import { formatEntry, formatForFile } from "../../src/render/index.js";
import { renderReportXlsx, statusWorkbook } from "../../src/render/report-xlsx.js";
import { cellRef, sheetNames, writeXlsx, xmlText } from "../../src/render/xlsx-writer.js";
import { day, targetsFrom, usageMessage } from "../helpers.js";

/** The bundled example as of 2022-06-30, with its office and title. */
async function exampleModel() {
  const targets = await readTargets(["targets"]);
  const data = await readData(["data"], targets.targets);
  expect([...targets.problems, ...data.problems]).toEqual([]);
  return buildReport(targets.targets, data.observations, {
    asOf: day("2022-06-30"),
    office: "XX县人民政府督查室",
    title: "县政府重点工作月度亮晒",
    settings: (await readProjectFile(undefined, process.cwd())).settings ?? undefined,
  });
}

/** A sheet's cells by reference (`A3`), as kpi's reader reads them. */
function cellsOf(bytes: Uint8Array, sheetName: string): Map<string, Cell> {
  const sheet = openWorkbook(bytes).sheets.find((candidate) => candidate.name === sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  const cells = new Map<string, Cell>();
  for (const row of sheet.rows())
    row.columns.forEach((column, index) => {
      const cell = row.cells[index];
      if (cell !== undefined) cells.set(cellRef(column, row.row), cell);
    });
  return cells;
}

const textOf = (cell: Cell | undefined) => (cell?.kind === "text" ? cell.text : cell);

describe("sheet names", () => {
  it("leaves out []:*?/\\, keeps 31 characters (never half a surrogate pair) and makes them unique", () => {
    expect(
      sheetNames([
        "总表",
        "排名",
        "a/b\\c[d]:e*f?g",
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二",
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一三",
        "总表",
        "SUMMARY",
        "'quoted'",
        "",
        `${"x".repeat(30)}😀😀`,
      ]),
    ).toEqual([
      "总表",
      "排名",
      "a_b_c_d__e_f_g",
      "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一",
      // Both are the same 31 characters: the second gets a number within the 31.
      "一二三四五六七八九十一二三四五六七八九十一二三四五六七 (2)",
      "总表 (2)",
      "SUMMARY",
      "quoted",
      "_",
      `${"x".repeat(30)}😀`,
    ]);
  });

  it("are always Excel's: at most 31 characters, none forbidden, unique ignoring case", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "grapheme", maxLength: 40 }), { maxLength: 12 }),
        (wanted) => {
          const names = sheetNames(wanted);
          expect(names).toHaveLength(wanted.length);
          for (const name of names) {
            expect([...name].length).toBeLessThanOrEqual(31);
            expect(name).not.toMatch(/[[\]:*?/\\]|^'|'$|^$/);
          }
          expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
        },
      ),
    );
  });
});

describe("kpi's workbook writer", () => {
  it("writes any text so that it reads back exactly, as a text cell", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: "binary", maxLength: 20 }), { minLength: 1, maxLength: 5 }),
        async (texts) => {
          const bytes = await writeXlsx({
            font: "Calibri",
            title: "t",
            creator: "kpi",
            date: "2022-06-30",
            sheets: [{ name: "S", rows: [texts.map((value) => ({ value }))] }],
          });
          const cells = cellsOf(bytes, "S");
          texts.forEach((value, column) => {
            const cell = cells.get(cellRef(column, 1));
            // An empty text is an empty cell.
            if (value === "") expect(cell).toBeUndefined();
            else expect(cell).toEqual({ kind: "text", text: value });
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("escapes what XML cannot hold as _xHHHH_, and a _x that would read as one", () => {
    // U+0001 and a carriage return are escaped; `_x0041_` as text keeps its underscore.
    expect(xmlText('a\u0001b\rc _x0041_ <&>"')).toBe(
      "a_x0001_b_x000D_c _x005F_x0041_ &lt;&amp;&gt;&quot;",
    );
  });

  it("gives the same bytes for the same workbook (no clock)", async () => {
    const book = {
      font: "等线",
      title: "t",
      creator: "kpi",
      date: "2022-06-30",
      sheets: [{ name: "总表", rows: [[{ value: "指标" }, { value: 1.5 }]] }],
    };
    expect(await writeXlsx(book)).toEqual(await writeXlsx(book));
  });
});

describe("the status workbook (kpi report --format xlsx)", () => {
  it("has 总表, 排名 and a sheet for each owner in the office's order", async () => {
    const model = await exampleModel();
    const book = statusWorkbook(model, labelsFor("zh"));
    expect(book.sheets.map((sheet) => sheet.name)).toEqual([
      "总表",
      "排名",
      ...model.owners.map((standing) => standing.owner),
    ]);
    const en = statusWorkbook(model, labelsFor("en"));
    expect(en.sheets.slice(0, 2).map((sheet) => sheet.name)).toEqual(["Summary", "Ranking"]);
  });

  it("总表: every target, its status word and symbol on its fill, numbers as numbers with the unit apart", async () => {
    const model = await exampleModel();
    const bytes = await renderReportXlsx(model, {
      labels: labelsFor("zh"),
      charts: false,
      byOwner: false,
    });
    const cells = cellsOf(bytes, "总表");
    // Row 1 the title, row 2 the header, then the 20 targets in file order.
    expect(textOf(cells.get("A1"))).toBe(
      "XX县人民政府督查室 县政府重点工作月度亮晒（截至 2022-06-30）",
    );
    expect([..."ABCDEFGHIJKLM"].map((column) => textOf(cells.get(`${column}2`)))).toEqual([
      "状态",
      "编号",
      "指标",
      "责任单位",
      "板块",
      "实际值",
      "序时进度",
      "目标",
      "单位",
      "完成率",
      "数据日期",
      "说明",
      "备注",
    ]);
    const words = { red: "✖ 红灯", yellow: "▲ 黄灯", green: "✔ 绿灯", grey: "○ 无数据" };
    model.results.forEach((result, index) => {
      const row = index + 3;
      expect(textOf(cells.get(`A${row}`))).toBe(words[result.status]);
      expect(textOf(cells.get(`B${row}`))).toBe(result.target.id);
      expect(textOf(cells.get(`C${row}`))).toBe(result.target.title);
    });
    expect(cells.get("A23")).toBeUndefined();
    // The department's note on the row the actual comes from: data/2022-06.xlsx:督查室!D4.
    const projects = model.results.findIndex((r) => r.target.id === "invest.projects-100m");
    expect(textOf(cells.get(`M${projects + 3}`))).toBe("示例数据，非官方统计；上半年累计");
    // 老旧园区累计改造提升: actual 5120, E 5400, target 6000, the unit 亩 in its own column,
    // progress (5120 − 4500) ÷ (6000 − 4500) = 0.4133 as a number cell with a percent format.
    const oldParks = model.results.findIndex((result) => result.target.id === "land.old-parks");
    const row = oldParks + 3;
    expect([`F${row}`, `G${row}`, `H${row}`].map((ref) => cells.get(ref))).toEqual([
      { kind: "number", value: 5120, format: "plain" },
      { kind: "number", value: 5400, format: "plain" },
      { kind: "number", value: 6000, format: "plain" },
    ]);
    expect(textOf(cells.get(`I${row}`))).toBe("亩");
    expect(cells.get(`J${row}`)).toEqual({
      kind: "number",
      value: (5120 - 4500) / (6000 - 4500),
      format: "percent",
    });
  });

  it("fills the status cells, freezes the header, filters it and fits the widths to CJK text", async () => {
    const model = await exampleModel();
    const parts = unzipSync(
      await renderReportXlsx(model, { labels: labelsFor("zh"), charts: false, byOwner: false }),
    );
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"] as Uint8Array);
    const styles = strFromU8(parts["xl/styles.xml"] as Uint8Array);
    for (const fill of ["FFFFC7CE", "FFFFEB9C", "FFC6EFCE", "FFD9D9D9"])
      expect(styles).toContain(`<fgColor rgb="${fill}"/>`);
    // The red status cell's style has the red fill.
    const fills = [...styles.matchAll(/<fill>.*?<\/fill>/g)].map((match) => match[0]);
    const xfs = [
      ...(styles.match(/<cellXfs[^>]*>(.*)<\/cellXfs>/)?.[1] ?? "").matchAll(/<xf [^>]*>/g),
    ].map((match) => match[0]);
    const red = model.results.findIndex((result) => result.status === "red") + 3;
    const style = Number(new RegExp(`<c r="A${red}" s="(\\d+)"`).exec(sheet)?.[1]);
    const fillId = Number(/fillId="(\d+)"/.exec(xfs[style] ?? "")?.[1]);
    expect(fills[fillId]).toContain("FFFFC7CE");
    expect(sheet).toContain(
      '<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>',
    );
    expect(sheet).toContain('<autoFilter ref="A2:M22"/>');
    const workbook = strFromU8(parts["xl/workbook.xml"] as Uint8Array);
    expect(workbook).toContain(
      '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'总表\'!$A$2:$M$22</definedName>',
    );
    // The title column (C) fits 政府投资（国有企业）占固定资产投资比重, 19 wide characters: 38 + 2.
    expect(sheet).toMatch(/<col min="3" max="3" width="40" customWidth="1"\/>/);
    // No formula anywhere.
    for (const [name, bytes] of Object.entries(parts))
      if (name.startsWith("xl/worksheets/")) expect(strFromU8(bytes)).not.toContain("<f>");
  });

  it("writes a title, owner, section or unit that looks like a formula as text, never a formula", async () => {
    const hostile = [
      '=HYPERLINK("http://evil.example","click")',
      "+cmd|' /C calc'!A0",
      "-2+3",
      "@SUM(1+1)",
      "=1+1",
    ];
    // An owner is one body: the characters that join several (`/` `,` `;`) become `_`.
    const ownerOf = (title: string) => `${title.replace(/[/,;]/g, "_")} 单位`;
    const targets = targetsFrom(
      [
        "year: 2022",
        "targets:",
        ...hostile.map(
          (title, index) =>
            `  - { id: t${index}, title: ${JSON.stringify(title)}, owner: ${JSON.stringify(ownerOf(title))}, section: ${JSON.stringify(title)}, unit: ${JSON.stringify(title)}, target: 10 }`,
        ),
      ].join("\n"),
    );
    const model = buildReport(targets, new Map(), { asOf: day("2022-06-30") });
    const book = statusWorkbook(model, labelsFor("zh"));
    const bytes = await writeXlsx(book);
    const parts = unzipSync(bytes);
    for (const [name, part] of Object.entries(parts))
      if (name.startsWith("xl/worksheets/")) expect(strFromU8(part)).not.toMatch(/<f[ >]/);
    const summary = cellsOf(bytes, "总表");
    hostile.forEach((title, index) => {
      const row = index + 3;
      expect([`C${row}`, `D${row}`, `E${row}`, `I${row}`].map((ref) => summary.get(ref))).toEqual([
        { kind: "text", text: title },
        { kind: "text", text: ownerOf(title) },
        { kind: "text", text: title },
        { kind: "text", text: title },
      ]);
    });
    // An owner's sheet is named after it, without the characters Excel refuses.
    expect(openWorkbook(bytes).sheets.map((sheet) => sheet.name)).toContain(
      // The owner's first 31 characters, its `:` and `/` made `_`.
      '=HYPERLINK("http___evil.example',
    );
  });
});

describe("a workbook is a file, not text", () => {
  const context = (isTTY: boolean) =>
    ({ stdout: { isTTY, write: () => true } }) as unknown as Parameters<
      typeof checkBinaryOutput
    >[3];

  it("is the format of -o FILE.xlsx, and refused on a terminal without -o", async () => {
    expect(formatForFile("report", "2022-06-亮晒.XLSX")).toBe("xlsx");
    const xlsx = formatEntry("report", "xlsx");
    expect(
      await usageMessage(() => checkBinaryOutput(xlsx, "xlsx", undefined, context(true))),
    ).toBe(
      "--format xlsx is a file, not text for a terminal: write it with -o, like -o report.xlsx",
    );
    expect(() => checkBinaryOutput(xlsx, "xlsx", undefined, context(false))).not.toThrow();
  });
});
