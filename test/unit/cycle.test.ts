/**
 * SPEC 4.1, the reporting cycle: the worked examples verbatim, one describe per rule, and the
 * properties the issue names, checked against the oracle in test/rules-oracle.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cycleState, periodEndOnOrBefore, reportDates } from "../../src/core/cycle.js";
import { formatDay } from "../../src/core/dates.js";
import { evaluate, evaluateTarget } from "../../src/core/evaluate.js";
import type { Observation, Target } from "../../src/core/model.js";
import { expectedValue } from "../../src/core/schedule.js";
import { Series } from "../../src/core/series.js";
import { fuzz } from "../fuzz-support.js";
import { day, rows, targetFrom } from "../helpers.js";
import {
  arbitraryRuleCase,
  SPEC_STATUS,
  specCycle,
  specReason,
  specReportDates,
  specTrace,
} from "../rules-oracle.js";

/** The worked example's target: 130 in 2022, default schedule, monthly, due_days 10, tolerance 13. */
const projects = targetFrom("year: 2022\ntargets: [{ id: p, title: P, target: 130 }]");
/** The speech's start rate: 85 by 09-30, 30 by 03-31 and 60 by 06-30, quarterly. */
const startRate = targetFrom(
  "targets: [{ id: s, title: S, unit: '%', target: 85, start: 2022-01-01, deadline: 2022-09-30, frequency: quarterly, schedule: [{ by: 2022-03-31, value: 30 }, { by: 2022-06-30, value: 60 }] }]",
);

const days = (...texts: string[]) => texts.map(day);
const dates = (list: readonly number[]) => list.map(formatDay);

describe("SPEC 4.1 worked examples, verbatim", () => {
  it("T = 07-05, rows 03-31 → 40 and 06-30 → 80: r* = 05-31, r⁻ = 04-30, on time, J = 06-30, E = 78: green on-track", () => {
    const result = evaluateTarget(
      projects,
      rows(["2022-03-31", 40], ["2022-06-30", 80]),
      day("2022-07-05"),
    );
    expect(result).toMatchObject({
      late: false,
      missingReport: null,
      judgedAt: day("2022-06-30"),
      expected: 78,
      status: "green",
      reason: "on-track",
    });
  });

  it("T = 07-05, latest row 04-30 → 45: late, missingReport 05-31, J = 05-31, E = 65.14, L = 20.14 > 13: red off-track", () => {
    const result = evaluateTarget(projects, rows(["2022-04-30", 45]), day("2022-07-05"));
    expect(result).toMatchObject({
      late: true,
      missingReport: day("2022-05-31"),
      dueBy: day("2022-06-10"),
      judgedAt: day("2022-05-31"),
      status: "red",
      reason: "off-track",
    });
    // E(05-31) = 39 + 39 × 61/91.
    expect(result.expected).toBeCloseTo(39 + (39 * 61) / 91, 9);
    expect(result.expected).toBeCloseTo(65.14, 2);
  });

  it("T = 07-12, latest row 05-31 → 70: r* = 06-30, r⁻ = 05-31, late, J = 06-30, E = 78, L = 8 ≤ 13: yellow behind", () => {
    const result = evaluateTarget(projects, rows(["2022-05-31", 70]), day("2022-07-12"));
    expect(result).toMatchObject({
      late: true,
      missingReport: day("2022-06-30"),
      judgedAt: day("2022-06-30"),
      expected: 78,
      status: "yellow",
      reason: "behind",
    });
  });

  it("the start rate, quarterly, T = 05-31, row 03-31 → 31: r* = 03-31, r⁻ = t0, on time, J = 03-31, E = 30: green (v1: E(05-31) = 50.11, red)", () => {
    expect(reportDates(startRate, day("2022-01-01"), day("2022-12-31"))).toEqual(
      days("2022-03-31", "2022-06-30", "2022-09-30"),
    );
    const result = evaluateTarget(startRate, rows(["2022-03-31", 31]), day("2022-05-31"));
    expect(result).toMatchObject({
      late: false,
      judgedAt: day("2022-03-31"),
      expected: 30,
      status: "green",
      reason: "on-track",
    });
    // v1's E(05-31) = 30 + 30 × 61/91 = 50.11: what J = T would have judged against.
    expect(
      expectedValue(startRate as Extract<Target, { kind: "progress" }>, day("2022-05-31")),
    ).toBeCloseTo(50.11, 2);
  });
});

