/**
 * The `yaml` library's errors as kpi's problems: mapped by the library's error code, never shown
 * in its English, with a hint that names the character at fault where the text shows one (a
 * full-width colon after a key, a tab or a full-width space as indentation, a value that starts
 * with `%`). Pure: reads only the text and the error's position.
 */

import type { IndentCharacter, YamlFileRole } from "../core/problem-codes.js";
import type { CodeAndParams } from "../core/problems.js";

/** A YAML problem and the offset to place it at. */
export interface YamlProblem {
  problem: CodeAndParams;
  offset: number;
}

/** The characters that look like indentation and are not spaces, by what they are called. */
const INDENT_CHARACTERS: ReadonlyMap<string, IndentCharacter> = new Map([
  ["\t", "tab"],
  ["\u00a0", "no-break-space"],
  ["\u3000", "ideographic-space"],
]);

/** An error of the library: its code (`BAD_INDENT`, `TAB_AS_INDENT`…) and position in the text. */
export interface YamlError {
  code: string;
  pos: readonly [number, number];
}

/** The problems of the library's errors of one text, one for each error, in their order. */
export function yamlErrorProblems(
  text: string,
  errors: readonly YamlError[],
  role: YamlFileRole = "target",
): YamlProblem[] {
  const lines = new LineReader(text);
  // What is left open at the end is the same for every error: found once, when first asked.
  let open: number | null | undefined;
  const openQuoteOrBracket = () => {
    open ??= openAtEnd(text);
    return open;
  };
  // Nesting too deep is said once: how many times yaml gives up on it varies with the stack.
  const firstExhaustion = errors.findIndex((error) => error.code === "RESOURCE_EXHAUSTION");
  return errors
    .filter((error, i) => error.code !== "RESOURCE_EXHAUSTION" || i === firstExhaustion)
    .map((error) => yamlErrorProblem(text, error.code, error.pos, lines, openQuoteOrBracket, role));
}

function yamlErrorProblem(
  text: string,
  code: string,
  position: readonly [number, number],
  lines: LineReader,
  openQuoteOrBracket: () => number | null,
  role: YamlFileRole,
): YamlProblem {
  const offset = position[0];
  const at = (problem: CodeAndParams, where = offset): YamlProblem => ({ problem, offset: where });
  if (code === "RESOURCE_EXHAUSTION") return at(["yaml.nested-too-deeply", {}]);
  const line = lines.around(offset);
  if (line.indent !== null)
    return at(["yaml.indent-character", { character: line.indent }], line.start);
  if (code === "TAB_AS_INDENT") return at(["yaml.indent-character", { character: "tab" }]);
  if (line.fullWidthColon) return at(["yaml.full-width-colon", {}]);
  switch (code) {
    case "BAD_SCALAR_START": {
      const character = text[offset] ?? "";
      const before = text.slice(line.start, offset);
      const key = /^\s*(?:-\s+)*(.*?):\s*$/.exec(before)?.[1]?.trim();
      const value = withoutComment(text.slice(offset, line.end)).trimEnd();
      return at(["yaml.plain-value-start", { character, key: key || null, value }]);
    }
    case "BLOCK_AS_IMPLICIT_KEY": {
      const pair = /^\s*(?:-\s+)*([^\s:#][^:#]*?):\s+(.*)$/.exec(line.text);
      const value = withoutComment(pair?.[2] ?? "").trimEnd();
      if (pair !== null && /:(?:\s|$)/.test(value))
        return at(["yaml.colon-in-value", { key: (pair[1] as string).trim(), value }]);
      return at(["yaml.bad-indent", {}]);
    }
    case "MULTIPLE_DOCS":
      return at(["yaml.several-documents", { role }]);
    case "BAD_DQ_ESCAPE":
      return text[offset] === "\\"
        ? at(["yaml.bad-escape", { sequence: text.slice(offset, offset + 2) }])
        : at(["yaml.invalid", {}]);
    case "DUPLICATE_KEY":
      return at([
        "yaml.duplicate-key",
        { key: /^[^:\n]*/.exec(text.slice(offset))?.[0].trim() ?? "" },
      ]);
  }
  if (code === "BAD_INDENT" || code === "MISSING_CHAR" || code === "UNEXPECTED_TOKEN") {
    const open = openQuoteOrBracket();
    if (open !== null) {
      const opener = text[open] as string;
      return opener === "[" || opener === "{"
        ? at(["yaml.unclosed-bracket", { bracket: opener }], open)
        : at(["yaml.unclosed-quote", { quote: opener }], open);
    }
  }
  if (code === "BAD_INDENT") return at(["yaml.bad-indent", {}]);
  if (code === "MULTILINE_IMPLICIT_KEY") return at(["yaml.multiline-key", {}]);
  if (code === "MISSING_CHAR" && !line.text.includes(":")) return at(["yaml.missing-colon", {}]);
  return at(["yaml.invalid", {}]);
}

/**
 * The character a key starts with when it is indentation YAML does not count as such: a line
 * indented with no-break or full-width spaces reads as a key that starts with them.
 */
export function indentCharacterOf(text: string): IndentCharacter | null {
  for (const character of text) {
    const name = INDENT_CHARACTERS.get(character);
    if (name !== undefined) return name;
    if (character !== " ") return null;
  }
  return null;
}

/** A full-width colon where a key's colon belongs: before any `:` that separates a key. */
function hasFullWidthColon(line: string): boolean {
  const at = line.indexOf("：");
  return at !== -1 && !/:(?:\s|$)/.test(line.slice(0, at));
}

/** A line of the text, and what its hints need to know of it. */
interface Line {
  start: number;
  end: number;
  text: string;
  /** A character other than a space in its indentation. */
  indent: IndentCharacter | null;
  fullWidthColon: boolean;
}

/**
 * The lines of a text, found by a binary search of where each starts, each looked at once: a file
 * may have hundreds of thousands of errors on one long line.
 */
class LineReader {
  private readonly starts = [0];
  private readonly seen = new Map<number, Line>();

  constructor(private readonly text: string) {
    for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1))
      this.starts.push(at + 1);
  }

  around(offset: number): Line {
    let low = 0;
    let high = this.starts.length;
    while (high - low > 1) {
      const middle = (low + high) >>> 1;
      if ((this.starts[middle] as number) <= offset) low = middle;
      else high = middle;
    }
    const known = this.seen.get(low);
    if (known !== undefined) return known;
    const start = this.starts[low] as number;
    const next = this.starts[low + 1];
    const end = next === undefined ? this.text.length : next - 1;
    const text = this.text.slice(start, end).replace(/\r$/, "");
    const line: Line = {
      start,
      end,
      text,
      indent: indentCharacterOf(/^[ \t\u00a0\u3000]*/.exec(text)?.[0] ?? ""),
      fullWidthColon: hasFullWidthColon(text),
    };
    this.seen.set(low, line);
    return line;
  }
}

