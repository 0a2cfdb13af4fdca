/**
 * The parsers of test/parse-output.ts on small hand-written outputs (CJK two columns wide, a `│`
 * inside a cell, escaped `|` in markdown), and on what kpi's own table and markdown writers make
 * of arbitrary cells: what they wrote is what the parsers read.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markdownTable } from "../../src/render/results-markdown.js";
import { renderTerminalTable } from "../../src/render/terminal-table.js";
import {
  decodeEntities,
  inlineText,
  markdownSections,
  parseBoxTable,
  parseJunit,
  parseMarkdown,
  parseShownNumber,
  parseShownValue,
  parseStatusCell,
  parseStatusCounts,
  parseSummaryLine,
} from "../parse-output.js";

describe("parseBoxTable", () => {
  it("cuts each line at the top border's columns, a CJK character two columns wide", () => {
    // " 指标 " is 1 + 2·2 + 1 = 6 columns, as wide as its border; " a│b " is 5.
    const output = [
      "title line",
      "┌──────┬─────┐",
      "│ 指标 │ a│b │",
      "│ x    │ 1   │",
      "└──────┴─────┘",
      "1 target",
      "",
    ].join("\n");
    expect(parseBoxTable(output)).toEqual({
      before: ["title line"],
      head: ["指标", "a│b"],
      rows: [["x", "1"]],
      after: ["1 target"],
    });
  });

  it("without rules each line is a row; with rules a row's lines are joined in each cell", () => {
    const plain = ["┌───┬───┐", "│ a │ b │", "│ c │   │", "└───┴───┘"].join("\n");
    expect(parseBoxTable(plain).rows).toEqual([["c", ""]]);
    const ruled = [
      "┌─────────┬─────┐",
      "│ ID      │ Due │",
      "├─────────┼─────┤",
      "│ 一      │ 3-1 │",
      "│ two     │     │",
      "│         │     │",
      "├─────────┼─────┤",
      "│ 三 four │ 6-1 │",
      "│         │ 9-1 │",
      "└─────────┴─────┘",
    ].join("\n");
    expect(parseBoxTable(ruled)).toMatchObject({
      head: ["ID", "Due"],
      rows: [
        ["一\ntwo", "3-1"],
        ["三 four", "6-1\n9-1"],
      ],
    });
  });

  it("refuses a table whose lines do not meet their borders", () => {
    // " 中  " is 5 columns: one column short of its border, or one column too long.
    expect(() => parseBoxTable("┌──────┐\n│ 中  │\n└──────┘")).toThrow(
      /does not end at its border/,
    );
    expect(() => parseBoxTable("┌────┐\n│ 中  │\n└────┘")).toThrow(/does not end at its border/);
    expect(() => parseBoxTable("┌──────┐\n│ 中\n└──────┘")).toThrow(/ends inside a cell/);
    // A wide character whose second column would fall on the border.
    expect(() => parseBoxTable("┌───┬──┐\n│ a中│  │\n└───┴──┘")).toThrow(/straddles/);
    expect(() => parseBoxTable("┌───┐\n│ a │\n└──┘")).toThrow(/border does not match/);
    expect(() => parseBoxTable("┌───┐\n│ a │ b\n└───┘")).toThrow(/after the last border/);
    expect(() => parseBoxTable("no table here")).toThrow(/no box-drawn table/);
  });

  const line = fc
    .array(fc.constantFrom("a", "Z", "7", " ", "中", "指标", "│", "|", "─", "😀", "e\u0301", "≤"), {
      maxLength: 6,
    })
    .map((parts) => parts.join("").trim())
    .filter((text) => text !== "");
  const cell = fc.array(line, { maxLength: 3 }).map((lines) => lines.join("\n"));

  it("reads back every cell renderTerminalTable draws (a row a line without rules)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(line)), (columns, rows) => {
        const head = Array.from({ length: columns }, (_, index) => `h${index}`);
        const cells = rows.map((row) => head.map((_, index) => row[index] ?? ""));
        expect(parseBoxTable(renderTerminalTable(head, cells))).toEqual({
          before: [],
          head,
          rows: cells,
          after: [],
        });
      }),
    );
  });

  it("reads back every multi-line cell renderTerminalTable draws with rules", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell)), (columns, rows) => {
        const head = Array.from({ length: columns }, (_, index) => `h${index}`);
        const cells = rows.map((row) => head.map((_, index) => row[index] ?? ""));
        const drawn = renderTerminalTable(head, cells, { rules: true });
        expect(parseBoxTable(drawn).rows).toEqual(cells);
      }),
    );
  });
});

describe("parseMarkdown", () => {
  it("reads a table's cells as a reader sees them: \\| a pipe, entities decoded, <br> a line break", () => {
    const markdown = [
      "**2 targets, as of 2022-03-31**: 🔴 1 red",
      "",
      "| ID | Title |",
      "| --- | --- |",
      "| a.pipe | Roads \\| bridges |",
      "| a.html | Two<br>lines &lt;b&gt;bold&lt;/b&gt; \\[link\\](http://example.com) |",
      "| 指标 | 征迁“拔钉清零” \\\\ 中 |",
      "",
    ].join("\n");
    expect(parseMarkdown(markdown)).toEqual([
      { kind: "paragraph", text: "2 targets, as of 2022-03-31: 🔴 1 red" },
      {
        kind: "table",
        head: ["ID", "Title"],
        rows: [
          ["a.pipe", "Roads | bridges"],
          ["a.html", "Two\nlines <b>bold</b> [link](http://example.com)"],
          ["指标", "征迁“拔钉清零” \\ 中"],
        ],
      },
    ]);
  });

  it("an unescaped pipe splits the cell, and unescaped markup no longer reads as the text", () => {
    const [table] = parseMarkdown("| A | B |\n| --- | --- |\n| Roads | bridges |\n");
    expect(table).toEqual({ kind: "table", head: ["A", "B"], rows: [["Roads", "bridges"]] });
    const [paragraph] = parseMarkdown("Two <b>bold</b> [link](http://example.com) *x*\n");
    expect(paragraph).toEqual({ kind: "paragraph", text: "Two bold link x" });
  });

  it("headings (with escapes), code blocks, rules, lists of lines and other blocks in order", () => {
    const markdown =
      "# Report\n\n### Build \\| grow\n\n```mermaid\nbar [1]\n```\n\n---\n\n- item \\# one\n\n1. first\n\n- # heading\n";
    expect(parseMarkdown(markdown)).toEqual([
      { kind: "heading", depth: 1, text: "Report" },
      { kind: "heading", depth: 3, text: "Build | grow" },
      { kind: "code", lang: "mermaid", text: "bar [1]" },
      { kind: "rule" },
      { kind: "list", items: ["item # one"] },
      { kind: "other", type: "list", raw: "1. first" },
      { kind: "other", type: "list", raw: "- # heading\n" },
    ]);
  });

  it("cut at headings: each section with its heading path and its blocks", () => {
    const markdown =
      "intro\n\n# R\n\ntotal\n\n## By owner\n\n### A\n\n| x |\n| --- |\n| 1 |\n\n## Due\n\nnone\n";
    expect(markdownSections(parseMarkdown(markdown))).toEqual([
      { path: [], depth: 0, blocks: [{ kind: "paragraph", text: "intro" }] },
      { path: ["R"], depth: 1, blocks: [{ kind: "paragraph", text: "total" }] },
      { path: ["R", "By owner"], depth: 2, blocks: [] },
      {
        path: ["R", "By owner", "A"],
        depth: 3,
        blocks: [{ kind: "table", head: ["x"], rows: [["1"]] }],
      },
      { path: ["R", "Due"], depth: 2, blocks: [{ kind: "paragraph", text: "none" }] },
    ]);
  });

  it("decodes named and numeric entities, and leaves an unknown name alone", () => {
    expect(decodeEntities("&lt;&amp;&gt;&quot;&#39;&#x4E2D;&#25991;&nope;")).toBe(
      "<&>\"'中文&nope;",
    );
    expect(inlineText(undefined)).toBe("");
  });

  const text = fc
    .array(
      fc.constantFrom(
        "a",
        "Z",
        "1",
        " ",
        "中",
        "|",
        "\\",
        "*",
        "_",
        "`",
        "~",
        "[",
        "]",
        "<",
        ">",
        "&",
        "&amp;",
        "#",
        "\n",
        "<br>",
        "😀",
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(""))
    // A cell's outer spaces are padding to markdown: a renderer's cells never have them.
    .filter((cell) => cell === cell.replace(/^[ ]+|[ ]+$/g, ""));

  it("reads back every cell markdownTable writes, whatever characters it holds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 2, maxLength: 2 }), { minLength: 1 }),
        (rows) => {
          const [table] = parseMarkdown(`${markdownTable(["A", "B"], rows)}\n`);
          expect(table).toEqual({ kind: "table", head: ["A", "B"], rows });
        },
      ),
    );
  });
});

describe("status cells and count lines", () => {
  it("a status cell: the mark decides the status, the word is kept", () => {
    expect(parseStatusCell("✖ red")).toEqual({ status: "red", word: "red" });
    expect(parseStatusCell("🟡 黄灯")).toEqual({ status: "yellow", word: "黄灯" });
    expect(parseStatusCell("○ 无数据")).toEqual({ status: "grey", word: "无数据" });
    expect(() => parseStatusCell("green")).toThrow(/not a status cell/);
    expect(() => parseStatusCell("✔")).toThrow(/not a status cell/);
  });

  it("counts: each status once, with its word, in the order written", () => {
    expect(parseStatusCounts("✖ 1 red, ▲ 2 yellow, ○ 0 grey, ✔ 10 green")).toEqual({
      counts: { red: 1, yellow: 2, grey: 0, green: 10 },
      words: { red: "red", yellow: "yellow", grey: "grey", green: "green" },
      order: ["red", "yellow", "grey", "green"],
    });
    // The owner line of the report goes on after the counts.
    expect(
      parseStatusCounts("🟢 3 绿灯 · 🔴 1 红灯 · 🟡 0 黄灯 · ⚪ 2 无数据 · 得分 80 · 名次 2"),
    ).toMatchObject({
      counts: { red: 1, yellow: 0, grey: 2, green: 3 },
      order: ["green", "red", "yellow", "grey"],
    });
    expect(() => parseStatusCounts("✖ 1 red, ✖ 2 red, ▲ 0 yellow, ○ 0 grey")).toThrow(/twice/);
    expect(() => parseStatusCounts("✖ 1 red, ▲ 2 yellow")).toThrow(/every status/);
  });

  it("a summary line: the total, the date when there is one, the counts", () => {
    expect(
      parseSummaryLine("7 targets, as of 2022-03-31: ✖ 1 red, ▲ 2 yellow, ○ 1 grey, ✔ 3 green"),
    ).toMatchObject({
      total: 7,
      asOf: "2022-03-31",
      counts: { counts: { red: 1, yellow: 2, grey: 1, green: 3 } },
    });
    expect(
      parseSummaryLine("20 项指标，截至 2022-01-31：✖ 2 红灯，▲ 6 黄灯，○ 4 无数据，✔ 8 绿灯"),
    ).toMatchObject({
      total: 20,
      asOf: "2022-01-31",
    });
    expect(
      parseSummaryLine("7 targets: 🔴 1 red · 🟡 2 yellow · ⚪ 1 grey · 🟢 3 green").asOf,
    ).toBeNull();
    expect(() => parseSummaryLine("targets: ✖ 1 red")).toThrow(/not a summary line/);
  });
});

describe("numbers as the renderers print them", () => {
  it("at most two decimals, no trailing zero, no exponent", () => {
    expect(["24.66", "-5", "0", "0.5", "110.5", "1200"].map(parseShownNumber)).toEqual([
      24.66, -5, 0, 0.5, 110.5, 1200,
    ]);
    expect(
      ["24.660", "24.657", "1e21", "01", "5.", ".5", "", "–", "+3"].map(parseShownNumber),
    ).toEqual(Array(9).fill(null));
  });

  it("a unit after a space, a % unit without one, no unit alone", () => {
    expect(parseShownValue("40 km", "km")).toBe(40);
    expect(parseShownValue("36 个", "个")).toBe(36);
    expect(parseShownValue("18%", "%")).toBe(18);
    expect(parseShownValue("20", null)).toBe(20);
    expect(parseShownValue("40km", "km")).toBeNull();
    expect(parseShownValue("40 km", null)).toBeNull();
    expect(parseShownValue("40 亩", "km")).toBeNull();
  });
});

describe("parseJunit", () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="kpi" tests="4" failures="1" errors="0" skipped="1" time="0">
  <testsuite name="Build &amp; grow" tests="4" failures="1" errors="0" skipped="1" time="0">
    <testcase classname="Build &amp; grow" name="a: Roads &lt;1&gt;" file="t.yaml" line="3" time="0">
      <failure message="red: off track" type="off-track">Actual 5</failure>
    </testcase>
    <testcase classname="Build &amp; grow" name="b: 指标" file="t.yaml" line="9" time="0">
      <system-out>yellow: behind; Actual 20</system-out>
    </testcase>
    <testcase classname="Build &amp; grow" name="c: 3" file="t.yaml" line="15" time="0">
      <skipped message="grey: no data"/>
    </testcase>
    <testcase classname="Build &amp; grow" name="d: 4" file="t.yaml" line="20" time="0"/>
  </testsuite>
</testsuites>
`;

  it("suites and cases with their outcome, entities decoded", () => {
    expect(parseJunit(xml)).toEqual({
      tests: 4,
      failures: 1,
      skipped: 1,
      suites: [
        {
          name: "Build & grow",
          tests: 4,
          failures: 1,
          skipped: 1,
          cases: [
            {
              name: "a: Roads <1>",
              classname: "Build & grow",
              outcome: "failure",
              message: "red: off track",
            },
            {
              name: "b: 指标",
              classname: "Build & grow",
              outcome: "warning",
              message: "yellow: behind; Actual 20",
            },
            {
              name: "c: 3",
              classname: "Build & grow",
              outcome: "skipped",
              message: "grey: no data",
            },
            { name: "d: 4", classname: "Build & grow", outcome: "passed", message: "" },
          ],
        },
      ],
    });
  });

  it("refuses XML that is not well-formed, and XML without <testsuites>", () => {
    expect(() => parseJunit(xml.replace("</testsuite>", ""))).toThrow(/not well-formed/);
    expect(() => parseJunit("<other/>")).toThrow(/no <testsuites>/);
  });
});
