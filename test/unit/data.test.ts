import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Target } from "../../src/core/model.js";
import { labelsFor } from "../../src/i18n/language.js";
import { formatProblem } from "../../src/i18n/problem-text.js";
import {
  parseNumber,
  parseValue,
  plainDecimal,
  readRows,
  TargetIndex,
} from "../../src/inputs/data.js";
import { delimitedRecords } from "../../src/inputs/delimited.js";
import { collectObservations } from "../../src/inputs/observations.js";
import { formatDay, readCsvTexts, targetsFrom } from "../helpers.js";

const targets = targetsFrom(`
year: 2022
targets:
  - { id: invest, title: 固投, target: 130, unit: 个 }
  - { id: rate, title: 开工率, target: 85, unit: "%" }
  - { id: hall, kind: milestone, title: 篮球馆, deadline: 2022-03-31 }
`);

/** Read CSV files (name → text, each text given in chunks) the way the CLI does. */
function read(files: Record<string, string | string[]>, rules: { allowUnknown?: boolean } = {}) {
  const data = readCsvTexts(
    Object.entries(files).map(([file, text]) => ({
      file,
      chunks: Array.isArray(text) ? text : [text],
    })),
    targets,
    true,
    rules,
  );
  const values = Object.fromEntries(
    [...data.observations].map(([id, rows]) => [
      id,
      rows.observations().map((row) => [formatDay(row.day), row.value, `${row.file}:${row.line}`]),
    ]),
  );
  return { values, problems: data.problems.map((problem) => formatProblem(problem)) };
}

