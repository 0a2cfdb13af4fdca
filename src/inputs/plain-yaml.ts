/**
 * A fast reader for the plain YAML that target files are written in. `yaml` parses through a full
 * concrete syntax tree: about 0.5 s for a file of 5,000 targets, most of a large run. This reads
 * a strict subset in one pass over the lines, over ten times faster:
 *   - block mappings whose keys are simple names (`id`, `warn_days`), block sequences (also at
 *     their key's indentation), each entry on its own lines;
 *   - one-line scalars: plain, 'single-quoted' and "double-quoted" without escapes, resolved by
 *     the YAML 1.2 core schema as `yaml` resolves them (null, booleans, plain decimals, strings);
 *   - one-line flow collections of such scalars: `{ by: 2022-03-31, value: 30 }`, `[a, b]`;
 *   - comment lines and comments after a value.
 * Anything else (anchors, tags, block and multi-line scalars, escapes, exponents, duplicate keys,
 * tabs…) returns null, and the file goes to `yaml`: its reading is the reference, and the one
 * that places problems. A property test holds the two readings equal wherever this one answers.
 */
export interface PlainYaml {
  /** The document, as `yaml`'s toJS() gives it. */
  data: unknown;
  /**
   * Where each mapping and sequence starts, then where each of its entries does: a mapping's keys
   * and values in order (`[start, key, value, key, value…]`), a sequence's items (`[start, item,
   * item…]`). Each is the offset `yaml` gives as that node's range[0], so that a problem is placed
   * by the plain reading alone.
   */
  offsets: Map<object, number[]>;
  /** The largest magnitude of the numbers read, 0 when there is none: whether any needs a look. */
  largestNumber: number;
}

/**
 * Where the key (`"key"`) or the value (`"value"`) of a mapping's entry, or a sequence's item, starts;
 * undefined when the mapping has no such key (or the sequence no such item).
 */
export function offsetIn(
  plain: PlainYaml,
  container: object,
  key: string | number,
  part: "key" | "value",
): number | undefined {
  const offsets = plain.offsets.get(container);
  if (offsets === undefined) return undefined;
  if (Array.isArray(container)) {
    const inRange = typeof key === "number" && Number.isInteger(key) && key >= 0;
    return part === "value" && inRange ? offsets[1 + key] : undefined;
  }
  // A mapping's keys are names, which objects keep in insertion order: the order of `offsets`.
  const index = typeof key === "string" ? Object.keys(container).indexOf(key) : -1;
  return index === -1 ? undefined : offsets[1 + 2 * index + (part === "value" ? 1 : 0)];
}

/** The longest list and the largest mapping read here: longer ones are `yaml`'s to report. */
export interface PlainYamlLimits {
  maxListItems: number;
  maxMappingKeys: number;
}

/** Read `text` if it is plain YAML, else null. */
export function readPlainYaml(text: string, limits: PlainYamlLimits): PlainYaml | null {
  if (UNREAD_CHARACTERS.test(text)) return null;
  try {
    return new Reader(text, limits).document();
  } catch (cause) {
    if (cause === NOT_PLAIN) return null;
    throw cause;
  }
}

/**
 * Characters this reader leaves to `yaml`: tabs (indentation rules), a carriage return that ends
 * no line, C0 and C1 controls, byte order marks, non-characters and lone surrogates.
 */
const UNREAD_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\t\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFEFF\uFFFE\uFFFF]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Thrown (once) to give the file up to `yaml`. */
const NOT_PLAIN = Symbol("not plain YAML");
function notPlain(): never {
  throw NOT_PLAIN;
}

/** The keys read here; the core schema's null and boolean words are keys of another type. */
const KEY = /[A-Za-z_][A-Za-z0-9_-]*/y;
const KEYWORD = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
/** Decimals read exactly alike by Number() and by `yaml` (parseInt / parseFloat). */
const DECIMAL = /^-?[0-9]{1,15}(?:\.[0-9]{1,15})?$/;
/** Every other form the core schema reads as a number: left to `yaml`. */
const OTHER_NUMBER =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** The characters that a null, a boolean or a number of the core schema can start with. */
const RESOLVED_STARTS = new Set([..."~nNtTfF+-.0123456789"]);
/** Characters that start something other than a plain scalar (YAML's c-indicators). */
const INDICATORS = new Set([..."-?:,[]{}#&*!|>'\"%@`"]);
/** Deeper nesting than any target file has; `yaml` reports what is wrong with it. */
const MAX_DEPTH = 64;

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

