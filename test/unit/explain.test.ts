import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateTarget } from "../../src/core/evaluate.js";
import { explainTarget, forecastResult, RULE_ORDER } from "../../src/core/explain-model.js";
import type { Target } from "../../src/core/model.js";
import { Series } from "../../src/core/series.js";
import { labelsFor } from "../../src/i18n/language.js";
import { renderExplanation } from "../../src/render/explain-text.js";
import { renderChart } from "../../src/render/terminal-chart.js";
import { displayWidth } from "../../src/render/terminal-table.js";
import { day, rows, targetFrom } from "../helpers.js";

const projects = targetFrom(
  "year: 2022\ntargets: [{ id: invest, title: 固投亿元以上项目, unit: 个, target: 130 }]",
);
const holdouts = targetFrom(
  "targets: [{ id: holdouts, title: 拔钉清零, unit: 户, baseline: 98, target: 0, start: 2022-01-01, deadline: 2022-03-31 }]",
);
const rank = targetFrom(
  "targets: [{ id: rank, kind: level, title: 全市排名, max: 2, stretch: 1, tolerance: 1 }]",
);
const hall = targetFrom(
  "targets: [{ id: hall, kind: milestone, title: 验收, deadline: 2022-03-31 }]",
);
const en = labelsFor("en");

