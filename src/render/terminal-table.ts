/**
 * Box-drawn terminal tables: the layout cli-table3 draws (its default characters, one space of
 * padding, columns as wide as their widest cell, left-aligned, no wrapping), drawn in one pass.
 * cli-table3 merged fifteen border options into every cell and measured each cell up to a dozen
 * times, which cost a quarter of a short run's start-up, and compared every row with every
 * earlier one, which made long tables quadratic. test/terminal-table.test.ts holds this layout to
 * cli-table3's, character for character.
 */
import fullwidth from "is-fullwidth-code-point";
import stringWidth from "string-width";

// string-width's own test of a wide character: its `default` (the types have no other export; the
// module's exports, which an import gets as its default, carry it too).
const isFullwidthCodePoint = fullwidth.default;

export interface TerminalTableOptions {
  /** Draw a rule under the header and between rows. @default false */
  rules?: boolean;
}

// Escape sequences and control characters from an input file must not reach the terminal.
const TERMINAL_CONTROLS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[\u0000-\u001f\u007f-\u009f]/g;

/** Text safe to print in a terminal cell: controls removed, line breaks as spaces. */
export function sanitizeForTerminal(text: string): string {
  return text.replace(/\r\n|\r|\n|\t/g, " ").replace(TERMINAL_CONTROLS, "");
}

/** SGR escape codes (colours, bold): cli-table3 removes these before measuring a cell. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape is the point
const SGR = /\u001b\[(?:\d*;){0,5}\d*m/g;

/**
 * What string-width measures apart: escape codes, and emoji — a character shown as one or one that
 * takes a skin tone (☝), one made so by U+FE0F, a keycap (U+20E3), a joiner (U+200D), or anything
 * past the BMP (the skin tones, flags).
 * A line without any is measured character by character, as string-width measures it, without
 * running its emoji pattern (10 KB of regular expression, a millisecond of every start).
 */
const MEASURED_APART =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape is one of them
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: a joiner anywhere is reason enough
  /[\u001b\u009b\p{Emoji_Presentation}\p{Emoji_Modifier_Base}\u200d\u20e3\ufe0f\u{10000}-\u{10ffff}\ud800-\udfff]/u;

/** Columns a line takes in a terminal: wide characters count two, escape codes none. */
export function displayWidth(line: string): number {
  const text = line.replace(SGR, "");
  if (MEASURED_APART.test(text)) return stringWidth(text);
  let width = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    // As string-width counts: control and combining characters take no column.
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f))
      continue;
    width += isFullwidthCodePoint(code) ? 2 : 1;
  }
  return width;
}

/**
 * The table as lines joined by "\n" (no final newline). A cell may hold several lines; every row
 * has the head's number of cells.
 */
export function renderTerminalTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  options: TerminalTableOptions = {},
): string {
  // Every line of every cell with its width, measured once.
  const cells = [head, ...rows].map((row) =>
    head.map((_, column) =>
      (row[column] ?? "").split("\n").map((text) => ({ text, width: displayWidth(text) })),
    ),
  );
  const widths = head.map(
    (_, column) =>
      cells.reduce(
        (widest, row) =>
          (row[column] ?? []).reduce((most, line) => Math.max(most, line.width), widest),
        0,
      ) + 2,
  );
  const rule = (left: string, middle: string, right: string) =>
    `${left}${widths.map((width) => "─".repeat(width)).join(middle)}${right}`;
  const output = [rule("┌", "┬", "┐")];
  cells.forEach((row, index) => {
    if (index > 0 && options.rules) output.push(rule("├", "┼", "┤"));
    const height = Math.max(...row.map((cell) => cell.length));
    for (let line = 0; line < height; line++) {
      const texts = widths.map((width, column) => {
        const { text, width: used } = row[column]?.[line] ?? { text: "", width: 0 };
        return ` ${text}${" ".repeat(width - 2 - used)} `;
      });
      output.push(`│${texts.join("│")}│`);
    }
  });
  output.push(rule("└", "┴", "┘"));
  return output.join("\n");
}
