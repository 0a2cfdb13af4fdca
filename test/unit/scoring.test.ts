/**
 * Scoring and ranking (SPEC 6), one describe per rule: points, an owner's score, places, periods,
 * movement; the arithmetic of each case beside it. Then properties (fast-check).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Day, endOfMonth } from "../../src/core/dates.js";
import { evaluate } from "../../src/core/evaluate.js";
import { compare, type Fraction, fractionOf, toNumber } from "../../src/core/fraction.js";
import type { Reason, Result, Status } from "../../src/core/model.js";
import { DEFAULT_SCORES, type Scores } from "../../src/core/project.js";
import {
  type EvaluationsAt,
  inOwnerOrder,
  latePenaltyOf,
  movementOf,
  ownerScores,
  type Period,
  periodDays,
  placeOwners,
  pointsOf,
  previousPeriodEnd,
  rankOwners,
} from "../../src/core/scoring.js";
import { day, formatDay, rows, targetsFrom } from "../helpers.js";

/** A result with just what scoring reads: its owners, weight, status, reason and lateness. */
interface Fake {
  owner: string[];
  status: Status;
  reason?: Reason;
  late?: boolean;
  weight?: number;
  id?: string;
}

function fake(entry: Fake, index = 0): Result {
  const reasons: Record<Status, Reason> = {
    green: "on-track",
    yellow: "behind",
    red: "off-track",
    grey: "no-data",
  };
  return {
    status: entry.status,
    reason: entry.reason ?? reasons[entry.status],
    late: entry.late ?? false,
    target: { id: entry.id ?? `t${index}`, owner: entry.owner, weight: entry.weight ?? 1 },
  } as Result;
}

const results = (...entries: Fake[]) => entries.map(fake);

/** A number, or null, from an exact score. */
const shown = (score: Fraction | null | undefined) =>
  score === null || score === undefined ? null : toNumber(score);

const points = (entry: Fake, scores: Scores = DEFAULT_SCORES) =>
  shown(pointsOf(fake(entry), scores));

const SETTINGS = { scores: DEFAULT_SCORES, owners: null };

/** Evaluations at given dates, from fake results; counts how often each date is asked for. */
function fakeEvaluations(
  byDay: Record<string, Fake[]>,
): EvaluationsAt & { asked: Map<string, number> } {
  const asked = new Map<string, number>();
  return {
    asked,
    at(asOf: Day) {
      const date = formatDay(asOf);
      asked.set(date, (asked.get(date) ?? 0) + 1);
      return { results: (byDay[date] ?? []).map(fake) };
    },
  };
}

