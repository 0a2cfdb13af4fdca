/**
 * A small SVG chart of a progress target for the HTML report: the expected line through the
 * schedule's points, the actual value at each month-end as points, the as-of date and the target.
 * Pure: numbers and words in, SVG text out. Styles are presentation attributes, not `style`, so the
 * chart draws under a Content-Security-Policy that allows no inline style attributes, and reads
 * without the page's stylesheet.
 */
import { civilFromDay, type Day, endOfMonth, formatDay } from "../core/dates.js";
import type { SchedulePoint } from "../core/model.js";
import { escapeHtml } from "./html-escape.js";

/** What the chart says in words: its accessible title and the titles of its marks. */
export interface ProgressChartWords {
  /** The chart's accessible name, read by screen readers and shown as a tooltip. */
  title: string;
  /** Before a schedule point's value in its tooltip. */
  milestone: string;
  asOf: string;
  target: string;
  /** Shown across the plot when there is no actual value. */
  noData: string;
  /** The tooltip of a point drawn at the edge: the value is beyond the chart's scale. */
  offScale: (value: string) => string;
}

export interface ProgressChartInput {
  /** Every point E runs through: the baseline at t0 first, the target at the deadline last. */
  schedule: readonly SchedulePoint[];
  interpolation: "linear" | "step";
  /** The actual value at each month-end, oldest first. */
  actuals: readonly { day: Day; value: number }[];
  asOf: Day;
  /** How a value is written on the axis and in tooltips (with its unit). */
  formatValue: (value: number) => string;
  words: ProgressChartWords;
  /**
   * A chart of a value against one bound (a growth target's G against b, SPEC 2.4): the schedule
   * is flat, so only the bound's line is drawn, labelled once, with this tooltip; no expected line
   * and no schedule points.
   */
  bound?: string;
  /**
   * A level target's band (SPEC 2.2): the values within its bounds shaded, from `low` to `high`
   * (null: open on that side, to the plot's edge), each finite bound a dashed line; the schedule
   * only spans the scale. `title` is the band's tooltip (目标区间 ≤ 2).
   */
  band?: { low: number | null; high: number | null; title: string };
  /** An actual value's tooltip; by default `DATE: VALUE`. */
  formatPoint?: (day: Day, value: number) => string;
}

/** A point of the chart in SVG user units, with what it stands for. */
export interface ChartMark {
  x: number;
  y: number;
  day: Day;
  value: number;
}

/** An actual value's mark; `clipped` is 1 above the scale, -1 below it, 0 on it. */
export interface ActualMark extends ChartMark {
  clipped: -1 | 0 | 1;
}

/** Where everything goes: computed apart from the SVG text, so that tests can check the numbers. */
export interface ProgressChartLayout {
  width: number;
  height: number;
  /** The plot area inside the axes' labels. */
  plot: { left: number; right: number; top: number; bottom: number };
  /** The first and last day on the x axis. */
  days: { from: Day; to: Day };
  /** The lowest and highest value on the y axis. */
  values: { low: number; high: number };
  /** The expected line's vertices (with steps, the corners of the steps). */
  expected: { x: number; y: number }[];
  /** Schedule points strictly between t0 and the deadline. */
  milestones: ChartMark[];
  /** The x of each month-end on the axis (none when there would be more than MAX_MONTH_TICKS). */
  monthTicks: number[];
  /**
   * The quarter-ends on the axis, each labelled (MM-DD); with more than MAX_QUARTER_LABELS of
   * them, the year-ends only.
   */
  quarterTicks: { x: number; day: Day }[];
  deadline: ChartMark;
  actuals: ActualMark[];
  asOfX: number;
  targetY: number;
  baselineY: number;
}

export const CHART_WIDTH = 320;
export const CHART_HEIGHT = 140;
// Room above the plot for the as-of date, so that a point at the top never runs into it.
const PLOT = { left: 52, right: CHART_WIDTH - 10, top: 22, bottom: CHART_HEIGHT - 20 };

