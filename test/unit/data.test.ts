import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Target } from "../../src/core/model.js";
import { formatProblem } from "../../src/i18n/problem-text.js";
import { parseNumber, parseValue, plainDecimal } from "../../src/inputs/data.js";
import { formatDay, readCsvTexts, targetsFrom } from "../helpers.js";

const targets = targetsFrom(`
year: 2022
targets:
  - { id: invest, title: 固投, target: 130, unit: 个 }
  - { id: rate, title: 开工率, target: 85, unit: "%" }
  - { id: hall, kind: milestone, title: 篮球馆, deadline: 2022-03-31 }
`);

/** Read CSV files (name → text, each text given in chunks) the way the CLI does. */
function read(files: Record<string, string | string[]>) {
  const data = readCsvTexts(
    Object.entries(files).map(([file, text]) => ({
      file,
      chunks: Array.isArray(text) ? text : [text],
    })),
    targets,
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
        "invest,2022/1/31,12",
        'invest,2022年2月28日,"1,024.5"',
        "invest,2022-Q1,-3",
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
        ["2022-01-31", 12, "a.csv:2"],
        ["2022-02-28", 1024.5, "a.csv:3"],
        ["2022-03-31", -3, "a.csv:4"],
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

  it("skip an empty value with a warning, and warn once per unknown id", () => {
    const result = read({
      "a.csv": "target,date,value\ninvest,2022-01-31,\nnope,2022-01-31,1\nnope,2022-02-28,2\n",
    });
    expect(result.values).toEqual({});
    expect(result.problems).toEqual([
      "a.csv:2:19: warning: no value for invest on 2022-01-31: the row is skipped",
      'a.csv:3:1: warning: no target has the id "nope" (2 rows): its rows are ignored',
    ]);
  });

  it("list the first 50 unknown ids of a file, and count the rows of every other in one line", () => {
    // u0…u59 on lines 2…61, then u0 (line 62) and u55 (line 63) again. Listed: u0…u49, u0 with
    // 2 rows. Counted: u50…u59 (10 rows) and u55 again (1) = 11 rows, the first on line 52.
    const ids = [...Array.from({ length: 60 }, (_, i) => `u${i}`), "u0", "u55"];
    const rows = ids.map((id) => `${id},2022-01-31,1`);
    const { problems } = read({ "a.csv": `target,date,value\n${rows.join("\n")}\n` });
    expect(problems).toHaveLength(51);
    expect(problems[0]).toBe(
      'a.csv:2:1: warning: no target has the id "u0" (2 rows): its rows are ignored',
    );
    expect(problems[49]).toBe(
      'a.csv:51:1: warning: no target has the id "u49": its rows are ignored',
    );
    expect(problems[50]).toBe(
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
      "b.csv:2:1: invest on 2022-01-31 is 6 here but 5 at a.csv:2",
    ]);
  });

  it.each([
    [
      "a missing required column",
      "target,value\ninvest,1\n",
      ["a.csv:1:1: the header has no date column (one of: date, period, 日期)"],
    ],
    [
      "two columns for one meaning",
      "target,id,date,value\ninvest,x,2022-01-31,1\n",
      ['a.csv:1:8: two columns mean target: "target" and "id"'],
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
      ['a.csv:2:19: value "twelve" is not a number'],
    ],
    [
      "an exponent",
      "target,date,value\ninvest,2022-01-31,1e999\n",
      ['a.csv:2:19: value "1e999" is not a number'],
    ],
    [
      "a % for a target whose unit is not %",
      "target,date,value\ninvest,2022-01-31,5%\n",
      ['a.csv:2:19: value "5%" has a % sign but the unit of invest is not %'],
    ],
    [
      "a word that is not done or not done",
      "target,date,value\nhall,2022-01-31,maybe\n",
      [
        'a.csv:2:17: value "maybe" is not done / not done (1 true yes done y 是 完成 已完成, or 0 false no n 否 未完成)',
      ],
    ],
    [
      "an unquoted thousands separator",
      "target,date,value\ninvest,2022-01-31,1,200\n",
      [
        'a.csv:2:21: the row has 4 fields but the header has 3; a value with a thousands separator must be quoted ("1,200")',
      ],
    ],
    ["an empty target", "target,date,value\n,2022-01-31,1\n", ["a.csv:2:1: the target is empty"]],
    [
      "an unclosed quote",
      'target,date,value\ninvest,2022-01-31,"12\ninvest,2022-02-28,13\n',
      ['a.csv:2:1: a quoted field is not closed: a field that starts with " must end with "'],
    ],
    ["no header at all", "\n\n", ["a.csv:2:1: the file has no header row (target,date,value)"]],
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
    expect(result.problems).toEqual([
      'a.csv:2:1: warning: no target has the id "nobody": its rows are ignored',
    ]);
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
        'target,date,value,note\ninvest,2022-01-31,"1,200",200 个\ninvest,2022-02-28,30,示例\n',
      "d.csv": "target,date,note,value\ninvest,2022-03-31,200,36\n",
    });
    expect(result).toEqual({
      values: {
        invest: [
          ["2022-01-31", 1200, "c.csv:2"],
          ["2022-02-28", 30, "c.csv:3"],
          ["2022-03-31", 36, "d.csv:2"],
        ],
      },
      problems: [],
    });
  });
});
