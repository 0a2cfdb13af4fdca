/**
 * Issue 7, nothing lost: `-o` writes a temporary file in the destination's folder and renames it
 * over the destination, so a reader sees the old report or the new one, never a part of one —
 * whether the run fails, or is killed at any moment. Writing where it cannot is exit 2.
 *
 * Run as root, file permissions do not stop a write: the read-only case then uses a place the
 * kernel refuses (/sys), or is skipped.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  watch,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUZZ_TIMEOUT, LONG } from "../fuzz-support.js";
import { BIN, runKpi } from "../run-kpi.js";

const BASIC = [
  "-t",
  "test/fixtures/basic/targets",
  "-d",
  "test/fixtures/basic/data",
  "--config",
  "test/fixtures/basic/kpi.yaml",
];
const NO_STACK = /^\s+at |node:internal|\.ts:\d+|internal error/m;
const TEMPORARY = /^\.status\.json\.[0-9a-z]+\.tmp$/;

const scratch = mkdtempSync(join(tmpdir(), "kpi-output-file-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folderNumber = 0;
function freshFolder(): string {
  const folder = join(scratch, `f${folderNumber++}`);
  mkdirSync(folder);
  return folder;
}

describe("-o when the run fails: the existing report stays as it was", () => {
  it.each([
    [
      "a bad data file",
      ["check", "test/fixtures/bad-data/malformed-value.csv", "-t", "test/fixtures/basic/targets"],
    ],
    [
      "a bad target file",
      ["check", "-t", "test/fixtures/bad-targets/unknown-key", "-d", "test/fixtures/basic/data"],
    ],
    ["a bad option value", ["check", ...BASIC, "--fail-on", "purple"]],
    ["a bad --as-of", ["check", ...BASIC, "--as-of", "2022-02-30"]],
    ["a missing input folder", ["check", "-t", "no/such/folder"]],
    [
      "kpi report on bad data",
      ["report", "test/fixtures/bad-data/impossible-date.csv", "-t", "test/fixtures/basic/targets"],
    ],
    [
      "kpi rank on bad data",
      ["rank", "test/fixtures/bad-data/impossible-date.csv", "-t", "test/fixtures/basic/targets"],
    ],
  ])("%s", (_, args) => {
    const folder = freshFolder();
    const out = join(folder, "status.md");
    writeFileSync(out, "last month's report\n");
    const { code, stdout, stderr } = runKpi([...args, "-o", out]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).not.toMatch(NO_STACK);
    expect(readFileSync(out, "utf8")).toBe("last month's report\n");
    expect(readdirSync(folder)).toEqual(["status.md"]);
  });
});

describe("-o where it cannot write: a clear error, exit 2", () => {
  it("under a regular file (found by this test: it was an internal error, exit 3)", () => {
    const file = join(freshFolder(), "somefile");
    writeFileSync(file, "x");
    const { code, stdout, stderr } = runKpi(["check", ...BASIC, "-o", join(file, "out.md")]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toBe(
      `kpi: cannot write ${join(file, "out.md")}: a part of its path is a file, not a folder\n`,
    );
  });

  it("onto a folder", () => {
    const folder = freshFolder();
    const { code, stderr } = runKpi(["check", ...BASIC, "-o", folder]);
    expect(code).toBe(2);
    expect(stderr).toBe(`kpi: cannot write ${folder}: it is a folder\n`);
  });

  /** A folder this process may not create files in, if there is one to be had. */
  function readOnlyFolder(): string | null {
    const folder = freshFolder();
    chmodSync(folder, 0o555);
    for (const candidate of [folder, "/sys"]) {
      const probe = join(candidate, `.kpi-probe-${process.pid}`);
      try {
        writeFileSync(probe, "", { flag: "wx" });
        rmSync(probe);
      } catch (cause) {
        if (["EACCES", "EPERM", "EROFS"].includes((cause as NodeJS.ErrnoException).code ?? ""))
          return candidate;
      }
    }
    return null;
  }
  const readOnly = readOnlyFolder();

  it.skipIf(readOnly === null)("in a read-only place", () => {
    const out = join(readOnly as string, "status.md");
    const { code, stdout, stderr } = runKpi(["check", ...BASIC, "-o", out]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toBe(`kpi: cannot write ${out}: permission denied\n`);
    expect(existsSync(out)).toBe(false);
  });
});

