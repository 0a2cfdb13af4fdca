/**
 * Issue 7, hostile text into outputs: titles, owners, sections and units with pipes, line breaks,
 * HTML, Markdown links, ANSI escape sequences and control characters are escaped in markdown,
 * stripped from the terminal table, kept exactly in JSON, and never break JUnit XML, GitHub
 * annotations or the HTML report. Every command runs in-process through `run`, as the CLI does.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { marked } from "marked";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.js";
import { escapeMarkdownCell } from "../../src/render/results-markdown.js";
import { sanitizeForTerminal } from "../../src/render/terminal-table.js";
import { NO_PROJECT_FOLDER, runKpi } from "../run-kpi.js";

/** Text an office worker (or an attacker) could put in a title, an owner, a section or a unit. */
const HOSTILE = {
  pipe: "a | b || c",
  breaks: "line1\nline2\r\nline3\rline4",
  html: "<script>alert('x')</script><img src=x onerror=alert(1)>",
  links: "[click](javascript:alert(1)) ![img](http://evil.example/x.png) <https://evil.example>",
  ansi: "\u001b[31mRED\u001b[0m \u001b[2J\u001b[H",
  osc: "\u001b]0;pwned title\u0007 \u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\",
  controls: "bell\u0007 back\bspace nul\u0000 del\u007f c1\u009b31m tab\tend",
  markdown: "**bold** _it_ `code` # heading > quote ~~del~~",
  entities: "&lt; &amp; &#x3C;script&#x3E;",
  mermaid: '"]; click A call alert(1) ``` %%{init}%%',
};
type Key = keyof typeof HOSTILE;
const KEYS = Object.keys(HOSTILE) as Key[];

/**
 * A hostile text as an owner: a name is one body (SPEC 2), so the characters that join several
 * (`/` `;` `,`) become others as hostile to a format (`\\`, `|`), and a character that cannot be
 * seen (a control, a line break: refused in a name) goes, with the terminal sequence it opens, as
 * a terminal shows it (and a name is read trimmed).
 */
const ownerOf = (key: Key) =>
  `O ${sanitizeForTerminal(HOSTILE[key])
    .replaceAll("/", "\\")
    .replace(/[;,]/g, "|")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "^")}`.trim();

/** The same text as a YAML double-quoted scalar: JSON's escapes are YAML's too. */
const yamlText = (text: string) => JSON.stringify(text);

let folder = "";
const targetsDir = () => join(folder, "targets");
const dataDir = () => join(folder, "data");

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "kpi-output-"));
  mkdirSync(targetsDir());
  mkdirSync(dataDir());
  // One progress target per hostile text, behind schedule (red) so that every output lists it,
  // with the text as title, owner, section and unit.
  const targets = KEYS.map(
    (key) => `  - id: ${key}
    title: ${yamlText(`T ${HOSTILE[key]}`)}
    owner: [${yamlText(ownerOf(key))}, plain]
    section: ${yamlText(`S ${HOSTILE[key]}`)}
    unit: ${yamlText(`U ${HOSTILE[key]}`)}
    source: ${yamlText(`Q ${HOSTILE[key]}`)}
    target: 100`,
  );
  writeFileSync(join(targetsDir(), "t.yaml"), `year: 2022\ntargets:\n${targets.join("\n")}\n`);
  // Rows with a note as hostile as the rest: the latest row's note is shown beside its target,
  // as text, and no note changes a value.
  const rows = KEYS.flatMap((key) => [
    `${key},2022-01-31,1,"${HOSTILE.breaks} | ${HOSTILE.ansi}"`,
    `${key},2022-02-28,2,"N ${HOSTILE[key].replaceAll('"', '""')}"`,
  ]);
  writeFileSync(join(dataDir(), "d.csv"), `target,date,value,note\n${rows.join("\n")}\n`);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Run a command in-process; resolves to what it printed and its exit code. */
async function kpi(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    env: { NO_COLOR: "1" },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    today: () => 30_000, // 2052-02-20: after every row of the fixtures
    workingFolder: NO_PROJECT_FOLDER,
  });
  return { code, stdout, stderr };
}

const inputs = () => ["-t", targetsDir(), "-d", dataDir(), "--as-of", "2022-03-31"];

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const C0_CONTROLS = /[\u0000-\u0009\u000b-\u001f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const ANY_ESCAPE = /\u001b[^a-zA-Z]*[a-zA-Z]?/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const COLOUR = /^\u001b\[\d+m$/;

/** Pipes that end a cell: those not escaped by an odd number of backslashes. */
function cellPipes(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== "|") continue;
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && line[j] === "\\"; j--) backslashes++;
    if (backslashes % 2 === 0) count++;
  }
  return count;
}

