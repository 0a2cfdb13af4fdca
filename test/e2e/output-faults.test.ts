/**
 * Issue 13, point 6: output that cannot be written is a clear message and exit 2, never a stack
 * trace, never a cut report that ends as a success (1 means "a target is red"); and `-o` is
 * refused, with a true reason, when it names an input of the run, nothing, or a folder.
 */
import { spawnSync } from "node:child_process";
import {
  closeSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, REPO, runExample, runKpi } from "../run-kpi.js";

const BASIC = [
  "-t",
  "test/fixtures/basic/targets",
  "-d",
  "test/fixtures/basic/data",
  "--config",
  "test/fixtures/basic/kpi.yaml",
];
const NO_STACK = /^\s+at |node:internal|\.ts:\d+|internal error/m;
const ENV = { ...process.env, NO_COLOR: "1", KPI_LANG: undefined, LANG: "C" };

const scratch = mkdtempSync(join(tmpdir(), "kpi-output-faults-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folderNumber = 0;
function freshFolder(): string {
  const folder = join(scratch, `f${folderNumber++}`);
  mkdirSync(folder);
  return folder;
}

/** The built kpi with stdout or stderr opened on a file or device, the other one a pipe. */
function runWith(args: readonly string[], streams: { stdout?: string; stderr?: string }) {
  const stdout = streams.stdout === undefined ? "pipe" : openSync(streams.stdout, "w");
  const stderr = streams.stderr === undefined ? "pipe" : openSync(streams.stderr, "w");
  try {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      cwd: REPO,
      encoding: "utf8",
      env: ENV,
      stdio: ["ignore", stdout, stderr],
    });
    return { code: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
  } finally {
    if (typeof stdout === "number") closeSync(stdout);
    if (typeof stderr === "number") closeSync(stderr);
  }
}

describe("stdout that cannot be written: a message on stderr, exit 2", () => {
  // Found in use: `kpi check > /dev/full` gave a stack trace and exit 1.
  it.each([
    ["a red check (was exit 1)", ["check", ...BASIC]],
    ["a check that passes (would be exit 0)", ["check", ...BASIC, "--fail-on", "none"]],
    ["a ranking", ["rank", ...BASIC]],
    ["the help", ["--help"]],
    ["the version", ["--version"]],
  ])("> /dev/full: %s", (_, args) => {
    const { code, stderr } = runWith(args, { stdout: "/dev/full" });
    expect(stderr).toBe("kpi: cannot write to stdout: the disk is full\n");
    expect(code).toBe(2);
  });

  it("> /dev/full in Chinese", () => {
    const { code, stderr } = runWith(["check", ...BASIC, "--lang", "zh"], { stdout: "/dev/full" });
    expect({ code, stderr }).toEqual({ code: 2, stderr: "kpi: 无法写入标准输出：磁盘已满\n" });
  });

  // Found in use: on a full disk the report was cut short and the run ended as if all was well.
  // A file size limit (ulimit -f) stops writes the way a full disk does: a short write, then an
  // error.
  it("a file that stops growing part way: exit 2, and what was written is the start of the report", () => {
    const whole = runExample(["check", "--as-of", "2022-06-30", "--fail-on", "none"]);
    expect(whole.code).toBe(0);
    expect(Buffer.byteLength(whole.stdout)).toBeGreaterThan(4096);
    const out = join(freshFolder(), "status.txt");
    const result = spawnSync(
      "sh",
      [
        "-c",
        'ulimit -f 4 && exec "$0" "$@" > "$OUT"',
        process.execPath,
        BIN,
        "check",
        "--as-of",
        "2022-06-30",
        "--fail-on",
        "none",
      ],
      { cwd: REPO, encoding: "utf8", env: { ...ENV, OUT: out } },
    );
    expect(result.stderr).toBe(
      "kpi: cannot write to stdout: the file has reached the largest size allowed\n",
    );
    expect(result.status).toBe(2);
    const written = readFileSync(out, "utf8");
    expect(written.length).toBeLessThan(whole.stdout.length);
    expect(whole.stdout.startsWith(written)).toBe(true);
  });

  it("stderr that cannot be written: exit 2 too, though nothing can say why", () => {
    // With --allow-unknown, a data row for an unknown id is a warning on stderr; the report
    // itself goes to stdout.
    const folder = freshFolder();
    writeFileSync(join(folder, "extra.csv"), "target,date,value\nno-such-target,2022-03-31,1\n");
    const args = ["check", ...BASIC, folder, "--fail-on", "none", "--allow-unknown"];
    expect(runKpi(args).code).toBe(0);
    const { code, stdout } = runWith(args, { stderr: "/dev/full" });
    expect(stdout).toContain("5 targets, as of 2022-03-31");
    expect(code).toBe(2);
  });

  it("a pipe read to the end gets the whole output", () => {
    const result = spawnSync(
      "sh",
      ["-c", '"$0" "$@" | cat', process.execPath, BIN, "list", "-f", "json"],
      {
        cwd: REPO,
        encoding: "utf8",
        env: ENV,
      },
    );
    expect(result.stdout).toBe(runExample(["list", "-f", "json"]).stdout);
    expect(result.stderr).toBe("");
  });
});

describe("-o that names an input of the run: refused before anything is written", () => {
  /** A copy of the basic fixture to write over. */
  function copy(): { targets: string; data: string; target: string; datum: string } {
    const folder = freshFolder();
    const targets = join(folder, "targets");
    const data = join(folder, "data");
    mkdirSync(targets);
    mkdirSync(data);
    const target = join(targets, "targets.yaml");
    writeFileSync(target, readFileSync(join(REPO, "test/fixtures/basic/targets/targets.yaml")));
    for (const file of readdirSync(join(REPO, "test/fixtures/basic/data")))
      writeFileSync(join(data, file), readFileSync(join(REPO, "test/fixtures/basic/data", file)));
    return { targets, data, target, datum: join(data, "2022-03.csv") };
  }

  it.each(["check", "report", "rank"])("kpi %s -o a data file", (command) => {
    const { targets, data, datum } = copy();
    const before = readFileSync(datum, "utf8");
    const { code, stdout, stderr } = runKpi([command, "-t", targets, "-d", data, "-o", datum]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toBe(`kpi: cannot write ${datum}: it is the input file ${datum}\n`);
    expect(readFileSync(datum, "utf8")).toBe(before);
    expect(readdirSync(data)).toEqual(["2022-02.csv", "2022-03.csv"]);
  });

  it("kpi list -o a target file", () => {
    const { targets, target } = copy();
    const before = readFileSync(target, "utf8");
    const { code, stderr } = runKpi(["list", "-t", targets, "-o", target]);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: `kpi: cannot write ${target}: it is the input file ${target}\n`,
    });
    expect(readFileSync(target, "utf8")).toBe(before);
  });

  it("however the path is spelled: another way there, a link, a hard link", () => {
    const { targets, data, datum } = copy();
    const before = readFileSync(datum, "utf8");
    const link = join(targets, "..", "latest.csv");
    symlinkSync(datum, link);
    const hard = join(targets, "..", "hard.csv");
    linkSync(datum, hard);
    for (const path of [join(data, "..", "data", ".", "2022-03.csv"), link, hard]) {
      const { code, stderr } = runKpi(["check", "-t", targets, "-d", data, "-o", path]);
      expect({ code, stderr }).toEqual({
        code: 2,
        stderr: `kpi: cannot write ${path}: it is the input file ${datum}\n`,
      });
    }
    expect(readFileSync(datum, "utf8")).toBe(before);
    expect(statSync(datum).nlink).toBe(2);
  });

  it("a data file named as an argument, in Chinese", () => {
    const { targets, datum } = copy();
    const { code, stderr } = runKpi(["check", datum, "-t", targets, "-o", datum, "--lang", "zh"]);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: `kpi: 无法写入 ${datum}：这是本次读取的输入文件 ${datum}\n`,
    });
  });

  it.each([
    ["a workbook", "2022-06.xlsx"],
    ["an old .xls workbook", "2022-06.xls"],
  ])("kpi check and report -o %s of the data folder", (_, name) => {
    const { targets, data } = copy();
    const workbook = join(data, name);
    writeFileSync(workbook, readFileSync(join(REPO, "data/2022-06.xlsx")));
    const before = readFileSync(workbook);
    for (const command of [["check", "-f", "json"], ["report"]]) {
      const { code, stdout, stderr } = runKpi([
        ...command,
        "-t",
        targets,
        "-d",
        data,
        "-o",
        workbook,
      ]);
      expect({ code, stdout, stderr }).toEqual({
        code: 2,
        stdout: "",
        stderr: `kpi: cannot write ${workbook}: it is the input file ${workbook}\n`,
      });
    }
    expect(readFileSync(workbook).equals(before)).toBe(true);
  });

  it("a file beside the inputs that is none of them is written", () => {
    const { targets, data } = copy();
    const out = join(data, "status.md");
    expect(runKpi(["check", "-t", targets, "-d", data, "-f", "markdown", "-o", out]).code).toBe(1);
    expect(readFileSync(out, "utf8")).toMatch(/^\*\*5 targets/);
  });
});

