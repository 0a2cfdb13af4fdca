/**
 * SPEC 4 (v2): a row with a `reported` date (报送日期) is not used at any as-of date before that
 * day, so that a month-end evaluation made again later sees what was known then; with the
 * reporting cycle of 4.1, a report not yet in is a report missing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDay } from "../../src/core/dates.js";
import { evaluateTarget } from "../../src/core/evaluate.js";
import { explainTarget } from "../../src/core/explain-model.js";
import { type ObservationInput, Series } from "../../src/core/series.js";
import { labelsFor } from "../../src/i18n/language.js";
import { formatProblem } from "../../src/i18n/problem-text.js";
import { day, readCsvTexts, targetFrom, targetsFrom } from "../helpers.js";

// The worked example's target of SPEC 4.1: 130 in 2022, default schedule, monthly, due_days 10,
// tolerance 10% of 130 = 13.
const invest = targetFrom("year: 2022\ntargets: [{ id: invest, title: 固投项目, target: 130 }]");

/** Rows of [date, value, reported date or null, correction?]. */
function series(...rows: [string, number, string | null, boolean?][]): Series {
  return Series.of(
    rows.map(
      ([date, value, reported, correction], index): ObservationInput => ({
        day: day(date),
        value,
        file: "d.csv",
        line: index + 2,
        ...(reported === null ? {} : { reported: day(reported) }),
        ...(correction === true ? { correction } : {}),
      }),
    ),
  );
}

describe("SPEC 4 (v2): a row is not used before its reported date", () => {
  // 03-31 → 40 reported 04-08, 06-30 → 80 reported 07-08.
  const rows = series(["2022-03-31", 40, "2022-04-08"], ["2022-06-30", 80, "2022-07-08"]);

  it("on 07-05 the June row is not in yet: the latest known row is March's, and it is late", () => {
    // Known at 07-05: 03-31 → 40 only. r* = 05-31 (due 06-10), r⁻ = 04-30, d = 03-31 ≤ r⁻: late,
    // missingReport 05-31, J = 05-31, E(05-31) = 65.14 (30% of 130 = 39 at 03-31, 60% = 78 at
    // 06-30: 39 + 39 × 61/91 = 65.14), L = 65.14 − 40 = 25.14 > 13: red off-track.
    const result = evaluateTarget(invest, rows, day("2022-07-05"));
    expect(result).toMatchObject({ status: "red", reason: "off-track", late: true, actual: 40 });
    expect(formatDay(result.missingReport as number)).toBe("2022-05-31");
    expect(result.expected).toBeCloseTo(65.14, 2);
  });

  it("on 07-08, the day it is reported, the June row counts: the SPEC's first example", () => {
    // As in 4.1's first example: J = 06-30, E = 78, A = 80: green on-track.
    const result = evaluateTarget(invest, rows, day("2022-07-08"));
    expect(result).toMatchObject({ status: "green", reason: "on-track", late: false, actual: 80 });
    expect(formatDay(result.judgedAt)).toBe("2022-06-30");
  });

  it("the month-end evaluation of 06-30 made again later sees what was known on 06-30", () => {
    // On 06-30 only March's row was in: r* = 05-31 (due 06-10), r⁻ = 04-30, d = 03-31 ≤ r⁻:
    // late, J = 05-31, E(05-31) = 65.14, L = 25.14 > 13: red off-track, as on 07-05. (With the
    // June row counted, as a run without reported dates had it: J = 06-30, E = 78, green.)
    const result = evaluateTarget(invest, rows, day("2022-06-30"));
    expect(result).toMatchObject({ status: "red", reason: "off-track", late: true, actual: 40 });
    expect(result.expected).toBeCloseTo(65.14, 2);
    const unreported = series(["2022-03-31", 40, null], ["2022-06-30", 80, null]);
    expect(evaluateTarget(invest, unreported, day("2022-06-30")).status).toBe("green");
  });

  it("a row without a reported date is known from its own date on", () => {
    const plain = series(["2022-06-30", 80, null]);
    expect(evaluateTarget(invest, plain, day("2022-06-30")).actual).toBe(80);
  });

  it("a correction reported later replaces the row only from its reported date on", () => {
    // 06-30 → 80 as sent; the correction 06-30 → 70 comes on 07-20.
    const corrected = series(["2022-06-30", 80, null], ["2022-06-30", 70, "2022-07-20", true]);
    expect(evaluateTarget(invest, corrected, day("2022-07-19")).actual).toBe(80);
    // E(06-30) = 78: 70 is 8 behind, ≤ 13: yellow.
    expect(evaluateTarget(invest, corrected, day("2022-07-20"))).toMatchObject({
      actual: 70,
      status: "yellow",
      reason: "behind",
    });
  });

  it("a level target whose report is not in yet is late and grey", () => {
    const rank = targetFrom(
      "year: 2022\ntargets: [{ id: rank, kind: level, title: 排名, max: 2 }]",
    );
    const rows = series(["2022-05-31", 1, null], ["2022-06-30", 1, "2022-07-15"]);
    // T = 07-12: June's report was due 07-10 and is not in: grey late. T = 07-15: on time, green.
    expect(evaluateTarget(rank, rows, day("2022-07-12"))).toMatchObject({
      status: "grey",
      reason: "late",
    });
    expect(evaluateTarget(rank, rows, day("2022-07-15"))).toMatchObject({
      status: "green",
      reason: "within",
    });
  });

  it("explain lists the rows known at the as-of date and counts the others", () => {
    const explanation = explainTarget(invest, rows, { asOf: day("2022-07-05") });
    expect(explanation.rows.map((row) => formatDay(row.observation.day))).toEqual(["2022-03-31"]);
    expect(explanation.unreportedRows).toBe(1);
  });

  it("as an invariant: the evaluation at T is that of the rows reported by T alone", () => {
    const dates = ["2022-01-31", "2022-02-28", "2022-03-31", "2022-04-30", "2022-05-31"];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            date: fc.constantFrom(...dates),
            value: fc.integer({ min: 0, max: 130 }),
            lag: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
          }),
          { maxLength: 8 },
        ),
        fc.integer({ min: 0, max: 200 }),
        (drawn, offset) => {
          // One row per date (the first drawn), each reported `lag` days after its date or not.
          const seen = new Set<string>();
          const rows = drawn.filter((row) => !seen.has(row.date) && seen.add(row.date) !== null);
          const asOf = day("2022-01-01") + offset;
          const all = series(
            ...rows.map((row): [string, number, string | null] => [
              row.date,
              row.value,
              row.lag === null ? null : formatDay(day(row.date) + row.lag),
            ]),
          );
          const known = Series.of(
            rows
              .filter((row) => row.lag === null || day(row.date) + row.lag <= asOf)
              .map((row, index) => ({
                day: day(row.date),
                value: row.value,
                file: "d.csv",
                line: index + 2,
              })),
          );
          const a = evaluateTarget(invest, all, asOf);
          const b = evaluateTarget(invest, known, asOf);
          expect([a.status, a.reason, a.actual, a.judgedAt]).toEqual([
            b.status,
            b.reason,
            b.actual,
            b.judgedAt,
          ]);
        },
      ),
    );
  });
});

