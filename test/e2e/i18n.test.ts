/**
 * Labels in both languages: every label of English has a Chinese one, the supervision office's
 * words are there, and errors are worded in Chinese around the `file:line:col` place, which stays.
 */
import { describe, expect, it } from "vitest";
import { labelsFor } from "../../src/i18n/language.js";
import { runKpi } from "../run-kpi.js";

const CJK = /[\u4e00-\u9fff]/;

/** The label tree with every function called on sample arguments, so that it can be compared. */
function flatten(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (typeof value === "function") {
    const label = value as (...args: unknown[]) => unknown;
    // Sample arguments: numbers, or lists for the labels that take lists (the help's choices).
    let sample: unknown;
    try {
      sample = label(2, 3);
    } catch {
      sample = label(["a", "b"], ["c"]);
    }
    return flatten(typeof sample === "string" ? sample : String(sample), path);
  }
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, inner]) => flatten(inner, `${path}.${key}`));
  return [];
}

describe("labels", () => {
  it("Chinese has every label English has", () => {
    const en = flatten(labelsFor("en")).map(([path]) => path);
    const zh = flatten(labelsFor("zh")).map(([path]) => path);
    expect(zh).toEqual(en);
  });

  it("uses the words a Chinese supervision office uses", () => {
    const zh = labelsFor("zh");
    expect(zh.status).toEqual({ green: "绿灯", yellow: "黄灯", red: "红灯", grey: "无数据" });
    expect(zh.columns.expected).toBe("序时进度");
    expect(zh.reason.achieved).toBe("已完成");
    expect(zh.reason.behind).toBe("滞后");
    expect(zh.reason.overdue).toBe("逾期");
    expect(zh.reason["due-soon"]).toBe("临近期限");
  });
});

