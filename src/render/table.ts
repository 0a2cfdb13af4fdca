/** `--format table`: the terminal table, worst first, readable with or without colour. */
import { Chalk, type ChalkInstance } from "chalk";
import Table from "cli-table3";
import { formatDay } from "../dates.js";
import type { Labels } from "../i18n.js";
import { type Report, STATUSES, type Status } from "../model.js";
import { byStatus, formatPercent, resultCells, resultHeads, STATUS_SYMBOL } from "./format.js";

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

// Escape sequences and control characters from an input file must not reach the terminal.
const TERMINAL_CONTROLS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[\u0000-\u001f\u007f-\u009f]/g;

/** Text safe to print in a terminal cell: controls removed, line breaks as spaces. */
export function sanitizeForTerminal(text: string): string {
  return text.replace(/\r\n|\r|\n|\t/g, " ").replace(TERMINAL_CONTROLS, "");
}

export function renderTable(report: Report, options: RenderTableOptions): string {
  const { labels } = options;
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const table = new Table({
    head: resultHeads(labels).map((head) => chalk.bold(head)),
    style: { head: [], border: [] },
    // No rule between rows: the table stays as long as the list of targets.
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  for (const result of byStatus(report.results)) {
    const paint = COLOR[result.status](chalk);
    table.push(
      resultCells(result, labels, {
        status: paint(`${STATUS_SYMBOL[result.status]} ${labels.status[result.status]}`),
        progress: formatPercent,
      }).map((cell, index) => (index === 0 ? cell : sanitizeForTerminal(cell))),
    );
  }
  return `${table.toString()}\n${renderSummaryLine(report, labels, chalk)}\n`;
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
