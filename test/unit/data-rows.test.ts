import fc from "fast-check";
/**
 * The row-level rules of SPEC section 3 (v2), one `describe` per rule: each case with its exact
 * place and message, in English and in Chinese.
 */
import { describe, expect, it } from "vitest";
import * as yaml from "yaml";
import { endOfMonth } from "../../src/core/dates.js";
import { evaluate, growthAt } from "../../src/core/evaluate.js";
import type { GrowthTarget, Target } from "../../src/core/model.js";
import type { Problem } from "../../src/core/problems.js";
import type { Series } from "../../src/core/series.js";
import { labelsFor } from "../../src/i18n/language.js";
import { formatProblem } from "../../src/i18n/problem-text.js";
import { loadTargets } from "../../src/inputs/targets.js";
import { day, formatDay, readCsvTexts, targetsFrom } from "../helpers.js";

const targets = targetsFrom(`
year: 2022
targets:
  - { id: invest, title: 固投亿元以上项目, target: 130, unit: 个 }
  - { id: rate, title: 开工率, target: 85, unit: "%" }
  - { id: sales, title: 社零额, target: 1200, unit: 万元, aggregate: sum }
  - { id: rank, kind: level, title: 排名, max: 2 }
  - { id: hall, kind: milestone, title: 篮球馆, deadline: 2022-03-31 }
`);

/** Read CSV files the way the CLI does: each target's rows, and the problems in both languages. */
function read(files: Record<string, string>) {
  const data = readCsvTexts(
    Object.entries(files).map(([file, text]) => ({ file, chunks: [text] })),
    targets,
  );
  const values = Object.fromEntries(
    [...data.observations].map(([id, rows]) => [
      id,
      rows.observations().map((row) => [formatDay(row.day), row.value, `${row.file}:${row.line}`]),
    ]),
  );
  return {
    values,
    en: data.problems.map((problem) => formatProblem(problem, labelsFor("en"))),
    zh: data.problems.map((problem) => formatProblem(problem, labelsFor("zh"))),
  };
}

/** One data file `a.csv` of a header and one row. */
const row = (line: string) => read({ "a.csv": `target,date,value\n${line}\n` });

describe("SPEC 3 (v2): date and value cells are NFKC-normalised", () => {
  it("reads full-width digits, signs and a full-width comma inside one quoted field", () => {
    const result = read({
      "a.csv":
        'target,date,value\ninvest,２０２２-０１-３１,１２０\nrate,2022-02-28,３０％\ninvest,2022年２月,"1，200"\nsales,2022-01-31,－５\n',
    });
    expect(result.en).toEqual([]);
    expect(result.values).toEqual({
      invest: [
        ["2022-01-31", 120, "a.csv:2"],
        ["2022-02-28", 1200, "a.csv:4"],
      ],
      rate: [["2022-02-28", 30, "a.csv:3"]],
      sales: [["2022-01-31", -5, "a.csv:5"]],
    });
  });

  it.each([
    // Column 19: after "invest,2022-01-31,".
    ["invest,2022-01-31,约30", "约30", "30"],
    ["invest,2022-01-31,30个", "30个", "30"],
    ["invest,2022-01-31,１２.５万", "１２.５万", "125000"],
    // sales is counted in 万元: 12.5万 is 12.5 of its unit, 1.2亿 is 12000.
    ["sales,2022-01-31,12.5万元", "12.5万元", "12.5"],
    ["sales,2022-01-31,1.2亿", "1.2亿", "12000"],
    // No power of ten: the number is in the target's unit already, whatever the words.
    ["sales,2022-01-31,约63.2", "约63.2", "63.2"],
    ["sales,2022-01-31,63.2左右", "63.2左右", "63.2"],
    // In the unit's base: 1,200,000 元 is 120 万元.
    ["sales,2022-01-31,1200000元", "1200000元", "120"],
    // 千万 is 1e7: 5千万 is 5000 万元, and 50,000,000 个.
    ["sales,2022-01-31,5千万", "5千万", "5000"],
    ["invest,2022-01-31,5千万", "5千万", "50000000"],
    ["invest,2022-01-31,3百万元", "3百万元", "3000000"],
    ["invest,2022-01-31,5千", "5千", "5000"],
    // A minus sign that NFKC keeps (U+2212, an en dash, an em dash) is kept in the suggestion.
    ["sales,2022-01-31,\u22125", "\u22125", "-5"],
    ["sales,2022-01-31,\u20131.5万", "\u20131.5万", "-1.5"],
    ["invest,2022-01-31,\u20141", "\u20141", "-1"],
  ])("refuses %s, saying what to write instead", (line, value, write) => {
    const at = line.indexOf(",", line.indexOf(",") + 1) + 2;
    const result = row(line);
    expect(result.en).toEqual([
      `a.csv:2:${at}: value ${JSON.stringify(value)} is not a number: write ${write}`,
    ]);
    expect(result.zh).toEqual([
      `a.csv:2:${at}: 数值 ${JSON.stringify(value)} 不是数字：请写 ${write}`,
    ]);
    expect(result.values).toEqual({});
  });

  it("keeps an exponent, a bare point and a lone word as numbers that are not numbers", () => {
    // 千米 and 百分点 may be units of their own: no number is suggested for them.
    for (const value of ["1e3", ".5", "about", "5千米", "3百分点"])
      expect(row(`invest,2022-01-31,${value}`).en).toEqual([
        `a.csv:2:19: value ${JSON.stringify(value)} is not a number: write a number (36, -3.5 or 1200)`,
      ]);
  });
});

