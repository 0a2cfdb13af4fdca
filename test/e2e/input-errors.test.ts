/**
 * Issue 7, every input error complete: a run lists every problem of every file, each at its
 * place — up to 50 errors and 50 warnings a file, then a count of the rest — and no report.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, FIXTURES_CWD, runExample, runKpi } from "../run-kpi.js";

const TARGETS = ["-t", "test/fixtures/basic/targets"];
const scratch = mkdtempSync(join(tmpdir(), "kpi-errors-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let fileNumber = 0;

function file(name: string, text: string): string {
  const folder = join(scratch, `d${fileNumber++}`);
  mkdirSync(folder);
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** Twenty rows, each wrong in its own way: the bad field of each, and the message it earns. */
const TWENTY_BAD_ROWS: [string, RegExp][] = [
  ["invest.projects-100m,2022-02-30,1", /date "2022-02-30" is not a calendar date/],
  ["invest.projects-100m,2022-02-29,1", /date "2022-02-29" is not a calendar date/],
  [
    "invest.projects-100m,31/03/2022,1",
    /date "31\/03\/2022" puts the year last: write the year first, 2022-03-31/,
  ],
  ["invest.projects-100m,2022-13,1", /date "2022-13" is not a calendar date/],
  ["invest.projects-100m,2022-Q5,1", /date "2022-Q5" is not a date/],
  ["invest.projects-100m,,1", /date "" is not a date/],
  [
    "invest.projects-100m,2022-03-31,NaN",
    /value "NaN" is not a number: write a number \(36, -3\.5 or 1200\)/,
  ],
  [
    "invest.projects-100m,2022-03-31,Infinity",
    /value "Infinity" is not a number: write a number \(36, -3\.5 or 1200\)/,
  ],
  [
    "invest.projects-100m,2022-03-31,1e999",
    /value "1e999" is not a number: write a number \(36, -3\.5 or 1200\)/,
  ],
  ["invest.projects-100m,2022-03-31,36个", /value "36个" is not a number: write 36$/],
  [
    "invest.projects-100m,2022-03-31,36%",
    /has a % sign but the unit of invest.projects-100m is not %: write the number without it/,
  ],
  [
    "invest.projects-100m,2022-03-31,0x10",
    /value "0x10" is not a number: write a number \(36, -3\.5 or 1200\)/,
  ],
  ["invest.projects-100m,2022-03-31,1,200", /value "1" is followed by a field of digits, "200"/],
  [
    "invest.projects-100m,2022-03-31,1e16",
    /value "1e16" is not a number: write a number \(36, -3\.5 or 1200\)/,
  ],
  [
    "invest.projects-100m,2022-03-31,10000000000000000",
    /is too large: numbers must lie within ±1e15/,
  ],
  [",2022-03-31,1", /the target is empty: write the target's id or title/],
  ["hall.acceptance,2022-03-31,maybe", /value "maybe" is not done \/ not done/],
  ["hall.acceptance,2022-03-31,2", /value "2" is not done \/ not done/],
  ["start-rate,2022-03-31,30%%", /value "30%%" is not a number: write 30%$/],
  ["city.rank,2022-03-31,-", /value "-" is not a number: write a number \(36, -3\.5 or 1200\)/],
];

describe("a data file with twenty bad rows reports all twenty", () => {
  it("each at its line, in line order, then the count, and no report", () => {
    const rows = TWENTY_BAD_ROWS.map(([row]) => row);
    const path = file("twenty.csv", `target,date,value\n${rows.join("\n")}\n`);
    const { code, stdout, stderr } = runKpi(["check", path, ...TARGETS]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(21);
    TWENTY_BAD_ROWS.forEach(([, message], index) => {
      expect(lines[index]).toMatch(new RegExp(`^${path}:${index + 2}:\\d+: `));
      expect(lines[index]).toMatch(message);
    });
    expect(lines[20]).toBe("kpi: 20 errors; no report was made");
  });

  it("good rows between bad ones change nothing: still exactly the bad ones", () => {
    const rows = TWENTY_BAD_ROWS.flatMap(([row], index) => [
      row,
      `invest.projects-100m,2021-01-${String(index + 1).padStart(2, "0")},${index}`,
    ]);
    const path = file("mixed.csv", `target,date,value\n${rows.join("\n")}\n`);
    const { code, stderr } = runKpi(["check", path, ...TARGETS]);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split("\n").at(-1)).toBe("kpi: 20 errors; no report was made");
  });
});

describe("caps: 50 listed per file, the rest counted", () => {
  it("errors of two files are capped file by file", () => {
    const bad = (n: number) =>
      `target,date,value\n${Array.from({ length: n }, () => "invest.projects-100m,2022-01-31,x").join("\n")}\n`;
    const a = file("a.csv", bad(60));
    const b = file("b.csv", bad(51));
    const { code, stderr } = runKpi(["check", a, b, ...TARGETS]);
    expect(code).toBe(2);
    const lines = stderr.trimEnd().split("\n");
    expect(lines.filter((line) => line.startsWith(`${a}:`))).toHaveLength(51);
    expect(lines).toContain(`${a}:61:1: 10 more errors in this file`);
    expect(lines.filter((line) => line.startsWith(`${b}:`))).toHaveLength(51);
    expect(lines).toContain(`${b}:52:1: 1 more errors in this file`);
    expect(lines.at(-1)).toMatch(/^kpi: \d+ errors; no report was made$/);
  });

  it("warnings too, and the report is still made", () => {
    const rows = Array.from({ length: 60 }, (_, i) => `nobody-${i},2022-01-31,1`);
    const empty = Array.from({ length: 60 }, () => "invest.projects-100m,2022-01-31,");
    const path = file("w.csv", `target,date,value\n${[...empty, ...rows].join("\n")}\n`);
    const { code, stdout, stderr } = runKpi([
      "check",
      path,
      ...TARGETS,
      "--fail-on",
      "none",
      "--allow-unknown",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain("5 targets");
    const lines = stderr.trimEnd().split("\n");
    // 60 empty values and the first 50 unknown ids are warnings: 50 listed, 60 counted; the rows
    // of the other 10 ids (lines 112 to 121) are counted apart.
    expect(lines).toHaveLength(52);
    expect(lines[50]).toBe(
      `${path}:112:1: warning: 10 more rows in this file have ids that no target has: they are ignored`,
    );
    expect(lines[51]).toBe(`${path}:121:1: warning: 60 more warnings in this file`);
  });

  it("200,000 distinct unknown ids: 50 listed, the rows of the others counted in one line", () => {
    // Each distinct id was kept until the end of the file: 17 million of them ended the run in
    // "Map maximum size exceeded". Now the first 50 are kept, and the rest only counted.
    const rows = Array.from({ length: 200_000 }, (_, i) => `nobody-${i},2022-01-31,1`);
    const path = file("many.csv", `target,date,value\n${rows.join("\n")}\n`);
    const basic = ["check", ...TARGETS, "-d", "test/fixtures/basic/data", "--allow-unknown"];
    const without = runKpi(basic);
    const run = runKpi([...basic, path]);
    // A warning: the exit code and the report are those of the run without the file.
    expect({ code: run.code, stdout: run.stdout }).toEqual({
      code: without.code,
      stdout: without.stdout,
    });
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(51);
    expect(lines[0]).toBe(
      `${path}:2:1: warning: no target has the id "nobody-0": its rows are ignored`,
    );
    expect(lines[49]).toMatch(/:51:1: warning: no target has the id "nobody-49"/);
    // 200,000 − 50 = 199,950 rows, the first of them (nobody-50) on line 52.
    expect(lines[50]).toBe(
      `${path}:52:1: warning: 199950 more rows in this file have ids that no target has: they are ignored`,
    );
    const zh = runKpi([...basic, path], { env: { KPI_LANG: "zh" } });
    expect(zh.stderr).toContain(
      `${path}:52:1: 警告：本文件另有 199950 行的编号没有对应的指标：这些行已忽略\n`,
    );
  });

  // Found by this test: rows that disagree with an earlier row of the same target and date were
  // listed without a cap (README: at most 50 errors a file).
  it("rows that disagree with earlier rows are capped as well", () => {
    const rows = (value: number) =>
      Array.from(
        { length: 120 },
        (_, i) =>
          `invest.projects-100m,2021-${String((i % 12) + 1).padStart(2, "0")}-${String(Math.floor(i / 12) + 1).padStart(2, "0")},${value}`,
      );
    const first = file("first.csv", `target,date,value\n${rows(1).join("\n")}\n`);
    const second = file("second.csv", `target,date,value\n${rows(2).join("\n")}\n`);
    const { code, stderr } = runKpi(["check", first, second, ...TARGETS]);
    expect(code).toBe(2);
    const lines = stderr.trimEnd().split("\n");
    expect(lines.filter((line) => / here but 1 at /.test(line))).toHaveLength(50);
    expect(
      lines.filter(
        (line) =>
          line.startsWith(`${second}:`) &&
          line.endsWith(": 70 more rows in this file disagree with earlier rows"),
      ),
    ).toHaveLength(1);
  });
});

describe("target files", () => {
  it("twenty bad targets in one file: all twenty, each at its place", () => {
    const targets = Array.from(
      { length: 20 },
      (_, i) => `  - { id: t${i}, kind: level, title: T, max: ${i % 2 === 0 ? "x" : ".nan"} }`,
    );
    const path = file("t.yaml", `targets:\n${targets.join("\n")}\n`);
    const { code, stdout, stderr } = runKpi(["check", "-t", path, "-d", path]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(21);
    lines.slice(0, 20).forEach((line, index) => {
      expect(line).toMatch(new RegExp(`^${path}:${index + 2}:\\d+: max must be a number`));
    });
  });

  it("problems of every target file together, the oversized and the invalid alike", () => {
    const folder = join(scratch, "many-files");
    mkdirSync(folder);
    writeFileSync(join(folder, "a.yaml"), "targets:\n  - { id: a, kind: level, title: A }\n");
    writeFileSync(
      join(folder, "b.yaml"),
      "targets:\n  - { id: b, kind: levle, title: B, max: 1 }\n",
    );
    for (const name of ["c.yaml", "d.yaml"]) {
      writeFileSync(join(folder, name), "");
      truncateSync(join(folder, name), 2 * 1024 * 1024);
    }
    const { code, stderr } = runKpi(["check", "-t", folder, "-d", folder]);
    expect(code).toBe(2);
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^${join(folder, "a.yaml")}:2:5: a level target needs min, max or both`),
      ),
      expect.stringMatching(
        new RegExp(
          `^${join(folder, "b.yaml")}:2:\\d+: kind must be progress, level, milestone, growth, got "levle"`,
        ),
      ),
      `${join(folder, "c.yaml")}:1:1: the file is larger than 1 MiB, the limit for a target file`,
      `${join(folder, "d.yaml")}:1:1: the file is larger than 1 MiB, the limit for a target file`,
      "kpi: 4 errors; no report was made",
    ]);
  });
});

describe("files in folders are never skipped silently", () => {
  // Found by this test: the folder walk took only plain files, so a data file linked into data/
  // was skipped without a word, and its targets went grey.
  it("a link to a data file is read; a broken link is an error; a link to a folder is not followed", () => {
    const folder = join(scratch, "links");
    mkdirSync(join(folder, "data"), { recursive: true });
    mkdirSync(join(folder, "exports"));
    writeFileSync(
      join(folder, "exports", "2022-03.csv"),
      "target,date,value\ninvest.projects-100m,2022-03-31,36\n",
    );
    symlinkSync(join("..", "exports", "2022-03.csv"), join(folder, "data", "latest.csv"));
    symlinkSync("..", join(folder, "data", "loop.csv"));
    const read = runKpi([
      "check",
      "-t",
      "test/fixtures/basic/targets",
      "-d",
      join(folder, "data"),
      "-f",
      "json",
    ]);
    expect(read.stderr).toBe("");
    const json = JSON.parse(read.stdout);
    expect(json.results[0]).toMatchObject({ id: "invest.projects-100m", actual: 36 });

    symlinkSync("nowhere.csv", join(folder, "data", "broken.csv"));
    const broken = runKpi([
      "check",
      "-t",
      "test/fixtures/basic/targets",
      "-d",
      join(folder, "data"),
    ]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(
      `${join(folder, "data", "broken.csv")}:1:1: cannot read the file: ENOENT`,
    );
  });
});

describe("a folder with nothing to read is an error, never 0 targets or no rows (SPEC 3)", () => {
  /** A folder that holds only a README: no file of either kind. */
  function folderWithoutInputs(): string {
    const folder = join(scratch, `empty${fileNumber++}`);
    mkdirSync(join(folder, "sub"), { recursive: true });
    writeFileSync(join(folder, "README.md"), "# notes\n");
    return folder;
  }
  const BASIC = [
    "-t",
    "test/fixtures/basic/targets",
    "-d",
    "test/fixtures/basic/data",
    "--config",
    "test/fixtures/basic/kpi.yaml",
  ];

  it.each(["table", "json", "markdown", "junit", "github"])(
    "a target folder without a target file, with --format %s: exit 2, the folder named",
    (format) => {
      const folder = folderWithoutInputs();
      const run = runKpi(["check", "-t", folder, "-d", "test/fixtures/basic/data", "-f", format]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({
        code: 2,
        stderr: `${folder}:1:1: no target file (.yaml, .yml) in this folder\nkpi: 1 error; no report was made\n`,
      });
      // GitHub gets the error as an annotation and JUnit as a failure (test/e2e/input-annotations.test.ts);
      // the other formats make no output.
      if (format === "github")
        expect(run.stdout).toMatch(
          /^::error file=.*,line=1,col=1,title=kpi%3A path\.no-target-files::/,
        );
      else if (format === "junit") expect(run.stdout).toMatch(/<testsuite name="kpi inputs"/);
      else expect(run.stdout).toBe("");
    },
  );

  it("a data folder without a data file: exit 2, the folder named, in English and Chinese", () => {
    const folder = folderWithoutInputs();
    const run = runKpi(["check", ...BASIC.slice(0, 2), "-d", folder]);
    // Its README.md is not read, and said so (SPEC 3, v2).
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: `${folder}:1:1: no data file (.csv, .xlsx, .tsv, .txt) in this folder\n${folder}/README.md:1:1: warning: not read: kpi reads .csv, .xlsx, .tsv, .txt files in a data folder; save it as CSV (UTF-8) to have it read, or move it out of the folder\nkpi: 1 error, 1 warning; no report was made\n`,
    });
    const zh = runKpi(["check", ...BASIC.slice(0, 2), "-d", folder], { env: { KPI_LANG: "zh" } });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(
      `${folder}:1:1: 此文件夹中没有数据文件（.csv、.xlsx、.tsv、.txt）\n`,
    );
  });

  it("kpi validate says so too, for either folder", () => {
    const folder = folderWithoutInputs();
    const targets = runKpi(["validate", "-t", folder]);
    expect(targets.code).toBe(2);
    expect(targets.stderr).toContain(
      `${folder}:1:1: no target file (.yaml, .yml) in this folder\n`,
    );
    const data = runKpi(["validate", "-t", "test/fixtures/basic/targets", "-d", folder]);
    expect(data.code).toBe(2);
    expect(data.stderr).toContain(
      `${folder}:1:1: no data file (.csv, .xlsx, .tsv, .txt) in this folder\n`,
    );
  });

  it("kpi validate FOLDER searches a folder for data, and for targets when it holds any", () => {
    expect(runKpi(["validate", "test/fixtures/basic/targets"])).toEqual({
      code: 0,
      stdout: "5 targets, 0 data rows: no errors, no warnings\n",
      stderr: "",
    });
    expect(
      runKpi(["validate", "test/fixtures/basic/data", "-t", "test/fixtures/basic/targets"]),
    ).toEqual({ code: 0, stdout: "5 targets, 10 data rows: no errors, no warnings\n", stderr: "" });
    const folder = folderWithoutInputs();
    // Neither: the default targets are read, and the folder is the data folder it is not.
    const neither = runExample(["validate", folder]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain(
      `${folder}:1:1: no data file (.csv, .xlsx, .tsv, .txt) in this folder\n`,
    );
  });
});

describe("SPEC 3 (v2): a file in a data folder that is not read is said to be", () => {
  it("as a warning at its path, and the report is still made", () => {
    const folder = join(scratch, `notice${fileNumber++}`);
    mkdirSync(folder);
    writeFileSync(
      join(folder, "2022-03.csv"),
      "target,date,value\ninvest.projects-100m,2022-03-31,36\n",
    );
    writeFileSync(join(folder, "3月.numbers"), "PK");
    const run = runKpi(["check", ...TARGETS, "-d", folder, "--as-of", "2022-03-31"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("invest.projects-100m");
    expect(run.stderr).toBe(
      `${folder}/3月.numbers:1:1: warning: not read: kpi reads .csv, .xlsx, .tsv, .txt files in a data folder; save it as CSV (UTF-8) to have it read, or move it out of the folder\n`,
    );
  });
});

describe("a data file that is a pipe", () => {
  // The encoding is decided by a pass over the bytes before they are parsed; a pipe can be read
  // only once, so it is held, never read twice (which would find it empty).
  it("is read whole, every row of it, however many chunks it takes", () => {
    // 6,000 rows of distinct days: 246 KB, four chunks of 64 KiB.
    const rows = Array.from({ length: 6000 }, (_, i) => {
      const day = new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10);
      // Values that stay plausible for a target of 130 (no warning): a total to date that grows.
      return `invest.projects-100m,${day},${(i / 10).toFixed(1)}`;
    });
    const path = file("piped.csv", `target,date,value\n${rows.join("\n")}\n`);
    // bash's process substitution: the data file kpi is given is a pipe (/dev/fd/63).
    const run = spawnSync(
      "bash",
      [
        "-c",
        'exec "$0" "$1" validate -t test/fixtures/basic/targets -d <(cat "$2")',
        process.execPath,
        BIN,
        path,
      ],
      { cwd: FIXTURES_CWD, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", LANG: "C" } },
    );
    expect(run.error).toBeUndefined();
    expect({ code: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 0,
      stdout: "5 targets, 6000 data rows: no errors, no warnings\n",
      stderr: "",
    });
  });
});

describe("target files as offices write them (SPEC 2, v2): refused at their place, exit 2", () => {
  it("a GB18030 file, an owner of two bodies and an id with a zero-width space", () => {
    const gb = file("gb.yaml", "");
    writeFileSync(
      gb,
      Buffer.from(
        // "year: 2022\ntargets:\n  - { id: a, title: " then 财政收入 in GB18030.
        [
          ...Buffer.from("year: 2022\ntargets:\n  - { id: a, title: "),
          ...[0xb2, 0xc6, 0xd5, 0xfe, 0xca, 0xd5, 0xc8, 0xeb],
          ...Buffer.from(", target: 1 }\n"),
        ],
      ),
    );
    const owners = file(
      "owners.yaml",
      "year: 2022\ntargets:\n  - { id: b, title: B, target: 1, owner: 经信局、商务局 }\n  - { id: c\u200bd, title: C, target: 1 }\n",
    );
    // Line 4 is "  - { id: c" and the zero-width space: the 12th character.
    for (const [lang, lines] of [
      [
        "en",
        [
          `${gb}:3:1: the file is not UTF-8 but GB18030: save it as UTF-8`,
          `${owners}:3:42: owner "经信局、商务局" names several bodies: write them as a list, [经信局, 商务局]`,
          `${owners}:4:12: the id "c\\u200bd" holds U+200B (a zero-width space), a character that cannot be seen: delete it (or type the id again)`,
        ],
      ],
      [
        "zh",
        [
          `${gb}:3:1: 文件不是 UTF-8 编码，而是 GB18030：请另存为 UTF-8`,
          `${owners}:3:42: 责任单位 "经信局、商务局" 含有多个单位：请写成列表 [经信局, 商务局]`,
          `${owners}:4:12: 编号 "c\\u200bd" 含有看不见的字符 U+200B（零宽空格）：请删除该字符（或重新输入编号）`,
        ],
      ],
    ] as const) {
      const { code, stdout, stderr } = runKpi(["validate", "-t", gb, owners, "--lang", lang]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.split("\n").slice(0, 3)).toEqual(lines);
    }
  });
});
