/**
 * The project file kpi.yaml (SPEC 7) as a user meets it: a data repository with one
 * (test/fixtures/project), run from its folder or named by --config, through check, report,
 * validate, list and the help; and what goes wrong with one, said at its place.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatDay } from "../../src/core/dates.js";
import { dayInTimeZone } from "../../src/core/time-zone.js";
import { REPO, runKpi } from "../run-kpi.js";

const FIXTURE = join(REPO, "test/fixtures/project");
const scratch = mkdtempSync(join(tmpdir(), "kpi-project-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
/** A copy of the fixture with its kpi.yaml replaced (or removed, with null). */
function repository(project: string | Buffer | null = null): string {
  const folder = join(scratch, `repo-${++copies}`);
  cpSync(FIXTURE, folder, { recursive: true });
  if (project === null) rmSync(join(folder, "kpi.yaml"));
  else writeFileSync(join(folder, "kpi.yaml"), project);
  return folder;
}

const PROJECT = readFileSync(join(FIXTURE, "kpi.yaml"), "utf8");

function json(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const run = runKpi(["check", "-f", "json", ...args], { cwd: FIXTURE, ...options });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as { asOf: string; summary: Record<string, number> };
}

describe("kpi.yaml in the working folder", () => {
  it("gives the labels' language and the as-of date", () => {
    const run = runKpi(["check"], { cwd: FIXTURE });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    // as_of: 2022-03 is the end of March; lang: zh.
    expect(run.stdout).toContain(
      "2 项指标，截至 2022-03-31：✖ 0 红灯，▲ 0 黄灯，○ 0 无数据，✔ 2 绿灯",
    );
    // parks: linear from 0 to 6000 over 2022: E(03-31) = 6000 × 90/365 = 1479.45; A = 1500.
    expect(run.stdout).toContain("1479.45 亩");
  });

  it("--as-of wins over as_of", () => {
    expect(json(["--as-of", "2022-04-30"]).asOf).toBe("2022-04-30");
  });

  it("is read by validate, which says it checked it", () => {
    expect(runKpi(["validate"], { cwd: FIXTURE })).toEqual({
      code: 0,
      stdout: "kpi.yaml、2 项指标、4 行数据：没有错误，没有警告\n",
      stderr: "",
    });
  });

  it("is never read as a target file, even with -t .", () => {
    const run = runKpi(["list", "-t", ".", "-f", "json", "--lang", "en"], { cwd: FIXTURE });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout).targets.map((target: { id: string }) => target.id)).toEqual([
      "invest",
      "parks",
    ]);
    expect(runKpi(["validate", "."], { cwd: FIXTURE }).stdout).toBe(
      "kpi.yaml、2 项指标、4 行数据：没有错误，没有警告\n",
    );
    // Named, it is checked as the project file, not as a target file.
    expect(runKpi(["validate", "kpi.yaml", "--lang", "en"], { cwd: FIXTURE })).toEqual({
      code: 0,
      stdout: "kpi.yaml, 2 targets, 0 data rows: no errors, no warnings\n",
      stderr: "",
    });
  });

  it("is an input: -o cannot overwrite it", () => {
    const folder = repository(PROJECT);
    const run = runKpi(["report", "-o", "kpi.yaml", "--lang", "en"], { cwd: folder });
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: "kpi: cannot write kpi.yaml: it is the input file kpi.yaml\n",
    });
    expect(readFileSync(join(folder, "kpi.yaml"), "utf8")).toBe(PROJECT);
  });

  it("without one, a run is as of today, and in the environment's language", () => {
    const folder = repository(null);
    const before = formatDay(dayInTimeZone(Date.now(), "Asia/Shanghai"));
    const run = runKpi(["check", "-f", "json"], { cwd: folder, env: { TZ: "Asia/Shanghai" } });
    const after = formatDay(dayInTimeZone(Date.now(), "Asia/Shanghai"));
    // The two differ only when the run spans midnight.
    expect([before, after]).toContain(JSON.parse(run.stdout).asOf);
    expect(runKpi(["validate"], { cwd: folder }).stdout).toBe(
      "2 targets, 4 data rows: no errors, no warnings\n",
    );
  });
});

