/**
 * Excel workbooks (SPEC 3, v2), one test per rule: every sheet with a header is read, title rows
 * above it skipped; a sheet without one is a notice, a workbook of none an error; number, percent,
 * date (1900 and 1904 systems), text, formula and error cells as the SPEC says; places as
 * `file:SHEET!CELL` in both languages. The fixtures under test/fixtures/workbooks were saved by
 * LibreOffice Calc (scripts/make-workbook-fixtures.js); the others are written by
 * test/workbook-writer.ts, for cells LibreOffice never writes and for broken packages.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sortProblems } from "../../src/core/problems.js";
import { labelsFor } from "../../src/i18n/language.js";
import { formatProblem } from "../../src/i18n/problem-text.js";
import {
  cellField,
  decimalText,
  serialDate,
  shiftDecimal,
} from "../../src/inputs/sheet-records.js";
import {
  formatKind,
  openWorkbook,
  WorkbookError,
  type WorkbookFault,
} from "../../src/inputs/workbook.js";
import { readData } from "../../src/io/read-inputs.js";
import { day, formatDay, targetsFrom } from "../helpers.js";
import { type TestSheet, writeWorkbook, zip } from "../workbook-writer.js";

const scratch = mkdtempSync(join(tmpdir(), "kpi-workbook-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "workbooks");

const targets = targetsFrom(`
year: 2022
targets:
  - { id: invest, title: 固投, target: 130, unit: 万元 }
  - { id: count, title: 个数, target: 500, unit: 个 }
  - { id: rate, title: 开工率, target: 85, unit: "%" }
  - { id: done, title: 验收, kind: milestone, deadline: 2022-12-31 }
`);

let fileNumber = 0;

/** Read workbooks (each a fixture's name or bytes) as data/NAME: their rows and problems. */
async function read(files: Record<string, string | Buffer>, options = {}) {
  const folder = join(scratch, `data${fileNumber++}`);
  mkdirSync(folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    if (typeof content === "string") copyFileSync(join(FIXTURES, content), join(folder, name));
    else writeFileSync(join(folder, name), content);
  }
  const data = await readData([folder], targets, options);
  // In the order the command line prints them.
  const problems = sortProblems(data.problems);
  const words = (language: "en" | "zh") =>
    problems.map((problem) =>
      formatProblem(problem, labelsFor(language)).replaceAll(folder, "data"),
    );
  const rows: Record<string, [string, number | boolean][]> = {};
  for (const [id, series] of data.observations)
    rows[id] = series.observations().map((row) => [formatDay(row.day), row.value]);
  return { rows, en: words("en"), zh: words("zh"), series: data.observations };
}

function book(rows: TestSheet["rows"], name = "Sheet1") {
  return writeWorkbook([{ name, rows }]);
}

describe("sheets", () => {
  it("reads every sheet with a header, title rows above it skipped; a sheet without one is a notice", async () => {
    // department.xlsx (LibreOffice): 发改局 has a merged title, 填报单位 and 单位 rows above its
    // header (row 4), and a formula total; 说明 has no header; 'Sheet 3' has its own table.
    const result = await read({ "2022-07.xlsx": "department.xlsx" });
    expect(result.rows).toEqual({
      invest: [
        ["2022-06-30", 1000.5],
        ["2022-07-31", 1200],
      ],
      count: [
        ["2022-06-30", 100],
        ["2022-07-31", 120],
      ],
      rate: [
        ["2022-06-30", 12.5],
        ["2022-07-31", 30],
      ],
    });
    expect(result.en).toEqual([
      "data/2022-07.xlsx:说明!A1: warning: sheet not read: no row of its first 10 names the columns target, date, value",
    ]);
    expect(result.zh).toEqual([
      "data/2022-07.xlsx:说明!A1: 警告：未读取此工作表：前 10 行中没有一行写明 target、date、value 列",
    ]);
  });

  it("is an error for a workbook none of whose sheets has a header, its sheets' notices beside it", async () => {
    const result = await read({ "b.xlsx": "no-header.xlsx" });
    expect(result.en).toEqual([
      "data/b.xlsx:封面!A1: no sheet of this workbook has a header: no row of the first 10 of any sheet names the columns target (target, id, 指标, 编号), date (date, period, 日期), value (value, 数值, 值): write a header row above the table",
      "data/b.xlsx:封面!A1: warning: sheet not read: no row of its first 10 names the columns target, date, value",
      "data/b.xlsx:数据!A1: warning: sheet not read: no row of its first 10 names the columns target, date, value",
    ]);
    expect(result.zh[0]).toBe(
      "data/b.xlsx:封面!A1: 此工作簿没有一个工作表有表头：各工作表前 10 行中都没有一行写明这些列：target（target, id, 指标, 编号）、date（date, period, 日期）、value（value, 数值, 值）：请在表格上方写一行表头",
    );
  });

  it("quotes a sheet name with a space in a place, as Excel does", async () => {
    const bytes = writeWorkbook([
      {
        name: "My data",
        rows: [
          ["target", "date", "value"],
          ["count", "2022-01-31", "约30"],
        ],
      },
    ]);
    const result = await read({ "a.xlsx": bytes });
    expect(result.en).toEqual([
      "data/a.xlsx:'My data'!C2: value \"约30\" is not a number: write 30",
    ]);
  });
});

