import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultAsOf, evaluate, evaluateTarget } from "../../src/core/evaluate.js";
import type { Status } from "../../src/core/model.js";
import { Series } from "../../src/core/series.js";
import { day, rows, targetFrom } from "../helpers.js";

const projects = targetFrom(
  "year: 2022\ntargets: [{ id: invest, title: 固投亿元以上项目, target: 130 }]",
);
const holdouts = targetFrom(
  "targets: [{ id: holdouts, title: 拔钉清零, baseline: 98, target: 0, start: 2022-01-01, deadline: 2022-03-31 }]",
);

function statusOf(target = projects, actual: number | boolean | null, asOf: string) {
  const observations = actual === null ? rows() : rows([asOf, actual]);
  const result = evaluateTarget(target, observations, day(asOf));
  return [result.status, result.reason];
}

describe("SPEC 2.1 status rules of a progress target, in order", () => {
  it("1. no actual → grey, no-data", () => {
    expect(statusOf(projects, null, "2022-03-31")).toEqual(["grey", "no-data"]);
  });

  it("2. d·(A − target) ≥ 0 → green, achieved (even before any milestone, even after the deadline)", () => {
    expect(statusOf(projects, 130, "2022-01-31")).toEqual(["green", "achieved"]);
    // v2: the only row reaching 130 is dated after the 2022-12-31 deadline: reached late.
    expect(statusOf(projects, 131, "2023-02-01")).toEqual(["green", "achieved-late"]);
    expect(statusOf(holdouts, 0, "2022-03-31")).toEqual(["green", "achieved"]);
    expect(statusOf(holdouts, -1, "2022-02-01")).toEqual(["green", "achieved"]);
  });

  it("3. T ≥ deadline and not achieved → red, missed", () => {
    expect(statusOf(projects, 129.9, "2022-12-31")).toEqual(["red", "missed"]);
    expect(statusOf(holdouts, 1, "2022-03-31")).toEqual(["red", "missed"]);
    expect(statusOf(holdouts, 1, "2022-04-30")).toEqual(["red", "missed"]);
  });

  it("4. lag L = d·(E(T) − A) ≤ 0 → green, on-track", () => {
    expect(statusOf(projects, 39, "2022-03-31")).toEqual(["green", "on-track"]);
    expect(statusOf(projects, 40, "2022-03-31")).toEqual(["green", "on-track"]);
    // 98 → 0 over 90 days: E(2022-02-14) = 49.
    expect(statusOf(holdouts, 49, "2022-02-14")).toEqual(["green", "on-track"]);
    expect(statusOf(holdouts, 30, "2022-02-14")).toEqual(["green", "on-track"]);
  });

  it("5. L ≤ tolerance (default 10% of the span) → yellow, behind", () => {
    // Span 130: tolerance 13. E(03-31) = 39, so 26 is exactly at the edge.
    expect(statusOf(projects, 36, "2022-03-31")).toEqual(["yellow", "behind"]);
    expect(statusOf(projects, 26, "2022-03-31")).toEqual(["yellow", "behind"]);
    // Span 98: tolerance 9.8 above E = 49.
    expect(statusOf(holdouts, 58.8, "2022-02-14")).toEqual(["yellow", "behind"]);
  });

  it("6. otherwise → red, off-track", () => {
    expect(statusOf(projects, 25.99, "2022-03-31")).toEqual(["red", "off-track"]);
    expect(statusOf(holdouts, 58.81, "2022-02-14")).toEqual(["red", "off-track"]);
  });

  it("treats values within 1e-9 × max(1, span) as equal: 30% of 130 is 39", () => {
    const target = targetFrom(`
targets:
  - { id: x, title: X, target: 1.3, start: 2022-01-01, deadline: 2022-12-31, tolerance: 0.1 }
`);
    // E(03-31) = 0.3 × 1.3, which floating point makes 0.39000000000000007.
    expect(statusOf(target, 0.39, "2022-03-31")).toEqual(["green", "on-track"]);
    expect(statusOf(target, 0.29, "2022-03-31")).toEqual(["yellow", "behind"]);
    expect(statusOf(target, 1.3 - 1e-12, "2022-04-30")).toEqual(["green", "achieved"]);
  });

  it("tolerance as an amount in the unit, and as a share of the span", () => {
    const amount = targetFrom(
      "year: 2022\ntargets: [{ id: a, title: A, target: 130, tolerance: 2 }]",
    );
    expect(statusOf(amount, 37, "2022-03-31")).toEqual(["yellow", "behind"]);
    expect(statusOf(amount, 36.9, "2022-03-31")).toEqual(["red", "off-track"]);
    const share = targetFrom(
      'year: 2022\ntargets: [{ id: a, title: A, baseline: 100, target: 300, tolerance: "5%" }]',
    );
    // Span 200, tolerance 10; E(03-31) = 160.
    expect(statusOf(share, 150, "2022-03-31")).toEqual(["yellow", "behind"]);
    expect(statusOf(share, 149, "2022-03-31")).toEqual(["red", "off-track"]);
  });
});