describe("as_of and timezone", () => {
  it("latest-data: the latest row's date, as version 1 judged", () => {
    const folder = repository(
      PROJECT.replace("as_of: 2022-03 # the end of March", "as_of: latest-data"),
    );
    expect(json([], { cwd: folder }).asOf).toBe("2022-04-30");
  });

  it("today: today in the project's time zone, whatever the machine's", () => {
    const zones = ["Pacific/Kiritimati", "Pacific/Pago_Pago"];
    for (const zone of zones) {
      const folder = repository(
        PROJECT.replace("as_of: 2022-03 # the end of March", "as_of: today").replace(
          "timezone: Asia/Shanghai",
          `timezone: ${zone}`,
        ),
      );
      const before = formatDay(dayInTimeZone(Date.now(), zone));
      // The machine's zone is the other one: UTC+14 and UTC−11 are never on the same date.
      const machine = zones.find((other) => other !== zone) as string;
      const asOf = json([], { cwd: folder, env: { TZ: machine } }).asOf;
      const after = formatDay(dayInTimeZone(Date.now(), zone));
      expect([before, after]).toContain(asOf);
    }
  });

  it("--as-of today is today in the project's time zone too", () => {
    const zone = "Pacific/Kiritimati";
    const folder = repository(PROJECT.replace("timezone: Asia/Shanghai", `timezone: ${zone}`));
    const before = formatDay(dayInTimeZone(Date.now(), zone));
    const asOf = json(["--as-of", "today"], { cwd: folder, env: { TZ: "Pacific/Pago_Pago" } }).asOf;
    const after = formatDay(dayInTimeZone(Date.now(), zone));
    expect([before, after]).toContain(asOf);
  });
});

describe("the language: --lang, KPI_LANG, the project's lang, LANG, else en", () => {
  const summary = (run: { stdout: string }) => run.stdout.trim().split("\n").at(-1);
  const english = "2 targets, as of 2022-03-31: ✖ 0 red, ▲ 0 yellow, ○ 0 grey, ✔ 2 green";
  const chinese = "2 项指标，截至 2022-03-31：✖ 0 红灯，▲ 0 黄灯，○ 0 无数据，✔ 2 绿灯";

  it.each([
    ["lang: zh", [], {}, chinese],
    ["lang: zh", ["--lang", "en"], {}, english],
    ["lang: zh", [], { KPI_LANG: "en" }, english],
    ["lang: en", [], { LANG: "zh_CN.UTF-8" }, english],
    ["lang: en", [], { KPI_LANG: "zh" }, chinese],
    ["", [], { LANG: "zh_CN.UTF-8" }, chinese],
    ["", [], {}, english],
  ] as const)("%s, %j, %j", (lang, args, env, expected) => {
    const folder = repository(PROJECT.replace("lang: zh", lang));
    expect(summary(runKpi(["check", ...args], { cwd: folder, env }))).toBe(expected);
  });

  it("the help is in the project's language too", () => {
    expect(runKpi(["check", "--help"], { cwd: FIXTURE }).stdout).toMatch(/^用法：kpi check/);
    expect(runKpi(["--help"], { cwd: FIXTURE, env: { KPI_LANG: "en" } }).stdout).toMatch(
      /^Usage: kpi/,
    );
    const elsewhere = repository(PROJECT.replace("lang: zh", "lang: en"));
    expect(
      runKpi(["check", "--help", "--config", join(FIXTURE, "kpi.yaml")], { cwd: elsewhere }).stdout,
    ).toMatch(/^用法：/);
  });

  it("the project file's own errors are worded in it, even when its YAML cannot be read", () => {
    const wrongDays = repository(PROJECT.replace("due_days: 10", "due_days: -1"));
    expect(runKpi(["check"], { cwd: wrongDays })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "kpi.yaml:5:11: due_days 必须是不小于 0 的整数天数，实际为 -1\nkpi: 1 个错误；未生成报告\n",
    });
    // A full-width colon after a key: no YAML document, but its lang line says zh.
    const colon = repository(PROJECT.replace("title: ", "title："));
    const expected =
      'kpi.yaml:4:1: YAML 格式错误："：" 是全角冒号；键后应写半角冒号 ":" 和一个空格';
    expect(runKpi(["check"], { cwd: colon }).stderr).toBe(
      `${expected}\nkpi: 1 个错误；未生成报告\n`,
    );
    expect(runKpi(["validate"], { cwd: colon }).stderr).toBe(
      `${expected}\nkpi: 1 个错误，没有警告\n`,
    );
    expect(runKpi(["check", "--format", "github"], { cwd: colon }).stdout).toBe(
      `::error file=kpi.yaml,line=4,col=1,title=kpi%3A yaml.full-width-colon::${expected.slice(14)}\n`,
    );
    // --lang still wins.
    expect(runKpi(["check", "--lang", "en"], { cwd: colon }).stderr).toMatch(
      /^kpi\.yaml:4:1: invalid YAML: "：" is a full-width colon/,
    );
  });

  it("a target file's errors are worded in it in GitHub's annotations too", () => {
    const folder = repository(PROJECT);
    const file = join(folder, "targets", "t.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("    target: 130", "    targt: 130"));
    expect(runKpi(["check", "--format", "github"], { cwd: folder }).stdout).toBe(
      [
        "::error file=targets/t.yaml,line=3,col=5,title=kpi%3A schema.required::缺少必填字段 target",
        '::error file=targets/t.yaml,line=7,col=5,title=kpi%3A target.unknown-key::未知的键 "targt"（是否应为 "target"？）',
        "",
      ].join("\n"),
    );
  });

  it("a usage error is worded in it", () => {
    expect(runKpi(["check", "--formt", "json"], { cwd: FIXTURE }).stderr).toBe(
      "错误：未知的选项 '--formt'\n（是否应为 --format？）\n",
    );
  });
});

