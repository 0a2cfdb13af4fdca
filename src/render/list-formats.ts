/** `kpi list` in each format: the targets with their schedules resolved to dated values. */

import { formatDay } from "../core/dates.js";
import type { ListEntry } from "../core/list-model.js";
import type { Reference, Tolerance } from "../core/model.js";
import type { Labels } from "../i18n/labels.js";
import { fitTerminalTable, type TableFit } from "./fit-terminal-table.js";
import {
  formatLevelBounds,
  formatNumber,
  formatPercent,
  formatReference,
  formatValue,
} from "./format.js";
import { jsonShare, jsonValue } from "./results-json.js";
import { escapeMarkdownCell } from "./results-markdown.js";
import { leftOutNote } from "./results-table.js";
import { sanitizeForTerminal } from "./terminal-table.js";

export interface ListRenderOptions {
  labels: Labels;
  /** Fit the terminal table within this many columns; none: the whole table. */
  width?: number | undefined;
}

/** The cells of one entry; a cell may have several lines (one per milestone). */
function cells(entry: ListEntry, labels: Labels): string[] {
  const { target } = entry;
  const words = labels.list;
  const value = (amount: number) => formatValue(amount, target.unit);
  let goal = "";
  let deadline = "";
  let schedule: string[] = [];
  let tolerance = "";
  switch (target.kind) {
    case "progress":
      goal = `${value(target.baseline)} → ${value(target.target)}`;
      deadline = `${formatDay(target.deadline)}\n${words.from(formatDay(target.start))}`;
      schedule = entry.schedule.map(
        (point) =>
          `${formatDay(point.by)}  ${value(point.value)}  (${formatPercent(point.progress)})`,
      );
      if (target.interpolation === "step") schedule.push(words.step);
      if (target.aggregate === "sum") schedule.push(words.sum);
      tolerance = describeTolerance(target.tolerance, value, entry.toleranceAmount);
      break;
    case "level":
      goal = formatLevelBounds(target, labels);
      if (target.about > 0) goal = labels.about(goal, formatNumber(target.about));
      if (target.stretch !== null) goal += `, ★ ${value(target.stretch)}`;
      tolerance = describeTolerance(target.tolerance, value, null);
      break;
    case "growth": {
      const about =
        "amount" in target.about
          ? target.about.amount > 0
            ? formatNumber(target.about.amount)
            : null
          : `${formatNumber(target.about.percent)}%`;
      const rate =
        target.rate !== null || target.rateRef === null
          ? `${formatNumber(target.rate ?? 0)}%`
          : formatReference(target.rateRef, labels);
      goal = labels.growthBound(target.bound, rate, about);
      if (target.amount !== null) goal += `\n${value(target.amount)}`;
      deadline = `${formatDay(target.deadline)}\n${words.from(formatDay(target.start))}`;
      tolerance =
        "amount" in target.tolerance
          ? formatNumber(target.tolerance.amount)
          : `${formatNumber(target.tolerance.percent)}%`;
      break;
    }
    case "milestone":
      goal = labels.yes;
      deadline = formatDay(target.deadline);
      if (entry.warnFrom !== null)
        schedule = [words.warnFrom(formatDay(entry.warnFrom), target.warnDays)];
      break;
  }
  return [
    target.id,
    target.title,
    words.kind[target.kind],
    target.owner.join(", "),
    goal,
    deadline,
    schedule.join("\n"),
    tolerance,
  ];
}

/** `10% = 13 个` for a share of the span, `5 个` for an amount. */
function describeTolerance(
  tolerance: Tolerance,
  value: (amount: number) => string,
  amount: number | null,
): string {
  if ("amount" in tolerance) return value(tolerance.amount);
  const percent = `${formatNumber(tolerance.percent)}%`;
  return amount === null ? percent : `${percent} = ${value(amount)}`;
}

function head(labels: Labels): string[] {
  const columns = labels.list.columns;
  return [
    columns.id,
    columns.title,
    columns.kind,
    columns.owner,
    columns.target,
    columns.deadline,
    columns.schedule,
    columns.tolerance,
  ];
}

/**
 * A listing is read for what each target asks and when: the title, the target and the schedule
 * always stay. On a narrow terminal the tolerance, the owner and the kind go first, then the id,
 * and last the deadline (a progress target's deadline is its schedule's last date).
 */