describe("error messages in Chinese", () => {
  // Every fixed template of the input and usage messages, as the code makes them.
  const messages = [
    'date "2022-02-30" is not a calendar date',
    'date "31/03/2022" is not a date (2022-03-31, 2022/3/31, 2022年3月31日, 2022-03 or 2022-Q1)',
    'value "36个" is not a number',
    'value "36%" has a % sign but the unit of invest.projects-100m is not %',
    'value "maybe" is not done / not done (1 true yes done y 是 完成 已完成, or 0 false no n 否 未完成)',
    'the row has 4 fields but the header has 3; a value with a thousands separator must be quoted ("1,200")',
    "the target is empty",
    "no value for a on 2022-03-31: the row is skipped",
    "the file has no header row (target,date,value)",
    'no target has the id "nobody": its rows are ignored',
    'no target has the id "nobody" (3 rows): its rows are ignored',
    "12 more errors in this file",
    "12 more warnings in this file",
    'two columns mean date: "date" and "日期"',
    "the header has no date column (one of: date, period, 日期)",
    "a on 2022-03-31 is 37 here but 36 at data/x.csv:2",
    'a quoted field is not closed: a field that starts with " must end with "',
    'a closing quote is followed by something other than a comma or the end of the line (write "" for a quote inside a quoted field)',
    "the CSV cannot be read (UndetectableDelimiter)",
    "the file is not valid UTF-8 (try --encoding gb18030)",
    "cannot read the file: EACCES",
    "no data file (.csv) in this folder",
    "no target file (.yaml, .yml) in this folder",
    'duplicate id "a", first defined at t/1.yaml:3:5',
    'duplicate key "title"',
    "invalid YAML: Nested mappings are not allowed in compact mappings",
    "empty target file: expected a mapping with a list of targets",
    "cannot expand the file's aliases: Excessive alias count",
    'unknown key "tagret"',
    'unknown key "tagret" (did you mean "target"?)',
    'unknown key "min": progress targets have no min (level targets do)',
    "the id cannot have a default: each target needs its own",
    "deadline is required when the file has no year",
    "deadline 2022-01-01 is before start 2022-03-01",
    "target equals baseline (5): there is no way to go",
    'schedule[0] needs progress ("30%") or value',
    "schedule[1] has both progress and value: give one",
    "schedule[0] on 2023-01-31 is outside the period 2022-01-01 to 2022-12-31 (the deadline is always the last milestone)",
    "preset milestone on 2022-03-31 is outside the period 2022-04-01 to 2022-12-31 (the deadline is always the last milestone)",
    "schedule[1] on 2022-03-31 is out of order: milestones must be in date order",
    "schedule[1] value 20 must lie between the previous value 30 and the target 100",
    "a level target needs min, max or both",
    "max 1 is below min 2",
    "stretch 3 must be a better value than the bound: at or below max 2",
    "stretch 1 must be a better value than the bound: at or above min 2",
    "start 2022-02-30 is not a calendar date",
    'kind must be progress, level, milestone, got "levle" (did you mean "level"?)',
    "owner must be a name or a non-empty list of names, got 3",
    'target must be a number, got "many"',
    "target is required",
    'the file must be a mapping with year, defaults and targets, got "text"',
    '--as-of "2022-02-30" is not a calendar date',
    '--as-of "someday" is not a date (2022-03-31, 2022-03, 2022-Q1 or today)',
    '--lang must be en or zh, got "fr"',
    '--fail-on must be none or a comma list of red, yellow, grey, green, got "purple"',
    "no such file or folder: no/such/folder",
    'unknown encoding "klingon"',
    "cannot write out/status.md: its folder does not exist",
    "cannot append to summary.md: ENOENT",
    "cannot write repo/targets: a part of its path is a file, not a folder; nothing was written",
    "cannot write status.md: the disk is full",
  ];

  it.each(messages)("%s", (message) => {
    const zh = labelsFor("zh").message(message);
    expect(zh).not.toBe(message);
    expect(zh).toMatch(CJK);
    // Values, places and names are kept as they are.
    for (const quoted of message.match(
      /"[^"]*"|\S+\.(?:csv|yaml|md):\d+(?::\d+)?|\d{4}-\d{2}-\d{2}/g,
    ) ?? [])
      if (!quoted.includes(" ")) expect(zh).toContain(quoted);
  });

  it("English keeps the messages as they are", () => {
    for (const message of messages) expect(labelsFor("en").message(message)).toBe(message);
  });

  it("a message no template knows stays in English rather than being lost", () => {
    expect(labelsFor("zh").message("something new")).toBe("something new");
  });

  it("kpi check --lang zh: every problem in Chinese, the place and the count line too", () => {
    const { code, stdout, stderr } = runKpi([
      "check",
      "test/fixtures/bad-data",
      "-t",
      "test/fixtures/basic/targets",
      "--lang",
      "zh",
    ]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(10);
    for (const line of lines.slice(0, -1)) {
      expect(line).toMatch(/^test\/fixtures\/bad-data\/[a-z-]+\.csv:\d+:\d+: /);
      expect(line.replace(/^\S+: /, "")).toMatch(CJK);
    }
    expect(lines).toContain(
      'test/fixtures/bad-data/malformed-value.csv:2:33: 数值 "36个" 不是数字',
    );
    expect(lines.at(-1)).toBe("kpi: 9 个错误；未生成报告");
  });

  it("target errors, warnings and usage errors follow KPI_LANG and LANG too", () => {
    const targets = runKpi(
      ["check", "-t", "test/fixtures/bad-targets/duplicate-id", "-d", "test/fixtures/basic/data"],
      { env: { KPI_LANG: "zh" } },
    );
    expect(targets.stderr).toBe(
      'test/fixtures/bad-targets/duplicate-id/2.yaml:3:5: 编号 "a" 重复，首次定义于 test/fixtures/bad-targets/duplicate-id/1.yaml:3:5\nkpi: 1 个错误；未生成报告\n',
    );
    const usage = runKpi(["report", "--as-of", "2022-02-30"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(usage).toMatchObject({
      code: 2,
      stderr: 'kpi: --as-of "2022-02-30" 不是有效的日历日期\n',
    });
    // --lang wins over the environment, and a bad --lang is reported in the environment's language.
    expect(
      runKpi(["check", "--as-of", "someday", "--lang", "en"], { env: { KPI_LANG: "zh" } }).stderr,
    ).toMatch(/^kpi: --as-of "someday" is not a date/);
    expect(runKpi(["check", "--lang", "fr"], { env: { KPI_LANG: "zh" } }).stderr).toBe(
      'kpi: --lang 必须是 en 或 zh，实际为 "fr"\n',
    );
  });
});
