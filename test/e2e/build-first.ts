/** Builds the bundle the end-to-end tests run (bin/kpi.js → dist/), once per test run. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export default function setup(): void {
  const repo = join(import.meta.dirname, "..", "..");
  const build = spawnSync(process.execPath, ["scripts/build.js"], { cwd: repo, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}${build.stdout}`);
}
