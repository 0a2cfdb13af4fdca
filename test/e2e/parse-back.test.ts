/**
 * The table, markdown, report and JUnit outputs read back (test/parse-output.ts) and compared with
 * `--format json` of the same run (test/output-vs-json.ts), for the bundled example at several
 * as-of dates and for the fixtures, in English and Chinese: a snapshot overwritten by a careless
 * `vitest -u` cannot make these pass. The last part shows that each comparison does fail when one
 * cell of a real output is changed.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { Language } from "../../src/i18n/labels.js";
import {
  type CheckJson,
  checkJunitMismatches,
  checkMarkdownMismatches,
  checkTableMismatches,
  type ListJson,
  listMarkdownMismatches,
  listTableMismatches,
  previousMonthEnd,
  type RankJson,
  rankMarkdownMismatches,
  rankTableMismatches,
  reportMismatches,
} from "../output-vs-json.js";
import { REPO, runKpi } from "../run-kpi.js";

interface Case {
  name: string;
  targets: string;
  data: string;
  /** Unset: the project file's as_of (latest-data in these), as a user's plain `kpi check` does. */
  asOf?: string;
  /** The fixture's project file. */
  config?: string;
  /** Where kpi runs: the bundled example in the repository, with its kpi.yaml. */
  cwd?: string;
}

const EXAMPLE = { targets: "targets", data: "data", cwd: REPO };
const BASIC_CONFIG = "test/fixtures/basic/kpi.yaml";
const CASES: Case[] = [
  { name: "the example", ...EXAMPLE },
  { name: "the example as of 2022-01-31", ...EXAMPLE, asOf: "2022-01-31" },
  { name: "the example as of 2022-05-15", ...EXAMPLE, asOf: "2022-05-15" },
  // land.stock-supply's June report was due by 07-10 and has not come.
  { name: "the example as of 2022-07-12", ...EXAMPLE, asOf: "2022-07-12" },
  { name: "the example as of 2022-12-31", ...EXAMPLE, asOf: "2022-12-31" },
  {
    name: "basic",
    targets: "test/fixtures/basic/targets",
    data: "test/fixtures/basic/data",
    config: BASIC_CONFIG,
  },
  {
    name: "basic with GB18030 data",
    targets: "test/fixtures/basic/targets",
    data: "test/fixtures/gb18030/data",
    config: BASIC_CONFIG,
  },
  {
    name: "report",
    targets: "test/fixtures/report/targets",
    data: "test/fixtures/report/data",
    asOf: "2022-03-31",
  },
  ...["2022-05-15", "2022-08-20"].map((asOf) => ({
    name: `hand-computed as of ${asOf}`,
    targets: "test/fixtures/hand-computed/targets",
    data: "test/fixtures/hand-computed/data",
    asOf,
    config: "test/fixtures/hand-computed/kpi.yaml",
  })),
];
const LANGUAGES: Language[] = ["en", "zh"];

/** A run outside GitHub Actions, even when the tests run inside it. */
const NO_SUMMARY = { GITHUB_STEP_SUMMARY: "" };

const outputs = new Map<string, string>();

/**
 * The output of a run that evaluated (exit 0 or 1: a red target is not a failed run). The same
 * arguments give the same output, so each run is made once and its output kept.
 */
function output(args: readonly string[], test: Case): string {
  const key = JSON.stringify([args, test.cwd]);
  const kept = outputs.get(key);
  if (kept !== undefined) return kept;
  const run = runKpi(args, {
    env: NO_SUMMARY,
    ...(test.cwd === undefined ? {} : { cwd: test.cwd }),
  });
  if (run.code !== 0 && run.code !== 1)
    throw new Error(`kpi ${args.join(" ")} exited ${run.code}:\n${run.stderr}`);
  outputs.set(key, run.stdout);
  return run.stdout;
}

function inputs(test: Case, asOf = test.asOf): string[] {
  return [
    "-t",
    test.targets,
    "-d",
    test.data,
    ...(asOf === undefined ? [] : ["--as-of", asOf]),
    ...(test.config === undefined ? [] : ["--config", test.config]),
  ];
}

function checkJson(test: Case, asOf = test.asOf): CheckJson {
  return JSON.parse(output(["check", ...inputs(test, asOf), "-f", "json"], test));
}

function rankJson(test: Case): RankJson {
  return JSON.parse(output(["rank", ...inputs(test), "-f", "json"], test));
}

/** The `owners:` of the case's project file, or null. */
function ownersOf(test: Case): string[] | null {
  const file =
    test.config === undefined
      ? test.cwd === undefined
        ? undefined
        : join(test.cwd, "kpi.yaml")
      : join(REPO, test.config);
  if (file === undefined || !existsSync(file)) return null;
  const project = parseYaml(readFileSync(file, "utf8")) as { owners?: string[] } | null;
  return project?.owners ?? null;
}

