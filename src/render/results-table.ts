/** `--format table`: the terminal table, worst first, readable with or without colour. */
import { Chalk, type ChalkInstance } from "chalk";
import { formatDay } from "../core/dates.js";
import { type Report, STATUSES, type Status } from "../core/model.js";
import type { Labels } from "../i18n/labels.js";
import { type FittedTable, fitTerminalTable, type TableFit } from "./fit-terminal-table.js";
import { byStatus, formatPercent, resultCells, resultHeads, STATUS_SYMBOL } from "./format.js";
import { sanitizeForTerminal } from "./terminal-table.js";
import { joinWithin, wrapText } from "./wrap-text.js";

export interface RenderTableOptions {
  labels: Labels;
  /** Use ANSI colours. @default false */
  color?: boolean;
  /** Fit the table within this many columns (a terminal's width); none: the whole table. */
  width?: number | undefined;
}

/**
 * What a reader of the table needs first: the status, the title, the actual and the expected
 * value are always shown; the note, the target, the owner, the progress and the id are left out,
 * in the reverse of that order, while the table is too wide for the terminal. Titles and notes
 * wrap in their cells.
 */
const RESULTS_FIT: TableFit = {
  steps: [{ drop: 1 }, { drop: 7 }, { drop: 3 }, { drop: 6 }, { drop: 8 }],
  wrap: [
    { column: 2, min: 16 },
    // A late result's note says which report was due by when: up to four lines, not left out.
    { column: 8, min: 12, lines: 4 },
  ],
};

const COLOR: Record<Status, (chalk: ChalkInstance) => ChalkInstance> = {
  green: (chalk) => chalk.green,
  yellow: (chalk) => chalk.yellow,
  red: (chalk) => chalk.red,
  grey: (chalk) => chalk.gray,
};

export function renderTable(report: Report, options: RenderTableOptions): string {
  const { labels } = options;
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const head = resultHeads(labels).map((text) => chalk.bold(text));
  const rows = byStatus(report.results).map((result) =>
    resultCells(result, labels, {
      status: COLOR[result.status](chalk)(
        `${STATUS_SYMBOL[result.status]} ${labels.status[result.status]}`,
      ),
      progress: formatPercent,
    }).map((cell, index) => (index === 0 ? cell : sanitizeForTerminal(cell))),
  );
  const table = fitTerminalTable(head, rows, RESULTS_FIT, { width: options.width });
  const summary = summaryParts(report, labels, chalk);
  const { join } = labels.summaryPunctuation;
  if (options.width === undefined) return `${table.text}\n${summary.join(join)}\n`;
  return [
    table.text,
    ...joinWithin(summary, options.width, join),
    ...leftOutNote(table, resultHeads(labels), labels, options.width),
    "",
  ].join("\n");
}

/** Which columns a narrow terminal left out, so that the reader knows where they went. */
export function leftOutNote(
  table: FittedTable,
  head: readonly string[],
  labels: Labels,
  width: number,
): string[] {
  if (table.dropped.length === 0) return [];
  const names = table.dropped.map((column) => head[column] ?? "").join(labels.nameSeparator);
  return wrapText(labels.leftOut(width, names), width);
}

/**
 * `16 targets, as of 2022-03-31: ✖ 1 red, ▲ 2 yellow, ○ 3 grey, ✔ 10 green`, in the parts a
 * narrow terminal may put on lines of their own (joined by spaces, they are the line).
 */
function summaryParts(report: Report, labels: Labels, chalk: ChalkInstance): string[] {
  const counts = STATUSES.map((status) =>
    COLOR[status](chalk)(
      `${STATUS_SYMBOL[status]} ${report.summary[status]} ${labels.status[status]}`,
    ),
  );
  const { comma, colon } = labels.summaryPunctuation;
  return [
    `${report.summary.total} ${labels.targets}${comma}`,
    `${labels.asOf} ${formatDay(report.asOf)}${colon}`,
    ...counts.map((count, index) => (index < counts.length - 1 ? `${count}${comma}` : count)),
  ];
}
