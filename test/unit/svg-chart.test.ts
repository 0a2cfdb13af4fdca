/**
 * The SVG chart of a progress target (src/render/svg-chart.ts): its scales, the schedule's points,
 * a decreasing target, a target with no data and a value far above the target, checked on the
 * layout's numbers and on the SVG parsed back as XML.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { ProgressTarget } from "../../src/core/model.js";
import { schedulePoints } from "../../src/core/schedule.js";
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  layoutProgressChart,
  type ProgressChartInput,
  renderProgressChart,
} from "../../src/render/svg-chart.js";
import { day, targetFrom } from "../helpers.js";

const WORDS = {
  title: "Chart of <b>A & B</b>",
  milestone: "Schedule point",
  asOf: "as of",
  target: "Target",
  noData: "no data yet",
  offScale: (value: string) => `${value} (beyond the scale)`,
};

function progressTarget(yaml: string): ProgressTarget {
  const target = targetFrom(`year: 2022\ntargets:\n  - ${yaml}\n`);
  if (target.kind !== "progress") throw new Error("not a progress target");
  return target;
}

function input(
  target: ProgressTarget,
  asOf: string,
  actuals: [string, number][],
): ProgressChartInput {
  return {
    schedule: schedulePoints(target),
    interpolation: target.interpolation,
    actuals: actuals.map(([date, value]) => ({ day: day(date), value })),
    asOf: day(asOf),
    formatValue: (value) => `${value} 个`,
    words: WORDS,
  };
}

/** The SVG parsed back: it must be well-formed XML, so it also works as a file of its own. */
function parseSvg(svg: string) {
  expect(XMLValidator.validate(svg)).toBe(true);
  return new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ["rect", "circle", "path", "text", "line"].includes(name),
  }).parse(svg).svg;
}

// SPEC 2.1's worked example: 130 by 2022-12-31, default schedule 39 / 78 / 110.5.
const PROJECTS = progressTarget("{ id: p, title: P, target: 130 }");
const PLOT = { left: 52, right: CHART_WIDTH - 10, top: 22, bottom: CHART_HEIGHT - 20 };
const DAYS_2022 = 365;

describe("scales", () => {
  const layout = layoutProgressChart(
    input(PROJECTS, "2022-06-30", [
      ["2022-01-31", 10],
      ["2022-02-28", 20],
      ["2022-03-31", 36],
    ]),
  );

  it("days run from t0 (the end of the day before start) to the deadline", () => {
    expect(layout.days).toEqual({ from: day("2021-12-31"), to: day("2022-12-31") });
    expect(layout.expected[0]).toEqual({ x: PLOT.left, y: PLOT.bottom });
    expect(layout.expected.at(-1)).toEqual({ x: PLOT.right, y: PLOT.top });
  });

  it("values run from the baseline to the target when every actual lies between", () => {
    expect(layout.values).toEqual({ low: 0, high: 130 });
    expect(layout.baselineY).toBe(PLOT.bottom);
    expect(layout.targetY).toBe(PLOT.top);
  });

  it("places a day and a value linearly: 2022-06-30 is 181 of 365 days, 36 is 36/130 of the height", () => {
    const width = PLOT.right - PLOT.left;
    const height = PLOT.bottom - PLOT.top;
    expect(layout.asOfX).toBeCloseTo(PLOT.left + (181 / DAYS_2022) * width, 1);
    const march = layout.actuals[2];
    expect(march?.x).toBeCloseTo(PLOT.left + (90 / DAYS_2022) * width, 1);
    expect(march?.y).toBeCloseTo(PLOT.bottom - (36 / 130) * height, 1);
    expect(march?.clipped).toBe(0);
  });

  it("ticks every month-end on the date axis: 12 in 2022, the last at the deadline", () => {
    expect(layout.monthTicks).toHaveLength(12);
    expect(layout.monthTicks.at(-1)).toBe(PLOT.right);
    expect(layout.monthTicks[0]).toBeCloseTo(
      PLOT.left + (31 / DAYS_2022) * (PLOT.right - PLOT.left),
      1,
    );
  });

  it("stretches the date axis to the as-of date once the deadline is past", () => {
    const late = layoutProgressChart(input(PROJECTS, "2023-03-31", [["2023-03-31", 125]]));
    expect(late.days.to).toBe(day("2023-03-31"));
    // After the deadline E is the target: the line goes on flat to the as-of date.
    expect(late.expected.at(-1)).toEqual({ x: PLOT.right, y: late.targetY });
    expect(late.asOfX).toBe(PLOT.right);
  });
});

