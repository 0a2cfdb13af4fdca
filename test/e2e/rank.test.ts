/**
 * `kpi rank --period month|quarter|year` on the bundled example and its kpi.yaml (SPEC 6), the scores worked out by
 * hand from the statuses `kpi check --as-of <month-end>` gives, and every format read back against
 * the JSON.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../src/i18n/labels.js";
import { labelsFor } from "../../src/i18n/language.js";
import {
  type RankJson,
  rankMarkdownMismatches,
  rankTableMismatches,
  rankTitle,
} from "../output-vs-json.js";
import { REPO, runExample, runKpi } from "../run-kpi.js";

function rank(...args: string[]): RankJson {
  const { code, stdout, stderr } = runExample(["rank", ...args, "-f", "json"]);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  return JSON.parse(stdout);
}

function owner(json: RankJson, name: string) {
  const standing = json.owners.find((entry) => entry.owner === name);
  if (standing === undefined) throw new Error(`no ${name} in the ranking`);
  return standing;
}

/** Place, score, previous place, movement and its N of one owner. */
const row = (json: RankJson, name: string) => {
  const { place, score, previousPlace, movement, movementBy } = owner(json, name);
  return [place, score, previousPlace, movement, movementBy];
};

describe("kpi rank --period quarter (一季一评比) on the bundled example, as of 2022-06-30", () => {
  const json = rank("--as-of", "2022-06-30", "--period", "quarter");

  it("is the mean over 04-30, 05-31 and 06-30; the movement is from Q1 as of 03-31", () => {
    expect(json).toMatchObject({
      schemaVersion: 2,
      asOf: "2022-06-30",
      period: "quarter",
      evaluatedAt: ["2022-04-30", "2022-05-31", "2022-06-30"],
      previousAsOf: "2022-03-31",
    });
  });

  it("scores worked out by hand", () => {
    // 发改局 owns government-share, city-rank and gdp-rank. 04-30: all green, 100. 05-31: green,
    // green and gdp-rank's report missing (0): 200 ÷ 3. 06-30: green, green, yellow: 260 ÷ 3.
    // Mean: (300 + 200 + 260) ÷ 9 = 760 ÷ 9 = 84.44. Q1 (01-31: red, red, gdp-rank not due yet:
    // 0; 02-28: red, green, missing: 100 ÷ 3; 03-31: yellow, green, green: 260 ÷ 3):
    // (0 + 360 ÷ 3) ÷ 3 = 40, 12th with 商务局: up 3.
    expect(row(json, "发改局")).toEqual([9, 84.44, 12, "up", 3]);
    // 应急管理局: 100, 100, (100 + 100 + 60) ÷ 3: (600 + 260) ÷ 9 = 95.56; Q1 all green, 1st.
    expect(row(json, "应急管理局")).toEqual([7, 95.56, 1, "down", 6]);
    // 国企 (government-share): green ×3 = 100, tied 1st; Q1 red, red, yellow: 20, 14th.
    expect(row(json, "国企")).toEqual([1, 100, 14, "up", 13]);
    // 商务局 (above-scale-projects): yellow, yellow, green: 220 ÷ 3 = 73.33; Q1 y, y, r: 40.
    expect(row(json, "商务局")).toEqual([11, 73.33, 12, "up", 1]);
    // 科技局: its R&D report is missing at every month-end: 0, tied 14th with 征迁 and 经开区;
    // Q1 0 too (01-31 not due yet, then missing), 15th behind 国企's 20.
    expect(row(json, "科技局")).toEqual([14, 0, 15, "up", 1]);
  });

  it("places 1 ×6, then 7, 8, …; ties in the order of kpi.yaml's owners:", () => {
    expect(json.owners.map((entry) => entry.place)).toEqual([
      1, 1, 1, 1, 1, 1, 7, 8, 9, 10, 11, 12, 13, 14, 14, 14,
    ]);
    // kpi.yaml lists 国企 6th, 税务局 11th, 财政局 12th, 县府办 13th, 生态环境分局 14th and
    // 亚运承办工作专班 16th; code-unit order would put 亚运 first.
    expect(json.owners.slice(0, 6).map((entry) => entry.owner)).toEqual([
      "国企",
      "税务局",
      "财政局",
      "县府办",
      "生态环境分局",
      "亚运承办工作专班",
    ]);
    // Tied at 0: 科技局 (1st in owners:), 征迁安置攻坚工作专班 (7th), 经开区 (9th).
    expect(json.owners.slice(13).map((entry) => entry.owner)).toEqual([
      "科技局",
      "征迁安置攻坚工作专班",
      "经开区",
    ]);
  });
});