describe("explain: the rule that decided, with the numbers it compared", () => {
  it("a yellow progress target: rules 1–5 tried, 5 decided, lag 3 against a tolerance of 13", () => {
    const explanation = explainTarget(
      projects,
      rows(["2022-01-31", 10], ["2022-02-28", 20], ["2022-03-31", 36]),
      { asOf: day("2022-03-31") },
    );
    expect(explanation.result).toMatchObject({ status: "yellow", reason: "behind" });
    expect(explanation.rule.tried).toEqual(["no-data", "achieved", "missed", "on-track", "behind"]);
    expect(explanation.rule.numbers).toMatchObject({
      kind: "progress",
      actual: 36,
      expected: 39,
      lag: 3,
      tolerance: 13,
      tolerancePercent: 10,
      span: 130,
    });
    const text = renderExplanation(explanation, { labels: en });
    expect(text).toContain("Status as of 2022-03-31: ▲ yellow, behind");
    expect(text).toContain(
      "4. at or ahead of the expected value → green — no: 36 个 is 3 个 behind the expected 39 个",
    );
    expect(text).toContain(
      "5. behind by at most the tolerance → yellow — yes: 3 个 behind ≤ the tolerance 13 个 (10% of the span 130 个)",
    );
  });

  it("lists every row up to the as-of date with its place and the expected value then", () => {
    const explanation = explainTarget(
      projects,
      rows(["2022-01-31", 10], ["2022-02-28", 20], ["2022-03-31", 36]),
      { asOf: day("2022-02-28") },
    );
    expect(explanation.rows.map((row) => [row.observation.line, row.expected])).toEqual([
      [2, (39 * 31) / 90],
      [3, (39 * 59) / 90],
    ]);
    expect(explanation.laterRows).toBe(1);
    const text = renderExplanation(explanation, { labels: en });
    expect(text).toMatch(/2022-01-31 +10 个 +13\.43 个 +▲ yellow, behind +data\.csv:2/);
    expect(text).toContain("1 later row (after 2022-02-28) not counted");
  });

  it("a decreasing target past its deadline: missed, the deadline rule with its dates", () => {
    const explanation = explainTarget(holdouts, rows(["2022-04-30", 1]), {
      asOf: day("2022-04-30"),
    });
    expect(explanation.rule.tried).toEqual(["no-data", "achieved", "missed"]);
    const text = renderExplanation(explanation, { labels: en });
    expect(text).toContain(
      "2. the actual reaches the target → green — no: 1 户 has not reached 0 户",
    );
    expect(text).toContain(
      "3. the deadline has come → red — yes: 2022-04-30 is on or after the deadline 2022-03-31",
    );
  });

  it("a level target outside by more than its tolerance: the bound, the distance, the tolerance", () => {
    const explanation = explainTarget(rank, rows(["2022-03-31", 4]), { asOf: day("2022-03-31") });
    expect(explanation.rule.numbers).toMatchObject({ violated: 2, distance: 2, tolerance: 1 });
    const text = renderExplanation(explanation, { labels: en });
    expect(text).toContain("4. otherwise → red — yes: 4 is 2 past the bound 2, > the tolerance 1");
  });

  it("a milestone due soon: the days left against warn_days", () => {
    const explanation = explainTarget(hall, rows(["2022-03-10", false]), {
      asOf: day("2022-03-10"),
    });
    expect(explanation.result.reason).toBe("due-soon");
    const text = renderExplanation(explanation, { labels: en });
    expect(text).toContain("— yes: 21 days to the deadline ≤ warn_days 30");
    expect(text).toContain("Chart: none, a milestone is done or not done");
  });

  it("no data: rule 1 decides", () => {
    const explanation = explainTarget(projects, rows(), { asOf: day("2022-03-31") });
    expect(explanation.rule.tried).toEqual(["no-data"]);
    expect(renderExplanation(explanation, { labels: en })).toContain(
      "1. no actual → grey — yes: no row at or before 2022-03-31",
    );
  });

  it("always names the evaluator's own reason as the deciding rule, for any data", () => {
    const targets: Target[] = [projects, holdouts, rank, hall];
    fc.assert(
      fc.property(
        fc.constantFrom(...targets),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: -10, max: 150 })), {
          maxLength: 6,
        }),
        fc.integer({ min: 0, max: 400 }),
        (target, pairs, asOfOffset) => {
          const start = day("2022-01-01");
          const unique = new Map(pairs.map(([offset, value]) => [offset, value]));
          const observations = [...unique].map(([offset, value], index) => ({
            day: start + offset,
            value: target.kind === "milestone" ? value > 100 : value,
            file: "data.csv",
            line: index + 2,
          }));
          const asOf = start + asOfOffset;
          const series = Series.of(observations);
          const explanation = explainTarget(target, series, { asOf, forecast: true });
          const result = evaluateTarget(target, series, asOf);
          expect(explanation.result).toEqual(result);
          expect(explanation.rule.decided).toBe(result.reason);
          expect(explanation.rule.tried.at(-1)).toBe(result.reason);
          expect(RULE_ORDER[target.kind]).toContain(result.reason);
          // Rendering never throws and has no colour.
          expect(renderExplanation(explanation, { labels: en })).not.toContain("\u001b[");
        },
      ),
    );
  });
});