describe("SPEC 3 (v2): the new date forms", () => {
  it("reads 2022.3.31, 20220331, a midnight time, Chinese quarters and half years", () => {
    const lines = [
      "invest,2022.1.31,1",
      "invest,20220228,2",
      "invest,2022/3/31 0:00,3",
      "invest,2022-04-30 00:00:00,4",
      "invest,2022-05-31T00:00:00.000,5",
      "rate,2022年一季度,10",
      "rate,2022年第二季度,20",
      "rate,2022年3季度,30",
      "rank,2022年上半年,2",
      "rank,2022年下半年,1",
    ];
    const result = read({ "a.csv": `target,date,value\n${lines.join("\n")}\n` });
    expect(result.en).toEqual([]);
    expect(result.values).toEqual({
      invest: [
        ["2022-01-31", 1, "a.csv:2"],
        ["2022-02-28", 2, "a.csv:3"],
        ["2022-03-31", 3, "a.csv:4"],
        ["2022-04-30", 4, "a.csv:5"],
        ["2022-05-31", 5, "a.csv:6"],
      ],
      rate: [
        ["2022-03-31", 10, "a.csv:7"],
        ["2022-06-30", 20, "a.csv:8"],
        ["2022-09-30", 30, "a.csv:9"],
      ],
      rank: [
        ["2022-06-30", 2, "a.csv:10"],
        ["2022-12-31", 1, "a.csv:11"],
      ],
    });
  });

  it("reads a range from January for aggregate: last and a later range for aggregate: sum", () => {
    const result = read({
      "a.csv":
        "target,date,value\ninvest,2022年1-3月,40\ninvest,2022年1至6月,80\nsales,2022年4—6月,300\nsales,2022年7-9月,310\n",
    });
    expect(result.en).toEqual([]);
    expect(result.values).toEqual({
      invest: [
        ["2022-03-31", 40, "a.csv:2"],
        ["2022-06-30", 80, "a.csv:3"],
      ],
      sales: [
        ["2022-06-30", 300, "a.csv:4"],
        ["2022-09-30", 310, "a.csv:5"],
      ],
    });
  });

  it("refuses a later range that holds another row of its target: that period would be added twice", () => {
    // sales adds up its rows: May 70 + June 80 + "May to July" 200 would count May and June twice.
    const monthly = read({
      "a.csv": "target,date,value\nsales,2022年5月,70\nsales,2022年6月,80\n",
      "b.csv": "target,date,value\nsales,2022年5-7月,200\n",
    });
    /** The error at `row` of a span from `from` to `to` that holds the row of `holds` at `at`. */
    const overlap = (row: string, from: string, to: string, holds: string, at: string) =>
      `${row}: sales: this row's amount is for ${from} to ${to}, which holds ${holds}, given already at ${at}: summed, that period would be counted twice; give the months not yet reported alone, or delete the rows this one covers`;
    expect(monthly.en).toEqual([
      overlap("b.csv:2:1", "2022-05-01", "2022-07-31", "2022-05-31", "a.csv:2"),
    ]);
    expect(monthly.zh).toEqual([
      "b.csv:2:1: sales 此行数值是 2022-05-01 至 2022-07-31 的合计，其中 2022-05-31 已在 a.csv:2 填报：累加时这段时间会重复计算；请只填尚未填报的月份，或删去此行所含的行",
    ]);
    // In any order of files: the range first, the month it holds after.
    const later = read({
      "a.csv": "target,date,value\nsales,2022年5-7月,200\n",
      "b.csv": "target,date,value\nsales,2022-06-30,80\n",
    });
    expect(later.en).toEqual([
      overlap("a.csv:2:1", "2022-05-01", "2022-07-31", "2022-06-30", "b.csv:2"),
    ]);
    // Two ranges that share June: the later one holds the earlier one's end.
    const ranges = read({
      "a.csv": "target,date,value\nsales,2022年4-6月,300\nsales,2022年6-8月,310\n",
    });
    expect(ranges.en).toEqual([
      overlap("a.csv:3:1", "2022-06-01", "2022-08-31", "2022-06-30", "a.csv:2"),
    ]);
    // A quarter or a half year names its months too: Q2's amount holds April's and May's rows.
    const quarter = read({
      "a.csv":
        "target,date,value\nsales,2022年4月,60\nsales,2022年5月,70\nsales,2022年二季度,200\n",
    });
    expect(quarter.en).toEqual([
      overlap("a.csv:4:1", "2022-04-01", "2022-06-30", "2022-04-30", "a.csv:2"),
    ]);
    const half = read({
      "a.csv": "target,date,value\nsales,2022-Q1,300\nsales,2022年上半年,650\n",
    });
    expect(half.en).toEqual([
      overlap("a.csv:3:1", "2022-01-01", "2022-06-30", "2022-03-31", "a.csv:2"),
    ]);
    // Quarters one after another are each their own amount; for a total to date (invest,
    // aggregate: last) a quarter is only a date.
    const quarters = read({
      "a.csv":
        "target,date,value\nsales,2022年一季度,300\nsales,2022年二季度,310\ninvest,2022年4月,30\ninvest,2022年二季度,40\n",
    });
    expect(quarters.en).toEqual([]);
    expect(quarters.values.sales).toEqual([
      ["2022-03-31", 300, "a.csv:2"],
      ["2022-06-30", 310, "a.csv:3"],
    ]);
    // Ranges and months that meet without sharing one are read: April, then May to July, then August.
    const apart = read({
      "a.csv":
        "target,date,value\nsales,2022年4月,60\nsales,2022年5-7月,200\nsales,2022-08-31,90\n",
    });
    expect(apart.en).toEqual([]);
    expect(apart.values.sales).toEqual([
      ["2022-04-30", 60, "a.csv:2"],
      ["2022-07-31", 200, "a.csv:3"],
      ["2022-08-31", 90, "a.csv:4"],
    ]);
  });

  it.each([
    [
      "sales,2022年1-3月,900",
      'a.csv:2:7: date "2022年1-3月" covers months 1 to 3, a total to date, which only a target with aggregate: last takes; sales adds up its rows (aggregate: sum): write the date alone, 2022-03-31, with that period\'s own amount',
      'a.csv:2:7: 日期 "2022年1-3月" 是 1 至 3 月的累计数，只有 aggregate: last 的指标接受累计数；sales 是逐行相加的（aggregate: sum）：请只写日期 2022-03-31，并填该期的当期数',
    ],
    [
      "invest,2022年4-6月,40",
      'a.csv:2:8: date "2022年4-6月" covers months 4 to 6, a period\'s own amount, which only a target with aggregate: sum takes; invest takes totals to date (aggregate: last): write the date alone, 2022-06-30, with the total to date',
      'a.csv:2:8: 日期 "2022年4-6月" 是 4 至 6 月的当期数，只有 aggregate: sum 的指标接受当期数；invest 填的是累计数（aggregate: last）：请只写日期 2022-06-30，并填截至该日的累计数',
    ],
    [
      "rank,2022年1-3月,2",
      'a.csv:2:6: date "2022年1-3月" covers months 1 to 3, and rank is a level target, which takes a date, not a range: write the date alone, 2022-03-31',
      'a.csv:2:6: 日期 "2022年1-3月" 是 1 至 3 月的区间，而 rank 是 level 指标，只接受日期，不接受区间：请只写日期，2022-03-31',
    ],
  ])("refuses the range of %s for a target that does not read it", (line, en, zh) => {
    expect(row(line)).toEqual({ values: {}, en: [en], zh: [zh] });
  });

  it("a growth target takes 1–N月 (the cumulative growth) and refuses 4–6月 with what to write", () => {
    const growth = targetsFrom(`
year: 2022
targets:
  - { id: gdp, kind: growth, title: 地区生产总值增长, rate: 7 }
`);
    const data = readCsvTexts(
      [
        {
          file: "a.csv",
          chunks: ["target,date,value\ngdp,2022年1-6月,6.8\ngdp,2022年4-6月,7.1\n"],
        },
      ],
      growth,
    );
    expect([...(data.observations.get("gdp")?.observations() ?? [])].map((r) => r.value)).toEqual([
      6.8,
    ]);
    expect(data.problems.map((problem) => formatProblem(problem, labelsFor("en")))).toEqual([
      'a.csv:3:5: date "2022年4-6月" covers months 4 to 6, a period\'s own figure, and gdp is a growth target, which takes the cumulative growth from January (1–N月): write months 1 to 6 (2022年1-6月) or the date alone, 2022-06-30, with the growth to date',
    ]);
    expect(data.problems.map((problem) => formatProblem(problem, labelsFor("zh")))).toEqual([
      'a.csv:3:5: 日期 "2022年4-6月" 是 4 至 6 月的当期数，而 gdp 是增速指标，只接受自 1 月起的累计增速（1—N月）：请写 2022年1-6月，或只写日期 2022-06-30，并填截至该日的累计增速',
    ]);
  });

  it.each([
    [
      "invest,2022-03-31 08:30,1",
      'a.csv:2:8: date "2022-03-31 08:30" has a time of day: write the date alone, 2022-03-31',
      'a.csv:2:8: 日期 "2022-03-31 08:30" 带有时刻：请只写日期，2022-03-31',
    ],
    [
      "invest,22-3-31,1",
      'a.csv:2:8: date "22-3-31" has a two-digit year: write the year in full, 2022-03-31',
      'a.csv:2:8: 日期 "22-3-31" 的年份只有两位：请写完整的四位年份，2022-03-31',
    ],
    [
      "invest,3/31/2022,1",
      'a.csv:2:8: date "3/31/2022" puts the year last: write the year first, 2022-03-31',
      'a.csv:2:8: 日期 "3/31/2022" 把年份写在最后：请把年份写在前面，2022-03-31',
    ],
    [
      "invest,03/04/2022,1",
      'a.csv:2:8: date "03/04/2022" puts the year last, and its day and month could be read either way: write the year first, YYYY-MM-DD',
      'a.csv:2:8: 日期 "03/04/2022" 把年份写在最后，月和日分不清：请把年份写在前面，YYYY-MM-DD',
    ],
    [
      // 44651 - 25569 (Excel's serial of 1970-01-01) = 19082 days after 1970-01-01: 2022-03-31.
      "invest,44651,1",
      'a.csv:2:8: date "44651" is a bare number, not a date (as a spreadsheet\'s day number it is 2022-03-31): write the date, 2022-03-31',
      'a.csv:2:8: 日期 "44651" 只是一个数字，不是日期（作为电子表格的日期序号是 2022-03-31）：请写成日期，2022-03-31',
    ],
  ])("refuses %s, saying what to write", (line, en, zh) => {
    expect(row(line)).toEqual({ values: {}, en: [en], zh: [zh] });
  });
});

