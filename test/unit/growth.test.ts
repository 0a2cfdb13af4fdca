/**
 * SPEC 2.4 (kind: growth) and 2.5 (左右, references, result_by, breach_after), each rule with its
 * hand arithmetic beside it, and the invariants as property tests.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as yaml from "yaml";
import { evaluate, evaluateTarget, roundGrowth, sameDayLastYear } from "../../src/core/evaluate.js";
import type { Observation, Target } from "../../src/core/model.js";
import { Series } from "../../src/core/series.js";
import { labelsFor } from "../../src/i18n/language.js";
import { formatProblem } from "../../src/i18n/problem-text.js";
import { loadTargets } from "../../src/inputs/targets.js";
import { fuzz } from "../fuzz-support.js";
import {
  day,
  formatDay,
  problemsOf,
  readCsvTexts,
  rows,
  targetFrom,
  targetsFrom,
} from "../helpers.js";

const gdp = targetFrom(
  "year: 2023\ntargets: [{ id: gdp, kind: growth, title: 地区生产总值增长, rate: 7, about: 0.5 }]",
);

function judge(target: Target, at: string, ...pairs: [string, number][]) {
  const result = evaluateTarget(target, rows(...pairs), day(at));
  return [result.status, result.reason];
}

/** Rows with a base column: [date, value, base]. */
function withBase(...triples: [string, number, number | null][]): Series {
  return Series.of(
    triples.map(
      ([date, value, base], index): Observation => ({
        day: day(date),
        value,
        file: "data.csv",
        line: index + 2,
        ...(base === null ? {} : { base }),
      }),
    ),
  );
}