describe("points of a result (SPEC 6)", () => {
  it("green 100, yellow 60, red 0", () => {
    expect(points({ owner: ["A"], status: "green" })).toBe(100);
    expect(points({ owner: ["A"], status: "yellow" })).toBe(60);
    expect(points({ owner: ["A"], status: "red" })).toBe(0);
  });

  it("achieved-late and done-late score as yellow, although green", () => {
    expect(points({ owner: ["A"], status: "green", reason: "achieved-late" })).toBe(60);
    expect(points({ owner: ["A"], status: "green", reason: "done-late" })).toBe(60);
  });

  it("a late grey result (a report is due and none came) scores `missing`, default 0", () => {
    expect(points({ owner: ["A"], status: "grey", late: true })).toBe(0);
    expect(points({ owner: ["A"], status: "grey", reason: "late", late: true })).toBe(0);
    expect(
      points(
        { owner: ["A"], status: "grey", late: true },
        { ...DEFAULT_SCORES, red: 10, missing: -20 },
      ),
    ).toBe(-20);
  });

  it("a grey result with no report due yet is left out", () => {
    expect(points({ owner: ["A"], status: "grey", late: false })).toBeNull();
  });

  it("a late progress result that is not grey: its status's points − late_penalty, never below 0", () => {
    const scores = { ...DEFAULT_SCORES, latePenalty: 15 };
    // 100 − 15 = 85; 60 − 15 = 45; 0 − 15 = −15 → 0.
    expect(points({ owner: ["A"], status: "green", late: true }, scores)).toBe(85);
    expect(points({ owner: ["A"], status: "yellow", late: true }, scores)).toBe(45);
    expect(points({ owner: ["A"], status: "red", late: true }, scores)).toBe(0);
    // Achieved late and late: yellow's 60 − 15 = 45.
    expect(
      points({ owner: ["A"], status: "green", reason: "achieved-late", late: true }, scores),
    ).toBe(45);
    // On time: no penalty.
    expect(points({ owner: ["A"], status: "yellow" }, scores)).toBe(60);
    // 0.3 − 0.1 is 0.2 exactly, not 0.19999999999999998.
    expect(
      points(
        { owner: ["A"], status: "green", late: true },
        { ...DEFAULT_SCORES, green: 0.3, latePenalty: 0.1 },
      ),
    ).toBe(0.2);
  });

  it("the points the late penalty takes, as the report shows them: what pointsOf took, never more", () => {
    const scores = { ...DEFAULT_SCORES, latePenalty: 15 };
    const taken = (entry: Fake) => shown(latePenaltyOf(fake(entry), scores));
    // Green late: 15 taken (100 → 85); yellow late: 15 (60 → 45); red late: 0 points, nothing to take.
    expect(taken({ owner: ["A"], status: "green", late: true })).toBe(15);
    expect(taken({ owner: ["A"], status: "yellow", late: true })).toBe(15);
    expect(taken({ owner: ["A"], status: "red", late: true })).toBeNull();
    // Red at 10 with a penalty of 15: only the 10 it has (10 → 0).
    expect(
      shown(
        latePenaltyOf(fake({ owner: ["A"], status: "red", late: true }), { ...scores, red: 10 }),
      ),
    ).toBe(10);
    // Grey and late scores `missing`: no penalty; on time, or no penalty set: none.
    expect(taken({ owner: ["A"], status: "grey", late: true })).toBeNull();
    expect(taken({ owner: ["A"], status: "green" })).toBeNull();
    expect(
      shown(latePenaltyOf(fake({ owner: ["A"], status: "green", late: true }), DEFAULT_SCORES)),
    ).toBeNull();
  });

  it("each owner's standing lists the penalties taken from its results at T", () => {
    const ranking = rankOwners(
      fakeEvaluations({
        "2022-03-31": [
          { owner: ["A", "B"], status: "green", late: true, id: "x" },
          { owner: ["A"], status: "grey", late: true, id: "y" },
          { owner: ["B"], status: "yellow", id: "z" },
        ],
      }),
      {
        asOf: day("2022-03-31"),
        settings: { scores: { ...DEFAULT_SCORES, latePenalty: 20 }, owners: null },
      },
    );
    // x is green and late: 100 − 20 under each of its owners; y is grey (missing), z on time.
    expect(
      ranking.standings.map((standing) => [
        standing.owner,
        standing.latePenalties.map((entry) => [entry.result.target.id, entry.points]),
      ]),
    ).toEqual([
      // B: (80 + 60) ÷ 2 = 70; A: (80 + 0) ÷ 2 = 40.
      ["B", [["x", 20]]],
      ["A", [["x", 20]]],
    ]);
  });

  it("reads the project file's numbers", () => {
    const scores: Scores = { green: 10, yellow: 7.5, red: 2, missing: 1, latePenalty: 0 };
    expect(points({ owner: ["A"], status: "green" }, scores)).toBe(10);
    expect(points({ owner: ["A"], status: "yellow" }, scores)).toBe(7.5);
    expect(points({ owner: ["A"], status: "red" }, scores)).toBe(2);
    expect(points({ owner: ["A"], status: "grey", late: true }, scores)).toBe(1);
  });

  it("on the evaluator's results: achieved after the deadline scores 60, a missing report 0", () => {
    const targets = targetsFrom(`year: 2022
targets:
  - { id: p, title: P, owner: A, target: 100 }
  - { id: q, title: Q, owner: A, target: 100 }
`);
    // p reaches 100 only in January 2023, after its deadline: achieved-late; q sends nothing.
    const report = evaluate(targets, new Map([["p", rows(["2023-01-15", 100])]]), {
      asOf: day("2023-01-31"),
    });
    expect(report.results.map((result) => [result.reason, result.late])).toEqual([
      ["achieved-late", false],
      ["no-data", true],
    ]);
    expect(report.results.map((result) => shown(pointsOf(result, DEFAULT_SCORES)))).toEqual([
      60, 0,
    ]);
  });
});