describe("SPEC 3 (v2): unknown ids are errors, with did-you-mean over ids and titles", () => {
  it("refuses a row of an unknown id at its target cell, suggesting an id or a title", () => {
    const result = read({
      "a.csv": "date,target,value\n2022-01-31,invst,1\n2022-01-31,开工,2\n2022-02-28,invst,3\n",
    });
    expect(result.values).toEqual({});
    // The target cell starts at column 12, after "2022-01-31,".
    expect(result.en).toEqual([
      'a.csv:2:12: no target has the id or title "invst" (2 rows) (did you mean "invest"?)',
      'a.csv:3:12: no target has the id or title "开工" (did you mean "开工率"?)',
    ]);
    expect(result.zh).toEqual([
      'a.csv:2:12: 没有编号或名称为 "invst" 的指标（2 行）（是否应为 "invest"？）',
      'a.csv:3:12: 没有编号或名称为 "开工" 的指标（是否应为 "开工率"？）',
    ]);
  });

  it("makes them warnings, their rows ignored, with allow_unknown (or --allow-unknown)", () => {
    const data = readCsvTexts(
      [{ file: "a.csv", chunks: ["target,date,value\ninvst,2022-01-31,1\ninvest,2022-01-31,2\n"] }],
      targets,
      true,
      { allowUnknown: true },
    );
    expect(data.problems.map((problem) => formatProblem(problem))).toEqual([
      'a.csv:2:1: warning: no target has the id "invst": its rows are ignored (did you mean "invest"?)',
    ]);
    expect(data.problems.map((problem) => formatProblem(problem, labelsFor("zh")))).toEqual([
      'a.csv:2:1: 警告：没有编号为 "invst" 的指标：这些行已忽略（是否应为 "invest"？）',
    ]);
    expect([...data.observations.keys()]).toEqual(["invest"]);
  });
});

