// Makes the workbooks that kpi's tests and the bundled example read, saved by a real spreadsheet
// program: each is written here as a flat OpenDocument spreadsheet (.fods), and LibreOffice Calc
// converts it to .xlsx (`soffice --headless --convert-to xlsx`), computing its formulas and
// choosing its own number formats, styles and zip layout as it does for any user. The outputs are
// committed; run this again only to change them:
//
//     apt-get install libreoffice-calc-nogui   # Debian; any LibreOffice 7 or later
//     node scripts/make-workbook-fixtures.js
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Cells: a string is a text cell; {n} a number; {date} a date cell; {pct} a percent cell
// (stored 0.3, shown 30%); {formula, n} a formula with the number LibreOffice computes;
// {formula, error} a formula whose result is an error value; {span} a cell merged across columns.
const n = (value) => ({ n: value });
const date = (value) => ({ date: value });
const pct = (value, decimals = 0) => ({ pct: value, decimals });

/** The bundled example's June as the county office's clerk sends it (data/2022-06.csv's rows). */
const NOTE = "示例数据，非官方统计";
const exampleJune = {
  sheets: [
    {
      name: "督查室",
      rows: [
        [{ text: "2022年6月重点工作指标完成情况", span: 4 }],
        ["填报单位：县委县政府督查室", "", "", "填报日期：2022年7月5日"],
        ["指标", "日期", "数值", "备注"],
        ["invest.projects-100m", date("2022-06-30"), n(81), `${NOTE}；上半年累计`],
        ["invest.start-rate", date("2022-06-30"), pct(0.55), `${NOTE}；上半年累计开工率`],
        ["invest.new-above-scale-share", "2022-Q2", pct(0.52), `${NOTE}；上半年完成年度任务比例`],
        ["invest.government-share", date("2022-06-30"), pct(0.417, 1), `${NOTE}；上半年累计`],
        ["land.demolition-holdouts", date("2022-06-30"), n(1), `${NOTE}；月末剩余户数`],
        ["land.old-parks", date("2022-06-30"), n(5120), `${NOTE}；改造以来累计`],
        ["platform.above-scale-projects", "2022年6月", n(8), `${NOTE}；当月新增`],
        [
          "business.tax-relief",
          date("2022-06-30"),
          n(63.2),
          `${NOTE}；上半年累计，亿元，含增值税留抵退税`,
        ],
        ["rural.livelihood-projects", date("2022-06-30"), "未完成", `${NOTE}；推进中`],
        ["safety.major-accidents", "2022-Q2", n(0), `${NOTE}；上半年累计`],
        ["safety.general-accidents", "2022-Q2", n(-2), `${NOTE}；上半年11起，去年同期13起`],
        ["safety.general-accident-deaths", "2022-Q2", n(0), `${NOTE}；上半年10人，去年同期10人`],
        ["ecology.inspection-cases", date("2022-06-30"), "未完成", `${NOTE}；销号推进中`],
        ["opening.city-rank", "2022年6月", n(1), `${NOTE}；月度亮晒`],
        ["opening.gdp-rank", "2022-Q2", n(49), `${NOTE}；上半年GDP全省位次`],
        ["platform.edz-top30", "2022年6月", n(33), `${NOTE}；全省开发区综合发展水平评价`],
        ["taskforce.basketball-acceptance", date("2022-06-30"), "已完成", NOTE],
        ["taskforce.invest-race", date("2022-06-30"), "否", NOTE],
        ["合计", "", { formula: "of:=SUM([.C4:.C21])", n: 5274.2 }, ""],
      ],
    },
  ],
};

/**
 * A department's month: a merged title, a 填报单位 row, a 单位 row, a header, date cells, a text
 * date, full-width digits, a percent cell and a formula total; a sheet of notes without a header;
 * and a second table headed in English on its own sheet.
 */
const department = {
  sheets: [
    {
      name: "发改局",
      rows: [
        [{ text: "2022年7月重点指标完成情况", span: 4 }],
        ["填报单位：发改局", "", "", ""],
        ["单位：万元", "", "", ""],
        ["指标", "日期", "数值", "备注"],
        ["invest", date("2022-07-31"), n(1200), "date cell"],
        ["invest", "2022年6月", n(1000.5), "text date"],
        ["count", date("2022-07-31"), "１２０", "full-width digits"],
        ["rate", date("2022-07-31"), pct(0.3), "percent cell"],
        ["rate", date("2022-06-30"), pct(0.125, 1), "percent cell"],
        ["合计", "", { formula: "of:=SUM([.C5:.C7])", n: 2200.5 }, ""],
      ],
    },
    { name: "说明", rows: [["本表由发改局填报。"], ["数据截至月末。"]] },
    {
      name: "Sheet 3",
      rows: [
        ["target", "date", "value"],
        ["count", date("2022-06-30"), n(100)],
      ],
    },
  ],
};