describe("milestones", () => {
  it("marks every schedule point between t0 and the deadline, and the deadline", () => {
    const layout = layoutProgressChart(input(PROJECTS, "2022-06-30", []));
    expect(layout.milestones.map((point) => [point.day, point.value])).toEqual([
      [day("2022-03-31"), 39],
      [day("2022-06-30"), 78],
      [day("2022-09-30"), 110.5],
    ]);
    expect(layout.deadline.value).toBe(130);
    // The expected line runs through them: t0, three milestones, the deadline.
    expect(layout.expected).toEqual([
      { x: PLOT.left, y: PLOT.bottom },
      ...layout.milestones.map(({ x, y }) => ({ x, y })),
      { x: layout.deadline.x, y: layout.deadline.y },
    ]);
    const svg = parseSvg(renderProgressChart(input(PROJECTS, "2022-06-30", [])));
    const marks = svg.rect.filter(
      (rect: Record<string, string>) => rect["@_class"] === "milestone",
    );
    expect(marks.map((rect: { title: string }) => rect.title)).toEqual([
      "Schedule point 2022-03-31: 39 个",
      "Schedule point 2022-06-30: 78 个",
      "Schedule point 2022-09-30: 110.5 个",
      "Schedule point 2022-12-31: 130 个",
    ]);
  });

  it("draws a step schedule as steps: the value holds until the next point's day", () => {
    const step = progressTarget("{ id: s, title: S, target: 100, interpolation: step }");
    const layout = layoutProgressChart(input(step, "2022-06-30", []));
    const [t0, q1Flat, q1] = layout.expected;
    expect(q1Flat).toEqual({ x: layout.milestones[0]?.x, y: t0?.y });
    expect(q1).toEqual({ x: layout.milestones[0]?.x, y: layout.milestones[0]?.y });
    // Each point but t0 adds a corner.
    expect(layout.expected).toHaveLength(2 * schedulePoints(step).length - 1);
  });
});

describe("a decreasing target", () => {
  // 拔钉清零: 98 households left → 0 by 2022-03-31, linear.
  const holdouts = progressTarget(
    "{ id: h, title: H, baseline: 98, target: 0, start: 2022-01-01, deadline: 2022-03-31, schedule: linear }",
  );
  const layout = layoutProgressChart(
    input(holdouts, "2022-06-30", [
      ["2022-01-31", 70],
      ["2022-02-28", 30],
      ["2022-03-31", 1],
      ["2022-06-30", 1],
    ]),
  );

  it("keeps the value axis upright: the baseline at the top, the target at the bottom", () => {
    expect(layout.values).toEqual({ low: 0, high: 98 });
    expect(layout.baselineY).toBe(PLOT.top);
    expect(layout.targetY).toBe(PLOT.bottom);
  });

  it("draws the line down to the deadline, then flat at the target to the as-of date", () => {
    expect(layout.expected.map((point) => point.y)).toEqual([PLOT.top, PLOT.bottom, PLOT.bottom]);
    expect(layout.deadline.x).toBeLessThan(layout.asOfX);
    expect(layout.asOfX).toBe(PLOT.right);
    // Every actual is above the target line (lower is better, so above is behind).
    for (const point of layout.actuals) expect(point.y).toBeLessThan(layout.targetY);
  });
});

