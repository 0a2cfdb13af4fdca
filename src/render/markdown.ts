/** `--format markdown`: one GitHub table of every target, worst first. */
import { formatDay } from "../dates.js";
import type { Labels } from "../i18n.js";
import type { Report } from "../model.js";
import {
  byStatus,
  formatActual,
  formatCounts,
  formatExpected,
  formatNote,
  formatPercent,
  formatTarget,
  STATUS_EMOJI,
} from "./format.js";

/** A table cell: pipes, line breaks and HTML from input files cannot break the table. */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/[*_`[\]]/g, (char) => `\\${char}`)
    .replace(/\r\n|\r|\n/g, "<br>");
}

/** A GitHub table: a header row, the delimiter row, and one row per entry, every cell escaped. */
export function markdownTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeMarkdownCell).join(" | ")} |`;
  return [line(head), `|${head.map(() => " --- ").join("|")}|`, ...rows.map(line)].join("\n");
}

/** `--format markdown` of `kpi check`. */
export function renderMarkdown(report: Report, options: { labels: Labels }): string {
  const { labels } = options;
  const columns = labels.columns;
  const head = [
    columns.status,
    columns.id,
    columns.title,
    columns.owner,
    columns.actual,
    columns.expected,
    columns.target,
    columns.progress,
    columns.note,
  ];
  const rows = byStatus(report.results).map((result) => [
    `${STATUS_EMOJI[result.status]} ${labels.status[result.status]}`,
    result.target.id,
    result.target.title,
    result.target.owner.join(labels.nameSeparator),
    formatActual(result, labels),
    formatExpected(result, labels),
    formatTarget(result, labels),
    result.progress === null ? "" : formatPercent(result.progress),
    formatNote(result, labels),
  ]);
  const { summary } = report;
  return [
    `**${summary.total} ${labels.targets}, ${labels.asOf} ${formatDay(report.asOf)}:** ${formatCounts(summary, labels)}`,
    "",
    markdownTable(head, rows),
    "",
  ].join("\n");
}
