/**
 * The entry form's model (src/core/template-model.ts) and its two renderers: which targets, the
 * latest value, E at the period's end (hand arithmetic beside each), the CSV form's quoting and
 * its defence against formula injection, and the workbook's cells read back with kpi's reader.
 */
import { describe, expect, it } from "vitest";
import { fileNamePart } from "../../src/cli/template.js";
import { buildTemplate, templateOwners } from "../../src/core/template-model.js";
import { labelsFor } from "../../src/i18n/language.js";
import { openWorkbook } from "../../src/inputs/workbook.js";
import { csvField, defuseFormula, renderTemplateCsv } from "../../src/render/template-csv.js";
import { renderTemplateXlsx } from "../../src/render/template-xlsx.js";
import { day, readCsvTexts, rows, targetsFrom } from "../helpers.js";

const TARGETS = targetsFrom(`
year: 2022
targets:
  - { id: projects, title: 固投亿元以上项目, owner: 发改局, unit: 个, target: 130 }
  - { id: rank, title: GDP全省排名, owner: [发改局, 统计局], unit: 位, kind: level, max: 48 }
  - { id: park, title: 园区验收, owner: 经信局, kind: milestone, deadline: 2022-09-30 }
  - { id: hostile, title: '=HYPERLINK("http://evil.example","x")', owner: 发改局, unit: "+cmd|' /C calc'!A0", target: 10 }
`);
const OBSERVATIONS = new Map([
  ["projects", rows(["2022-05-31", 60], ["2022-06-30", 81], ["2022-07-31", 95])],
  ["park", rows(["2022-06-30", false])],
]);
const JULY = { text: "2022-07", date: day("2022-07-31") };

describe("the entry form's model", () => {
  it("has the owner's targets in file order, the latest value before the period's end and E at its end", () => {
    const model = buildTemplate(TARGETS, OBSERVATIONS, "发改局", JULY);
    expect(model.rows.map((row) => row.target.id)).toEqual(["projects", "rank", "hostile"]);
    const [projects, rank] = model.rows;
    // The latest row before 07-31 (a July row already there is not "previous"): 81 on 06-30.
    expect(projects?.previous).toEqual({ day: day("2022-06-30"), value: 81 });
    // Default schedule q30-h60-q85: 78 by 06-30, 110.5 by 09-30; 31 of the 92 days between:
    // 78 + 32.5 × 31 ÷ 92 = 88.951…
    expect(projects?.expected).toBeCloseTo(78 + (32.5 * 31) / 92, 9);
    expect([projects?.measure, rank?.measure, rank?.previous, rank?.expected]).toEqual([
      "total",
      "level",
      null,
      null,
    ]);
    const park = buildTemplate(TARGETS, OBSERVATIONS, "经信局", JULY).rows[0];
    expect([park?.measure, park?.previous?.value]).toEqual(["milestone", false]);
  });

  it("lists the owners in kpi.yaml's order, then as the files first name them", () => {
    expect(templateOwners(TARGETS, [])).toEqual(["发改局", "统计局", "经信局"]);
    expect(templateOwners(TARGETS, ["经信局", "不存在"])).toEqual(["经信局", "发改局", "统计局"]);
  });
});

describe("the CSV form", () => {
  it("quotes what needs it and defuses a text a spreadsheet would run as a formula", () => {
    expect([csvField("a,b"), csvField('say "hi"'), csvField("plain")]).toEqual([
      '"a,b"',
      '"say ""hi"""',
      "plain",
    ]);
    expect(["=1+1", "+cmd", "-x", "@SUM(1)", "\tx", "ok", "≤ 2"].map(defuseFormula)).toEqual([
      "'=1+1",
      "'+cmd",
      "'-x",
      "'@SUM(1)",
      "'\tx",
      "ok",
      "≤ 2",
    ]);
    const csv = renderTemplateCsv(buildTemplate(TARGETS, OBSERVATIONS, "发改局", JULY), {
      labels: labelsFor("zh"),
    });
    expect(csv.split("\r\n")).toEqual([
      "\ufeff编号,指标名称,单位,日期,上期数值,序时进度,数值,备注",
      "projects,固投亿元以上项目,个,2022-07-31,81,88.95,,",
      "rank,GDP全省排名,位,2022-07-31,,≤ 48,,",
      `hostile,"'=HYPERLINK(""http://evil.example"",""x"")",'+cmd|' /C calc'!A0,2022-07-31,,6.84,,`,
      "",
    ]);
  });
});