describe("SPEC 4: the actual, rows after T, staleness, aggregate", () => {
  it("takes the latest row at or before T and ignores later ones", () => {
    const observations = rows(["2022-01-31", 10], ["2022-02-28", 20], ["2022-04-30", 90]);
    const result = evaluateTarget(projects, observations, day("2022-03-31"));
    expect(result.actual).toBe(20);
    expect(result.observedOn).toBe(day("2022-02-28"));
  });

  it("judges an on-time row at its own date (SPEC 4.1): no stale, no E(T) for a February row", () => {
    // T = 03-31: the February report (02-28) is due by 03-10 and overdue; March's is not due yet.
    // r* = 02-28, r⁻ = 01-31, d = 02-28 > r⁻: on time, J = 02-28, E(02-28) = 39 × 59/90 = 25.57.
    const result = evaluateTarget(projects, rows(["2022-02-28", 25]), day("2022-03-31"));
    expect(result.late).toBe(false);
    expect(result.judgedAt).toBe(day("2022-02-28"));
    expect(result.expected).toBeCloseTo((39 * 59) / 90, 9);
    // L = 25.57 − 25 = 0.57 ≤ tolerance 13: yellow.
    expect([result.status, result.reason]).toEqual(["yellow", "behind"]);
  });

  it("aggregate: sum adds the rows after t0 and up to T", () => {
    const target = targetFrom(
      "year: 2022\ntargets: [{ id: s, title: S, target: 60, aggregate: sum }]",
    );
    const observations = rows(
      ["2021-12-31", 100],
      ["2022-01-31", 5],
      ["2022-02-28", 7.5],
      ["2022-03-31", 6],
      ["2022-04-30", 50],
    );
    const result = evaluateTarget(target, observations, day("2022-03-31"));
    expect(result.actual).toBe(18.5);
    expect(result.observedOn).toBe(day("2022-03-31"));
    // E(03-31) = 18; 18.5 is ahead.
    expect([result.status, result.reason]).toEqual(["green", "on-track"]);
    expect(evaluateTarget(target, rows(["2021-12-31", 100]), day("2022-03-31")).status).toBe(
      "grey",
    );
  });

  it("reports progress and expected progress as shares of the span", () => {
    const result = evaluateTarget(projects, rows(["2022-03-31", 36]), day("2022-03-31"));
    expect(result).toMatchObject({
      status: "yellow",
      reason: "behind",
      actual: 36,
      expected: 39,
      expectedProgress: 0.3,
    });
    expect(result.progress).toBeCloseTo(36 / 130, 12);
    expect(result.nextMilestone).toEqual({ by: day("2022-06-30"), value: 78 });
  });

  it("takes the latest data date as T by default, else today", () => {
    const observations = new Map([
      ["a", rows(["2022-05-31", 1])],
      ["b", rows(["2022-06-30", 1], ["2022-01-31", 2])],
    ]);
    expect(defaultAsOf(observations, day("2026-11-28"))).toBe(day("2022-06-30"));
    expect(defaultAsOf(new Map(), day("2026-11-28"))).toBe(day("2026-11-28"));
  });

  it("keeps target order and counts each status in the summary", () => {
    const report = evaluate(
      [projects, holdouts],
      new Map([["holdouts", rows(["2022-03-31", 3])]]),
      { asOf: day("2022-03-31") },
    );
    expect(report.results.map((result) => result.target.id)).toEqual(["invest", "holdouts"]);
    expect(report.summary).toEqual({ total: 2, green: 0, yellow: 0, red: 1, grey: 1 });
  });
});

describe("SPEC 2.2 level targets", () => {
  const share = targetFrom(
    "targets: [{ id: s, kind: level, title: S, min: 35, max: 45, tolerance: 2 }]",
  );
  const rank = targetFrom("targets: [{ id: r, kind: level, title: 保二争一, max: 2, stretch: 1 }]");
  const floor = targetFrom(
    'targets: [{ id: f, kind: level, title: F, min: 3.7, tolerance: "10%", stretch: 4 }]',
  );
  const level = (target = share, value: number | null) => statusOf(target, value, "2022-06-30");

  it("min ≤ A ≤ max → green, within (bounds included)", () => {
    expect(level(share, 35)).toEqual(["green", "within"]);
    expect(level(share, 45)).toEqual(["green", "within"]);
    expect(level(rank, 2)).toEqual(["green", "within"]);
  });

  it("outside by no more than the tolerance → yellow, near", () => {
    expect(level(share, 33)).toEqual(["yellow", "near"]);
    expect(level(share, 47)).toEqual(["yellow", "near"]);
    // "10%" of the violated bound 3.7 is 0.37.
    expect(level(floor, 3.33)).toEqual(["yellow", "near"]);
  });

  it("otherwise → red, outside; the default tolerance is 0", () => {
    expect(level(share, 32.9)).toEqual(["red", "outside"]);
    expect(level(floor, 3.32)).toEqual(["red", "outside"]);
    expect(level(rank, 3)).toEqual(["red", "outside"]);
  });

  it("no actual → grey, no-data", () => expect(level(rank, null)).toEqual(["grey", "no-data"]));

  it("stretch earns a star: lower for max targets, higher for min-only targets", () => {
    const star = (target = rank, value: number) =>
      evaluateTarget(target, rows(["2022-06-30", value]), day("2022-06-30")).star;
    expect(star(rank, 1)).toBe(true);
    expect(star(rank, 2)).toBe(false);
    expect(star(floor, 4.1)).toBe(true);
    expect(star(floor, 3.9)).toBe(false);
    expect(evaluateTarget(share, rows(["2022-06-30", 40]), day("2022-06-30")).star).toBeNull();
  });
});