describe("SPEC 3: data files", () => {
  it("read the header by name, in any case and order, with Chinese aliases", () => {
    const english = read({ "a.csv": " Value ,TARGET,Date,Note\n36,invest,2022-03-31,x\n" });
    const chinese = read({ "b.csv": "指标,日期,数值,备注\ninvest,2022-03-31,36,示例\n" });
    const aliases = read({ "c.csv": "id,period,值\ninvest,2022-03,36\n" });
    for (const result of [english, chinese, aliases]) {
      expect(result).toEqual({
        values: { invest: [["2022-03-31", 36, expect.stringMatching(/:2$/)]] },
        problems: [],
      });
    }
  });

  it("ignore other columns, a BOM, CRLF, blank lines and Excel's empty rows", () => {
    const result = read({
      "a.csv":
        "\uFEFFdept,target,date,value\r\n发改局,invest,2022-01-31,10\r\n\r\n,,,\r\n发改局,invest,2022-02-28,20\r\n",
    });
    expect(result).toEqual({
      values: {
        invest: [
          ["2022-01-31", 10, "a.csv:2"],
          ["2022-02-28", 20, "a.csv:5"],
        ],
      },
      problems: [],
    });
  });

  it("count lines across quoted line breaks and chunk boundaries", () => {
    const text =
      'target,date,value,note\ninvest,2022-01-31,10,"two\nlines"\ninvest,2022-02-28,"1,200",\n';
    const chunks = [text.slice(0, 37), text.slice(37, 50), text.slice(50)];
    expect(read({ "a.csv": chunks }).values).toEqual({
      invest: [
        ["2022-01-31", 10, "a.csv:2"],
        ["2022-02-28", 1200, "a.csv:4"],
      ],
    });
  });

  it("read every date form, %, thousands separators and done words", () => {
    const result = read({
      "a.csv": [
        "target,date,value",
        "invest,2022/1/31,-3",
        "invest,2022年2月28日,12",
        'invest,2022-Q1,"1,024.5"',
        "rate,2022年3月,35%",
        "rate,2022Q2,40",
        "hall,2022-02,否",
        "hall,2022-03-15, 已完成 ",
        "",
      ].join("\n"),
    });
    expect(result.problems).toEqual([]);
    expect(result.values).toEqual({
      invest: [
        ["2022-01-31", -3, "a.csv:2"],
        ["2022-02-28", 12, "a.csv:3"],
        ["2022-03-31", 1024.5, "a.csv:4"],
      ],
      rate: [
        ["2022-03-31", 35, "a.csv:5"],
        ["2022-06-30", 40, "a.csv:6"],
      ],
      hall: [
        ["2022-02-28", false, "a.csv:7"],
        ["2022-03-15", true, "a.csv:8"],
      ],
    });
  });

  it("skip an empty value with a warning; an unknown id is an error once per id (v2)", () => {
    const text = "target,date,value\ninvest,2022-01-31,\nnope,2022-01-31,1\nnope,2022-02-28,2\n";
    const result = read({ "a.csv": text });
    expect(result.values).toEqual({});
    expect(result.problems).toEqual([
      'a.csv:3:1: no target has the id or title "nope" (2 rows)',
      "a.csv:2:19: warning: no value for invest on 2022-01-31: the row is skipped",
    ]);
    // With allow_unknown (or --allow-unknown), a warning once per unknown id.
    expect(read({ "a.csv": text }, { allowUnknown: true }).problems).toEqual([
      "a.csv:2:19: warning: no value for invest on 2022-01-31: the row is skipped",
      'a.csv:3:1: warning: no target has the id "nope" (2 rows): its rows are ignored',
    ]);
  });

  it("list the first 50 unknown ids of a file, and count the rows of every other in one line", () => {
    // u0…u59 on lines 2…61, then u0 (line 62) and u55 (line 63) again. Listed: u0…u49, u0 with
    // 2 rows. Counted: u50…u59 (10 rows) and u55 again (1) = 11 rows, the first on line 52.
    const ids = [...Array.from({ length: 60 }, (_, i) => `u${i}`), "u0", "u55"];
    const rows = ids.map((id) => `${id},2022-01-31,1`);
    const text = `target,date,value\n${rows.join("\n")}\n`;
    const { problems } = read({ "a.csv": text });
    expect(problems).toHaveLength(51);
    expect(problems[0]).toBe('a.csv:2:1: no target has the id or title "u0" (2 rows)');
    expect(problems[49]).toBe('a.csv:51:1: no target has the id or title "u49"');
    expect(problems[50]).toBe("a.csv:52:1: 11 more rows in this file have ids that no target has");
    const allowed = read({ "a.csv": text }, { allowUnknown: true }).problems;
    expect(allowed).toHaveLength(51);
    expect(allowed[0]).toBe(
      'a.csv:2:1: warning: no target has the id "u0" (2 rows): its rows are ignored',
    );
    expect(allowed[50]).toBe(
      "a.csv:52:1: warning: 11 more rows in this file have ids that no target has: they are ignored",
    );
  });

  it("accept identical rows for one target and date, refuse different ones naming both places", () => {
    const same = read({
      "a.csv": "target,date,value\ninvest,2022-01-31,5\n",
      "b.csv": "target,date,value\ninvest,2022-01-31,5.0\n",
    });
    expect(same).toEqual({ values: { invest: [["2022-01-31", 5, "a.csv:2"]] }, problems: [] });
    const different = read({
      "a.csv": "target,date,value\ninvest,2022-01-31,5\n",
      "b.csv": "target,date,value\ninvest,2022-01,6\n",
    });
    expect(different.problems).toEqual([
      "b.csv:2:1: invest on 2022-01-31 is 6 here but 5 at a.csv:2: delete the wrong row, or mark the right row as a correction (a note that begins with 更正 or correction)",
    ]);
  });

  it.each([
    [
      "a missing required column",
      "target,value\ninvest,1\n",
      [
        "a.csv:1:1: the header has no date column (one of: date, period, 日期): add it to the header",
      ],
    ],
    [
      "two columns for one meaning",
      "target,id,date,value\ninvest,x,2022-01-31,1\n",
      ['a.csv:1:8: two columns mean target: "target" and "id": keep one of them'],
    ],
    [
      "a malformed date",
      "target,date,value\ninvest,March 2022,1\n",
      [
        'a.csv:2:8: date "March 2022" is not a date (2022-03-31, 2022/3/31, 2022年3月31日, 2022-03 or 2022-Q1)',
      ],
    ],
    [
      "an impossible date",
      "target,date,value\ninvest,2022-02-29,1\n",
      ['a.csv:2:8: date "2022-02-29" is not a calendar date'],
    ],
    [
      "a malformed value",
      "target,date,value\ninvest,2022-01-31,twelve\n",
      ['a.csv:2:19: value "twelve" is not a number: write a number (36, -3.5 or 1200)'],
    ],
    [
      "an exponent",
      "target,date,value\ninvest,2022-01-31,1e999\n",
      ['a.csv:2:19: value "1e999" is not a number: write a number (36, -3.5 or 1200)'],
    ],
    [
      "a % for a target whose unit is not %",
      "target,date,value\ninvest,2022-01-31,5%\n",
      [
        'a.csv:2:19: value "5%" has a % sign but the unit of invest is not %: write the number without it',
      ],
    ],
    [
      "a word that is not done or not done",
      "target,date,value\nhall,2022-01-31,maybe\n",
      [
        'a.csv:2:17: value "maybe" is not done / not done: write one of 1 true yes done y 是 完成 已完成, or one of 0 false no n 否 未完成',
      ],
    ],
    [
      "a row wider than the header",
      "target,date,value\ninvest,2022-01-31,1,x\n",
      [
        'a.csv:2:21: the row has 4 fields but the header has 3; a value with a thousands separator must be quoted ("1,200")',
      ],
    ],
    [
      "an empty target",
      "target,date,value\n,2022-01-31,1\n",
      ["a.csv:2:1: the target is empty: write the target's id or title"],
    ],
    [
      "an unclosed quote",
      'target,date,value\ninvest,2022-01-31,"12\ninvest,2022-02-28,13\n',
      ['a.csv:2:1: a quoted field is not closed: a field that starts with " must end with "'],
    ],
    [
      "no header at all",
      "\n\n",
      ["a.csv:2:1: the file has no header row (target,date,value): write one above the table"],
    ],
  ])("refuse %s with its place", (_, text, expected) => {
    expect(read({ "a.csv": text }).problems).toEqual(expected);
  });

  it("list every bad row up to a cap, then count the rest", () => {
    const text = `target,date,value\n${Array.from({ length: 60 }, () => "invest,2022-01-31,x").join("\n")}\n`;
    const { problems } = read({ "a.csv": text });
    expect(problems).toHaveLength(51);
    expect(problems[50]).toBe("a.csv:61:1: 10 more errors in this file");
  });
});

