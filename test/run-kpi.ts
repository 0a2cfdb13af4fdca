/** Runs the built `kpi` as a user would, with colour off, and collects everything it says. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const REPO = join(import.meta.dirname, "..");
export const BIN = join(REPO, "bin", "kpi.js");

/** The inputs of test/fixtures/report as of 2022-03-31, for the tests of the report formats. */
export const REPORT_FIXTURE = [
  "-t",
  "test/fixtures/report/targets",
  "-d",
  "test/fixtures/report/data",
  "--as-of",
  "2022-03-31",
];

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
    cwd: options.cwd ?? REPO,
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
