/**
 * The trace `evaluate` returns with each result (SPEC 2.1–2.3): every rule checked in the SPEC's
 * order up to the one that decided, with the numbers it compared and whether it held. Hand-computed
 * cases, one describe per rule of each kind.
 */
import { describe, expect, it } from "vitest";
import { evaluateTarget, findCheck, violatedBound } from "../../src/core/evaluate.js";
import type { Check, LevelTarget, Target } from "../../src/core/model.js";
import { progressDirection } from "../../src/core/schedule.js";
import type { Series } from "../../src/core/series.js";
import { day, rows, targetFrom } from "../helpers.js";

/** 0 → 130 over 2022, the default schedule: E(03-31) = 39, E(06-30) = 78; tolerance 10% = 13. */
const projects = targetFrom(
  "year: 2022\ntargets: [{ id: invest, title: 固投亿元以上项目, target: 130 }]",
);
/** 98 → 0 from 2022-01-01 to 03-31 (90 days, no preset milestone inside): E(02-14) = 49. */
const holdouts = targetFrom(
  "targets: [{ id: holdouts, title: 拔钉清零, baseline: 98, target: 0, start: 2022-01-01, deadline: 2022-03-31 }]",
);
/** 35 ≤ A ≤ 45, 2 outside is yellow. */
const share = targetFrom(
  "targets: [{ id: s, kind: level, title: S, min: 35, max: 45, tolerance: 2 }]",
) as LevelTarget;
/** At least 3.7, 10% of 3.7 (0.37) below is yellow. */
const floor = targetFrom(
  'targets: [{ id: f, kind: level, title: F, min: 3.7, tolerance: "10%" }]',
) as LevelTarget;
/** Rank at most 2, tolerance 0 by default. */
const rank = targetFrom(
  "targets: [{ id: r, kind: level, title: 保二争一, max: 2, stretch: 1 }]",
) as LevelTarget;
/** Due 2022-03-31, yellow from 10 days before. */
const hall = targetFrom(
  "targets: [{ id: m, kind: milestone, title: 篮球馆验收, deadline: 2022-03-31, warn_days: 10 }]",
);

/** The trace of one target with one row on the as-of date (or none, or the rows given). */
function traceOf(
  target: Target,
  actual: number | boolean | null,
  asOf: string,
  series?: Series,
): readonly Check[] {
  const observations = series ?? (actual === null ? rows() : rows([asOf, actual]));
  const result = evaluateTarget(target, observations, day(asOf));
  // The deciding check is the last one, the only one that held, and it is the result's reason.
  expect(result.trace.filter((check) => check.held)).toEqual([result.trace.at(-1)]);
  // `achieved` and `done` reached after the deadline are their `-late` reasons.
  expect(result.reason.replace(/-late$/, "")).toBe(result.trace.at(-1)?.rule);
  return result.trace;
}

/** The rules of a trace with whether each held. */
const rulesOf = (trace: readonly Check[]) => trace.map((check) => [check.rule, check.held]);

describe("progress 1. no actual → grey, no-data", () => {
  it("holds with no row at or before T, and is the whole trace", () => {
    expect(traceOf(projects, null, "2022-03-31")).toEqual([
      { rule: "no-data", held: true, actual: null, observedOn: null, summedRows: null },
    ]);
  });

  it("does not hold with a row: the actual and its date", () => {
    const trace = traceOf(projects, 0, "2022-03-31", rows(["2022-02-28", 20], ["2022-04-30", 50]));
    expect(trace[0]).toEqual({
      rule: "no-data",
      held: false,
      actual: 20,
      observedOn: day("2022-02-28"),
      summedRows: null,
    });
  });

  it("with aggregate: sum, the sum of the rows after t0 and how many: 5 + 7.5 + 6 = 18.5 from 3 rows", () => {
    const sum = targetFrom(
      "year: 2022\ntargets: [{ id: s, title: S, target: 60, aggregate: sum }]",
    );
    const trace = traceOf(
      sum,
      0,
      "2022-03-31",
      rows(
        ["2021-12-31", 100], // t0 itself: not after t0
        ["2022-01-31", 5],
        ["2022-02-28", 7.5],
        ["2022-03-31", 6],
        ["2022-04-30", 50], // after T
      ),
    );
    expect(trace[0]).toEqual({
      rule: "no-data",
      held: false,
      actual: 18.5,
      observedOn: day("2022-03-31"),
      summedRows: 3,
    });
    // Only a row at t0: nothing after t0 to add up, no actual.
    expect(rulesOf(traceOf(sum, 0, "2022-03-31", rows(["2021-12-31", 100])))).toEqual([
      ["no-data", true],
    ]);
  });
});