describe("SPEC 3 (v2): a row may name its target by its exact, unique title", () => {
  it("reads a title as its target's row, in either normalisation form", () => {
    // "开工率" and "固投亿元以上项目" are titles; "Cafe" + U+0301 is "Café" once composed (NFC).
    const accented = targetsFrom(`
targets:
  - { id: cafe, title: Café, kind: level, max: 5 }
`);
    const result = read({
      "a.csv": "target,date,value\n开工率,2022-01-31,8%\n固投亿元以上项目,2022-01-31,12\n",
    });
    expect(result.en).toEqual([]);
    expect(result.values).toEqual({
      rate: [["2022-01-31", 8, "a.csv:2"]],
      invest: [["2022-01-31", 12, "a.csv:3"]],
    });
    const composed = readCsvTexts(
      [{ file: "b.csv", chunks: ["target,date,value\nCafe\u0301,2022-01-31,3\n"] }],
      accented,
    );
    expect(composed.problems).toEqual([]);
    expect(composed.observations.get("cafe")?.length).toBe(1);
  });

  it("refuses a title that several targets share, naming them", () => {
    const shared = targetsFrom(`
year: 2022
targets:
  - { id: rate.q1, title: 开工率, target: 30, unit: "%" }
  - { id: rate.year, title: 开工率, target: 85, unit: "%" }
`);
    const data = readCsvTexts(
      [{ file: "a.csv", chunks: ["target,date,value\n开工率,2022-01-31,8%\n"] }],
      shared,
    );
    expect(data.problems.map((problem) => formatProblem(problem))).toEqual([
      'a.csv:2:1: "开工率" is the title of several targets (rate.q1, rate.year): name the target by its id',
    ]);
    expect(data.problems.map((problem) => formatProblem(problem, labelsFor("zh")))).toEqual([
      'a.csv:2:1: "开工率" 是多个指标的名称（rate.q1、rate.year）：请用指标编号',
    ]);
  });

  it("matches ids first: a title equal to another target's id is an error in the target files", () => {
    const text = [
      "year: 2022",
      "targets:",
      "  - id: rate",
      "    title: 开工率",
      "    target: 85",
      "  - id: rate.year",
      "    title: rate",
      "    target: 90",
      "",
    ].join("\n");
    const loaded = loadTargets([{ file: "t.yaml", text }], yaml);
    // The title "rate" is on line 7 at column 12, and the target whose id it is starts at 3:5.
    expect(loaded.problems.map((problem) => formatProblem(problem))).toEqual([
      't.yaml:7:12: the title "rate" is the id of the target at t.yaml:3:5: a data row that names "rate" would be that target\'s; give this target another title',
    ]);
    expect(loaded.problems.map((problem) => formatProblem(problem, labelsFor("zh")))).toEqual([
      't.yaml:7:12: 名称 "rate" 是 t.yaml:3:5 处指标的编号：数据行写 "rate" 时会算作那个指标；请给本指标换一个名称',
    ]);
  });
});

describe("SPEC 2.4 and 3 (v2.1): a growth target's rows, and the base column", () => {
  const growth = targetsFrom(`
year: 2023
targets:
  - { id: gdp, kind: growth, title: GDP, rate: 7 }
  - { id: ind, kind: growth, title: 工业, rate: 10, input: value, unit: 亿元 }
  - { id: invest, title: 固投, target: 130 }
`);
  function readGrowth(text: string) {
    const data = readCsvTexts([{ file: "a.csv", chunks: [text] }], growth);
    return {
      rows: Object.fromEntries(
        [...data.observations].map(([id, series]) => [
          id,
          series.observations().map((row) => [formatDay(row.day), row.value, row.base ?? null]),
        ]),
      ),
      en: data.problems.map((problem) => formatProblem(problem, labelsFor("en"))),
      zh: data.problems.map((problem) => formatProblem(problem, labelsFor("zh"))),
    };
  }

  it("reads 1–N月 ranges, a rate with %, and the 同期 column of an input: value target", () => {
    expect(
      readGrowth(
        "指标,日期,数值,同期\ngdp,2023年1-3月,6.8%,\nind,2023年1-6月,30.1,27.6\ninvest,2023-03-31,40,35\n",
      ),
    ).toEqual({
      rows: {
        gdp: [["2023-03-31", 6.8, null]],
        ind: [["2023-06-30", 30.1, 27.6]],
        // A base is read only for a growth target by value.
        invest: [["2023-03-31", 40, null]],
      },
      en: [],
      zh: [],
    });
  });

  it("refuses a base that is no number, and warns of one not above 0", () => {
    const result = readGrowth(
      "target,date,value,base\nind,2023-03-31,14,约12\nind,2023-06-30,30,0\n",
    );
    expect(result.en).toEqual([
      'a.csv:2:19: base "约12" is not a number (last year\'s figure for the same period)',
      "a.csv:3:19: warning: base 0 of ind on 2023-06-30 is not above 0: no growth can be computed from it",
    ]);
    expect(result.zh).toEqual([
      'a.csv:2:19: 同期值 "约12" 不是数字（应为上年同期数）',
      "a.csv:3:19: 警告：ind 在 2023-06-30 的同期值 0 不大于 0：无法计算增速",
    ]);
  });
});

