import { describe, expect, it } from "vitest";
import { formatDay } from "../../src/core/dates.js";
import { Evaluations, monthEndsOfQuarterTo, monthEndsOfYearTo } from "../../src/core/month-ends.js";
import { day, rows, targetsFrom } from "../helpers.js";

describe("month-ends of a period up to T (SPEC 6)", () => {
  it("the year's month-ends on or before T; T itself when it is one", () => {
    expect(monthEndsOfYearTo(day("2022-03-15")).map(formatDay)).toEqual([
      "2022-01-31",
      "2022-02-28",
    ]);
    expect(monthEndsOfYearTo(day("2022-03-31")).map(formatDay)).toEqual([
      "2022-01-31",
      "2022-02-28",
      "2022-03-31",
    ]);
    expect(monthEndsOfYearTo(day("2022-01-30"))).toEqual([]);
  });

  it("the quarter's month-ends on or before T", () => {
    expect(monthEndsOfQuarterTo(day("2022-05-31")).map(formatDay)).toEqual([
      "2022-04-30",
      "2022-05-31",
    ]);
    expect(monthEndsOfQuarterTo(day("2022-04-15"))).toEqual([]);
    expect(monthEndsOfQuarterTo(day("2022-12-31")).map(formatDay)).toEqual([
      "2022-10-31",
      "2022-11-30",
      "2022-12-31",
    ]);
  });
});

describe("Evaluations", () => {
  it("evaluates once per date, with rows after it unused", () => {
    const targets = targetsFrom("year: 2022\ntargets: [{ id: p, title: P, target: 130 }]");
    const evaluations = new Evaluations(
      targets,
      new Map([["p", rows(["2022-01-31", 10], ["2022-02-28", 20])]]),
    );
    const january = evaluations.at(day("2022-01-31"));
    expect(january.results[0]?.actual).toBe(10);
    expect(evaluations.at(day("2022-01-31"))).toBe(january);
    expect(evaluations.at(day("2022-02-28")).results[0]?.actual).toBe(20);
  });
});