describe("progress 2. d·(A − target) ≥ 0 → green, achieved", () => {
  it("holds at the target: shortfall d·(target − A) = 130 − 130 = 0 ≤ ε = 1e-9 × 130", () => {
    const trace = traceOf(projects, 130, "2022-01-31");
    expect(rulesOf(trace)).toEqual([
      ["no-data", false],
      ["achieved", true],
    ]);
    expect(trace[1]).toEqual({
      rule: "achieved",
      held: true,
      actual: 130,
      target: 130,
      about: 0,
      shortfall: 0,
      epsilon: 1e-9 * 130,
      late: false,
    });
  });

  it("does not hold short of it: 130 − 36 = 94", () => {
    expect(findCheck(traceOf(projects, 36, "2022-03-31"), "achieved")).toMatchObject({
      held: false,
      shortfall: 94,
    });
  });

  it("mirrors for a decreasing target: d = −1, 1 household left is −1 × (0 − 1) = 1 short; −1 is past it", () => {
    expect(findCheck(traceOf(holdouts, 1, "2022-04-30"), "achieved")).toMatchObject({
      held: false,
      actual: 1,
      target: 0,
      shortfall: 1,
      epsilon: 1e-9 * 98,
    });
    expect(findCheck(traceOf(holdouts, -1, "2022-02-01"), "achieved")).toMatchObject({
      held: true,
      shortfall: -1,
    });
  });

  it("treats a shortfall under ε as none: 1.3 − 1e-12 reaches 1.3 (ε = 1e-9 × 1.3)", () => {
    const small = targetFrom(
      "targets: [{ id: x, title: X, target: 1.3, start: 2022-01-01, deadline: 2022-12-31 }]",
    );
    const check = findCheck(traceOf(small, 1.3 - 1e-12, "2022-04-30"), "achieved");
    expect(check?.held).toBe(true);
    expect(check?.shortfall).toBeCloseTo(1e-12, 15);
    expect(check?.epsilon).toBe(1e-9 * 1.3);
  });
});

describe("progress 3. T ≥ deadline → red, missed", () => {
  it("holds on the deadline itself, after rules 1 and 2 did not", () => {
    const trace = traceOf(projects, 129.9, "2022-12-31");
    expect(rulesOf(trace)).toEqual([
      ["no-data", false],
      ["achieved", false],
      ["missed", true],
    ]);
    expect(trace[2]).toEqual({
      rule: "missed",
      held: true,
      judgedAt: day("2022-12-31"),
      deadline: day("2022-12-31"),
    });
  });

  it("does not hold before it", () => {
    expect(findCheck(traceOf(projects, 36, "2022-03-31"), "missed")).toEqual({
      rule: "missed",
      held: false,
      judgedAt: day("2022-03-31"),
      deadline: day("2022-12-31"),
    });
  });
});