describe("SPEC 2.4 growth: the bound after slack b and the shortfall S", () => {
  it('"GDP增长7%左右": b = 7 − 0.5 = 6.5; before the deadline S ≤ 0 green, S ≤ 0.7 yellow, else red', () => {
    // tolerance "10%" of |7| = 0.7 points beyond b.
    // G 6.8: S = 6.5 − 6.8 = −0.3 ≤ 0 → on-track.
    expect(judge(gdp, "2023-04-25", ["2023-03-31", 6.8])).toEqual(["green", "on-track"]);
    // G 6.5: S = 0 → on-track (on the bound is met).
    expect(judge(gdp, "2023-04-25", ["2023-03-31", 6.5])).toEqual(["green", "on-track"]);
    // G 5.8: S = 0.7 ≤ 0.7 → behind.
    expect(judge(gdp, "2023-04-25", ["2023-03-31", 5.8])).toEqual(["yellow", "behind"]);
    // G 5.7: S = 0.8 > 0.7 → off-track.
    expect(judge(gdp, "2023-04-25", ["2023-03-31", 5.7])).toEqual(["red", "off-track"]);
  });

  it("once J ≥ deadline: S ≤ 0 achieved, otherwise missed (no yellow)", () => {
    // G 6.5 at 12-31: S = 0 → achieved; G 6.4: S = 0.1 > 0 → missed.
    expect(judge(gdp, "2024-01-05", ["2023-12-31", 6.5])).toEqual(["green", "achieved"]);
    expect(judge(gdp, "2024-01-05", ["2023-12-31", 6.4])).toEqual(["red", "missed"]);
  });

  it('without about: "增长10%以上" is b = 10', () => {
    const industry = targetFrom(
      "year: 2023\ntargets: [{ id: ind, kind: growth, title: 规上工业增加值增长, rate: 10 }]",
    );
    // S = 10 − 9.9 = 0.1 ≤ 1 (10% of 10) → behind; 10 → on-track.
    expect(judge(industry, "2023-04-25", ["2023-03-31", 9.9])).toEqual(["yellow", "behind"]);
    expect(judge(industry, "2023-04-25", ["2023-03-31", 10])).toEqual(["green", "on-track"]);
  });

  it('a fall: "单位GDP能耗下降3%" is rate −3, bound max: S = G − (−3)', () => {
    const energy = targetFrom(
      "year: 2023\ntargets: [{ id: e, kind: growth, title: 能耗, rate: -3, bound: max, tolerance: 0.5 }]",
    );
    // G −3.2: S = −3.2 + 3 = −0.2 → on-track; G −2.6: S = 0.4 ≤ 0.5 → behind; G −2.4: S = 0.6 → red.
    expect(judge(energy, "2023-07-25", ["2023-06-30", -3.2])).toEqual(["green", "on-track"]);
    expect(judge(energy, "2023-07-25", ["2023-06-30", -2.6])).toEqual(["yellow", "behind"]);
    expect(judge(energy, "2023-07-25", ["2023-06-30", -2.4])).toEqual(["red", "off-track"]);
  });

  it('"物价涨幅控制在3%左右": bound max, b = 3 + 0.5 = 3.5', () => {
    const cpi = targetFrom(
      "year: 2023\ntargets: [{ id: cpi, kind: growth, title: 物价, rate: 3, bound: max, about: 0.5 }]",
    );
    // G 3.5: S = 0 → on-track; G 3.8: S = 0.3 ≤ 0.3 (10% of 3) → behind; 3.9 → off-track.
    expect(judge(cpi, "2023-07-25", ["2023-06-30", 3.5])).toEqual(["green", "on-track"]);
    expect(judge(cpi, "2023-07-25", ["2023-06-30", 3.8])).toEqual(["yellow", "behind"]);
    expect(judge(cpi, "2023-07-25", ["2023-06-30", 3.9])).toEqual(["red", "off-track"]);
  });

  it('about and tolerance as "N%" of |rate|', () => {
    const target = targetFrom(
      'year: 2023\ntargets: [{ id: g, kind: growth, title: G, rate: 8, about: "10%", tolerance: "25%" }]',
    );
    // about 0.8 → b = 7.2; tolerance 2 → yellow down to 5.2.
    expect(judge(target, "2023-04-25", ["2023-03-31", 7.2])).toEqual(["green", "on-track"]);
    expect(judge(target, "2023-04-25", ["2023-03-31", 5.2])).toEqual(["yellow", "behind"]);
    expect(judge(target, "2023-04-25", ["2023-03-31", 5.1])).toEqual(["red", "off-track"]);
    const result = evaluateTarget(target, rows(["2023-03-31", 7.2]), day("2023-04-25"));
    expect(result.expected).toBeCloseTo(7.2, 12);
    expect(result.growth).toMatchObject({ rate: 8, bound: "min", about: 0.8 });
  });

  it("a negative rate needs a bound; a growth target's errors are placed", () => {
    expect(
      problemsOf("year: 2023\ntargets: [{ id: e, kind: growth, title: E, rate: -3 }]"),
    ).toEqual([
      't.yaml:2:50: rate -3 is a fall: say whether it is the most (bound: max, "下降3%") or the least (bound: min) allowed',
    ]);
    expect(
      problemsOf(
        "year: 2023\ntargets: [{ id: e, kind: growth, title: E, rate: 3, input: values }]",
      ),
    ).toEqual(['t.yaml:2:60: input must be rate or value, got "values" (did you mean "value"?)']);
  });

  it("rows dated at or before t0 are bases only, never the actual", () => {
    // A 2022 row only: no actual in 2023.
    expect(judge(gdp, "2023-02-10", ["2022-12-31", 7.1])).toEqual(["grey", "no-data"]);
  });
});

