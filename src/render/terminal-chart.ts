/**
 * A terminal chart of values over calendar days: a grid of characters with a value axis and a date
 * axis. Series are told apart by their symbol, not by colour, so it reads on any terminal, in a
 * log and on paper. Pure: data in, lines of text out.
 */
import { type Day, formatDay } from "../core/dates.js";

/** A series drawn as a line: sampled once per column, at the last day the column covers. */
export interface ChartCurve {
  symbol: string;
  /** The value at the end of a day, or null where the curve is not drawn. */
  valueAt: (day: Day) => number | null;
  /** Draw only within these days. @default the whole chart */
  from?: Day;
  to?: Day;
}

/** A series drawn as points at their days. */
export interface ChartPoints {
  symbol: string;
  points: readonly { day: Day; value: number }[];
}

export interface ChartOptions {
  from: Day;
  to: Day;
  /** Drawn in order: a later series covers an earlier one where they meet. */
  series: readonly (ChartCurve | ChartPoints)[];
  /** How a value is written on the axis. */
  formatValue: (value: number) => string;
  /** Days to tick on the date axis and name under it when there is room (the as-of date). */
  marks?: readonly Day[];
  /** Columns of the plot. @default 60 */
  width?: number;
  /** Rows of the plot; odd, so that the middle row is the middle value. @default 13 */
  height?: number;
}

/** The chart as lines of text, ending with a newline. */
export function renderChart(options: ChartOptions): string {
  const width = Math.max(10, options.width ?? 60);
  const height = Math.max(3, options.height ?? 13);
  const from = options.from;
  const to = Math.max(options.to, from + 1);
  const dayOfColumn = (column: number) =>
    Math.round(from + ((to - from) * column) / (width - 1)) as Day;
  const columnOfDay = (day: Day) => Math.round(((day - from) * (width - 1)) / (to - from));

  // Every (column, value) to draw, series by series, before the scale is known.
  const marks: { column: number; value: number; symbol: string }[] = [];
  for (const series of options.series) {
    if ("points" in series) {
      for (const point of series.points) {
        const column = columnOfDay(point.day);
        if (column >= 0 && column < width)
          marks.push({ column, value: point.value, symbol: series.symbol });
      }
      continue;
    }
    for (let column = 0; column < width; column++) {
      const day = dayOfColumn(column);
      if (day < (series.from ?? from) || day > (series.to ?? to)) continue;
      const value = series.valueAt(day);
      if (value !== null && Number.isFinite(value))
        marks.push({ column, value, symbol: series.symbol });
    }
  }

  // A loop, not Math.min(...values): a long series must not overflow the call stack.
  let low = marks.length === 0 ? 0 : Number.POSITIVE_INFINITY;
  let high = marks.length === 0 ? 1 : Number.NEGATIVE_INFINITY;
  for (const mark of marks) {
    low = Math.min(low, mark.value);
    high = Math.max(high, mark.value);
  }
  if (high - low < 1e-9 * Math.max(1, Math.abs(high))) [low, high] = [low - 1, high + 1];
  const rowOfValue = (value: number) => Math.round(((high - value) * (height - 1)) / (high - low));

  const grid = Array.from({ length: height }, () => new Array<string>(width).fill(" "));
  for (const mark of marks) {
    const row = grid[rowOfValue(mark.value)];
    if (row) row[mark.column] = mark.symbol;
  }

  // Value labels on the top, middle and bottom rows: the values those rows stand for.
  const labelled = new Map<number, string>();
  for (const row of [0, Math.round((height - 1) / 2), height - 1]) {
    labelled.set(row, options.formatValue(high - ((high - low) * row) / (height - 1)));
  }
  const labelWidth = Math.max(...[...labelled.values()].map((label) => label.length));
  const lines = grid.map((cells, row) => {
    const label = labelled.get(row);
    const axis =
      label === undefined ? `${" ".repeat(labelWidth)} │` : `${label.padStart(labelWidth)} ┤`;
    return `${axis}${cells.join("")}`.trimEnd();
  });

  const tickColumns = (options.marks ?? [])
    .map(columnOfDay)
    .filter((column) => column >= 0 && column < width);
  const axis = Array.from({ length: width }, (_, column) =>
    tickColumns.includes(column) ? "┬" : "─",
  ).join("");
  lines.push(`${" ".repeat(labelWidth)} └${axis}`);
  lines.push(
    `${" ".repeat(labelWidth + 2)}${dateAxis(width, from, to, options.marks ?? [], columnOfDay)}`.trimEnd(),
  );
  return `${lines.join("\n")}\n`;
}

/** The first and last dates at the ends, and each mark's date under its tick where it fits. */
function dateAxis(
  width: number,
  from: Day,
  to: Day,
  marks: readonly Day[],
  columnOfDay: (day: Day) => number,
): string {
  const cells = new Array<string>(width + 10).fill(" ");
  const taken = new Array<boolean>(width + 10).fill(false);
  const place = (text: string, start: number): boolean => {
    // One blank column between labels, so that two dates never run together.
    for (let i = start - 1; i <= start + text.length; i++) if (taken[i]) return false;
    if (start < 0 || start + text.length > cells.length) return false;
    for (let i = 0; i < text.length; i++) {
      cells[start + i] = text[i] as string;
      taken[start + i] = true;
    }
    return true;
  };
  const first = formatDay(from);
  const last = formatDay(to);
  place(first, 0);
  place(last, Math.max(first.length + 1, width - last.length));
  for (const day of marks) {
    const label = formatDay(day);
    place(label, Math.min(width - label.length, Math.max(0, columnOfDay(day) - 5)));
  }
  return cells.join("");
}