/** A line's text before a comment (` #`). */
function withoutComment(text: string): string {
  const at = text.search(/(?:^|\s)#/);
  return at === -1 ? text : text.slice(0, at);
}

/**
 * The offset of a quote or a bracket still open at the end of the text, or null. A rough reading
 * of YAML, enough to name what was left open: a quote or a bracket counts where a value can
 * start (after `: `, `- `, `[`, `{`, `,` or at a line's start), and a comment runs to the line's end.
 */
function openAtEnd(text: string): number | null {
  const brackets: number[] = [];
  let quote = -1;
  let tokenStart = true;
  for (let at = 0; at < text.length; at++) {
    const char = text[at] as string;
    if (quote !== -1) {
      const opener = text[quote];
      if (opener === '"' && char === "\\") at++;
      else if (char === opener) {
        if (opener === "'" && text[at + 1] === "'") at++;
        else {
          quote = -1;
          tokenStart = false;
        }
      }
      continue;
    }
    if (char === "\n") {
      tokenStart = true;
      continue;
    }
    if (char === " " || char === "\t") {
      continue;
    }
    if (char === "#" && (at === 0 || /\s/.test(text[at - 1] as string))) {
      const end = text.indexOf("\n", at);
      at = end === -1 ? text.length : end - 1;
      continue;
    }
    const inFlow = brackets.length > 0;
    if ((char === '"' || char === "'") && tokenStart) quote = at;
    else if ((char === "[" || char === "{") && (tokenStart || inFlow)) brackets.push(at);
    else if ((char === "]" || char === "}") && inFlow) brackets.pop();
    if (quote === at) continue;
    // A value can start after these, when a space (or, in a flow, anything) follows.
    tokenStart =
      char === "[" ||
      char === "{" ||
      (char === "," && brackets.length > 0) ||
      ((char === ":" || char === "-" || char === "?") && /\s/.test(text[at + 1] ?? " "));
  }
  if (quote !== -1) return quote;
  return brackets.at(-1) ?? null;
}