describe("points of a growth target's grey results (SPEC 6, 2.4, 2.5)", () => {
  const targets = targetsFrom(`year: 2023
targets:
  - { id: ok, kind: growth, title: OK, owner: A, rate: 7 }
  - { id: nobase, kind: growth, title: No base, owner: A, rate: 10, input: value }
  - { id: gdp, kind: growth, title: GDP, owner: B, rate: 7 }
  - { id: income, kind: growth, title: Income, owner: A, rate: { ref: gdp }, about: 0.5 }
  - { id: silent, kind: growth, title: Silent, owner: C, rate: 5 }
  - { id: chart, kind: growth, title: Chart, owner: C, rate: 5 }
  - { id: yearly, kind: growth, title: Yearly, owner: D, rate: 5, frequency: yearly, result_by: 2024-03-31 }
  - { id: held, kind: growth, title: Held, owner: D, rate: 5 }
`);

  it("no-base and no-reference are left out; a late growth result scores missing", () => {
    // At 04-25 the 03-31 report was due by 04-10. ok: G = 7.2 ≥ 7, green 100. nobase: 55 with no
    // base and no row a year before: grey no-base. income: gdp has no row (and is late), so grey
    // no-reference. silent: no row, a report due: grey, late, missing 0. chart: 6 ≥ 5, green.
    const report = evaluate(
      targets,
      new Map([
        ["ok", rows(["2023-03-31", 7.2])],
        ["nobase", rows(["2023-03-31", 55])],
        ["income", rows(["2023-03-31", 7.5])],
        ["chart", rows(["2023-03-31", 6])],
      ]),
      { asOf: day("2023-04-25") },
    );
    const at = new Map(report.results.map((result) => [result.target.id, result]));
    const seen = (id: string) => {
      const result = at.get(id) as Result;
      return [result.status, result.reason, result.late, shown(pointsOf(result, DEFAULT_SCORES))];
    };
    expect(seen("ok")).toEqual(["green", "on-track", false, 100]);
    expect(seen("nobase")).toEqual(["grey", "no-base", false, null]);
    expect(seen("income")).toEqual(["grey", "no-reference", false, null]);
    expect(seen("gdp")).toEqual(["grey", "no-data", true, 0]);
    expect(seen("silent")).toEqual(["grey", "no-data", true, 0]);
    const scores = ownerScores(report.results, DEFAULT_SCORES);
    // A: ok alone counts, 100 ÷ 1 = 100 (no-base and no-reference left out, not scored 0).
    expect(shown(scores.get("A"))).toBe(100);
    // B: gdp late, missing: 0 ÷ 1 = 0. C: (0 + 100) ÷ 2 = 50.
    expect(shown(scores.get("B"))).toBe(0);
    expect(shown(scores.get("C"))).toBe(50);
  });

  it("awaiting-result is left out until result_by; after it the missing result scores missing", () => {
    // yearly: its one report (12-31) is due by result_by 2024-03-31: on 2024-01-31 it is grey
    // awaiting-result, not late. held: monthly, its row for 12-31 (6 ≥ 5) is green.
    const observations = new Map([["held", rows(["2023-12-31", 6])]]);
    const january = evaluate(targets, observations, { asOf: day("2024-01-31") });
    const yearly = january.results.find((result) => result.target.id === "yearly") as Result;
    expect([yearly.status, yearly.reason, yearly.late]).toEqual(["grey", "awaiting-result", false]);
    expect(pointsOf(yearly, DEFAULT_SCORES)).toBeNull();
    // D: held alone counts: 100.
    expect(shown(ownerScores(january.results, DEFAULT_SCORES).get("D"))).toBe(100);
    // On 2024-04-01 the report is overdue: grey late, missing 0; D: (0 + 100) ÷ 2 = 50.
    const april = evaluate(targets, observations, { asOf: day("2024-04-01") });
    const after = april.results.find((result) => result.target.id === "yearly") as Result;
    expect([after.status, after.late, shown(pointsOf(after, DEFAULT_SCORES))]).toEqual([
      "grey",
      true,
      0,
    ]);
    expect(shown(ownerScores(april.results, DEFAULT_SCORES).get("D"))).toBe(50);
  });
});