describe("kpi rank --period year (全年总排名) on the bundled example, as of 2022-06-30", () => {
  const json = rank("--as-of", "2022-06-30", "--period", "year");

  it("is the mean over the six month-ends; no owner had a score in 2021: all new", () => {
    expect(json.evaluatedAt).toEqual([
      "2022-01-31",
      "2022-02-28",
      "2022-03-31",
      "2022-04-30",
      "2022-05-31",
      "2022-06-30",
    ]);
    expect(json.previousAsOf).toBe("2021-12-31");
    expect(new Set(json.owners.map((entry) => entry.movement))).toEqual(new Set(["new"]));
    expect(new Set(json.owners.map((entry) => entry.previousPlace))).toEqual(new Set([null]));
  });

  it("scores worked out by hand", () => {
    // 国企: red, red, yellow, green, green, green: (0 + 0 + 60 + 300) ÷ 6 = 60.
    expect(owner(json, "国企").score).toBe(60);
    // 征迁安置攻坚工作专班 (demolition-holdouts): green, green, then red (missed): 200 ÷ 6 = 33.33.
    expect(owner(json, "征迁安置攻坚工作专班").score).toBe(33.33);
    // 统计局 (city-rank, gdp-rank): 01-31 red, gdp not due: 0; 02-28 green + missing: 50; 03-31
    // and 04-30: 100; 05-31 green + missing: 50; 06-30 green + yellow: 80. 380 ÷ 6 = 63.33.
    expect(owner(json, "统计局").score).toBe(63.33);
  });
});

describe("kpi rank --period month (一月一亮晒), the default", () => {
  it("is the scores at T, with the movement since the previous month-end", () => {
    const json = rank("--as-of", "2022-06-30");
    expect(json).toMatchObject({
      period: "month",
      evaluatedAt: ["2022-06-30"],
      previousAsOf: "2022-05-31",
    });
    // 应急管理局 at 06-30: green, green, yellow: 260 ÷ 3 = 86.67, 9th; at 05-31 all green, 1st.
    expect(row(json, "应急管理局")).toEqual([9, 86.67, 1, "down", 8]);
    // 项目双进双产专班: green, yellow, red: 160 ÷ 3 = 53.33, 13th; at 05-31 yellow, yellow, red:
    // 40, 12th.
    expect(row(json, "项目双进双产专班")).toEqual([13, 53.33, 12, "down", 1]);
  });

  it("early in a quarter, no month-end passed: T alone; with nothing due, no owner has a score", () => {
    const json = rank("--as-of", "2022-01-15", "--period", "quarter");
    expect(json.evaluatedAt).toEqual(["2022-01-15"]);
    // No row is dated by 01-15 and nothing is due before 02-10: every result is grey and none
    // late, so every owner shares the last place, 1, with no previous place and no movement.
    expect(
      new Set(
        json.owners.map((entry) =>
          [entry.score, entry.place, entry.previousPlace, entry.movement].join(),
        ),
      ),
    ).toEqual(new Set([",1,,same"]));
  });
});

