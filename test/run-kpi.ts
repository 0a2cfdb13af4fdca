/** Runs the built `kpi` as a user would, with colour off, and collects everything it says. */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const REPO = join(import.meta.dirname, "..");
export const BIN = join(REPO, "bin", "kpi.js");

/**
 * A working folder with no kpi.yaml, for runs in this process on the fixtures: the repository's
 * own kpi.yaml is the bundled example's, and its owners are not the fixtures'.
 */
export const NO_PROJECT_FOLDER = join(REPO, "test");

/** The inputs of test/fixtures/report as of 2022-03-31, for the tests of the report formats. */
export const REPORT_FIXTURE = [
  "-t",
  "test/fixtures/report/targets",
  "-d",
  "test/fixtures/report/data",
  "--as-of",
  "2022-03-31",
];

/**
 * The folder a run starts in unless a test gives another: it holds a link to the repository's
 * `test/` and nothing else, so that the fixtures are named as they are (test/fixtures/…) and read
 * without the repository's kpi.yaml, the bundled example's (whose owners are not the fixtures').
 * A run of the bundled example starts in REPO.
 */
export const FIXTURES_CWD = join(
  tmpdir(),
  `kpi-e2e-${createHash("sha256").update(REPO).digest("hex").slice(0, 12)}`,
);
mkdirSync(FIXTURES_CWD, { recursive: true });
try {
  symlinkSync(join(REPO, "test"), join(FIXTURES_CWD, "test"), "dir");
} catch (cause) {
  // Made by an earlier run, or by another test file at the same moment.
  if ((cause as NodeJS.ErrnoException).code !== "EEXIST") throw cause;
}

export interface KpiRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runKpi(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): KpiRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? FIXTURES_CWD,
    encoding: "utf8",
    env: {
      ...process.env,
      NO_COLOR: "1",
      FORCE_COLOR: undefined,
      KPI_LANG: undefined,
      LANG: "C",
      ...options.env,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A run in the repository, on the bundled example and its kpi.yaml, as a user of it runs kpi. */
export function runExample(
  args: readonly string[],
  options: { env?: Record<string, string> } = {},
): KpiRun {
  return runKpi(args, { ...options, cwd: REPO });
}