describe("SPEC 3 (v2): a correction replaces the unmarked row of its target and date", () => {
  const header = "target,date,value,note\n";

  it.each([
    ["修正", "修正：原报数有误"],
    ["更正", "更正"],
    ["correction", "Correction: typo in March"],
    ["CORRECTION, with spaces before it", "  CORRECTION"],
  ])("a note beginning with %s marks a correction, read after or before the row", (_, note) => {
    const original = `${header}invest,2022-03-31,36,\n`;
    const correction = `${header}invest,2022-03-31,38,${note}\n`;
    for (const files of [
      { "a.csv": original, "b.csv": correction },
      { "a.csv": correction, "b.csv": original },
    ]) {
      const result = read(files);
      const [fixed, replaced] = files["a.csv"] === correction ? ["a", "b"] : ["b", "a"];
      expect(result.values).toEqual({ invest: [["2022-03-31", 38, `${fixed}.csv:2`]] });
      // Said at the correction, naming the row it replaces: never silent.
      expect(result.en).toEqual([
        `${fixed}.csv:2:1: warning: invest on 2022-03-31: the correction 38 replaces 36 at ${replaced}.csv:2`,
      ]);
      expect(result.zh).toEqual([
        `${fixed}.csv:2:1: 警告：invest 在 2022-03-31 的更正值 38 取代了 ${replaced}.csv:2 的 36`,
      ]);
    }
  });

  it("in one file, in either order; a note that only mentions a correction marks nothing", () => {
    const result = read({
      "a.csv": `${header}invest,2022-03-31,38,更正\ninvest,2022-03-31,36,\nrate,2022-03-31,30,见修正说明\nrate,2022-03-31,31,\n`,
    });
    expect(result.values.invest).toEqual([["2022-03-31", 38, "a.csv:2"]]);
    expect(result.en).toEqual([
      "a.csv:2:1: warning: invest on 2022-03-31: the correction 38 replaces 36 at a.csv:3",
      "a.csv:5:1: rate on 2022-03-31 is 31 here but 30 at a.csv:4: delete the wrong row, or mark the right row as a correction (a note that begins with 更正 or correction)",
    ]);
  });

  it("a marked row with no unmarked one is an ordinary row, said nowhere", () => {
    const result = read({ "a.csv": `${header}invest,2022-03-31,38,修正\n` });
    expect(result.values).toEqual({ invest: [["2022-03-31", 38, "a.csv:2"]] });
    expect(result.en).toEqual([]);
  });

  it("two corrections that differ, or two unmarked rows that differ, still conflict", () => {
    const twoCorrections = read({
      "a.csv": `${header}invest,2022-03-31,36,\ninvest,2022-03-31,38,修正\n`,
      "b.csv": `${header}invest,2022-03-31,39,更正\n`,
    });
    expect(twoCorrections.en).toEqual([
      "b.csv:2:1: invest on 2022-03-31 is 39 here but 38 at a.csv:3: delete the wrong row, or mark the right row as a correction (a note that begins with 更正 or correction)",
      "a.csv:3:1: warning: invest on 2022-03-31: the correction 38 replaces 36 at a.csv:2",
    ]);
    const twoRows = read({
      "a.csv": `${header}invest,2022-03-31,36,\ninvest,2022-03-31,37,\ninvest,2022-03-31,38,修正\n`,
    });
    expect(twoRows.en).toEqual([
      "a.csv:3:1: invest on 2022-03-31 is 37 here but 36 at a.csv:2: delete the wrong row, or mark the right row as a correction (a note that begins with 更正 or correction)",
      "a.csv:4:1: warning: invest on 2022-03-31: the correction 38 replaces 36 at a.csv:2",
    ]);
    expect(twoRows.zh[0]).toBe(
      "a.csv:3:1: invest 在 2022-03-31 的数值此处为 37，但在 a.csv:2 为 36：请删去错误的一行，或在正确一行的备注开头写“更正”",
    );
  });

  it("the same correction sent twice is one correction, as the same row sent twice is one row", () => {
    const result = read({
      "a.csv": `${header}invest,2022-03-31,36,\ninvest,2022-03-31,38,修正\n`,
      "b.csv": `${header}invest,2022-03-31,38,修正\ninvest,2022-03-31,36,\n`,
    });
    expect(result.values).toEqual({ invest: [["2022-03-31", 38, "a.csv:3"]] });
    expect(result.en).toEqual([
      "a.csv:3:1: warning: invest on 2022-03-31: the correction 38 replaces 36 at a.csv:2",
    ]);
  });

  it("a milestone's correction, and a quoted note, are read the same way", () => {
    const result = read({
      "a.csv": `${header}hall,2022-03-31,完成,\nhall,2022-03-31,未完成,"修正: 尚未验收, 见说明"\n`,
    });
    expect(result.values).toEqual({ hall: [["2022-03-31", false, "a.csv:3"]] });
    expect(result.zh).toEqual([
      "a.csv:3:1: 警告：hall 在 2022-03-31 的更正值 未完成 取代了 a.csv:2 的 已完成",
    ]);
  });

  it("gives the same observations whatever the order of the files and of their rows", () => {
    // Rows of three targets on four dates, some marked; each row is in a random file, and the
    // files and each file's rows come in a random order.
    const rowArbitrary = fc.record({
      id: fc.constantFrom("invest", "rate", "sales"),
      date: fc.constantFrom("2022-01-31", "2022-02-28", "2022-03-31", "2022-04-30"),
      value: fc.integer({ min: 0, max: 3 }),
      marked: fc.boolean(),
      file: fc.integer({ min: 0, max: 2 }),
    });
    const shape = (files: Record<string, string>) => {
      const data = readCsvTexts(
        Object.entries(files).map(([file, text]) => ({ file, chunks: [text] })),
        targets,
      );
      const errors = data.problems.filter((problem) => problem.severity === "error");
      // Which targets and dates conflict, and otherwise each target's dates and values.
      const conflicts = errors.map((problem) => {
        const params = problem.params as { id: string; date: string };
        return `${params.id} ${params.date}`;
      });
      const corrections = data.problems
        .filter((problem) => problem.code === "data.correction")
        .map((problem) => {
          const { id, date, value, replaced } = problem.params as Record<string, unknown>;
          return `${id} ${date} ${value} ${replaced}`;
        });
      const values = [...data.observations].map(
        ([id, series]) =>
          `${id}: ${series
            .observations()
            .map((row) => `${formatDay(row.day)}=${row.value}`)
            .join(" ")}`,
      );
      return {
        conflicts: [...new Set(conflicts)].sort(),
        corrections: errors.length > 0 ? [] : corrections.sort(),
        values: errors.length > 0 ? [] : values.sort(),
      };
    };
    fc.assert(
      fc.property(
        fc.array(rowArbitrary, { maxLength: 24 }),
        fc.array(fc.nat(), { minLength: 24, maxLength: 24 }),
        fc.array(fc.nat(), { minLength: 24, maxLength: 24 }),
        (rows, firstOrder, secondOrder) => {
          const filesOf = (order: readonly number[], names: readonly string[]) => {
            // A permutation of the rows by sort keys, then each file's rows in that order.
            const permuted = rows
              .map((row, index) => ({ row, key: order[index] ?? 0, index }))
              .sort((a, b) => a.key - b.key || a.index - b.index);
            const texts: Record<string, string> = {};
            for (const name of names) texts[name] = header;
            for (const { row } of permuted) {
              const name = names[row.file] as string;
              texts[name] += `${row.id},${row.date},${row.value},${row.marked ? "修正" : ""}\n`;
            }
            return texts;
          };
          const first = shape(filesOf(firstOrder, ["a.csv", "b.csv", "c.csv"]));
          // The same files under names that sort the other way round: read in another order.
          const second = shape(filesOf(secondOrder, ["z.csv", "y.csv", "x.csv"]));
          expect(second).toEqual(first);
        },
      ),
    );
  });
});