/** A line with something other than a comment on it. */
interface Line {
  /** Offset of the line's first character. */
  begin: number;
  /** Offset of its first non-space character. */
  start: number;
  /** Offset of its end, before "\n" or "\r\n". */
  end: number;
}

class Reader {
  private readonly lines: Line[] = [];
  private index = 0;
  private readonly offsets = new Map<object, number[]>();
  private largestNumber = 0;

  constructor(
    private readonly text: string,
    private readonly limits: PlainYamlLimits,
  ) {
    for (let begin = 0; begin < text.length; ) {
      let end = text.indexOf("\n", begin);
      const next = end === -1 ? text.length : end + 1;
      if (end === -1) end = text.length;
      if (end > begin && text.charCodeAt(end - 1) === 13) end--;
      let start = begin;
      while (start < end && text.charCodeAt(start) === SPACE) start++;
      if (start < end && text.charCodeAt(start) !== HASH) this.lines.push({ begin, start, end });
      begin = next;
    }
  }

  document(): PlainYaml | null {
    const first = this.lines[0];
    // An empty file, or an indented top level: `yaml` says what is wrong, or reads it.
    if (first === undefined || first.start !== first.begin) return null;
    const data = this.node(first.start, 0, 0);
    if (this.index !== this.lines.length) return null;
    return { data, offsets: this.offsets, largestNumber: this.largestNumber };
  }

  /** The block node starting at `at` (a sequence or a mapping), `indent` its column. */
  private node(at: number, indent: number, depth: number): unknown {
    if (depth > MAX_DEPTH) notPlain();
    const line = this.line();
    if (this.isItem(at, line)) return this.sequence(at, indent, depth);
    if (this.keyEnd(at, line) !== -1) return this.mapping(at, indent, depth);
    return notPlain();
  }

  private line(): Line {
    return this.lines[this.index] ?? notPlain();
  }

  /** The next line, when it is more indented than `indent`: the value of what precedes it. */
  private deeper(indent: number): Line | undefined {
    const next = this.lines[this.index];
    return next !== undefined && next.start - next.begin > indent ? next : undefined;
  }

  /** A new mapping or sequence that starts at `at`: the list its entries' offsets go to. */
  private container(value: object, at: number): number[] {
    const offsets = [at];
    this.offsets.set(value, offsets);
    return offsets;
  }

  private mapping(at: number, indent: number, depth: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const offsets = this.container(map, at);
    let keys = 0;
    for (let start = at; ; ) {
      const line = this.line();
      const keyEnd = this.keyEnd(start, line);
      if (keyEnd === -1) notPlain();
      const key = this.text.slice(start, keyEnd);
      if (KEYWORD.test(key) || key === "__proto__" || Object.hasOwn(map, key)) notPlain();
      if (++keys > this.limits.maxMappingKeys) notPlain();
      const rest = this.skipSpaces(keyEnd + 1, line.end);
      // An empty value is placed where it would start: after the spaces that follow the colon.
      let valueAt = rest;
      let value: unknown = null;
      if (rest === line.end || this.text.charCodeAt(rest) === HASH) {
        this.index++;
        const below = this.deeper(indent);
        const next = this.lines[this.index];
        if (below !== undefined) {
          valueAt = below.start;
          value = this.node(below.start, below.start - below.begin, depth + 1);
        }
        // A sequence may sit at its key's indentation ("targets:\n- id: …").
        else if (
          next !== undefined &&
          next.start - next.begin === indent &&
          this.isItem(next.start, next)
        ) {
          valueAt = next.start;
          value = this.sequence(next.start, indent, depth + 1);
        }
      } else {
        value = this.inline(rest, line.end);
        this.index++;
        // A more indented line would continue the scalar over lines, or be an error.
        if (this.deeper(indent) !== undefined) notPlain();
      }
      map[key] = value;
      offsets.push(start, valueAt);
      const next = this.lines[this.index];
      if (next === undefined || next.start - next.begin < indent) return map;
      if (next.start - next.begin > indent) notPlain();
      start = next.start;
    }
  }