describe("--config names the project file", () => {
  it("wherever it is, by any name", () => {
    const folder = repository(null);
    const elsewhere = join(scratch, "office.yaml");
    writeFileSync(elsewhere, PROJECT.replace("lang: zh", "lang: en"));
    const run = runKpi(["check", "--config", elsewhere], { cwd: folder });
    expect(run.stdout).toContain("2 targets, as of 2022-03-31");
    expect(runKpi(["validate", "--config", elsewhere], { cwd: folder }).stdout).toBe(
      `${elsewhere}, 2 targets, 4 data rows: no errors, no warnings\n`,
    );
  });

  it("and is never read as a target file, whatever its name", () => {
    const folder = repository(null);
    writeFileSync(join(folder, "targets", "office.yaml"), PROJECT.replace("lang: zh", "lang: en"));
    const config = join("targets", "office.yaml");
    expect(runKpi(["validate", "--config", config], { cwd: folder })).toEqual({
      code: 0,
      stdout: "targets/office.yaml, 2 targets, 4 data rows: no errors, no warnings\n",
      stderr: "",
    });
  });

  it("a file that does not exist is an error, for every command that reads inputs", () => {
    for (const command of [
      ["check"],
      ["report"],
      ["rank"],
      ["validate"],
      ["list"],
      ["explain", "invest"],
    ])
      expect(
        runKpi([...command, "--config", "nope.yaml"], { cwd: FIXTURE, env: { KPI_LANG: "en" } }),
      ).toEqual({
        code: 2,
        stdout: "",
        stderr: "kpi: --config nope.yaml: no such file\n",
      });
  });
});

describe("a project file with problems: each at its place, exit 2, no report", () => {
  it("an unknown key, with did you mean, in the file's language, else the environment's", () => {
    const folder = repository(PROJECT.replace("title:", "tilte:"));
    expect(runKpi(["check"], { cwd: folder })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'kpi.yaml:4:1: 未知的键 "tilte"（是否应为 "title"？）\nkpi: 1 个错误；未生成报告\n',
    });
    const noLang = repository(PROJECT.replace("title:", "tilte:").replace("lang: zh\n", ""));
    expect(runKpi(["check"], { cwd: noLang })).toEqual({
      code: 2,
      stdout: "",
      stderr: `kpi.yaml:4:1: unknown key "tilte" (did you mean "title"?)\nkpi: 1 error; no report was made\n`,
    });
    expect(runKpi(["report"], { cwd: noLang, env: { LANG: "zh_CN.UTF-8" } }).stderr).toBe(
      'kpi.yaml:4:1: 未知的键 "tilte"（是否应为 "title"？）\nkpi: 1 个错误；未生成报告\n',
    );
  });

  it("validate lists them with the target files' problems", () => {
    const folder = repository(PROJECT.replace("as_of: 2022-03", "as_of: 2022-13"));
    writeFileSync(
      join(folder, "targets", "t.yaml"),
      "year: 2022\ntargets:\n  - id: a\n    tilte: A\n",
    );
    const run = runKpi(["validate", "--lang", "en"], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      [
        'kpi.yaml:8:8: as_of "2022-13" is not a calendar date',
        "targets/t.yaml:3:5: title is required",
        "targets/t.yaml:3:5: target is required",
        'targets/t.yaml:4:5: unknown key "tilte" (did you mean "title"?)',
        "kpi: the data files were not read: a value's meaning depends on its target, so fix the target files first",
        "kpi: 4 errors, no warnings",
        "",
      ].join("\n"),
    );
  });

  it.each([
    [
      "GB18030",
      Buffer.from([
        0x6f, 0x66, 0x66, 0x69, 0x63, 0x65, 0x3a, 0x20, 0xb6, 0xbd, 0xb2, 0xe9, 0xca, 0xd2, 0x0a,
      ]),
      "kpi.yaml:1:1: the file is not UTF-8 but GB18030: save it as UTF-8",
    ],
    [
      "UTF-16LE",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("office: 督查室\n", "utf16le")]),
      "kpi.yaml:1:1: the file is not UTF-8 but UTF-16LE: save it as UTF-8",
    ],
  ])("a file in %s is an error that names the encoding", (_, bytes, message) => {
    const folder = repository(bytes);
    expect(runKpi(["check", "--lang", "en"], { cwd: folder }).stderr).toBe(
      `${message}\nkpi: 1 error; no report was made\n`,
    );
  });

  it("a byte order mark is fine", () => {
    const folder = repository(`\ufeff${PROJECT}`);
    expect(runKpi(["validate"], { cwd: folder }).code).toBe(0);
  });

  it("a kpi.yaml that is a folder cannot be read", () => {
    const folder = repository(null);
    cpSync(join(FIXTURE, "targets"), join(folder, "kpi.yaml"), { recursive: true });
    expect(runKpi(["check", "--lang", "en"], { cwd: folder }).stderr).toBe(
      "kpi.yaml:1:1: cannot read the file: EISDIR\nkpi: 1 error; no report was made\n",
    );
  });
});

