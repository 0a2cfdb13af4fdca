/**
 * Characters that cannot be seen (SPEC 2, v2: an id never holds one). Two ids that differ by a
 * zero-width space look the same on every screen: such a character is named, never shown.
 */

/**
 * Characters that show nothing: format characters (zero-width space and joiners, the byte order
 * mark, the soft hyphen, bidirectional marks) and the rest of Unicode's default-ignorable ones
 * (the Hangul filler, variation selectors).
 */
export const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/**
 * What an id may not hold and a reader cannot tell apart from nothing or from a space: the
 * invisible characters, controls, and every space but the ordinary one (a no-break or
 * ideographic space looks like a space, which no id holds either).
 */
const UNSEEN_IN_ID = /(?! )[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Zl}\p{Zp}\p{Zs}]/u;

/** The first character of `text` that cannot be seen in an id, as its code point; null if none. */
export function unseenCharacterOf(text: string): number | null {
  return UNSEEN_IN_ID.exec(text)?.[0].codePointAt(0) ?? null;
}

/** `U+200B`: a code point as Unicode writes it. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}
