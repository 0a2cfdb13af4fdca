/**
 * `kpi explain` as terminal text: the target, its status and the rule that decided it with the
 * numbers, its schedule, its rows with their places, a chart and, when asked, a projection.
 * Pure: an Explanation in, text out; no colour, so it reads the same in a log.
 */
import { civilFromDay, type Day, dayFromCivil, formatDay } from "../core/dates.js";
import type { Explanation, ForecastOutcome } from "../core/explain-model.js";
import type { Check, SchedulePoint } from "../core/model.js";
import { formatPlace } from "../core/problems.js";
import { expectedValue } from "../core/schedule.js";
import type { Labels } from "../i18n/labels.js";
import { problemWords } from "../i18n/problem-text.js";
import {
  formatGrowth,
  formatGrowthBound,
  formatLevelBounds,
  formatNumber,
  formatPercent,
  formatRate,
  formatReason,
  formatValue,
  lateNote,
  STATUS_SYMBOL,
} from "./format.js";
import { type ChartCurve, type ChartPoints, renderChart } from "./terminal-chart.js";
import { displayWidth, sanitizeForTerminal } from "./terminal-table.js";

export interface RenderExplanationOptions {
  labels: Labels;
  /** Columns of the chart's plot. @default 60 */
  chartWidth?: number;
}

/** Days in an average month, to state a daily run rate per month. */
const DAYS_PER_MONTH = 365.25 / 12;

/** The whole explanation, section by section, in the labels' language. */
export function renderExplanation(
  explanation: Explanation,
  options: RenderExplanationOptions,
): string {
  const { labels } = options;
  const { result, asOf } = explanation;
  const { target } = result;
  const words = labels.explain;
  // The unit comes from the target file: it goes to the terminal only as safe text.
  const unit = target.unit === null ? null : sanitizeForTerminal(target.unit);
  const value = (amount: number) => formatValue(amount, unit);
  const sections: string[] = [];

  const details = [
    labels.list.kind[target.kind],
    target.owner.join(", "),
    target.section ?? "",
    `${words.definedAt} ${target.place.file}:${target.place.line}:${target.place.column}`,
  ].filter((part) => part !== "");
  sections.push(
    [
      sanitizeForTerminal(`${target.id} · ${target.title}`),
      sanitizeForTerminal(details.join(" · ")),
    ].join("\n"),
  );

  const status = `${STATUS_SYMBOL[result.status]} ${labels.status[result.status]}${words.comma}${formatReason(result, labels)}`;
  const statusLines = [`${words.statusAsOf(formatDay(asOf))}${words.colon}${status}`];
  const late = lateNote(result, labels);
  if (late !== null) statusLines.push(`  ${late}`);
  if (result.judgedAt !== asOf && result.observedOn !== null)
    statusLines.push(`  ${words.judgedAt(formatDay(result.judgedAt), result.late)}`);
  sections.push(statusLines.join("\n"));

  sections.push(renderWhy(explanation, labels, value));
  sections.push(renderSchedule(explanation, labels, value));
  sections.push(renderRows(explanation, labels, value));
  sections.push(renderChartSection(explanation, labels, options.chartWidth));
  if (explanation.forecast !== null)
    sections.push(renderForecast(explanation.forecast, labels, value));
  if (explanation.notes.length > 0) {
    // The words quote the data (ids, file names): each line goes to the terminal as safe text.
    const notes = explanation.notes.map((note) => {
      const place = note.place === null ? "" : `${formatPlace(note.place)}: `;
      return `  ${sanitizeForTerminal(`${place}${problemWords(note, labels)}`)}`;
    });
    sections.push([`${words.notes}${words.colon.trimEnd()}`, ...notes].join("\n"));
  }
  return `${sections.join("\n\n")}\n`;
}

/** Each rule checked, in order, with the numbers behind its yes or no, then the outcome. */
function renderWhy(
  explanation: Explanation,
  labels: Labels,
  value: (amount: number) => string,
): string {
  const words = labels.explain;
  const { result, asOf } = explanation;
  const lines = [`${words.why}${words.paren(words.rulesIntro)}${words.colon.trimEnd()}`];
  result.trace.forEach((check, index) => {
    const fact = checkFact(check, asOf, labels, value);
    const answer = check.held ? words.yes : words.no;
    lines.push(
      `  ${index + 1}. ${words.rule[check.rule]} — ${answer}${fact === "" ? "" : `${words.colon}${fact}`}`,
    );
  });
  lines.push(
    `  ${words.decided(
      `${STATUS_SYMBOL[result.status]} ${labels.status[result.status]}`,
      formatReason(result, labels),
    )}`,
  );
  return lines.join("\n");
}