describe("SPEC 3: the note of a row is kept with it, to be shown beside its target", () => {
  const header = "target,date,value,note\n";
  /** Each target's rows as date=value[note], read directly or field by field. */
  const notesOf = (text: string, direct: boolean) => {
    const data = readCsvTexts([{ file: "a.csv", chunks: [text] }], targets, direct);
    return Object.fromEntries(
      [...data.observations].map(([id, series]) => [
        id,
        series.observations().map((row) => `${formatDay(row.day)}=${row.value}[${row.note ?? ""}]`),
      ]),
    );
  };

  it("trimmed, quoted or not, in the direct and the general reading alike; none for an empty one", () => {
    const text = `${header}invest,2022-01-31,10,预计 \ninvest,2022-02-28,20,\ninvest,2022-03-31,36,"含 2 个续建项目, 已开工"\nrate,2022-03-31,30,  预计  \nrate,2022-04-30,31,   \n`;
    const expected = {
      invest: ["2022-01-31=10[预计]", "2022-02-28=20[]", "2022-03-31=36[含 2 个续建项目, 已开工]"],
      rate: ["2022-03-31=30[预计]", "2022-04-30=31[]"],
    };
    expect(notesOf(text, true)).toEqual(expected);
    expect(notesOf(text, false)).toEqual(expected);
  });

  it("the column is named note, 备注 or 情况说明", () => {
    for (const name of ["Note", "备注", "情况说明"])
      expect(notesOf(`编号,日期,数值,${name}\ninvest,2022-03-31,36,已开工\n`, true)).toEqual({
        invest: ["2022-03-31=36[已开工]"],
      });
  });

  it("a file without a note column has none; a correction keeps its own note", () => {
    expect(notesOf("target,date,value\ninvest,2022-03-31,36\n", true)).toEqual({
      invest: ["2022-03-31=36[]"],
    });
    expect(
      notesOf(`${header}invest,2022-03-31,36,原报\ninvest,2022-03-31,38,更正：漏报 2 个\n`, true),
    ).toEqual({
      invest: ["2022-03-31=38[更正：漏报 2 个]"],
    });
  });

  it("each row's own note, past a batch and across files", () => {
    // 10,000 rows (more than two batches of 4,096) of two files; every third row has a note.
    const lines = (from: number) =>
      Array.from({ length: 5000 }, (_, at) => {
        const row = from + at;
        return `invest,${formatDay(day("2000-01-01") + row)},${row},${row % 3 === 0 ? `n${row % 7}` : ""}`;
      }).join("\n");
    const data = readCsvTexts(
      [
        { file: "a.csv", chunks: [`${header}${lines(0)}\n`] },
        { file: "b.csv", chunks: [`${header}${lines(5000)}\n`] },
      ],
      targets,
    );
    const series = data.observations.get("invest");
    expect(series?.length).toBe(10000);
    const notes = Array.from({ length: 10000 }, (_, row) => series?.note(row));
    expect(notes).toEqual(notes.map((_, row) => (row % 3 === 0 ? `n${row % 7}` : null)));
  });

  it("the result carries the note of the row that gives the actual", () => {
    const data = readCsvTexts(
      [
        {
          file: "a.csv",
          chunks: [
            `${header}invest,2022-02-28,20,二月\ninvest,2022-03-31,36,三月已开工\nsales,2022-02-28,100,\nsales,2022-03-31,200,\nrate,2022-02-28,30,预计\n`,
          ],
        },
      ],
      targets,
    );
    const report = evaluate(targets, data.observations, { asOf: day("2022-03-31") });
    const notes = Object.fromEntries(
      report.results.map((result) => [result.target.id, result.note]),
    );
    // invest's latest row is March's; sales sums two rows, the latest (March) has none; rate's
    // only row is February's; rank and hall have no rows.
    expect(notes).toEqual({
      invest: "三月已开工",
      rate: "预计",
      sales: null,
      rank: null,
      hall: null,
    });
    const february = evaluate(targets, data.observations, { asOf: day("2022-02-28") });
    expect(february.results[0]?.note).toBe("二月");
  });
});

