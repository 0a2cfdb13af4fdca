import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PLAINLY_SEEN, unseenCharacterOf } from "../../src/core/invisible-characters.js";

/** The whole pattern, as Unicode defines its classes: what the short way must agree with. */
const UNSEEN = /(?! )[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Zl}\p{Zp}\p{Zs}]/u;

describe("unseen characters", () => {
  it("finds no unseen character in any character of the ranges passed without the pattern", () => {
    const passed: number[] = [];
    for (let codePoint = 0; codePoint <= 0xffff; codePoint++) {
      const text = String.fromCharCode(codePoint);
      if (PLAINLY_SEEN.test(text)) passed.push(codePoint);
    }
    // 95 printable ASCII, 63 CJK punctuation, 20,992 ideographs, 94 full-width forms.
    expect(passed).toHaveLength(95 + 63 + 20992 + 94);
    for (const codePoint of passed) expect(UNSEEN.test(String.fromCharCode(codePoint))).toBe(false);
  });

  it("names the first unseen character, wherever the text is from", () => {
    expect(unseenCharacterOf("经信局")).toBeNull();
    expect(unseenCharacterOf("经信\u200b局")).toBe(0x200b);
    expect(unseenCharacterOf("经信\u3000局")).toBe(0x3000);
    expect(unseenCharacterOf("a\u00a0b")).toBe(0xa0);
    expect(unseenCharacterOf("\u3164")).toBe(0x3164);
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const found = UNSEEN.exec(text)?.[0].codePointAt(0) ?? null;
        expect(unseenCharacterOf(text)).toBe(found);
      }),
    );
  });
});
