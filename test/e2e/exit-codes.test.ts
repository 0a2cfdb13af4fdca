/**
 * Issue 7, exit codes: the README's table, row by row, and `--fail-on` with every list of
 * statuses (and `none`) against the statuses a run actually has. The few cases test/cli.test.ts
 * pins through the built CLI are not repeated; this runs the CLI in-process, where it is cheap to
 * try every list.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.js";
import { STATUSES, type Status } from "../../src/core/model.js";
import { NO_PROJECT_FOLDER, REPO, runKpi } from "../run-kpi.js";

const BASIC = [
  "-t",
  "test/fixtures/basic/targets",
  "-d",
  "test/fixtures/basic/data",
  "--config",
  "test/fixtures/basic/kpi.yaml",
];
const NO_STACK = /^\s+at |node:internal|\.ts:\d+/m;

async function kpi(args: readonly string[], stdoutWrite?: (text: string) => void) {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    env: { NO_COLOR: "1" },
    stdout: { write: stdoutWrite ?? ((text: string) => (stdout += text)) },
    stderr: { write: (text: string) => (stderr += text) },
    today: () => 30_000, // 2052-02-20: after every row of the fixtures
    workingFolder: NO_PROJECT_FOLDER,
  });
  return { code, stdout, stderr };
}

/** The rows of the README's exit-code table: code → meaning. */
function readmeExitCodes(): Map<number, string> {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Exit codes"));
  const rows = new Map<number, string>();
  for (const line of section.split("\n").slice(1)) {
    if (line.startsWith("#")) break;
    const match = /^\|\s*(\d+)\s*\|\s*(.+?)\s*\|$/.exec(line);
    if (match) rows.set(Number(match[1]), match[2] as string);
  }
  return rows;
}

