import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateTarget } from "../../src/core/evaluate.js";
import { explainTarget, forecastResult } from "../../src/core/explain-model.js";
import type { Check, Target } from "../../src/core/model.js";
import { Series } from "../../src/core/series.js";
import { labelsFor } from "../../src/i18n/language.js";
import { renderExplanation } from "../../src/render/explain-text.js";
import { renderChart } from "../../src/render/terminal-chart.js";
import { displayWidth } from "../../src/render/terminal-table.js";
import { FUZZ_TIMEOUT, fuzz } from "../fuzz-support.js";
import { day, rows, targetFrom } from "../helpers.js";
import {
  arbitraryRuleCase as arbitraryCase,
  type OracleCheck,
  SPEC_STATUS,
  specReason,
  specTrace,
} from "../rules-oracle.js";

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
    expect(explanation.result.trace.map((check) => check.rule)).toEqual([
      "no-data",
      "achieved",
      "missed",
      "on-track",
      "behind",
    ]);
    expect(explanation.result.trace.at(-1)).toMatchObject({
      rule: "behind",
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
    expect(explanation.result.trace.map((check) => check.rule)).toEqual([
      "no-data",
      "achieved",
      "missed",
    ]);
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
    expect(explanation.result.trace.at(-1)).toMatchObject({
      rule: "outside",
      violated: { bound: 2, distance: 2, tolerance: 1 },
    });
    const text = renderExplanation(explanation, { labels: en });
    expect(text).toContain("5. otherwise → red — yes: 4 is 2 past the bound 2, > the tolerance 1");
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

  it("never answers a rule against its own words: within ε is on schedule, past it is behind", () => {
    // Span 2.5e9: ε = 2.5, so 1 behind E(03-31) = 750000000 counts as on schedule.
    const big = targetFrom("year: 2022\ntargets: [{ id: big, title: Big, target: 2500000000 }]");
    const onTime = explainTarget(big, rows(["2022-03-31", 749999999]), {
      asOf: day("2022-03-31"),
    });
    expect(renderExplanation(onTime, { labels: en })).toContain(
      "4. at or ahead of the expected value → green — yes: 749999999 is the expected 750000000",
    );
    // 39 − 38.999 = 0.001 > ε = 1.3e-7: behind, though it shows as 0 at two decimals.
    const late = explainTarget(projects, rows(["2022-03-31", 38.999]), { asOf: day("2022-03-31") });
    expect(late.result.reason).toBe("behind");
    expect(renderExplanation(late, { labels: en })).toContain(
      "4. at or ahead of the expected value → green — no: 39 个 is 0 个 behind the expected 39 个",
    );
  });

  it("no data: rule 1 decides", () => {
    const explanation = explainTarget(projects, rows(), { asOf: day("2022-03-31") });
    expect(explanation.result.trace.map((check) => check.rule)).toEqual(["no-data"]);
    expect(renderExplanation(explanation, { labels: en })).toContain(
      "1. no actual → grey — yes: no row at or before 2022-03-31",
    );
  });

  it(
    "checks the rules in the SPEC's order: every earlier one really did not hold, the deciding one did, with the SPEC's numbers",
    async () => {
      await fuzz(
        "explain: the trace against the SPEC's rules",
        fc.property(arbitraryCase, ({ target, observations, asOf }) => {
          const series = Series.of(observations);
          const result = evaluateTarget(target, series, asOf);
          const spec = specTrace(target, observations, asOf);
          // The same rules in the same order, each holding or not as the SPEC says: the ones
          // before the last did not hold, the last did.
          expect(result.trace.map((check) => [check.rule, check.held])).toEqual(
            spec.map((check) => [check.rule, check.held]),
          );
          const reason = specReason(spec);
          expect([result.status, result.reason]).toEqual([SPEC_STATUS[reason], reason]);
          // Each check compared the numbers the SPEC compares.
          const wrongNumbers = result.trace.flatMap((check, index) =>
            numbersDiffer(checkNumbers(check), (spec[index] as OracleCheck).numbers).map(
              (key) => `${check.rule}.${key}`,
            ),
          );
          expect(wrongNumbers).toEqual([]);
          // explain states exactly that trace: one numbered line per check, its yes or no.
          const explanation = explainTarget(target, series, { asOf, forecast: true });
          expect(explanation.result).toEqual(result);
          const text = renderExplanation(explanation, { labels: en });
          const answers = [...text.matchAll(/^ {2}\d+\. .*? — (yes|no)\b/gm)].map((m) => m[1]);
          expect(answers).toEqual(result.trace.map((check) => (check.held ? "yes" : "no")));
          expect(text).not.toContain("\u001b[");
        }),
        1000,
      );
    },
    FUZZ_TIMEOUT,
  );
});

/** A trace check's numbers, flat and named as the oracle names them; done / not done as 1 / 0. */
function checkNumbers(check: Check): Record<string, number | string | null> {
  const { rule: _rule, held: _held, ...rest } = check;
  const flat: Record<string, unknown> =
    "violated" in rest ? { ...rest, ...rest.violated, violated: undefined } : rest;
  delete flat.violated;
  return Object.fromEntries(
    Object.entries(flat).map(([key, value]) => [
      key,
      typeof value === "boolean" ? Number(value) : (value as number | string | null),
    ]),
  );
}

/** The keys whose values differ: numbers beyond 1e-9 of their size (sums and E may round apart). */
function numbersDiffer(
  actual: Record<string, number | string | null>,
  expected: Record<string, number | string | null>,
): string[] {
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  return [...keys].filter((key) => {
    const a = actual[key];
    const b = expected[key];
    if (typeof a === "number" && typeof b === "number")
      return !(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
    return a !== b;
  });
}

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

describe("explain: the project's due days", () => {
  it("judges with them, as check does: an April row is late on 06-15 with 10 days, on time with 20", () => {
    const april = rows(["2022-04-30", 45]);
    // The May report (05-31) is due by 06-10 with 10 days, by 06-20 with 20.
    expect(explainTarget(projects, april, { asOf: day("2022-06-15") }).result.late).toBe(true);
    const explained = explainTarget(projects, april, { asOf: day("2022-06-15"), dueDays: 20 });
    expect(explained.result.late).toBe(false);
    // E(04-30) = 39 + 39 × 30/91 = 51.86; 45 is 6.86 behind ≤ 13: yellow, on its own date.
    expect(explained.rows[0]?.statusThen).toEqual({ status: "yellow", reason: "behind" });
  });
});