/**
 * The numbers a check compared, in words. An "otherwise" rule holds because the comparison before
 * it failed, so it states that comparison as failed.
 */
function checkFact(
  check: Check,
  asOf: Day,
  labels: Labels,
  value: (amount: number) => string,
): string {
  const words = labels.explain;
  switch (check.rule) {
    case "no-data": {
      if (check.actual === null || check.observedOn === null)
        return words.noActual(formatDay(asOf));
      const shown =
        typeof check.actual === "boolean"
          ? check.actual
            ? labels.yes
            : labels.no
          : value(check.actual);
      return check.summedRows === null
        ? words.actual(shown, formatDay(check.observedOn))
        : words.summed(shown, check.summedRows, formatDay(check.observedOn));
    }
    case "achieved":
      return words.reached(value(check.actual), value(check.target), check.held);
    case "late":
      return words.reportDue(
        check.missingReport === null ? null : formatDay(check.missingReport),
        check.dueBy === null ? null : formatDay(check.dueBy),
        formatDay(check.observedOn),
      );
    case "missed":
    case "overdue":
      return words.deadline(formatDay(check.judgedAt), formatDay(check.deadline), check.held);
    case "on-track": {
      // Within epsilon of E the actual is the expected value, and so is a lag that rounds to 0;
      // a lag past epsilon is "behind" even when it rounds to 0.
      const equal = check.held && (check.lag > 0 || formatNumber(Math.abs(check.lag)) === "0");
      return words.onSchedule(
        value(check.actual),
        value(check.expected),
        check.held ? null : value(check.lag),
        check.held && !equal ? value(-check.lag) : null,
      );
    }
    case "behind":
    case "off-track":
      return words.withinTolerance(
        value(check.lag),
        value(check.tolerance),
        check.tolerancePercent === null
          ? null
          : words.spanShare(`${formatNumber(check.tolerancePercent)}%`, value(check.span)),
        check.rule === "behind" && check.held,
      );
    case "within":
      return words.withinBounds(
        value(check.actual),
        check.about > 0
          ? labels.about(labels.within(check.min, check.max), formatNumber(check.about))
          : labels.within(check.min, check.max),
        check.held,
      );
    case "near":
    case "outside": {
      const { violated } = check;
      const tolerance = value(violated.tolerance);
      return words.nearBound(
        value(check.actual),
        value(violated.bound),
        value(violated.distance),
        violated.tolerancePercent === null
          ? tolerance
          : `${tolerance} (${words.boundShare(`${formatNumber(violated.tolerancePercent)}%`, value(violated.bound))})`,
        check.rule === "near" && check.held,
      );
    }
    case "no-base":
      return words.noBase(
        value(check.value),
        check.base === null ? null : value(check.base),
        check.baseFrom,
        check.baseOn === null ? null : formatDay(check.baseOn),
      );
    case "no-reference":
      return words.referenceFact(
        check.ref,
        formatDay(check.on),
        check.value === null ? null : formatNumber(check.value),
        check.late,
        check.resolved === null
          ? null
          : check.field === "rate"
            ? formatRate(check.resolved)
            : value(check.resolved),
      );
    case "awaiting-result":
      return words.awaiting(formatDay(check.deadline), formatDay(check.resultBy));
    case "breach":
      return words.breach(
        check.before.filter((date) => date.outside).length,
        check.breachAfter - 1,
        check.held,
      );
    case "growth":
      return words.growthFact(
        formatGrowth(check.growth),
        formatRate(check.boundAfterSlack),
        formatNumber(check.shortfall),
        formatNumber(check.tolerance),
        check.final,
      );
    case "done":
      return words.done(check.held);
    case "due-soon":
    case "pending":
      return words.dueSoon(check.daysLeft, check.warnDays, check.rule === "due-soon" && check.held);
  }
}

