/**
 * Every output format on one fixed fixture, in both languages, pinned by file snapshots in
 * test/__snapshots__/formats/ (run `npx vitest run -u` after an intended change and read the diff);
 * the JUnit XML parsed back; the GitHub workflow commands and job summary.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { escapeCommandData, escapeCommandProperty } from "../../src/render/results-github.js";
import { escapeXml } from "../../src/render/results-junit.js";
import { REPORT_FIXTURE as FIXTURE, runKpi } from "../run-kpi.js";

/** A run outside GitHub Actions, even when the tests run inside it. */
const NO_SUMMARY = { GITHUB_STEP_SUMMARY: "" };

function kpi(args: readonly string[], env: Record<string, string> = {}) {
  const run = runKpi(args, { env: { ...NO_SUMMARY, ...env } });
  expect(run.stderr).toBe("");
  return run;
}

describe("snapshots of each format, in English and Chinese", () => {
  const cases: [string, string[], string][] = [
    ["check-table", ["check", "-f", "table"], "txt"],
    ["check-markdown", ["check", "-f", "markdown"], "md"],
    ["check-junit", ["check", "-f", "junit"], "xml"],
    ["check-github", ["check", "-f", "github"], "txt"],
    ["report", ["report"], "md"],
    ["report-by-owner-charts", ["report", "--by", "owner", "--charts"], "md"],
    ["rank-table", ["rank"], "txt"],
    ["rank-markdown", ["rank", "-f", "markdown"], "md"],
  ];
  for (const language of ["en", "zh"] as const) {
    it.each(cases)(`%s (${language})`, async (name, args, extension) => {
      const { stdout } = kpi([...args, ...FIXTURE, "--lang", language]);
      await expect(stdout).toMatchFileSnapshot(
        `__snapshots__/formats/${name}.${language}.${extension}`,
      );
    });
  }

  it.each([
    ["check-json", ["check", "-f", "json"]],
    ["rank-json", ["rank", "-f", "json"]],
  ])("%s is the same in both languages", async (name, args) => {
    const { stdout } = kpi([...args, ...FIXTURE]);
    expect(kpi([...args, ...FIXTURE, "--lang", "zh"]).stdout).toBe(stdout);
    await expect(stdout).toMatchFileSnapshot(`__snapshots__/formats/${name}.json`);
  });
});

interface TestCase {
  "@_name": string;
  "@_classname": string;
  "@_file": string;
  failure?: { "#text": string; "@_message": string; "@_type": string };
  skipped?: { "@_message": string };
  "system-out"?: string;
}

interface TestSuite {
  "@_name": string;
  "@_tests": string;
  "@_failures": string;
  "@_skipped": string;
  testcase: TestCase[];
}

function parseJunit(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === "testsuite" || name === "testcase",
  });
  return parser.parse(xml).testsuites as {
    "@_tests": string;
    "@_failures": string;
    "@_skipped": string;
    testsuite: TestSuite[];
  };
}

