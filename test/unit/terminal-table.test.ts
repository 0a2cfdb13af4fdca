/**
 * The terminal table is held to cli-table3's layout, character for character: the layout kpi's
 * tables had when cli-table3 drew them, and the one users and scripts have seen since.
 */
import { Chalk } from "chalk";
import Table from "cli-table3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth, renderTerminalTable } from "../../src/render/terminal-table.js";

/** The options kpi gave cli-table3: no colours of its own, and with or without rules. */
function cliTable3(head: string[], rows: string[][], rules: boolean): string {
  const table = new Table({
    head,
    style: { head: [], border: [] },
    ...(rules ? {} : { chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" } }),
  });
  table.push(...rows);
  return table.toString();
}

const chalk = new Chalk({ level: 1 });
const piece = fc.oneof(
  fc.stringMatching(/^[a-z0-9 .%,:@→≤-]{0,8}$/),
  fc.constantFrom(
    "指标",
    "征迁“拔钉清零”",
    "１２３",
    "，。；",
    "✔",
    "✖",
    "▲",
    "○",
    "–",
    "é",
    "e\u0301",
    "😀",
    "👍🏽",
    "✔\uFE0F",
    "1\uFE0F\u20E3",
    "한국",
    "ｶﾀｶﾅ",
  ),
);
const text = fc.array(piece, { maxLength: 4 }).map((pieces) => pieces.join(""));
const styled = fc.oneof(
  { weight: 3, arbitrary: text },
  text.map((value) => chalk.bold(value)),
  text.map((value) => chalk.red(value)),
  fc.tuple(text, text).map(([plain, coloured]) => `${plain}${chalk.green(coloured)}`),
);
const cell = (lines: boolean) =>
  lines
    ? fc.array(styled, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("\n"))
    : styled;

describe("a terminal table", () => {
  it("is what cli-table3 draws, for any cells, one line or several, with and without rules", () => {
    const tables = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.boolean())
      .chain(([columns, multiline]) =>
        fc.record({
          head: fc.array(cell(false), { minLength: columns, maxLength: columns }),
          rows: fc.array(fc.array(cell(multiline), { minLength: columns, maxLength: columns }), {
            maxLength: 12,
          }),
          rules: fc.boolean(),
        }),
      );
    fc.assert(
      fc.property(tables, ({ head, rows, rules }) => {
        expect(renderTerminalTable(head, rows, { rules })).toBe(cliTable3(head, rows, rules));
      }),
      { numRuns: 300 },
    );
  });

  it("draws a head with no rows, and the example's kind of row", () => {
    expect(renderTerminalTable(["Status", "ID"], [])).toBe(cliTable3(["Status", "ID"], [], false));
    const row = ["✖ red", "land.demolition-holdouts", "征迁“拔钉清零”剩余遗留户", "1 户"];
    const head = ["Status", "ID", "Title", "Actual"];
    expect(renderTerminalTable(head, [row])).toBe(cliTable3(head, [row], false));
    expect(renderTerminalTable(head, [row]).split("\n")).toEqual([
      "┌────────┬──────────────────────────┬──────────────────────────┬────────┐",
      "│ Status │ ID                       │ Title                    │ Actual │",
      "│ ✖ red  │ land.demolition-holdouts │ 征迁“拔钉清零”剩余遗留户 │ 1 户   │",
      "└────────┴──────────────────────────┴──────────────────────────┴────────┘",
    ]);
  });

  it("lays out hundreds of rows as cli-table3 does, and tens of thousands in one pass", () => {
    const head = ["ID", "Title"];
    const rows = Array.from({ length: 450 }, (_, i) => [`t${i}`, `指标${"长".repeat(i % 7)}`]);
    expect(renderTerminalTable(head, rows)).toBe(cliTable3(head, rows, false));
    // cli-table3 took minutes here (it compares every row with every earlier one).
    const many = Array.from({ length: 50_000 }, (_, i) => [`t${i}`, "指标"]);
    const lines = renderTerminalTable(head, many).split("\n");
    expect(lines).toHaveLength(50_000 + 3);
    expect(lines.at(-2)).toBe("│ t49999 │ 指标  │");
  });
});

describe("display width", () => {
  it("counts wide characters two, escape codes and combining marks none", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("指标")).toBe(4);
    expect(displayWidth(chalk.red("指标"))).toBe(4);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("😀")).toBe(2);
  });
});