describe("an owner's score: Σ weight × points ÷ Σ weight over the results that count", () => {
  it("weights, several owners, grey left out", () => {
    const scores = ownerScores(
      results(
        { owner: ["A"], status: "green", weight: 2 },
        { owner: ["A"], status: "red", weight: 1 },
        { owner: ["A", "B"], status: "yellow", weight: 3 },
        { owner: ["B"], status: "grey" },
      ),
      DEFAULT_SCORES,
    );
    // A: (2 × 100 + 1 × 0 + 3 × 60) ÷ (2 + 1 + 3) = 380 ÷ 6 = 63.33…
    expect(shown(scores.get("A"))).toBeCloseTo(380 / 6, 12);
    // B: the shared target counts in full: 3 × 60 ÷ 3 = 60; its grey target is left out.
    expect(shown(scores.get("B"))).toBe(60);
  });

  it("a late grey result counts with `missing` points: 1 green + 1 missing = 50, not 100", () => {
    const scores = ownerScores(
      results({ owner: ["A"], status: "green" }, { owner: ["A"], status: "grey", late: true }),
      DEFAULT_SCORES,
    );
    // (100 + 0) ÷ 2 = 50.
    expect(shown(scores.get("A"))).toBe(50);
  });

  it("none that counts: no score", () => {
    const scores = ownerScores(results({ owner: ["C"], status: "grey" }), DEFAULT_SCORES);
    expect(scores.has("C")).toBe(true);
    expect(scores.get("C")).toBeNull();
  });

  it("is exact: weights 0.1 green + 0.7 red score 12.5, as 1 + 7 do (doubles give 12.500000000000002)", () => {
    const scores = ownerScores(
      results(
        { owner: ["P"], status: "green", weight: 0.1 },
        { owner: ["P"], status: "red", weight: 0.7 },
        { owner: ["Q"], status: "green", weight: 1 },
        { owner: ["Q"], status: "red", weight: 7 },
      ),
      DEFAULT_SCORES,
    );
    // 0.1 × 100 ÷ (0.1 + 0.7) = 10 ÷ 0.8 = 12.5 = 100 ÷ 8.
    expect((0.1 * 100) / (0.1 + 0.7)).not.toBe(12.5);
    const p = scores.get("P") as Fraction;
    const q = scores.get("Q") as Fraction;
    expect(compare(p, q)).toBe(0);
    expect(toNumber(p)).toBe(12.5);
  });
});

describe("places: equal exact scores share a place (1, 2, 2, 4); ties in owners: order", () => {
  const ranked = (entries: Fake[], owners: string[] | null = null) =>
    placeOwners(ownerScores(results(...entries), DEFAULT_SCORES), owners).map((entry) => [
      entry.place,
      entry.owner,
      shown(entry.score),
    ]);

  it("1, 2, 2, 4, and an owner without a score last", () => {
    expect(
      ranked([
        { owner: ["A"], status: "green" },
        { owner: ["B", "C"], status: "green" },
        { owner: ["B"], status: "yellow" },
        { owner: ["C"], status: "yellow" },
        { owner: ["D"], status: "red" },
        { owner: ["D"], status: "grey" },
        { owner: ["E"], status: "grey" },
      ]),
    ).toEqual([
      [1, "A", 100],
      [2, "B", 80], // (100 + 60) ÷ 2
      [2, "C", 80],
      [4, "D", 0], // its grey target (no report due) is left out
      [5, "E", null],
    ]);
  });

  it("compares exact fractions: 1 green + 1 red ties 5 yellow + 1 red (both 50)", () => {
    expect(
      ranked([
        { owner: ["P"], status: "green" },
        { owner: ["P"], status: "red" },
        ...Array.from({ length: 5 }, (): Fake => ({ owner: ["Q"], status: "yellow" })),
        { owner: ["Q"], status: "red" },
        { owner: ["R"], status: "yellow" },
        { owner: ["R"], status: "red" },
      ]),
    ).toEqual([
      [1, "P", 50], // (100 + 0) ÷ 2
      [1, "Q", 50], // (5 × 60 + 0) ÷ 6 = 300 ÷ 6
      [3, "R", 30], // (60 + 0) ÷ 2
    ]);
  });

  it("ties in the order of owners:, then in code-unit order", () => {
    const entries: Fake[] = [
      { owner: ["乙"], status: "green" },
      { owner: ["甲"], status: "green" },
      { owner: ["B"], status: "green" },
      { owner: ["A"], status: "green" },
      { owner: ["Z"], status: "red" },
    ];
    // Code units: B (0x42) < 乙 (0x4E59) < 甲 (0x7532).
    expect(ranked(entries).map(([, owner]) => owner)).toEqual(["A", "B", "乙", "甲", "Z"]);
    // Listed ones first in the listed order; A, not listed, after them; Z still below on its score.
    expect(ranked(entries, ["Z", "甲", "乙", "B"])).toEqual([
      [1, "甲", 100],
      [1, "乙", 100],
      [1, "B", 100],
      [1, "A", 100],
      [5, "Z", 0],
    ]);
  });

  it("owners without a score share the last place, in owners: order", () => {
    expect(
      ranked(
        [
          { owner: ["X"], status: "grey" },
          { owner: ["Y"], status: "grey" },
          { owner: ["W"], status: "yellow" },
        ],
        ["Y", "X", "W"],
      ),
    ).toEqual([
      [1, "W", 60],
      [2, "Y", null],
      [2, "X", null],
    ]);
  });

  it("owner lists follow owners:, then the order the files first name them", () => {
    const ranking = rankOwners(
      fakeEvaluations({
        "2022-06-30": [
          { owner: ["C"], status: "green" },
          { owner: ["B", "A"], status: "red" },
        ],
      }),
      { asOf: day("2022-06-30"), settings: { scores: DEFAULT_SCORES, owners: ["A"] } },
    );
    const results = ranking.standings.flatMap((standing) => standing.results);
    expect(inOwnerOrder(ranking.standings, results, ["A"]).map((s) => s.owner)).toEqual([
      "A",
      "C",
      "B",
    ]);
  });
});