describe("progress 4. L = d·(E(T) − A) ≤ 0 → green, on-track", () => {
  it("holds on schedule: E(03-31) = 39, L = 39 − 39 = 0", () => {
    const trace = traceOf(projects, 39, "2022-03-31");
    expect(rulesOf(trace)).toEqual([
      ["no-data", false],
      ["achieved", false],
      ["missed", false],
      ["on-track", true],
    ]);
    expect(trace[3]).toEqual({
      rule: "on-track",
      held: true,
      actual: 39,
      expected: 39,
      lag: 0,
      epsilon: 1e-9 * 130,
    });
  });

  it("holds ahead: L = 39 − 40 = −1; mirrored, E(02-14) = 49 and L = −1 × (49 − 30) = −19", () => {
    expect(findCheck(traceOf(projects, 40, "2022-03-31"), "on-track")).toMatchObject({
      held: true,
      lag: -1,
    });
    expect(findCheck(traceOf(holdouts, 30, "2022-02-14"), "on-track")).toMatchObject({
      held: true,
      expected: 49,
      lag: -19,
    });
  });

  it("holds a hair behind, under ε: 39 − 38.999999999999 = 1e-12 ≤ 1.3e-7", () => {
    const check = findCheck(traceOf(projects, 38.999999999999, "2022-03-31"), "on-track");
    expect(check?.held).toBe(true);
    expect(check?.lag).toBeCloseTo(1e-12, 14);
  });

  it("does not hold behind: L = 39 − 36 = 3", () => {
    expect(findCheck(traceOf(projects, 36, "2022-03-31"), "on-track")).toMatchObject({
      held: false,
      lag: 3,
    });
  });

  it("treats a lag under ε as none: E(03-31) = 0.3 × 1.3 against 0.39 (ε = 1.3e-9)", () => {
    const small = targetFrom(
      "targets: [{ id: x, title: X, target: 1.3, start: 2022-01-01, deadline: 2022-12-31, tolerance: 0.1 }]",
    );
    const check = findCheck(traceOf(small, 0.39, "2022-03-31"), "on-track");
    expect(check?.held).toBe(true);
    expect(Math.abs(check?.lag ?? 1)).toBeLessThan(1.3e-9);
  });
});

describe("progress 5. L ≤ tolerance → yellow, behind", () => {
  it("holds 3 behind with the default 10% of the span 130 = 13", () => {
    const trace = traceOf(projects, 36, "2022-03-31");
    expect(rulesOf(trace).map(([rule]) => rule)).toEqual([
      "no-data",
      "achieved",
      "missed",
      "on-track",
      "behind",
    ]);
    expect(trace[4]).toEqual({
      rule: "behind",
      held: true,
      lag: 3,
      tolerance: 13,
      tolerancePercent: 10,
      span: 130,
      epsilon: 1e-9 * 130,
    });
  });

  it("holds at the edge: 39 − 26 = 13 ≤ 13", () => {
    expect(findCheck(traceOf(projects, 26, "2022-03-31"), "behind")).toMatchObject({
      held: true,
      lag: 13,
    });
  });

  it("holds a hair past the edge, under ε: 39 − 25.999999999999 = 13 + 1e-12 ≤ 13 + 1.3e-7", () => {
    const check = findCheck(traceOf(projects, 25.999999999999, "2022-03-31"), "behind");
    expect(check?.held).toBe(true);
    expect(check?.lag).toBeGreaterThan(13);
  });

  it("a tolerance in the unit has no percent: 39 − 37 = 2 ≤ 2", () => {
    const amount = targetFrom(
      "year: 2022\ntargets: [{ id: a, title: A, target: 130, tolerance: 2 }]",
    );
    expect(findCheck(traceOf(amount, 37, "2022-03-31"), "behind")).toEqual({
      rule: "behind",
      held: true,
      lag: 2,
      tolerance: 2,
      tolerancePercent: null,
      span: 130,
      epsilon: 1e-9 * 130,
    });
  });

  it("a percentage is of the span: 5% of 300 − 100 = 10; E(03-31) = 100 + 0.3 × 200 = 160, L = 10", () => {
    const fivePercent = targetFrom(
      'year: 2022\ntargets: [{ id: a, title: A, baseline: 100, target: 300, tolerance: "5%" }]',
    );
    expect(findCheck(traceOf(fivePercent, 150, "2022-03-31"), "behind")).toMatchObject({
      held: true,
      lag: 10,
      tolerance: 10,
      tolerancePercent: 5,
      span: 200,
    });
  });

  it("mirrors: 58.8 households against E = 49 is −1 × (49 − 58.8) = 9.8 behind, 10% of 98 = 9.8", () => {
    const check = findCheck(traceOf(holdouts, 58.8, "2022-02-14"), "behind");
    expect(check?.held).toBe(true);
    expect(check?.lag).toBeCloseTo(9.8, 12);
    expect(check?.tolerance).toBeCloseTo(9.8, 12);
    expect(check?.span).toBe(98);
  });
});

describe("progress 6. otherwise → red, off-track", () => {
  it("holds when L = 39 − 25.99 = 13.01 > 13: behind did not", () => {
    const trace = traceOf(projects, 25.99, "2022-03-31");
    expect(rulesOf(trace)).toEqual([
      ["no-data", false],
      ["achieved", false],
      ["missed", false],
      ["on-track", false],
      ["behind", false],
      ["off-track", true],
    ]);
    const check = trace[5];
    expect(check).toMatchObject({
      rule: "off-track",
      tolerance: 13,
      tolerancePercent: 10,
      span: 130,
    });
    expect(check?.rule === "off-track" && check.lag).toBeCloseTo(13.01, 12);
  });
});