describe("4.1 report dates", () => {
  it("of a progress target: its frequency's period ends strictly between t0 and the deadline, and the deadline", () => {
    const year = (frequency: string) =>
      dates(
        reportDates(
          targetFrom(
            `targets: [{ id: p, title: P, target: 9, start: 2022-02-15, deadline: 2022-11-20, frequency: ${frequency} }]`,
          ),
          day("2021-01-01"),
          day("2023-12-31"),
        ),
      );
    expect(year("monthly")).toEqual([
      "2022-02-28",
      "2022-03-31",
      "2022-04-30",
      "2022-05-31",
      "2022-06-30",
      "2022-07-31",
      "2022-08-31",
      "2022-09-30",
      "2022-10-31",
      "2022-11-20",
    ]);
    expect(year("quarterly")).toEqual(["2022-03-31", "2022-06-30", "2022-09-30", "2022-11-20"]);
    expect(year("half-yearly")).toEqual(["2022-06-30", "2022-11-20"]);
    expect(year("yearly")).toEqual(["2022-11-20"]);
  });

  it("of a level target: its periods' ends within its year, or every period end without one", () => {
    const withYear = targetFrom(
      "year: 2022\ntargets: [{ id: l, kind: level, title: L, max: 2, frequency: half-yearly }]",
    );
    expect(dates(reportDates(withYear, day("2021-01-01"), day("2023-12-31")))).toEqual([
      "2022-06-30",
      "2022-12-31",
    ]);
    const always = targetFrom(
      "targets: [{ id: l, kind: level, title: L, max: 2, frequency: yearly }]",
    );
    expect(dates(reportDates(always, day("2020-06-01"), day("2023-12-31")))).toEqual([
      "2020-12-31",
      "2021-12-31",
      "2022-12-31",
      "2023-12-31",
    ]);
  });

  it("first_report: 02-28 drops January where January and February are reported together", () => {
    const target = targetFrom(
      "year: 2024\ntargets: [{ id: p, title: P, target: 9, first_report: '02-28' }]",
    );
    // 2024 is a leap year: February's end is 02-29, on or after 02-28, and stays.
    expect(dates(reportDates(target, day("2024-01-01"), day("2024-04-30")))).toEqual([
      "2024-02-29",
      "2024-03-31",
      "2024-04-30",
    ]);
    // The first report is due by 03-10 (02-29 + 10): before, nothing is late.
    expect(evaluateTarget(target, Series.EMPTY, day("2024-03-10")).late).toBe(false);
    expect(evaluateTarget(target, Series.EMPTY, day("2024-03-11")).late).toBe(true);
  });

  it("a milestone has none", () => {
    const hall = targetFrom(
      "targets: [{ id: m, kind: milestone, title: M, deadline: 2022-03-31 }]",
    );
    expect(reportDates(hall, day("2021-01-01"), day("2023-12-31"))).toEqual([]);
  });

  it("agree with the oracle's brute force for every generated target", async () => {
    await fuzz(
      "cycle: report dates against the oracle",
      fc.property(arbitraryRuleCase, ({ target }) => {
        const oracle = specReportDates(target).filter(
          (d) => d >= day("2020-01-01") && d <= day("2024-12-31"),
        );
        expect(dates(reportDates(target, day("2020-01-01"), day("2024-12-31")))).toEqual(
          dates(oracle),
        );
      }),
      200,
    );
  });

  it("period ends: the last day of the latest period ending on or before a day", () => {
    expect(formatDay(periodEndOnOrBefore(day("2022-03-30"), "quarterly"))).toBe("2021-12-31");
    expect(formatDay(periodEndOnOrBefore(day("2022-03-31"), "quarterly"))).toBe("2022-03-31");
    expect(formatDay(periodEndOnOrBefore(day("2022-07-01"), "half-yearly"))).toBe("2022-06-30");
    expect(formatDay(periodEndOnOrBefore(day("2022-12-30"), "yearly"))).toBe("2021-12-31");
    expect(formatDay(periodEndOnOrBefore(day("2022-03-01"), "monthly"))).toBe("2022-02-28");
  });
});

