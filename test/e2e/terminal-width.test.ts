/**
 * Issue 13, point 5: tables that fit the terminal. On a terminal narrower than a table, `kpi
 * check`, `kpi rank` and `kpi list` leave out the columns that matter least and wrap titles in
 * their cells, so that no line is wider than the terminal (Chinese characters count two columns)
 * and every target's status and title are still there. A pipe or a file gets the whole table,
 * byte for byte as before.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadInputs, NO_PROJECT } from "../../src/cli/load-inputs.js";
import { run } from "../../src/cli/program.js";
import { parseDate } from "../../src/core/dates.js";
import { evaluate } from "../../src/core/evaluate.js";
import type { Report } from "../../src/core/model.js";
import { labelsFor } from "../../src/i18n/language.js";
import { displayWidth } from "../../src/render/terminal-table.js";
import { BIN, NO_PROJECT_FOLDER, REPO, runExample } from "../run-kpi.js";

const DATES = ["2022-06-30", "2022-03-31"] as const;
const LANGUAGES = ["en", "zh"] as const;
const WIDTHS = [60, 80, 100] as const;

/** kpi run in this process, its stdout a terminal of `columns` columns (or a pipe). */
async function runOn(
  args: readonly string[],
  terminal: { columns?: number; env?: Record<string, string> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    env: { NO_COLOR: "1", ...terminal.env },
    stdout: {
      write: (text) => {
        stdout += text;
      },
      isTTY: terminal.columns !== undefined,
      columns: terminal.columns,
    },
    stderr: {
      write: (text) => {
        stderr += text;
      },
    },
    today: () => {
      const parsed = parseDate("2022-07-15");
      if (!parsed.ok) throw new Error("bad date");
      return parsed.day;
    },
    workingFolder: NO_PROJECT_FOLDER,
  });
  return { code, stdout, stderr };
}

/**
 * The table's rows read back: a row is its first line and the lines after it whose first cell is
 * empty (or, with rules between rows, the lines between two rules); each cell's lines joined.
 */
function tableRows(text: string): string[][] {
  const rows: string[][][] = [];
  let ruled = false;
  let fresh = true;
  for (const line of text.split("\n")) {
    if (line.startsWith("├")) {
      ruled = true;
      fresh = true;
      continue;
    }
    if (!line.startsWith("│")) continue;
    const cells = line
      .slice(1, -1)
      .split("│")
      .map((cell) => cell.trim());
    const last = rows[rows.length - 1];
    if (last !== undefined && !fresh && (ruled || cells[0] === "")) {
      cells.forEach((cell, index) => {
        last[index]?.push(cell);
      });
    } else rows.push(cells.map((cell) => [cell]));
    fresh = false;
  }
  // Wrapping drops the space it breaks at: cells are compared without spaces.
  return rows.map((row) => row.map((lines) => lines.join("").replace(/\s/g, "")));
}

const bare = (text: string) => text.replace(/\s/g, "");

async function exampleReport(asOf: string): Promise<Report> {
  const inputs = await loadInputs(
    { targets: [join(REPO, "targets")], data: [join(REPO, "data")] },
    [],
    NO_PROJECT,
  );
  const parsed = parseDate(asOf);
  if (!parsed.ok) throw new Error(asOf);
  return evaluate(inputs.targets, inputs.observations, { asOf: parsed.day });
}

const example = ["-t", join(REPO, "targets"), "-d", join(REPO, "data")];