describe("periods: the month at T, the quarter's and the year's month-ends up to T", () => {
  it("the evaluations each period's score is the mean of", () => {
    const dates = (asOf: string, period: Period) => periodDays(day(asOf), period).map(formatDay);
    expect(dates("2022-05-15", "month")).toEqual(["2022-05-15"]);
    expect(dates("2022-05-15", "quarter")).toEqual(["2022-04-30"]);
    expect(dates("2022-06-30", "quarter")).toEqual(["2022-04-30", "2022-05-31", "2022-06-30"]);
    // No month-end of the quarter has passed: T alone.
    expect(dates("2022-04-15", "quarter")).toEqual(["2022-04-15"]);
    expect(dates("2022-03-31", "year")).toEqual(["2022-01-31", "2022-02-28", "2022-03-31"]);
    expect(dates("2022-01-20", "year")).toEqual(["2022-01-20"]);
  });

  const byDay: Record<string, Fake[]> = {
    "2022-03-31": [
      { owner: ["A"], status: "red" },
      { owner: ["B"], status: "green" },
    ],
    "2022-04-30": [
      { owner: ["A"], status: "green" },
      { owner: ["B"], status: "yellow" },
    ],
    "2022-05-31": [
      { owner: ["A"], status: "red" },
      { owner: ["B"], status: "yellow" },
    ],
    "2022-06-15": [
      { owner: ["A"], status: "yellow" },
      { owner: ["B"], status: "red" },
    ],
    "2022-06-30": [
      { owner: ["A"], status: "yellow" },
      { owner: ["B"], status: "grey" },
    ],
  };
  const scoresOf = (asOf: string, period: Period) =>
    rankOwners(fakeEvaluations(byDay), {
      asOf: day(asOf),
      period,
      settings: SETTINGS,
    }).standings.map((standing) => [standing.owner, standing.score]);

  it("month: the scores at T", () => {
    expect(scoresOf("2022-06-15", "month")).toEqual([
      ["A", 60],
      ["B", 0],
    ]);
  });

  it("quarter: the mean over the quarter's month-ends, one without a score left out", () => {
    // A: (100 + 0 + 60) ÷ 3 = 53.33…; B: 06-30 has no score: (60 + 60) ÷ 2 = 60.
    const quarter = scoresOf("2022-06-30", "quarter");
    expect(quarter[0]).toEqual(["B", 60]);
    expect(quarter[1]?.[0]).toBe("A");
    expect(quarter[1]?.[1]).toBeCloseTo(160 / 3, 12);
    // At 06-15 only 04-30 and 05-31 have passed: A (100 + 0) ÷ 2 = 50, B (60 + 60) ÷ 2 = 60;
    // the evaluation at 06-15 itself is not in the mean.
    expect(scoresOf("2022-06-15", "quarter")).toEqual([
      ["B", 60],
      ["A", 50],
    ]);
  });

  it("year: the mean over the year's month-ends; with none left, no score", () => {
    // A: 01-31 and 02-28 have no results (no score), 03-31 0, 04-30 100, 05-31 0, 06-30 60:
    // (0 + 100 + 0 + 60) ÷ 4 = 40. B: 100, 60, 60 (06-30 grey): 220 ÷ 3 = 73.33…
    const year = scoresOf("2022-06-30", "year");
    expect(year.map(([owner]) => owner)).toEqual(["B", "A"]);
    expect(year[0]?.[1]).toBeCloseTo(220 / 3, 12);
    expect(year[1]?.[1]).toBe(40);
    const none = rankOwners(fakeEvaluations({ "2022-06-30": [{ owner: ["C"], status: "grey" }] }), {
      asOf: day("2022-06-30"),
      period: "year",
      settings: SETTINGS,
    });
    expect(none.standings.map((s) => [s.owner, s.score, s.place])).toEqual([["C", null, 1]]);
  });

  it("asks for each evaluation it reads, and no other: the year's month-ends and last year's", () => {
    const evaluations = fakeEvaluations(byDay);
    const year = rankOwners(evaluations, {
      asOf: day("2022-06-30"),
      period: "year",
      settings: SETTINGS,
    });
    expect(year.days.map(formatDay)).toEqual([
      "2022-01-31",
      "2022-02-28",
      "2022-03-31",
      "2022-04-30",
      "2022-05-31",
      "2022-06-30",
    ]);
    // 6 month-ends of 2022 and the 12 of 2021 (the previous year's ranking as of 2021-12-31).
    expect(evaluations.asked.size).toBe(18);
    for (const date of evaluations.asked.keys())
      expect(formatDay(day(date) + 1).endsWith("-01"), date).toBe(true);
    expect([...evaluations.asked.keys()].sort()[0]).toBe("2021-01-31");
  });
});

