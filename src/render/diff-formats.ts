/**
 * `kpi diff`'s formats: a terminal table, markdown for a pull-request comment (under the hidden
 * marker `<!-- kpi -->` by which the comment is found again and updated), and JSON (never
 * translated). One row per target and list, in the order of the lists.
 */
import {
  CHANGE_KINDS,
  type ResultEntry,
  type ResultsDiff,
  type TargetChange,
} from "../core/diff-model.js";
import { STATUSES } from "../core/model.js";
import type { DiffListName, Labels } from "../i18n/labels.js";
import { formatValue, STATUS_EMOJI, STATUS_SYMBOL } from "./format.js";
import { markdownTable } from "./results-markdown.js";
import { renderTerminalTable } from "./terminal-table.js";

/** The hidden line a pull-request comment of kpi starts with. */
export const COMMENT_MARKER = "<!-- kpi -->";

interface Row {
  list: DiffListName;
  id: string;
  title: string;
  before: ResultEntry | null;
  after: ResultEntry | null;
}

/** Every row, list by list. */
function rowsOf(diff: ResultsDiff): Row[] {
  const of = (list: DiffListName, changes: readonly TargetChange[]): Row[] =>
    changes.map((change) => ({ list, ...change }));
  return [
    ...CHANGE_KINDS.flatMap((kind) => of(kind, diff.changes[kind])),
    ...of("lateAppeared", diff.lateAppeared),
    ...of("lateCleared", diff.lateCleared),
    ...diff.added.map((after) => ({
      list: "added" as const,
      id: after.id,
      title: after.title,
      before: null,
      after,
    })),
    ...diff.removed.map((before) => ({
      list: "removed" as const,
      id: before.id,
      title: before.title,
      before,
      after: null,
    })),
  ];
}

function actualText(entry: ResultEntry, labels: Labels): string {
  if (entry.actual === null) return "–";
  if (typeof entry.actual === "boolean") return entry.actual ? labels.yes : labels.no;
  return formatValue(entry.actual, entry.unit);
}

/** A result in a cell: its status and value, or its report owed in the late lists. */
function cell(
  row: Row,
  entry: ResultEntry | null,
  labels: Labels,
  symbols: Record<string, string>,
): string {
  if (entry === null) return "–";
  const status = `${symbols[entry.status]} ${labels.status[entry.status]}`;
  if (row.list === "lateAppeared" || row.list === "lateCleared")
    return entry.missingReport === null
      ? labels.diff.onTime
      : labels.diff.owes(entry.missingReport);
  return `${status}${labels.listSeparator}${actualText(entry, labels)}`;
}

/** The counts of each status, before → after: `✖ 1 → 2 red · …`. */
function countsLine(diff: ResultsDiff, labels: Labels, symbols: Record<string, string>): string {
  return STATUSES.map(
    (status) =>
      `${symbols[status]} ${diff.base.summary[status]} → ${diff.head.summary[status]} ${labels.status[status]}`,
  ).join(" · ");
}

function lines(diff: ResultsDiff, labels: Labels, symbols: Record<string, string>) {
  const rows = rowsOf(diff);
  const { columns } = labels.diff;
  return {
    head: [columns.change, columns.id, columns.title, columns.before, columns.after],
    rows: rows.map((row) => [
      labels.diff.kinds[row.list],
      row.id,
      row.title,
      cell(row, row.before, labels, symbols),
      cell(row, row.after, labels, symbols),
    ]),
    footer: `${countsLine(diff, labels, symbols)}; ${labels.diff.unchanged(diff.unchanged)}`,
  };
}

export function renderDiffTable(diff: ResultsDiff, options: { labels: Labels }): string {
  const { labels } = options;
  const { head, rows, footer } = lines(diff, labels, STATUS_SYMBOL);
  const title = labels.diff.title(diff.base.asOf, diff.head.asOf);
  const body = rows.length === 0 ? labels.diff.none : renderTerminalTable(head, rows);
  return `${title}\n${body}\n${footer}\n`;
}

export function renderDiffMarkdown(diff: ResultsDiff, options: { labels: Labels }): string {
  const { labels } = options;
  const { head, rows, footer } = lines(diff, labels, STATUS_EMOJI);
  const title = labels.diff.title(diff.base.asOf, diff.head.asOf);
  const body = rows.length === 0 ? labels.diff.none : markdownTable(head, rows);
  return `${COMMENT_MARKER}\n### kpi: ${title}\n\n${body}\n\n${footer}\n`;
}

function entryJson(entry: ResultEntry) {
  return {
    status: entry.status,
    reason: entry.reason,
    actual: entry.actual,
    observedOn: entry.observedOn,
    late: entry.late,
    missingReport: entry.missingReport,
  };
}

export function renderDiffJson(diff: ResultsDiff): string {
  const change = (item: TargetChange) => ({
    id: item.id,
    title: item.title,
    before: entryJson(item.before),
    after: entryJson(item.after),
  });
  const json = {
    schemaVersion: 2,
    base: diff.base,
    head: diff.head,
    ...Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, diff.changes[kind].map(change)])),
    lateAppeared: diff.lateAppeared.map(change),
    lateCleared: diff.lateCleared.map(change),
    added: diff.added.map((entry) => ({ id: entry.id, title: entry.title, ...entryJson(entry) })),
    removed: diff.removed.map((entry) => ({
      id: entry.id,
      title: entry.title,
      ...entryJson(entry),
    })),
    unchanged: diff.unchanged,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