function listJson(test: Case): ListJson {
  return JSON.parse(output(["list", "-t", test.targets, "-f", "json"], test));
}

describe.each(CASES)("$name: each output says what --format json says", (test) => {
  it.each(LANGUAGES)("check --format table (%s)", (language) => {
    const json = checkJson(test);
    const table = output(["check", ...inputs(test), "--lang", language], test);
    expect(checkTableMismatches(table, json, language)).toEqual([]);
  });

  it.each(LANGUAGES)("check --format markdown (%s)", (language) => {
    const json = checkJson(test);
    const markdown = output(["check", ...inputs(test), "-f", "markdown", "--lang", language], test);
    expect(checkMarkdownMismatches(markdown, json, language)).toEqual([]);
  });

  it.each(LANGUAGES)("check --format junit (%s)", (language) => {
    const xml = output(["check", ...inputs(test), "-f", "junit", "--lang", language], test);
    expect(checkJunitMismatches(xml, checkJson(test), listJson(test), language)).toEqual([]);
  });

  it.each(LANGUAGES)("report, and report --by owner --charts (%s)", (language) => {
    const json = checkJson(test);
    const compared = {
      json,
      previous: checkJson(test, previousMonthEnd(json.asOf)),
      rank: rankJson(test),
      owners: ownersOf(test),
    };
    const report = output(["report", ...inputs(test), "--lang", language], test);
    expect(reportMismatches(report, { ...compared, byOwner: false }, language)).toEqual([]);
    const byOwner = output(
      ["report", ...inputs(test), "--by", "owner", "--charts", "--lang", language],
      test,
    );
    expect(reportMismatches(byOwner, { ...compared, byOwner: true }, language)).toEqual([]);
  });

  it.each(LANGUAGES)("rank, as a table and as markdown (%s)", (language) => {
    const rank = rankJson(test);
    const table = output(["rank", ...inputs(test), "--lang", language], test);
    expect(rankTableMismatches(table, rank, language)).toEqual([]);
    const markdown = output(["rank", ...inputs(test), "-f", "markdown", "--lang", language], test);
    expect(rankMarkdownMismatches(markdown, rank, language)).toEqual([]);
  });
});

/** One case of each set of targets. */
const TARGET_SETS = [...new Map(CASES.map((test) => [test.targets, test])).values()];

