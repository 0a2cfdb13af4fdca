/**
 * End-to-end tests of the tools for the people who keep the targets (issue 5): validate, list,
 * schema, init and explain, run as a user runs them, on fixtures and in temporary folders.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SCHEMA_COMMENT } from "../../src/core/init-files.js";
import { REPO, runKpi } from "../run-kpi.js";

const NO_STACK = /^\s+at |node:internal|\.ts:\d+/m;
const BASIC = [
  "-t",
  "test/fixtures/basic/targets",
  "-d",
  "test/fixtures/basic/data",
  "--config",
  "test/fixtures/basic/kpi.yaml",
];
const VALIDATE = "test/fixtures/validate";

function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), "kpi-"));
}

/** Every file under a folder, relative to it, sorted. */
function filesUnder(folder: string, prefix = ""): string[] {
  return readdirSync(join(folder, prefix), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? filesUnder(folder, join(prefix, entry.name))
        : [join(prefix, entry.name)],
    )
    .sort();
}

describe("kpi validate", () => {
  it("passes a valid repository: a summary on stdout, nothing on stderr, exit 0", () => {
    expect(runKpi(["validate", "test/fixtures/basic"])).toEqual({
      code: 0,
      stdout: "5 targets, 10 data rows: no errors, no warnings\n",
      stderr: "",
    });
    expect(runKpi(["validate", ...BASIC]).code).toBe(0);
  });

  it.each([
    [
      "yaml-syntax",
      // At the bracket left open, in kpi's words rather than the YAML library's.
      [
        '4:12: invalid YAML: "[" is not closed: a list in [ ] or a mapping in { } must end with "]"',
      ],
    ],
    ["key-typo", ['6:5: unknown key "tolerence" (did you mean "tolerance"?)']],
    [
      "preset-typo",
      [
        '6:15: schedule must be q30-h60-q85, h50-q85, linear or a list of milestones, got "q30-h60-q58" (did you mean "q30-h60-q85"?)',
      ],
    ],
    [
      "kind-typo",
      [
        '5:11: kind must be progress, level, milestone, growth, got "levle" (did you mean "level"?)',
      ],
    ],
    [
      "percent-fraction",
      ['9:37: schedule[0].progress must be a percentage like "30%", got 0.3 (did you mean "30%"?)'],
    ],
    ["wrong-type", ['5:13: target must be a number, got "130个"']],
    [
      "milestone-order",
      ["9:9: schedule[1] on 2022-03-31 is out of order: milestones must be in date order"],
    ],
    [
      "field-of-another-kind",
      [
        "3:5: target is required",
        '5:5: unknown key "max": progress targets have no max (level targets do)',
      ],
    ],
  ])("targets, %s: each problem at its place, exit 2", (name, messages) => {
    const file = `${VALIDATE}/targets/${name}.yaml`;
    const { code, stdout, stderr } = runKpi(["validate", file]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    const errors = `${messages.length} error${messages.length === 1 ? "" : "s"}`;
    expect(stderr).toBe(
      `${messages.map((message) => `${file}:${message}\n`).join("")}kpi: ${errors}, no warnings\n`,
    );
  });

  it("targets: a duplicate id across files", () => {
    const { code, stderr } = runKpi(["validate", "test/fixtures/bad-targets/duplicate-id"]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'test/fixtures/bad-targets/duplicate-id/2.yaml:3:5: duplicate id "a", first defined at test/fixtures/bad-targets/duplicate-id/1.yaml:3:5',
    );
  });

  it.each([
    [
      "malformed-date",
      '2:22: date "31/03/2022" puts the year last: write the year first, 2022-03-31',
    ],
    ["impossible-date", '2:22: date "2022-02-30" is not a calendar date'],
    ["malformed-value", '2:33: value "36个" is not a number: write 36'],
    ["missing-column", "1:1: the header has no date column"],
    ["unclosed-quote", "2:1: a quoted field is not closed"],
    ["conflicting-duplicate", "3:1: invest.projects-100m on 2022-03-31 is 37 here but 36"],
  ])("data, %s: against the default targets of -t, exit 2", (name, message) => {
    const file = `test/fixtures/bad-data/${name}.csv`;
    const { code, stdout, stderr } = runKpi([
      "validate",
      file,
      "-t",
      "test/fixtures/basic/targets",
    ]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toContain(`${file}:${message}`);
    expect(stderr).toMatch(/kpi: 1 error, no warnings\n$/);
    expect(stderr).not.toMatch(NO_STACK);
  });

  it("lists and counts warnings, with a suggestion for a misspelt id, and keeps exit 0", () => {
    const file = `${VALIDATE}/data/warnings.csv`;
    // A row of an unknown id is a warning with --allow-unknown (SPEC 3, v2), else an error.
    const args = ["validate", file, "-t", "test/fixtures/basic/targets", "--allow-unknown"];
    const warnings = [
      `${file}:2:1: warning: no target has the id "invest.projects-10m": its rows are ignored (did you mean "invest.projects-100m"?)`,
      `${file}:3:33: warning: no value for invest.projects-100m on 2022-02-28: the row is skipped`,
      "",
    ].join("\n");
    expect(runKpi(args)).toEqual({
      code: 0,
      stdout: "5 targets, 0 data rows: no errors, 2 warnings\n",
      stderr: warnings,
    });
    expect(runKpi([...args, "--strict"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `${warnings}kpi: no errors, 2 warnings (--strict: warnings count as errors)\n`,
    });
    expect(runKpi(args.slice(0, -1))).toEqual({
      code: 2,
      stdout: "",
      stderr: `${file}:2:1: no target has the id or title "invest.projects-10m" (did you mean "invest.projects-100m"?)\n${file}:3:33: warning: no value for invest.projects-100m on 2022-02-28: the row is skipped\nkpi: 1 error, 1 warning\n`,
    });
  });

  it("lists every target error, and says the data were not read", () => {
    const { code, stderr } = runKpi([
      "validate",
      `${VALIDATE}/targets`,
      "-d",
      "test/fixtures/basic/data",
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain("kpi: 9 errors, no warnings\n");
    expect(stderr).toContain("kpi: the data files were not read");
  });
});

describe("kpi list", () => {
  it("shows each target with its schedule as dated values", () => {
    const { code, stdout, stderr } = runKpi(["list", "-t", "test/fixtures/basic/targets"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(/│ invest\.projects-100m +│ 固投亿元以上项目 +│ progress +│/);
    for (const point of [
      "2022-03-31  39 个  (30%)",
      "2022-06-30  78 个  (60%)",
      "2022-09-30  110.5 个  (85%)",
      "2022-12-31  130 个  (100%)",
      "due soon from 2022-03-01 (30 days)",
    ])
      expect(stdout).toContain(point);
    expect(stdout).toMatch(/5 targets\n$/);
  });

  it("as JSON and as markdown", () => {
    const json = JSON.parse(
      runKpi(["list", "-t", "test/fixtures/basic/targets", "-f", "json"]).stdout,
    );
    expect(json.targets.map((target: { id: string }) => target.id)).toEqual([
      "invest.projects-100m",
      "land.holdouts",
      "city.rank",
      "hall.acceptance",
      "start-rate",
    ]);
    expect(json.targets[4].schedule).toEqual([
      { by: "2022-03-31", value: 30, progress: 0.3529 },
      { by: "2022-06-30", value: 60, progress: 0.7059 },
      { by: "2022-09-30", value: 85, progress: 1 },
    ]);
    const markdown = runKpi(["list", "-t", "test/fixtures/basic/targets", "-f", "markdown"]);
    expect(markdown.stdout.split("\n").filter((line) => line.startsWith("|"))).toHaveLength(7);
    expect(markdown.stdout).toContain("2022-03-31  39 个  (30%)<br>2022-06-30  78 个  (60%)");
  });

  it("in Chinese", () => {
    expect(runKpi(["list", "-t", "test/fixtures/basic/targets", "--lang", "zh"]).stdout).toMatch(
      /│ 编号 +│ 指标 +│ 类型 +│ 责任单位 +│ 目标 +│ 期限 +│ 序时进度 +│ 容差 +│/,
    );
  });

  it("stops at a target error, like check", () => {
    const { code, stderr } = runKpi(["list", "-t", `${VALIDATE}/targets/key-typo.yaml`]);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown key "tolerence" (did you mean "tolerance"?)');
  });
});

describe("kpi schema", () => {
  it("prints the generated schema, the same as the pinned snapshot", () => {
    const { code, stdout, stderr } = runKpi(["schema"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toBe(readFileSync("test/e2e/__snapshots__/kpi.schema.json", "utf8"));
    expect(JSON.parse(stdout).$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("writes it to a file with -o", () => {
    const out = join(temporaryFolder(), "kpi.schema.json");
    expect(runKpi(["schema", "-o", out])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(out, "utf8")).toBe(runKpi(["schema"]).stdout);
  });
});

describe("kpi init", () => {
  const FILES = [
    ".gitattributes",
    ".github/workflows/kpi.yml",
    ".kpi/action.yml",
    ".kpi/kpi.cjs",
    "README.md",
    "data/example.csv",
    "kpi.schema.json",
    "kpi.yaml",
    "targets/example.yaml",
  ];

  it("makes a new repository in a folder that does not exist yet", () => {
    const parent = temporaryFolder();
    const { code, stdout, stderr } = runKpi(["init", "office"], { cwd: parent });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(filesUnder(join(parent, "office"))).toEqual(FILES);
    expect(stdout).toBe(
      [
        "Created a kpi repository in office:",
        "  office/.kpi/kpi.cjs",
        "  office/.kpi/action.yml",
        "  office/.gitattributes",
        "  office/README.md",
        "  office/kpi.yaml",
        "  office/kpi.schema.json",
        "  office/targets/example.yaml",
        "  office/data/example.csv",
        "  office/.github/workflows/kpi.yml",
        "Next:",
        "  cd office",
        "  node .kpi/kpi.cjs validate",
        "  node .kpi/kpi.cjs check",
        "",
      ].join("\n"),
    );
  });

  it("writes files that pass validate and give a valid run of check", () => {
    const dir = join(temporaryFolder(), "office");
    expect(runKpi(["init", dir]).code).toBe(0);
    const validate = runKpi(["validate"], { cwd: dir });
    expect(validate).toEqual({
      code: 0,
      stdout: "kpi.yaml, 3 targets, 3 data rows: no errors, no warnings\n",
      stderr: "",
    });
    const check = runKpi(["check", "--format", "json"], { cwd: dir });
    expect({ code: check.code, stderr: check.stderr }).toEqual({ code: 0, stderr: "" });
    const report = JSON.parse(check.stdout);
    expect(report.summary).toMatchObject({ total: 3, green: 3 });
    expect(report.results.map((result: { kind: string }) => result.kind)).toEqual([
      "progress",
      "level",
      "milestone",
    ]);
  });

  it("with --lang zh writes the README, the example's comments, the data file and kpi.yaml in Chinese", () => {
    const dir = join(temporaryFolder(), "office");
    expect(runKpi(["init", dir, "--lang", "zh"]).code).toBe(0);
    const read = (path: string) => readFileSync(join(dir, path), "utf8");
    expect(read("data/example.csv").split("\n")[0]).toBe("编号,日期,数值,备注");
    expect(read("data/example.csv")).toContain(",示例数据，请替换为实际数据\n");
    expect(read("README.md")).toMatch(/^# 目标与数据\n/);
    expect(read("README.md")).toContain("表头为 `编号,日期,数值,备注`");
    expect(read("targets/example.yaml")).toContain(
      "# 进度类：按期限从基数推进到目标值（默认类型）。",
    );
    expect(read("kpi.yaml")).toMatch(/^lang: zh /m);
    expect(read("kpi.yaml")).toMatch(/^# notice: 示例数据，非官方统计 /m);
    // The Chinese files are as valid as the English ones: three green targets.
    const validate = runKpi(["validate"], { cwd: dir });
    expect(validate).toEqual({
      code: 0,
      stdout: "kpi.yaml、3 项指标、3 行数据：没有错误，没有警告\n",
      stderr: "",
    });
    const check = JSON.parse(runKpi(["check", "--format", "json"], { cwd: dir }).stdout);
    expect(check.summary).toMatchObject({ total: 3, green: 3 });
    expect(check.results[0].note).toBe("示例数据，请替换为实际数据");
  });

  it("points each target file at the schema it writes, and writes the schema kpi schema prints", () => {
    const dir = temporaryFolder();
    runKpi(["init", dir]);
    const targets = readFileSync(join(dir, "targets", "example.yaml"), "utf8");
    expect(targets.split("\n")[0]).toBe(SCHEMA_COMMENT);
    expect(SCHEMA_COMMENT).toBe("# yaml-language-server: $schema=../kpi.schema.json");
    expect(readFileSync(join(dir, "kpi.schema.json"), "utf8")).toBe(runKpi(["schema"]).stdout);
    // One commented example of each kind.
    for (const kind of ["progress", "level", "milestone"])
      expect(targets).toMatch(new RegExp(`^ {4}kind: ${kind}\\b`, "m"));
  });

  it("writes a CI workflow that runs the repository's own kpi as an action, and the action", () => {
    const dir = temporaryFolder();
    runKpi(["init", dir]);
    const workflow = readFileSync(join(dir, ".github", "workflows", "kpi.yml"), "utf8");
    const steps = parse(workflow).jobs.check.steps as { uses?: string; run?: string }[];
    expect(steps.map((step) => step.uses ?? step.run)).toEqual([
      "actions/checkout@v4",
      "actions/checkout@v4",
      "node ../.kpi/kpi.cjs check --format json --fail-on none -o ../kpi-base.json",
      "./.kpi",
      "node .kpi/kpi.cjs report -o kpi-report.md",
      "actions/upload-artifact@v4",
    ]);
    expect(readFileSync(join(dir, ".kpi", "action.yml"), "utf8")).toBe(
      readFileSync(join(REPO, "action.yml"), "utf8"),
    );
  });

  it("writes no workflow and no action with --ci none", () => {
    const dir = temporaryFolder();
    expect(runKpi(["init", dir, "--ci", "none"]).code).toBe(0);
    expect(filesUnder(dir)).toEqual(
      FILES.filter((file) => file !== ".kpi/action.yml" && !file.startsWith(".github/")),
    );
  });

  it("copies the release file, which runs as kpi does, and replaces only it with --upgrade", () => {
    const dir = temporaryFolder();
    runKpi(["init", dir]);
    const release = join(dir, ".kpi", "kpi.cjs");
    expect(readFileSync(release, "utf8")).toBe(
      readFileSync(join(REPO, "dist", "kpi-release.cjs"), "utf8"),
    );
    const version = spawnSync(process.execPath, [release, "--version"], { encoding: "utf8" });
    expect(version.stdout).toBe(`${runKpi(["--version"]).stdout}`);
    // The release file copies itself: a repository made by it carries the same file.
    const second = temporaryFolder();
    const made = spawnSync(process.execPath, [release, "init", second], { encoding: "utf8" });
    expect({ code: made.status, stderr: made.stderr }).toEqual({ code: 0, stderr: "" });
    expect(readFileSync(join(second, ".kpi", "kpi.cjs"), "utf8")).toBe(
      readFileSync(release, "utf8"),
    );

    writeFileSync(release, "an old kpi\n");
    writeFileSync(join(dir, "kpi.yaml"), "office: mine\n");
    const upgrade = runKpi(["init", dir, "--upgrade"]);
    expect(upgrade).toEqual({
      code: 0,
      stdout: `Upgraded the kpi of ${dir} to ${version.stdout.trim()}:\n  ${release}\n  ${join(dir, ".kpi", "action.yml")}\n`,
      stderr: "",
    });
    expect(readFileSync(release, "utf8")).toBe(
      readFileSync(join(second, ".kpi", "kpi.cjs"), "utf8"),
    );
    expect(readFileSync(join(dir, "kpi.yaml"), "utf8")).toBe("office: mine\n");
  });

  it("works in a non-empty folder when no file it writes is there", () => {
    const dir = temporaryFolder();
    writeFileSync(join(dir, "notes.txt"), "mine\n");
    mkdirSync(join(dir, "targets"));
    expect(runKpi(["init", dir]).code).toBe(0);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine\n");
    expect(filesUnder(dir)).toEqual([...FILES, "notes.txt"].sort());
  });

  it("refuses to overwrite: lists the files, writes nothing, exit 2", () => {
    const dir = temporaryFolder();
    mkdirSync(join(dir, "targets"));
    writeFileSync(join(dir, "targets", "example.yaml"), "my targets\n");
    writeFileSync(join(dir, "README.md"), "my readme\n");
    const { code, stdout, stderr } = runKpi(["init", dir]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toBe(
      `kpi: 2 of the files init writes exist already; nothing was written (--force overwrites them):\n  ${join(dir, "README.md")}\n  ${join(dir, "targets", "example.yaml")}\n`,
    );
    expect(filesUnder(dir)).toEqual(["README.md", "targets/example.yaml"]);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe("my readme\n");
  });

  it("overwrites them with --force", () => {
    const dir = temporaryFolder();
    writeFileSync(join(dir, "README.md"), "my readme\n");
    expect(runKpi(["init", dir, "--force"]).code).toBe(0);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toMatch(/^# Targets and data/);
    expect(filesUnder(dir)).toEqual(FILES);
  });

  it("leaves nothing behind when a file cannot be written", () => {
    const dir = temporaryFolder();
    // A file where the data folder should be: the write fails after other files were staged.
    writeFileSync(join(dir, "data"), "not a folder\n");
    const { code, stderr } = runKpi(["init", dir, "--force"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^kpi: cannot write .*data.*; nothing was written\n$/);
    expect(stderr).not.toMatch(NO_STACK);
    expect(filesUnder(dir)).toEqual(["data"]);
    expect(existsSync(join(dir, "targets"))).toBe(false);
  });
});

describe("kpi explain", () => {
  it("answers why a target is red, with the numbers", () => {
    const { code, stdout, stderr } = runKpi(["explain", "start-rate", ...BASIC]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain("Status as of 2022-03-31: ✖ red, off track");
    expect(stdout).toContain(
      "4. at or ahead of the expected value → green — no: 18% is 12% behind the expected 30%",
    );
    expect(stdout).toContain(
      "6. otherwise → red — yes: 12% behind > the tolerance 8.5% (10% of the span 85%)",
    );
    // Every row with its place and the expected value on its date.
    expect(stdout).toMatch(
      /2022-02-28 +18% +19\.67% +▲ yellow, behind +test\/fixtures\/basic\/data\/2022-02\.csv:6/,
    );
    expect(stdout).toMatch(
      /2022-03-31 +18% +30% +✖ red, off track +test\/fixtures\/basic\/data\/2022-03\.csv:7/,
    );
    // The resolved schedule, the next milestone marked.
    expect(stdout).toMatch(/2022-06-30 +60% +70\.59% +milestone ← next/);
    // A chart with both series and dated axes.
    expect(stdout).toMatch(/^ {2}85 ┤/m);
    expect(stdout).toMatch(/^ {5}└─+┬─+$/m);
    expect(stdout).toContain("· expected   ● actual   ┬ as of 2022-03-31");
    expect(stdout).not.toContain("\u001b[");
  });

  it("--forecast adds a labelled projection and changes no status", () => {
    const plain = runKpi(["explain", "start-rate", ...BASIC]).stdout;
    const { code, stdout } = runKpi(["explain", "start-rate", ...BASIC, "--forecast"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Projection at the run rate (a projection, not a status)");
    expect(stdout).toContain("A projection never changes a status.");
    expect(stdout).toContain("○ projection");
    const statusLine = (text: string) => text.split("\n").find((line) => line.startsWith("Status"));
    expect(statusLine(stdout)).toBe(statusLine(plain));
    expect(runKpi(["check", ...BASIC, "-f", "json"]).stdout).toContain('"reason": "off-track"');
  });

  it("takes --as-of and --lang", () => {
    const { stdout } = runKpi([
      "explain",
      "invest.projects-100m",
      ...BASIC,
      "--as-of",
      "2022-02",
      "--lang",
      "zh",
    ]);
    expect(stdout).toContain("截至 2022-02-28 的状态：▲ 黄灯，滞后");
    expect(stdout).toContain("另有 1 行晚于 2022-02-28，未计入");
  });

  it("an unknown id: a suggestion, exit 2", () => {
    expect(runKpi(["explain", "invest.projects-10m", ...BASIC])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'kpi: no target has the id "invest.projects-10m" (did you mean "invest.projects-100m"?)\n',
    });
    expect(runKpi(["explain", "nothing", ...BASIC]).stderr).toBe(
      'kpi: no target has the id "nothing"; kpi list shows them all\n',
    );
  });
});

describe("unknown commands and options: a suggestion, exit 2", () => {
  it.each([
    [["explian", "x"], "error: unknown command 'explian'\n(Did you mean explain?)\n"],
    [["valdate"], "error: unknown command 'valdate'\n(Did you mean validate?)\n"],
    [["list", "--formt", "json"], "error: unknown option '--formt'\n(Did you mean --format?)\n"],
    [["validate", "--strcit"], "error: unknown option '--strcit'\n(Did you mean --strict?)\n"],
    [["init", "--forse"], "error: unknown option '--forse'\n(Did you mean --force?)\n"],
    [["explain"], "error: missing required argument 'id'\n"],
  ])("%j", (args, stderr) => {
    expect(runKpi(args)).toEqual({ code: 2, stdout: "", stderr });
  });
});