describe("SPEC 2.4 input: value — G = (A / B − 1) × 100, rounded to one decimal", () => {
  const industry = targetFrom(
    "year: 2023\ntargets: [{ id: ind, kind: growth, title: 规上工业增加值, rate: 10, input: value }]",
  );

  it("B from the row's base column: 30.1 / 27.6 = 1.090579… → 9.1", () => {
    const result = evaluateTarget(
      industry,
      withBase(["2023-06-30", 30.1, 27.6]),
      day("2023-07-25"),
    );
    expect(result.actual).toBe(9.1);
    expect(result.growth).toMatchObject({ actualValue: 30.1, baseValue: 27.6 });
    // S = 10 − 9.1 = 0.9 ≤ 1 → behind.
    expect([result.status, result.reason]).toEqual(["yellow", "behind"]);
  });

  it("B from last year's row of the same period: 2023-03-31 ↔ 2022-03-31, 55 / 50 = 1.1 → 10", () => {
    const result = evaluateTarget(
      industry,
      rows(["2022-03-31", 50], ["2023-03-31", 55]),
      day("2023-04-25"),
    );
    expect(result.actual).toBe(10);
    expect(result.reason).toBe("on-track");
  });

  it("a month-end's last year is that month's last day: 2025-02-28 ↔ 2024-02-29, and back", () => {
    expect(formatDay(sameDayLastYear(day("2025-02-28")))).toBe("2024-02-29");
    expect(formatDay(sameDayLastYear(day("2024-02-29")))).toBe("2023-02-28");
    expect(formatDay(sameDayLastYear(day("2024-03-15")))).toBe("2023-03-15");
    const target = targetFrom(
      "year: 2025\ntargets: [{ id: v, kind: growth, title: V, rate: 5, input: value }]",
    );
    // 105 / 100 = 1.05 → 5.
    const result = evaluateTarget(
      target,
      rows(["2024-02-29", 100], ["2025-02-28", 105]),
      day("2025-03-05"),
    );
    expect(result.actual).toBe(5);
  });

  it("without B, or with B ≤ 0: grey no-base", () => {
    expect(judge(industry, "2023-04-25", ["2023-03-31", 55])).toEqual(["grey", "no-base"]);
    const zero = evaluateTarget(industry, withBase(["2023-03-31", 55, 0]), day("2023-04-25"));
    expect([zero.status, zero.reason]).toEqual(["grey", "no-base"]);
  });

  it("rows of one date with the same value but different bases conflict, both places named (SPEC 3)", () => {
    const read = (text: string, direct = true) => {
      const data = readCsvTexts([{ file: "a.csv", chunks: [text] }], [industry], direct);
      return ["en", "zh"].map((lang) =>
        data.problems.map((problem) => formatProblem(problem, labelsFor(lang as "en" | "zh"))),
      );
    };
    for (const direct of [true, false]) {
      expect(
        read(
          "target,date,value,base\nind,2023-06-30,30.1,27.6\nind,2023-06-30,30.1,27.9\n",
          direct,
        ),
      ).toEqual([
        [
          "a.csv:3:1: ind on 2023-06-30 has the same value here as at a.csv:2 but base 27.9 here and base 27.6 there, so the growth would differ: delete the wrong row, or mark the right row as a correction (a note that begins with 更正 or correction)",
        ],
        [
          "a.csv:3:1: ind 在 2023-06-30 的数值与 a.csv:2 相同，但同期数此处为 27.9，该处为 27.6，算出的增速不同：请删去错误的一行，或在正确一行的备注开头写“更正”",
        ],
      ]);
      // A row with a base and one without: the second would take last year's row instead.
      expect(
        read("target,date,value,base\nind,2023-06-30,30.1,\nind,2023-06-30,30.1,27.6\n", direct)[0],
      ).toEqual([
        "a.csv:3:1: ind on 2023-06-30 has the same value here as at a.csv:2 but base 27.6 here and no base there, so the growth would differ: delete the wrong row, or mark the right row as a correction (a note that begins with 更正 or correction)",
      ]);
      // The same value and the same base: one row twice is fine; a correction replaces its base too.
      expect(
        read(
          "target,date,value,base\nind,2023-06-30,30.1,27.6\nind,2023-06-30,30.1,27.6\n",
          direct,
        ),
      ).toEqual([[], []]);
    }
    // A growth target of published rates does not read the base: no conflict over it.
    const rates = targetFrom(
      "year: 2023\ntargets: [{ id: ind, kind: growth, title: 规上工业增加值, rate: 10 }]",
    );
    const data = readCsvTexts(
      [
        {
          file: "a.csv",
          chunks: ["target,date,value,base\nind,2023-06-30,9.1,27.6\nind,2023-06-30,9.1,27.9\n"],
        },
      ],
      [rates],
    );
    expect(data.problems).toEqual([]);
  });

  it("rounds half away from zero, as bureaus publish: 6.85 → 6.9, −6.85 → −6.9, 6.849 → 6.8", () => {
    // (1.0685 − 1) × 100 is 6.8499999… in binary: the rounding sees 6.85.
    expect(roundGrowth((1.0685 - 1) * 100)).toBe(6.9);
    expect(roundGrowth(-6.85)).toBe(-6.9);
    expect(roundGrowth(6.849)).toBe(6.8);
    expect(roundGrowth(0.04)).toBe(0);
    expect(Object.is(roundGrowth(-0.04), -0)).toBe(false);
  });
});