describe("cells", () => {
  it("reads a number cell as its number exactly", async () => {
    const bytes = book([
      ["target", "date", "value"],
      ["invest", "2022-01-31", { number: -1200.5 }],
      ["invest", "2022-02-28", { number: 1e-7 }],
      ["invest", "2022-03-31", { number: 0.1 + 0.2 }],
    ]);
    const result = await read({ "a.xlsx": bytes });
    expect(result.en).toEqual([]);
    expect(result.rows.invest).toEqual([
      ["2022-01-31", -1200.5],
      ["2022-02-28", 1e-7],
      ["2022-03-31", 0.30000000000000004],
    ]);
  });

  it("reads a percent cell as its shown number for a % target, and refuses it elsewhere", async () => {
    // bad-cells.xlsx (LibreOffice) row 5: 0.3 formatted 0%, shown 30%, for invest (万元).
    const result = await read({ "a.xlsx": "bad-cells.xlsx" });
    expect(result.en).toContain(
      'data/a.xlsx:数据!C5: value "30%" has a % sign but the unit of invest is not %: write the number without it',
    );
    expect(result.zh).toContain(
      'data/a.xlsx:数据!C5: 数值 "30%" 带有 % 号，但 invest 的单位不是 %：请去掉 % 号',
    );
    // 0.07 * 100 is 7.000000000000001 in doubles; the shown number is 7.
    const rate = await read({
      "b.xlsx": book([
        ["target", "date", "value"],
        ["rate", "2022-01-31", { number: 0.07, format: "percent" }],
      ]),
    });
    expect(rate.rows.rate).toEqual([["2022-01-31", 7]]);
  });

  it("reads a date cell as its calendar date in the 1900 system, and in the 1904 system", async () => {
    // date1904.xlsx (LibreOffice, null date 1904-01-01): 2022-03-31 is day 43189 there (44651 in
    // the 1900 system: 44651 - 1462 = 43189), and 1904-01-02 is day 1.
    const result = await read({ "a.xlsx": "date1904.xlsx" });
    expect(result.en).toEqual([]);
    expect(result.rows.invest).toEqual([
      ["1904-01-02", 1],
      ["2022-03-31", 5],
    ]);
  });

  it("refuses a number without a date format in the date column, as a bare number in a CSV", async () => {
    // bad-cells.xlsx row 4: 44804 in General format; as a 1900-system day it is 2022-08-31.
    const result = await read({ "a.xlsx": "bad-cells.xlsx" });
    expect(result.en).toContain(
      "data/a.xlsx:数据!B4: the date cell holds the number 44804, not a date (as a date it is 2022-08-31): format the cell as a date, or write 2022-08-31",
    );
    expect(result.zh).toContain(
      "data/a.xlsx:数据!B4: 日期单元格是数字 44804，不是日期（作为日期是 2022-08-31）：请把单元格格式设为日期，或写 2022-08-31",
    );
  });

  it("refuses a date cell with a time of day, as the same text in a CSV", async () => {
    const result = await read({ "a.xlsx": "bad-cells.xlsx" });
    expect(result.en).toContain(
      'data/a.xlsx:数据!B6: date "2022-10-31 09:30:00" has a time of day: write the date alone, 2022-10-31',
    );
  });

  it("reads a text cell like a CSV field: text dates, full-width digits, words", async () => {
    const bytes = book([
      ["指标", "日期", "数值"],
      ["invest", "2022年1月", "１２０"],
      ["固投", { inline: "2022/2/28" }, "1,200"],
      ["rate", "2022-Q1", "３０％"],
      ["done", "2022-03-31", "已完成"],
      ["invest", "2022-04-30", "12.5万"],
    ]);
    const result = await read({ "a.xlsx": bytes });
    expect(result.rows).toEqual({
      invest: [
        ["2022-01-31", 120],
        ["2022-02-28", 1200],
      ],
      rate: [["2022-03-31", 30]],
      done: [["2022-03-31", true]],
    });
    expect(result.en).toEqual([
      'data/a.xlsx:Sheet1!C6: value "12.5万" is not a number: write 12.5',
    ]);
    expect(result.zh).toEqual(['data/a.xlsx:Sheet1!C6: 数值 "12.5万" 不是数字：请写 12.5']);
  });

  it("reads a formula cell as its cached result, and refuses one with none", async () => {
    const bytes = book([
      ["target", "date", "value"],
      ["invest", "2022-01-31", { formula: "SUM(D2:E2)", cached: 12 }],
      ["invest", "2022-02-28", { formula: "SUM(D3:E3)" }],
      [{ formula: '"in"&"vest"', cached: "invest" }, "2022-03-31", { number: 3 }],
    ]);
    const result = await read({ "a.xlsx": bytes });
    expect(result.rows.invest).toEqual([
      ["2022-01-31", 12],
      ["2022-03-31", 3],
    ]);
    expect(result.en).toEqual([
      "data/a.xlsx:Sheet1!C3: the cell is a formula with no saved result: open the file in Excel or WPS, let it calculate, and save it",
    ]);
    expect(result.zh).toEqual([
      "data/a.xlsx:Sheet1!C3: 单元格是没有保存计算结果的公式：请在 Excel 或 WPS 中打开，计算后保存",
    ]);
  });

  it("refuses an error cell (#DIV/0!, #N/A)", async () => {
    // bad-cells.xlsx rows 2 and 3: =1/0 and =NA(), saved by LibreOffice with their error values.
    const result = await read({ "a.xlsx": "bad-cells.xlsx" });
    expect(result.en.slice(0, 2)).toEqual([
      "data/a.xlsx:数据!C2: the cell holds the error #DIV/0!: correct the formula or write the value",
      "data/a.xlsx:数据!C3: the cell holds the error #N/A: correct the formula or write the value",
    ]);
    expect(result.zh.slice(0, 2)).toEqual([
      "data/a.xlsx:数据!C2: 单元格是错误值 #DIV/0!：请改正公式或直接填写数值",
      "data/a.xlsx:数据!C3: 单元格是错误值 #N/A：请改正公式或直接填写数值",
    ]);
  });

  it("passes over a total row (合计, 总计) unless a target has that name, and reads the rows above it", async () => {
    const bytes = book([
      ["target", "date", "value"],
      ["invest", "2022-01-31", { number: 1 }],
      ["count", "2022-01-31", { number: 2 }],
      ["合 计", "", { formula: "SUM(C2:C3)", cached: 3 }],
      ["总计", "", { error: "#REF!" }],
    ]);
    const result = await read({ "a.xlsx": bytes });
    expect(result.en).toEqual([]);
    expect(result.rows).toEqual({ invest: [["2022-01-31", 1]], count: [["2022-01-31", 2]] });
  });

  it("names a workbook cell in an unknown id, a conflict and a missing value", async () => {
    const bytes = book([
      ["target", "date", "value"],
      ["invst", "2022-01-31", { number: 1 }],
      ["invest", "2022-01-31", { number: 1 }],
      ["invest", "2022-01-31", { number: 2 }],
      ["count", "2022-01-31"],
    ]);
    const result = await read({ "a.xlsx": bytes });
    expect(result.en).toEqual([
      'data/a.xlsx:Sheet1!A2: no target has the id or title "invst" (did you mean "invest"?)',
      "data/a.xlsx:Sheet1!A4: invest on 2022-01-31 is 2 here but 1 at data/a.xlsx:Sheet1!3:3: delete the wrong row, or mark the right row as a correction (a note that begins with 更正 or correction)",
      "data/a.xlsx:Sheet1!C5: warning: no value for count on 2022-01-31: the row is skipped",
    ]);
  });
});