describe("-o onto what is not a plain file", () => {
  // Found by this test: the rename replaced the destination whatever it was. `-o /dev/null` run
  // as root replaced the device with a plain file; a symbolic link was replaced, not followed.
  it("a symbolic link is followed: the link stays, the file it points at gets the report", () => {
    const folder = freshFolder();
    mkdirSync(join(folder, "reports"));
    const real = join(folder, "reports", "2022-03.json");
    writeFileSync(real, "old\n");
    const link = join(folder, "status.json");
    symlinkSync(join("reports", "2022-03.json"), link);
    const { code } = runKpi(["check", ...BASIC, "-f", "json", "-o", link]);
    expect(code).toBe(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, "utf8")).summary.total).toBe(5);
    expect(readdirSync(join(folder, "reports"))).toEqual(["2022-03.json"]);
    expect(readdirSync(folder).sort()).toEqual(["reports", "status.json"]);
  });

  it("a named pipe is written to, and stays a pipe", async () => {
    const pipe = join(freshFolder(), "pipe");
    if (spawnSync("mkfifo", [pipe]).status !== 0) return;
    const reader = spawn("cat", [pipe]);
    let received = "";
    reader.stdout.on("data", (chunk) => (received += chunk));
    const done = new Promise((resolve) => reader.on("close", resolve));
    const { code } = runKpi(["check", ...BASIC, "-f", "json", "-o", pipe]);
    await done;
    expect(code).toBe(1);
    expect(JSON.parse(received).summary.total).toBe(5);
    expect(lstatSync(pipe).isFIFO()).toBe(true);
  });

  it("a character device (a private /dev/null made with mknod, as root) stays a device", () => {
    const device = join(freshFolder(), "null");
    if (spawnSync("mknod", [device, "c", "1", "3"]).status !== 0) return; // not root
    const { code, stderr } = runKpi(["check", ...BASIC, "-o", device]);
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });
});