/** Month-ends are ticked on the date axis up to this many; a longer axis would be a comb. */
const MAX_MONTH_TICKS = 36;
/** Quarter-ends are labelled up to this many (two years); past it, the year-ends are. */
const MAX_QUARTER_LABELS = 8;

/**
 * How far beyond the baseline–target range the y axis may stretch to show an actual value, in
 * spans. A value further out (a typo of a unit, a cumulative figure sent as a monthly one) would
 * flatten the schedule into a line; it is drawn at the edge instead, with its value in a tooltip.
 */
export const MAX_OVERSHOOT_SPANS = 1;

/** The chart's geometry: scales from the schedule, the as-of date and the actual values. */
export function layoutProgressChart(input: ProgressChartInput): ProgressChartLayout {
  const first = input.schedule[0];
  const last = input.schedule[input.schedule.length - 1];
  if (first === undefined || last === undefined)
    throw new Error("a schedule has at least 2 points");
  const baseline = first.value;
  const target = last.value;

  // Days: from t0 (or an earlier actual) to the deadline, or to the as-of date or a later actual
  // once the deadline is past, so that the as-of line is always on the chart.
  let from = first.by;
  let to = Math.max(last.by, input.asOf);
  for (const point of input.actuals) {
    from = Math.min(from, point.day);
    to = Math.max(to, point.day);
  }
  if (to <= from) to = from + 1;

  // Values: the baseline–target range, stretched to the actual values up to MAX_OVERSHOOT_SPANS.
  const span = Math.abs(target - baseline) || 1;
  const floor = Math.min(baseline, target) - MAX_OVERSHOOT_SPANS * span;
  const ceiling = Math.max(baseline, target) + MAX_OVERSHOOT_SPANS * span;
  let low = Math.min(baseline, target);
  let high = Math.max(baseline, target);
  for (const point of input.actuals) {
    low = Math.min(low, Math.max(floor, point.value));
    high = Math.max(high, Math.min(ceiling, point.value));
  }
  // A flat line with every value on it (a bound met exactly): a span around it, not a scale of 0.
  if (high - low < 1e-9) {
    low -= span / 2;
    high += span / 2;
  }

  const x = (day: Day) =>
    round(PLOT.left + ((day - from) * (PLOT.right - PLOT.left)) / (to - from));
  const y = (value: number) =>
    round(PLOT.bottom - ((value - low) * (PLOT.bottom - PLOT.top)) / (high - low));

  const expected: { x: number; y: number }[] = [];
  input.schedule.forEach((point, index) => {
    const previous = input.schedule[index - 1];
    // A step holds the previous value up to the point's day (SPEC 2.1: the latest point at or before t).
    if (input.interpolation === "step" && previous !== undefined)
      expected.push({ x: x(point.by), y: y(previous.value) });
    expected.push({ x: x(point.by), y: y(point.value) });
  });
  // After the deadline E is the target.
  if (to > last.by) expected.push({ x: x(to), y: y(target) });

  const mark = (point: SchedulePoint): ChartMark => ({
    x: x(point.by),
    y: y(point.value),
    day: point.by,
    value: point.value,
  });
  const monthEnds: Day[] = [];
  let { year, month } = civilFromDay(from);
  for (let end = endOfMonth(year, month); end <= to; end = endOfMonth(year, month)) {
    if (end > from) monthEnds.push(end);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  const quarterEnds = monthEnds.filter((day) => civilFromDay(day).month % 3 === 0);
  const labelledEnds =
    quarterEnds.length <= MAX_QUARTER_LABELS
      ? quarterEnds
      : quarterEnds.filter((day) => civilFromDay(day).month === 12);
  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    plot: { ...PLOT },
    quarterTicks: labelledEnds.map((day) => ({ x: x(day), day })),
    days: { from, to },
    values: { low, high },
    expected,
    milestones: input.schedule.slice(1, -1).map(mark),
    monthTicks: monthEnds.length > MAX_MONTH_TICKS ? [] : monthEnds.map(x),
    deadline: mark(last),
    actuals: input.actuals.map((point) => {
      const clipped = point.value > ceiling ? 1 : point.value < floor ? -1 : 0;
      const shown = Math.min(ceiling, Math.max(floor, point.value));
      return { x: x(point.day), y: y(shown), day: point.day, value: point.value, clipped };
    }),
    asOfX: x(input.asOf),
    targetY: y(target),
    baselineY: y(baseline),
  };
}