describe("SPEC 3 (v2): plausibility warnings", () => {
  const plausibilityTargets = targetsFrom(`
year: 2022
targets:
  - { id: amount, title: 固定资产投资, target: 60, unit: 亿元 }
  - { id: invest, title: 固投亿元以上项目, target: 130, unit: 个 }
  - { id: debt, title: 隐性债务余额, baseline: 100, target: 60, unit: 亿元 }
  - { id: sales, title: 社零额, target: 1200, unit: 万元, aggregate: sum }
  - { id: rate, title: 开工率, target: 85, unit: "%" }
  - { id: small, title: 贫困发生率, baseline: 4, target: 3, unit: "%" }
  - { id: jobs, kind: level, title: 城镇调查失业率, max: 5.5, unit: "%" }
`);
  /** The problems of one file, a.csv, read for `targets`. */
  const problemsIn = (text: string, targets: readonly Target[]) =>
    readCsvTexts([{ file: "a.csv", chunks: [text] }], targets).problems;
  const inEnglish = (problem: Problem) => formatProblem(problem, labelsFor("en"));
  const check = (text: string) => {
    const data = readCsvTexts(
      [{ file: "a.csv", chunks: [`target,date,value\n${text}`] }],
      plausibilityTargets,
    );
    return {
      en: data.problems.map((problem) => formatProblem(problem, labelsFor("en"))),
      zh: data.problems.map((problem) => formatProblem(problem, labelsFor("zh"))),
      observations: data.observations,
    };
  };

  it("(a) a progress value farther from the baseline than 10 × the span: a unit slip", () => {
    // amount: span |60 − 0| = 60, 10 × 60 = 600: 600 is within, 600.5 and 125000 are not.
    // debt: span |60 − 100| = 40, 10 × 40 = 400: 501 (401 off) is not within, 100 − 400 = −300 is.
    const result = check(
      "amount,2022-01-31,600\namount,2022-02-28,600.5\namount,2022-03-31,125000\ndebt,2022-01-31,501\ndebt,2022-02-28,-300\n",
    );
    expect(result.en).toEqual([
      "a.csv:3:1: warning: amount on 2022-02-28: 600.5 for a target of 60: a unit slip? (it is more than 10 times as far from the baseline as the target; write it in 亿元)",
      "a.csv:4:1: warning: amount on 2022-03-31: 125000 for a target of 60: a unit slip? (it is more than 10 times as far from the baseline as the target; write it in 亿元)",
      "a.csv:5:1: warning: debt on 2022-01-31: 501 for a target of 60: a unit slip? (it is more than 10 times as far from the baseline as the target; write it in 亿元)",
    ]);
    expect(result.zh[1]).toBe(
      "a.csv:4:1: 警告：amount 在 2022-03-31 的数值为 125000，而目标为 60：单位是否有误？（与基数之差超过目标与基数之差的 10 倍；请按亿元填写）",
    );
    // The values are read as written: a warning changes nothing.
    expect(result.observations.get("amount")?.value(2)).toBe(125000);
  });

  it("(d, not in the SPEC) a growth value more than 10 times last year's, or under a tenth: a unit slip", () => {
    const growth = targetsFrom(`
year: 2023
targets:
  - { id: output, title: 规上工业产值增长, kind: growth, rate: 10, input: value, unit: 亿元 }
`);
    // Last year's rows: 20000 (万元 where 亿元 belongs) for June, 200 for July. June: 226 ÷ 20000 =
    // 0.0113 < 0.1, G = (0.0113 − 1) × 100 = −98.9: said at June's row. July: 230 ÷ 200 = 1.15.
    // August's base column 21 against 250: 250 ÷ 21 = 11.9 > 10, G = 1090.5 (rounded to one decimal).
    const text =
      "target,date,value,base\noutput,2022-06-30,20000,\noutput,2022-07-31,200,\noutput,2023-06-30,226,\noutput,2023-07-31,230,\noutput,2023-08-31,250,21\n";
    const problems = problemsIn(text, growth);
    expect(problems.map(inEnglish)).toEqual([
      "a.csv:4:1: warning: output on 2023-06-30: 226 against last year's 20000 is a growth of -98.9%: a unit slip in one of them? (write both in the target's unit)",
      "a.csv:6:1: warning: output on 2023-08-31: 250 against last year's 21 is a growth of 1090.5%: a unit slip in one of them? (write both in the target's unit)",
    ]);
    expect(formatProblem(problems[0] as Problem, labelsFor("zh"))).toBe(
      "a.csv:4:1: 警告：output 在 2023-06-30 的数值 226 与上年同期 20000 相比增长 -98.9%：其中一个的单位是否有误？（两者请按指标的单位填写）",
    );
  });

  it("(d) warns at each row whose growth, as growthAt finds it at the row's date, is a unit slip", () => {
    const [output] = targetsFrom(`
year: 2023
targets:
  - { id: output, title: 规上工业产值增长, kind: growth, rate: 10, input: value, unit: 亿元 }
`) as [GrowthTarget];
    // Month-ends of two years, each at most once, in any order; some rows carry a base.
    const months = Array.from({ length: 24 }, (_, at) =>
      formatDay(endOfMonth(2022 + Math.floor(at / 12), (at % 12) + 1)),
    );
    const amount = fc.constantFrom("0", "0.5", "2", "19", "20", "21", "200", "2000", "-3");
    const rowsArbitrary = fc.uniqueArray(
      fc.record({ date: fc.constantFrom(...months), value: amount, base: fc.option(amount) }),
      { selector: (row) => row.date, maxLength: 20 },
    );
    fc.assert(
      fc.property(rowsArbitrary, (rows) => {
        const lines = rows.map(({ date, value, base }) => `output,${date},${value},${base ?? ""}`);
        const text = `target,date,value,base\n${lines.join("\n")}\n`;
        const data = readCsvTexts([{ file: "a.csv", chunks: [text] }], [output]);
        const said = data.problems
          .filter((problem) => problem.code === "data.implausible-growth")
          .map((problem) => ({ line: problem.place?.line, ...problem.params }));
        // The rule as SPEC 2.4 reads it: G at each row's date, its ratio A ÷ B beyond 10 either way.
        const series = data.observations.get("output");
        const expected = (series?.observations() ?? []).flatMap((row) => {
          const at = growthAt(output, series as Series, row.day);
          if (at === null || at.observedOn !== row.day || at.base === null || at.growth === null)
            return [];
          const ratio = at.value / at.base;
          if (ratio > 0.1 && ratio < 10) return [];
          const { value, base, growth } = at;
          return [{ line: row.line, id: "output", date: formatDay(row.day), value, base, growth }];
        });
        expect(said).toEqual(expected);
      }),
    );
  });

  it("(b) with aggregate: last, a running total that falls by more than the tolerance", () => {
    // invest: tolerance 10% of 130 = 13. 115 → 105 falls 10 ≤ 13: fine; 105 → 60 falls 45 > 13:
    // said at the later row. debt shrinks (tolerance 10% of 40 = 4): 90 → 95 rises 5 > 4.
    // sales sums each month's own amount: a smaller month is no fall.
    const result = check(
      "invest,2021-12-31,200\ninvest,2022-01-31,20\ninvest,2022-02-28,115\ninvest,2022-03-31,105\ninvest,2022-04-30,60\ndebt,2022-01-31,90\ndebt,2022-02-28,95\nsales,2022-01-31,300\nsales,2022-02-28,100\n",
    );
    expect(result.en).toEqual([
      "a.csv:6:1: warning: invest fell from 105 (2022-03-31) to 60 (2022-04-30): a month's own amount instead of the total to date?",
      "a.csv:8:1: warning: debt rose from 90 (2022-01-31) to 95 (2022-02-28), against its target: a month's own amount instead of the total to date?",
    ]);
    expect(result.zh).toEqual([
      "a.csv:6:1: 警告：invest 的累计值从 105（2022-03-31）降到 60（2022-04-30）：是否填了当月数而不是累计数？",
      "a.csv:8:1: 警告：debt 的累计值从 90（2022-01-31）升到 95（2022-02-28），与目标方向相反：是否填了当月数而不是累计数？",
    ]);
  });

  it("(b) the SPEC's example: 115 then 60", () => {
    const result = check("invest,2022-03-31,115\ninvest,2022-04-30,60\n");
    expect(result.en).toEqual([
      "a.csv:3:1: warning: invest fell from 115 (2022-03-31) to 60 (2022-04-30): a month's own amount instead of the total to date?",
    ]);
  });

  it("(c) a value above 0 and at most 1 with a decimal point, for a % target of at least 5", () => {
    // rate (85%) and jobs (at most 5.5%): 0.31, 1.0 and 0.045 are fractions; 1, 0 and 31 are not.
    // small (3%) is below 5: 0.5 may well be 0.5%.
    const result = check(
      "rate,2022-01-31,0.31\nrate,2022-02-28,1.0\nrate,2022-03-31,1\nrate,2022-04-30,0\nrate,2022-05-31,31\njobs,2022-01-31,0.045\nsmall,2022-01-31,0.5\njobs,2022-02-28,0.5%\n",
    );
    expect(result.en).toEqual([
      "a.csv:2:1: warning: rate on 2022-01-31: 0.31 means 0.31%; write 31 for 31%",
      "a.csv:3:1: warning: rate on 2022-02-28: 1 means 1%; write 100 for 100%",
      "a.csv:7:1: warning: jobs on 2022-01-31: 0.045 means 0.045%; write 4.5 for 4.5%",
      "a.csv:9:1: warning: jobs on 2022-02-28: 0.5 means 0.5%; write 50 for 50%",
    ]);
    expect(result.zh[0]).toBe(
      "a.csv:2:1: 警告：rate 在 2022-01-31 的数值 0.31 表示 0.31%；如为 31%，请写 31",
    );
  });

  it("(c) a growth rate of at least 5, a percent whatever its unit: 0.071 for 7.1%", () => {
    const growth = targetsFrom(`
year: 2023
targets:
  - { id: gdp, kind: growth, title: 地区生产总值, unit: 亿元, rate: 7 }
  - { id: slow, kind: growth, title: 人口, unit: 万人, rate: 0.5 }
  - { id: fall, kind: growth, title: 能耗, rate: -3, bound: max }
`);
    const text =
      "target,date,value\ngdp,2023年1-6月,0.071\ngdp,2023年1-9月,6.8\nslow,2023年1-6月,0.4\nfall,2023年1-6月,0.5\n";
    // gdp's 0.071 against a rate of 7; slow's 0.4 against 0.5 and fall's 0.5 against −3 may be true.
    expect(problemsIn(text, growth).map(inEnglish)).toEqual([
      "a.csv:2:1: warning: gdp on 2023-06-30: 0.071 means 0.071%; write 7.1 for 7.1%",
    ]);
  });

  it("(c) reads 1.0 the same by the direct reading of plain lines and by the general one", () => {
    for (const direct of [true, false]) {
      const data = readCsvTexts(
        [
          {
            file: "a.csv",
            chunks: ["target,date,value\nrate,2022-02-28,1.0\nrate,2022-03-31,1\n"],
          },
        ],
        plausibilityTargets,
        direct,
      );
      expect(data.problems.map((problem) => problem.code)).toEqual(["data.percent-fraction"]);
    }
  });

  it("never changes a status", () => {
    const targets = plausibilityTargets.filter((target) => target.id === "invest");
    const rows = check("invest,2022-03-31,115\ninvest,2022-04-30,60\n").observations;
    // 60 of 130 at 04-30 against E = 130 × 4/12 × … : whatever the warning, the status is the one
    // the same rows give without it, and the warning is no error.
    const quiet = readCsvTexts(
      [{ file: "a.csv", chunks: ["target,date,value\ninvest,2022-04-30,60\n"] }],
      targets,
    ).observations;
    const at = day("2022-04-30");
    const judged = evaluate(targets, rows, { asOf: at }).results[0];
    const unjudged = evaluate(targets, quiet, { asOf: at }).results[0];
    expect([judged?.status, judged?.reason, judged?.actual]).toEqual([
      unjudged?.status,
      unjudged?.reason,
      60,
    ]);
  });
});

