/**
 * Bytes → text: the first stage of the data pipeline. A data file's encoding is decided from its
 * bytes before any of it is parsed (SPEC section 3: UTF-16 by its byte order mark, UTF-8, a mixed
 * file refused, else GB18030, unless one is forced), by a first pass over the bytes; a second pass
 * decodes them chunk by chunk for the CSV reader. Both passes stream: a file is never held in
 * memory, let alone twice.
 */
import { isAscii, isUtf8 } from "node:buffer";
import { MAX_RECORD_LENGTH } from "../inputs/csv.js";

/** The bytes of a file, chunk by chunk, from its start; each chunk is valid until the next is read. */
export type ByteChunks = () => Iterable<Buffer>;

/** How a file's bytes are to be read: the outcome of the first pass. */
export type Encoding =
  /** Valid UTF-8; `ascii` when every byte is below 0x80. */
  | { kind: "utf-8"; ascii: boolean }
  /** Any other encoding, by name: decoded as such, whatever the bytes. */
  | { kind: "other"; name: string }
  /** UTF-8 was forced, and the bytes are not UTF-8. */
  | { kind: "not-utf-8" }
  /**
   * Mixed (SPEC 3, v2): line `utf8Line` is valid UTF-8 with a character of three bytes (a Chinese
   * one), and line `line`, the first that is not UTF-8, is something else: a cell pasted from a
   * GBK source. Read as GB18030, every UTF-8 line would be garbled; read as UTF-8, the other
   * line: the file is not read.
   */
  | { kind: "mixed"; line: number; utf8Line: number };

/**
 * The encoding of a file's bytes: the forced one; else UTF-16 when a byte order mark of UTF-16
 * opens the file (Excel's "Unicode text"); else UTF-8 when the bytes are valid UTF-8; else mixed
 * when one line is UTF-8 holding a character of three bytes; else GB18030 (what Excel on a
 * Chinese Windows saves). Forced UTF-8 is checked all the same.
 */
export function decideEncoding(bytes: ByteChunks, forced: string | undefined): Encoding {
  if (forced !== undefined && !isUtf8Name(forced)) return { kind: "other", name: forced };
  if (forced === undefined) {
    const utf16 = utf16ByBom(bytes());
    if (utf16 !== null) return { kind: "other", name: utf16 };
  }
  const scan = scanUtf8(bytes());
  if (scan.valid) return { kind: "utf-8", ascii: scan.ascii };
  if (forced !== undefined) return { kind: "not-utf-8" };
  const lines = scanLines(bytes());
  if (lines.utf8Line !== null && lines.invalidLine !== null)
    return { kind: "mixed", line: lines.invalidLine, utf8Line: lines.utf8Line };
  return { kind: "other", name: "gb18030" };
}

/** "utf-16le" or "utf-16be" when the bytes open with that byte order mark, else null. */
function utf16ByBom(chunks: Iterable<Buffer>): "utf-16le" | "utf-16be" | null {
  const opening: number[] = [];
  for (const chunk of chunks) {
    for (const byte of chunk.subarray(0, 2 - opening.length)) opening.push(byte);
    if (opening.length === 2) break;
  }
  const [first, second] = opening;
  if (first === 0xff && second === 0xfe) return "utf-16le";
  if (first === 0xfe && second === 0xff) return "utf-16be";
  return null;
}

/** The name of an encoding as a problem shows it: UTF-8, GB18030, UTF-16LE. */
export function encodingName(encoding: Encoding): string {
  return encoding.kind === "other" ? encoding.name.toUpperCase() : "UTF-8";
}

/**
 * Past this many bytes without a line break, the CSV reader has stopped at a record longer than
 * MAX_RECORD_LENGTH (no character takes more than four bytes; the few more are for a character
 * cut by a chunk) and reads nothing after it: the first pass reads no further either, so that a
 * huge file of one line (a 4 GiB file of NUL bytes) is refused as quickly as before.
 */
const MAX_BYTES_WITHOUT_LINE_BREAK = 4 * MAX_RECORD_LENGTH + 16;

/**
 * Strict UTF-8, chunk by chunk: a character cut by the end of a chunk is completed by the next
 * one; ASCII, nearly every chunk of a large file, is checked by the fastest test there is.
 */
function scanUtf8(chunks: Iterable<Buffer>): { valid: boolean; ascii: boolean } {
  let ascii = true;
  let carried: Buffer | null = null;
  let sinceLineBreak = 0;
  for (const chunk of chunks) {
    const lastBreak = Math.max(chunk.lastIndexOf(0x0a), chunk.lastIndexOf(0x0d));
    sinceLineBreak =
      lastBreak === -1 ? sinceLineBreak + chunk.length : chunk.length - lastBreak - 1;
    if (carried === null && isAscii(chunk)) {
      if (sinceLineBreak > MAX_BYTES_WITHOUT_LINE_BREAK) break;
      continue;
    }
    ascii = false;
    const bytes: Buffer = carried === null ? chunk : Buffer.concat([carried, chunk]);
    const cut = completeLength(bytes);
    if (!isUtf8(bytes.subarray(0, cut))) return { valid: false, ascii };
    carried = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null;
    if (sinceLineBreak > MAX_BYTES_WITHOUT_LINE_BREAK) return { valid: true, ascii };
  }
  // A character cut off by the end of the file.
  return { valid: carried === null, ascii };
}

