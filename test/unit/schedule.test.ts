import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ProgressTarget } from "../../src/core/model.js";
import { expectedValue, nextMilestone, schedulePoints } from "../../src/core/schedule.js";
import { day, formatDay, targetFrom } from "../helpers.js";

const progress = (yaml: string) => targetFrom(yaml) as ProgressTarget;

describe("the worked example of SPEC 2.1: calendar 2022, target 130, baseline 0, default schedule", () => {
  const target = progress(`
year: 2022
targets:
  - { id: invest.projects-100m, title: 固投亿元以上项目, target: 130 }
`);

  it("runs through (2021-12-31, 0), (03-31, 39), (06-30, 78), (09-30, 110.5), (12-31, 130)", () => {
    expect(schedulePoints(target).map((point) => [formatDay(point.by), point.value])).toEqual([
      ["2021-12-31", 0],
      ["2022-03-31", 39],
      ["2022-06-30", 78],
      ["2022-09-30", 110.5],
      ["2022-12-31", 130],
    ]);
  });

  it.each([
    ["2022-01-31", 13.43, 39 * (31 / 90)],
    ["2022-02-28", 25.57, 39 * (59 / 90)],
    ["2022-03-31", 39, 39],
    ["2022-05-31", 65.14, 39 + 39 * (61 / 91)],
  ])("E(%s) = %d", (date, rounded, exact) => {
    expect(expectedValue(target, day(date))).toBeCloseTo(exact, 9);
    expect(Math.round(expectedValue(target, day(date)) * 100) / 100).toBe(rounded);
  });

  it("is the baseline up to t0 and the target after the deadline", () => {
    expect(expectedValue(target, day("2021-06-30"))).toBe(0);
    expect(expectedValue(target, day("2021-12-31"))).toBe(0);
    expect(expectedValue(target, day("2022-01-01"))).toBeCloseTo(39 / 90, 12);
    expect(expectedValue(target, day("2022-12-31"))).toBe(130);
    expect(expectedValue(target, day("2023-05-01"))).toBe(130);
  });

  it("names the next milestone, the deadline last, then none", () => {
    expect(nextMilestone(target, day("2022-03-30"))).toEqual({ by: day("2022-03-31"), value: 39 });
    expect(nextMilestone(target, day("2022-03-31"))).toEqual({ by: day("2022-06-30"), value: 78 });
    expect(nextMilestone(target, day("2022-10-01"))).toEqual({ by: day("2022-12-31"), value: 130 });
    expect(nextMilestone(target, day("2022-12-31"))).toBeNull();
  });
});

describe("presets", () => {
  it("h50-q85: 50% at the end of Q2, 85% at the end of Q3", () => {
    const target = progress(
      "year: 2022\ntargets: [{ id: a, title: A, target: 200, schedule: h50-q85 }]",
    );
    expect(schedulePoints(target).map((point) => [formatDay(point.by), point.value])).toEqual([
      ["2021-12-31", 0],
      ["2022-06-30", 100],
      ["2022-09-30", 170],
      ["2022-12-31", 200],
    ]);
  });

  it("linear: a straight line from baseline to target", () => {
    const target = progress(
      "year: 2022\ntargets: [{ id: a, title: A, baseline: 10, target: 375, schedule: linear }]",
    );
    expect(expectedValue(target, day("2022-01-01"))).toBeCloseTo(11, 12);
    expect(expectedValue(target, day("2022-07-02"))).toBeCloseTo(10 + 183, 12);
  });

  it("drops preset milestones not strictly between start and deadline", () => {
    const target = progress(`
targets:
  - { id: a, title: A, target: 100, start: 2022-03-31, deadline: 2022-09-30 }
`);
    // Q1 end is the start itself and Q3 end the deadline: only Q2's 60% remains.
    expect(schedulePoints(target).map((point) => [formatDay(point.by), point.value])).toEqual([
      ["2022-03-30", 0],
      ["2022-06-30", 60],
      ["2022-09-30", 100],
    ]);
  });

  it("takes the quarters of the start's year", () => {
    const target = progress(
      "targets: [{ id: a, title: A, target: 100, start: 2023-01-01, deadline: 2023-12-31 }]",
    );
    expect(nextMilestone(target, day("2023-01-15"))).toEqual({ by: day("2023-03-31"), value: 30 });
  });
});

describe("step interpolation: the value of the latest point at or before t", () => {
  const target = progress(
    "year: 2022\ntargets: [{ id: a, title: A, target: 130, interpolation: step }]",
  );
  it.each([
    ["2022-01-31", 0],
    ["2022-03-30", 0],
    ["2022-03-31", 39],
    ["2022-06-29", 39],
    ["2022-06-30", 78],
    ["2022-12-30", 110.5],
    ["2022-12-31", 130],
  ])("E(%s) = %d", (date, value) => expect(expectedValue(target, day(date))).toBe(value));
});

describe("decreasing targets mirror increasing ones", () => {
  const down = progress(`
targets:
  - { id: holdouts, title: 拔钉清零, baseline: 98, target: 0, start: 2022-01-01, deadline: 2022-03-31 }
`);
  it("falls from 98 to 0 by the deadline with no preset milestone left inside the quarter", () => {
    expect(schedulePoints(down).map((point) => [formatDay(point.by), point.value])).toEqual([
      ["2021-12-31", 98],
      ["2022-03-31", 0],
    ]);
    expect(expectedValue(down, day("2022-02-14"))).toBeCloseTo(98 - 98 * (45 / 90), 12);
  });

  it("milestones given as values are honoured", () => {
    const target = progress(`
targets:
  - id: d
    title: D
    baseline: 100
    target: 20
    start: 2022-01-01
    deadline: 2022-12-31
    schedule: [{ by: 2022-06-30, value: 50 }, { by: 2022-09-30, progress: "75%" }]
`);
    expect(schedulePoints(target).map((point) => point.value)).toEqual([100, 50, 40, 20]);
  });
});

describe("property: E is monotone between baseline and target", () => {
  it("never steps back and never leaves [baseline, target]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }).filter((n) => n !== 0),
        fc.constantFrom("q30-h60-q85", "h50-q85", "linear"),
        fc.constantFrom("linear", "step"),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 500 }),
        (baseline, distance, schedule, interpolation, startOffset, length) => {
          const start = formatDay(day("2022-01-01") + startOffset);
          const deadline = formatDay(day("2022-01-01") + startOffset + length);
          const target = progress(`
targets:
  - { id: p, title: P, baseline: ${baseline}, target: ${baseline + distance}, start: ${start}, deadline: ${deadline}, schedule: ${schedule}, interpolation: ${interpolation} }
`);
          const direction = Math.sign(distance);
          let previous = baseline;
          for (let t = day(start) - 3; t <= day(deadline) + 3; t++) {
            const value = expectedValue(target, t);
            expect(direction * (value - previous)).toBeGreaterThanOrEqual(-1e-9);
            expect(Math.min(baseline, baseline + distance) - 1e-9).toBeLessThanOrEqual(value);
            expect(value).toBeLessThanOrEqual(Math.max(baseline, baseline + distance) + 1e-9);
            previous = value;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