describe("SPEC 2.5 about (左右) for progress and level targets", () => {
  it('"村级就业公共服务覆盖率达80%左右" (target 80, about 2) is achieved at 78 and at 79.2', () => {
    const coverage = targetFrom(
      "year: 2023\ntargets: [{ id: c, title: 覆盖率, unit: '%', target: 80, about: 2 }]",
    );
    // d·(A − target) = 78 − 80 = −2 ≥ −2 → achieved; 77.9: −2.1 < −2 → missed at the deadline.
    expect(judge(coverage, "2023-12-31", ["2023-12-31", 78])).toEqual(["green", "achieved"]);
    expect(judge(coverage, "2023-12-31", ["2023-12-31", 79.2])).toEqual(["green", "achieved"]);
    expect(judge(coverage, "2023-12-31", ["2023-12-31", 77.9])).toEqual(["red", "missed"]);
  });

  it("about moves only rule 2: E(t) and the tolerance are unchanged", () => {
    const withAbout = targetFrom(
      "year: 2022\ntargets: [{ id: a, title: A, target: 130, about: 10 }]",
    );
    const without = targetFrom("year: 2022\ntargets: [{ id: a, title: A, target: 130 }]");
    // E(03-31) = 39, tolerance 13 either way: 25 is 14 behind → off-track for both.
    const a = evaluateTarget(withAbout, rows(["2022-03-31", 25]), day("2022-04-05"));
    const b = evaluateTarget(without, rows(["2022-03-31", 25]), day("2022-04-05"));
    expect([a.reason, a.expected]).toEqual([b.reason, b.expected]);
    expect(a.reason).toBe("off-track");
  });

  it("a level target max: 3, about: 0.5 is within up to 3.5; the tolerance counts beyond 3.5", () => {
    const price = targetFrom(
      "year: 2023\ntargets: [{ id: p, kind: level, title: P, max: 3, about: 0.5, tolerance: 0.2 }]",
    );
    expect(judge(price, "2023-04-05", ["2023-03-31", 3.5])).toEqual(["green", "within"]);
    // 3.7 − 3.5 = 0.2 ≤ 0.2 → near; 3.8: 0.3 > 0.2 → outside.
    expect(judge(price, "2023-04-05", ["2023-03-31", 3.7])).toEqual(["yellow", "near"]);
    expect(judge(price, "2023-04-05", ["2023-03-31", 3.8])).toEqual(["red", "outside"]);
  });
});