describe("level 1. no actual → grey, no-data", () => {
  it("holds with no row", () => {
    expect(traceOf(share, null, "2022-06-30")).toEqual([
      { rule: "no-data", held: true, actual: null, observedOn: null, summedRows: null },
    ]);
  });
  it("does not hold with one: the latest row's value", () => {
    expect(traceOf(share, 40, "2022-06-30")[0]).toEqual({
      rule: "no-data",
      held: false,
      actual: 40,
      observedOn: day("2022-06-30"),
      summedRows: null,
    });
  });
});

describe("level 2. min ≤ A ≤ max → green, within", () => {
  it("holds inside and on the bounds: 35 ≤ 35 ≤ 45, 35 ≤ 45 ≤ 45", () => {
    for (const actual of [35, 40, 45]) {
      const trace = traceOf(share, actual, "2022-06-30");
      expect(rulesOf(trace)).toEqual([
        ["no-data", false],
        ["late", false],
        ["within", true],
      ]);
      expect(trace[2]).toEqual({ rule: "within", held: true, actual, min: 35, max: 45, about: 0 });
    }
  });

  it("holds within ε of a bound: 35 − 1e-9 is 35 (ε = 1e-9 × 35)", () => {
    expect(findCheck(traceOf(share, 35 - 1e-9, "2022-06-30"), "within")?.held).toBe(true);
  });

  it("does not hold outside: 33 < 35; a missing bound is null", () => {
    expect(findCheck(traceOf(share, 33, "2022-06-30"), "within")?.held).toBe(false);
    expect(findCheck(traceOf(rank, 3, "2022-06-30"), "within")).toEqual({
      rule: "within",
      held: false,
      actual: 3,
      min: null,
      max: 2,
      about: 0,
    });
  });
});

describe("level 3. outside by no more than the tolerance → yellow, near", () => {
  it("holds 35 − 33 = 2 below min, tolerance 2", () => {
    const trace = traceOf(share, 33, "2022-06-30");
    expect(rulesOf(trace)).toEqual([
      ["no-data", false],
      ["late", false],
      ["within", false],
      ["near", true],
    ]);
    expect(trace[3]).toEqual({
      rule: "near",
      held: true,
      actual: 33,
      violated: {
        side: "min",
        bound: 35,
        distance: 2,
        tolerance: 2,
        tolerancePercent: null,
        epsilon: 1e-9 * 35,
      },
    });
  });

  it("holds 47 − 45 = 2 above max", () => {
    expect(findCheck(traceOf(share, 47, "2022-06-30"), "near")?.violated).toMatchObject({
      side: "max",
      bound: 45,
      distance: 2,
    });
  });

  it("a percentage is of the violated bound: 10% of 3.7 = 0.37, and 3.7 − 3.33 = 0.37", () => {
    const check = findCheck(traceOf(floor, 3.33, "2022-06-30"), "near");
    expect(check?.held).toBe(true);
    expect(check?.violated.distance).toBeCloseTo(0.37, 12);
    expect(check?.violated.tolerance).toBeCloseTo(0.37, 12);
    expect(check?.violated.tolerancePercent).toBe(10);
  });
});

describe("level 4. otherwise → red, outside", () => {
  it("holds 35 − 32.9 = 2.1 below min, more than 2: near did not", () => {
    const trace = traceOf(share, 32.9, "2022-06-30");
    expect(rulesOf(trace)).toEqual([
      ["no-data", false],
      ["late", false],
      ["within", false],
      ["near", false],
      ["outside", true],
    ]);
    const check = findCheck(trace, "outside");
    expect(check?.violated).toMatchObject({ side: "min", bound: 35, tolerance: 2 });
    expect(check?.violated.distance).toBeCloseTo(2.1, 12);
  });

  it("holds one place past rank 2 with the default tolerance 0: 3 − 2 = 1 > 0", () => {
    expect(findCheck(traceOf(rank, 3, "2022-06-30"), "outside")?.violated).toEqual({
      side: "max",
      bound: 2,
      distance: 1,
      tolerance: 0,
      tolerancePercent: null,
      epsilon: 1e-9 * 2,
    });
  });
});