describe("SPEC 3: a plain line read directly is read as the general reading reads it", () => {
  /** Each target's rows and every problem: read directly, then field by field. */
  const bothReadings = (text: string) =>
    [true, false].map((direct) => {
      const data = readCsvTexts([{ file: "a.csv", chunks: [text] }], targets, direct);
      return {
        rows: [...data.observations].map(([id, series]) => [id, series.observations()]),
        problems: data.problems,
      };
    });

  it("a space or a full-width comma typed for one of the first two commas is an error, never a row", () => {
    // Rows 2–4 teach the direct reading that rate follows invest, on 2022-02-28: line 5 starts
    // with what it expects, and only the character after the id or the date tells the slip.
    const rows = "invest,2022-01-31,30,\nrate,2022-01-31,30,\ninvest,2022-02-28,30,\n";
    const slips: [string, string, number][] = [
      ["rate 2022-02-28,31,", "data.unknown-id", 1],
      ["rate,2022-02-28 31,", "data.date-invalid", 6],
      ["rate，2022-02-28,31,", "data.full-width-commas", 5],
      ["rate,2022-02-28，31,", "data.full-width-commas", 16],
    ];
    for (const [slip, code, column] of slips) {
      const [direct, general] = bothReadings(`target,date,value,note\n${rows}${slip}\n`);
      expect(direct).toEqual(general);
      expect(direct?.problems.map(({ code, place }) => [code, place?.line, place?.column])).toEqual(
        [[code, 5, column]],
      );
      expect(direct?.rows.find(([id]) => id === "rate")?.[1]).toHaveLength(1);
    }
  });

  it("rows in an export's order (each date's targets in one order) or not, whatever their cells", () => {
    // The direct reading expects each row to start with the target that followed the last row's
    // and with the last row's date: near misses of both must be read as the general reading does.
    const id = fc.constantFrom(
      "invest",
      "rate",
      "sales",
      "hall",
      "inv",
      "invest2",
      "invest ",
      " rate",
      "",
      "其他",
      "固投亿元以上项目",
    );
    const date = fc.constantFrom(
      "2022-01-31",
      "2022-02-28",
      "2022-02-2",
      "2022-02-280",
      " 2022-02-28",
      "",
      "2022-13-01",
      "2022-03",
    );
    const cells = fc.record({
      value: fc.constantFrom("30", "31.5", "", "1,200", "约30", "done", "0.3", "1.0"),
      note: fc.constantFrom("", "修正", "已开工", "1", "a,b"),
      // What a clerk types for the first two commas: a space or a full-width comma makes one field.
      first: fc.constantFrom(",", ",", ",", " ", "，"),
      second: fc.constantFrom(",", ",", ",", " ", "，"),
    });
    fc.assert(
      fc.property(
        fc.constantFrom("target,date,value,note", "target,date,value", "date,target,value,note"),
        fc.array(id, { minLength: 1, maxLength: 4 }),
        fc.array(date, { minLength: 1, maxLength: 3 }),
        fc.array(cells, { minLength: 12, maxLength: 12 }),
        fc.array(fc.record({ target: id, date, cells }), { maxLength: 4 }),
        fc.nat(12),
        (header, order, dates, cellsOfRows, strays, strayAt) => {
          const rows = dates.flatMap((day, d) =>
            order.map((target, t) => ({
              target,
              date: day,
              cells: cellsOfRows[
                (d * order.length + t) % cellsOfRows.length
              ] as (typeof strays)[number]["cells"],
            })),
          );
          rows.splice(strayAt, 0, ...strays);
          const columns = header.split(",") as ("target" | "date" | "value" | "note")[];
          const line = (row: (typeof rows)[number]) => {
            const [first, second, ...rest] = columns.map((column) =>
              column === "target" || column === "date" ? row[column] : row.cells[column],
            );
            return `${first}${row.cells.first}${second}${row.cells.second}${rest.join(",")}`;
          };
          const [direct, general] = bothReadings(`${header}\n${rows.map(line).join("\n")}\n`);
          expect(direct).toEqual(general);
        },
      ),
    );
  });
});
