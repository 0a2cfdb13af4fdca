/**
 * Pins the statuses of the bundled example (the speech's targets and the sample data), so that a
 * change in the rules that moves any of them is noticed.
 */
import { describe, expect, it } from "vitest";
import { runExample } from "../run-kpi.js";

interface JsonResult {
  id: string;
  status: string;
  reason: string;
  late: boolean;
  missingReport: string | null;
  judgedAt: string;
  expected: number | null;
  star: boolean | null;
}

function check(...args: string[]) {
  const run = runExample(["check", "-f", "json", ...args]);
  expect(run.stderr).toBe("");
  const json = JSON.parse(run.stdout) as { asOf: string; summary: object; results: JsonResult[] };
  const byId = Object.fromEntries(json.results.map((result) => [result.id, result]));
  return {
    ...json,
    code: run.code,
    byId,
    statuses: json.results.map(
      (result) =>
        `${result.id}: ${result.status} ${result.reason}${result.late ? ` late ${result.missingReport}` : ""}${result.star ? " ★" : ""}`,
    ),
  };
}

describe("the bundled example", () => {
  it("as of the latest month (the default run) shows every status", () => {
    const { asOf, summary, statuses, code } = check();
    expect(asOf).toBe("2022-06-30");
    expect(code).toBe(1);
    expect(summary).toEqual({ total: 20, green: 12, yellow: 3, red: 4, grey: 1 });
    expect(statuses).toEqual([
      "invest.projects-100m: green on-track",
      "invest.start-rate: yellow behind",
      "invest.new-above-scale-share: green on-track",
      "invest.government-share: green within",
      "land.demolition-holdouts: red missed",
      // T = 06-30: the May report (05-31) was due by 06-10 and came (660 亩); June's is not
      // due until 07-10. r* = 05-31, r⁻ = 04-30, d = 05-31 > r⁻: on time, J = 05-31.
      // E(05-31) = 360 + 360 × 61/91 = 601.32 ≤ 660: on track (v1 judged it at E(06-30) = 720).
      "land.stock-supply: green on-track",
      "land.old-parks: red off-track",
      "platform.edz-top30: red outside",
      "platform.above-scale-projects: green on-track",
      // No row at all, and the May report was due by 06-10: missing.
      "platform.rd-intensity: grey no-data late 2022-05-31",
      "business.tax-relief: green achieved",
      "rural.livelihood-projects: green pending",
      "safety.major-accidents: green within",
      "safety.general-accidents: green within",
      "safety.general-accident-deaths: yellow near",
      "ecology.inspection-cases: green pending",
      "opening.city-rank: green within ★",
      "opening.gdp-rank: yellow near",
      "taskforce.basketball-acceptance: green done",
      "taskforce.invest-race: red overdue",
    ]);
  });

  it("as of the end of Q1", () => {
    const { summary, statuses } = check("--as-of", "2022-03-31");
    expect(summary).toEqual({ total: 20, green: 10, yellow: 6, red: 2, grey: 2 });
    expect(statuses).toEqual([
      "invest.projects-100m: yellow behind",
      "invest.start-rate: green on-track",
      "invest.new-above-scale-share: yellow behind",
      "invest.government-share: yellow near",
      "land.demolition-holdouts: red missed",
      "land.stock-supply: green on-track",
      "land.old-parks: yellow behind",
      // No row, and the February report was due by 03-10.
      "platform.edz-top30: grey no-data late 2022-02-28",
      "platform.above-scale-projects: red off-track",
      "platform.rd-intensity: grey no-data late 2022-02-28",
      "business.tax-relief: yellow behind",
      "rural.livelihood-projects: green pending",
      "safety.major-accidents: green within",
      "safety.general-accidents: green within",
      "safety.general-accident-deaths: green within",
      "ecology.inspection-cases: green pending",
      "opening.city-rank: green within",
      "opening.gdp-rank: green within",
      "taskforce.basketball-acceptance: green done",
      "taskforce.invest-race: yellow due-soon",
    ]);
  });

  it.each([
    // Quarterly: report dates 03-31, 06-30, 09-30. On 03-31 and 06-30 the rows of those days
    // are judged at their dates (J = d), E = 30 and 60.
    ["2022-03-31", 30, "2022-03-31", false],
    ["2022-06-30", 60, "2022-06-30", false],
    // 10-11: the Q3 report was due by 10-10 and the latest row is June's (d = 06-30 ≤ r⁻ =
    // 06-30): late, judged at r* = 09-30, E(09-30) = 85.
    ["2022-10-11", 85, "2022-09-30", true],
  ])(
    "gives the new-project start rate (开工率) an expected value of 30/60/85: %s → %d",
    (asOf, expected, judgedAt, late) => {
      const result = check("--as-of", asOf).byId["invest.start-rate"];
      expect(result).toMatchObject({ expected, judgedAt, late });
    },
  );

  it("on 2022-07-05, the first days of July, shows no late target whose June row exists (SPEC 4.1)", () => {
    const { results, byId } = check("--as-of", "2022-07-05");
    // June's reports are due by 07-10: only a target with no row since April is late.
    expect(results.filter((result) => result.late).map((result) => result.id)).toEqual([
      "platform.rd-intensity",
    ]);
    // Every June row is judged at 06-30, not against E(07-05).
    const june = results.filter((result) => result.judgedAt === "2022-06-30");
    expect(june.length).toBeGreaterThan(10);
    // The quarterly 新升规 share (52% on 06-30 against E(06-30) = 50) is on track, not late.
    expect(byId["invest.new-above-scale-share"]).toMatchObject({
      status: "green",
      reason: "on-track",
      late: false,
    });
  });

  it("on 2022-05-31, the quarterly 新升规 share is judged at its Q1 report, not red between reports", () => {
    // Report dates 03-31, 06-30, 09-30, 12-31. On 05-31 only Q1's is overdue (due 04-10):
    // r* = 03-31, r⁻ = t0, d = 03-31 > t0: on time, J = 03-31. h50-q85 gives E(03-31) =
    // 50 × 90/181 = 24.86; A = 18, L = 6.86 ≤ 10% of 100: yellow behind. (v1 judged it against
    // E(05-31) = 50 × 151/181 = 41.71: red, stale.)
    expect(check("--as-of", "2022-05-31").byId["invest.new-above-scale-share"]).toMatchObject({
      status: "yellow",
      reason: "behind",
      judgedAt: "2022-03-31",
      late: false,
    });
  });
});