describe("4.1 due: the report for r is overdue at T when T > r + due_days", () => {
  it("is due by the end of day r + 10 by default: not overdue on 06-10, overdue on 06-11", () => {
    // The May report (05-31) with a row dated 04-30: r⁻ = 04-30, d ≤ r⁻.
    const april = rows(["2022-04-30", 45]);
    expect(evaluateTarget(projects, april, day("2022-06-10")).late).toBe(false);
    expect(evaluateTarget(projects, april, day("2022-06-11"))).toMatchObject({
      late: true,
      missingReport: day("2022-05-31"),
      dueBy: day("2022-06-10"),
    });
  });

  it("takes the target's own due_days first, else the project's", () => {
    const own = targetFrom("year: 2022\ntargets: [{ id: p, title: P, target: 130, due_days: 3 }]");
    const april = rows(["2022-04-30", 45]);
    expect(evaluateTarget(own, april, day("2022-06-04"), 20).late).toBe(true);
    // Without its own: the project's 20 days, so the May report is due by 06-20.
    expect(evaluateTarget(projects, april, day("2022-06-20"), 20).late).toBe(false);
    expect(evaluateTarget(projects, april, day("2022-06-21"), 20).late).toBe(true);
    expect(
      evaluate([projects], new Map([["p", april]]), { asOf: day("2022-06-21"), dueDays: 20 })
        .results[0]?.late,
    ).toBe(true);
  });
});

describe("4.1 r*, r⁻ and the judging date J", () => {
  it("no R: grey no-data, late when a report is due", () => {
    expect(evaluateTarget(projects, Series.EMPTY, day("2022-02-10"))).toMatchObject({
      status: "grey",
      late: false,
    });
    expect(evaluateTarget(projects, Series.EMPTY, day("2022-02-11"))).toMatchObject({
      status: "grey",
      reason: "no-data",
      late: true,
      missingReport: day("2022-01-31"),
    });
  });

  it("no r*: on time, J = d (the first report not yet due)", () => {
    const result = evaluateTarget(projects, rows(["2022-01-20", 5]), day("2022-02-05"));
    expect(result).toMatchObject({ late: false, judgedAt: day("2022-01-20") });
  });

  it("d > r⁻: on time even when the latest row is not r* itself (a mid-month row)", () => {
    // T = 07-05: r* = 05-31, r⁻ = 04-30; a row of 05-15 is after r⁻.
    const result = evaluateTarget(projects, rows(["2022-05-15", 60]), day("2022-07-05"));
    expect(result).toMatchObject({ late: false, judgedAt: day("2022-05-15") });
  });

  it("the first report's r⁻ is t0 for a progress target", () => {
    // T = 02-11: r* = 01-31, r⁻ = t0 = 2021-12-31; a row dated t0 is no report of 2022.
    const atT0 = evaluateTarget(projects, rows(["2021-12-31", 0]), day("2022-02-11"));
    expect(atT0).toMatchObject({ late: true, judgedAt: day("2022-01-31") });
    const january = evaluateTarget(projects, rows(["2022-01-01", 1]), day("2022-02-11"));
    expect(january).toMatchObject({ late: false, judgedAt: day("2022-01-01") });
  });

  it("a level target's r⁻ is the previous period end, and late is grey `late` with its last value", () => {
    const rank = targetFrom(
      "year: 2022\ntargets: [{ id: r, kind: level, title: R, max: 2, frequency: quarterly }]",
    );
    // T = 07-11: the Q2 report (06-30) was due by 07-10; the latest row is Q1's: d ≤ r⁻ = 03-31.
    const late = evaluateTarget(rank, rows(["2022-03-31", 1]), day("2022-07-11"));
    expect(late).toMatchObject({
      status: "grey",
      reason: "late",
      actual: 1,
      late: true,
      missingReport: day("2022-06-30"),
    });
    expect(late.trace.map((check) => [check.rule, check.held])).toEqual([
      ["no-data", false],
      ["late", true],
    ]);
    // The first report of its year: r* = 03-31, r⁻ = 2021-12-31 (the period end before).
    expect(evaluateTarget(rank, rows(["2021-12-31", 1]), day("2022-04-11")).reason).toBe("late");
    expect(evaluateTarget(rank, rows(["2022-01-15", 1]), day("2022-04-11")).reason).toBe("within");
  });

  it("a milestone is judged at T, and late once T > deadline + due_days with no row at all", () => {
    const hall = targetFrom(
      "targets: [{ id: m, kind: milestone, title: M, deadline: 2022-03-31 }]",
    );
    expect(evaluateTarget(hall, Series.EMPTY, day("2022-04-10")).late).toBe(false);
    expect(evaluateTarget(hall, Series.EMPTY, day("2022-04-11"))).toMatchObject({
      status: "grey",
      reason: "no-data",
      late: true,
      missingReport: day("2022-03-31"),
    });
    // Any row, even an old "not done", is an answer: red overdue, not missing.
    const answered = evaluateTarget(hall, rows(["2022-01-31", false]), day("2022-04-11"));
    expect(answered).toMatchObject({ status: "red", late: false, judgedAt: day("2022-04-11") });
  });
});