describe("the rules of rows, in a sheet", () => {
  it("takes a correction note, a reported date cell and a slip warning at their cells", async () => {
    // A date cell holds days since 1899-12-30: 44592 is 2022-01-31, 44600 is 2022-02-08.
    const bytes = book([
      ["target", "date", "value", "note", "reported"],
      [
        "invest",
        { number: 44592, format: "date" },
        { number: 10 },
        "",
        { number: 44600, format: "date" },
      ],
      ["invest", "2022-01-31", { number: 12 }, "更正：漏报", "2022-02-20"],
      // 130 × 10 = 1300 from a baseline of 0: 2000 is past ten spans, a unit slip.
      ["invest", "2022-02-28", { number: 2000 }],
      ["rate", "2022-01-31", { number: 0.31 }],
    ]);
    const result = await read({ "a.xlsx": bytes });
    expect(result.rows).toEqual({
      invest: [
        ["2022-01-31", 12],
        ["2022-02-28", 2000],
      ],
      rate: [["2022-01-31", 0.31]],
    });
    expect(result.en).toEqual([
      "data/a.xlsx:Sheet1!A3: warning: invest on 2022-01-31: the correction 12 replaces 10 at data/a.xlsx:Sheet1!2:2",
      "data/a.xlsx:Sheet1!A4: warning: invest on 2022-02-28: 2000 for a target of 130: a unit slip? (it is more than 10 times as far from the baseline as the target; write it in 万元)",
      "data/a.xlsx:Sheet1!A5: warning: rate on 2022-01-31: 0.31 means 0.31%; write 31 for 31%",
    ]);
    // Before the correction was reported (2022-02-20), January was known as the 10 sent on 02-08;
    // a row with no reported date is known at any date.
    const known = result.series.get("invest")?.knownAt(day("2022-02-10"));
    expect(known?.observations().map((row) => row.value)).toEqual([10, 2000]);
  });
});

