/** `--format markdown`: one GitHub table of every target, worst first. */
import type { Report } from "../core/model.js";
import type { Labels } from "../i18n/labels.js";
import {
  byStatus,
  formatCounts,
  formatPercent,
  resultCells,
  resultHeads,
  STATUS_EMOJI,
  summaryHeading,
} from "./format.js";

// Every control character but the line breaks, which become <br>.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * A table cell: pipes, line breaks and HTML from input files cannot break the table, and their
 * control characters (an ANSI escape sequence) cannot reach a terminal that shows the markdown.
 */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(CONTROL_CHARACTERS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/[*_`~[\]]/g, (char) => `\\${char}`)
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
  const rows = byStatus(report.results).map((result) =>
    resultCells(result, labels, {
      status: `${STATUS_EMOJI[result.status]} ${labels.status[result.status]}`,
      progress: formatPercent,
    }),
  );
  const { summary } = report;
  const heading = summaryHeading(summary.total, report.asOf, labels);
  return [
    // The colon outside the bold, as in the report: `**…：**🔴` would not close the bold in
    // CommonMark (a closing ** after punctuation must be followed by a space or punctuation).
    `**${heading.text}**${heading.colon}${formatCounts(summary, labels)}`,
    "",
    markdownTable(resultHeads(labels), rows),
    "",
  ].join("\n");
}