describe("movement: the place in the previous period of the same kind", () => {
  it("the previous month-end, quarter's last day, year's 12-31", () => {
    const previous = (asOf: string, period: Period) =>
      formatDay(previousPeriodEnd(day(asOf), period));
    expect(previous("2022-06-30", "month")).toBe("2022-05-31");
    expect(previous("2022-07-05", "month")).toBe("2022-06-30");
    expect(previous("2022-06-30", "quarter")).toBe("2022-03-31");
    expect(previous("2022-04-01", "quarter")).toBe("2022-03-31");
    expect(previous("2022-02-15", "quarter")).toBe("2021-12-31");
    expect(previous("2022-06-30", "year")).toBe("2021-12-31");
  });

  it("up N, down N, same, new", () => {
    expect(movementOf(1, true, 3)).toEqual({ kind: "up", by: 2 });
    expect(movementOf(4, true, 3)).toEqual({ kind: "down", by: 1 });
    expect(movementOf(2, true, 2)).toEqual({ kind: "same" });
    expect(movementOf(2, true, null)).toEqual({ kind: "new" });
    // No score then and none now: nothing moved.
    expect(movementOf(5, false, null)).toEqual({ kind: "same" });
  });

  it("the quarter's movement is against the previous quarter's ranking as of its last day", () => {
    const evaluations = fakeEvaluations({
      // Q1: A (0 + 0 + 100) ÷ 3 = 33.33, B (60 + 60 + 60) ÷ 3 = 60, C none: B 1st, A 2nd.
      "2022-01-31": [
        { owner: ["A"], status: "red" },
        { owner: ["B"], status: "yellow" },
        { owner: ["C"], status: "grey" },
      ],
      "2022-02-28": [
        { owner: ["A"], status: "red" },
        { owner: ["B"], status: "yellow" },
        { owner: ["C"], status: "grey" },
      ],
      "2022-03-31": [
        { owner: ["A"], status: "green" },
        { owner: ["B"], status: "yellow" },
        { owner: ["C"], status: "grey" },
      ],
      // Q2 to 04-30: A 100, B 60, C 0 (a missing report).
      "2022-04-30": [
        { owner: ["A"], status: "green" },
        { owner: ["B"], status: "yellow" },
        { owner: ["C"], status: "grey", late: true },
      ],
    });
    const ranking = rankOwners(evaluations, {
      asOf: day("2022-04-30"),
      period: "quarter",
      settings: SETTINGS,
    });
    expect(formatDay(ranking.previousAsOf)).toBe("2022-03-31");
    expect(
      ranking.standings.map((s) => [s.place, s.owner, s.score, s.previousPlace, s.movement]),
    ).toEqual([
      [1, "A", 100, 2, { kind: "up", by: 1 }],
      [2, "B", 60, 1, { kind: "down", by: 1 }],
      [3, "C", 0, null, { kind: "new" }],
    ]);
  });
});

