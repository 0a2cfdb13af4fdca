/**
 * Characters that cannot be seen (SPEC 2, v2: an id never holds one). Two ids that differ by a
 * zero-width space look the same on every screen: such a character is named, never shown.
 */

/** Printable ASCII: no character of it is unseen but the space. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * What an id may not hold and a reader cannot tell apart from nothing or from a space: format
 * characters (zero-width spaces and joiners, the byte order mark, the soft hyphen, bidirectional
 * marks), the rest of Unicode's default-ignorable ones (the Hangul filler, variation selectors),
 * controls, and every space but the ordinary one (a no-break or ideographic space looks like a
 * space, which no id holds either). Made the first time a text that is not ASCII is looked at:
 * a pattern of Unicode properties takes a millisecond to build, at every start.
 */
let unseenInId: RegExp | undefined;

/** The first character of `text` that cannot be seen in an id, as its code point; null if none. */
export function unseenCharacterOf(text: string): number | null {
  if (PRINTABLE_ASCII.test(text)) return null;
  unseenInId ??= /(?! )[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Zl}\p{Zp}\p{Zs}]/u;
  return unseenInId.exec(text)?.[0].codePointAt(0) ?? null;
}

/** `U+200B`: a code point as Unicode writes it. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}