/** SVG coordinates with one decimal: enough at this size, and the same text on every machine. */
function round(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
}

const COLORS = {
  axis: "#9ca3af",
  expected: "#4b5563",
  target: "#6b7280",
  actual: "#1d4ed8",
  asOf: "#111827",
  text: "#374151",
};

/** The chart as an `<svg>` element that scales to the width of its container. */
export function renderProgressChart(input: ProgressChartInput): string {
  const layout = layoutProgressChart(input);
  const { plot } = layout;
  const { words, formatValue } = input;
  const text = (x: number, y: number, anchor: string, content: string, extra = "") =>
    `<text x="${x}" y="${y}" text-anchor="${anchor}" font-size="9" fill="${COLORS.text}"${extra}>${escapeHtml(content)}</text>`;
  const parts: string[] = [
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" role="img">`,
    `<title>${escapeHtml(words.title)}</title>`,
    // Axes: the value axis on the left, the date axis at the bottom.
    `<path class="axis" d="M${plot.left} ${plot.top}V${plot.bottom}H${plot.right}" fill="none" stroke="${COLORS.axis}" stroke-width="1"/>`,
  ];
  if (layout.monthTicks.length > 0) {
    // A tick under the axis at each month-end: where the monthly points belong.
    parts.push(
      `<path class="ticks" d="${layout.monthTicks.map((x) => `M${x} ${plot.bottom}v3`).join("")}" stroke="${COLORS.axis}" stroke-width="1"/>`,
    );
  }

  // Value labels: the baseline and the target always; each schedule point's value (30%, 60%,
  // 85% of the way) where there is room, each with a tick; the scale's ends when it is stretched
  // and there is room between them and the others.
  const labelled: { y: number; value: number }[] = [
    { y: layout.targetY, value: layout.deadline.value },
  ];
  // The baseline, unless it is where the target is (a bound's flat line is labelled once).
  if (Math.abs(layout.baselineY - layout.targetY) >= 12)
    labelled.unshift({ y: layout.baselineY, value: input.schedule[0]?.value ?? 0 });
  const yOf = (value: number) =>
    plot.bottom -
    ((value - layout.values.low) * (plot.bottom - plot.top)) /
      (layout.values.high - layout.values.low);
  // A band's bounds are labelled first among the values inside the scale.
  for (const value of [input.band?.low ?? null, input.band?.high ?? null]) {
    if (value === null) continue;
    const y = yOf(value);
    const free = labelled.filter((label) => Math.abs(label.y - y) >= 10);
    labelled.splice(0, labelled.length, ...free, { y, value });
  }
  // A bound and a band have no schedule to label.
  for (const point of input.bound === undefined && input.band === undefined
    ? layout.milestones
    : []) {
    const y = yOf(point.value);
    if (labelled.every((label) => Math.abs(label.y - y) >= 10))
      labelled.push({ y, value: point.value });
  }
  for (const value of [layout.values.low, layout.values.high]) {
    const y = yOf(value);
    if (labelled.every((label) => Math.abs(label.y - y) >= 12)) labelled.push({ y, value });
  }
  parts.push(
    `<path class="value-ticks" d="${labelled.map((label) => `M${plot.left - 3} ${round(label.y)}h3`).join("")}" stroke="${COLORS.axis}" stroke-width="1"/>`,
  );
  for (const label of labelled)
    parts.push(text(plot.left - 4, round(label.y + 3), "end", formatValue(label.value)));

  // Date labels: the first day of the axis (the axis starts at the end of t0, which is the start
  // of the target's first day, so that day is the one named), each quarter-end (MM-DD, with a
  // longer tick), and the last day when it is no quarter-end and there is room for it.
  const first = input.schedule[0];
  const firstDay =
    first !== undefined && layout.days.from === first.by ? first.by + 1 : layout.days.from;
  const dateY = layout.height - 6;
  // A year that starts on January 1 is named by its year alone, leaving room for 03-31.
  const firstLabel = formatDay(firstDay).endsWith("-01-01")
    ? formatDay(firstDay).slice(0, 4)
    : formatDay(firstDay);
  parts.push(text(plot.left, dateY, "start", firstLabel));
  const yearly = layout.quarterTicks.some((tick) => civilFromDay(tick.day).month !== 12) === false;
  let lastX = plot.left + firstLabel.length * 5.5 + 4;
  if (layout.quarterTicks.length > 0)
    parts.push(
      `<path class="quarter-ticks" d="${layout.quarterTicks.map((tick) => `M${tick.x} ${plot.bottom}v5`).join("")}" stroke="${COLORS.axis}" stroke-width="1"/>`,
    );
  for (const tick of layout.quarterTicks) {
    const label =
      yearly && layout.quarterTicks.length > 1 ? formatDay(tick.day) : formatDay(tick.day).slice(5);
    const half = label.length * 2.8;
    if (tick.x - half < lastX) continue;
    const anchor = tick.x + half > layout.width - 2 ? "end" : "middle";
    parts.push(text(anchor === "end" ? layout.width - 2 : tick.x, dateY, anchor, label));
    lastX = tick.x + half + 4;
  }
  const lastQuarter = layout.quarterTicks[layout.quarterTicks.length - 1];
  if (lastQuarter?.day !== layout.days.to && plot.right - 50 >= lastX)
    parts.push(text(plot.right, dateY, "end", formatDay(layout.days.to)));

  const flat = input.bound !== undefined || input.band !== undefined;
  if (input.band !== undefined) {
    // The band: shaded between its bounds (to the plot's edge on an open side), each bound dashed.
    const { band } = input;
    const yOf = (value: number) =>
      round(
        plot.bottom -
          ((value - layout.values.low) * (plot.bottom - plot.top)) /
            (layout.values.high - layout.values.low),
      );
    const top = band.high === null ? plot.top : yOf(band.high);
    const bottom = band.low === null ? plot.bottom : yOf(band.low);
    parts.push(
      `<rect class="band" x="${plot.left}" y="${top}" width="${plot.right - plot.left}" height="${round(bottom - top)}" fill="#dcfce7"><title>${escapeHtml(band.title)}</title></rect>`,
    );
    for (const value of [band.low, band.high])
      if (value !== null)
        parts.push(
          `<line class="bound" x1="${plot.left}" y1="${yOf(value)}" x2="${plot.right}" y2="${yOf(value)}" stroke="${COLORS.target}" stroke-width="1" stroke-dasharray="4 3"><title>${escapeHtml(band.title)}</title></line>`,
        );
  } else {
    // The target (or the bound): a dashed line across the plot.
    const targetTitle = input.bound ?? `${words.target} ${formatValue(layout.deadline.value)}`;
    parts.push(
      `<line class="${input.bound === undefined ? "target" : "bound"}" x1="${plot.left}" y1="${layout.targetY}" x2="${plot.right}" y2="${layout.targetY}" stroke="${COLORS.target}" stroke-width="1" stroke-dasharray="4 3"><title>${escapeHtml(targetTitle)}</title></line>`,
    );
  }

  // The expected line and its schedule points; a bound and a band have neither.
  if (!flat)
    parts.push(
      `<polyline class="expected" points="${layout.expected.map((p) => `${p.x},${p.y}`).join(" ")}" fill="none" stroke="${COLORS.expected}" stroke-width="1.5"/>`,
    );
  for (const point of flat ? [] : [...layout.milestones, layout.deadline]) {
    parts.push(
      `<rect class="milestone" x="${round(point.x - 2.5)}" y="${round(point.y - 2.5)}" width="5" height="5" fill="#fff" stroke="${COLORS.expected}" stroke-width="1.2"><title>${escapeHtml(`${words.milestone} ${formatDay(point.day)}: ${formatValue(point.value)}`)}</title></rect>`,
    );
  }

  // The as-of date: a dotted vertical line with its date on top, kept inside the chart.
  const asOfAnchor =
    layout.asOfX > plot.right - 30 ? "end" : layout.asOfX < plot.left + 30 ? "start" : "middle";
  parts.push(
    `<line class="as-of" x1="${layout.asOfX}" y1="${plot.top - 7}" x2="${layout.asOfX}" y2="${plot.bottom}" stroke="${COLORS.asOf}" stroke-width="1" stroke-dasharray="1.5 2"/>`,
    text(layout.asOfX, plot.top - 10, asOfAnchor, `${words.asOf} ${formatDay(input.asOf)}`),
  );

  // The actual values: dots; a value beyond the scale is a triangle at the edge, pointing out.
  for (const point of layout.actuals) {
    const tooltip =
      input.formatPoint?.(point.day, point.value) ??
      `${formatDay(point.day)}: ${formatValue(point.value)}`;
    const title = `<title>${escapeHtml(point.clipped === 0 ? tooltip : words.offScale(tooltip))}</title>`;
    if (point.clipped === 0) {
      parts.push(
        `<circle class="actual" cx="${point.x}" cy="${point.y}" r="3" fill="${COLORS.actual}">${title}</circle>`,
      );
    } else {
      const tip = round(point.y - 4 * point.clipped);
      const base = round(point.y + 2 * point.clipped);
      parts.push(
        `<path class="actual clipped" d="M${point.x} ${tip}L${round(point.x - 4)} ${base}H${round(point.x + 4)}Z" fill="${COLORS.actual}">${title}</path>`,
      );
    }
  }
  if (layout.actuals.length === 0) {
    parts.push(
      text(
        round((plot.left + plot.right) / 2),
        round((plot.top + plot.bottom) / 2),
        "middle",
        words.noData,
        ' class="no-data"',
      ),
    );
  }
  parts.push("</svg>");
  return parts.join("");
}