describe("the README's exit-code table, row by row", () => {
  const rows = readmeExitCodes();

  it("has the four codes of the SPEC, and kpi notify's own 4 (tested in test/e2e/notify.test.ts)", () => {
    expect([...rows.keys()]).toEqual([0, 1, 2, 3, 4]);
    expect(rows.get(4)).toMatch(/^`kpi notify` could not post a message/);
  });

  it("0: no result has a --fail-on status", async () => {
    expect(rows.get(0)).toMatch(/no result has a `--fail-on` status/);
    const { code, stdout, stderr } = await kpi(["check", ...BASIC, "--fail-on", "none"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain("5 targets");
    // Statuses the run has, but none of them listed.
    expect((await kpi(["check", ...BASIC, "--fail-on", "grey"])).code).toBe(0);
  });

  it("1: at least one result has a --fail-on status (by default: red)", async () => {
    expect(rows.get(1)).toMatch(/at least one result has a `--fail-on` status \(by default: red\)/);
    const { code, stdout } = await kpi(["check", ...BASIC]);
    expect(code).toBe(1);
    expect(stdout).toContain("✖ 1 red");
  });

  it("2: invalid input or usage, every problem printed as file:line:col: message, no report", async () => {
    expect(rows.get(2)).toMatch(
      /invalid input or usage: every problem is printed to stderr as `file:line:col: message`, and no report is made/,
    );
    const bad = await kpi(["check", "test/fixtures/bad-data", "-t", "test/fixtures/basic/targets"]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    const lines = bad.stderr.trimEnd().split("\n");
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^[^:\s]+:\d+:\d+: \S/);
    expect(lines.at(-1)).toMatch(/^kpi: 9 errors; no report was made$/);
    const usage = await kpi(["check", ...BASIC, "--format", "xml"]);
    expect({ code: usage.code, stdout: usage.stdout }).toEqual({ code: 2, stdout: "" });
  });

  it("3: an internal error, a bug in kpi, and the message says so", async () => {
    expect(rows.get(3)).toMatch(/an internal error: a bug in kpi, and the message says so/);
    // A bug in a renderer, say: anything thrown that is not an input or usage error.
    const { code, stdout, stderr } = await kpi(["check", ...BASIC, "-f", "json"], () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    });
    expect({ code, stdout }).toEqual({ code: 3, stdout: "" });
    expect(stderr).toMatch(/^kpi: internal error: Cannot read properties of undefined/);
    expect(stderr).toMatch(/This is a bug in kpi/);
    expect(stderr).not.toMatch(NO_STACK);
  });

  it("the built CLI gives the codes too (0, 1, 2)", () => {
    expect(runKpi(["check", ...BASIC, "--fail-on", "none"]).code).toBe(0);
    expect(runKpi(["check", ...BASIC]).code).toBe(1);
    const bad = runKpi(["check", "test/fixtures/bad-data", "-t", "test/fixtures/basic/targets"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(NO_STACK);
  });
});

/** Every non-empty subset of the statuses, in the order of STATUSES. */
function subsets(): Status[][] {
  const all: Status[][] = [];
  for (let mask = 1; mask < 1 << STATUSES.length; mask++)
    all.push(STATUSES.filter((_, index) => mask & (1 << index)));
  return all;
}

describe("--fail-on with every list of statuses", () => {
  // Runs with different statuses: the bundled example has all four; the basic fixture as of
  // three dates has red, yellow and green; yellow and green; only grey.
  const scenarios: [string, string[]][] = [
    ["the bundled example", ["-t", "targets", "-d", "data"]],
    ["basic as of 2022-03-31", [...BASIC, "--as-of", "2022-03-31"]],
    ["basic as of 2022-02-28", [...BASIC, "--as-of", "2022-02-28"]],
    ["basic as of 2022-01-31", [...BASIC, "--as-of", "2022-01-31"]],
  ];
  const seen = { present: new Set<Status>(), absent: new Set<Status>() };

  it.each(scenarios)(
    "%s: exit 1 exactly when the list names a status the run has",
    async (_, inputs) => {
      const json = JSON.parse((await kpi(["check", ...inputs, "-f", "json"])).stdout);
      const present = new Set(STATUSES.filter((status) => json.summary[status] > 0));
      for (const status of STATUSES) seen[present.has(status) ? "present" : "absent"].add(status);
      for (const list of subsets()) {
        const expected = list.some((status) => present.has(status)) ? 1 : 0;
        for (const command of ["check", "report"]) {
          const { code } = await kpi([command, ...inputs, "--fail-on", list.join(",")]);
          expect({ command, list, code }).toEqual({ command, list, code: expected });
        }
      }
    },
  );

  it("the scenarios have each status, and lack each status, somewhere", () => {
    expect([...seen.present].sort()).toEqual([...STATUSES].sort());
    expect([...seen.absent].sort()).toEqual([...STATUSES].sort());
  });

  it("none: always 0, even with red, yellow and grey results", async () => {
    for (const command of ["check", "report"])
      expect(
        (await kpi([command, ...BASIC, "--as-of", "2022-01-31", "--fail-on", "none"])).code,
      ).toBe(0);
  });

  it("the defaults: red for check, none for report", async () => {
    expect((await kpi(["check", ...BASIC])).code).toBe(1);
    expect((await kpi(["report", ...BASIC])).code).toBe(0);
  });

  it.each([
    ["RED", 1],
    [" red , yellow ", 1],
    ["red,red", 1],
    ["NONE", 0],
    ["grey,", 0],
  ])("%j is read case-insensitively and trimmed → %i", async (list, code) => {
    expect((await kpi(["check", ...BASIC, "--fail-on", list])).code).toBe(code);
  });

  it.each(["", ",", "none,red", "purple", "red;yellow", "reds"])(
    "%j is a usage error (exit 2) before any file is read",
    async (list) => {
      const { code, stdout, stderr } = await kpi([
        "check",
        "-t",
        "no/such/folder",
        "--fail-on",
        list,
      ]);
      expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
      expect(stderr).toMatch(
        /^kpi: --fail-on must be none or a comma list of red, yellow, grey, green/,
      );
    },
  );
});

describe("exit 2, whatever the input error", () => {
  it.each([
    ["a YAML syntax error", ["-t", "test/fixtures/validate/targets/yaml-syntax.yaml"]],
    ["an unknown key", ["-t", "test/fixtures/validate/targets/key-typo.yaml"]],
    [
      "a bad data file",
      ["-t", "test/fixtures/basic/targets", "test/fixtures/bad-data/malformed-date.csv"],
    ],
    ["an unknown command option", ["--no-such-option"]],
    ["-o under a file", ["-o", "README.md/out.md", ...BASIC]],
  ])("%s", async (_, args) => {
    const { code, stdout, stderr } = await kpi(["check", ...args]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr.length).toBeGreaterThan(0);
    expect(stderr).not.toMatch(NO_STACK);
  });
});