/** What a look at each line of a file that is not UTF-8 finds (the line numbers are 1-based). */
export interface LineScan {
  /** The first line that is not valid UTF-8; null when every line is. */
  invalidLine: number | null;
  /** The first line that is valid UTF-8 and holds a character of three bytes, or null. */
  utf8Line: number | null;
}

/**
 * Each line checked as UTF-8, on the path of files that are not UTF-8 only: a strict UTF-8
 * decoder (no overlong forms, surrogates or code points past U+10FFFF) run over the bytes one by
 * one, without a buffer made for any line (a native check of each line of a large file took
 * longer than reading its rows). It stops once both lines are found, or at the first line that is
 * not UTF-8 when `untilInvalid`.
 */
export function scanLines(chunks: Iterable<Buffer>, untilInvalid = false): LineScan {
  let invalidLine: number | null = null;
  let utf8Line: number | null = null;
  let line = 1;
  // The line being read: valid so far, and whether it holds a three-byte character.
  let valid = true;
  let threeBytes = false;
  // Continuation bytes the character being read still needs, and the range of the next one.
  let needed = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let afterReturn = false;
  for (const chunk of chunks) {
    for (let at = 0; at < chunk.length; at++) {
      const byte = chunk[at] as number;
      if (needed > 0) {
        if (byte >= lower && byte <= upper) {
          needed--;
          lower = 0x80;
          upper = 0xbf;
          continue;
        }
        // The character is cut short: the line is not UTF-8, and this byte starts afresh.
        valid = false;
        needed = 0;
        lower = 0x80;
        upper = 0xbf;
      }
      if (byte < 0x80) {
        // A line ends at LF, CRLF or a CR alone, as decodeChunks reads them.
        if (byte === 0x0a && afterReturn) {
          afterReturn = false;
          continue;
        }
        afterReturn = byte === 0x0d;
        if (byte !== 0x0a && byte !== 0x0d) continue;
        if (!valid) invalidLine ??= line;
        else if (threeBytes) utf8Line ??= line;
        if (invalidLine !== null && (untilInvalid || utf8Line !== null))
          return { invalidLine, utf8Line };
        line++;
        valid = true;
        threeBytes = false;
        continue;
      }
      afterReturn = false;
      if (!valid) continue;
      if (byte >= 0xc2 && byte <= 0xdf) needed = 1;
      else if (byte >= 0xe0 && byte <= 0xef) {
        needed = 2;
        threeBytes = true;
        if (byte === 0xe0) lower = 0xa0;
        else if (byte === 0xed) upper = 0x9f;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        needed = 3;
        if (byte === 0xf0) lower = 0x90;
        else if (byte === 0xf4) upper = 0x8f;
      } else valid = false;
    }
  }
  // The last line, and a character cut off by the end of the file.
  if (needed > 0 || !valid) invalidLine ??= line;
  else if (threeBytes) utf8Line ??= line;
  return { invalidLine, utf8Line };
}

/** The line of the first bytes that are not UTF-8. */
export function lineOfInvalidUtf8(chunks: Iterable<Buffer>): number {
  return scanLines(chunks, true).invalidLine ?? 1;
}

/** Text chunk by chunk, without a byte order mark at its start. */
export interface TextDecoding {
  write(bytes: Buffer): string;
  end(): string;
}

/** iconv-lite, for an encoding the platform's TextDecoder does not know. */
export type Iconv = typeof import("iconv-lite");

/**
 * A decoder for a file of the encoding decided: UTF-8 by Node's own decoding (ASCII taken as it
 * is), other WHATWG encodings (GB18030) by the platform's TextDecoder, native with Node's ICU,
 * else by iconv-lite, which the caller loads when `needsIconv` says so.
 */
export function createDecoder(encoding: Encoding, iconv: Iconv | null): TextDecoding {
  if (encoding.kind === "utf-8") return utf8Decoder(encoding.ascii);
  if (encoding.kind === "not-utf-8" || encoding.kind === "mixed")
    throw new Error("bytes that are not UTF-8 are not decoded");
  const native = nativeDecoder(encoding.name);
  if (native !== null)
    return { write: (bytes) => native.decode(bytes, { stream: true }), end: () => native.decode() };
  if (iconv === null) throw new Error(`no decoder for ${encoding.name}`);
  const fallback = iconv.getDecoder(encoding.name, { stripBOM: false });
  // A copy: the chunks share a buffer, and iconv-lite may keep the end of one for the next.
  return { write: (bytes) => fallback.write(Buffer.from(bytes)), end: () => fallback.end() ?? "" };
}

/**
 * Whether decoding `forced` (or, when no encoding is forced, the GB18030 of files that are not
 * UTF-8) needs iconv-lite: an encoding that the platform's TextDecoder does not know.
 */
