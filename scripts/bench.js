// The performance benchmark of kpi, as ratios measured in one run on this machine, each against
// its goal:
//   - scale: `kpi check --format json -o FILE` on N targets and M daily rows, against DuckDB
//     reading the same CSV and picking each target's latest value, on both shapes of data
//     (scripts/bench-data.js: easy, and an office's); beside it, DuckDB on one thread, and what the
//     rows alone cost each (the same run on the same targets with one row taken off);
//   - start-up: `kpi check` on the bundled example, against bare `node -e 0`;
//   - memory: kpi's peak resident memory on 5,000,000 rows of the office's shape (about 110 MB);
//   - workbook: `kpi check` on 100,000 rows in one .xlsx sheet, against the same rows as CSV;
//   - base: growth targets whose rows carry a `base` column (SPEC 2.4), against the plain rows;
//   - growth (with --growth): twice the rows should take about twice the time.
// Usage: npm run bench -- [--targets 5000] [--rows 1000000] [--runs 5] [--no-duckdb] [--growth]
//        [--memory-rows 5000000] [--workbook-rows 100000]
// DuckDB (@duckdb/node-api) is installed on demand into .bench/, never as a dependency of kpi.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values: options } = parseArgs({
  options: {
    targets: { type: "string", default: "5000" },
    rows: { type: "string", default: "1000000" },
    runs: { type: "string", default: "5" },
    "no-duckdb": { type: "boolean", default: false },
    growth: { type: "boolean", default: false },
    "memory-rows": { type: "string", default: "5000000" },
    "workbook-rows": { type: "string", default: "100000" },
  },
});
const repo = resolve(import.meta.dirname, "..");
const work = join(repo, ".bench");
const runs = Number(options.runs);
const hasTime = existsSync("/usr/bin/time");

function run(command, args, { cwd = repo } = {}) {
  const timed = hasTime ? ["/usr/bin/time", ["-f", "%M", command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const result = spawnSync(timed[0], timed[1], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  }
  const lines = result.stderr.trim().split("\n");
  const peakMegabytes = hasTime ? Number(lines[lines.length - 1]) / 1024 : Number.NaN;
  return { seconds, peakMegabytes };
}

/** The value at fraction `at` of the sorted values, halfway between two when it falls between. */
const quantile = (values, at) => {
  const sorted = [...values].sort((a, b) => a - b);
  const place = at * (sorted.length - 1);
  const below = Math.floor(place);
  return sorted[below] + (sorted[Math.ceil(place)] - sorted[below]) * (place - below);
};

/**
 * The machine's CPU time so far, from /proc/stat (Linux): all of it, and what the host took for
 * other guests ("steal"), in clock ticks; null elsewhere.
 */
function cpuTime() {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1);
    // user nice system idle iowait irq softirq steal (guest time is counted in user already)
    const ticks = fields.slice(0, 8).map(Number);
    return { total: ticks.reduce((sum, value) => sum + value, 0), steal: ticks[7] };
  } catch {
    return null;
  }
}

/**
 * Runs the commands alternately, `times` times each, after one warm-up each: each command's
 * median, its spread (the interquartile range over the median) and its largest peak, and the share
 * of the machine's time its host stole meanwhile (null where unknown). A command is
 * [command, args] or [command, args, working folder].
 */
function compare(commands, times = runs) {
  for (const [command, args, cwd] of Object.values(commands)) run(command, args, { cwd });
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  const before = cpuTime();
  for (let i = 0; i < times; i++) {
    for (const [name, [command, args, cwd]] of Object.entries(commands))
      samples[name].push(run(command, args, { cwd }));
  }
  const after = cpuTime();
  const measured = Object.fromEntries(
    Object.entries(samples).map(([name, list]) => {
      const seconds = list.map((s) => s.seconds);
      const median = quantile(seconds, 0.5);
      return [
        name,
        {
          seconds: median,
          spread: (quantile(seconds, 0.75) - quantile(seconds, 0.25)) / median,
          peakMegabytes: Math.max(...list.map((s) => s.peakMegabytes)),
        },
      ];
    }),
  );
  const steal =
    before === null || after === null || after.total === before.total
      ? null
      : (after.steal - before.steal) / (after.total - before.total);
  return { ...measured, steal };
}

/** The data set of a shape ("easy", "office" or "growth", scripts/bench-data.js), made once. */
function dataSet(targets, rows, shape) {
  const dir = join(work, `${shape === "easy" ? "data" : shape}-${targets}-${rows}`);
  if (!existsSync(join(dir, "data", "data.csv"))) {
    console.log(`generating ${rows} rows for ${targets} targets (${shape}) in ${dir} …`);
    spawnSync(
      process.execPath,
      [join(repo, "scripts", "bench-data.js"), dir, String(targets), String(rows), shape],
      { stdio: "inherit" },
    );
  }
  return dir;
}

