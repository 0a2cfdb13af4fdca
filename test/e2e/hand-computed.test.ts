// End-to-end check of `kpi check --format json` against cases computed by hand from SPEC.md.
// The fixtures and the arithmetic are in test/fixtures/hand-computed/ (see notes.md there); the
// expected values were written before the tool was run, so a failure here is a disagreement with
// the SPEC reading in notes.md, not a snapshot to refresh.
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES_CWD } from "../run-kpi.js";

const repoRoot = path.resolve(import.meta.dirname, "..", "..");
const fixtureDir = path.join("test", "fixtures", "hand-computed");
const asOfDates = ["2022-05-15", "2022-08-20"] as const;

/** Ratios the JSON may round to 4 decimals; every other number may be rounded to 9. */
const ratioFields = new Set(["progress", "expectedProgress"]);
const ratioDigits = 4;
const valueDigits = 6;
/** The fields SPEC v2 adds to every result (sections 4.1 and 5; `dueBy` is an addition of ours). */
const v2Fields = [
  "judgedAt",
  "late",
  "missingReport",
  "dueBy",
  "frequency",
  "weight",
  "file",
  "line",
] as const;

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

interface ExpectedReport {
  schemaVersion: number;
  asOf: string;
  exitCode: number;
  summary: Record<string, number>;
  results: JsonObject[];
}

interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The fixture is read without the repository's kpi.yaml (the bundled example's). */
function runKpi(args: string[]): RunResult {
  const bin = path.join(repoRoot, "bin", "kpi.js");
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [bin, ...args], {
    cwd: FIXTURES_CWD,
    env: { ...process.env, NO_COLOR: "1" },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function runCheck(asOf: string, extraArgs: string[] = []): RunResult {
  return runKpi([
    "check",
    "-t",
    path.join(fixtureDir, "targets"),
    "-d",
    path.join(fixtureDir, "data"),
    "--as-of",
    asOf,
    "--format",
    "json",
    // The data hold a row of an unknown id: an error, a warning with the fixture's allow_unknown.
    "--config",
    path.join(fixtureDir, "kpi.yaml"),
    ...extraArgs,
  ]);
}

function loadExpected(asOf: string): ExpectedReport {
  const file = path.join(repoRoot, fixtureDir, `expected-${asOf}.json`);
  return JSON.parse(readFileSync(file, "utf8")) as ExpectedReport;
}

/** Compares one JSON value field by field; numbers with toBeCloseTo, everything else exactly. */
function expectJsonClose(
  actual: unknown,
  expected: JsonValue,
  digits: number,
  where: string,
): void {
  if (typeof expected === "number") {
    expect(typeof actual, `${where} should be a number`).toBe("number");
    expect(actual as number, where).toBeCloseTo(expected, digits);
    return;
  }
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    expect(actual, `${where} should be an object`).toBeTypeOf("object");
    expect(actual, `${where} should not be null`).not.toBeNull();
    const actualObject = actual as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) {
      expectJsonClose(actualObject[key], value, digits, `${where}.${key}`);
    }
    return;
  }
  expect(actual, where).toEqual(expected);
}

/** Warnings are allowed on stderr; anything else (an error, a stack trace) is not. */
function expectOnlyWarnings(stderr: string): void {
  const lines = stderr.split(/\r?\n/).filter((line) => line.trim() !== "");
  for (const line of lines) {
    expect(line, "stderr should hold warnings only").toMatch(/warn/i);
    expect(line).not.toMatch(/^\s+at /);
  }
}

describe.each(asOfDates)("kpi check --as-of %s --format json (hand-computed)", (asOf) => {
  const expected = loadExpected(asOf);
  const run = runCheck(asOf);
  const parsed = ((): { report: JsonObject | null; error: string | null } => {
    try {
      return { report: JSON.parse(run.stdout) as JsonObject, error: null };
    } catch (error) {
      return { report: null, error: String(error) };
    }
  })();
  const report = parsed.report;
  const results = Array.isArray(report?.results) ? (report.results as JsonObject[]) : [];

  it("prints valid JSON, exits 1 when a result is red, and writes only warnings to stderr", () => {
    expect(parsed.error, `stdout: ${run.stdout}\nstderr: ${run.stderr}`).toBeNull();
    expect(run.status).toBe(expected.exitCode);
    expectOnlyWarnings(run.stderr);
  });

  it("exits 0 with --fail-on none", () => {
    const quiet = runCheck(asOf, ["--fail-on", "none"]);
    expect(quiet.status).toBe(0);
    expectOnlyWarnings(quiet.stderr);
  });

  it("reports schemaVersion, asOf and the summary", () => {
    expect(report?.schemaVersion).toBe(expected.schemaVersion);
    expect(report?.asOf).toBe(expected.asOf);
    expect(report?.summary).toEqual(expected.summary);
  });

  it("gives every result the v2 fields of the reporting cycle and no v1 `stale` (SPEC 4.1, 5)", () => {
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      for (const field of v2Fields) expect(result, `${result.id}`).toHaveProperty(field);
      expect(result, `${result.id}`).not.toHaveProperty("stale");
    }
  });

  it("lists the results in target-file order (files sorted by path)", () => {
    expect(results.map((result) => result.id)).toEqual(expected.results.map((result) => result.id));
  });

  it.each(expected.results.map((result) => [String(result.id), result] as const))(
    "%s",
    (id, expectedResult) => {
      const actualResult = results.find((result) => result.id === id);
      expect(actualResult, `no result for ${id}`).toBeDefined();
      for (const [field, value] of Object.entries(expectedResult)) {
        const digits = ratioFields.has(field) ? ratioDigits : valueDigits;
        expect(actualResult, `${id} has no field ${field}`).toHaveProperty(field);
        expectJsonClose(actualResult?.[field], value, digits, `${id}.${field}`);
      }
    },
  );
});

describe("data warnings name file:line (SPEC 3)", () => {
  const run = runCheck("2022-05-15");

  it("warns about the row with an empty value and skips it", () => {
    expect(run.stderr).toMatch(/progress\.csv:5\b/);
  });

  it("warns about the row for an unknown id with allow_unknown, and refuses it without", () => {
    expect(run.stderr).toMatch(
      /progress\.csv:28:1: warning: no target has the id "unknown\.target"/,
    );
    const strict = runKpi([
      "check",
      "-t",
      path.join(fixtureDir, "targets"),
      "-d",
      path.join(fixtureDir, "data"),
    ]);
    expect(strict.status).toBe(2);
    expect(strict.stderr).toMatch(
      /progress\.csv:28:1: no target has the id or title "unknown\.target"\n/,
    );
  });
});
