/**
 * A terminal table made to fit the terminal's width. A table that fits is drawn as it is; one
 * that does not gives way in the order its renderer chose: columns that matter less are left out
 * (or get shorter heads) until the rest fit with their running text (a title, a note) wrapped
 * inside the cells on at most two lines, or on no more lines than the row has anyway.
 */
import { displayWidth, renderTerminalTable, type TerminalTableOptions } from "./terminal-table.js";
import { wrapText } from "./wrap-text.js";

/** One way a table gives way: a column left out, or shorter heads for some columns. */
export type FitStep =
  | { readonly drop: number }
  | { readonly heads: Readonly<Record<number, string>> };

export interface TableFit {
  /** Tried in order, each only while the table does not fit yet. */
  steps: readonly FitStep[];
  /**
   * The columns whose text may be wrapped, with the narrowest each may be made; room is given
   * to them in this order.
   */
  wrap: readonly {
    readonly column: number;
    readonly min: number;
    /** Wrapped only once every step is taken (a name is better read whole). @default false */
    readonly lastResort?: boolean;
    /** The lines a wrapped cell may take (or as many as its row has). @default 2 */
    readonly lines?: number;
  }[];
}

export interface FittedTable {
  /** The table's lines joined by "\n", as renderTerminalTable draws them. */
  text: string;
  /** The columns left out, by index, in the order of the table. */
  dropped: number[];
}

/** A wrapped cell may take this many lines by default, or as many as its row has without wrapping. */
const MAX_WRAPPED_LINES = 2;

/** The width of a drawn table whose columns hold this much text: a border and two spaces each. */
function drawnWidth(widths: Iterable<number>): number {
  let total = 1;
  for (const width of widths) total += width + 3;
  return total;
}

/**
 * The table drawn within `width` columns when it can be, following `fit`; with no width, or when
 * it fits as it is, exactly what renderTerminalTable draws.
 */
export function fitTerminalTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  fit: TableFit,
  options: TerminalTableOptions & { width?: number | undefined } = {},
): FittedTable {
  const { width } = options;
  if (width === undefined) return { text: renderTerminalTable(head, rows, options), dropped: [] };
  const natural = (column: number, heading: string) => {
    let widest = displayWidth(heading);
    for (const row of rows)
      for (const line of (row[column] ?? "").split("\n"))
        widest = Math.max(widest, displayWidth(line));
    return widest;
  };
  const heads = [...head];
  const widths = head.map((heading, column) => natural(column, heading));
  if (drawnWidth(widths) <= width)
    return { text: renderTerminalTable(head, rows, options), dropped: [] };

  const heights = rows.map((row) => Math.max(1, ...row.map((cell) => cell.split("\n").length)));
  const wrapped = (column: number, limit: number) =>
    rows.map((row) =>
      (row[column] ?? "")
        .split("\n")
        .flatMap((line) => (displayWidth(line) <= limit ? [line] : wrapText(line, limit))),
    );
  // Whether every cell of the column, wrapped to `limit`, keeps within its row's allowance.
  const short = (column: number, limit: number) => {
    const allowed = fit.wrap.find((candidate) => candidate.column === column)?.lines;
    return wrapped(column, limit).every(
      (lines, row) => lines.length <= Math.max(allowed ?? MAX_WRAPPED_LINES, heights[row] ?? 1),
    );
  };

  const kept = new Set(head.map((_, column) => column));
  let stepsLeft = fit.steps.length;
  const wrapping = (column: number) =>
    fit.wrap.find(
      (candidate) => candidate.column === column && (stepsLeft === 0 || !candidate.lastResort),
    );
  // A head is never wrapped: its column is at least as wide as it.
  const narrowest = (column: number) => {
    const full = widths[column] ?? 0;
    const wrap = wrapping(column);
    return wrap === undefined
      ? full
      : Math.min(full, Math.max(wrap.min, displayWidth(heads[column] ?? "")));
  };

  /** The widths the kept columns get, and whether the wrapped ones keep within their lines. */
  const layout = () => {
    const given = new Map([...kept].sort((a, b) => a - b).map((c) => [c, narrowest(c)]));
    let room = width - drawnWidth(given.values());
    if (room < 0) return { given, fits: false, short: false };
    // First what each wrapped column needs to keep within its lines, then the rest, in order.
    for (const pass of ["needed", "rest"] as const)
      for (const { column } of fit.wrap) {
        const now = wrapping(column) === undefined ? undefined : given.get(column);
        if (now === undefined || room <= 0) continue;
        let goal = widths[column] ?? now;
        if (pass === "needed") {
          // The narrowest width that keeps the column short: binary search, wrapping is monotone.
          let low = now;
          while (low < goal) {
            const middle = Math.floor((low + goal) / 2);
            if (short(column, middle)) goal = middle;
            else low = middle + 1;
          }
        }
        const more = Math.max(0, Math.min(room, goal - now));
        given.set(column, now + more);
        room -= more;
      }
    const isShort = fit.wrap.every(
      ({ column }) =>
        wrapping(column) === undefined ||
        !given.has(column) ||
        short(column, given.get(column) ?? 0),
    );
    return { given, fits: true, short: isShort };
  };

  // With every step taken, what is left is drawn as well as it can be: the essential columns stay.
  let chosen = layout();
  for (const step of fit.steps) {
    if (chosen.fits && chosen.short) break;
    if ("drop" in step) kept.delete(step.drop);
    else
      for (const [column, heading] of Object.entries(step.heads)) {
        heads[Number(column)] = heading;
        widths[Number(column)] = natural(Number(column), heading);
      }
    stepsLeft--;
    chosen = layout();
  }

  const shown = [...chosen.given.keys()];
  const cells = new Map(
    shown
      .filter((column) => wrapping(column) !== undefined)
      .map((column) => [column, wrapped(column, chosen.given.get(column) ?? 0)]),
  );
  return {
    text: renderTerminalTable(
      shown.map((column) => heads[column] ?? ""),
      rows.map((row, index) =>
        shown.map((column) => cells.get(column)?.[index]?.join("\n") ?? row[column] ?? ""),
      ),
      options,
    ),
    dropped: head.map((_, column) => column).filter((column) => !kept.has(column)),
  };
}