function ensureDuckDb() {
  const dir = join(work, "duckdb");
  if (!existsSync(join(dir, "node_modules", "@duckdb", "node-api"))) {
    console.log("installing @duckdb/node-api into .bench/duckdb (once) …");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), '{ "private": true, "type": "module" }\n');
    const install = spawnSync(
      "npm",
      ["install", "--no-audit", "--no-fund", "@duckdb/node-api@1.5.6-r.1"],
      {
        cwd: dir,
        stdio: "inherit",
      },
    );
    if (install.status !== 0) throw new Error("cannot install @duckdb/node-api");
  }
  // The same job as kpi's data path: read the CSV, keep each target's latest value; on as many
  // threads as the second argument says (all the machine's cores without it).
  writeFileSync(
    join(dir, "latest.js"),
    `import { DuckDBInstance } from "@duckdb/node-api";
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
if (process.argv[3] !== undefined) await connection.run(\`SET threads = \${Number(process.argv[3])}\`);
const reader = await connection.runAndReadAll(\`
  SELECT target, arg_max(value, date) AS value, max(date) AS date
  FROM read_csv('\${process.argv[2]}', header = true,
    columns = {'target': 'VARCHAR', 'date': 'DATE', 'value': 'DOUBLE', 'note': 'VARCHAR'})
  GROUP BY target\`);
if (reader.getRows().length === 0) process.exit(2);
`,
  );
  return join(dir, "latest.js");
}

// Run in the data set's folder: the repository's own kpi.yaml (the example's owners) is not the
// data set's project file.
const kpiRun = (dir) => [node, kpiArgs(dir), dir];
const kpiArgs = (dir) => [
  join(repo, "bin", "kpi.js"),
  "check",
  "-t",
  join(dir, "targets"),
  "-d",
  join(dir, "data"),
  "--format",
  "json",
  "-o",
  join(work, "out.json"),
];
const megabytes = (file) => `${(statSync(file).size / 1e6).toFixed(0)} MB`;
const format = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;
/** A command's median and spread: `1050 ms ±6%`, half the interquartile range over the median. */
const timed = (measured) => `${format(measured.seconds)} ±${(measured.spread * 50).toFixed(0)}%`;