describe("SPEC 2.3 milestone targets", () => {
  const hall = targetFrom(
    "targets: [{ id: m, kind: milestone, title: 篮球馆验收, deadline: 2022-03-31, warn_days: 10 }]",
  );
  const at = (done: boolean | null, asOf: string) => statusOf(hall, done, asOf);

  it("done → green, done; done-late when the first done row is after the deadline (v2)", () => {
    expect(at(true, "2022-03-01")).toEqual(["green", "done"]);
    expect(at(true, "2022-05-01")).toEqual(["green", "done-late"]);
  });
  it("not done and T ≥ deadline → red, overdue", () => {
    expect(at(false, "2022-03-31")).toEqual(["red", "overdue"]);
  });
  it("not done and the deadline at most warn_days after T → yellow, due-soon", () => {
    expect(at(false, "2022-03-21")).toEqual(["yellow", "due-soon"]);
    expect(at(false, "2022-03-30")).toEqual(["yellow", "due-soon"]);
  });
  it("not done otherwise → green, pending", () => {
    expect(at(false, "2022-03-20")).toEqual(["green", "pending"]);
  });
  it("no actual → grey, no-data", () =>
    expect(at(null, "2022-03-20")).toEqual(["grey", "no-data"]));
  it("warn_days defaults to 30", () => {
    const target = targetFrom("year: 2022\ntargets: [{ id: m, kind: milestone, title: M }]");
    expect(statusOf(target, false, "2022-12-01")).toEqual(["yellow", "due-soon"]);
    expect(statusOf(target, false, "2022-11-30")).toEqual(["green", "pending"]);
  });
});

const RANK: Record<Status, number> = { red: 0, grey: 0, yellow: 1, green: 2 };

describe("properties of the progress rules", () => {
  const arbitraryTarget = fc.record({
    baseline: fc.integer({ min: -500, max: 500 }),
    distance: fc.integer({ min: 1, max: 1000 }),
    schedule: fc.constantFrom("q30-h60-q85", "h50-q85", "linear"),
    interpolation: fc.constantFrom("linear", "step"),
    tolerance: fc.oneof(fc.constant('"10%"'), fc.integer({ min: 0, max: 50 }).map(String)),
  });
  const build = (
    spec: {
      baseline: number;
      distance: number;
      schedule: string;
      interpolation: string;
      tolerance: string;
    },
    direction: 1 | -1,
  ) =>
    targetFrom(`
year: 2022
targets:
  - { id: p, title: P, baseline: ${spec.baseline}, target: ${spec.baseline + direction * spec.distance}, schedule: ${spec.schedule}, interpolation: ${spec.interpolation}, tolerance: ${spec.tolerance} }
`);
  const asOf = fc.integer({ min: day("2021-12-01"), max: day("2023-01-31") });

  it("a higher actual never gives an increasing target a worse status", () => {
    fc.assert(
      fc.property(
        arbitraryTarget,
        asOf,
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (spec, t, low, step) => {
          const target = build(spec, 1);
          const lower = evaluateTarget(
            target,
            Series.of([{ day: t, value: low, file: "d", line: 2 }]),
            t,
          );
          const higher = evaluateTarget(
            target,
            Series.of([{ day: t, value: low + step, file: "d", line: 2 }]),
            t,
          );
          expect(RANK[higher.status]).toBeGreaterThanOrEqual(RANK[lower.status]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("a decreasing target mirrors an increasing one", () => {
    fc.assert(
      fc.property(
        arbitraryTarget,
        asOf,
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        (spec, t, actual) => {
          const up = build(spec, 1);
          const down = build({ ...spec, baseline: -spec.baseline }, -1);
          const a = evaluateTarget(
            up,
            Series.of([{ day: t, value: actual, file: "d", line: 2 }]),
            t,
          );
          const b = evaluateTarget(
            down,
            Series.of([{ day: t, value: -actual, file: "d", line: 2 }]),
            t,
          );
          expect([b.status, b.reason]).toEqual([a.status, a.reason]);
          expect(b.expected).toBeCloseTo(-(a.expected as number), 9);
          expect(b.progress).toBeCloseTo(a.progress as number, 9);
        },
      ),
      { numRuns: 500 },
    );
  });
});