describe.each(TARGET_SETS)("kpi list -t $targets says what its --format json says", (test) => {
  const { targets } = test;
  it.each(LANGUAGES)("as a table and as markdown (%s)", (language) => {
    const list: ListJson = JSON.parse(output(["list", "-t", targets, "-f", "json"], test));
    const table = output(["list", "-t", targets, "--lang", language], test);
    expect(listTableMismatches(table, list, language)).toEqual([]);
    const markdown = output(["list", "-t", targets, "-f", "markdown", "--lang", language], test);
    expect(listMarkdownMismatches(markdown, list, language)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

/** `text` with the first `from` replaced by `to`; fails when `from` is not there. */
function change(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

/** `text` with the line holding `marker` removed, or moved to just before the line holding `before`. */
function moveLine(text: string, marker: string, before?: string): string {
  const lines = text.split("\n");
  const index = lines.findIndex((line) => line.includes(marker));
  expect(index).toBeGreaterThanOrEqual(0);
  const [line = ""] = lines.splice(index, 1);
  if (before !== undefined)
    lines.splice(
      lines.findIndex((other) => other.includes(before)),
      0,
      line,
    );
  return lines.join("\n");
}

describe("each comparison fails when one cell of a real output is changed", () => {
  const report = CASES.find((test) => test.name === "report") as Case;
  const json = checkJson(report);
  const rank = rankJson(report);
  const list = listJson(report);
  const compared = { json, previous: checkJson(report, previousMonthEnd(json.asOf)), rank };

  it("check --format table: a cell, the order, a dropped row, the summary, the alignment", () => {
    const table = output(["check", ...inputs(report)], report);
    expect(checkTableMismatches(table, json, "en")).toEqual([]);
    const mismatches = (text: string) => checkTableMismatches(text, json, "en").join("\n");
    // a.newline's actual is 20 (its expected 24.66).
    expect(mismatches(change(table, "│ 20       │", "│ 21       │"))).toMatch(
      /a\.newline: actual shows "21", the JSON says 20/,
    );
    expect(mismatches(change(table, "│ ✔ green  │ a.done ", "│ ▲ green  │ a.done "))).toMatch(
      /a\.done: status shows "yellow", expected "green"/,
    );
    // Green rows come after grey ones: a.pipe moved above a.nodata breaks worst-first.
    expect(mismatches(moveLine(table, "a.pipe", "a.nodata"))).toMatch(/ids in order/);
    expect(mismatches(moveLine(table, "a.unowned"))).toMatch(/ids in order/);
    expect(mismatches(change(table, "✖ 1 red,", "✖ 2 red,"))).toMatch(/summary line: counts/);
    // 位 is two columns wide: without one padding space the row no longer meets its borders.
    expect(mismatches(change(table, "│ 5 位     │", "│ 5 位    │"))).toMatch(/cannot be read back/);
  });

  it("check --format table in Chinese: a CJK cell", () => {
    const table = output(["check", ...inputs(report), "--lang", "zh"], report);
    expect(checkTableMismatches(table, json, "zh")).toEqual([]);
    // a.milestone is not done: 未完成, the same width as 已完成.
    expect(
      checkTableMismatches(change(table, "│ 未完成 │", "│ 已完成 │"), json, "zh").join("\n"),
    ).toMatch(/a\.milestone: actual shows "已完成", expected "未完成"/);
  });

  it("check --format markdown: a number, an unescaped pipe, a dropped row, the counts", () => {
    const markdown = output(["check", ...inputs(report), "-f", "markdown"], report);
    expect(checkMarkdownMismatches(markdown, json, "en")).toEqual([]);
    const mismatches = (text: string) => checkMarkdownMismatches(text, json, "en").join("\n");
    // E of a.newline is 24.657…: 24.67 is more than a rounding away.
    expect(mismatches(change(markdown, "| 24.66 |", "| 24.67 |"))).toMatch(
      /a\.newline: expected shows "24.67", the JSON says 24.6575/,
    );
    expect(mismatches(change(markdown, "Roads \\| bridges", "Roads | bridges"))).toMatch(
      /a\.pipe: title shows "Roads"/,
    );
    expect(mismatches(moveLine(markdown, "a.milestone"))).toMatch(/ids in order/);
    expect(mismatches(change(markdown, "🟢 3 green", "🟢 4 green"))).toMatch(/counts/);
  });

  it("check --format junit: a red target that passes, a dropped testcase", () => {
    const xml = output(["check", ...inputs(report), "-f", "junit"], report);
    expect(checkJunitMismatches(xml, json, list, "en")).toEqual([]);
    const mismatches = (text: string) => checkJunitMismatches(text, json, list, "en").join("\n");
    const passing = xml.replace(/>\n {6}<failure[\s\S]*?<\/failure>\n {4}<\/testcase>/, "/>");
    expect(passing).not.toBe(xml);
    expect(mismatches(passing)).toMatch(/a\.level: outcome shows "passed", expected "failure"/);
    expect(mismatches(moveLine(xml, 'name="a.pipe: '))).toMatch(/testcases/);
  });

  it("report: behind by, the attention rows and their order, a section, an owner, due soon, changes", () => {
    const markdown = output(["report", ...inputs(report)], report);
    const inputsOf = { ...compared, byOwner: false };
    expect(reportMismatches(markdown, inputsOf, "en")).toEqual([]);
    const mismatches = (text: string) => reportMismatches(text, inputsOf, "en").join("\n");
    // a.newline: E 24.657… − A 20 = 4.657… behind; the level a.level: 5 位 − max 3 = 2 位.
    expect(mismatches(change(markdown, "| 4.66 |", "| 4.67 |"))).toMatch(
      /a\.newline: behind by shows "4.67", the JSON says 4.6575/,
    );
    expect(mismatches(change(markdown, "| 2 位 |", "| 3 位 |"))).toMatch(/a\.level: behind by/);
    expect(
      mismatches(moveLine(markdown, "| 🟡 yellow | Opening ceremony (a.milestone) |")),
    ).toMatch(/Needs attention.*targets in order/);
    // Red first: the yellow a.newline moved above the red a.level.
    expect(mismatches(moveLine(markdown, "| 🟡 yellow | Two<br>lines", "| 🔴 red | Rank"))).toMatch(
      /Needs attention.*targets in order/,
    );
    expect(mismatches(change(markdown, "| 🔴 red | a.level |", "| 🟢 green | a.level |"))).toMatch(
      /Levels › a\.level: status/,
    );
    expect(mismatches(change(markdown, "Score 80 · Place 2", "Score 81 · Place 2"))).toMatch(
      /By owner › Alpha: score/,
    );
    expect(mismatches(change(markdown, "| 2022-04-20 | 20 |", "| 2022-04-20 | 21 |"))).toMatch(
      /a\.milestone: days left/,
    );
    expect(mismatches(change(markdown, "| ⚪ grey | 🟢 green |", "| 🔴 red | 🟢 green |"))).toMatch(
      /a\.unowned: was/,
    );
  });

  it("report: the follow-up list, the chase list and the year at a glance, on the example", () => {
    const example = CASES.find((test) => test.name === "the example") as Case;
    const exampleJson = checkJson(example);
    const inputsOf = {
      json: exampleJson,
      previous: checkJson(example, previousMonthEnd(exampleJson.asOf)),
      rank: rankJson(example),
      byOwner: false,
      owners: ownersOf(example),
    };
    const markdown = output(["report", ...inputs(example)], example);
    expect(reportMismatches(markdown, inputsOf, "en")).toEqual([]);
    const mismatches = (text: string) => reportMismatches(text, inputsOf, "en").join("\n");
    // land.old-parks is red at 06-30 and was red at 05-31, each judged at its own date.
    expect(mismatches(moveLine(markdown, "| 🔴 red 2 months running |"))).toMatch(
      /land\.old-parks is not on the list/,
    );
    expect(
      mismatches(change(markdown, "| 🔴 red 2 months running |", "| 🔴 red 1 months running |")),
    ).toMatch(/Follow-up list.*running/);
    // Its June cell (the JSON of 06-30) and its May cell (the JSON of 05-31).
    const oldParks = "| 老旧园区累计改造提升 (land.old-parks) | 🟡 | 🟡 | 🟡 | 🟡 | 🔴 | 🔴 |";
    expect(mismatches(change(markdown, oldParks, oldParks.replace(/🔴 \|$/, "🟢 |")))).toMatch(
      /at each month-end: column 2022-06-30/,
    );
    expect(
      mismatches(change(markdown, oldParks, oldParks.replace("| 🔴 | 🔴 |", "| 🟡 | 🔴 |"))),
    ).toMatch(/at each month-end: column 2022-05-31/);

    const late = CASES.find((test) => test.name === "the example as of 2022-07-12") as Case;
    const lateJson = checkJson(late);
    const lateInputs = {
      json: lateJson,
      previous: checkJson(late, previousMonthEnd(lateJson.asOf)),
      rank: rankJson(late),
      byOwner: false,
      owners: ownersOf(late),
    };
    const chase = output(["report", ...inputs(late)], late);
    expect(reportMismatches(chase, lateInputs, "en")).toEqual([]);
    const lateMismatches = (text: string) => reportMismatches(text, lateInputs, "en").join("\n");
    expect(
      lateMismatches(
        change(
          chase,
          "(it was due by 07-10, 2 days overdue)",
          "(it was due by 07-11, 2 days overdue)",
        ),
      ),
    ).toMatch(/not received › 科技局: messages/);
    expect(lateMismatches(moveLine(chase, "科技局: please send"))).toMatch(/Reports to chase/);
  });

  it("report --by owner: the ranking table", () => {
    const markdown = output(["report", ...inputs(report), "--by", "owner"], report);
    const inputsOf = { ...compared, byOwner: true };
    expect(reportMismatches(markdown, inputsOf, "en")).toEqual([]);
    expect(
      reportMismatches(
        change(markdown, "| 1 | Epsilon | 100 |", "| 1 | Epsilon | 90 |"),
        inputsOf,
        "en",
      ).join("\n"),
    ).toMatch(/Owner ranking.*Epsilon: score/);
  });

  it("rank: a score in the table, a place in the markdown", () => {
    const table = output(["rank", ...inputs(report)], report);
    expect(rankTableMismatches(table, rank, "en")).toEqual([]);
    expect(
      rankTableMismatches(change(table, "│ 80    │", "│ 81    │"), rank, "en").join("\n"),
    ).toMatch(/Alpha: score shows "81"/);
    const markdown = output(["rank", ...inputs(report), "-f", "markdown"], report);
    expect(rankMarkdownMismatches(markdown, rank, "en")).toEqual([]);
    expect(
      rankMarkdownMismatches(change(markdown, "| 4 | Gamma |", "| 3 | Gamma |"), rank, "en").join(
        "\n",
      ),
    ).toMatch(/Gamma: place shows "3", expected "4"/);
  });

  it("list: a schedule value in the table and in the markdown", () => {
    const table = output(["list", "-t", report.targets], report);
    expect(listTableMismatches(table, list, "en")).toEqual([]);
    // a.pipe: 120 km from 0, its 2022-06-30 point is 60% of the way: 72 km.
    expect(
      listTableMismatches(change(table, "72 km  (60%)", "73 km  (60%)"), list, "en").join("\n"),
    ).toMatch(/a\.pipe: schedule value shows "73 km"/);
    const markdown = output(["list", "-t", report.targets, "-f", "markdown"], report);
    expect(listMarkdownMismatches(markdown, list, "en")).toEqual([]);
    expect(
      listMarkdownMismatches(change(markdown, "72 km  (60%)", "72 km  (50%)"), list, "en").join(
        "\n",
      ),
    ).toMatch(/a\.pipe: schedule share shows "50%"/);
  });
});
