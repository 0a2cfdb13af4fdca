/** `--format table`: the terminal table, worst first, readable with or without colour. */
import { Chalk, type ChalkInstance } from "chalk";
import { formatDay } from "../core/dates.js";
import { type Report, STATUSES, type Status } from "../core/model.js";
import type { Labels } from "../i18n/labels.js";
import { byStatus, formatPercent, resultCells, resultHeads, STATUS_SYMBOL } from "./format.js";
import { renderTerminalTable, sanitizeForTerminal } from "./terminal-table.js";

export interface RenderTableOptions {
  labels: Labels;
  /** Use ANSI colours. @default false */
  color?: boolean;
}

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
  return `${renderTerminalTable(head, rows)}
${renderSummaryLine(report, labels, chalk)}
`;
}

/** `16 targets as of 2022-03-31: ✖ 1 red, ▲ 2 yellow, ○ 3 grey, ✔ 10 green`. */
function renderSummaryLine(report: Report, labels: Labels, chalk: ChalkInstance): string {
  const counts = STATUSES.map((status) =>
    COLOR[status](chalk)(
      `${STATUS_SYMBOL[status]} ${report.summary[status]} ${labels.status[status]}`,
    ),
  );
  return `${report.summary.total} ${labels.targets}, ${labels.asOf} ${formatDay(report.asOf)}: ${counts.join(", ")}`;
}