describe("2.1 and 2.3 (v2): achieved-late and done-late", () => {
  it("achieved-late when no row dated at or before the deadline reaches the target", () => {
    const late = rows(["2022-12-31", 120], ["2023-01-20", 130]);
    expect(evaluateTarget(projects, late, day("2023-02-01")).reason).toBe("achieved-late");
    // A row on the deadline that reached it: achieved, whatever came after.
    const inTime = rows(["2022-12-31", 130], ["2023-01-20", 131]);
    expect(evaluateTarget(projects, inTime, day("2023-02-01")).reason).toBe("achieved");
  });

  it("with aggregate: sum, the running total at a row on or before the deadline", () => {
    const sum = targetFrom(
      "year: 2022\ntargets: [{ id: s, title: S, target: 60, aggregate: sum }]",
    );
    // 40 + 20 = 60 by 12-31: achieved; 40 by 12-31 and + 20 in January: late.
    expect(
      evaluateTarget(sum, rows(["2022-06-30", 40], ["2022-12-31", 20]), day("2023-01-15")).reason,
    ).toBe("achieved");
    expect(
      evaluateTarget(sum, rows(["2022-06-30", 40], ["2023-01-10", 20]), day("2023-01-15")).reason,
    ).toBe("achieved-late");
  });

  it("done-late when the first done row is after the deadline", () => {
    const hall = targetFrom(
      "targets: [{ id: m, kind: milestone, title: M, deadline: 2022-03-31 }]",
    );
    const late = rows(["2022-03-31", false], ["2022-04-05", true]);
    expect(evaluateTarget(hall, late, day("2022-04-30"))).toMatchObject({
      status: "green",
      reason: "done-late",
    });
    const inTime = rows(["2022-03-31", true], ["2022-04-05", true]);
    expect(evaluateTarget(hall, inTime, day("2022-04-30")).reason).toBe("done");
  });
});

/** The state of a generated case at T by the evaluator. */
function stateAt(target: Target, observations: readonly Observation[], asOf: number) {
  return evaluateTarget(target, Series.of(observations), asOf);
}