export function needsIconv(forced: string | undefined): boolean {
  // Node.js with all of ICU's data (its own builds, or the system's ICU) decodes GB18030: asked
  // of its build, since making a decoder only to learn that is half a millisecond of every start.
  if (forced === undefined && process.versions.icu !== undefined && !hasSmallIcu()) return false;
  const name = forced ?? "gb18030";
  return !isUtf8Name(name) && nativeDecoder(name) === null;
}

/** Whether Node.js was built with ICU's English data only (`--with-intl=small-icu`). */
function hasSmallIcu(): boolean {
  const variables = (process.config as { variables?: { icu_small?: unknown } }).variables;
  return variables?.icu_small !== false;
}

/** The platform's decoder of an encoding, or null when it does not know the label. */
function nativeDecoder(name: string): InstanceType<typeof TextDecoder> | null {
  try {
    // The BOM is dropped by decodeChunks, the same way for every encoding.
    return new TextDecoder(name, { ignoreBOM: true });
  } catch {
    // Not a label the platform knows (or a Node.js built without ICU): iconv-lite knows more.
    return null;
  }
}

/** UTF-8 already checked by the first pass: decoded as it is, a character cut by a chunk carried. */
function utf8Decoder(ascii: boolean): TextDecoding {
  let carried: Buffer | null = null;
  return {
    write(chunk) {
      // All ASCII: one byte a character, taken as it is.
      if (ascii) return chunk.toString("latin1");
      const bytes: Buffer = carried === null ? chunk : Buffer.concat([carried, chunk]);
      const cut = completeLength(bytes);
      const whole = bytes.subarray(0, cut);
      carried = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null;
      return whole.toString(isAscii(whole) ? "latin1" : "utf8");
    },
    end: () => (carried === null ? "" : carried.toString("utf8")),
  };
}

/**
 * The text of byte chunks by a decoder, chunk by chunk, without a byte order mark at its start,
 * and with a line break of a carriage return alone (old Mac Excel, SPEC 3) made a line feed, so
 * that the later stages see LF or CRLF only.
 */
export function* decodeChunks(chunks: Iterable<Buffer>, decoder: TextDecoding): Generator<string> {
  let start = true;
  // A carriage return that ended the last chunk: the next one says whether a line feed follows.
  let carriedReturn = false;
  const lineEnds = (text: string, last: boolean): string => {
    let whole = carriedReturn ? `\r${text}` : text;
    carriedReturn = !last && whole.endsWith("\r");
    if (carriedReturn) whole = whole.slice(0, -1);
    return whole.includes("\r") ? whole.replace(LONE_CARRIAGE_RETURN, "\n") : whole;
  };
  for (const chunk of chunks) {
    let text = decoder.write(chunk);
    // A byte order mark opens the text in any encoding (GB18030 has one too): not part of it.
    if (start && text !== "") {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      start = false;
    }
    text = lineEnds(text, false);
    if (text !== "") yield text;
  }
  let rest = decoder.end();
  if (start && rest.charCodeAt(0) === 0xfeff) rest = rest.slice(1);
  rest = lineEnds(rest, true);
  if (rest !== "") yield rest;
}

const LONE_CARRIAGE_RETURN = /\r(?!\n)/g;

/**
 * The length of `bytes` without a UTF-8 character that starts within its last three bytes and
 * needs more bytes than are left. Anything else, valid or not, is judged by the validation.
 */
function completeLength(bytes: Buffer): number {
  for (let at = bytes.length - 1; at >= 0 && at >= bytes.length - 3; at--) {
    const byte = bytes[at] as number;
    if (byte < 0x80) return bytes.length;
    if (byte < 0xc0) continue; // a continuation byte: look further back for the lead byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return bytes.length - at < needed ? at : bytes.length;
  }
  return bytes.length;
}

/** "utf-8", "UTF8", "utf_8"…: the names of UTF-8. */
export function isUtf8Name(encoding: string): boolean {
  return encoding.toLowerCase().replace(/[^a-z0-9]/g, "") === "utf8";
}

/**
 * What bytes that are not UTF-8 most likely are, to name it in a problem: UTF-16 or UTF-32 by
 * their byte order mark (or, for UTF-16 without one, by the zero bytes of its ASCII characters),
 * else GB18030 when they decode as such; null when they are none of these.
 */
export function nameEncoding(bytes: Uint8Array): string | null {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return "UTF-32LE";
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return "UTF-32BE";
  if (a === 0xff && b === 0xfe) return "UTF-16LE";
  if (a === 0xfe && b === 0xff) return "UTF-16BE";
  // Text of ASCII characters in UTF-16 has a zero byte in every other place.
  const pairs = Math.min(bytes.length >> 1, 256);
  let zeroFirst = 0;
  let zeroSecond = 0;
  for (let pair = 0; pair < pairs; pair++) {
    if (bytes[2 * pair] === 0) zeroFirst++;
    if (bytes[2 * pair + 1] === 0) zeroSecond++;
  }
  if (pairs > 0 && zeroSecond > pairs / 2 && zeroFirst === 0) return "UTF-16LE";
  if (pairs > 0 && zeroFirst > pairs / 2 && zeroSecond === 0) return "UTF-16BE";
  try {
    new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    return "GB18030";
  } catch {
    return null;
  }
}
