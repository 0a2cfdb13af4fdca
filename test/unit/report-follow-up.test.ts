/**
 * The report's follow-up list (SPEC 6 "Streaks"), its chase list (催报, the late results of SPEC
 * 4.1 by owner) and its year at a glance, each read from the shared month-end evaluations.
 * Every status below is worked out by hand beside its case (due_days 10 throughout).
 */
import { describe, expect, it } from "vitest";
import type { ObservationsById } from "../../src/core/evaluate.js";
import type { Result, Target } from "../../src/core/model.js";
import { Evaluations } from "../../src/core/month-ends.js";
import { chaseList, redStreaks, yearAtAGlance } from "../../src/core/report-follow-up.js";
import { buildReport } from "../../src/core/report-model.js";
import { day, formatDay, rows, targetsFrom } from "../helpers.js";

/** The follow-up list of `targets` and `observations` at `asOf`, as id → [N, since, counts]. */
function streaksAt(targets: Target[], observations: ObservationsById, asOf: string) {
  const evaluations = new Evaluations(targets, observations);
  return redStreaks(evaluations.at(day(asOf)).results, evaluations).map((streak) => [
    streak.result.target.id,
    streak.length,
    formatDay(streak.since),
    streak.counts,
  ]);
}

/**
 * A level target at most 3 (tolerance 1: above 4 is red), monthly in 2022. A row dated at a
 * month-end is on time there (its report is not due until 10 days later), so the evaluation as of
 * each month-end judges that month's row: 03-31 → 2 green, 04-30 → 5, 05-31 → 6, 06-30 → 7 red.
 */
const monthly = targetsFrom(
  "year: 2022\ntargets:\n  - { id: m, title: M, kind: level, max: 3, tolerance: 1 }\n",
);
const monthlyRows: ObservationsById = new Map([
  ["m", rows(["2022-03-31", 2], ["2022-04-30", 5], ["2022-05-31", 6], ["2022-06-30", 7])],
]);

