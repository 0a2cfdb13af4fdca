import { formatISO } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  civilFromDay,
  dayFromCivil,
  endOfQuarter,
  formatDay,
  monthIndex,
  parseDate,
  parseIsoDate,
} from "../../src/core/dates.js";

const day = (text: string) => {
  const parsed = parseIsoDate(text);
  if (!parsed.ok) throw new Error(`bad date ${text}`);
  return parsed.day;
};

describe("day numbers", () => {
  it("count days from 1970-01-01", () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(dayFromCivil(2022, 3, 31) - dayFromCivil(2021, 12, 31)).toBe(90);
    expect(dayFromCivil(2022, 6, 30) - dayFromCivil(2022, 3, 31)).toBe(91);
  });

  it("agree with date-fns on UTC dates, whatever the machine's time zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromCivil(1900, 1, 1), max: dayFromCivil(2200, 12, 31) }),
        (n) => {
          const utc = new Date(n * 86_400_000);
          expect(formatDay(n)).toBe(
            formatISO(new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate()), {
              representation: "date",
            }),
          );
        },
      ),
    );
  });

  it("round-trip through civil dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (n) => {
        const { year, month, day: d } = civilFromDay(n);
        expect(dayFromCivil(year, month, d)).toBe(n);
      }),
    );
  });

  it("put quarter ends and months where the calendar does", () => {
    expect(formatDay(endOfQuarter(2022, 1))).toBe("2022-03-31");
    expect(formatDay(endOfQuarter(2022, 2))).toBe("2022-06-30");
    expect(formatDay(endOfQuarter(2024, 4))).toBe("2024-12-31");
    expect(monthIndex(day("2022-03-01"))).toBe(monthIndex(day("2022-03-31")));
    expect(monthIndex(day("2022-02-28"))).toBe(monthIndex(day("2022-03-01")) - 1);
  });
});

describe("parseDate (SPEC section 3)", () => {
  it.each([
    ["2022-03-31", "2022-03-31"],
    ["2022/3/31", "2022-03-31"],
    ["2022/03/31", "2022-03-31"],
    ["2022年3月31日", "2022-03-31"],
    [" 2022-03-31 ", "2022-03-31"],
    ["2022-03", "2022-03-31"],
    ["2022/03", "2022-03-31"],
    ["2022年3月", "2022-03-31"],
    ["2022-02", "2022-02-28"],
    ["2024-02", "2024-02-29"],
    ["2022-Q1", "2022-03-31"],
    ["2022Q1", "2022-03-31"],
    ["2022-Q2", "2022-06-30"],
    ["2022Q4", "2022-12-31"],
  ])("reads %s as %s", (text, expected) => {
    const parsed = parseDate(text);
    expect(parsed.ok && formatDay(parsed.day)).toBe(expected);
  });

  it.each([
    "2022-02-29",
    "2022-02-30",
    "2022-13-01",
    "2022-00-10",
    "2022/4/31",
    "2022年2月30日",
    "2022-13",
  ])("refuses the impossible date %s", (text) =>
    expect(parseDate(text)).toEqual({ ok: false, error: "impossible" }),
  );

  it.each([
    "",
    "31/03/2022",
    "2022-Q5",
    "2022.03.31",
    "March 2022",
    "20220331",
    "2022-03-31T00:00",
    "1e999",
  ])("refuses %j as not a date", (text) =>
    expect(parseDate(text)).toEqual({ ok: false, error: "format" }),
  );

  it("gives back the date it formatted, in every form", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromCivil(1000, 1, 1), max: dayFromCivil(9999, 12, 31) }),
        (n) => {
          const { year, month, day: d } = civilFromDay(n);
          for (const text of [formatDay(n), `${year}/${month}/${d}`, `${year}年${month}月${d}日`]) {
            expect(parseDate(text)).toEqual({ ok: true, day: n });
          }
        },
      ),
    );
  });
});