  private sequence(at: number, indent: number, depth: number): unknown[] {
    const list: unknown[] = [];
    const offsets = this.container(list, at);
    for (let start = at; ; ) {
      const line = this.line();
      const rest = this.skipSpaces(start + 1, line.end);
      let itemAt = rest;
      let item: unknown = null;
      if (rest === line.end || this.text.charCodeAt(rest) === HASH) {
        this.index++;
        const below = this.deeper(indent);
        if (below !== undefined) {
          itemAt = below.start;
          item = this.node(below.start, below.start - below.begin, depth + 1);
        }
      } else if (this.isItem(rest, line)) {
        notPlain();
      } else if (this.keyEnd(rest, line) !== -1) {
        // "- id: x": a mapping that starts on the item's line, at the key's column.
        item = this.mapping(rest, rest - line.begin, depth + 1);
      } else {
        item = this.inline(rest, line.end);
        this.index++;
        if (this.deeper(indent) !== undefined) notPlain();
      }
      offsets.push(itemAt);
      if (list.push(item) > this.limits.maxListItems) notPlain();
      const next = this.lines[this.index];
      if (next === undefined || next.start - next.begin < indent) return list;
      if (next.start - next.begin > indent) notPlain();
      // A line at this indentation that is no item: the key after a sequence at its key's column.
      if (!this.isItem(next.start, next)) return list;
      start = next.start;
    }
  }

  /** "-" then a space or the end of the line. */
  private isItem(at: number, line: Line): boolean {
    return (
      this.text.charCodeAt(at) === DASH &&
      (at + 1 === line.end || this.text.charCodeAt(at + 1) === SPACE)
    );
  }

  /** The end of a simple key followed by ":" and a space or the line's end, else -1. */
  private keyEnd(at: number, line: Line): number {
    KEY.lastIndex = at;
    if (!KEY.test(this.text)) return -1;
    const end = KEY.lastIndex;
    if (end >= line.end || this.text.charCodeAt(end) !== COLON) return -1;
    return end + 1 === line.end || this.text.charCodeAt(end + 1) === SPACE ? end : -1;
  }

  private skipSpaces(at: number, end: number): number {
    let position = at;
    while (position < end && this.text.charCodeAt(position) === SPACE) position++;
    return position;
  }

  /** A value that starts at `at` and ends on this line (a comment may follow it). */
  private inline(at: number, end: number): unknown {
    const first = this.text[at];
    if (first === "{" || first === "[") {
      const [value, after] = first === "{" ? this.flowMap(at, end) : this.flowList(at, end);
      this.endOfValue(after, end);
      return value;
    }
    if (first === '"' || first === "'") {
      const [value, after] = this.quoted(at, end);
      this.endOfValue(after, end);
      return value;
    }
    // A plain scalar runs to the end of the line or to a comment (" #").
    let stop = at;
    while (
      stop < end &&
      !(this.text.charCodeAt(stop) === HASH && this.text.charCodeAt(stop - 1) === SPACE)
    )
      stop++;
    while (stop > at && this.text.charCodeAt(stop - 1) === SPACE) stop--;
    const source = this.text.slice(at, stop);
    if (source.includes(": ") || source.endsWith(":")) notPlain();
    return this.scalar(source);
  }

  /** A plain scalar by the core schema, the largest number kept. */
  private scalar(source: string): unknown {
    const value = plainScalar(source);
    if (typeof value === "number" && Math.abs(value) > this.largestNumber)
      this.largestNumber = Math.abs(value);
    return value;
  }

  /** After a quoted scalar or a flow collection: spaces, then the line's end or a comment. */
  private endOfValue(at: number, end: number): void {
    const next = this.skipSpaces(at, end);
    if (next === end) return;
    if (next > at && this.text.charCodeAt(next) === HASH) return;
    notPlain();
  }