describe("every format of every period says what the JSON says", () => {
  const cases = [
    ["2022-06-30", "month"],
    ["2022-06-30", "quarter"],
    ["2022-06-30", "year"],
    ["2022-01-15", "quarter"],
  ] as const;
  it.each(
    cases.flatMap(([asOf, period]) => LANGUAGES.map((language) => ({ asOf, period, language }))),
  )(
    "--as-of $asOf --period $period, table and markdown ($language)",
    ({ asOf, period, language }) => {
      const args = ["rank", "--as-of", asOf, "--period", period, "--lang", language];
      const json = rank("--as-of", asOf, "--period", period);
      const table = runExample(args);
      expect(rankTableMismatches(table.stdout, json, language)).toEqual([]);
      const markdown = runExample([...args, "-f", "markdown"]);
      expect(rankMarkdownMismatches(markdown.stdout, json, language)).toEqual([]);
      expect(runExample([...args, "-f", "json"]).stdout).toBe(`${JSON.stringify(json, null, 2)}\n`);
    },
  );

  it("the headings in Chinese: 一月一亮晒, 一季一评比, 全年总排名", () => {
    const zh = labelsFor("zh");
    const title = (period: "month" | "quarter" | "year") =>
      rankTitle(rank("--as-of", "2022-06-30", "--period", period), zh);
    expect(title("month")).toBe("一月一亮晒：责任单位排名（截至 2022-06-30）");
    expect(title("quarter")).toBe("一季一评比：2022年第二季度责任单位排名（截至 2022-06-30）");
    expect(title("year")).toBe("全年总排名：2022年责任单位排名（截至 2022-06-30）");
    const table = runExample([
      "rank",
      "--as-of",
      "2022-06-30",
      "--period",
      "quarter",
      "--lang",
      "zh",
    ]);
    expect(table.stdout.split("\n")[0]).toBe(
      "一季一评比：2022年第二季度责任单位排名（截至 2022-06-30）",
    );
  });

  it("a period that is not month, quarter or year is refused", () => {
    const run = runExample(["rank", "--period", "week"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/week/);
  });
});

describe("a data repository with kpi.yaml: weights, its own points, a late department (test/fixtures/scoring)", () => {
  const cwd = join(REPO, "test/fixtures/scoring");
  const inRepository = (...args: string[]): RankJson => {
    const { code, stdout, stderr } = runKpi(["rank", ...args, "-f", "json"], { cwd });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    return JSON.parse(stdout);
  };
  const standings = (json: RankJson) =>
    json.owners.map((entry) => [entry.place, entry.owner, entry.score, entry.movement]);

  // Points: green 100, red 10, missing 0, late_penalty 20. Statuses (kpi check --as-of):
  //   01-31: a.level green, a.progress green, b.level green; c, d not due (left out).
  //   02-28: a.level red (20 > max 10), a.progress green, b.level green.
  //   03-31: a.level green; a.progress green but late (its February report is missing): 100 − 20
  //          = 80; b.level late and grey: 0; c.level and d.level red: 10.
  it("the month as of 03-31 (kpi.yaml's as_of: latest-data), with the movement since 02-28", () => {
    const json = inRepository();
    expect(json.asOf).toBe("2022-03-31");
    expect(json.scores).toEqual({ green: 100, yellow: 60, red: 10, missing: 0, latePenalty: 20 });
    // 甲局: (2 × 100 + 1 × 80) ÷ 3 = 93.33 (a.level weighs 2); at 02-28 (2 × 10 + 100) ÷ 3 = 40.
    // 乙局: (80 + 0) ÷ 2 = 40; at 02-28 (100 + 100) ÷ 2 = 100. 丙局, 丁局: 10, no score before.
    // 丙局 and 丁局 tie: owners: lists 丙局 first, although 丁 comes first in code units.
    expect(standings(json)).toEqual([
      [1, "甲局", 93.33, "up"],
      [2, "乙局", 40, "down"],
      [3, "丙局", 10, "new"],
      [3, "丁局", 10, "new"],
    ]);
  });

  it("the quarter and the year: means over 01-31, 02-28 and 03-31", () => {
    // 甲局: (100 + 40 + 280 ÷ 3) ÷ 3 = 700 ÷ 9 = 77.78; 乙局: (100 + 100 + 40) ÷ 3 = 80;
    // 丙局, 丁局: only 03-31 counts: 10.
    const expected = [
      [1, "乙局", 80, "new"],
      [2, "甲局", 77.78, "new"],
      [3, "丙局", 10, "new"],
      [3, "丁局", 10, "new"],
    ];
    expect(standings(inRepository("--period", "quarter"))).toEqual(expected);
    expect(standings(inRepository("--period", "year"))).toEqual(expected);
  });

  it("due_days is the project's in check and rank alike: with 40 days, nothing is late on 03-31", () => {
    const check = runKpi(["check", "--config", "kpi-due-40.yaml", "-f", "json"], { cwd });
    const results: { id: string; status: string; late: boolean }[] = JSON.parse(
      check.stdout,
    ).results;
    expect(results.map((result) => [result.id, result.status, result.late])).toEqual([
      ["a.level", "green", false],
      ["a.progress", "green", false],
      ["b.level", "green", false],
      ["c.level", "red", false],
      ["d.level", "red", false],
    ]);
    // 甲局 (200 + 100) ÷ 3 = 100 and 乙局 (100 + 100) ÷ 2 = 100 tie: owners: lists 乙局 first.
    expect(standings(inRepository("--config", "kpi-due-40.yaml"))).toEqual([
      [1, "乙局", 100, "same"],
      [1, "甲局", 100, "up"],
      [3, "丙局", 10, "new"],
      [3, "丁局", 10, "new"],
    ]);
  });
});