function renderSchedule(
  explanation: Explanation,
  labels: Labels,
  value: (amount: number) => string,
): string {
  const words = labels.explain;
  const { target } = explanation.result;
  if (target.kind === "level") {
    const tolerance =
      "percent" in target.tolerance
        ? `${formatNumber(target.tolerance.percent)}%`
        : value(target.tolerance.amount);
    const stretch = target.stretch === null ? null : value(target.stretch);
    const bounds = formatLevelBounds(target, labels, explanation.result.bounds);
    const written = target.about > 0 ? labels.about(bounds, formatNumber(target.about)) : bounds;
    return `${words.schedule}${words.colon}${words.bounds(written, tolerance, stretch)}`;
  }
  if (target.kind === "growth") {
    const result = explanation.result;
    const rate = result.growth?.rate ?? null;
    const afterSlack = result.growth?.boundAfterSlack ?? null;
    const tolerance =
      "percent" in target.tolerance
        ? rate === null
          ? `${formatNumber(target.tolerance.percent)}%`
          : formatNumber((target.tolerance.percent / 100) * Math.abs(rate))
        : formatNumber(target.tolerance.amount);
    return `${words.schedule}${words.colon}${words.growthBounds(
      formatGrowthBound(result, labels),
      afterSlack === null ? "–" : formatRate(afterSlack),
      tolerance,
      target.input,
    )}`;
  }
  if (target.kind === "milestone") {
    return `${words.schedule}${words.colon}${words.due(
      formatDay(target.deadline),
      formatDay(target.deadline - target.warnDays),
      target.warnDays,
    )}`;
  }
  const span = target.target - target.baseline;
  const share =
    "percent" in target.tolerance
      ? words.spanShare(`${formatNumber(target.tolerance.percent)}%`, value(Math.abs(span)))
      : null;
  const tolerance = explanation.toleranceAmount ?? 0;
  const header = [
    words.interpolation[target.interpolation],
    words.aggregate[target.aggregate],
    words.tolerance(value(tolerance), share),
  ].join(labels.listSeparator);
  const next = explanation.result.nextMilestone;
  const points = explanation.schedule ?? [];
  const rows = points.map((point: SchedulePoint, index) => {
    const role =
      index === 0
        ? words.point.baseline
        : index === points.length - 1
          ? words.point.deadline
          : words.point.milestone;
    return [
      formatDay(point.by),
      value(point.value),
      formatPercent((point.value - target.baseline) / span),
      next !== null && next.by === point.by ? `${role} ${words.point.next}` : role,
    ];
  });
  const head = [words.rowColumns.date, words.rowColumns.expected, words.share, ""];
  return `${words.schedule}${words.colon}${header}\n${alignColumns([head, ...rows], "  ")}`;
}

function renderRows(
  explanation: Explanation,
  labels: Labels,
  value: (amount: number) => string,
): string {
  const words = labels.explain;
  const { target } = explanation.result;
  const heading = words.rows(formatDay(explanation.asOf));
  const lines = [heading];
  if (explanation.rows.length === 0) lines.push(`  ${words.noRows}`);
  else {
    const columns = words.rowColumns;
    const hasSum = explanation.rows.some((row) => row.runningSum !== null);
    const hasExpected = target.kind === "progress";
    const hasGrowth = target.kind === "growth" && target.input === "value";
    const hasNote = explanation.rows.some((row) => row.observation.note !== undefined);
    const head = [
      columns.date,
      columns.value,
      ...(hasSum ? [columns.sum] : []),
      ...(hasExpected ? [columns.expected] : []),
      ...(hasGrowth ? [columns.growth] : []),
      columns.status,
      columns.place,
      ...(hasNote ? [columns.note] : []),
    ];
    const body = explanation.rows.map((row) => {
      const observed = row.observation.value;
      return [
        formatDay(row.observation.day),
        typeof observed === "boolean" ? (observed ? labels.yes : labels.no) : value(observed),
        ...(hasSum ? [row.runningSum === null ? "" : value(row.runningSum)] : []),
        ...(hasExpected ? [row.expected === null ? "" : value(row.expected)] : []),
        ...(hasGrowth ? [row.growth === null ? "" : formatRate(row.growth)] : []),
        `${STATUS_SYMBOL[row.statusThen.status]} ${labels.status[row.statusThen.status]}${words.comma}${formatReason({ target, reason: row.statusThen.reason }, labels)}`,
        formatPlace({ ...row.observation, column: 1 }, "line"),
        ...(hasNote ? [row.observation.note ?? ""] : []),
      ];
    });
    lines.push(alignColumns([head, ...body], "  "));
  }
  if (explanation.laterRows > 0)
    lines.push(`  ${words.laterRows(explanation.laterRows, formatDay(explanation.asOf))}`);
  if (explanation.unreportedRows > 0)
    lines.push(
      `  ${words.unreportedRows(explanation.unreportedRows, formatDay(explanation.asOf))}`,
    );
  return lines.join("\n");
}

