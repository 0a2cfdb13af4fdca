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
  const head = resultHeads(labels).map((text) => chalk.bold(text));
  const rows = byStatus(report.results).map((result) =>
    resultCells(result, labels, {
      status: COLOR[result.status](chalk)(
        `${STATUS_SYMBOL[result.status]} ${labels.status[result.status]}`,
      ),
      progress: formatPercent,
    }).map((cell, index) => (index === 0 ? cell : sanitizeForTerminal(cell))),
  );
  return `${layOutTable(head, rows)}
${renderSummaryLine(report, labels, chalk)}
`;
}

/** Rows per cli-table3 table: its layout compares every cell with every earlier row. */
const BLOCK_ROWS = 200;

/**
 * One terminal table of any length. cli-table3's layout takes time quadratic in the number of
 * rows (20,000 targets took minutes), so long tables are laid out in blocks of BLOCK_ROWS rows
 * with the same column widths (measured by a first pass) and joined where their borders meet.
 */
function layOutTable(head: string[], rows: string[][]): string {
  const blocks: string[][][] = [];
  for (let start = 0; start < rows.length || start === 0; start += BLOCK_ROWS) {
    blocks.push(rows.slice(start, start + BLOCK_ROWS));
  }
  const make = (block: string[][], colWidths: number[], withHead: boolean) => {
    const table = new Table({
      ...(withHead ? { head } : {}),
      colWidths,
      style: { head: [], border: [] },
      // No rule between rows: the table stays as long as the list of targets.
      chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    });
    table.push(...block);
    return table;
  };
  if (blocks.length === 1) return make(blocks[0] ?? [], [], true).toString();
  // cli-table3 writes the widths it computed into options.colWidths: the widest of each column wins.
  const widths: number[] = [];
  for (const block of blocks) {
    const table = make(block, [], true);
    table.toString();
    table.options.colWidths.forEach((width, column) => {
      widths[column] = Math.max(widths[column] ?? 0, width ?? 0);
    });
  }
  return blocks
    .map((block, index) => {
      const lines = make(block, widths, index === 0)
        .toString()
        .split("\n");
      // The first block keeps its top border, the last its bottom one; between them, neither.
      return lines
        .slice(index === 0 ? 0 : 1, index === blocks.length - 1 ? lines.length : -1)
        .join("\n");
    })
    .join("\n");
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