describe("owners: every owner of a target is one the project file lists", () => {
  const misspelt = () => {
    const folder = repository(PROJECT);
    const targets = readFileSync(join(FIXTURE, "targets", "t.yaml"), "utf8");
    writeFileSync(
      join(folder, "targets", "t.yaml"),
      targets.replace("owner: 发改局", "owner: 发改委"),
    );
    return folder;
  };

  it("发改委 for 发改局 is an error at the owner, with did you mean: no report", () => {
    expect(runKpi(["check", "--lang", "en"], { cwd: misspelt() })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'targets/t.yaml:5:12: owner "发改委" is not in the owners of kpi.yaml (did you mean "发改局"?)\nkpi: 1 error; no report was made\n',
    });
  });

  it("validate lists it, in the project's language, and reads the data all the same", () => {
    expect(runKpi(["validate"], { cwd: misspelt() })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'targets/t.yaml:5:12: 责任单位 "发改委" 不在 kpi.yaml 的 owners 中（是否应为 "发改局"？）\nkpi: 1 个错误，没有警告\n',
    });
  });

  it("list and rank refuse it too", () => {
    for (const command of ["list", "rank"])
      expect(runKpi([command, "--lang", "en"], { cwd: misspelt() }).stderr).toContain(
        'targets/t.yaml:5:12: owner "发改委" is not in the owners of kpi.yaml (did you mean "发改局"?)',
      );
  });

  it("an owner of a list, at its item", () => {
    const folder = repository(
      PROJECT.replace("owners: [发改局, 经信局, 统计局]", "owners: [发改局, 经信局]"),
    );
    expect(runKpi(["check", "--lang", "en"], { cwd: folder }).stderr).toBe(
      'targets/t.yaml:10:18: owner "统计局" is not in the owners of kpi.yaml\nkpi: 1 error; no report was made\n',
    );
  });

  it("without owners:, any owner is fine", () => {
    const folder = misspelt();
    writeFileSync(join(folder, "kpi.yaml"), PROJECT.replace(/^owners:.*\n/m, ""));
    expect(runKpi(["check"], { cwd: folder }).code).toBe(0);
  });
});

describe("office and title on every report", () => {
  it("the check JSON gives them at the top level", () => {
    const run = runKpi(["check", "-f", "json"], { cwd: FIXTURE });
    const top = JSON.parse(run.stdout);
    expect(Object.keys(top).slice(0, 4)).toEqual(["schemaVersion", "asOf", "office", "title"]);
    expect(top).toMatchObject({ office: "测试县人民政府督查室", title: "重点工作月度亮晒" });
  });

  it("null when the project file has none, or there is no project file", () => {
    const without = repository(PROJECT.replace(/^(office|title):.*\n/gm, ""));
    expect(json([], { cwd: without })).toMatchObject({ office: null, title: null });
    expect(json([], { cwd: repository(null) })).toMatchObject({ office: null, title: null });
  });

  it("the markdown report is headed by the title, then the office", () => {
    const run = runKpi(["report"], { cwd: FIXTURE });
    expect(run.stdout.split("\n\n").slice(0, 3)).toEqual([
      "# 重点工作月度亮晒（截至 2022-03-31）",
      "测试县人民政府督查室",
      "**2 项指标**：🔴 0 红灯 · 🟡 0 黄灯 · ⚪ 0 无数据 · 🟢 2 绿灯",
    ]);
  });

  it("the page too, and its title", () => {
    const page = runKpi(["report", "-f", "html"], { cwd: FIXTURE }).stdout;
    expect(page).toContain("<title>重点工作月度亮晒（截至 2022-03-31）</title>");
    expect(page).toContain(
      '<header>\n<p class="masthead"><span class="office">测试县人民政府督查室</span></p>\n<h1>重点工作月度亮晒（截至 2022-03-31）</h1>',
    );
  });
});