describe.each(LANGUAGES)("the bundled example in %s", (lang) => {
  const labels = labelsFor(lang);

  describe.each(DATES)("as of %s", (asOf) => {
    it.each(WIDTHS)(
      "kpi check at %i columns: every line fits; every status and title is there",
      async (width) => {
        const { code, stdout } = await runOn(
          ["check", ...example, "--as-of", asOf, "--lang", lang],
          {
            columns: width,
          },
        );
        expect(code).toBe(1);
        for (const line of stdout.split("\n"))
          expect(displayWidth(line)).toBeLessThanOrEqual(width);
        const [head, ...rows] = tableRows(stdout);
        const { columns } = labels;
        expect(head?.slice(0, 2)).toEqual([bare(columns.status), bare(columns.title)]);
        expect(head).toContain(bare(columns.actual));
        expect(head).toContain(bare(columns.expected));
        const report = await exampleReport(asOf);
        expect(rows.length).toBe(report.results.length);
        const shown = new Set(rows.map((row) => `${row[0]} ${row[1]}`));
        for (const result of report.results) {
          const status = bare(labels.status[result.status]);
          expect(
            [...shown].some((row) => row.endsWith(`${status} ${bare(result.target.title)}`)),
          ).toBe(true);
        }
      },
    );

    it.each(WIDTHS)(
      "kpi rank at %i columns: every line fits; every owner is there",
      async (width) => {
        const { code, stdout } = await runOn(
          ["rank", ...example, "--as-of", asOf, "--lang", lang],
          {
            columns: width,
          },
        );
        expect(code).toBe(0);
        for (const line of stdout.split("\n"))
          expect(displayWidth(line)).toBeLessThanOrEqual(width);
        const [, ...rows] = tableRows(stdout);
        const report = await exampleReport(asOf);
        const owners = new Set(report.results.flatMap((result) => result.target.owner));
        expect(new Set(rows.map((row) => row[1]))).toEqual(new Set([...owners].map(bare)));
      },
    );
  });

  it.each(WIDTHS)(
    "kpi list at %i columns: every line fits; every title is there",
    async (width) => {
      const { code, stdout } = await runOn(["list", "-t", join(REPO, "targets"), "--lang", lang], {
        columns: width,
      });
      expect(code).toBe(0);
      for (const line of stdout.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      const [head, ...rows] = tableRows(stdout);
      const title = head?.indexOf(bare(labels.list.columns.title)) ?? -1;
      expect(title).toBeGreaterThanOrEqual(0);
      const report = await exampleReport("2022-06-30");
      expect(rows.map((row) => row[title])).toEqual(
        report.results.map((result) => bare(result.target.title)),
      );
    },
  );
});

describe("the help is wrapped to the terminal too", () => {
  it.each([100, 120])("kpi check --help --lang zh on a %i-column terminal", async (width) => {
    const { stdout } = await runOn(["check", "--help", "--lang", "zh"], { columns: width });
    const widths = stdout.split("\n").map(displayWidth);
    expect(Math.max(...widths)).toBeLessThanOrEqual(width);
    // Wider than the 80 columns of a pipe: the terminal's width is what it is wrapped to.
    expect(Math.max(...widths)).toBeGreaterThan(80);
  });
});

describe("what a narrow terminal leaves out is said under the table", () => {
  it("at 80 columns, kpi check shows status, title, actual, expected and the note", async () => {
    const { stdout } = await runOn(["check", ...example, "--as-of", "2022-06-30"], { columns: 80 });
    const [head] = tableRows(stdout);
    expect(head).toEqual(["Status", "Title", "Actual", "Expected", "Note"]);
    expect(stdout.endsWith("\nLeft out to fit 80 columns: ID, Owner, Target, Progress\n")).toBe(
      true,
    );
  });

  it("in Chinese too", async () => {
    const { stdout } = await runOn(["check", ...example, "--as-of", "2022-06-30", "--lang", "zh"], {
      columns: 80,
    });
    expect(stdout.endsWith("\n为适应 80 列宽度，未显示：编号、责任单位、目标、完成率\n")).toBe(
      true,
    );
  });
});

describe("a pipe, a file or a wide terminal gets the whole table, as before", () => {
  const scratch = mkdtempSync(join(tmpdir(), "kpi-terminal-width-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each([
    ["check", "--as-of", "2022-06-30"],
    ["rank", "--as-of", "2022-03-31"],
    ["list", "--lang", "zh"],
  ])(
    "kpi %s: a pipe, a 300-column terminal and COLUMNS on a pipe all give the same bytes",
    async (...args) => {
      // The example's own kpi.yaml, as the spawned run below reads it (its owners: order the ties).
      const inputs = [
        ...example.slice(0, args[0] === "list" ? 2 : 4),
        "--config",
        join(REPO, "kpi.yaml"),
      ];
      const piped = await runOn([...args, ...inputs]);
      const wide = await runOn([...args, ...inputs], { columns: 300 });
      expect(wide.stdout).toBe(piped.stdout);
      // COLUMNS narrows a terminal only: the built CLI on a pipe ignores it.
      const spawned = runExample([...args], { env: { COLUMNS: "60" } });
      expect(spawned.stdout).toBe(piped.stdout);
    },
  );

  it("-o writes the whole table even from a narrow terminal", async () => {
    const out = join(scratch, "status.txt");
    await runOn(["check", ...example, "--as-of", "2022-06-30", "-o", out], { columns: 60 });
    const piped = await runOn(["check", ...example, "--as-of", "2022-06-30"]);
    expect(readFileSync(out, "utf8")).toBe(piped.stdout);
  });

  it("COLUMNS wins over the terminal's own width", async () => {
    const { stdout } = await runOn(["check", ...example, "--as-of", "2022-06-30"], {
      columns: 200,
      env: { COLUMNS: "70" },
    });
    expect(Math.max(...stdout.split("\n").map(displayWidth))).toBeLessThanOrEqual(70);
  });
});

describe("on a real terminal (a pty made by script(1))", () => {
  /** The built kpi run with its stdout on a pseudo-terminal of `columns` columns. */
  function onTerminal(args: string, columns: string): string {
    const result = spawnSync(
      "script",
      [
        "-qec",
        `stty cols ${columns} rows 50; exec ${process.execPath} ${BIN} ${args}`,
        "/dev/null",
      ],
      {
        cwd: REPO,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", COLUMNS: undefined, LANG: "C" },
      },
    );
    expect(result.status).toBe(1);
    return result.stdout.replace(/\r\n/g, "\n");
  }

  it.each(["60", "80"])("kpi check on a %s-column terminal fits it", (columns) => {
    const stdout = onTerminal("check --as-of 2022-06-30", columns);
    expect(stdout).toContain("│ Status");
    for (const line of stdout.split("\n"))
      expect(displayWidth(line)).toBeLessThanOrEqual(Number(columns));
    expect(stdout).toContain(`Left out to fit ${columns} columns: ID`);
  });

  it("kpi check on a 250-column terminal is the whole table", () => {
    expect(onTerminal("check --as-of 2022-06-30", "250")).toBe(
      runExample(["check", "--as-of", "2022-06-30"]).stdout,
    );
  });
});