/** Dates in the 1904 date system (old Mac Excel's): the same days as any other workbook. */
const date1904 = {
  nullDate: "1904-01-01",
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["target", "date", "value"],
        ["invest", date("2022-03-31"), n(5)],
        ["invest", date("1904-01-02"), n(1)],
      ],
    },
  ],
};

/** Cells that are errors where they are: error values, a plain number as a date, a percent. */
const badCells = {
  sheets: [
    {
      name: "数据",
      rows: [
        ["target", "date", "value"],
        ["invest", date("2022-07-31"), { formula: "of:=1/0", error: true }],
        ["invest", date("2022-08-31"), { formula: "of:=NA()", error: true }],
        ["invest", n(44804), n(3)],
        ["invest", date("2022-09-30"), pct(0.3)],
        ["invest", { datetime: "2022-10-31T09:30:00" }, n(4)],
      ],
    },
  ],
};

/** No sheet has a header. */
const noHeader = {
  sheets: [
    { name: "封面", rows: [["2022年报表"]] },
    {
      name: "数据",
      rows: [
        ["项目", "时间", "金额"],
        ["invest", date("2022-07-31"), n(1)],
      ],
    },
  ],
};

const FIXTURES = {
  "test/fixtures/workbooks/department.xlsx": department,
  "test/fixtures/workbooks/date1904.xlsx": date1904,
  "test/fixtures/workbooks/bad-cells.xlsx": badCells,
  "test/fixtures/workbooks/no-header.xlsx": noHeader,
  "data/2022-06.xlsx": exampleJune,
};

function escapeXml(value) {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function cellXml(cell) {
  if (cell === "" || cell === undefined) return "<table:table-cell/>";
  if (typeof cell === "string") cell = { text: cell };
  const span =
    cell.span === undefined
      ? ""
      : ` table:number-columns-spanned="${cell.span}" table:number-rows-spanned="1"`;
  const covered =
    cell.span === undefined ? "" : "<table:covered-table-cell/>".repeat(cell.span - 1);
  let attributes;
  let content = "";
  if (cell.text !== undefined) {
    attributes = `office:value-type="string"`;
    content = `<text:p>${escapeXml(cell.text)}</text:p>`;
  } else if (cell.date !== undefined)
    attributes = `table:style-name="date" office:value-type="date" office:date-value="${cell.date}"`;
  else if (cell.datetime !== undefined)
    attributes = `table:style-name="datetime" office:value-type="date" office:date-value="${cell.datetime}"`;
  else if (cell.pct !== undefined)
    attributes = `table:style-name="pct${cell.decimals}" office:value-type="percentage" office:value="${cell.pct}"`;
  else if (cell.formula !== undefined && cell.error)
    attributes = `table:formula="${escapeXml(cell.formula)}"`;
  else if (cell.formula !== undefined)
    attributes = `table:formula="${escapeXml(cell.formula)}" office:value-type="float" office:value="${cell.n}"`;
  else attributes = `office:value-type="float" office:value="${cell.n}"`;
  return `<table:table-cell ${attributes}${span}>${content}</table:table-cell>${covered}`;
}

function fods(workbook) {
  const tables = workbook.sheets
    .map(
      (sheet) =>
        `<table:table table:name="${escapeXml(sheet.name)}">${sheet.rows
          .map((row) => `<table:table-row>${row.map(cellXml).join("")}</table:table-row>`)
          .join("")}</table:table>`,
    )
    .join("");
  const nullDate =
    workbook.nullDate === undefined
      ? ""
      : `<table:calculation-settings><table:null-date table:date-value="${workbook.nullDate}"/></table:calculation-settings>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="N-date"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<number:date-style style:name="N-datetime"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>
<number:percentage-style style:name="N-pct0"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<number:percentage-style style:name="N-pct1"><number:number number:decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<style:style style:name="date" style:family="table-cell" style:data-style-name="N-date"/>
<style:style style:name="datetime" style:family="table-cell" style:data-style-name="N-datetime"/>
<style:style style:name="pct0" style:family="table-cell" style:data-style-name="N-pct0"/>
<style:style style:name="pct1" style:family="table-cell" style:data-style-name="N-pct1"/>
</office:automatic-styles>
<office:body><office:spreadsheet>${nullDate}${tables}</office:spreadsheet></office:body></office:document>
`;
}

const scratch = mkdtempSync(join(tmpdir(), "kpi-workbooks-"));
try {
  for (const [output, workbook] of Object.entries(FIXTURES)) {
    const source = join(scratch, "book.fods");
    writeFileSync(source, fods(workbook));
    const run = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${scratch}/profile`,
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        scratch,
        source,
      ],
      { encoding: "utf8" },
    );
    if (run.status !== 0) throw new Error(`soffice failed for ${output}:\n${run.stderr}`);
    mkdirSync(join(output, ".."), { recursive: true });
    copyFileSync(join(scratch, "book.xlsx"), output);
    console.log(`wrote ${output}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