describe("SPEC 2.5 references { ref, plus | times }", () => {
  const [gdpGrowth, income] = targetsFrom(`year: 2023
targets:
  - { id: gdp.growth, kind: growth, title: GDP, rate: 7, frequency: quarterly }
  - { id: income.growth, kind: growth, title: 收入, rate: { ref: gdp.growth }, about: 0.5, frequency: quarterly }
`) as [Target, Target];

  function run(asOf: string, gdpRows: [string, number][], incomeRows: [string, number][]) {
    const observations = new Map([
      ["gdp.growth", rows(...gdpRows)],
      ["income.growth", rows(...incomeRows)],
    ]);
    return evaluate([gdpGrowth, income], observations, { asOf: day(asOf) }).results[1];
  }

  it('"与经济增长同步": income for 1–6月 against GDP for 1–6月, b = 7.2 − 0.5 = 6.7', () => {
    const result = run(
      "2023-07-25",
      [
        ["2023-03-31", 6.8],
        ["2023-06-30", 7.2],
      ],
      [["2023-06-30", 6.7]],
    );
    expect([result?.status, result?.reason, result?.expected]).toEqual(["green", "on-track", 6.7]);
    // Judged against GDP of its own row date: 03-31 income (6.1) against 6.8 − 0.5 = 6.3.
    const march = run("2023-04-25", [["2023-03-31", 6.8]], [["2023-03-31", 6.1]]);
    // S = 6.3 − 6.1 = 0.2 ≤ 0.68 (10% of 6.8) → behind.
    expect([march?.reason, march?.expected]).toEqual(["behind", 6.3]);
  });

  it("a referenced target with no row then, or late at T, makes this one grey no-reference", () => {
    expect(run("2023-04-25", [], [["2023-03-31", 6.1]])?.reason).toBe("no-reference");
    // GDP's last row is 03-31; at 2023-08-01 its 06-30 report (due 07-10) is overdue: late.
    expect(run("2023-08-01", [["2023-03-31", 6.8]], [["2023-06-30", 6.9]])?.reason).toBe(
      "no-reference",
    );
  });

  it("behaves as the same number written in (plus and times)", async () => {
    await fuzz(
      "references: the same as the number written in",
      fc.property(
        fc.integer({ min: -50, max: 150 }).map((tenths) => tenths / 10),
        fc.integer({ min: -50, max: 150 }).map((tenths) => tenths / 10),
        fc.constantFrom("", ", plus: 1", ", times: 0.5"),
        (reference, actual, how) => {
          const [level, written] = targetsFrom(`year: 2023
targets:
  - { id: r, kind: level, title: R, min: -100 }
  - { id: x, kind: level, title: X, max: { ref: r${how} }, tolerance: 1 }
`) as [Target, Target];
          const bound =
            how === "" ? reference : how.includes("plus") ? reference + 1 : reference * 0.5;
          const plain = targetFrom(
            `year: 2023\ntargets: [{ id: x, kind: level, title: X, max: ${bound}, tolerance: 1 }]`,
          );
          const observations = new Map([
            ["r", rows(["2023-03-31", reference])],
            ["x", rows(["2023-03-31", actual])],
          ]);
          const byReference = evaluate([level, written], observations, {
            asOf: day("2023-04-05"),
          }).results[1];
          const byNumber = evaluateTarget(plain, rows(["2023-03-31", actual]), day("2023-04-05"));
          expect([byReference?.status, byReference?.reason]).toEqual([
            byNumber.status,
            byNumber.reason,
          ]);
        },
      ),
      200,
    );
  });

  it("a reference to an unknown id, to a milestone, or in a cycle is an error naming both targets", () => {
    const loaded = loadTargets(
      [
        {
          file: "t.yaml",
          text: `year: 2023
targets:
  - { id: a, kind: growth, title: A, rate: { ref: gpd } }
  - { id: m, kind: milestone, title: M }
  - { id: b, kind: level, title: B, max: { ref: m } }
  - { id: c, kind: level, title: C, min: { ref: d } }
  - { id: d, kind: level, title: D, min: { ref: c, plus: 1 } }
  - { id: gdp, kind: growth, title: GDP, rate: 7 }
`,
        },
      ],
      yaml,
    );
    expect(loaded.problems.map((problem) => formatProblem(problem))).toEqual([
      't.yaml:3:51: a refers to gpd, which is no target\'s id (did you mean "gdp"?)',
      "t.yaml:5:49: b refers to m, a milestone target: its actual is done or not done, not a number",
      "t.yaml:6:49: c refers to d, and the references go round in a circle: c → d → c",
      "t.yaml:7:49: d refers to c, and the references go round in a circle: d → c → d",
    ]);
    expect(
      problemsOf("targets: [{ id: e, kind: level, title: E, min: { ref: c, plus: 1, times: 2 } }]"),
    ).toEqual(["t.yaml:1:74: a reference takes plus or times, not both"]);
  });

  it("a reference's id typed with a full-width stop or space is no target's id, said where it is", () => {
    const problems = (ref: string) =>
      loadTargets(
        [
          {
            file: "t.yaml",
            text: `year: 2023\ntargets:\n  - { id: gdp, kind: growth, title: G, rate: 7 }\n  - { id: a, kind: growth, title: A, rate: { ref: ${ref} } }\n`,
          },
        ],
        yaml,
      ).problems.map((problem) => formatProblem(problem));
    // A full stop typed after the id stays, and names no target (column 51: where the id is).
    expect(problems("gdp。")).toEqual([
      't.yaml:4:51: a refers to gdp。, which is no target\'s id (did you mean "gdp"?)',
    ]);
    // The spaces trim() takes off go, as they go from any text: U+3000 among them.
    expect(problems("\u3000gdp")).toEqual([]);
  });
});

describe("SPEC 2.5 result_by: results that arrive after the deadline", () => {
  const ranking = targetFrom(
    "year: 2023\ntargets: [{ id: rank, kind: level, title: 营商环境排名, max: 3, frequency: yearly, result_by: 2024-03-31 }]",
  );
  const energy = targetFrom(
    "year: 2023\ntargets: [{ id: e, kind: growth, title: 能耗, rate: -3, bound: max, frequency: yearly, result_by: 2024-05-31 }]",
  );
  const hall = targetFrom(
    "year: 2023\ntargets: [{ id: hall, kind: milestone, title: 验收, deadline: 2023-12-31, result_by: 2024-02-29 }]",
  );

  it("from the deadline to result_by, no row is grey awaiting-result, never late", () => {
    // Without result_by the yearly report of 12-31 is due by 2024-01-10: late on 01-11.
    for (const target of [ranking, energy]) {
      const result = evaluateTarget(target, rows(), day("2024-01-25"));
      expect([result.status, result.reason, result.late]).toEqual([
        "grey",
        "awaiting-result",
        false,
      ]);
    }
    // A milestone not done, between its deadline and result_by: awaiting, not overdue.
    expect(judge(hall, "2024-01-10", ["2023-11-30", 0])).toEqual(["grey", "awaiting-result"]);
    expect(judge(hall, "2024-01-10")).toEqual(["grey", "awaiting-result"]);
  });

  it("after result_by the report is late (grey late), and a milestone not done overdue", () => {
    const result = evaluateTarget(ranking, rows(), day("2024-04-01"));
    expect([result.status, result.late]).toEqual(["grey", true]);
    expect(judge(hall, "2024-03-01", ["2023-11-30", 0])).toEqual(["red", "overdue"]);
  });

  it("a row that arrives is judged as usual: the ranking at 2 is within", () => {
    expect(judge(ranking, "2024-03-20", ["2023-12-31", 2])).toEqual(["green", "within"]);
  });

  it("result_by must be after the deadline", () => {
    expect(
      problemsOf(
        "year: 2023\ntargets: [{ id: m, kind: milestone, title: M, deadline: 2023-12-31, result_by: 2023-12-31 }]",
      ),
    ).toEqual(["t.yaml:2:80: result_by 2023-12-31 is not after the deadline 2023-12-31"]);
  });
});

