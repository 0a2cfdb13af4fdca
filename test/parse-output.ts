/**
 * Parsers that read kpi's human outputs back into data, so that tests compare them with the JSON
 * of the same run instead of only with a stored snapshot: box-drawn terminal tables, GitHub
 * markdown (through `marked`'s lexer), the status counts of a summary line, and JUnit XML.
 * They know the layouts, not kpi's code: nothing here imports src/.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { marked, type Token, type Tokens } from "marked";
import stringWidth from "string-width";

export type Status = "red" | "yellow" | "grey" | "green";

/** The statuses worst first, the order of every table of results and of every count line. */
export const WORST_FIRST: readonly Status[] = ["red", "yellow", "grey", "green"];

/** The marks that tell the statuses apart without colour: symbols in a terminal, emoji in markdown. */
export const STATUS_MARKS: Readonly<Record<Status, { symbol: string; emoji: string }>> = {
  red: { symbol: "✖", emoji: "🔴" },
  yellow: { symbol: "▲", emoji: "🟡" },
  grey: { symbol: "○", emoji: "⚪" },
  green: { symbol: "✔", emoji: "🟢" },
};

const STATUS_OF_MARK = new Map<string, Status>(
  WORST_FIRST.flatMap((status) => [
    [STATUS_MARKS[status].symbol, status],
    [STATUS_MARKS[status].emoji, status],
  ]),
);

// ---------------------------------------------------------------------------------------------
// Box-drawn terminal tables