spawnSync(process.execPath, [join(repo, "scripts", "build.js")], { stdio: "inherit" });
mkdirSync(work, { recursive: true });
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node.js ${process.version}; ${runs} runs each, medians\n`,
);

const rows = Number(options.rows);
const targets = Number(options.targets);
const node = process.execPath;
/** The machine's load, and the share of its time the host stole during a comparison. */
const load = (compared) =>
  `load ${loadavg()
    .map((value) => value.toFixed(1))
    .join(" ")}${compared.steal === null ? "" : `, steal ${(compared.steal * 100).toFixed(0)}%`}`;
/** A figure against its goal: the ratio (or amount) and whether it is met. */
const goal = (value, limit, text = value.toFixed(2), unit = "") =>
  `${text} (goal ≤ ${limit}${unit}: ${value <= limit ? "met" : "NOT met"})`;

const example = (...args) => [node, [join(repo, "bin", "kpi.js"), "check", ...args]];
const startup = compare(
  {
    kpi: example("-o", join(work, "example.txt")),
    json: example("--format", "json", "-o", join(work, "example.json")),
    // To stdout, a pipe here: Node.js then makes the stream (and loads its modules) as well.
    piped: example(),
    node: [node, ["-e", "0"]],
  },
  // Short runs, and this machine's noise is a good part of them: many runs, for steadier medians.
  runs * 8,
);
const ratio = (seconds) => seconds / startup.node.seconds;
console.log(
  `start-up   kpi check -o FILE (bundled example) ${timed(startup.kpi)}   node -e 0 ${timed(startup.node)}   ratio ${goal(ratio(startup.kpi.seconds), 1.3)}   [${load(startup)}]`,
);
console.log(
  `           kpi check --format json -o FILE ${timed(startup.json)}   ratio ${ratio(startup.json.seconds).toFixed(2)};   to a pipe ${timed(startup.piped)}   ratio ${ratio(startup.piped.seconds).toFixed(2)}`,
);

const duckdb = options["no-duckdb"] ? null : ensureDuckDb();
const duckdbRun = (dir, ...threads) => [node, [duckdb, join(dir, "data", "data.csv"), ...threads]];
for (const shape of ["office", "easy"]) {
  const dir = dataSet(targets, rows, shape);
  // Beside the goal's two commands: DuckDB on one thread (kpi reads on one), and both on the same
  // targets with one row of data, whose times taken off leave what the rows themselves cost.
  const oneRow = duckdb === null ? null : dataSet(targets, 1, shape);
  const scale = compare({
    kpi: kpiRun(dir),
    ...(oneRow === null
      ? {}
      : {
          duckdb: duckdbRun(dir),
          oneThread: duckdbRun(dir, "1"),
          kpiOneRow: kpiRun(oneRow),
          duckdbOneRow: duckdbRun(oneRow),
          oneThreadOneRow: duckdbRun(oneRow, "1"),
        }),
  });
  const what = `[${shape}: ${rows} rows, ${targets} targets, ${megabytes(join(dir, "data", "data.csv"))}]`;
  if (scale.duckdb) {
    console.log(
      `scale      kpi ${timed(scale.kpi)}   DuckDB ${timed(scale.duckdb)}   ratio ${goal(scale.kpi.seconds / scale.duckdb.seconds, 1.2)}   ${what}   [${load(scale)}]`,
    );
    const rowsAlone = (all, one) => all.seconds - one.seconds;
    const kpiRows = rowsAlone(scale.kpi, scale.kpiOneRow);
    const duckdbRows = rowsAlone(scale.duckdb, scale.duckdbOneRow);
    const oneThreadRows = rowsAlone(scale.oneThread, scale.oneThreadOneRow);
    console.log(
      `           DuckDB on one thread ${timed(scale.oneThread)}   ratio ${(scale.kpi.seconds / scale.oneThread.seconds).toFixed(2)};   one row: kpi ${timed(scale.kpiOneRow)}   DuckDB ${timed(scale.duckdbOneRow)};   the rows alone: kpi ${format(kpiRows)}   DuckDB ${format(duckdbRows)}   ratio ${(kpiRows / duckdbRows).toFixed(2)}   on one thread ${format(oneThreadRows)}   ratio ${(kpiRows / oneThreadRows).toFixed(2)}`,
    );
  } else {
    console.log(`scale      kpi ${timed(scale.kpi)}   ${what}   [${load(scale)}]`);
  }
  if (options.growth && shape === "office") {
    const double = dataSet(targets, rows * 2, shape);
    const growth = compare({ single: kpiRun(dir), double: kpiRun(double) });
    console.log(
      `growth     ${rows} rows ${timed(growth.single)}   ${rows * 2} rows ${timed(growth.double)}   ratio ${(growth.double.seconds / growth.single.seconds).toFixed(2)} (goal ≈ 2)   [${load(growth)}]`,
    );
  }
}

// Memory: the largest of a few runs' peaks on the office's shape at five times the rows.
const memoryRows = Number(options["memory-rows"]);
const memoryDir = dataSet(targets, memoryRows, "office");
const memory = compare({ kpi: kpiRun(memoryDir) }, Math.min(runs, 3));
console.log(
  `memory     kpi peak ${hasTime ? goal(memory.kpi.peakMegabytes, 300, `${memory.kpi.peakMegabytes.toFixed(0)} MB`, " MB") : "n/a (no /usr/bin/time)"}   in ${timed(memory.kpi)}   [office: ${memoryRows} rows, ${targets} targets, ${megabytes(join(memoryDir, "data", "data.csv"))}]   [${load(memory)}]`,
);

// The same rows as a workbook: the data set's CSV written as one sheet (scripts/bench-workbook.js).
const workbookRows = Number(options["workbook-rows"]);
const csvDir = dataSet(targets, workbookRows, "easy");
const workbookDir = join(work, `workbook-${targets}-${workbookRows}`);
if (!existsSync(join(workbookDir, "data", "data.xlsx"))) {
  console.log(`writing ${workbookRows} rows as a workbook in ${workbookDir} …`);
  mkdirSync(join(workbookDir, "data"), { recursive: true });
  cpSync(join(csvDir, "targets"), join(workbookDir, "targets"), { recursive: true });
  const written = spawnSync(
    process.execPath,
    [
      join(repo, "scripts", "bench-workbook.js"),
      join(csvDir, "data", "data.csv"),
      join(workbookDir, "data", "data.xlsx"),
    ],
    { stdio: "inherit" },
  );
  if (written.status !== 0) throw new Error("cannot write the workbook");
}
const workbook = compare({ csv: kpiRun(csvDir), workbook: kpiRun(workbookDir) });
console.log(
  `workbook   kpi ${timed(workbook.workbook)} (.xlsx)   ${timed(workbook.csv)} (the same rows as CSV)   ratio ${goal(workbook.workbook.seconds / workbook.csv.seconds, 3)}   peak ${workbook.workbook.peakMegabytes.toFixed(0)} MB   [${workbookRows} rows, ${targets} targets]   [${load(workbook)}]`,
);

// Growth targets computed from values, each row with its base: read on the same fast path.
const baseDir = dataSet(targets, rows, "growth");
const base = compare({ plain: kpiRun(dataSet(targets, rows, "easy")), base: kpiRun(baseDir) });
console.log(
  `base       kpi ${timed(base.base)} (growth rows with a base column)   ${timed(base.plain)} (plain rows)   ratio ${(base.base.seconds / base.plain.seconds).toFixed(2)}   [${rows} rows, ${targets} targets]   [${load(base)}]`,
);
