/**
 * Tables made to fit the terminal: a table that fits is drawn exactly as before; one that does
 * not leaves columns out in the order given, shortens heads, and wraps the running-text columns,
 * and then no line is wider than the terminal and no text of a column shown is lost.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitTerminalTable, type TableFit } from "../../src/render/fit-terminal-table.js";
import { displayWidth, renderTerminalTable } from "../../src/render/terminal-table.js";

const HEAD = ["Status", "ID", "Title", "Actual"];
const ROWS = [
  ["✖ red", "land.old-parks", "老旧园区累计改造提升", "5120 亩"],
  ["✔ green", "invest.projects-100m", "固投亿元以上项目", "81 个"],
];
const FIT: TableFit = { steps: [{ drop: 1 }], wrap: [{ column: 2, min: 8 }] };

/** The width of the widest line. */
const widest = (text: string) => Math.max(...text.split("\n").map(displayWidth));

describe("fitTerminalTable", () => {
  it("with no width, or room enough, draws what renderTerminalTable draws", () => {
    const whole = renderTerminalTable(HEAD, ROWS);
    expect(fitTerminalTable(HEAD, ROWS, FIT)).toEqual({ text: whole, dropped: [] });
    expect(fitTerminalTable(HEAD, ROWS, FIT, { width: widest(whole) })).toEqual({
      text: whole,
      dropped: [],
    });
  });

  it("a little too wide: the title wraps on two lines, and every column stays", () => {
    // The whole table: 1 + (7+3) + (20+3) + (20+3) + (7+3) = 67; at 66 the title has 19 columns.
    const fitted = fitTerminalTable(HEAD, ROWS, FIT, { width: 66 });
    expect(fitted.dropped).toEqual([]);
    expect(fitted.text.split("\n").slice(2, 4)).toEqual([
      "│ ✖ red   │ land.old-parks       │ 老旧园区累计改造提 │ 5120 亩 │",
      "│         │                      │ 升                 │         │",
    ]);
  });

  it("when the title would take three lines, the first column of the steps is left out", () => {
    // With ID the title would have 56 - 47 = 9 columns: three lines for 20. Without ID: 44 ≤ 56.
    const fitted = fitTerminalTable(HEAD, ROWS, FIT, { width: 56 });
    expect(fitted.dropped).toEqual([1]);
    expect(fitted.text).toBe(
      renderTerminalTable(
        ["Status", "Title", "Actual"],
        ROWS.map((row) => [row[0] ?? "", row[2] ?? "", row[3] ?? ""]),
      ),
    );
  });

  it("then the title wraps in its cell, on two lines at most while it can", () => {
    // Without ID, 44 columns; at 34 the title has 20 - 10 = 10 columns: 老旧园区累 | 计改造提升.
    const fitted = fitTerminalTable(HEAD, ROWS, FIT, { width: 34 });
    expect(fitted.text.split("\n")).toEqual([
      "┌─────────┬────────────┬─────────┐",
      "│ Status  │ Title      │ Actual  │",
      "│ ✖ red   │ 老旧园区累 │ 5120 亩 │",
      "│         │ 计改造提升 │         │",
      "│ ✔ green │ 固投亿元以 │ 81 个   │",
      "│         │ 上项目     │         │",
      "└─────────┴────────────┴─────────┘",
    ]);
  });

  it("a step may shorten heads instead of leaving a column out", () => {
    const head = ["Owner", "✖ red", "✔ green"];
    const rows = [["经信局", "1", "2"]];
    const fit: TableFit = { steps: [{ heads: { 1: "✖", 2: "✔" } }], wrap: [] };
    // 1 + (6+3) + (5+3) + (7+3) = 28; with the short heads 1 + 9 + 4 + 4 = 18.
    const fitted = fitTerminalTable(head, rows, fit, { width: 20 });
    expect(fitted).toEqual({ text: renderTerminalTable(["Owner", "✖", "✔"], rows), dropped: [] });
  });

  const cell = fc.oneof(
    fc.stringMatching(/^[a-z0-9 .%-]{0,14}$/),
    fc.constantFrom("老旧园区累计改造提升", "征迁“拔钉清零”剩余遗留户", "✖ red", "1200 亩", "–"),
  );
  const table = fc.integer({ min: 2, max: 6 }).chain((columns) =>
    fc.record({
      head: fc.array(fc.stringMatching(/^[A-Z][a-z]{0,5}$/), {
        minLength: columns,
        maxLength: columns,
      }),
      rows: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 6 }),
      width: fc.integer({ min: 20, max: 120 }),
    }),
  );

  it("whatever the table: within the width whenever its first column fits, and no text lost", () => {
    fc.assert(
      fc.property(table, ({ head, rows, width }) => {
        // Every column but the first may be left out (the last first); every one but the first wraps.
        const fit: TableFit = {
          steps: head.slice(1).map((_, index) => ({ drop: head.length - 1 - index })),
          wrap: head.slice(1).map((_, index) => ({ column: index + 1, min: 8 })),
        };
        const fitted = fitTerminalTable(head, rows, fit, { width });
        const firstColumn = Math.max(...[head, ...rows].map((row) => displayWidth(row[0] ?? "")));
        if (firstColumn + 4 + 11 <= width) expect(widest(fitted.text)).toBeLessThanOrEqual(width);
        const shown = head.map((_, column) => column).filter((c) => !fitted.dropped.includes(c));
        expect(shown[0]).toBe(0);
        // Each row's text in the columns shown, spaces aside, is all there, in order.
        const drawn = fitted.text.replace(/[\s│┌┐└┘├┤┬┴┼─]/g, "");
        const expected = [head, ...rows]
          .map((row) => shown.map((column) => row[column] ?? "").join(""))
          .join("")
          .replace(/\s/g, "");
        for (const character of expected) expect(drawn).toContain(character);
        expect(drawn.length).toBe(expected.length);
      }),
    );
  });
});