describe("milestone 1. no actual → grey, no-data", () => {
  it("holds with no row; done / not done is the actual otherwise", () => {
    expect(rulesOf(traceOf(hall, null, "2022-03-20"))).toEqual([["no-data", true]]);
    expect(traceOf(hall, false, "2022-03-20")[0]).toEqual({
      rule: "no-data",
      held: false,
      actual: false,
      observedOn: day("2022-03-20"),
      summedRows: null,
    });
  });
});

describe("milestone 2. done → green, done", () => {
  it("holds when the latest row says done, even after the deadline (v2: then late)", () => {
    expect(traceOf(hall, true, "2022-03-01").slice(1)).toEqual([
      { rule: "done", held: true, late: false },
    ]);
    // The only done row is dated 05-01, after the 03-31 deadline.
    expect(traceOf(hall, true, "2022-05-01").slice(1)).toEqual([
      { rule: "done", held: true, late: true },
    ]);
  });
  it("does not hold when it says not done", () => {
    expect(findCheck(traceOf(hall, false, "2022-03-01"), "done")).toEqual({
      rule: "done",
      held: false,
      late: false,
    });
  });
});

describe("milestone 3. not done and T ≥ deadline → red, overdue", () => {
  it("holds on the deadline", () => {
    const trace = traceOf(hall, false, "2022-03-31");
    expect(rulesOf(trace)).toEqual([
      ["no-data", false],
      ["done", false],
      ["overdue", true],
    ]);
    expect(trace[2]).toEqual({
      rule: "overdue",
      held: true,
      judgedAt: day("2022-03-31"),
      deadline: day("2022-03-31"),
    });
  });
  it("does not hold the day before", () => {
    expect(findCheck(traceOf(hall, false, "2022-03-30"), "overdue")?.held).toBe(false);
  });
});

describe("milestone 4. deadline at most warn_days after T → yellow, due-soon", () => {
  it("holds 10 days before with warn_days 10: 03-31 − 03-21 = 10 ≤ 10", () => {
    const trace = traceOf(hall, false, "2022-03-21");
    expect(rulesOf(trace)).toEqual([
      ["no-data", false],
      ["done", false],
      ["overdue", false],
      ["due-soon", true],
    ]);
    expect(trace[3]).toEqual({ rule: "due-soon", held: true, daysLeft: 10, warnDays: 10 });
  });
  it("holds 1 day before: 1 ≤ 10", () => {
    expect(findCheck(traceOf(hall, false, "2022-03-30"), "due-soon")).toMatchObject({
      held: true,
      daysLeft: 1,
    });
  });
});

describe("milestone 5. otherwise → green, pending", () => {
  it("holds 11 days before: 03-31 − 03-20 = 11 > 10, due-soon did not", () => {
    const trace = traceOf(hall, false, "2022-03-20");
    expect(rulesOf(trace)).toEqual([
      ["no-data", false],
      ["done", false],
      ["overdue", false],
      ["due-soon", false],
      ["pending", true],
    ]);
    expect(trace[4]).toEqual({ rule: "pending", held: true, daysLeft: 11, warnDays: 10 });
  });
});

describe("the direction and the violated bound, given once", () => {
  it("a progress target's direction is the sign of target − baseline", () => {
    expect(progressDirection({ baseline: 0, target: 130 })).toBe(1);
    expect(progressDirection({ baseline: 98, target: 0 })).toBe(-1);
  });

  it("a level target's violated bound, beyond its ε, with the tolerance there", () => {
    expect(violatedBound(share, 40)).toBeNull();
    expect(violatedBound(share, 45 + 1e-9)).toBeNull();
    expect(violatedBound(share, 48)).toEqual({
      side: "max",
      bound: 45,
      distance: 3,
      tolerance: 2,
      tolerancePercent: null,
      epsilon: 1e-9 * 45,
    });
    // 10% of |−20| = 2 below a negative floor.
    const negative = targetFrom(
      'targets: [{ id: n, kind: level, title: N, min: -20, tolerance: "10%" }]',
    ) as LevelTarget;
    expect(violatedBound(negative, -21)).toMatchObject({ side: "min", distance: 1, tolerance: 2 });
  });
});