describe("SPEC 2.5 breach_after (动态清零)", () => {
  const arrears = targetFrom(
    "year: 2023\ntargets: [{ id: a, kind: level, title: 欠薪清零, max: 0, breach_after: 2, frequency: quarterly }]",
  );

  it("a case newly found is yellow breach; red once the report before was outside too", () => {
    // 03-31: 0, 06-30: 2 — the report before (03-31) was within → breach.
    expect(judge(arrears, "2023-07-05", ["2023-03-31", 0], ["2023-06-30", 2])).toEqual([
      "yellow",
      "breach",
    ]);
    // 06-30: 2, 09-30: 1 — 06-30 was outside too → outside.
    expect(
      judge(arrears, "2023-10-05", ["2023-03-31", 0], ["2023-06-30", 2], ["2023-09-30", 1]),
    ).toEqual(["red", "outside"]);
    // The first report of all has no report before it within the year: breach.
    expect(judge(arrears, "2023-04-05", ["2023-03-31", 3])).toEqual(["yellow", "breach"]);
  });
});

describe("SPEC 2.4 and 2.5 invariants", () => {
  it("raising G never makes a min growth result worse, nor lowering it a max one", async () => {
    const rank = { red: 0, yellow: 1, green: 2, grey: -1 } as const;
    await fuzz(
      "growth: monotone in G",
      fc.property(
        fc.constantFrom("min", "max"),
        fc.integer({ min: -100, max: 200 }),
        fc.integer({ min: 0, max: 50 }),
        fc.constantFrom(0, 0.5, 1),
        fc.constantFrom("2023-06-30", "2023-12-31"),
        (bound, tenths, step, about, on) => {
          const target = targetFrom(
            `year: 2023\ntargets: [{ id: g, kind: growth, title: G, rate: 5, bound: ${bound}, about: ${about} }]`,
          );
          const low = tenths / 10;
          const high = low + step / 10;
          const at = (value: number) =>
            rank[evaluateTarget(target, rows([on, value]), day(on)).status];
          if (bound === "min") expect(at(high)).toBeGreaterThanOrEqual(at(low));
          else expect(at(low)).toBeGreaterThanOrEqual(at(high));
        },
      ),
      300,
    );
  });

  it("about never makes a result worse (progress, level, growth)", async () => {
    const rank = { red: 0, yellow: 1, green: 2, grey: 3 } as const;
    await fuzz(
      "about: never worse",
      fc.property(
        fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10),
        fc.constantFrom(0.5, 2, 10),
        fc.constantFrom("2023-06-30", "2023-12-31"),
        fc.constantFrom(
          "target: 80",
          "kind: level, min: 40",
          "kind: level, max: 40, tolerance: 2",
          "kind: growth, rate: 50",
          "kind: growth, rate: 50, bound: max",
        ),
        (value, about, on, fields) => {
          const without = targetFrom(`year: 2023\ntargets: [{ id: x, title: X, ${fields} }]`);
          const withAbout = targetFrom(
            `year: 2023\ntargets: [{ id: x, title: X, ${fields}, about: ${about} }]`,
          );
          const status = (target: Target) =>
            rank[evaluateTarget(target, rows([on, value]), day(on)).status];
          expect(status(withAbout)).toBeGreaterThanOrEqual(status(without));
        },
      ),
      300,
    );
  });
});
