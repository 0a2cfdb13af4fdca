// The long fuzz run: every test file that runs properties through test/fuzz-support.ts (the readers
// against independent oracles, the plain YAML reader against yaml, the status rules and the
// reporting cycle against the SPEC's oracle) with many more runs, and the kill tests of
// test/e2e/output-file.test.ts with more kills. It stops on its own: each property runs until its
// number of runs or its time limit, whichever comes first.
// Usage: npm run fuzz -- [--runs 20000] [--seconds 60] [--seed N]
// A failure prints fast-check's counterexample and seed; `--seed N` runs that sequence again.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values: options } = parseArgs({
  options: {
    runs: { type: "string", default: "20000" },
    seconds: { type: "string", default: "60" },
    seed: { type: "string" },
  },
});
const repo = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "kpi-fuzz-"));
const stats = join(work, "stats.jsonl");
const started = Date.now();

// The kill tests run the built CLI: build it from the sources under test.
const build = spawnSync(process.execPath, [join(repo, "scripts", "build.js")], {
  stdio: "inherit",
});
if (build.status !== 0) process.exit(build.status ?? 1);

const seed = options.seed ?? String(Math.floor(Math.random() * 2 ** 31));
console.log(`fuzz: up to ${options.runs} runs or ${options.seconds} s per property, seed ${seed}`);
// Found, not listed: a file that moves or a new property file is never left out.
const files = ["test/unit", "test/e2e"].flatMap((folder) =>
  readdirSync(join(repo, folder))
    .filter((name) => name.endsWith(".test.ts"))
    .map((name) => `${folder}/${name}`)
    .filter((file) => readFileSync(join(repo, file), "utf8").includes("fuzz-support.js")),
);
const result = spawnSync(
  process.execPath,
  [join(repo, "node_modules", "vitest", "vitest.mjs"), "run", ...files],
  {
    cwd: repo,
    stdio: "inherit",
    env: {
      ...process.env,
      KPI_FUZZ: "long",
      KPI_FUZZ_RUNS: options.runs,
      KPI_FUZZ_SECONDS: options.seconds,
      KPI_FUZZ_SEED: seed,
      KPI_FUZZ_STATS: stats,
    },
  },
);

let lines = [];
try {
  lines = readFileSync(stats, "utf8").trim().split("\n").filter(Boolean).map(JSON.parse);
} catch {
  // No property reported: vitest failed before any ran; its output says why.
}
rmSync(work, { recursive: true, force: true });
console.log("\nfuzz summary");
for (const line of lines) {
  const detail =
    line.midWrite !== undefined
      ? `${String(line.runs).padStart(6)} kills, ${line.midWrite} of them while the report was being written`
      : line.kept !== undefined
        ? `${String(line.runs).padStart(6)} kills, ${line.kept} left the old report, the rest a whole new one`
        : `${String(line.runs).padStart(6)} runs  ${String(line.seconds).padStart(5)} s${line.interrupted ? "  (time limit)" : ""}${line.failed ? "  FAILED" : ""}`;
  console.log(`  ${line.name.padEnd(48)} ${detail}`);
}
console.log(
  `  total ${Math.round((Date.now() - started) / 1000)} s, seed ${seed}, ${result.status === 0 ? "no finding" : "FINDINGS: see above"}`,
);
process.exit(result.status ?? 1);