describe("a target with no data", () => {
  it("draws the schedule and the as-of date, no point, and says there is no data", () => {
    const svg = renderProgressChart(input(PROJECTS, "2022-06-30", []));
    const parsed = parseSvg(svg);
    expect(parsed.circle).toBeUndefined();
    expect(parsed.polyline["@_class"]).toBe("expected");
    expect(parsed.line.map((line: Record<string, string>) => line["@_class"])).toEqual([
      "target",
      "as-of",
    ]);
    expect(parsed.text.map((text: { "#text": string }) => text["#text"])).toContain("no data yet");
  });
});

describe("a value far above the target", () => {
  it("stretches the scale up to one span past the target to show a value exactly", () => {
    const layout = layoutProgressChart(input(PROJECTS, "2022-06-30", [["2022-06-30", 200]]));
    expect(layout.values.high).toBe(200);
    expect(layout.actuals[0]).toMatchObject({ y: PLOT.top, clipped: 0, value: 200 });
    expect(layout.targetY).toBeGreaterThan(PLOT.top);
  });

  it("draws a value beyond that at the edge, as a triangle whose tooltip gives the value", () => {
    const chart = input(PROJECTS, "2022-06-30", [
      ["2022-05-31", 70],
      ["2022-06-30", 13000], // a slip of the unit: 130 × 100
    ]);
    const layout = layoutProgressChart(chart);
    expect(layout.values).toEqual({ low: 0, high: 260 });
    expect(layout.actuals.map((point) => point.clipped)).toEqual([0, 1]);
    expect(layout.actuals[1]?.y).toBe(PLOT.top);
    // The schedule keeps half the height instead of being flattened to the bottom.
    expect(layout.targetY).toBeCloseTo((PLOT.top + PLOT.bottom) / 2, 0);
    const svg = parseSvg(renderProgressChart(chart));
    expect(svg.circle).toHaveLength(1);
    const clipped = svg.path.find((path: Record<string, string>) =>
      path["@_class"]?.includes("clipped"),
    );
    expect(clipped.title).toBe("2022-06-30: 13000 个 (beyond the scale)");
  });

  it("does the same below: a value far under a decreasing target's range", () => {
    const down = progressTarget("{ id: d, title: D, baseline: 100, target: 50 }");
    const layout = layoutProgressChart(input(down, "2022-06-30", [["2022-06-30", -5000]]));
    expect(layout.values.low).toBe(0);
    expect(layout.actuals[0]).toMatchObject({ y: PLOT.bottom, clipped: -1 });
  });
});

describe("the SVG text", () => {
  it("escapes every text, scales to its container and has an accessible title", () => {
    const svg = renderProgressChart(input(PROJECTS, "2022-06-30", [["2022-03-31", 36]]));
    expect(svg).toContain("<title>Chart of &lt;b&gt;A &amp; B&lt;/b&gt;</title>");
    expect(svg).not.toContain("<b>");
    expect(svg).toMatch(
      /^<svg class="chart" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 320 140" role="img">/,
    );
    // No style attribute: the page's CSP allows none.
    expect(svg).not.toMatch(/\sstyle=/);
    // The value axis: the baseline, the target, then the schedule's values (30%, 60% and 85% of
    // 130: 39, 78, 110.5); the date axis: the year, then every quarter-end.
    expect(parseSvg(svg).text.map((text: { "#text": string }) => String(text["#text"]))).toEqual([
      "0 个",
      "130 个",
      "39 个",
      "78 个",
      "110.5 个",
      "2022",
      "03-31",
      "06-30",
      "09-30",
      "12-31",
      "as of 2022-06-30",
    ]);
  });
});