describe("-o when the process is killed", () => {
  // Each file stays well under the 1 MiB limit of a target file.
  const targetFiles = LONG ? 6 : 1;
  const targetsPerFile = LONG ? 5000 : 2000;
  let inputs: string[] = [];
  let expectedTotal = 0;

  beforeAll(() => {
    // Enough targets, with long titles, for a run of a second or more and a report of megabytes.
    const folder = freshFolder();
    mkdirSync(join(folder, "targets"));
    const rows = ["target,date,value"];
    for (let file = 0; file < targetFiles; file++) {
      const lines = ["year: 2022", "targets:"];
      for (let i = 0; i < targetsPerFile; i++) {
        lines.push(`  - { id: t${file}.${i}, title: "${"标题".repeat(20)} ${i}", target: 100 }`);
        rows.push(`t${file}.${i},2022-03-31,${i % 120}`);
      }
      writeFileSync(join(folder, "targets", `${file}.yaml`), `${lines.join("\n")}\n`);
    }
    writeFileSync(join(folder, "data.csv"), `${rows.join("\n")}\n`);
    inputs = ["-t", join(folder, "targets"), "-d", join(folder, "data.csv")];
    expectedTotal = targetFiles * targetsPerFile;
  });

  /**
   * Run `kpi check -f json -o status.json` over an old report and kill it: after `delay` ms, or
   * (delay null) the moment its temporary file appears, while the report is being written.
   */
  async function runAndKill(signal: NodeJS.Signals, delay: number | null) {
    const folder = freshFolder();
    const out = join(folder, "status.json");
    writeFileSync(out, "OLD");
    const child = spawn(process.execPath, [BIN, "check", ...inputs, "-f", "json", "-o", out], {
      env: { ...process.env, NO_COLOR: "1" },
      stdio: "ignore",
    });
    let killedWhileWriting = false;
    const watcher = watch(folder, (_, name) => {
      if (delay === null && name && TEMPORARY.test(String(name)) && child.exitCode === null) {
        killedWhileWriting = true;
        child.kill(signal);
      }
    });
    const timer = delay === null ? undefined : setTimeout(() => child.kill(signal), delay);
    const [code, killedBy] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on("exit", (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
    );
    clearTimeout(timer);
    watcher.close();
    const content = readFileSync(out, "utf8");
    // The destination is the old report or a whole new one: never empty, never a part.
    if (content !== "OLD") expect(JSON.parse(content).summary.total).toBe(expectedTotal);
    if (killedBy === null) expect(code).toBe(1);
    // What may be left beside it is a hidden temporary file, never another visible file.
    const others = readdirSync(folder).filter((name) => name !== "status.json");
    for (const name of others) expect(name).toMatch(TEMPORARY);
    return { content, killedBy, killedWhileWriting, leftovers: others.length };
  }

  it(
    "SIGKILL the moment the temporary file appears: old or complete, never a part",
    async () => {
      const runs = LONG ? 10 : 1;
      let midWrite = 0;
      for (let i = 0; i < runs; i++) {
        const outcome = await runAndKill("SIGKILL", null);
        // A temporary file left behind shows the kill landed while the report was being written.
        if (outcome.leftovers > 0) {
          midWrite++;
          expect(outcome.content).toBe("OLD");
        }
      }
      const statsFile = process.env.KPI_FUZZ_STATS;
      if (statsFile)
        appendFileSync(
          statsFile,
          `${JSON.stringify({ name: "-o: SIGKILL at the temporary file", runs, midWrite })}\n`,
        );
    },
    FUZZ_TIMEOUT,
  );

  it(
    "SIGKILL, SIGTERM and SIGINT at random moments: old or complete, never a part",
    async () => {
      const started = performance.now();
      const full = spawnSync(process.execPath, [BIN, "check", ...inputs, "-f", "json"], {
        encoding: "utf8",
        maxBuffer: 1 << 30,
      });
      const runMs = performance.now() - started;
      expect(JSON.parse(full.stdout).summary.total).toBe(expectedTotal);
      const signals: NodeJS.Signals[] = ["SIGKILL", "SIGTERM", "SIGINT"];
      const runs = LONG ? 30 : 2;
      let kept = 0;
      for (let i = 0; i < runs; i++) {
        // Anywhere in the run, from start-up to the rename, and a little after.
        const delay = Math.floor(Math.random() * runMs * 1.2);
        const outcome = await runAndKill(signals[i % signals.length] as NodeJS.Signals, delay);
        if (outcome.content === "OLD") kept++;
      }
      const statsFile = process.env.KPI_FUZZ_STATS;
      if (statsFile)
        appendFileSync(
          statsFile,
          `${JSON.stringify({ name: "-o: SIGKILL, SIGTERM, SIGINT at random", runs, kept })}\n`,
        );
    },
    FUZZ_TIMEOUT,
  );

  it("a later run writes the report, whatever an earlier killed run left", async () => {
    const folder = freshFolder();
    const out = join(folder, "status.json");
    writeFileSync(join(folder, ".status.json.000000000000.tmp"), "half a rep");
    const { code } = runKpi(["check", ...BASIC, "-f", "json", "-o", out]);
    expect(code).toBe(1);
    expect(JSON.parse(readFileSync(out, "utf8")).summary.total).toBe(5);
  });
});

describe("stdout closed early", () => {
  // Found by this test: `kpi check -f json | head -c 10` printed an EPIPE stack trace.
  it("a reader that stops early gets no stack trace", async () => {
    const folder = freshFolder();
    const lines = ["targets:"];
    for (let i = 0; i < 3000; i++) lines.push(`  - { id: t${i}, kind: level, title: T, max: 1 }`);
    writeFileSync(join(folder, "t.yaml"), `${lines.join("\n")}\n`);
    // A data file without rows: a folder without one would be an error.
    writeFileSync(join(folder, "none.csv"), "target,date,value\n");
    const child = spawn(
      process.execPath,
      [BIN, "check", "-t", folder, "-d", folder, "-f", "json"],
      {
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(stderr).not.toMatch(NO_STACK);
    expect(stderr).not.toMatch(/EPIPE/);
    expect(code).toBe(0);
  });
});

describe("-o without --format writes the format its extension names", () => {
  const REPORT = ["-t", "test/fixtures/report/targets", "-d", "test/fixtures/report/data"];
  it.each([
    ["check", ".json", BASIC, /^\{\n {2}"schemaVersion": 2,/],
    ["check", ".md", BASIC, /^\*\*5 targets, as of 2022-03-31\*\*:/],
    ["check", ".xml", BASIC, /^<\?xml /],
    ["check", ".txt", BASIC, /^┌/],
    ["report", ".html", REPORT, /^<!doctype html>/i],
    ["report", ".HTML", REPORT, /^<!doctype html>/i],
    ["rank", ".json", REPORT, /^\{\n {2}"schemaVersion": 2,/],
    ["list", ".md", ["-t", "test/fixtures/basic/targets"], /^\| ID +\|/],
  ])("kpi %s -o out%s", (command, extension, inputs, start) => {
    const file = join(freshFolder(), `out${extension}`);
    const run = runKpi([command, ...inputs, "-o", file]);
    expect(run.stderr).toBe("");
    expect(readFileSync(file, "utf8")).toMatch(start);
  });

  it("an explicit --format wins over the extension", () => {
    const file = join(freshFolder(), "out.json");
    runKpi(["check", ...BASIC, "--format", "markdown", "-o", file]);
    expect(readFileSync(file, "utf8")).toMatch(/^\*\*5 targets/);
  });
});