describe("SPEC 3 (v2): the reported column (报送日期)", () => {
  const targets = targetsFrom(
    "year: 2022\ntargets: [{ id: invest, title: 固投项目, target: 130 }]",
  );
  const read = (text: string) => {
    const data = readCsvTexts([{ file: "a.csv", chunks: [text] }], targets);
    return {
      series: data.observations.get("invest"),
      en: data.problems.map((problem) => formatProblem(problem, labelsFor("en"))),
      zh: data.problems.map((problem) => formatProblem(problem, labelsFor("zh"))),
    };
  };

  it("is read in any date form, by its English or Chinese name; an empty cell is no date", () => {
    const result = read(
      "指标,日期,数值,报送日期\ninvest,2022-03-31,40,2022年4月8日\ninvest,2022-04-30,45,\ninvest,2022-05-31,60,２０２２/6/9\n",
    );
    expect(result.en).toEqual([]);
    const rows = result.series as Series;
    // On 06-08, May's row is not in yet; April's has no reported date.
    expect(
      rows
        .knownAt(day("2022-06-08"))
        .observations()
        .map((row) => row.value),
    ).toEqual([40, 45]);
    expect(
      rows
        .knownAt(day("2022-06-09"))
        .observations()
        .map((row) => row.value),
    ).toEqual([40, 45, 60]);
    // On 04-07 March's row is not in yet: April's is known (its date, later, is the evaluation's).
    expect(
      rows
        .knownAt(day("2022-04-07"))
        .observations()
        .map((row) => row.value),
    ).toEqual([45]);
  });

  it("refuses a reported date that is no date, or before the row's own date, at its cell", () => {
    const result = read(
      "target,date,value,reported\ninvest,2022-03-31,40,2022-04-31\ninvest,2022-04-30,45,soon\ninvest,2022-05-31,60,2022-05-15\n",
    );
    // Column 22: after "invest,2022-03-31,40,".
    expect(result.en).toEqual([
      'a.csv:2:22: date "2022-04-31" is not a calendar date',
      'a.csv:3:22: date "soon" is not a date (2022-03-31, 2022/3/31, 2022年3月31日, 2022-03 or 2022-Q1)',
      "a.csv:4:22: invest on 2022-05-31 is reported on 2022-05-15, before its own date: one of the two dates is wrong",
    ]);
    expect(result.zh[2]).toBe(
      "a.csv:4:22: invest 在 2022-05-31 的报送日期 2022-05-15 早于该行日期：两个日期有一个写错了",
    );
  });
});
