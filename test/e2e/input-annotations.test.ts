/**
 * Input problems where the input is: `kpi check --format github` annotates every input problem at
 * its file, line and column (a broken row of a pull request is shown on that row), JUnit carries
 * input errors as failures of a `kpi inputs` suite, and `kpi validate` speaks JSON, GitHub
 * annotations and JUnit.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { REPO, runKpi } from "../run-kpi.js";

const BAD_DATE =
  'date "31/04/2022" puts the year last, and its day and month could be read either way: write the year first, YYYY-MM-DD';

/** The basic fixture as a data repository, with `files` added to it. */
function repository(files: Record<string, string> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), "kpi-annotations-"));
  cpSync(join(REPO, "test", "fixtures", "basic"), folder, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(folder, path), text);
  return folder;
}

/** A pull request's new month, its row 3 broken. */
const BROKEN = {
  "data/2022-07.csv": "target,date,value\ncity.rank,2022-04-30,1\ncity.rank,31/04/2022,1\n",
};

describe("kpi check --format github", () => {
  it("annotates a broken data row at its file, line and column, and still says it on stderr", () => {
    const run = runKpi(["check", "--format", "github"], { cwd: repository(BROKEN) });
    expect(run).toEqual({
      code: 2,
      stdout: `::error file=data/2022-07.csv,line=3,col=11,title=kpi%3A data.date-year-last::${BAD_DATE}\n`,
      stderr: `data/2022-07.csv:3:11: ${BAD_DATE}\nkpi: 1 error; no report was made\n`,
    });
  });

  it("annotates a target file's error at its key", () => {
    const folder = repository({
      "targets/more.yaml": "targets:\n  - id: x\n    title: X\n    tagret: 1\n",
    });
    const run = runKpi(["check", "--format", "github"], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^::error file=targets\/more\.yaml,line=2,col=5,title=kpi%3A /m);
    expect(run.stdout).toContain(
      '::error file=targets/more.yaml,line=4,col=5,title=kpi%3A target.unknown-key::unknown key "tagret" (did you mean "target"?)\n',
    );
  });

  it("annotates input warnings of a run that goes on, before the targets' annotations", () => {
    const folder = repository({ "data/other.csv": "target,date,value\nnope.id,2022-03-31,1\n" });
    const run = runKpi(["check", "--format", "github", "--allow-unknown"], { cwd: folder });
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(
      '::warning file=data/other.csv,line=2,col=1,title=kpi%3A data.unknown-id::no target has the id "nope.id": its rows are ignored',
    );
    expect(lines[1]).toMatch(/^::error file=targets\/targets\.yaml,/);
  });

  it("words the annotations in the run's language", () => {
    const run = runKpi(["check", "--format", "github", "--lang", "zh"], {
      cwd: repository(BROKEN),
    });
    expect(run.stdout).toMatch(
      /^::error file=data\/2022-07\.csv,line=3,col=11,title=kpi%3A data\.date-year-last::日期/,
    );
  });
});

describe("kpi check --format junit with input errors", () => {
  it("writes a report of one kpi inputs suite whose failures are the errors", () => {
    const folder = repository(BROKEN);
    const run = runKpi(["check", "--format", "junit"], { cwd: folder });
    expect(run.code).toBe(2);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(
      run.stdout,
    );
    expect(xml.testsuites.testsuite).toMatchObject({
      name: "kpi inputs",
      tests: "1",
      failures: "1",
    });
    expect(xml.testsuites.testsuite.testcase).toMatchObject({
      name: "data/2022-07.csv:3:11 data.date-year-last",
      file: "data/2022-07.csv",
      line: "3",
      failure: { message: BAD_DATE, type: "data.date-year-last" },
    });
  });

  it("writes it to -o, as a report that passes would be", () => {
    const folder = repository(BROKEN);
    const run = runKpi(["check", "-o", "kpi.xml"], { cwd: folder });
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
    expect(readFileSync(join(folder, "kpi.xml"), "utf8")).toBe(
      runKpi(["check", "--format", "junit"], { cwd: folder }).stdout,
    );
  });
});

describe("kpi validate --format", () => {
  it("json: everything on stdout, in English, with each problem's place and code", () => {
    const run = runKpi(["validate", "--format", "json", "--lang", "zh"], {
      cwd: repository(BROKEN),
    });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: "" });
    expect(JSON.parse(run.stdout)).toEqual({
      schemaVersion: 2,
      ok: false,
      projectFile: "kpi.yaml",
      targets: 5,
      rows: 11, // the 10 rows of the fixture and the new row 2; row 3 is the error
      dataRead: true,
      summary: { errors: 1, warnings: 0 },
      problems: [
        {
          severity: "error",
          code: "data.date-year-last",
          file: "data/2022-07.csv",
          line: 3,
          column: 11,
          message: BAD_DATE,
        },
      ],
    });
  });

  it("json: ok, and exit 0, when the files pass", () => {
    const run = runKpi(["validate", "-f", "json"], { cwd: repository() });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, problems: [], targets: 5, rows: 10 });
  });

  it("github: the annotations, and the usual lines", () => {
    const run = runKpi(["validate", "--format", "github"], { cwd: repository(BROKEN) });
    expect(run).toEqual({
      code: 2,
      stdout: `::error file=data/2022-07.csv,line=3,col=11,title=kpi%3A data.date-year-last::${BAD_DATE}\n`,
      stderr: `data/2022-07.csv:3:11: ${BAD_DATE}\nkpi: 1 error, no warnings\n`,
    });
  });

  it("junit: one passing case when there is no problem", () => {
    const run = runKpi(["validate", "--format", "junit"], { cwd: repository() });
    expect(run.code).toBe(0);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(
      run.stdout,
    );
    expect(xml.testsuites.testsuite).toMatchObject({
      name: "kpi inputs",
      tests: "1",
      failures: "0",
      testcase: { name: "inputs", classname: "kpi inputs" },
    });
  });

  it("refuses a format it does not have", () => {
    const run = runKpi(["validate", "--format", "html"], { cwd: repository() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/html/);
  });
});

describe("kpi check --format codequality", () => {
  it("is GitLab's issues at the targets' lines, fingerprints stable per target and reason", () => {
    const folder = repository();
    const run = runKpi(["check", "--format", "codequality", "--fail-on", "none"], { cwd: folder });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    const issues = JSON.parse(run.stdout);
    expect(issues.map((issue: { check_name: string }) => issue.check_name)).toEqual([
      "kpi-red-off-track",
      "kpi-yellow-behind",
    ]);
    expect(issues[0]).toMatchObject({
      severity: "major",
      location: { path: "targets/targets.yaml", lines: { begin: 25 } },
    });
    expect(issues[0].description).toMatch(/^red: start-rate 新建项目开工率; /);
    expect(issues[1].severity).toBe("minor");
    for (const issue of issues) expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(issues.map((issue: { fingerprint: string }) => issue.fingerprint)).size).toBe(2);
    // Another run, another as-of date: the same target with the same reason, the same fingerprint.
    const again = JSON.parse(
      runKpi(["check", "-f", "codequality", "--as-of", "2022-04-05", "--fail-on", "none"], {
        cwd: folder,
      }).stdout,
    );
    const start = again.find(
      (issue: { check_name: string }) => issue.check_name === "kpi-red-off-track",
    );
    expect(start?.fingerprint).toBe(issues[0].fingerprint);
  });
});
