/**
 * SPEC 4 (v2): "A row dated after today is a warning" — at the row, in both languages, capped per
 * file; rows dated after the as-of date T but not after today are ignored without a word (they
 * are what a month-end evaluation made again later does not use).
 */
import { describe, expect, it } from "vitest";
import { futureRowWarnings } from "../../src/core/future-rows.js";
import { MAX_PROBLEMS_PER_FILE } from "../../src/core/problems.js";
import { labelsFor } from "../../src/i18n/language.js";
import { formatProblem } from "../../src/i18n/problem-text.js";
import { day, readCsvTexts, targetsFrom } from "../helpers.js";

const targets = targetsFrom(`
year: 2023
targets:
  - { id: invest, title: 固投, target: 130 }
  - { id: rank, kind: level, title: 排名, max: 3 }
`);

function warningsOf(text: string, today: string, lang: "en" | "zh" = "en") {
  const data = readCsvTexts([{ file: "a.csv", chunks: [text] }], targets);
  expect(data.problems).toEqual([]);
  return futureRowWarnings(targets, data.observations, day(today)).map((problem) =>
    formatProblem(problem, labelsFor(lang)),
  );
}

describe("SPEC 4: a row dated after today is a warning", () => {
  const text =
    "target,date,value\ninvest,2023-06-30,80\ninvest,2032-06-30,90\nrank,2023-07-31,2\nrank,2023-07-05,2\n";

  it("at the row, naming the target, its date and today", () => {
    // Today 2023-07-05: 2032-06-30 (a slip of the year) and 2023-07-31 are after it; 07-05 is not.
    expect(warningsOf(text, "2023-07-05")).toEqual([
      "a.csv:3:1: warning: invest has a row dated 2032-06-30, after today (2023-07-05): it is not used while the as-of date is before it. A slip of the year or the month?",
      "a.csv:4:1: warning: rank has a row dated 2023-07-31, after today (2023-07-05): it is not used while the as-of date is before it. A slip of the year or the month?",
    ]);
    expect(warningsOf(text, "2023-07-05", "zh")).toEqual([
      "a.csv:3:1: 警告：invest 有一行日期为 2032-06-30，晚于今天（2023-07-05）：统计日早于该日时不使用这一行。年份或月份是否写错？",
      "a.csv:4:1: 警告：rank 有一行日期为 2023-07-31，晚于今天（2023-07-05）：统计日早于该日时不使用这一行。年份或月份是否写错？",
    ]);
  });

  it("a row dated today is no warning, nor one dated before it", () => {
    expect(warningsOf(text, "2032-06-30")).toEqual([]);
  });

  it("lists a file's first 50, then counts the rest at the first left out", () => {
    const lines = Array.from(
      { length: MAX_PROBLEMS_PER_FILE + 3 },
      (_, index) => `invest,${2024 + index}-12-31,${index}`,
    );
    const warnings = warningsOf(`target,date,value\n${lines.join("\n")}\n`, "2023-07-05");
    expect(warnings).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    // The 51st row is on line 52 (the header is line 1).
    expect(warnings.at(-1)).toBe(
      "a.csv:52:1: warning: 3 more rows in this file are dated after today",
    );
  });
});
