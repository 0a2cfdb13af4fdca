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
    ["2022.3.31", "2022-03-31"],
    ["20220331", "2022-03-31"],
    ["2022/3/31 0:00", "2022-03-31"],
    ["2022-03-31 00:00:00", "2022-03-31"],
    ["2022-03-31T00:00", "2022-03-31"],
    ["2022-03-31T00:00:00.000", "2022-03-31"],
    ["2022年3月31日 00:00", "2022-03-31"],
    ["2022年一季度", "2022-03-31"],
    ["2022年第二季度", "2022-06-30"],
    ["2022年3季度", "2022-09-30"],
    ["2022年第4季度", "2022-12-31"],
    ["2022年上半年", "2022-06-30"],
    ["2022年下半年", "2022-12-31"],
    ["２０２２-０３-３１", "2022-03-31"],
    ["2022年３月", "2022-03-31"],
    ["\u30002022-03\u3000", "2022-03-31"],
  ])("(v2) reads %s as %s", (text, expected) => {
    const parsed = parseDate(text);
    expect(parsed.ok && formatDay(parsed.day)).toBe(expected);
    expect(parsed.ok && parsed.months).toBeUndefined();
  });

  it.each([
    ["2022年1-3月", "2022-03-31", 1, 3],
    ["2022年1至3月", "2022-03-31", 1, 3],
    ["2022年1—3月", "2022-03-31", 1, 3],
    ["2022年4－6月", "2022-06-30", 4, 6],
    ["2022年1月-2月", "2022-02-28", 1, 2],
    ["2024年1-2月", "2024-02-29", 1, 2],
  ])("(v2) reads the month range %s as %s, months %d to %d", (text, expected, first, last) => {
    const parsed = parseDate(text);
    expect(parsed.ok && formatDay(parsed.day)).toBe(expected);
    expect(parsed.ok && parsed.months).toEqual({ first, last });
  });

  it.each(["2022年3-1月", "2022年3-3月", "2022年1-13月", "2022年0-3月", "20220230"])(
    "(v2) refuses the impossible %s",
    (text) => expect(parseDate(text)).toEqual({ ok: false, error: "impossible" }),
  );

  it.each([
    ["2022-03-31 08:30", "time-of-day", "2022-03-31"],
    ["2022/3/31 23:59:59", "time-of-day", "2022-03-31"],
    ["2022-03-31T00:00:00.001", "time-of-day", "2022-03-31"],
    ["22-3-31", "two-digit-year", "2022-03-31"],
    ["22/03/31", "two-digit-year", "2022-03-31"],
    ["22年3月", "two-digit-year", "2022-03-31"],
    ["3/31/2022", "year-last", "2022-03-31"],
    ["31/03/2022", "year-last", "2022-03-31"],
    ["31.03.2022", "year-last", "2022-03-31"],
    ["3/31/22", "year-last", "2022-03-31"],
    ["03/04/2022", "year-last", null],
    ["44651", "bare-number", "2022-03-31"],
    ["44651.0", "bare-number", "2022-03-31"],
    ["2022", "bare-number", null],
    ["2022.03", "bare-number", null],
  ])("(v2) refuses %s as %s, suggesting %s", (text, error, suggestion) => {
    const parsed = parseDate(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toBe(error);
    expect(parsed.suggestion === undefined ? null : formatDay(parsed.suggestion)).toBe(suggestion);
  });

  it.each([
    "",
    "2022-Q5",
    "March 2022",
    "2022-03-31 25:00",
    "2022-03 00:00",
    "2022-03-31T00:00Z",
    "2022年五季度",
    "2022年中半年",
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