describe("--format junit", () => {
  it("is well-formed XML: a testsuite per section (or file), a testcase per target", () => {
    const { code, stdout } = runKpi(["check", ...FIXTURE, "-f", "junit"], { env: NO_SUMMARY });
    expect(code).toBe(1);
    const suites = parseJunit(stdout);
    expect([suites["@_tests"], suites["@_failures"], suites["@_skipped"]]).toEqual(["7", "1", "1"]);
    expect(suites.testsuite.map((suite) => [suite["@_name"], suite.testcase.length])).toEqual([
      ["Build | grow", 2],
      ["Levels", 1],
      ["test/fixtures/report/targets/a.yaml", 4],
    ]);
    for (const suite of suites.testsuite) {
      expect(Number(suite["@_tests"])).toBe(suite.testcase.length);
      expect(Number(suite["@_failures"])).toBe(suite.testcase.filter((c) => c.failure).length);
      expect(Number(suite["@_skipped"])).toBe(suite.testcase.filter((c) => c.skipped).length);
    }
    const byId = Object.fromEntries(
      suites.testsuite.flatMap((suite) =>
        suite.testcase.map((testcase) => [testcase["@_name"].split(":")[0], testcase]),
      ),
    );
    // red: a failure with the reason
    expect(byId["a.level"]?.failure).toMatchObject({
      "@_message": "red: outside bounds",
      "@_type": "outside",
    });
    expect(byId["a.level"]?.["@_name"]).toBe("a.level: Rank <script>alert(1)</script>");
    // yellow: passed, with a warning in system-out
    expect(byId["a.newline"]?.failure).toBeUndefined();
    expect(byId["a.newline"]?.["system-out"]).toMatch(/^yellow: behind; Actual 20; Expected 24.66/);
    expect(byId["a.newline"]?.["@_name"]).toBe(
      "a.newline: Two\nlines <b>bold</b> [link](http://example.com)",
    );
    // grey: skipped
    expect(byId["a.nodata"]?.skipped).toEqual({ "@_message": "grey: no data" });
    // green: a plain passed case
    expect(byId["a.pipe"]).toEqual({
      "@_classname": "Build | grow",
      "@_name": "a.pipe: Roads | bridges",
      "@_file": "test/fixtures/report/targets/a.yaml",
      "@_line": "7",
      "@_time": "0",
    });
  });

  it("speaks Chinese with --lang zh, with the same structure", () => {
    const suites = parseJunit(kpi(["check", ...FIXTURE, "-f", "junit", "--lang", "zh"]).stdout);
    const level = suites.testsuite[1]?.testcase[0];
    expect(level?.failure?.["@_message"]).toBe("红灯：超出区间");
    expect(level?.failure?.["#text"]).toBe("实际值 5 位；目标区间 ≤ 3；超出区间");
  });
});

describe("escaping", () => {
  it("XML: the five entities, and no character XML 1.0 forbids", () => {
    expect(escapeXml(`a\u0001<b>&"'\uffff\ud800z`)).toBe("a&lt;b&gt;&amp;&quot;&apos;z");
    expect(escapeXml("中文 ✔ 🟢\n\t")).toBe("中文 ✔ 🟢\n\t");
  });

  it("workflow commands: %, CR and LF in messages; also : and , in properties", () => {
    expect(escapeCommandData("50%\r\nnext: a, b")).toBe("50%25%0D%0Anext: a, b");
    expect(escapeCommandProperty("targets/a,b:c.yaml")).toBe("targets/a%2Cb%3Ac.yaml");
  });
});

describe("--format github", () => {
  it("prints ::error and ::warning at each red and yellow target's YAML line", () => {
    const { code, stdout } = runKpi(["check", ...FIXTURE, "-f", "github"], { env: NO_SUMMARY });
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split("\n");
    expect(lines.map((line) => line.split(" ")[0])).toEqual([
      "::error",
      "::warning",
      "::warning",
      "7",
    ]);
    expect(lines[0]).toBe(
      "::error file=test/fixtures/report/targets/a.yaml,line=21,col=5,title=red%3A a.level::Rank <script>alert(1)</script>; Actual 5 位; Bounds ≤ 3; outside bounds",
    );
    // A line break in a title is encoded, so one annotation stays one line.
    expect(lines[1]).toContain("::Two%0Alines <b>bold</b>");
    expect(lines[1]).toContain("file=test/fixtures/report/targets/a.yaml,line=14,");
  });

  it("appends the markdown report to GITHUB_STEP_SUMMARY when it is set", () => {
    const summary = join(mkdtempSync(join(tmpdir(), "kpi-")), "summary.md");
    writeFileSync(summary, "earlier step\n");
    const { code, stdout } = runKpi(["check", ...FIXTURE, "-f", "github"], {
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(code).toBe(1);
    expect(stdout).toContain("::error ");
    const report = kpi(["report", ...FIXTURE]).stdout;
    expect(readFileSync(summary, "utf8")).toBe(`earlier step\n${report}`);
  });

  it("leaves GITHUB_STEP_SUMMARY alone with other formats", () => {
    const summary = join(mkdtempSync(join(tmpdir(), "kpi-")), "summary.md");
    writeFileSync(summary, "");
    runKpi(["check", ...FIXTURE, "-f", "markdown"], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, "utf8")).toBe("");
  });

  it("a summary file that cannot be written is a clear error (exit 2)", () => {
    const { code, stderr } = runKpi(["check", ...FIXTURE, "-f", "github"], {
      env: { GITHUB_STEP_SUMMARY: join(tmpdir(), "no", "such", "folder", "summary.md") },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^kpi: cannot append to .*summary\.md: ENOENT\n$/);
  });
});
