/**
 * Pins the statuses of the bundled example (the speech's targets and the sample data), so that a
 * change in the rules that moves any of them is noticed.
 */
import { describe, expect, it } from "vitest";
import { runKpi } from "../run-kpi.js";

interface JsonResult {
  id: string;
  status: string;
  reason: string;
  stale: boolean;
  expected: number | null;
  star: boolean | null;
}

function check(...args: string[]) {
  const run = runKpi(["check", "-f", "json", ...args]);
  expect(run.stderr).toBe("");
  const json = JSON.parse(run.stdout) as { asOf: string; summary: object; results: JsonResult[] };
  const byId = Object.fromEntries(json.results.map((result) => [result.id, result]));
  return {
    ...json,
    code: run.code,
    byId,
    statuses: json.results.map(
      (result) =>
        `${result.id}: ${result.status} ${result.reason}${result.stale ? " stale" : ""}${result.star ? " ★" : ""}`,
    ),
  };
}

describe("the bundled example", () => {
  it("as of the latest month (the default run) shows every status", () => {
    const { asOf, summary, statuses, code } = check();
    expect(asOf).toBe("2022-06-30");
    expect(code).toBe(1);
    expect(summary).toEqual({ total: 20, green: 11, yellow: 4, red: 4, grey: 1 });
    expect(statuses).toEqual([
      "invest.projects-100m: green on-track",
      "invest.start-rate: yellow behind",
      "invest.new-above-scale-share: green on-track",
      "invest.government-share: green within",
      "land.demolition-holdouts: red missed",
      "land.stock-supply: yellow behind stale",
      "land.old-parks: red off-track",
      "platform.edz-top30: red outside",
      "platform.above-scale-projects: green on-track",
      "platform.rd-intensity: grey no-data",
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
      "platform.edz-top30: grey no-data",
      "platform.above-scale-projects: red off-track",
      "platform.rd-intensity: grey no-data",
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
    ["2022-03-31", 30],
    ["2022-06-30", 60],
    ["2022-09-30", 85],
  ])(
    "gives the new-project start rate (开工率) an expected value of 30/60/85: %s → %d",
    (asOf, expected) => {
      expect(check("--as-of", asOf).byId["invest.start-rate"]?.expected).toBe(expected);
    },
  );
});