const LIST_FIT: TableFit = {
  steps: [{ drop: 7 }, { drop: 3 }, { drop: 2 }, { drop: 0 }, { drop: 5 }],
  // The schedule (a milestone a line) gets its room first, then the dated values; the title
  // takes the wrapping.
  wrap: [
    { column: 6, min: 20 },
    { column: 4, min: 10 },
    { column: 5, min: 10 },
    { column: 1, min: 16 },
  ],
};

/** The terminal table: one row per target, its schedule one milestone a line. */
export function renderListTable(entries: readonly ListEntry[], options: ListRenderOptions): string {
  const { labels, width } = options;
  // Line breaks are the cell's own; each line is cleaned of terminal controls.
  const rows = entries.map((entry) =>
    cells(entry, labels).map((cell) => cell.split("\n").map(sanitizeForTerminal).join("\n")),
  );
  const table = fitTerminalTable(head(labels), rows, LIST_FIT, { rules: true, width });
  return [
    table.text,
    labels.list.count(entries.length),
    ...(width === undefined ? [] : leftOutNote(table, head(labels), labels, width)),
    "",
  ].join("\n");
}

/** One GitHub table; a cell's lines are joined by `<br>`. */
export function renderListMarkdown(
  entries: readonly ListEntry[],
  options: ListRenderOptions,
): string {
  const line = (row: readonly string[]) => `| ${row.map(escapeMarkdownCell).join(" | ")} |`;
  const columns = head(options.labels);
  return [
    line(columns),
    `|${columns.map(() => " --- ").join("|")}|`,
    ...entries.map((entry) => line(cells(entry, options.labels))),
    "",
  ].join("\n");
}

/** A tolerance as it is written in a target file: a number, or a string like "10%". */
function toleranceJson(tolerance: Tolerance): number | string {
  return "amount" in tolerance ? tolerance.amount : `${tolerance.percent}%`;
}

function referenceJson(reference: Reference | null) {
  return reference === null
    ? null
    : { ref: reference.ref, plus: reference.plus, times: reference.times };
}

/** `--format json`: every field with its resolved value; fields another kind has are null. */
export function renderListJson(entries: readonly ListEntry[]): string {
  const targets = entries.map(({ target, schedule, toleranceAmount, warnFrom }) => {
    const progress = target.kind === "progress" ? target : null;
    const level = target.kind === "level" ? target : null;
    const milestone = target.kind === "milestone" ? target : null;
    return {
      id: target.id,
      title: target.title,
      kind: target.kind,
      owner: target.owner,
      section: target.section,
      unit: target.unit,
      source: target.source,
      file: target.place.file,
      line: target.place.line,
      baseline: progress?.baseline ?? null,
      target: progress?.target ?? null,
      start:
        target.kind === "progress" || target.kind === "growth" ? formatDay(target.start) : null,
      deadline: target.kind === "level" ? null : formatDay(target.deadline),
      schedule:
        progress === null
          ? null
          : schedule.map((point) => ({
              by: formatDay(point.by),
              value: jsonValue(point.value),
              progress: jsonShare(point.progress),
            })),
      interpolation: progress?.interpolation ?? null,
      aggregate: progress?.aggregate ?? null,
      tolerance: target.kind === "milestone" ? null : toleranceJson(target.tolerance),
      toleranceAmount: toleranceAmount === null ? null : jsonValue(toleranceAmount),
      min: level?.min ?? null,
      max: level?.max ?? null,
      stretch: level?.stretch ?? null,
      warnDays: milestone?.warnDays ?? null,
      warnFrom: warnFrom === null ? null : formatDay(warnFrom),
      ...(target.resultBy === null ? {} : { resultBy: formatDay(target.resultBy) }),
      ...(target.kind === "growth"
        ? {
            rate: target.rate,
            rateRef: referenceJson(target.rateRef),
            bound: target.bound,
            about: toleranceJson(target.about),
            input: target.input,
            amount: target.amount,
          }
        : {}),
      ...(target.kind === "level" && (target.minRef !== null || target.maxRef !== null)
        ? { minRef: referenceJson(target.minRef), maxRef: referenceJson(target.maxRef) }
        : {}),
      ...((target.kind === "progress" || target.kind === "level") && target.about > 0
        ? { about: target.about }
        : {}),
      ...(target.kind === "level" && target.breachAfter !== null
        ? { breachAfter: target.breachAfter }
        : {}),
    };
  });
  return `${JSON.stringify({ schemaVersion: 1, targets }, null, 2)}\n`;
}
