/**
 * Wrapping text to a number of terminal columns. Latin text breaks at spaces; Chinese text, which
 * has none, breaks between any two characters, except before closing punctuation (，。）” …) and
 * after opening punctuation (（“ …), which stay with the character they belong to.
 */
import { displayWidth } from "./terminal-table.js";

// Written as escapes: the bundle is ASCII (scripts/build.js).
const NO_BREAK_BEFORE =
  /^[\uff0c\u3002\u3001\uff1b\uff1a\uff01\uff1f\uff09\u300d\u300f\u201d\u2019\u300b\u3009\u3011\u3015\u2026,.;:!?)\]}%]$/u;
const NO_BREAK_AFTER = /^[\uff08\u300c\u300e\u201c\u2018\u300a\u3008\u3010\u3014([{]$/u;
const SPACE = /^\s+$/u;

/** A colour code (SGR): it takes no column, and stays with the text after it. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape is the point
const SGR = /(\u001b\[[0-9;]*m)/;

let segmenter: Intl.Segmenter | undefined;

/**
 * The characters a user sees (an accented letter or a flag is one), each with its width; a colour
 * code is one of no width.
 */
function graphemes(text: string): { text: string; width: number }[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const result: { text: string; width: number }[] = [];
  text.split(SGR).forEach((piece, index) => {
    if (index % 2 === 1) result.push({ text: piece, width: 0 });
    else
      for (const { segment } of segmenter?.segment(piece) ?? [])
        result.push({ text: segment, width: displayWidth(segment) });
  });
  return result;
}

/**
 * A piece of text no line breaks inside: a word, a wide character with its punctuation and colour
 * codes, or a run of spaces.
 */
interface Unit {
  text: string;
  width: number;
  space: boolean;
}

function units(line: string): Unit[] {
  const result: Unit[] = [];
  let previous: { text: string; width: number } | undefined;
  for (const grapheme of graphemes(line)) {
    const space = SPACE.test(grapheme.text);
    const last = result[result.length - 1];
    const joins =
      last !== undefined &&
      previous !== undefined &&
      !space &&
      !last.space &&
      (grapheme.width === 0 ||
        previous.width === 0 ||
        NO_BREAK_BEFORE.test(grapheme.text) ||
        NO_BREAK_AFTER.test(previous.text) ||
        (grapheme.width < 2 && previous.width < 2));
    if (joins && last !== undefined) {
      last.text += grapheme.text;
      last.width += grapheme.width;
    } else if (space && last?.space) {
      last.text += grapheme.text;
      last.width += grapheme.width;
    } else result.push({ text: grapheme.text, width: grapheme.width, space });
    previous = grapheme;
  }
  // A number stays with the unit or word after it: `130 个`, `(30 days)`.
  for (let index = result.length - 2; index > 0; index--) {
    const [before, space, after] = [result[index - 1], result[index], result[index + 1]];
    if (
      before !== undefined &&
      space?.space &&
      after !== undefined &&
      /\d$/.test(before.text) &&
      /^\p{L}/u.test(after.text)
    ) {
      result.splice(index - 1, 3, {
        text: before.text + space.text + after.text,
        width: before.width + space.width + after.width,
        space: false,
      });
      index--;
    }
  }
  return result;
}

/**
 * The text as lines of at most `width` columns (wide characters count two). Its own line breaks
 * are kept; spaces where it breaks are dropped; a word longer than a line is cut.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let used = 0;
    let pendingSpace: Unit | undefined;
    const flush = () => {
      lines.push(line);
      line = "";
      used = 0;
      pendingSpace = undefined;
    };
    for (const unit of units(paragraph)) {
      if (unit.space) {
        if (used > 0) pendingSpace = unit;
        continue;
      }
      const spaceWidth = pendingSpace?.width ?? 0;
      if (used > 0 && used + spaceWidth + unit.width > width) flush();
      if (used > 0 && pendingSpace !== undefined) {
        line += pendingSpace.text;
        used += pendingSpace.width;
      }
      pendingSpace = undefined;
      if (unit.width <= width - used) {
        line += unit.text;
        used += unit.width;
        continue;
      }
      // Longer than a whole line: cut it, character by character.
      for (const grapheme of graphemes(unit.text)) {
        if (used > 0 && used + grapheme.width > width) flush();
        line += grapheme.text;
        used += grapheme.width;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Parts joined by `join` (a space, or nothing after Chinese punctuation) into lines of at most
 * `width` columns, breaking only between parts (a part wider than a line is wrapped itself):
 * `✔ 11 green` stays whole.
 */
export function joinWithin(parts: readonly string[], width: number, join = " "): string[] {
  const lines: string[] = [];
  let line = "";
  for (const part of parts) {
    if (line === "") line = part;
    else if (displayWidth(`${line}${join}${part}`) <= width) line = `${line}${join}${part}`;
    else {
      lines.push(line);
      line = part;
    }
    if (displayWidth(line) > width) {
      const wrapped = wrapText(line, width);
      line = wrapped.pop() ?? "";
      lines.push(...wrapped);
    }
  }
  lines.push(line);
  return lines;
}