describe("forecast: a run-rate projection, never a status", () => {
  it("carries the average rate since t0 to the next milestone and the deadline", () => {
    // 36 by 2022-03-31: 90 days since t0 (2021-12-31), 0.4 a day.
    const result = evaluateTarget(projects, rows(["2022-03-31", 36]), day("2022-03-31"));
    const outcome = forecastResult(result, day("2022-03-31"));
    expect(outcome.kind).toBe("forecast");
    if (outcome.kind !== "forecast") return;
    expect(outcome.forecast.ratePerDay).toBeCloseTo(0.4, 12);
    expect(outcome.forecast.points).toEqual([
      { by: day("2022-06-30"), expected: 78, projected: 36 + 0.4 * 91, isDeadline: false },
      { by: day("2022-12-31"), expected: 130, projected: 36 + 0.4 * 275, isDeadline: true },
    ]);
    // 94 more at 0.4 a day: 235 days after 2022-03-31.
    expect(outcome.forecast.reachesTargetOn).toBe(day("2022-03-31") + 235);
  });

  it("leaves the status as it was", () => {
    const observations = rows(["2022-03-31", 36]);
    const without = explainTarget(projects, observations, { asOf: day("2022-03-31") });
    const withForecast = explainTarget(projects, observations, {
      asOf: day("2022-03-31"),
      forecast: true,
    });
    expect(withForecast.result).toEqual(without.result);
    expect(renderExplanation(withForecast, { labels: en })).toContain(
      "Projection at the run rate (a projection, not a status)",
    );
  });

  it("gives none where there is nothing to project", () => {
    const at = (target: Target, value: number | boolean, date: string) =>
      forecastResult(evaluateTarget(target, rows([date, value]), day(date)), day(date));
    expect(at(rank, 1, "2022-03-31")).toEqual({ kind: "none", why: "not-progress" });
    expect(at(projects, 130, "2022-03-31")).toEqual({ kind: "none", why: "achieved" });
    expect(at(holdouts, 5, "2022-04-30")).toEqual({ kind: "none", why: "past-deadline" });
    expect(
      forecastResult(evaluateTarget(projects, rows(), day("2022-03-31")), day("2022-03-31")),
    ).toEqual({ kind: "none", why: "no-data" });
  });

  it("never reaches a target it moves away from", () => {
    const result = evaluateTarget(projects, rows(["2022-03-31", -5]), day("2022-03-31"));
    const outcome = forecastResult(result, day("2022-03-31"));
    expect(outcome.kind === "forecast" && outcome.forecast.reachesTargetOn).toBeNull();
  });
});

describe("explain's columns line up in a terminal", () => {
  it("counts an emoji two columns and a combining accent none, as the tables do", () => {
    for (const unit of ["👷", "e\u0301", "个"]) {
      const target = targetFrom(
        `year: 2022\ntargets: [{ id: t, title: T, unit: "${unit}", target: 130 }]`,
      );
      const text = renderExplanation(explainTarget(target, rows(), { asOf: day("2022-03-31") }), {
        labels: en,
      });
      // The schedule's share column starts at the same terminal column on every line, head too.
      const starts = text
        .split("\n")
        .filter((line) => /^ {2}(Date|\d{4}-\d{2}-\d{2}) /.test(line))
        .map((line) => displayWidth(line.slice(0, line.search(/Share|\d+%/))));
      expect(starts).toHaveLength(6);
      expect(new Set(starts).size).toBe(1);
    }
  });
});

describe("the terminal chart reads without colour", () => {
  const chart = renderChart({
    from: day("2021-12-31"),
    to: day("2022-12-31"),
    series: [
      { symbol: "·", valueAt: (d) => expectedLine(d) },
      { symbol: "●", points: [{ day: day("2022-03-31"), value: 36 }] },
    ],
    formatValue: String,
    marks: [day("2022-06-30")],
    width: 40,
    height: 9,
  });
  function expectedLine(d: number): number {
    return (130 * (d - day("2021-12-31"))) / 365;
  }

  it("draws the expected line with · and the actual with ●, with value and date axes", () => {
    const lines = chart.trimEnd().split("\n");
    expect(lines).toHaveLength(9 + 2);
    expect(lines[0]).toMatch(/^130 ┤/);
    expect(lines[4]).toMatch(/^ 65 ┤/);
    expect(lines[8]).toMatch(/^ {2}0 ┤·/);
    expect(chart).toContain("●");
    expect(lines[9]).toMatch(/^ {4}└─+┬─+$/);
    expect(lines[10]).toContain("2021-12-31");
    expect(lines[10]).toContain("2022-06-30");
    expect(lines[10]).toMatch(/2022-12-31$/);
    expect(chart).not.toContain("\u001b[");
  });

  it("puts a higher value on a higher row", () => {
    const rowOf = (symbol: string) =>
      chart.split("\n").findIndex((line) => line.slice(5).includes(symbol));
    // The actual, 36, is above the expected line's start at 0.
    expect(rowOf("●")).toBeLessThan(8);
  });
});