describe("exact fractions: a number as the decimal it is written as", () => {
  const parts = (value: number) => {
    const { numerator, denominator } = fractionOf(value);
    return [numerator, denominator];
  };

  it("decimals, exponents and signs", () => {
    expect(parts(60)).toEqual([60n, 1n]);
    expect(parts(0.1)).toEqual([1n, 10n]);
    expect(parts(12.5)).toEqual([25n, 2n]);
    expect(parts(-2.25)).toEqual([-9n, 4n]);
    expect(parts(1e-7)).toEqual([1n, 10000000n]);
    expect(parts(1.5e21)).toEqual([1500000000000000000000n, 1n]);
  });

  it("compares by cross-multiplying: 1/3 is above 0.3333333333333333, which doubles cannot tell", () => {
    const third = { numerator: 1n, denominator: 3n };
    expect(compare(third, fractionOf(0.3333333333333333))).toBe(1);
    expect(toNumber(third)).toBe(1 / 3);
    // A quotient too large for a double's integers still comes back as the nearest double.
    expect(toNumber({ numerator: 10n ** 30n + 1n, denominator: 10n ** 28n })).toBeCloseTo(100, 12);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const STATUSES_ARB = fc.constantFrom<Status>("green", "yellow", "red", "grey");

const arbitraryFake = (owners: readonly string[]) =>
  fc.record({
    owner: fc.subarray([...owners], { minLength: 1 }),
    status: STATUSES_ARB,
    late: fc.boolean(),
    reason: fc.constantFrom<Reason | undefined>(undefined, "achieved-late"),
    weight: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0.1, 0.25, 0.7, 1.5)),
  });

/** Points as the project file may set them: missing at most red, a penalty ≥ 0. */
const arbitraryScores: fc.Arbitrary<Scores> = fc
  .record({
    green: fc.integer({ min: 0, max: 100 }),
    yellow: fc.integer({ min: 0, max: 100 }),
    red: fc.integer({ min: -20, max: 100 }),
    below: fc.integer({ min: 0, max: 50 }),
    latePenalty: fc.constantFrom(0, 5, 12.5, 200),
  })
  .map(({ below, ...scores }) => ({ ...scores, missing: scores.red - below }));

describe("properties", () => {
  it("an owner never scores higher by leaving a due report out than by sending it red", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryFake(["A", "B"]), { maxLength: 8 }),
        fc.integer({ min: 1, max: 5 }),
        arbitraryScores,
        (others, weight, scores) => {
          const missing = { owner: ["A"], status: "grey" as const, late: true, weight };
          const red = { owner: ["A"], status: "red" as const, late: false, weight };
          const left = ownerScores(results(...others, missing), scores).get("A") ?? null;
          const sent = ownerScores(results(...others, red), scores).get("A") ?? null;
          // Both count the report, so both have a score.
          expect(left).not.toBeNull();
          expect(compare(left as Fraction, sent as Fraction)).toBeLessThanOrEqual(0);
        },
      ),
    );
  });

  it("the same through the evaluator: a level target's missing report against a red one", () => {
    const targets = targetsFrom(`year: 2022
targets:
  - { id: rank, title: Rank, kind: level, owner: A, max: 2 }
  - { id: other, title: Other, owner: A, target: 100 }
`);
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 0, max: 100 }),
        arbitraryScores,
        (month, other, scores) => {
          // On the 25th the previous month's report is overdue (due by the 10th): it is r*.
          const asOf = day(`2022-${String(month).padStart(2, "0")}-25`);
          const owed = formatDay(endOfMonth(2022, month - 1));
          const otherRows = rows(["2022-01-31", other]);
          const withoutReport = evaluate(targets, new Map([["other", otherRows]]), { asOf });
          const withRed = evaluate(
            targets,
            new Map([
              ["other", otherRows],
              // 50 is far above the maximum of 2: red.
              ["rank", rows([owed, 50])],
            ]),
            { asOf },
          );
          expect(withoutReport.results[0]).toMatchObject({ status: "grey", late: true });
          expect(withRed.results[0]).toMatchObject({ status: "red", late: false });
          const left = ownerScores(withoutReport.results, scores).get("A") as Fraction;
          const sent = ownerScores(withRed.results, scores).get("A") as Fraction;
          expect(compare(left, sent)).toBeLessThanOrEqual(0);
        },
      ),
    );
  });

  it("places follow the exact scores: 1 + the number of owners scored strictly higher", () => {
    const score = fc.option(
      fc.record({ n: fc.integer({ min: -5, max: 5 }), d: fc.integer({ min: 1, max: 4 }) }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 3 }), score, { maxKeys: 10 }), (drawn) => {
        const scores = new Map<string, Fraction | null>(
          Object.entries(drawn).map(([owner, value]) => [
            owner,
            value === null ? null : { numerator: BigInt(value.n), denominator: BigInt(value.d) },
          ]),
        );
        const placed = placeOwners(scores, null);
        const scoredCount = placed.filter((entry) => entry.score !== null).length;
        for (const entry of placed) {
          if (entry.score === null) {
            expect(entry.place).toBe(scoredCount + 1);
            continue;
          }
          const value = entry.score;
          const higher = placed.filter(
            (other) => other.score !== null && compare(other.score, value) > 0,
          ).length;
          expect(entry.place).toBe(higher + 1);
        }
        // Listed by place: never a higher place after a lower one.
        placed.forEach((entry, index) => {
          expect(entry.place).toBeGreaterThanOrEqual(placed[index - 1]?.place ?? 1);
        });
      }),
    );
  });

  it("tied owners follow the owners: order", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 1000 }),
        (owners, seed) => {
          // One tie of everyone; the office's order a rotation of the names.
          const order = owners.map((_, index) => owners[(index + seed) % owners.length] as string);
          const scores = new Map<string, Fraction | null>(
            owners.map((owner) => [owner, fractionOf(60)]),
          );
          const placed = placeOwners(scores, order);
          expect(placed.map((entry) => entry.owner)).toEqual(order);
          expect(new Set(placed.map((entry) => entry.place))).toEqual(new Set([1]));
        },
      ),
    );
  });

  it("the quarter's score is the hand mean of its month-end scores", () => {
    const month = fc.array(arbitraryFake(["A", "B", "C"]), { maxLength: 5 });
    fc.assert(
      fc.property(fc.tuple(month, month, month), arbitraryScores, (months, scores) => {
        const dates = ["2022-07-31", "2022-08-31", "2022-09-30"];
        const byDay = Object.fromEntries(dates.map((date, index) => [date, months[index] ?? []]));
        const ranking = rankOwners(fakeEvaluations(byDay), {
          asOf: day("2022-09-30"),
          period: "quarter",
          settings: { scores, owners: null },
        });
        for (const standing of ranking.standings) {
          // By hand, in doubles: each month-end's Σ w × p ÷ Σ w, then the mean of those there are.
          const monthly = (months as Fake[][]).flatMap((entries) => {
            let weighted = 0;
            let weights = 0;
            for (const entry of entries) {
              if (!entry.owner.includes(standing.owner)) continue;
              const p = shown(pointsOf(fake(entry), scores));
              if (p === null) continue;
              weighted += (entry.weight ?? 1) * p;
              weights += entry.weight ?? 1;
            }
            return weights === 0 ? [] : [weighted / weights];
          });
          const mean =
            monthly.length === 0 ? null : monthly.reduce((a, b) => a + b, 0) / monthly.length;
          if (mean === null) expect(standing.score).toBeNull();
          else expect(standing.score).toBeCloseTo(mean, 9);
        }
      }),
    );
  });
});