/** Every markdown table keeps its shape, and nothing from the input becomes HTML or a link. */
function expectSafeMarkdown(markdown: string): void {
  expect(markdown).not.toMatch(CONTROLS);
  expect(markdown).not.toMatch(/\r/);
  // Tables: consecutive lines that start with "|" all have as many cells as their header.
  let width: number | null = null;
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|")) {
      width = null;
      continue;
    }
    width ??= cellPipes(line);
    expect(cellPipes(line), line).toBe(width);
  }
  const html = marked.parse(markdown, { async: false });
  expect(html).not.toMatch(
    // A bare URL may become a link, as on GitHub; no element and no javascript: link may.
    /<script|<img|href="javascript:|<a href="http:\/\/evil\.example\/x\.png">img/i,
  );
  expect(html).not.toMatch(/<strong>bold<\/strong>|<em>it<\/em>|<del>/);
  // What the user sees still says what the file says.
  expect(html).toContain("&lt;script&gt;alert(");
  expect(html).toContain("[click](javascript:alert(1))");
}

describe("markdown: escaped", () => {
  it("kpi check -f markdown", async () => {
    const { code, stdout, stderr } = await kpi(["check", ...inputs(), "-f", "markdown"]);
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    expectSafeMarkdown(stdout);
    // One table row per target, whatever the line breaks in the titles.
    expect(stdout.split("\n").filter((line) => line.startsWith("| 🔴"))).toHaveLength(KEYS.length);
  });

  it.each([[[]], [["--charts", "--by", "owner"]]])("kpi report %j", async (extra) => {
    const { code, stdout, stderr } = await kpi(["report", ...inputs(), ...extra]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expectSafeMarkdown(stdout);
    // The department's note is beside its target, escaped like every text from the input.
    expect(stdout).toContain("<br>Remarks: N &lt;script&gt;alert(");
    // A chart cannot be closed early or given an init directive by a title.
    for (const block of stdout.split("```mermaid").slice(1)) {
      // A fence closes only at the start of a line: "```" inside a title does not.
      const chart = block.slice(0, block.indexOf("\n```"));
      expect(chart.split("\n").filter((line) => line.startsWith("```"))).toEqual([]);
      expect(chart).not.toMatch(/%%\{init|\bclick\b.*\bcall\b.*\n.*\bcall\b/);
      for (const line of chart.split("\n").filter((text) => /^\s+title /.test(text)))
        expect(line).toMatch(/^ {2}title "[^"]*"$/);
    }
  });

  it("kpi rank -f markdown", async () => {
    const { stdout } = await kpi(["rank", ...inputs(), "-f", "markdown"]);
    expectSafeMarkdown(stdout);
  });

  it("escapeMarkdownCell on each text alone", () => {
    for (const text of Object.values(HOSTILE)) {
      const cell = escapeMarkdownCell(text);
      expect(cell).not.toMatch(CONTROLS);
      expect(cell).not.toMatch(/[\r\n]/);
      expect(cellPipes(`|${cell}|`)).toBe(2);
      expect(cell.replace(/<br>/g, "")).not.toMatch(/</);
    }
  });
});

describe("terminal table: controls stripped", () => {
  it.each([
    ["check", []],
    ["rank", []],
    ["list", []],
  ])("kpi %s", async (command, extra) => {
    const args =
      command === "list"
        ? [command, "-t", targetsDir(), ...extra]
        : [command, ...inputs(), ...extra];
    const { stdout, stderr } = await kpi(args);
    expect(stderr).toBe("");
    expect(stdout).not.toMatch(CONTROLS);
    expect(stdout).not.toContain("\u001b");
    expect(stdout).not.toMatch(/\r/);
    // Text stays readable: the escape sequences are gone, their words are not.
    expect(stdout).toContain("RED");
    expect(stdout).not.toContain("[31m");
  });

  it("kpi check: one line per target, whatever the line breaks", async () => {
    const { stdout } = await kpi(["check", ...inputs()]);
    const rows = stdout.split("\n").filter((line) => line.startsWith("│ "));
    expect(rows).toHaveLength(KEYS.length + 1);
  });

  it("kpi explain", async () => {
    for (const key of KEYS) {
      const { stdout, stderr } = await kpi(["explain", key, ...inputs()]);
      expect(stderr).toBe("");
      expect(stdout).not.toMatch(CONTROLS);
      expect(stdout).not.toContain("\u001b");
    }
  });

  it("sanitizeForTerminal on each text alone", () => {
    for (const text of Object.values(HOSTILE))
      expect(sanitizeForTerminal(text)).not.toMatch(CONTROLS);
  });

  it("with colour on, the only escapes are kpi's own colours", async () => {
    let stdout = "";
    await run(["check", ...inputs()], {
      env: { FORCE_COLOR: "1" },
      stdout: { write: (text: string) => (stdout += text), isTTY: true },
      stderr: { write: () => true },
      today: () => 30_000, // 2052-02-20: after every row of the fixtures
      workingFolder: NO_PROJECT_FOLDER,
    });
    const sequences = stdout.match(ANY_ESCAPE) ?? [];
    expect(sequences.length).toBeGreaterThan(0);
    for (const sequence of sequences) expect(sequence).toMatch(COLOUR);
    expect(stdout).not.toContain("[2J");
  });
});

describe("JSON: intact", () => {
  it("every text comes back exactly as the file has it", async () => {
    const { code, stdout } = await kpi(["check", ...inputs(), "-f", "json"]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    for (const key of KEYS) {
      const result = json.results.find((item: { id: string }) => item.id === key);
      expect(result).toMatchObject({
        title: `T ${HOSTILE[key]}`,
        owner: [ownerOf(key), "plain"],
        section: `S ${HOSTILE[key]}`,
        unit: `U ${HOSTILE[key]}`,
        actual: 2,
      });
    }
    // JSON.stringify escapes every C0 control (the line breaks are its own); DEL and C1 are plain
    // characters to JSON, and
    // stay as they are: the JSON is exact, and meant for programs rather than terminals.
    expect(stdout).not.toMatch(C0_CONTROLS);
  });

  it("kpi rank -f json keeps owners exactly", async () => {
    const json = JSON.parse((await kpi(["rank", ...inputs(), "-f", "json"])).stdout);
    expect(JSON.stringify(json)).toContain(JSON.stringify(ownerOf("osc")));
  });
});

describe("other formats stay well-formed", () => {
  it("--format junit is valid XML with the texts in it", async () => {
    const { stdout } = await kpi(["check", ...inputs(), "-f", "junit"]);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(stdout);
    const suites = [xml.testsuites.testsuite].flat();
    expect(suites).toHaveLength(KEYS.length);
    const names = suites.flatMap((suite: { testcase: unknown }) =>
      [suite.testcase].flat().map((testcase) => (testcase as Record<string, string>)["@_name"]),
    );
    expect(names.join("\n")).toContain("<script>alert('x')</script>");
  });

  it("--format github: one workflow command a line, none smuggled in", async () => {
    const { stdout } = await kpi(["check", ...inputs(), "-f", "github"]);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(KEYS.length + 1);
    for (const line of lines.slice(0, -1))
      expect(line).toMatch(/^::error file=[^:]+,line=\d+,col=\d+,title=[^:]+::/);
    expect(lines.filter((line) => line.includes("::error"))).toHaveLength(KEYS.length);
    expect(stdout).not.toMatch(/\r/);
  });

  it("kpi report -f html has no element from the input", async () => {
    const { code, stdout } = await kpi(["report", ...inputs(), "-f", "html"]);
    if (code === 2) return; // not every build has the HTML report yet
    // Only kpi's own script: none from a title, and no element or javascript: link.
    expect(stdout.match(/<script\b/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(stdout).not.toMatch(/<script>alert|<img\b|href="javascript:/);
    expect(stdout).toContain("&lt;script&gt;alert(");
    expect(stdout).toContain('<p class="remark">Remarks: N &lt;script&gt;alert(');
  });
});

describe("stderr: control characters of input files are shown, not sent", () => {
  // Found by this test: an unknown id or key with an escape sequence reached the terminal raw
  // through the warning that names it.
  it("an unknown id with an escape sequence", () => {
    const file = join(folder, "esc.csv");
    writeFileSync(file, `target,date,value\nx\u001b[31mRED\u001b]0;t\u0007,2022-01-31,1\n`);
    const { code, stderr } = runKpi(["check", file, "-t", targetsDir(), "--fail-on", "none"]);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(CONTROLS);
    expect(stderr).toContain('no target has the id or title "x\\u001b[31mRED\\u001b]0;t\\u0007"');
  });

  it("an unknown key with an escape sequence", () => {
    const dir = join(folder, "esc-targets");
    mkdirSync(dir);
    writeFileSync(
      join(dir, "t.yaml"),
      `targets:\n  - { id: a, kind: level, title: A, max: 1, "\\e[2Jk": 1 }\n`,
    );
    const { code, stderr } = runKpi(["check", "-t", dir, "-d", dataDir()]);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(CONTROLS);
    expect(stderr).toContain('unknown key "\\u001b[2Jk"');
  });
});