/** The marks of a chart, for a legend. */
export type ChartMarkKind = "expected" | "milestone" | "actual" | "asOf" | "target" | "bound";

/** A small SVG of one kind of mark, drawn as on the charts, to stand before its name in a legend. */
export function renderLegendKey(kind: ChartMarkKind): string {
  const shapes: Record<ChartMarkKind, string> = {
    expected: `<line x1="1" y1="5" x2="19" y2="5" stroke="${COLORS.expected}" stroke-width="1.5"/>`,
    milestone: `<rect x="7.5" y="2.5" width="5" height="5" fill="#fff" stroke="${COLORS.expected}" stroke-width="1.2"/>`,
    actual: `<circle cx="10" cy="5" r="3" fill="${COLORS.actual}"/>`,
    asOf: `<line x1="10" y1="0" x2="10" y2="10" stroke="${COLORS.asOf}" stroke-width="1" stroke-dasharray="1.5 2"/>`,
    target: `<line x1="1" y1="5" x2="19" y2="5" stroke="${COLORS.target}" stroke-width="1" stroke-dasharray="4 3"/>`,
    bound: `<line x1="1" y1="5" x2="19" y2="5" stroke="${COLORS.target}" stroke-width="1" stroke-dasharray="4 3"/>`,
  };
  return `<svg class="key" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10" width="20" height="10" aria-hidden="true">${shapes[kind]}</svg>`;
}