describe("a growth target's chart: G against the bound after slack (SPEC 2.4)", () => {
  // b = 7 − 0.5 = 6.5 for "增长7%左右" (about 0.5): a flat line from t0 to the deadline.
  const growth: ProgressChartInput = {
    schedule: [
      { by: day("2022-12-31"), value: 6.5 },
      { by: day("2023-12-31"), value: 6.5 },
    ],
    interpolation: "linear",
    actuals: [
      { day: day("2023-03-31"), value: 6.8 },
      { day: day("2023-06-30"), value: 7.2 },
    ],
    asOf: day("2023-07-25"),
    formatValue: (value) => `${value}%`,
    words: { ...WORDS, title: "G 与边界" },
    bound: "边界 ≥ 6.5%",
    formatPoint: (_day, value) => `累计增长 ${value}%`,
  };
  const svg = parseSvg(renderProgressChart(growth));

  it("draws the bound once, with its words, and no expected line or schedule point", () => {
    const labels = (svg.text as { "#text": string }[]).map((text) => text["#text"]);
    expect(labels.filter((text) => text === "6.5%")).toHaveLength(1);
    expect(svg.polyline).toBeUndefined();
    expect(svg.rect).toBeUndefined();
    const lines = svg.line as { "@_class": string; title: string }[];
    expect(lines.find((line) => line["@_class"] === "bound")?.title).toBe("边界 ≥ 6.5%");
    expect(lines.some((line) => line["@_class"] === "target")).toBe(false);
  });

  it("names each G in growth words", () => {
    const titles = (svg.circle as { title: string }[]).map((circle) => circle.title);
    expect(titles).toEqual(["累计增长 6.8%", "累计增长 7.2%"]);
  });

  it("a progress chart still labels its baseline and its target", () => {
    const progress = parseSvg(renderProgressChart(input(PROJECTS, "2022-06-30", [])));
    const labels = (progress.text as { "#text": string }[]).map((text) => text["#text"]);
    expect(labels).toContain("0 个");
    expect(labels).toContain("130 个");
  });
});

describe("a level target's band", () => {
  // A rank that must stay ≤ 30 (max only), with 24 to 33 on the scale: the band runs from the
  // plot's bottom (the open side) up to 30, which is 6/9 of the height above the bottom.
  const band: ProgressChartInput = {
    schedule: [
      { by: day("2021-12-31"), value: 24 },
      { by: day("2022-12-31"), value: 33 },
    ],
    interpolation: "linear",
    actuals: [{ day: day("2022-06-30"), value: 33 }],
    asOf: day("2022-06-30"),
    formatValue: (value) => `${value} 位`,
    words: WORDS,
    band: { low: null, high: 30, title: "Bounds ≤ 30" },
  };

  it("shades the values within the bounds, dashes each bound and labels it, with no schedule", () => {
    const parsed = parseSvg(renderProgressChart(band));
    const height = PLOT.bottom - PLOT.top;
    const y30 = Math.round((PLOT.bottom - (6 / 9) * height) * 10) / 10;
    const shaded = parsed.rect.find((rect: Record<string, string>) => rect["@_class"] === "band");
    expect([Number(shaded["@_y"]), Number(shaded["@_height"])]).toEqual([
      y30,
      Math.round((PLOT.bottom - y30) * 10) / 10,
    ]);
    expect(parsed.polyline).toBeUndefined();
    expect(
      parsed.rect.filter((rect: Record<string, string>) => rect["@_class"] === "milestone"),
    ).toEqual([]);
    expect(
      parsed.line
        .filter((line: Record<string, string>) => line["@_class"] === "bound")
        .map((line: Record<string, string>) => Number(line["@_y1"])),
    ).toEqual([y30]);
    expect(parsed.text.map((text: { "#text": string }) => text["#text"])).toContain("30 位");
  });

  it("makes a scale of a flat line: a bound met exactly is not a scale of 0", () => {
    const flat = layoutProgressChart({
      ...band,
      schedule: [
        { by: day("2021-12-31"), value: 0 },
        { by: day("2022-12-31"), value: 0 },
      ],
      actuals: [{ day: day("2022-06-30"), value: 0 }],
    });
    // The span of 0 counts as 1: half of it on each side.
    expect(flat.values).toEqual({ low: -0.5, high: 0.5 });
    expect(Number.isFinite(flat.actuals[0]?.y)).toBe(true);
  });
});