function renderChartSection(
  explanation: Explanation,
  labels: Labels,
  chartWidth: number | undefined,
): string {
  const words = labels.explain;
  const { result, asOf, rows } = explanation;
  const { target } = result;
  if (target.kind === "milestone") return `${words.chart}${words.colon}${words.noChart}`;
  // A growth target's chart draws G (SPEC 2.4), not the cumulative values it comes from.
  const growthRows = target.kind === "growth";
  const actuals: ChartPoints = {
    symbol: "●",
    points: rows.flatMap((row) => {
      const value = growthRows ? row.growth : (row.runningSum ?? (row.observation.value as number));
      return value === null ? [] : [{ day: row.observation.day, value }];
    }),
  };
  const series: (ChartCurve | ChartPoints)[] = [];
  const legend: string[] = [];
  let from: Day;
  let to: Day;
  if (target.kind === "progress") {
    from = actuals.points.reduce((first, point) => Math.min(first, point.day), target.start - 1);
    to = Math.max(target.deadline, asOf);
    series.push({ symbol: "·", valueAt: (day) => expectedValue(target, day) });
    legend.push(words.legend.expected);
    const forecast = explanation.forecast;
    if (forecast?.kind === "forecast") {
      const { latest, ratePerDay } = forecast.forecast;
      series.push({
        symbol: "○",
        from: latest.by + 1,
        to: target.deadline,
        valueAt: (day) => latest.value + ratePerDay * (day - latest.by),
      });
      legend.push(words.legend.projection);
    }
  } else {
    if (actuals.points.length === 0) return `${words.chart}${words.colon}${words.noRows}`;
    // A level has no period of its own: the chart shows at least the as-of date's year so far.
    from = actuals.points.reduce(
      (first, point) => Math.min(first, point.day),
      dayFromCivil(civilFromDay(asOf).year, 1, 1) - 1,
    );
    to = asOf;
    const bounds =
      target.kind === "growth"
        ? [result.growth?.boundAfterSlack ?? target.rate]
        : [result.bounds?.min ?? target.min, result.bounds?.max ?? target.max];
    for (const bound of bounds)
      if (bound !== null && bound !== undefined) series.push({ symbol: "·", valueAt: () => bound });
    legend.push(words.legend.bounds);
  }
  series.push(actuals);
  legend.push(words.legend.actual, `${words.legend.asOf} ${formatDay(asOf)}`);
  const chart = renderChart({
    from,
    to,
    series,
    formatValue: formatNumber,
    marks: [asOf],
    ...(chartWidth === undefined ? {} : { width: chartWidth }),
  });
  // A growth target's chart is of G, in percent whatever the unit of its values.
  const chartUnit = target.kind === "growth" ? "%" : target.unit;
  const unit = chartUnit === null ? "" : words.paren(sanitizeForTerminal(chartUnit));
  return `${words.chart}${unit}\n${chart}${legend.join("   ")}`;
}

function renderForecast(
  outcome: ForecastOutcome,
  labels: Labels,
  value: (amount: number) => string,
): string {
  const words = labels.explain.forecast;
  if (outcome.kind === "none") return `${words.title}\n  ${words.none[outcome.why]}`;
  const { forecast } = outcome;
  const lines = [
    words.title,
    `  ${words.rate(value(forecast.ratePerDay * DAYS_PER_MONTH), formatDay(forecast.from.by + 1))}`,
    ...forecast.points.map(
      (point) =>
        `  ${words.point(formatDay(point.by), value(point.projected), value(point.expected), point.isDeadline)}`,
    ),
    `  ${forecast.reachesTargetOn === null ? words.neverReaches : words.reaches(formatDay(forecast.reachesTargetOn))}`,
    `  ${words.note}`,
  ];
  return lines.join("\n");
}

/** Columns padded to the widest cell, counting East Asian wide characters as two. */
function alignColumns(rows: readonly (readonly string[])[], indent: string): string {
  const cleaned = rows.map((row) => row.map(sanitizeForTerminal));
  const widths: number[] = [];
  for (const row of cleaned)
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, displayWidth(cell));
    });
  return cleaned
    .map((row) =>
      `${indent}${row
        .map((cell, index) =>
          index === row.length - 1
            ? cell
            : cell + " ".repeat((widths[index] ?? 0) - displayWidth(cell)),
        )
        .join("  ")}`.trimEnd(),
    )
    .join("\n");
}