describe("a date cell that shows a month, or a year alone", () => {
  it("is that month (its last day, as 2022年6月 in a CSV), and a year alone is an error", async () => {
    // 44713 is 2022-06-01, what Excel stores for 2022年6月 typed into a cell it then shows as
    // yyyy"年"m"月"; judged at 06-01 a June report would be a month early.
    const bytes = book([
      ["target", "date", "value"],
      ["invest", { number: 44713, format: "month" }, { number: 70 }],
      ["count", { number: 44562, format: "year" }, { number: 5 }],
    ]);
    const result = await read({ "a.xlsx": bytes });
    expect(result.rows).toEqual({ invest: [["2022-06-30", 70]] });
    expect(result.en).toEqual([
      'data/a.xlsx:Sheet1!B3: date "2022年" is not a date (2022-03-31, 2022/3/31, 2022年3月31日, 2022-03 or 2022-Q1)',
    ]);
  });
});

describe("wide sheets", () => {
  it("reads no cell past the header's width, and makes no field of an empty cell", async () => {
    // Each row has a cell at XFD, Excel's last column (16,384), past the header's 3 columns.
    const far = (text: string) => `<c r="XFD{row}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const rows = [
      `<row r="1"><c r="A1" t="inlineStr"><is><t>target</t></is></c><c r="B1" t="inlineStr"><is><t>date</t></is></c><c r="C1" t="inlineStr"><is><t>value</t></is></c>${far(" ")}</row>`,
      ...Array.from(
        { length: 200 },
        (_, index) =>
          `<row r="${index + 2}"><c r="A${index + 2}" t="inlineStr"><is><t>invest</t></is></c><c r="B${index + 2}" t="inlineStr"><is><t>2022-01-${String((index % 28) + 1).padStart(2, "0")}</t></is></c><c r="C${index + 2}"><v>1</v></c>${far("#N/A")}</row>`,
      ),
    ].map((row, index) => row.replace("{row}", String(index + 1)));
    const bytes = writeWorkbook([{ name: "S", rows: [] }], {
      parts: {
        "xl/worksheets/sheet1.xml": `<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`,
      },
    });
    const result = await read({ "a.xlsx": bytes });
    expect(result.en).toEqual([]);
    expect(result.rows.invest).toHaveLength(28);
  });
});

describe("legacy workbooks", () => {
  it("reads an .xls or .et that is an .xlsx renamed (a zip); a real one stays the error", async () => {
    const bytes = book([
      ["target", "date", "value"],
      ["invest", "2022-01-31", { number: 7 }],
    ]);
    const result = await read({
      "a.xls": bytes,
      "b.et": Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    });
    expect(result.rows.invest).toEqual([["2022-01-31", 7]]);
    expect(result.en).toEqual([
      "data/b.et:1:1: kpi cannot read .et workbooks: open it in Excel or WPS and save it as .xlsx (Excel Workbook) or as CSV UTF-8",
    ]);
  });
});

describe("damaged and hostile workbooks: refused at their place, nothing read", () => {
  const valid = (parts: Record<string, string | Buffer>) =>
    writeWorkbook([{ name: "S", rows: [["target", "date", "value"]] }], { parts });

  it.each([
    [
      "not a zip",
      Buffer.from("target,date,value\n"),
      "not an .xlsx workbook (not a zip file): open it in Excel or WPS and save it as .xlsx (Excel Workbook)",
    ],
    [
      "an encrypted workbook (an OLE2 file)",
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      "the workbook is password-protected, or a legacy .xls under another name: save it as .xlsx without a password",
    ],
    [
      "a zip cut short",
      valid({}).subarray(0, 200),
      "the workbook is damaged: its zip structure is broken; save it again from Excel or WPS",
    ],
    [
      "a zip of no workbook",
      zip({ "a.txt": "x" }),
      "a zip file but not an Excel workbook (no xl/workbook.xml): save it as .xlsx (Excel Workbook)",
    ],
    [
      "truncated XML",
      valid({ "xl/workbook.xml": '<workbook><sheets><sheet name="S" r:id="rId3"/>' }),
      "the workbook is damaged: malformed or truncated XML (xl/workbook.xml); save it again from Excel or WPS",
    ],
    [
      "a DTD (billion laughs)",
      valid({
        "xl/sharedStrings.xml": `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>`,
      }),
      "the workbook holds a DTD (xl/sharedStrings.xml), which no spreadsheet program writes: refused (its entities are never expanded)",
    ],
    [
      "an undefined entity",
      valid({ "xl/sharedStrings.xml": "<sst><si><t>&lol9;</t></si></sst>" }),
      "the workbook uses the entity &lol9; (xl/sharedStrings.xml), which no spreadsheet program writes: refused",
    ],
  ])("refuses %s", async (_, bytes, message) => {
    const result = await read({ "a.xlsx": bytes });
    expect(result.en).toEqual([`data/a.xlsx:1:1: ${message}`]);
    expect(result.rows).toEqual({});
  });

  it("refuses a cell reference past the grid, and a shared string that is not there, at the cell", async () => {
    const past = valid({
      "xl/worksheets/sheet1.xml":
        '<worksheet><sheetData><row r="1"><c r="XFE1" t="s"><v>0</v></c></row></sheetData></worksheet>',
    });
    const missing = valid({
      "xl/worksheets/sheet1.xml":
        '<worksheet><sheetData><row r="1"><c r="B1" t="s"><v>99</v></c></row></sheetData></worksheet>',
    });
    const result = await read({ "a.xlsx": past, "b.xlsx": missing });
    expect(result.en).toEqual([
      'data/a.xlsx:S!A1: the workbook is damaged: "XFE1" is no cell reference within the sheet\'s grid (xl/worksheets/sheet1.xml)',
      "data/b.xlsx:S!B1: the workbook is damaged: cell B1 names a shared string that is not there (xl/worksheets/sheet1.xml)",
    ]);
    expect(result.zh[1]).toBe(
      "data/b.xlsx:S!B1: 工作簿已损坏：单元格 B1 引用的共享字符串不存在（xl/worksheets/sheet1.xml）",
    );
  });

  it("refuses a part that inflates past the limit (a zip bomb) without inflating it whole", () => {
    // 64 MiB of zeros deflate to some 64 KiB; the limit here is 1 MiB.
    const bomb = valid({ "xl/sharedStrings.xml": Buffer.alloc(64 << 20) });
    const fault = faultOf(() => {
      const workbook = openWorkbook(bomb, { partBytes: 1 << 20, totalBytes: 2 << 20 });
      for (const sheet of workbook.sheets) for (const _ of sheet.rows());
    });
    expect(fault).toEqual({ kind: "too-large", part: "xl/sharedStrings.xml", maxBytes: 1 << 20 });
  });

  it("says a part too large in both languages", async () => {
    const { formatProblem: format } = await import("../../src/i18n/problem-text.js");
    const { error } = await import("../../src/core/problems.js");
    const problem = error({ file: "a.xlsx", line: 1, column: 1 }, "data.workbook-too-large", {
      part: "xl/sharedStrings.xml",
      maxBytes: 256 << 20,
    });
    expect(format(problem, labelsFor("en"))).toBe(
      "a.xlsx:1:1: the workbook's part xl/sharedStrings.xml inflates past 256 MiB: a damaged file or a zip bomb, refused",
    );
    expect(format(problem, labelsFor("zh"))).toBe(
      "a.xlsx:1:1: 工作簿的部件 xl/sharedStrings.xml 解压后超过 256 MiB：文件已损坏或是压缩炸弹，拒绝读取",
    );
  });
});

function faultOf(run: () => void): WorkbookFault | null {
  try {
    run();
    return null;
  } catch (cause) {
    if (cause instanceof WorkbookError) return cause.fault;
    throw cause;
  }
}

describe("the cell texts", () => {
  it("dates a serial day in the 1900 system, its leap-year bug included, and in the 1904 system", () => {
    // Day 1 is 1900-01-01; day 59 is 1900-02-28; day 60 is Excel's 1900-02-29, which never was;
    // day 61 is 1900-03-01; 44651 is 2022-03-31. In the 1904 system day 0 is 1904-01-01.
    expect(serialDate(1, false)).toBe("1900-01-01");
    expect(serialDate(59, false)).toBe("1900-02-28");
    expect(serialDate(60, false)).toBe("1900-02-29");
    expect(serialDate(61, false)).toBe("1900-03-01");
    expect(serialDate(44651, false)).toBe("2022-03-31");
    expect(serialDate(44651.5, false)).toBe("2022-03-31 12:00:00");
    expect(serialDate(0, true)).toBe("1904-01-01");
    expect(serialDate(43189, true)).toBe("2022-03-31");
    expect(serialDate(0, false)).toBe("0");
  });

  it("refuses day 60 of the 1900 system as no calendar date", async () => {
    const result = await read({
      "a.xlsx": book([
        ["target", "date", "value"],
        ["invest", { number: 60, format: "date" }, { number: 1 }],
      ]),
    });
    expect(result.en).toEqual(['data/a.xlsx:Sheet1!B2: date "1900-02-29" is not a calendar date']);
  });

  it("writes numbers as plain decimals that read back as the same double", () => {
    expect(decimalText(1e-7)).toBe("0.0000001");
    expect(decimalText(1.5e21)).toBe("1500000000000000000000");
    expect(decimalText(-2.5e-8)).toBe("-0.000000025");
    expect(decimalText(-0)).toBe("0");
    expect(shiftDecimal("0.3", 2)).toBe("30");
    expect(shiftDecimal("0.125", 2)).toBe("12.5");
    expect(shiftDecimal("-0.0005", 2)).toBe("-0.05");
    expect(shiftDecimal("12", 2)).toBe("1200");
    expect(cellField({ kind: "number", value: 0.417, format: "percent" }, false).text).toBe(
      "41.7%",
    );
  });

  it("tells date and percent formats from their codes", () => {
    expect(formatKind("yyyy-mm-dd")).toBe("date");
    expect(formatKind('[$-804]yyyy"年"m"月"d"日"')).toBe("date");
    expect(formatKind("YYYY/MM/DD\\ HH:MM")).toBe("date");
    expect(formatKind("0.0%")).toBe("percent");
    expect(formatKind("General")).toBe("plain");
    expect(formatKind('#,##0.00" days"')).toBe("plain");
    expect(formatKind("[Red]#,##0;[Blue]-#,##0")).toBe("plain");
    expect(formatKind("0.00E+00")).toBe("plain");
    expect(formatKind("[h]:mm:ss")).toBe("plain");
    // No day and no time: a month, or a year alone; m with h or s is minutes.
    expect(formatKind('yyyy"年"m"月"')).toBe("month");
    expect(formatKind("mmm yyyy")).toBe("month");
    expect(formatKind("yyyy-mm")).toBe("month");
    expect(formatKind('yyyy"年"')).toBe("year");
    expect(formatKind("h:mm")).toBe("date");
    expect(formatKind('m"月"d"日"')).toBe("date");
    expect(formatKind("@")).toBe("plain");
  });
});