describe("values", () => {
  const [invest, rate, hall] = targets as [Target, Target, Target];
  it.each([
    ["0", 0],
    ["-0", 0],
    ["+12.5", 12.5],
    ["1,200", 1200],
    ["1,234,567.89", 1234567.89],
    ["007", 7],
  ])("reads %s as %d", (text, value) => expect(parseNumber(text)).toBe(value));

  it.each([
    "",
    "1.",
    ".5",
    "1,20",
    "12,34,567",
    "1e3",
    "0x10",
    "Infinity",
    "NaN",
    "1 000",
    "١٢",
    "--1",
    "9".repeat(400),
  ])("refuses %j", (text) => expect(parseNumber(text)).toBeUndefined());

  it("takes % only for % targets and done words only for milestones", () => {
    expect(parseValue("35%", rate)).toBe(35);
    expect(parseValue("35 %", rate)).toBe(35);
    expect(parseValue("35%", invest)).toEqual([
      "data.value-percent-unit",
      { value: "35%", id: "invest" },
    ]);
    expect(parseValue("YES", hall)).toBe(true);
    expect(parseValue("未完成", hall)).toBe(false);
    expect(parseValue("1.0", hall)).toMatchObject(["data.value-not-done", { value: "1.0" }]);
  });

  it("a growth rate's value with words is suggested as a percent, never scaled by its unit", () => {
    const [growth] = targetsFrom(
      "year: 2023\ntargets: [{ id: gdp, kind: growth, title: 地区生产总值, unit: 亿元, rate: 7 }]",
    );
    const target = growth as Target;
    expect(parseValue("7.1个百分点", target)).toEqual([
      "data.value-with-word",
      { value: "7.1个百分点", write: "7.1" },
    ]);
    expect(parseValue("\u22120.5", target)).toEqual([
      "data.value-with-word",
      { value: "\u22120.5", write: "-0.5" },
    ]);
    // 万 in a rate is no power of ten of it: nothing is suggested.
    expect(parseValue("5万", target)).toEqual(["data.value-not-number", { value: "5万" }]);
  });

  it("property: a formatted decimal reads back as the same number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 99 }),
        (whole, cents) => {
          const text = `${whole}.${String(cents).padStart(2, "0")}`;
          const grouped = `${whole < 0 ? "-" : ""}${Math.abs(whole).toLocaleString("en-US")}.${String(cents).padStart(2, "0")}`;
          expect(parseNumber(text)).toBe(Number(text));
          expect(parseNumber(grouped)).toBe(Number(text));
        },
      ),
    );
  });
});