describe("streaks: red at T and at each of its last N − 1 report dates before T (SPEC 6)", () => {
  it("a monthly target red on 04-30, 05-31 and 06-30 (green on 03-31) is red 3 months running at 06-30", () => {
    expect(streaksAt(monthly, monthlyRows, "2022-06-30")).toEqual([
      ["m", 3, "2022-04-30", "months"],
    ]);
    // At 05-31: red then and on 04-30; at 04-30 red once, which is no streak.
    expect(streaksAt(monthly, monthlyRows, "2022-05-31")).toEqual([
      ["m", 2, "2022-04-30", "months"],
    ]);
    expect(streaksAt(monthly, monthlyRows, "2022-04-30")).toEqual([]);
  });

  it("counts from the judging date: on 07-05 the result stands for June's report, still 3 months", () => {
    // T = 07-05: the June report is not due until 07-10, J = 06-30 (the row's date); the report
    // dates before J are 05-31 (red), 04-30 (red), 03-31 (green): N = 3, not 4.
    expect(streaksAt(monthly, monthlyRows, "2022-07-05")).toEqual([
      ["m", 3, "2022-04-30", "months"],
    ]);
  });

  it("a quarterly target red on 03-31 and 06-30 is red 2 reports running, through the months between", () => {
    // Report dates 03-31, 06-30, 09-30, 12-31 (its year). At 06-30: J = 06-30, red (6 > 4); the
    // report date before it, 03-31: red (5); none before that in 2022. At 08-31 the Q3 report is
    // not yet due: J = 06-30 again, the same two reports.
    const quarterly = targetsFrom(
      "year: 2022\ntargets:\n  - { id: q, title: Q, kind: level, max: 3, tolerance: 1, frequency: quarterly }\n",
    );
    const observations = new Map([["q", rows(["2022-03-31", 5], ["2022-06-30", 6])]]);
    expect(streaksAt(quarterly, observations, "2022-06-30")).toEqual([
      ["q", 2, "2022-03-31", "reports"],
    ]);
    expect(streaksAt(quarterly, observations, "2022-08-31")).toEqual([
      ["q", 2, "2022-03-31", "reports"],
    ]);
  });

  it("past a progress target's deadline its months go on counting", () => {
    // 10 by 03-31: achieved on 02-28 (10, green), missed on 03-31 (5 < 10: red), and still red at
    // 04-30 and 05-31 (J ≥ deadline, A < 10). At 05-31: 04-30 is no report date but the month
    // after the deadline, then 03-31 (the deadline), then 02-28 green: N = 3.
    const targets = targetsFrom(
      "targets:\n  - { id: p, title: P, target: 10, start: 2022-01-01, deadline: 2022-03-31 }\n",
    );
    const observations = new Map([
      ["p", rows(["2022-02-28", 10], ["2022-03-31", 5], ["2022-04-30", 5], ["2022-05-31", 6])],
    ]);
    expect(streaksAt(targets, observations, "2022-05-31")).toEqual([
      ["p", 3, "2022-03-31", "months"],
    ]);
  });

  it("the longest streak first, file order within a length; milestones never", () => {
    // a: red since 04-30 (3 at 06-30); b: red at 05-31 and 06-30 (2); c: red since 04-30 (3);
    // the milestone, due 03-31 and not done, is red (overdue) at every month-end from 03-31.
    const targets = targetsFrom(
      [
        "year: 2022",
        "targets:",
        "  - { id: b, title: B, kind: level, max: 3, tolerance: 1 }",
        "  - { id: a, title: A, kind: level, max: 3, tolerance: 1 }",
        "  - { id: c, title: C, kind: level, max: 3, tolerance: 1 }",
        "  - { id: done, title: Done, kind: milestone, deadline: 2022-03-31 }",
        "",
      ].join("\n"),
    );
    const observations = new Map([
      ["a", rows(["2022-04-30", 5], ["2022-05-31", 5], ["2022-06-30", 5])],
      ["b", rows(["2022-04-30", 2], ["2022-05-31", 5], ["2022-06-30", 5])],
      ["c", rows(["2022-04-30", 9], ["2022-05-31", 9], ["2022-06-30", 9])],
      ["done", rows(["2022-01-31", false])],
    ]);
    expect(streaksAt(targets, observations, "2022-06-30")).toEqual([
      ["a", 3, "2022-04-30", "months"],
      ["c", 3, "2022-04-30", "months"],
      ["b", 2, "2022-05-31", "months"],
    ]);
  });
});

/** A late result with just the fields the chase list reads. */
function late(id: string, owner: string[], missingReport: string | null): Result {
  const owed = missingReport === null ? null : day(missingReport);
  return {
    target: { id, title: id.toUpperCase(), owner },
    late: owed !== null,
    missingReport: owed,
    dueBy: owed === null ? null : owed + 10,
  } as Result;
}