describe("4.1 properties", () => {
  it("J ≤ T, and late, missingReport and J are the oracle's", async () => {
    await fuzz(
      "cycle: J ≤ T and the oracle's cycle",
      fc.property(arbitraryRuleCase, ({ target, observations, asOf }) => {
        const result = stateAt(target, observations, asOf);
        expect(result.judgedAt).toBeLessThanOrEqual(asOf);
        const latest = observations
          .filter((row) => row.day <= asOf)
          .reduce<number | null>(
            (max, row) => (max === null || row.day > max ? row.day : max),
            null,
          );
        const sums =
          (target.kind === "progress" && target.aggregate === "sum") || target.kind === "growth";
        // With `sum` (and for growth), rows at or before t0 are not counted: the latest counted
        // row decides.
        const counted = sums
          ? observations
              .filter((row) => row.day <= asOf && row.day > target.start - 1)
              .reduce<number | null>(
                (max, row) => (max === null || row.day > max ? row.day : max),
                null,
              )
          : latest;
        const oracle = specCycle(target, counted, asOf, target.dueDays ?? 10);
        expect({
          late: result.late,
          missingReport: result.missingReport,
          judgedAt: result.judgedAt,
        }).toEqual({
          late: oracle.late,
          missingReport: oracle.missingReport,
          judgedAt: oracle.judgedAt,
        });
        const spec = specTrace(target, observations, asOf);
        const reason = specReason(spec);
        expect([result.status, result.reason]).toEqual([SPEC_STATUS[reason], reason]);
      }),
      300,
    );
  });

  it("a target reported on every report date is never late", async () => {
    await fuzz(
      "cycle: reports on time are never late",
      fc.property(arbitraryRuleCase, ({ target, asOf }) => {
        if (target.kind === "milestone") return;
        const value =
          target.kind === "progress"
            ? target.baseline
            : target.kind === "growth"
              ? target.rate
              : (target.min ?? target.max);
        const observations = reportDates(target, day("2019-01-01"), asOf).map((d, index) => ({
          day: d,
          value: value as number,
          file: "data.csv",
          line: index + 2,
        }));
        expect(stateAt(target, observations, asOf).late).toBe(false);
      }),
      200,
    );
  });

  it("late never changes from T to T + 1 unless T + 1 passes a due day or brings a row", async () => {
    await fuzz(
      "cycle: late changes only at a due day or a row",
      fc.property(arbitraryRuleCase, ({ target, observations, asOf }) => {
        const before = stateAt(target, observations, asOf).late;
        const after = stateAt(target, observations, asOf + 1).late;
        if (before === after) return;
        const dueDays = target.dueDays ?? 10;
        const dueDayPassed =
          target.kind === "milestone"
            ? asOf === target.deadline + dueDays
            : specReportDates(target).some((r) => r + dueDays === asOf);
        const rowArrives = observations.some((row) => row.day === asOf + 1);
        expect(dueDayPassed || rowArrives).toBe(true);
      }),
      300,
    );
  });

  it("with due_days 0 and monthly reports, a target reported at every month-end is judged at each month-end as v1 judged it", async () => {
    await fuzz(
      "cycle: due_days 0 is v1 at month-ends",
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 12, maxLength: 12 }),
        (month, values) => {
          const target = targetFrom(
            "year: 2022\ntargets: [{ id: p, title: P, target: 130, due_days: 0 }]",
          );
          const monthEnds = reportDates(target, day("2022-01-01"), day("2022-12-31"));
          const observations = monthEnds.map((d, index) => ({
            day: d,
            value: values[index] as number,
            file: "data.csv",
            line: index + 2,
          }));
          const asOf = monthEnds[month - 1] as number;
          const result = stateAt(target, observations, asOf);
          expect(result).toMatchObject({ late: false, judgedAt: asOf });
          // v1: every rule at T itself, E(T).
          expect(result.expected).toBe(
            expectedValue(target as Extract<Target, { kind: "progress" }>, asOf),
          );
          const oracle = cycleState(target, asOf, asOf, 0);
          expect(oracle.judgedAt).toBe(asOf);
        },
      ),
      100,
    );
  });
});