describe("a growth target that takes last year's figure (input: value)", () => {
  const growth = targetsFrom(`
year: 2023
targets:
  - { id: output, title: 规上工业产值增长, owner: 经信局, unit: 亿元, kind: growth, rate: 10, input: value }
  - { id: parks, title: 园区数, owner: 经信局, unit: 个, target: 12 }
`);

  it("has a 同期 column, with last year's figure where the data have it, that reads back as the base", () => {
    // Last year's row for 2023-06-30 is 2022-06-30's (SPEC 2.4); there is none for 2023-07-31.
    const observations = new Map([
      ["output", rows(["2022-06-30", 200], ["2022-07-31", 230], ["2023-06-30", 216])],
    ]);
    const june = { text: "2023-06", date: day("2023-06-30") };
    const model = buildTemplate(growth, observations, "经信局", june);
    expect([model.withBase, ...model.rows.map((row) => [row.takesBase, row.base])]).toEqual([
      true,
      [true, 200],
      [false, null],
    ]);
    const csv = renderTemplateCsv(model, { labels: labelsFor("zh") });
    expect(csv.split("\r\n").slice(0, 3)).toEqual([
      "\ufeff编号,指标名称,单位,日期,上期数值,序时进度,数值,备注,同期",
      "output,规上工业产值增长,亿元,2023-06-30,230,≥ 10%,,,200",
      // The latest row before 06-30 is 2022-07-31's 230; parks: 60% of 12 by mid-year is 7.2.
      "parks,园区数,个,2023-06-30,,7.2,,,",
    ]);
    // The owner writes 226 for June: G = (226 ÷ 200 − 1) × 100 = 13.0.
    const filled = csv.replace("≥ 10%,,,200", "≥ 10%,226,,200").replace(/^\ufeff/, "");
    const read = readCsvTexts([{ file: "f.csv", chunks: [filled] }], growth);
    // The parks row left empty is a warning that it was skipped, as for any unfilled row.
    expect(read.problems.map((problem) => problem.code)).toEqual(["data.value-missing"]);
    const series = read.observations.get("output");
    expect([series?.value(0), series?.base(0)]).toEqual([226, 200]);
    // In the workbook, I3 holds 200 as a number, in a cell the owner may change.
    const [sheet] = openWorkbook(renderTemplateXlsx(model, { labels: labelsFor("zh") })).sheets;
    const output = [...(sheet?.rows() ?? [])].find((row) => row.row === 3);
    expect(output?.cells.at(-1)).toEqual({ kind: "number", value: 200, format: "plain" });
    expect(output?.columns.at(-1)).toBe(8);
    // A form without a growth target has no 同期 column.
    expect(buildTemplate(TARGETS, OBSERVATIONS, "发改局", JULY).withBase).toBe(false);
  });
});

describe("the workbook form", () => {
  it("holds every input text as a text cell, numbers as numbers, and an empty value and note", () => {
    const bytes = renderTemplateXlsx(buildTemplate(TARGETS, OBSERVATIONS, "发改局", JULY), {
      labels: labelsFor("zh"),
    });
    const [sheet] = openWorkbook(bytes).sheets;
    const read = [...(sheet?.rows() ?? [])].map((row) => ({
      row: row.row,
      columns: row.columns,
      cells: row.cells,
    }));
    expect(sheet?.name).toBe("发改局");
    // Row 5: the hostile target; its title and unit are text, E(07-31) = 10 × 0.6842 = 6.842 a number.
    const hostile = read.find((row) => row.row === 5);
    expect(hostile?.cells.slice(0, 4)).toEqual([
      { kind: "text", text: "hostile" },
      { kind: "text", text: '=HYPERLINK("http://evil.example","x")' },
      { kind: "text", text: "+cmd|' /C calc'!A0" },
      { kind: "text", text: "2022-07-31" },
    ]);
    // Column E (the previous value) is empty, F (expected) a number; G and H hold no value.
    expect(hostile?.columns).toEqual([0, 1, 2, 3, 5]);
    expect(hostile?.cells[4]).toEqual({
      kind: "number",
      value: (10 * (60 + (25 * 31) / 92)) / 100,
      format: "plain",
    });
  });
});

describe("the files of --all", () => {
  it("are named OWNER-PERIOD, without the characters a file system refuses", () => {
    expect(["发改局", 'a\\b:c*d?"e<f>g|h', "  ", "x\u0007y"].map(fileNamePart)).toEqual([
      "发改局",
      "a_b_c_d__e_f_g_h",
      "_",
      "x_y",
    ]);
  });
});
