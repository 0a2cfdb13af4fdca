/**
 * The terminal table is held to cli-table3's layout, character for character: the layout kpi's
 * tables had when cli-table3 drew them, and the one users and scripts have seen since.
 */
import { Chalk } from "chalk";
import Table from "cli-table3";
import fc from "fast-check";
import stringWidth from "string-width";
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
    // Hand check: ✔ is one column alone, two as an emoji (U+FE0F); a keycap is two.
    expect(displayWidth("✔ 绿灯")).toBe(1 + 1 + 2 + 2);
    expect(displayWidth("✔\ufe0f")).toBe(2);
    expect(displayWidth("1\ufe0f\u20e3 项")).toBe(2 + 1 + 2);
    expect(displayWidth("⌚")).toBe(2);
  });

  /** string-width's measure, as displayWidth was before it measured simple lines itself. */
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape is the point
  const measured = (line: string) => stringWidth(line.replace(/\u001b\[(?:\d*;){0,5}\d*m/g, ""));

  it("measures every character of the BMP as string-width does", () => {
    for (let code = 0; code <= 0xffff; code++) {
      const text = String.fromCharCode(code);
      if (displayWidth(text) !== measured(text))
        expect(displayWidth(text), text).toBe(measured(text));
    }
  });

  // Emoji, the characters that make one (keycaps, U+FE0F, joiners, modifiers) and those near them.
  const emojiLike = [
    ..."#*0123456789©®‼⁉™ℹ↔↩⌚⌨⏏⏩⏸Ⓜ▪▶◀◻◽☀☝♀♂⚕✅✔✖✨❤➕➡⬅⭐〰〽㊗㊙",
    "\ufe0f",
    "\ufe0e",
    "\u20e3",
    "\u200d",
    "\u{1f3fb}",
    "\u{1f1e8}",
    "\u{1f1f3}",
    "\u{e0067}",
    "\ud83c",
    "\u001b",
    "\u009b",
  ];
  const others = [..."a 1.%指标绿灯，（）“”│─▲○\u0301\u00a0\u3000"];

  it("measures every pair of emoji-like characters as string-width does", () => {
    for (const first of [...emojiLike, ...others])
      for (const second of [...emojiLike, ...others]) {
        const text = first + second;
        if (displayWidth(text) !== measured(text))
          expect(displayWidth(text), text).toBe(measured(text));
      }
  });

  it("measures any line as string-width does", () => {
    const unit = fc.oneof(
      fc.constantFrom(...emojiLike, ...others, "\u001b[31m", "\u001b[0m", "\u001b[1;2m"),
      fc.string({ unit: "grapheme", maxLength: 2 }),
      fc.string({ unit: "binary", maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (parts) => {
        const line = parts.join("");
        expect(displayWidth(line)).toBe(measured(line));
      }),
      { numRuns: 5000 },
    );
  });
});