describe("the chase list: the reports due and missing, by owner", () => {
  it("groups by owner in the owners' order, each report under each of its owners, unowned last", () => {
    const results = [
      late("a", ["发改局"], "2022-06-30"),
      late("b", ["统计局", "发改局"], "2022-05-31"),
      late("c", [], "2022-06-30"),
      late("d", ["统计局"], null), // on time: not chased
      late("e", ["经信局"], "2022-06-30"), // an owner the order does not name: after it
    ];
    const groups = chaseList(results, ["统计局", "发改局"], day("2022-07-12")).map((group) => [
      group.owner,
      group.items.map((item) => [item.result.target.id, formatDay(item.missingReport)]),
    ]);
    expect(groups).toEqual([
      ["统计局", [["b", "2022-05-31"]]],
      // The oldest report owed first: b's May before a's June.
      [
        "发改局",
        [
          ["b", "2022-05-31"],
          ["a", "2022-06-30"],
        ],
      ],
      ["经信局", [["e", "2022-06-30"]]],
      [null, [["c", "2022-06-30"]]],
    ]);
  });

  it("owes the overdue report and its due day: no row at all, or a row older than its period", () => {
    // T = 07-12: June's report (due 07-10) is overdue. n has no row; o's latest is 05-31, before
    // June's period; p's 06-30 row is June's. Owners appear in file order: X (n, o), then Y (p).
    const targets = targetsFrom(
      [
        "year: 2022",
        "targets:",
        "  - { id: n, title: N, owner: X, target: 100 }",
        "  - { id: o, title: O, owner: X, target: 100 }",
        "  - { id: p, title: P, owner: Y, target: 100 }",
        "",
      ].join("\n"),
    );
    const observations = new Map([
      ["o", rows(["2022-05-31", 40])],
      ["p", rows(["2022-06-30", 50])],
    ]);
    const model = buildReport(targets, observations, { asOf: day("2022-07-12") });
    expect(
      model.chase.map((group) => [
        group.owner,
        group.items.map((item) => [
          item.result.target.id,
          formatDay(item.missingReport),
          formatDay(item.dueBy),
          item.daysOverdue,
        ]),
      ]),
    ).toEqual([
      [
        "X",
        [
          // Due by the end of 07-10; T = 07-12 is 2 days past it.
          ["n", "2022-06-30", "2022-07-10", 2],
          ["o", "2022-06-30", "2022-07-10", 2],
        ],
      ],
    ]);
  });

  it("counts the days overdue from the due day to T: 1 the day after, one more each day", () => {
    // June's report is due by the end of 07-10 (06-30 + 10): not overdue on 07-10, 1 day on
    // 07-11, 31 days on 08-10 (07-11 … 08-10). By 08-10 July's report (due 08-10) is not overdue
    // yet, so June's is still the one owed.
    const results = [late("a", ["发改局"], "2022-06-30")];
    const overdue = (asOf: string) =>
      chaseList(results, [], day(asOf)).flatMap((group) =>
        group.items.map((item) => item.daysOverdue),
      );
    expect(overdue("2022-07-11")).toEqual([1]);
    expect(overdue("2022-08-10")).toEqual([31]);
  });
});

describe("the year at a glance: every target at each month-end of T's year", () => {
  const targets = monthly;

  it("a column per month-end up to T, each the evaluation as of that day (later rows unused)", () => {
    // T = 05-15: month-ends 01-31 … 04-30. No row until 03-31: grey at 01-31 and 02-28 (with
    // no row, late too), green at 03-31 (2), red at 04-30 (5). The 05-31 row is not used at all.
    const glance = yearAtAGlance(
      new Evaluations(targets, monthlyRows).at(day("2022-05-15")).results,
      day("2022-05-15"),
      new Evaluations(targets, monthlyRows),
    );
    expect(glance.year).toBe(2022);
    expect(glance.monthEnds.map(formatDay)).toEqual([
      "2022-01-31",
      "2022-02-28",
      "2022-03-31",
      "2022-04-30",
    ]);
    expect(
      glance.rows.map((row) => [
        row.result.target.id,
        row.months.map(({ monthEnd, result }) => [formatDay(monthEnd), result.status]),
      ]),
    ).toEqual([
      [
        "m",
        [
          ["2022-01-31", "grey"],
          ["2022-02-28", "grey"],
          ["2022-03-31", "green"],
          ["2022-04-30", "red"],
        ],
      ],
    ]);
  });

  it("none before January's end", () => {
    const evaluations = new Evaluations(targets, monthlyRows);
    const glance = yearAtAGlance(
      evaluations.at(day("2022-01-30")).results,
      day("2022-01-30"),
      evaluations,
    );
    expect(glance.monthEnds).toEqual([]);
    expect(glance.rows.map((row) => row.months)).toEqual([[]]);
  });

  it("the report reads the run's Evaluations: its results are their evaluations, one per date", () => {
    const evaluations = new Evaluations(targets, monthlyRows);
    const model = buildReport(targets, monthlyRows, { asOf: day("2022-06-30"), evaluations });
    // T = 06-30 is itself a month-end: the grid's June column is T's evaluation, the very object.
    expect(model.results).toBe(evaluations.at(day("2022-06-30")).results);
    expect(model.year.rows[0]?.months.at(-1)?.result).toBe(model.results[0]);
    expect(model.year.rows[0]?.months[3]?.result).toBe(
      evaluations.at(day("2022-04-30")).results[0],
    );
    expect(model.followUp.map((streak) => [streak.result.target.id, streak.length])).toEqual([
      ["m", 3],
    ]);
  });
});
