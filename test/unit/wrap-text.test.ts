/**
 * Wrapping text to terminal columns, for the Chinese help and the tables that fit the terminal:
 * Latin text breaks at spaces, Chinese text between characters, never before closing punctuation
 * or after opening punctuation; no line is wider than asked, and no character is lost.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/render/terminal-table.js";
import { wrapText } from "../../src/render/wrap-text.js";

describe("wrapText", () => {
  it("breaks Latin text at spaces and drops the space it breaks at", () => {
    expect(wrapText("the quick brown fox", 10)).toEqual(["the quick", "brown fox"]);
    expect(wrapText("behind, stale (2022-05-31)", 14)).toEqual(["behind, stale", "(2022-05-31)"]);
  });

  it("breaks Chinese text between characters, counting each two columns", () => {
    // 征 迁 “拔 钉 | 清 零” 剩 余 | 遗 留 户: 2 + 2 + 3 + 2 = 9 ≤ 10, and 9 + 清 2 = 11 > 10.
    expect(wrapText("征迁“拔钉清零”剩余遗留户", 10)).toEqual(["征迁“拔钉", "清零”剩余", "遗留户"]);
  });

  it("keeps closing punctuation with the character before it", () => {
    // 滞后， is 2 + 2 + 2 = 6 columns: at 4 the comma is not left to start a line alone.
    expect(wrapText("滞后，数据未更新", 6)).toEqual(["滞后，", "数据未", "更新"]);
    expect(wrapText("滞后，数据", 4)).toEqual(["滞", "后，", "数据"]);
  });

  it("keeps opening punctuation with the character after it", () => {
    // 数据未更新（ would end a line with （: it goes down with 2022-05-31, 2 + 10 + 2 = 14 columns.
    expect(wrapText("数据未更新（2022-05-31）", 14)).toEqual(["数据未更新", "（2022-05-31）"]);
  });

  it("breaks between a Chinese character and a Latin word", () => {
    expect(wrapText("输出指标文件的JSON Schema", 16)).toEqual(["输出指标文件的", "JSON Schema"]);
  });

  it("cuts a word longer than a line", () => {
    expect(wrapText("platform.above-scale-projects", 10)).toEqual([
      "platform.a",
      "bove-scale",
      "-projects",
    ]);
  });

  it("keeps the text's own line breaks", () => {
    expect(wrapText("2022-12-31\nfrom 2022-01-01", 10)).toEqual([
      "2022-12-31",
      "from",
      "2022-01-01",
    ]);
  });

  const text = fc
    .array(
      fc.oneof(
        fc.stringMatching(/^[a-z0-9.,()%-]{1,12}$/),
        fc.constantFrom(" ", "  ", "指标", "征迁“拔钉清零”", "，", "（", "）", "é", "😀", "✔", "–"),
      ),
      { maxLength: 20 },
    )
    .map((pieces) => pieces.join(""));

  it("no line is wider than asked, and only spaces are lost", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 40 }), (input, width) => {
        const lines = wrapText(input, width);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(lines.join("").replace(/\s/g, "")).toBe(input.replace(/\s/g, ""));
      }),
    );
  });

  it("text that fits is one line, as it was", () => {
    fc.assert(
      fc.property(text, (input) => {
        const trimmed = input.trim().replace(/\s+/g, " ");
        expect(wrapText(trimmed, displayWidth(trimmed) + 1)).toEqual([trimmed]);
      }),
    );
  });
});