describe("-o that cannot be a file: a true reason, exit 2", () => {
  const cases: [string, string, string, string][] = [
    ["an empty path", "", '-o must be a file name, got ""', '-o 必须是文件名，实际为 ""'],
    ["the current folder", ".", "cannot write .: it is a folder", "无法写入 .：这是一个文件夹"],
    [
      "a folder with a slash",
      "test/",
      "cannot write test/: it is a folder",
      "无法写入 test/：这是一个文件夹",
    ],
    [
      "a folder that does not exist, with a slash",
      "no-such-folder/",
      "cannot write no-such-folder/: a path ending in / names a folder, not a file",
      "无法写入 no-such-folder/：以 / 结尾的路径是文件夹，不是文件",
    ],
    [
      "a file of the kernel's, in a folder that takes no new file",
      "/proc/version",
      "cannot write /proc/version: it cannot be replaced, for no new file can be created in its folder (kpi writes the new content beside it, then renames it over)",
      "无法写入 /proc/version：无法替换该文件，因为所在文件夹中不能新建文件（kpi 先在旁边写入新内容，再改名替换）",
    ],
    [
      "a new file in that folder",
      "/proc/kpi-status.md",
      "cannot write /proc/kpi-status.md: no new file can be created in its folder",
      "无法写入 /proc/kpi-status.md：所在文件夹中不能新建文件",
    ],
  ];

  it.each(cases)("%s", (_, path, english, chinese) => {
    for (const command of [["check", ...BASIC], ["list", "-t", BASIC[1] as string], ["schema"]]) {
      const { code, stdout, stderr } = runKpi([...command, "-o", path]);
      expect({ code, stdout, stderr }).toEqual({
        code: 2,
        stdout: "",
        stderr: `kpi: ${english}\n`,
      });
      expect(stderr).not.toMatch(NO_STACK);
    }
    const zh = runKpi(["check", ...BASIC, "-o", path, "--lang", "zh"]);
    expect({ code: zh.code, stderr: zh.stderr }).toEqual({ code: 2, stderr: `kpi: ${chinese}\n` });
  });

  it("nothing is left behind in the folder of a path that failed", () => {
    const before = readdirSync(REPO).sort();
    runKpi(["check", ...BASIC, "-o", "."]);
    runKpi(["check", ...BASIC, "-o", "no-such-folder/"]);
    expect(readdirSync(REPO).sort()).toEqual(before);
  });
});