  /** A one-line quoted scalar at `at`: its value and the offset after its closing quote. */
  private quoted(at: number, end: number): [string, number] {
    const quote = this.text[at] as string;
    if (quote === '"') {
      const close = this.text.indexOf('"', at + 1);
      if (close === -1 || close >= end) notPlain();
      const value = this.text.slice(at + 1, close);
      if (value.includes("\\")) notPlain();
      return [value, close + 1];
    }
    // Single quotes: '' is a quote.
    let value = "";
    for (let from = at + 1; ; ) {
      const close = this.text.indexOf("'", from);
      if (close === -1 || close >= end) notPlain();
      value += this.text.slice(from, close);
      if (this.text[close + 1] !== "'") return [value, close + 1];
      value += "'";
      from = close + 2;
    }
  }

  private flowMap(at: number, end: number): [Record<string, unknown>, number] {
    const map: Record<string, unknown> = {};
    const offsets = this.container(map, at);
    let position = this.skipSpaces(at + 1, end);
    if (this.text[position] === "}") return [map, position + 1];
    let keys = 0;
    for (;;) {
      KEY.lastIndex = position;
      if (!KEY.test(this.text)) notPlain();
      const keyEnd = KEY.lastIndex;
      const key = this.text.slice(position, keyEnd);
      if (this.text.charCodeAt(keyEnd) !== COLON || this.text.charCodeAt(keyEnd + 1) !== SPACE)
        notPlain();
      if (KEYWORD.test(key) || key === "__proto__" || Object.hasOwn(map, key)) notPlain();
      if (++keys > this.limits.maxMappingKeys) notPlain();
      const valueAt = this.skipSpaces(keyEnd + 1, end);
      const [value, after] = this.flowScalar(valueAt, end);
      map[key] = value;
      offsets.push(position, valueAt);
      position = this.skipSpaces(after, end);
      if (this.text[position] === "}") return [map, position + 1];
      if (this.text[position] !== ",") notPlain();
      position = this.skipSpaces(position + 1, end);
    }
  }

  private flowList(at: number, end: number): [unknown[], number] {
    const list: unknown[] = [];
    const offsets = this.container(list, at);
    let position = this.skipSpaces(at + 1, end);
    if (this.text[position] === "]") return [list, position + 1];
    for (;;) {
      offsets.push(position);
      const [value, after] = this.flowScalar(position, end);
      if (list.push(value) > this.limits.maxListItems) notPlain();
      position = this.skipSpaces(after, end);
      if (this.text[position] === "]") return [list, position + 1];
      if (this.text[position] !== ",") notPlain();
      position = this.skipSpaces(position + 1, end);
    }
  }

  /** A scalar inside a flow collection: quoted, or plain up to a "," or a closing bracket. */
  private flowScalar(at: number, end: number): [unknown, number] {
    if (at >= end) notPlain();
    const first = this.text[at];
    if (first === '"' || first === "'") return this.quoted(at, end);
    let stop = at;
    while (stop < end && !FLOW_STOPS.has(this.text[stop] as string)) stop++;
    let last = stop;
    while (last > at && this.text.charCodeAt(last - 1) === SPACE) last--;
    const source = this.text.slice(at, last);
    // A colon or a comment inside a flow collection: left to `yaml`.
    if (source.includes(":") || source.includes(" #")) notPlain();
    return [this.scalar(source), stop];
  }
}

const FLOW_STOPS = new Set([",", "[", "]", "{", "}"]);

/** A plain scalar by the core schema, or notPlain() for the forms left to `yaml`. */
function plainScalar(source: string): unknown {
  const first = source[0];
  if (first === undefined) return notPlain();
  // "-3" is a number and "-x" text; "- x" and the other indicators are not plain scalars.
  if (INDICATORS.has(first) && !(first === "-" && source.length > 1 && source[1] !== " "))
    notPlain();
  // Most values are text that no pattern below can match (a title, an owner): taken as they are.
  if (!RESOLVED_STARTS.has(first)) return source;
  if (NULL.test(source)) return null;
  if (TRUE.test(source)) return true;
  if (FALSE.test(source)) return false;
  if (DECIMAL.test(source)) return Number(source);
  if (OTHER_NUMBER.test(source)) notPlain();
  return source;
}