/** A table as its cells: the head and each row, every cell trimmed, a cell's lines joined by "\n". */
export interface BoxTable {
  /** The lines of the output above the table. */
  before: string[];
  head: string[];
  rows: string[][];
  /** The lines of the output below the table (a trailing newline leaves no empty last line). */
  after: string[];
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * Reads the one box-drawn table of an output (`┌─┬─┐`, `│ a │ b │`, `└─┴─┘`). Columns are found
 * from the top border and each line is cut at those display columns, a CJK character counting
 * two, so a `│` inside a cell stays in its cell. With rules between rows (`├─┼─┤`) a row is the
 * lines between two rules; without, each line is a row. Throws on a line that does not fit the
 * borders: a misaligned table is a failure too.
 */
export function parseBoxTable(output: string): BoxTable {
  const lines = output.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const top = lines.findIndex((line) => line.startsWith("┌"));
  const bottom = lines.findIndex((line, index) => index > top && line.startsWith("└"));
  if (top < 0 || bottom < 0) throw new Error("no box-drawn table in the output");
  const widths = borderWidths(lines[top] ?? "", "┌", "┬", "┐");
  const expectRule = (line: string, [left, middle, right]: string) => {
    const expected = `${left}${widths.map((width) => "─".repeat(width)).join(middle)}${right}`;
    if (line !== expected) throw new Error(`a border does not match the top one: ${line}`);
  };
  expectRule(lines[bottom] ?? "", "└┴┘");
  const body = lines.slice(top + 1, bottom);
  const hasRules = body.some((line) => line.startsWith("├"));
  const groups: string[][][] = [];
  let group: string[][] = [];
  for (const line of body) {
    if (line.startsWith("├")) {
      expectRule(line, "├┼┤");
      groups.push(group);
      group = [];
      continue;
    }
    const cells = splitBoxLine(line, widths);
    if (hasRules) group.push(cells);
    else groups.push([cells]);
  }
  if (hasRules) groups.push(group);
  const [head, ...rows] = groups.map((lineCells) => joinCellLines(lineCells, widths.length));
  if (head === undefined) throw new Error("a table without a head");
  return { before: lines.slice(0, top), head, rows, after: lines.slice(bottom + 1) };
}

/** The width of each column, in display columns, padding included: `┌──┬───┐` → [2, 3]. */
function borderWidths(line: string, left: string, middle: string, right: string): number[] {
  if (!line.startsWith(left) || !line.endsWith(right))
    throw new Error(`not a table border: ${line}`);
  const segments = line.slice(left.length, -right.length).split(middle);
  if (segments.some((segment) => !/^─+$/.test(segment)))
    throw new Error(`not a table border: ${line}`);
  return segments.map((segment) => segment.length);
}

/** The cells of one content line, trimmed, cut at the columns' display widths. */
function splitBoxLine(line: string, widths: readonly number[]): string[] {
  const characters = [...graphemes.segment(line)].map((part) => part.segment);
  let index = 0;
  const expectBar = () => {
    if (characters[index] !== "│") throw new Error(`a cell does not end at its border: ${line}`);
    index++;
  };
  expectBar();
  const cells = widths.map((width) => {
    let used = 0;
    let text = "";
    while (used < width) {
      const character = characters[index++];
      if (character === undefined) throw new Error(`a line ends inside a cell: ${line}`);
      used += stringWidth(character);
      text += character;
    }
    if (used > width) throw new Error(`a wide character straddles a border: ${line}`);
    expectBar();
    return text.trim();
  });
  if (index !== characters.length) throw new Error(`text after the last border: ${line}`);
  return cells;
}

/** One row from the cells of its lines: each cell's lines in order, empty lines at its end dropped. */
function joinCellLines(lines: readonly string[][], columns: number): string[] {
  return Array.from({ length: columns }, (_, column) => {
    const parts = lines.map((cells) => cells[column] ?? "");
    while (parts.length > 0 && parts.at(-1) === "") parts.pop();
    return parts.join("\n");
  });
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** A block of a markdown document, its text as a reader of the rendered page sees it. */
export type MarkdownBlock =
  | { kind: "heading"; depth: number; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "table"; head: string[]; rows: string[][] }
  | { kind: "code"; lang: string; text: string }
  | { kind: "rule" }
  /** A bullet list whose items are each one line of text. */
  | { kind: "list"; items: string[] }
  | { kind: "other"; type: string; raw: string };

/** The blocks of a markdown document in order (blank space left out), parsed by `marked`. */
export function parseMarkdown(markdown: string): MarkdownBlock[] {
  return marked.lexer(markdown).flatMap((token): MarkdownBlock[] => {
    switch (token.type) {
      case "space":
        return [];
      case "heading": {
        const heading = token as Tokens.Heading;
        return [{ kind: "heading", depth: heading.depth, text: inlineText(heading.tokens) }];
      }
      case "paragraph":
        return [{ kind: "paragraph", text: inlineText((token as Tokens.Paragraph).tokens) }];
      case "table": {
        const table = token as Tokens.Table;
        const cell = (value: Tokens.TableCell) => inlineText(value.tokens);
        return [
          {
            kind: "table",
            head: table.header.map(cell),
            rows: table.rows.map((row) => row.map(cell)),
          },
        ];
      }
      case "code": {
        const code = token as Tokens.Code;
        return [{ kind: "code", lang: code.lang ?? "", text: code.text }];
      }
      case "hr":
        return [{ kind: "rule" }];
      case "list": {
        // Only a list of plain lines: an item that holds a heading or a nested list is other.
        const list = token as Tokens.List;
        const plain = list.items.every((item) =>
          item.tokens.every((inner) => inner.type === "text" || inner.type === "paragraph"),
        );
        if (!list.ordered && plain)
          return [{ kind: "list", items: list.items.map((item) => inlineText(item.tokens)) }];
        return [{ kind: "other", type: token.type, raw: token.raw }];
      }
      default:
        return [{ kind: "other", type: token.type, raw: token.raw }];
    }
  });
}

/**
 * The text a reader sees of inline tokens: escapes and entities resolved, `<br>` a line break,
 * emphasis without its marks. Other HTML shows as nothing (a page would take it as markup), and a
 * link as its words: an unescaped `<b>` or `[x](y)` from an input file then no longer reads as
 * the file's text, and the comparison with JSON fails, as it should.
 */
export function inlineText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((token): string => {
      switch (token.type) {
        case "escape":
          return (token as Tokens.Escape).text;
        case "text": {
          const text = token as Tokens.Text;
          return text.tokens ? inlineText(text.tokens) : decodeEntities(text.text);
        }
        case "html":
          return /^<br\s*\/?>$/i.test(token.raw) ? "\n" : "";
        case "br":
          return "\n";
        case "link": {
          const link = token as Tokens.Link;
          // A bare URL (GFM autolink) reads as itself.
          return link.raw === link.href ? link.raw : inlineText(link.tokens);
        }
        case "codespan":
          return decodeEntities((token as Tokens.Codespan).text);
        case "strong":
        case "em":
        case "del":
          return inlineText((token as Tokens.Strong).tokens);
        default:
          return token.raw;
      }
    })
    .join("");
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

/** `&lt;b&gt;` → `<b>`; numeric references too; an unknown name is left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return NAMED_ENTITIES[name] ?? whole;
  });
}

/** A heading of a markdown document with the blocks up to the next heading. */
export interface MarkdownSection {
  /** The headings it is under, its own last: `["Report", "By owner", "Alpha"]`. */
  path: string[];
  /** Its heading's depth; 0 for the blocks before the first heading. */
  depth: number;
  blocks: MarkdownBlock[];
}

/** The document cut at its headings; the first section holds what comes before any heading. */
export function markdownSections(blocks: readonly MarkdownBlock[]): MarkdownSection[] {
  const sections: MarkdownSection[] = [{ path: [], depth: 0, blocks: [] }];
  const path: string[] = [];
  for (const block of blocks) {
    if (block.kind === "heading") {
      path.length = block.depth - 1;
      path[block.depth - 1] = block.text;
      sections.push({ path: [...path], depth: block.depth, blocks: [] });
    } else {
      sections.at(-1)?.blocks.push(block);
    }
  }
  return sections;
}

// ---------------------------------------------------------------------------------------------
// Status cells and count lines

/** `✖ red`, `🔴 红灯`: the status its mark stands for, and the word beside it. */
export function parseStatusCell(cell: string): { status: Status; word: string } {
  const [mark = "", ...words] = cell.split(" ");
  const status = STATUS_OF_MARK.get(mark);
  if (status === undefined || words.length === 0) throw new Error(`not a status cell: ${cell}`);
  return { status, word: words.join(" ") };
}

/** What a count line says: the number before each status mark, and the word after it. */
export interface StatusCounts {
  counts: Record<Status, number>;
  words: Record<Status, string>;
  /** The marks in the order they appear. */
  order: Status[];
}

/**
 * The counts of `✖ 1 red, ▲ 2 yellow, ○ 1 grey, ✔ 3 green` or `🔴 1 红灯 · 🟡 2 黄灯 · …`: each
 * status must appear exactly once.
 */
export function parseStatusCounts(text: string): StatusCounts {
  const counts = {} as Record<Status, number>;
  const words = {} as Record<Status, string>;
  const order: Status[] = [];
  const marks = [...STATUS_OF_MARK.keys()].join("|");
  for (const match of text.matchAll(
    new RegExp(`(${marks}) (\\d+) ([^,，·]+?)(?=[,，·]|$)`, "gu"),
  )) {
    const status = STATUS_OF_MARK.get(match[1] ?? "") as Status;
    if (status in counts) throw new Error(`${status} is counted twice: ${text}`);
    counts[status] = Number(match[2]);
    words[status] = (match[3] ?? "").trim();
    order.push(status);
  }
  if (order.length !== WORST_FIRST.length) throw new Error(`not a count of every status: ${text}`);
  return { counts, words, order };
}

/**
 * The summary line of `kpi check`: `7 targets, as of 2022-03-31: ✖ 1 red, …` (zh: `7 项指标，截至
 * 2022-03-31：…`); the report's `7 targets: 🔴 1 red · …` has no date.
 */
export function parseSummaryLine(line: string): {
  total: number;
  asOf: string | null;
  counts: StatusCounts;
} {
  const match = /^(\d+) [^:：]*?(\d{4}-\d{2}-\d{2})?[:：]\s*(.*)$/u.exec(line);
  if (match === null) throw new Error(`not a summary line: ${line}`);
  return {
    total: Number(match[1]),
    asOf: match[2] ?? null,
    counts: parseStatusCounts(match[3] ?? ""),
  };
}

// ---------------------------------------------------------------------------------------------
// Numbers in cells

/**
 * A number as the renderers print it: at most two decimals, no trailing zero, no exponent
 * (`24.66`, `-5`, `0.5`); null for anything else.
 */
export function parseShownNumber(text: string): number | null {
  return /^-?(?:0|[1-9]\d*)(?:\.\d?[1-9])?$/.test(text) ? Number(text) : null;
}

/**
 * A value with its unit as the renderers print it: `40 km`, `35%` (a `%` unit has no space),
 * `20` (no unit); null when the text is not the number followed by that unit.
 */
export function parseShownValue(text: string, unit: string | null): number | null {
  const suffix = unit === null ? "" : unit === "%" ? "%" : ` ${unit}`;
  if (!text.endsWith(suffix)) return null;
  return parseShownNumber(text.slice(0, text.length - suffix.length));
}

// ---------------------------------------------------------------------------------------------
// JUnit XML

/** How a JUnit testcase came out. */
export type JunitOutcome = "failure" | "skipped" | "warning" | "passed";

export interface JunitCase {
  name: string;
  classname: string;
  outcome: JunitOutcome;
  /** The failure's or the skip's message, or the system-out text; empty for a plain pass. */
  message: string;
}

export interface JunitSuite {
  name: string;
  tests: number;
  failures: number;
  skipped: number;
  cases: JunitCase[];
}

export interface JunitReport {
  tests: number;
  failures: number;
  skipped: number;
  suites: JunitSuite[];
}

interface XmlCase {
  "@_name": string;
  "@_classname": string;
  failure?: { "@_message": string };
  skipped?: { "@_message": string };
  "system-out"?: string;
}

interface XmlSuite {
  "@_name": string;
  "@_tests": string;
  "@_failures": string;
  "@_skipped": string;
  testcase?: XmlCase[];
}

/** JUnit XML as suites and cases; throws if the XML is not well-formed. */
export function parseJunit(xml: string): JunitReport {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    // Text stays text: a system-out of "20" is not the number 20.
    parseTagValue: false,
    isArray: (name) => name === "testsuite" || name === "testcase",
  }).parse(xml) as {
    testsuites?: {
      "@_tests": string;
      "@_failures": string;
      "@_skipped": string;
      testsuite?: XmlSuite[];
    };
  };
  const root = parsed.testsuites;
  if (root === undefined) throw new Error("no <testsuites> element");
  return {
    tests: Number(root["@_tests"]),
    failures: Number(root["@_failures"]),
    skipped: Number(root["@_skipped"]),
    suites: (root.testsuite ?? []).map((suite) => ({
      name: suite["@_name"],
      tests: Number(suite["@_tests"]),
      failures: Number(suite["@_failures"]),
      skipped: Number(suite["@_skipped"]),
      cases: (suite.testcase ?? []).map((testcase) => ({
        name: testcase["@_name"],
        classname: testcase["@_classname"],
        ...(testcase.failure
          ? { outcome: "failure" as const, message: testcase.failure["@_message"] }
          : testcase.skipped
            ? { outcome: "skipped" as const, message: testcase.skipped["@_message"] }
            : testcase["system-out"] !== undefined
              ? { outcome: "warning" as const, message: String(testcase["system-out"]) }
              : { outcome: "passed" as const, message: "" }),
      })),
    })),
  };
}