describe("the fast number path agrees with the general one", () => {
  // The SPEC's definition, written independently of src/inputs/data.ts: sign, digits with optional
  // thousands separators, optional decimals.
  const oracle = (text: string) =>
    /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(text) &&
    Number.isFinite(Number(text.replaceAll(",", "")))
      ? Number(text.replaceAll(",", "")) + 0
      : undefined;

  it("on random strings of number characters", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[-+]?[0-9.,]{0,24}$/), (text) => {
        expect(parseNumber(text)).toBe(oracle(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("reads a plain decimal inside a line as the general path reads it alone", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^-?[0-9]{1,17}(\.[0-9]{1,17})?$/),
          fc.stringMatching(/^[-+]?[0-9.,% ]{0,20}$/),
        ),
        (text) => {
          const fast = plainDecimal(`id,${text},note`, 3, 3 + text.length);
          const plain =
            /^-?[0-9]+(\.[0-9]+)?$/.test(text) && text.replace(/[-.]/g, "").length <= 15;
          // Read exactly when plain (never a guess), and then as the general path reads it.
          expect(fast !== undefined).toBe(plain);
          if (fast !== undefined) expect(Object.is(fast, oracle(text))).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("on random decimals as a spreadsheet writes them", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
        (value) => {
          const text = String(value);
          expect(parseNumber(text)).toBe(oracle(text));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe("found in review", () => {
  it("lists disagreeing rows past the cap in the order the file names their targets", () => {
    // invest is named first (by a row without a value), so its disagreeing rows are the ones
    // listed, as the earlier reader did, although rate's come first in the file.
    const days = Array.from({ length: 60 }, (_, day) => formatDay(day + 18993));
    const pairs = (id: string) => days.flatMap((day) => [`${id},${day},1`, `${id},${day},2`]);
    const text = ["target,date,value", "invest,2022-01-31,", ...pairs("rate"), ...pairs("invest")];
    const result = read({ "a.csv": `${text.join("\n")}\n` });
    const listed = result.problems.filter((problem) => problem.includes(" here but "));
    expect(listed).toHaveLength(50);
    expect(listed.every((problem) => problem.includes(": invest on "))).toBe(true);
    expect(result.problems).toContain(
      "a.csv:224:1: 70 more rows in this file disagree with earlier rows",
    );
  });

  it("ignores a row of an unknown id whole, even with a bad date", () => {
    const result = read({ "a.csv": "target,date,value\nnobody,someday,x\n" });
    expect(result.problems).toEqual(['a.csv:2:1: no target has the id or title "nobody"']);
  });

  it("accepts both note and 备注 (notes are not read)", () => {
    const result = read({
      "a.csv": "target,date,value,note,备注\ninvest,2022-01-31,5,a,b\n",
    });
    expect(result).toEqual({ values: { invest: [["2022-01-31", 5, "a.csv:2"]] }, problems: [] });
  });
});

describe("SPEC 3 (v2): a row that does not fit is an error, never a guess", () => {
  it("refuses an unquoted thousands separator or decimal comma that lands in the note", () => {
    // 1,200 unquoted under target,date,value,note: the value field is 1 and the note 200, at
    // column 6 + 1 + 10 + 1 + 1 + 1 + 1 = 21; "30,5%" splits into 30 and a note 5% at column 20.
    // A note quoted whole ("1,5") is text someone meant, and is read as a note.
    const result = read({
      "a.csv":
        'target,date,value,note\ninvest,2022-01-31,1,200\nrate,2022-01-31,30,5%\ninvest,2022-02-28,2,"1,5"\n',
    });
    expect(result.problems).toEqual([
      'a.csv:2:21: value "1" is followed by a field of digits, "200": a thousands separator or a decimal comma without quotes? Quote the number ("1,200") or write it without the comma',
      'a.csv:3:20: value "30" is followed by a field of digits, "5%": a thousands separator or a decimal comma without quotes? Quote the number ("1,200") or write it without the comma',
    ]);
    expect(result.values).toEqual({ invest: [["2022-02-28", 2, "a.csv:4"]] });
  });

  it("refuses it in a column kpi does not read, and reads both paths alike", () => {
    for (const direct of [true, false]) {
      const data = readCsvTexts(
        [{ file: "b.csv", chunks: ["target,date,value,dept\ninvest,2022-01-31,4,560\n"] }],
        targets,
        direct,
      );
      expect(data.problems.map((problem) => problem.code)).toEqual(["data.value-split"]);
      expect(data.observations.size).toBe(0);
    }
  });

  it("reads a note of words, a value quoted whole, and a value in the last column as before", () => {
    const result = read({
      "c.csv":
        'target,date,value,note\ninvest,2022-04-30,"1,200",200 个\ninvest,2022-02-28,30,示例\n',
      "d.csv": "target,date,note,value\ninvest,2022-03-31,200,36\n",
    });
    expect(result).toEqual({
      values: {
        invest: [
          ["2022-02-28", 30, "c.csv:3"],
          ["2022-03-31", 36, "d.csv:2"],
          ["2022-04-30", 1200, "c.csv:2"],
        ],
      },
      problems: [],
    });
  });
});

/** The problems of one CSV text in English and in Chinese. */
function problemsInBoth(text: string | string[]) {
  const data = readCsvTexts(
    [{ file: "a.csv", chunks: Array.isArray(text) ? text : [text] }],
    targets,
  );
  return {
    en: data.problems.map((problem) => formatProblem(problem, labelsFor("en"))),
    zh: data.problems.map((problem) => formatProblem(problem, labelsFor("zh"))),
  };
}

describe("SPEC 3 (v2): the header row is the first row, or the first within 10 that names the columns", () => {
  it("skips the title rows of an Excel report above the header, blank rows too", () => {
    const result = read({
      "a.csv": [
        "2022年3月固定资产投资统计表,,,",
        "填报单位：发改局,,,",
        "",
        "单位：万元,,,",
        "指标,日期,数值,备注",
        "invest,2022-03-31,36,",
        "",
      ].join("\n"),
    });
    expect(result).toEqual({ values: { invest: [["2022-03-31", 36, "a.csv:6"]] }, problems: [] });
  });

  it("takes a header that is the 10th row with text, and refuses one that is the 11th", () => {
    // Nine title rows, each but the last followed by a blank line (not counted): 标题9 on line
    // 2 × 9 - 1 = 17, the header (the 10th row with text) on line 18, its row on line 19.
    const titles = (count: number) => Array.from({ length: count }, (_, i) => `标题${i + 1}\n`);
    const tenth = read({
      "a.csv": `${titles(9).join("\n")}target,date,value\ninvest,2022-03-31,36\n`,
    });
    expect(tenth).toEqual({ values: { invest: [["2022-03-31", 36, "a.csv:19"]] }, problems: [] });
    // Ten title rows: the header is the 11th row with text, on line 11.
    expect(
      problemsInBoth(`${titles(10).join("")}target,date,value\ninvest,2022-03-31,36\n`),
    ).toEqual({
      en: [
        "a.csv:11:1: this row names the columns, but 10 rows with text are above it: the header must be one of the first 10 rows; delete the title rows above it",
      ],
      zh: [
        "a.csv:11:1: 此行是表头，但其上方有 10 行内容：表头必须在前 10 行之内；请删除其上方的标题行",
      ],
    });
  });

  it("says which columns the row that names the most of them leaves out, in one error", () => {
    expect(problemsInBoth("填报单位：发改局\ntarget,备注\ninvest,x\n")).toEqual({
      en: [
        "a.csv:2:1: the header has no date column (one of: date, period, 日期) and no value column (one of: value, 数值, 值): add them to the header",
      ],
      zh: [
        "a.csv:2:1: 表头缺少 date 列（可用列名：date, period, 日期）和 value 列（可用列名：value, 数值, 值）：请在表头中补上",
      ],
    });
  });

  it("says that no row of the first 10 names a column, and how to name them", () => {
    expect(problemsInBoth("a,b,c\n1,2,3\n").en).toEqual([
      "a.csv:1:1: no row of the first 10 names the columns target (target, id, 指标, 编号), date (date, period, 日期), value (value, 数值, 值): write a header row above the table",
    ]);
    expect(problemsInBoth("a,b,c\n1,2,3\n").zh).toEqual([
      "a.csv:1:1: 前 10 行中没有一行写明这些列：target（target, id, 指标, 编号）、date（date, period, 日期）、value（value, 数值, 值）：请在表格上方写一行表头",
    ]);
  });

  it("reads 编号 as the target column", () => {
    expect(read({ "a.csv": "编号,日期,值\ninvest,2022-03-31,36\n" }).values).toEqual({
      invest: [["2022-03-31", 36, "a.csv:2"]],
    });
  });
});

describe("SPEC 3 (v2): a header with no comma separated by tabs or semicolons sets the separator", () => {
  it("reads a tab-separated file (Excel's Unicode text), quoted fields and commas in values included", () => {
    const result = read({
      "a.txt":
        '标题\t\t\n指标\t日期\t数值\t备注\r\ninvest\t2022-01-31\t1,200\t"a\tb"\r\ninvest\t2022-02-28\t1300\t说明, 含逗号\r\n',
    });
    expect(result).toEqual({
      values: {
        invest: [
          ["2022-01-31", 1200, "a.txt:3"],
          ["2022-02-28", 1300, "a.txt:4"],
        ],
      },
      problems: [],
    });
  });

  it("reads a semicolon-separated file, and places its problems by its fields", () => {
    const result = read({
      "a.csv": "target;date;value\ninvest;2022-01-31;12\ninvest;2022-02-28;x\n",
    });
    expect(result).toEqual({
      values: { invest: [["2022-01-31", 12, "a.csv:2"]] },
      // invest;2022-02-28; is 6 + 1 + 10 + 1 = 18 characters: the value starts at column 19.
      problems: ['a.csv:3:19: value "x" is not a number: write a number (36, -3.5 or 1200)'],
    });
  });

  it("reads commas, not tabs, when a row of the first 10 is a comma header", () => {
    const result = read({ "a.csv": "a\tb\ntarget,date,value,note\ninvest,2022-01-31,12,x\ty\n" });
    expect(result.values).toEqual({ invest: [["2022-01-31", 12, "a.csv:3"]] });
  });

  it("refuses a tab or semicolon header that holds a comma, saying so, in both languages", () => {
    expect(problemsInBoth("target\tdate\tvalue\tnote (a, b)\ninvest\t2022-01-31\t1\t\n")).toEqual({
      en: [
        "a.csv:1:1: this row looks like a header separated by tabs that also holds a comma: take the comma out of the header, or save the file as CSV (comma-separated)",
      ],
      zh: [
        "a.csv:1:1: 此行像是以制表符分隔的表头，但其中还有逗号：请去掉表头中的逗号，或将文件另存为 CSV（逗号分隔）",
      ],
    });
    expect(problemsInBoth("target|date|value\ninvest|2022-01-31|1\n").en).toEqual([
      'a.csv:1:1: this row looks like a header separated by "|": save the file as CSV (comma-separated)',
    ]);
  });
});

describe("SPEC 3 (v2): a header not found says what the first lines look like", () => {
  it("full-width commas between the fields of the header", () => {
    expect(problemsInBoth("指标，日期，数值，备注\ninvest，2022-01-31，1，\n")).toEqual({
      en: [
        "a.csv:1:1: this line uses full-width commas (，) between fields: write commas (,) instead",
      ],
      zh: ["a.csv:1:1: 此行用全角逗号（，）分隔字段：请改为半角逗号（,）"],
    });
  });

  it("UTF-16 without its byte order mark, read as UTF-8", () => {
    // Each ASCII character of UTF-16LE is followed by a zero byte, valid UTF-8 of U+0000.
    const text = Buffer.from("target,date,value\ninvest,2022-01-31,1\n", "utf16le").toString(
      "utf8",
    );
    expect(problemsInBoth(text)).toEqual({
      en: [
        'a.csv:1:1: the file looks UTF-16 without its byte order mark: save it as UTF-8 (CSV UTF-8), or as "Unicode text" with its byte order mark',
      ],
      zh: [
        "a.csv:1:1: 文件像是没有字节顺序标记（BOM）的 UTF-16：请另存为 UTF-8（CSV UTF-8），或带 BOM 的“Unicode 文本”",
      ],
    });
  });

  it("GB18030 whose bytes happen to be valid UTF-8", () => {
    // 值 is D6 B5 in GB18030: read as UTF-8, U+05B5.
    expect(problemsInBoth("target,date,\u05B5\ninvest,2022-01-31,1\n")).toEqual({
      en: [
        "a.csv:1:1: the file looks GB18030 (GBK) read as UTF-8: give --encoding gb18030, or save it as UTF-8",
      ],
      zh: [
        "a.csv:1:1: 文件像是按 UTF-8 读取的 GB18030（GBK）：请加 --encoding gb18030，或另存为 UTF-8",
      ],
    });
  });
});

describe("SPEC 3 (v2): a line with full-width commas between what look like fields is an error", () => {
  it("refuses a row typed with full-width commas, at the first one", () => {
    // land-supply is 11 characters: the first ， is column 12. On line 3, the date field starts at
    // column 8 and its ， follows 2022-02-28: column 18. On line 4, the value 210， starts at
    // column 19 and its ， is column 22.
    expect(
      problemsInBoth(
        "target,date,value,note\nland-supply，2022-02-28，210，\ninvest,2022-02-28，210\ninvest,2022-02-28,210，\n",
      ),
    ).toEqual({
      en: [
        "a.csv:2:12: this line uses full-width commas (，) between fields: write commas (,) instead",
        "a.csv:3:18: this line uses full-width commas (，) between fields: write commas (,) instead",
        "a.csv:4:22: this line uses full-width commas (，) between fields: write commas (,) instead",
      ],
      zh: [
        "a.csv:2:12: 此行用全角逗号（，）分隔字段：请改为半角逗号（,）",
        "a.csv:3:18: 此行用全角逗号（，）分隔字段：请改为半角逗号（,）",
        "a.csv:4:22: 此行用全角逗号（，）分隔字段：请改为半角逗号（,）",
      ],
    });
  });

  it("reads a note with full-width commas, and a full-width comma inside one number as that number", () => {
    const result = read({
      "a.csv":
        'target,date,value,note\ninvest,2022-01-31,5,示例数据，非官方统计\ninvest,2022-02-28,"1，200",\n',
    });
    expect(result).toEqual({
      values: {
        invest: [
          ["2022-01-31", 5, "a.csv:2"],
          ["2022-02-28", 1200, "a.csv:3"],
        ],
      },
      problems: [],
    });
  });
});

describe("SPEC 3 (v2): an unquoted 1,200 is refused however the header ends", () => {
  it("when the value is the header's last column, or an empty header cell follows it", () => {
    // invest,2022-01-31,1, is 20 characters: the rest of the number starts at column 21.
    const message =
      'value "1" is followed by a field of digits, "200": a thousands separator or a decimal comma without quotes? Quote the number ("1,200") or write it without the comma';
    expect(problemsInBoth("target,date,value\ninvest,2022-01-31,1,200\n").en).toEqual([
      `a.csv:2:21: ${message}`,
    ]);
    expect(
      problemsInBoth("target,date,value,\ninvest,2022-01-31,1,200\ninvest,2022-02-28,1,200,\n"),
    ).toEqual({
      en: [`a.csv:2:21: ${message}`, `a.csv:3:21: ${message}`],
      zh: [
        'a.csv:2:21: 数值 "1" 后面是一个只有数字的字段 "200"：是否未加引号的千位分隔符或小数逗号？请给数值加引号（"1,200"）或去掉逗号',
        'a.csv:3:21: 数值 "1" 后面是一个只有数字的字段 "200"：是否未加引号的千位分隔符或小数逗号？请给数值加引号（"1,200"）或去掉逗号',
      ],
    });
  });

  it("when a read column follows the value", () => {
    // invest,1, is 9 characters: 200 starts at column 10.
    expect(problemsInBoth("target,value,date\ninvest,1,200,2022-01-31\n").en).toEqual([
      'a.csv:2:10: value "1" is followed by a field of digits, "200": a thousands separator or a decimal comma without quotes? Quote the number ("1,200") or write it without the comma',
    ]);
  });
});

describe("SPEC 2.4: the base column is read alike on the fast path and the general one", () => {
  const growth = targetsFrom(`
year: 2023
targets:
  - { id: ind, kind: growth, title: 规上工业增加值, rate: 10, input: value }
  - { id: cpi, kind: growth, title: 居民消费价格, rate: 3, bound: max }
  - { id: invest, title: 固投, target: 130 }
`);
  const read = (text: string, direct: boolean) => {
    const data = readCsvTexts([{ file: "a.csv", chunks: [text] }], growth, direct);
    return {
      rows: [...data.observations].map(([id, series]) => [
        id,
        series.observations().map((row) => [formatDay(row.day), row.value, row.base ?? null]),
      ]),
      problems: data.problems,
    };
  };

  it("reads 27.6 as B on the fast path, and leaves the cells it cannot read to the general one", () => {
    const text =
      "target,date,value,base\nind,2023-03-31,30.1,27.6\nind,2023-06-30,31,\ncpi,2023-06-30,2.6,99\n";
    expect(read(text, true)).toEqual(read(text, false));
    expect(read(text, true).rows).toEqual([
      [
        "ind",
        [
          ["2023-03-31", 30.1, 27.6],
          ["2023-06-30", 31, null],
        ],
      ],
      // A growth target of published rates takes no base.
      ["cpi", [["2023-06-30", 2.6, null]]],
    ]);
  });

  it("gives the same rows and problems on both paths, whatever the base cells hold", () => {
    const cell = fc.constantFrom(
      "",
      "27.6",
      "100",
      "0",
      "-3",
      "0.0",
      " 27.6",
      "1,200",
      '"1,200"',
      "１２",
      "约30",
      "+5",
      "1234567890123456",
      "7.",
    );
    const row = fc.tuple(
      fc.constantFrom("ind", "cpi", "invest"),
      fc.constantFrom("2022-06-30", "2023-03-31", "2023-06-30"),
      fc.constantFrom("30.1", "31", "2.6"),
      cell,
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const text = `target,date,value,base\n${rows.map((fields) => fields.join(",")).join("\n")}\n`;
        expect(read(text, true)).toEqual(read(text, false));
      }),
    );
  });
});

describe("the row store: each batch of 4,096 rows kept as it was read", () => {
  // 40 targets, half growth targets computed from values (they read the base column).
  const many = targetsFrom(
    `year: 2023\ntargets:\n${Array.from({ length: 40 }, (_, at) =>
      at % 2 === 0
        ? `  - { id: g${at}, kind: growth, title: G${at}, rate: 5, input: value }`
        : `  - { id: p${at}, title: P${at}, target: 100000 }`,
    ).join("\n")}\n`,
  );
  const header = "target,date,value,base,reported,note\n";
  const first = Date.UTC(2023, 0, 1) / 86_400_000;

  it("keeps every row's columns wherever a batch ends, in one file or several", () => {
    // Files of sizes about a batch's end (a file's first batch grows from 256 rows), whose
    // bases, reported dates and notes are on no row, every row, or some (the column made mid-batch).
    const fileArbitrary = fc.record({
      rows: fc.oneof(
        fc.constantFrom(0, 1, 255, 256, 257, 4095, 4096, 4097, 8192, 8193),
        fc.integer({ min: 0, max: 9000 }),
      ),
      every: fc.record({
        base: fc.constantFrom(0, 1, 2, 4097),
        reported: fc.constantFrom(0, 1, 3, 5000),
        note: fc.constantFrom(0, 1, 7, 4096),
      }),
    });
    fc.assert(
      fc.property(
        fc.array(fileArbitrary, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (files, direct) => {
          // Row r of all the files is target r % 40's row of day r / 40: no two rows of one date.
          const expected = new Map<string, string[]>();
          const reportedDays: number[] = [];
          let row = 0;
          const texts = files.map(({ rows, every }, file) => {
            let text = header;
            for (let at = 0; at < rows; at++, row++) {
              const index = row % 40;
              const id = index % 2 === 0 ? `g${index}` : `p${index}`;
              const date = first + Math.floor(row / 40);
              const has = (each: number) => each !== 0 && at % each === each - 1;
              const base = has(every.base) && index % 2 === 0 ? 50 + (at % 7) : null;
              const reported = has(every.reported) ? date + (at % 4) : null;
              const note = has(every.note) ? `n${at % 5}` : null;
              const value = 60 + (at % 11);
              const dateText = formatDay(date);
              text += `${id},${dateText},${value},${has(every.base) ? (base ?? "") : ""},${reported === null ? "" : formatDay(reported)},${note ?? ""}\n`;
              const list = expected.get(id) ?? [];
              list.push(`${dateText}=${value} ${file}.csv:${at + 2} base ${base} note ${note}`);
              expected.set(id, list);
              if (reported !== null) reportedDays.push(reported);
            }
            return { file: `${file}.csv`, chunks: [text] };
          });
          const data = readCsvTexts(texts, many, direct);
          expect(data.problems.filter((problem) => problem.severity === "error")).toEqual([]);
          const read = new Map(
            [...data.observations].map(([id, series]) => [
              id,
              series
                .observations()
                .map(
                  (o) =>
                    `${formatDay(o.day)}=${o.value} ${o.file}:${o.line} base ${o.base ?? null} note ${o.note ?? null}`,
                ),
            ]),
          );
          expect(read).toEqual(expected);
          // The reported dates: how many rows each day has still to come.
          for (const asOf of [first, first + 20, first + 100, first + 400]) {
            let after = 0;
            for (const series of data.observations.values()) after += series.reportedAfter(asOf);
            expect(after).toBe(reportedDays.filter((day) => day > asOf).length);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("the row store's bound", () => {
  it("keeps no row past its last batch, and says where the rows stop being read", () => {
    const one = targetsFrom("year: 2023\ntargets:\n  - { id: a, title: A, target: 100000 }\n");
    const index = new TargetIndex(one);
    const first = Date.UTC(2023, 0, 1) / 86_400_000;
    /** `rows` rows of target a: the days from `from` on, in turn among `days` of them. */
    const file = (name: string, rows: number, from: number, days: number) => {
      let text = "target,date,value\n";
      for (let row = 0; row < rows; row++)
        text += `a,${formatDay(first + from + (row % days))},${from + (row % days)}\n`;
      return readRows(name, delimitedRecords([text]), index, { encoding: "UTF-8" });
    };
    // Two batches at most: a.csv's 4,100 rows fill them, b.csv's first row is not kept, and c.csv
    // is not read.
    const data = collectObservations(
      [file("a.csv", 4100, 0, 300), file("b.csv", 5, 300, 5), file("c.csv", 5, 310, 5)],
      index,
      2,
    );
    expect(data.problems.map((problem) => formatProblem(problem))).toEqual([
      "b.csv:2:1: too much data for one run: more than 2147483648 rows, or more than 524288 files and sheets with rows; the rows from here on are not read: check the data in parts",
    ]);
    expect(data.problems[0]?.severity).toBe("error");
    const days = data.observations
      .get("a")
      ?.observations()
      .map((row) => row.day - first);
    expect(days).toEqual(Array.from({ length: 300 }, (_, day) => day));
  });
});

describe("rows of one target and date in different batches", () => {
  const header = "target,date,value,note\n";
  /** 5,000 rows of 2023 (the filler targets' days), `first` on line 2 and `later` on line 4,502. */
  const fileWith = (first: string, later: string) => {
    const many = targetsFrom(
      `year: 2023\ntargets:\n  - { id: invest, title: 固投, target: 130, unit: 个 }\n${Array.from(
        { length: 20 },
        (_, at) => `  - { id: f${at}, title: F${at}, target: 100000 }`,
      ).join("\n")}\n`,
    );
    const lines = [first];
    const start = Date.UTC(2023, 0, 1) / 86_400_000;
    for (let row = 1; row < 5000; row++)
      lines.push(
        row === 4500
          ? later
          : `f${row % 20},${formatDay(start + Math.floor(row / 20))},${row % 300},`,
      );
    const data = readCsvTexts(
      [{ file: "a.csv", chunks: [`${header}${lines.join("\n")}\n`] }],
      many,
    );
    return data.problems
      .filter((problem) => (problem.params as { id?: string }).id === "invest")
      .map((problem) => formatProblem(problem));
  };

  it("a different value sent again 4,500 lines on, past the first batch, is a conflict at both places", () => {
    expect(fileWith("invest,2023-03-31,36,", "invest,2023-03-31,38,")).toEqual([
      "a.csv:4502:1: invest on 2023-03-31 is 38 here but 36 at a.csv:2: delete the wrong row, or mark the right row as a correction (a note that begins with 更正 or correction)",
    ]);
  });

  it("a correction past the first batch replaces the first row, and says so", () => {
    expect(fileWith("invest,2023-03-31,36,", "invest,2023-03-31,38,修正")).toEqual([
      "a.csv:4502:1: warning: invest on 2023-03-31: the correction 38 replaces 36 at a.csv:2",
    ]);
  });
});
