/**
 * Characters that cannot be seen (SPEC 2, v2: an id never holds one). Two ids that differ by a
 * zero-width space look the same on every screen: such a character is named, never shown.
 */

/**
 * Text that has no unseen character, by its ranges alone: printable ASCII (whose only unseen
 * character, the space, is allowed), CJK punctuation but the ideographic space, CJK ideographs
 * and full-width forms. Most ids, titles and owners' names are of these, and are looked at
 * without the pattern below (a test holds every character of these ranges seen by it).
 */
export const PLAINLY_SEEN = /^[\x20-\x7e\u3001-\u303f\u4e00-\u9fff\uff01-\uff5e]*$/;

/**
 * What an id may not hold and a reader cannot tell apart from nothing or from a space: format
 * characters (zero-width spaces and joiners, the byte order mark, the soft hyphen, bidirectional
 * marks), the rest of Unicode's default-ignorable ones (the Hangul filler, variation selectors),
 * controls, and every space but the ordinary one (a no-break or ideographic space looks like a
 * space, which no id holds either). Made the first time a text that is not PLAINLY_SEEN is
 * looked at: a pattern of Unicode properties takes a millisecond to build, at every start.
 */
let unseenInId: RegExp | undefined;

/** The first character of `text` that cannot be seen in an id, as its code point; null if none. */
export function unseenCharacterOf(text: string): number | null {
  if (PLAINLY_SEEN.test(text)) return null;
  unseenInId ??= /(?! )[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Zl}\p{Zp}\p{Zs}]/u;
  return unseenInId.exec(text)?.[0].codePointAt(0) ?? null;
}

/** `U+200B`: a code point as Unicode writes it. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}
