import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.js";
import { NO_PROJECT_FOLDER, REPO, runExample, runKpi } from "../run-kpi.js";

const BASIC = [
  "-t",
  "test/fixtures/basic/targets",
  "-d",
  "test/fixtures/basic/data",
  "--config",
  "test/fixtures/basic/kpi.yaml",
];
const ESC = "\u001b[";
const NO_STACK = /^\s+at |node:internal|\.ts:\d+/m;

describe("kpi check on a valid repository", () => {
  it("prints the table worst first with a summary line, and exits 1 on red", () => {
    const { code, stdout, stderr } = runKpi(["check", ...BASIC]);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    const rows = stdout.split("\n").filter((line) => line.startsWith("│ "));
    expect(rows.map((row) => row.split("│")[1]?.trim())).toEqual([
      "Status",
      "✖ red",
      "▲ yellow",
      "✔ green",
      "✔ green",
      "✔ green",
    ]);
    expect(stdout).toContain(
      "5 targets, as of 2022-03-31: ✖ 1 red, ▲ 1 yellow, ○ 0 grey, ✔ 3 green",
    );
    expect(stdout).not.toContain(ESC);
  });

  it("keeps CJK columns aligned", () => {
    const { stdout } = runKpi(["check", ...BASIC]);
    const widths = new Set(
      stdout
        .split("\n")
        .filter((line) => line.startsWith("│"))
        .map((line) =>
          [...line].reduce(
            (width, char) => width + (/[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1),
            0,
          ),
        ),
    );
    expect(widths.size).toBe(1);
  });

  it("colours the status only when asked to", () => {
    expect(
      runKpi(["check", ...BASIC], { env: { NO_COLOR: "", FORCE_COLOR: "1" } }).stdout,
    ).toContain(`${ESC}31m✖ red`);
    expect(
      runKpi(["check", ...BASIC], { env: { NO_COLOR: "1", FORCE_COLOR: "1" } }).stdout,
    ).not.toContain(ESC);
  });

  it("--format json has the SPEC's shape", () => {
    const { code, stdout } = runKpi(["check", ...BASIC, "--format", "json"]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.schemaVersion).toBe(2);
    expect(json.asOf).toBe("2022-03-31");
    expect(json.summary).toEqual({ total: 5, green: 3, yellow: 1, red: 1, grey: 0 });
    expect(json.results.map((result: { id: string }) => result.id)).toEqual([
      "invest.projects-100m",
      "land.holdouts",
      "city.rank",
      "hall.acceptance",
      "start-rate",
    ]);
    expect(json.results[0]).toEqual({
      id: "invest.projects-100m",
      title: "固投亿元以上项目",
      owner: ["项目双进双产专班"],
      section: "项目绩效",
      kind: "progress",
      unit: "个",
      status: "yellow",
      reason: "behind",
      late: false,
      missingReport: null,
      dueBy: null,
      judgedAt: "2022-03-31",
      frequency: "monthly",
      weight: 1,
      file: "test/fixtures/basic/targets/targets.yaml",
      line: 3,
      actual: 36,
      observedOn: "2022-03-31",
      note: null,
      expected: 39,
      target: 130,
      baseline: 0,
      deadline: "2022-12-31",
      progress: 0.2769,
      expectedProgress: 0.3,
      nextMilestone: { by: "2022-06-30", value: 78 },
      min: null,
      max: null,
      stretch: null,
      star: null,
      warnings: [],
    });
    expect(json.results[2]).toMatchObject({
      kind: "level",
      actual: 1,
      expected: null,
      target: null,
      deadline: null,
      max: 2,
      star: true,
    });
    expect(json.results[3]).toMatchObject({
      kind: "milestone",
      actual: true,
      status: "green",
      reason: "done",
      deadline: "2022-03-31",
    });
    // 18% on 03-31 against E(03-31) = 30: L = 12 > 10% of 85 = 8.5.
    expect(json.results[4]).toMatchObject({
      status: "red",
      reason: "off-track",
      late: false,
      judgedAt: "2022-03-31",
      observedOn: "2022-03-31",
      expected: 30,
    });
  });

  it("--format markdown is a GitHub table", () => {
    const { stdout } = runKpi(["check", ...BASIC, "-f", "markdown"]);
    expect(stdout).toContain("| 🔴 red | start-rate | 新建项目开工率 |");
    expect(stdout.split("\n").filter((line) => line.startsWith("|"))).toHaveLength(7);
  });

  it("--as-of takes any date form and ignores later rows", () => {
    const json = JSON.parse(
      runKpi(["check", ...BASIC, "-f", "json", "--as-of", "2022年2月"]).stdout,
    );
    expect(json.asOf).toBe("2022-02-28");
    expect(json.results[0]).toMatchObject({ actual: 20, observedOn: "2022-02-28" });
  });

  it("--lang zh and a zh LANG give Chinese labels, never in JSON", () => {
    expect(runKpi(["check", ...BASIC, "--lang", "zh"]).stdout).toContain(
      "5 项指标，截至 2022-03-31：✖ 1 红灯",
    );
    expect(runKpi(["check", ...BASIC], { env: { LANG: "zh_CN.UTF-8" } }).stdout).toContain("红灯");
    expect(
      runKpi(["check", ...BASIC], { env: { LANG: "zh_CN.UTF-8", KPI_LANG: "en" } }).stdout,
    ).toContain("✖ red");
    expect(runKpi(["check", ...BASIC, "--lang", "zh", "-f", "json"]).stdout).toBe(
      runKpi(["check", ...BASIC, "-f", "json"]).stdout,
    );
  });

  it("reads a GB18030 file with Chinese headers and CRLF", () => {
    const json = JSON.parse(
      runKpi([
        "check",
        "-t",
        "test/fixtures/basic/targets",
        "-d",
        "test/fixtures/gb18030/data",
        "--as-of",
        "2022-03-31",
        "-f",
        "json",
      ]).stdout,
    );
    expect(json.results[4]).toMatchObject({
      id: "start-rate",
      actual: 31,
      status: "green",
      reason: "on-track",
    });
  });
});

describe("exit codes and --fail-on", () => {
  it.each([
    [["--fail-on", "none"], 0],
    [["--fail-on", "red"], 1],
    [["--fail-on", "yellow"], 1],
    [["--fail-on", "grey"], 0],
    [["--fail-on", "grey,yellow"], 1],
    [["--fail-on", "green"], 1],
    [["--as-of", "2022-01-31", "--fail-on", "red,grey"], 1],
  ])("%j → %i", (args, code) => {
    expect(runKpi(["check", ...BASIC, ...args]).code).toBe(code);
  });

  it.each([
    [["--bogus"], /unknown option '--bogus'/],
    [["-f", "xml"], /Allowed choices are table, markdown, json/],
    [["--fail-on", "purple"], /--fail-on must be none or a comma list/],
    [["--as-of", "2022-02-30"], /--as-of "2022-02-30" is not a calendar date/],
    [["--as-of", "someday"], /--as-of "someday" is not a date/],
    [["--lang", "fr"], /--lang must be en or zh/],
    [["-t", "no/such/folder"], /no such file or folder: no\/such\/folder/],
    [["--encoding", "klingon"], /unknown encoding "klingon"/],
  ])("usage error %j → 2", (args, message) => {
    const { code, stdout, stderr } = runKpi(["check", ...BASIC, ...args]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(NO_STACK);
  });

  it("an unknown command is a usage error with a suggestion", () => {
    const { code, stderr } = runKpi(["chek"]);
    expect(code).toBe(2);
    expect(stderr).toContain("(Did you mean check?)");
  });

  it("an internal error exits 3 and says it is a bug", async () => {
    let stderr = "";
    const code = await run(["check", ...BASIC], {
      env: {},
      stdout: {
        write: () => {
          throw new RangeError("stdout exploded");
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
      today: () => 30_000, // 2052-02-20: after every row of the fixtures
      workingFolder: NO_PROJECT_FOLDER,
    });
    expect(code).toBe(3);
    expect(stderr).toBe(
      "kpi: internal error: stdout exploded\nThis is a bug in kpi, not in your files; please report it with the command you ran.\n",
    );
  });
});

describe("bad input: exit 2, every problem at its place, no stack trace, no report", () => {
  it.each([
    [
      "missing-column",
      "missing-column.csv:1:1: the header has no date column (one of: date, period, 日期): add it to the header",
    ],
    [
      "malformed-date",
      'malformed-date.csv:2:22: date "31/03/2022" puts the year last: write the year first, 2022-03-31',
    ],
    ["impossible-date", 'impossible-date.csv:2:22: date "2022-02-30" is not a calendar date'],
    ["malformed-value", 'malformed-value.csv:2:33: value "36个" is not a number: write 36'],
    [
      "percent-not-allowed",
      'percent-not-allowed.csv:2:33: value "36%" has a % sign but the unit of invest.projects-100m is not %: write the number without it',
    ],
    ["milestone-word", 'milestone-word.csv:2:28: value "maybe" is not done / not done'],
    [
      "unquoted-thousands",
      'unquoted-thousands.csv:2:35: value "1" is followed by a field of digits, "200": a thousands separator or a decimal comma without quotes?',
    ],
    [
      "unclosed-quote",
      'unclosed-quote.csv:2:1: a quoted field is not closed: a field that starts with " must end with "',
    ],
    [
      "conflicting-duplicate",
      "conflicting-duplicate.csv:3:1: invest.projects-100m on 2022-03-31 is 37 here but 36 at test/fixtures/bad-data/conflicting-duplicate.csv:2: delete the wrong row, or mark the right row as a correction (a note that begins with 更正 or correction)",
    ],
  ])("data: %s", (name, message) => {
    const { code, stdout, stderr } = runKpi([
      "check",
      `test/fixtures/bad-data/${name}.csv`,
      "-t",
      "test/fixtures/basic/targets",
    ]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toContain(`test/fixtures/bad-data/${message}`);
    expect(stderr).toMatch(/kpi: 1 error; no report was made\n$/);
    expect(stderr).not.toMatch(NO_STACK);
  });

  it("data: a month range that holds months already reported, for a target that adds its rows", () => {
    // The example's platform.above-scale-projects adds up its months (aggregate: sum); May's and
    // June's rows are in; a "May to July" row would count them twice: 31 + 20, where 36 is true.
    const folder = mkdtempSync(join(tmpdir(), "kpi-range-"));
    for (const part of ["kpi.yaml", "targets", "data"])
      cpSync(join(REPO, part), join(folder, part), { recursive: true });
    writeFileSync(
      join(folder, "data", "2022-07.csv"),
      "target,date,value,note\nplatform.above-scale-projects,2022年5-7月,20,5-7月合计\n",
    );
    const { code, stdout, stderr } = runKpi(["check", "--lang", "zh"], { cwd: folder });
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(
      /^data\/2022-07\.csv:2:1: platform\.above-scale-projects 此行数值是 2022-05-01 至 2022-07-31 的合计，其中 2022-05-31 已在 data\/2022-05\.csv:\d+ 填报：累加时这段时间会重复计算/,
    );
    expect(stderr).toMatch(/kpi: 1 个错误；未生成报告\n$/);
  });

  it("data: a file that is not UTF-8 when UTF-8 is forced", () => {
    const { code, stderr } = runKpi([
      "check",
      "-t",
      "test/fixtures/basic/targets",
      "-d",
      "test/fixtures/gb18030/data",
      "--encoding",
      "utf-8",
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "test/fixtures/gb18030/data/2022-03.csv:1:1: the file is not valid UTF-8 (try --encoding gb18030)",
    );
  });

  it.each([
    [
      "unknown-key",
      [
        "test/fixtures/bad-targets/unknown-key/t.yaml:3:5: target is required",
        'test/fixtures/bad-targets/unknown-key/t.yaml:5:5: unknown key "tagret" (did you mean "target"?)',
      ],
    ],
    [
      "duplicate-id",
      [
        'test/fixtures/bad-targets/duplicate-id/2.yaml:3:5: duplicate id "a", first defined at test/fixtures/bad-targets/duplicate-id/1.yaml:3:5',
      ],
    ],
  ])("targets: %s", (name, messages) => {
    const { code, stdout, stderr } = runKpi([
      "check",
      "-t",
      `test/fixtures/bad-targets/${name}`,
      "-d",
      "test/fixtures/basic/data",
    ]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr.split("\n").slice(0, -2)).toEqual(messages);
    expect(stderr).not.toMatch(NO_STACK);
  });

  it("collects the errors of every file of a run before stopping", () => {
    const { code, stderr } = runKpi([
      "check",
      "test/fixtures/bad-data",
      "-t",
      "test/fixtures/basic/targets",
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/kpi: 9 errors; no report was made/);
  });

  it("warnings go to stderr and keep the report", () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-"));
    writeFileSync(
      join(dir, "w.csv"),
      "target,date,value\nnobody,2022-03-31,1\ninvest.projects-100m,2022-03-31,\n",
    );
    const { code, stdout, stderr } = runKpi([
      "check",
      join(dir, "w.csv"),
      "-t",
      "test/fixtures/basic/targets",
      "--fail-on",
      "none",
      "--allow-unknown",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain("5 targets");
    expect(stderr).toBe(
      `${join(dir, "w.csv")}:2:1: warning: no target has the id "nobody": its rows are ignored\n${join(dir, "w.csv")}:3:33: warning: no value for invest.projects-100m on 2022-03-31: the row is skipped\n`,
    );
  });

  it("(v2) a row of an unknown id is an error without --allow-unknown or allow_unknown: true", () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-"));
    const data = join(dir, "w.csv");
    writeFileSync(data, "target,date,value\ninvest.projects-10m,2022-03-31,1\n");
    const run = (...extra: string[]) =>
      runKpi(["check", data, "-t", "test/fixtures/basic/targets", ...extra]);
    expect(run()).toMatchObject({
      code: 2,
      stdout: "",
      stderr: `${data}:2:1: no target has the id or title "invest.projects-10m" (did you mean "invest.projects-100m"?)\nkpi: 1 error; no report was made\n`,
    });
    expect(run("--lang", "zh").stderr).toBe(
      `${data}:2:1: 没有编号或名称为 "invest.projects-10m" 的指标（是否应为 "invest.projects-100m"？）\nkpi: 1 个错误；未生成报告\n`,
    );
    writeFileSync(join(dir, "kpi.yaml"), "allow_unknown: true\n");
    expect(run("--config", join(dir, "kpi.yaml"), "--fail-on", "none")).toMatchObject({
      code: 0,
      stderr: `${data}:2:1: warning: no target has the id "invest.projects-10m": its rows are ignored (did you mean "invest.projects-100m"?)\n`,
    });
  });
});

describe("-o writes atomically", () => {
  it("writes the report to the file and nothing to stdout", () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-"));
    const out = join(dir, "status.json");
    const { code, stdout } = runKpi(["check", ...BASIC, "-f", "json", "-o", out]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(JSON.parse(readFileSync(out, "utf8")).summary.total).toBe(5);
    expect(readdirSync(dir)).toEqual(["status.json"]);
  });

  it("leaves an existing file as it was when the run fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-"));
    const out = join(dir, "status.md");
    writeFileSync(out, "last month's report\n");
    const { code } = runKpi([
      "check",
      "test/fixtures/bad-data/malformed-value.csv",
      "-t",
      "test/fixtures/basic/targets",
      "-o",
      out,
    ]);
    expect(code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("last month's report\n");
    expect(readdirSync(dir)).toEqual(["status.md"]);
  });

  it("writing into a missing folder is a clear error", () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-"));
    const { code, stderr } = runKpi(["check", ...BASIC, "-o", join(dir, "missing", "status.md")]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `kpi: cannot write ${join(dir, "missing", "status.md")}: its folder does not exist\n`,
    );
  });
});

describe("found in review", () => {
  it("gives large amounts in JSON exactly as the data wrote them", () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-"));
    writeFileSync(
      join(dir, "d.csv"),
      "target,date,value\ninvest.projects-100m,2022-03-31,7903465671\nstart-rate,2022-03-31,4198724.07\n",
    );
    const json = JSON.parse(
      runKpi(["check", join(dir, "d.csv"), "-t", "test/fixtures/basic/targets", "-f", "json"])
        .stdout,
    );
    expect(json.results[0].actual).toBe(7903465671);
    expect(json.results[4].actual).toBe(4198724.07);
  });

  it("--issue: full-width digits are the issue's number; a number that is no issue's is refused", () => {
    const page = runExample(["report", "--format", "html", "--lang", "zh", "--issue", "７"]);
    expect(page.stdout).toContain('<span class="issue">第 7 期</span>');
    for (const value of ["0", "-1", "1.5"])
      expect(runExample(["report", "--lang", "zh", "--issue", value])).toEqual({
        code: 2,
        stdout: "",
        stderr: `kpi: --issue 必须是不小于 1 的整数（7 即“第 7 期”）或照印的期数文字，实际为 "${value}"\n`,
      });
    // Any other text is the issue line as it is printed.
    expect(runExample(["report", "--format", "html", "--issue", "2022年第3期"]).stdout).toContain(
      '<span class="issue">2022年第3期</span>',
    );
  });

  it("reads a file named twice (./a.csv and a.csv) once", () => {
    const { code, stderr } = runKpi([
      "check",
      "./test/fixtures/basic/data/2022-02.csv",
      "-t",
      "test/fixtures/basic/targets",
      "-d",
      "test/fixtures/basic/data",
    ]);
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
  });

  it("names the line of the first byte that is not UTF-8 when UTF-8 is forced", () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-"));
    const rows = "invest.projects-100m,2022-03-31,1\n".repeat(4000);
    writeFileSync(
      join(dir, "x.csv"),
      Buffer.concat([Buffer.from(`target,date,value\n${rows}`), Buffer.from([0xff, 0x0a])]),
    );
    const { code, stderr } = runKpi([
      "check",
      join(dir, "x.csv"),
      "-t",
      "test/fixtures/basic/targets",
      "--encoding",
      "utf-8",
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, "x.csv")}:4002:1: the file is not valid UTF-8`);
  });
});
