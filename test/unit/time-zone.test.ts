/**
 * What "today" is (SPEC 4, 7): the calendar date an instant falls on in the project's time zone, a
 * pure function of the instant and the zone.
 */
import { describe, expect, it } from "vitest";
import { asOfDate } from "../../src/core/project.js";
import { canonicalTimeZone, dayInTimeZone, suggestTimeZone } from "../../src/core/time-zone.js";
import { day, rows } from "../helpers.js";

const at = (iso: string) => Date.parse(iso);

describe("dayInTimeZone: the date of an instant in a zone", () => {
  it.each([
    // 16:30 UTC on June 30 is 00:30 on July 1 in Shanghai (UTC+8), still June 30 in New York (UTC−4).
    ["2022-06-30T16:30:00Z", "Asia/Shanghai", "2022-07-01"],
    ["2022-06-30T16:30:00Z", "UTC", "2022-06-30"],
    ["2022-06-30T16:30:00Z", "America/New_York", "2022-06-30"],
    // 15:59:59 UTC is 23:59:59 in Shanghai: the last second of June 30.
    ["2022-06-30T15:59:59Z", "Asia/Shanghai", "2022-06-30"],
    ["2022-06-30T16:00:00Z", "Asia/Shanghai", "2022-07-01"],
    // 03:00 UTC on July 1 is 20:00 on June 30 in Los Angeles (UTC−7 in summer).
    ["2022-07-01T03:00:00Z", "America/Los_Angeles", "2022-06-30"],
    // Summer time begins in New York at 07:00 UTC on 2022-03-13: 06:30 UTC is 01:30 EST that day.
    ["2022-03-13T06:30:00Z", "America/New_York", "2022-03-13"],
    // Kiritimati is UTC+14: the new year comes there first.
    ["2022-12-31T10:00:00Z", "Pacific/Kiritimati", "2023-01-01"],
    // Etc/GMT-8 is UTC+8 (the POSIX sign is reversed).
    ["2022-03-31T16:00:00Z", "Etc/GMT-8", "2022-04-01"],
    // A leap day.
    ["2024-02-29T12:00:00Z", "Asia/Shanghai", "2024-02-29"],
  ])("%s in %s is %s", (instant, zone, date) => {
    expect(dayInTimeZone(at(instant), zone)).toBe(day(date));
  });

  it("is the same for the same instant and zone, whatever the machine's zone", () => {
    const instant = at("2022-06-30T16:30:00Z");
    expect(dayInTimeZone(instant, "Asia/Shanghai")).toBe(dayInTimeZone(instant, "Asia/Shanghai"));
    expect(dayInTimeZone(instant, "Asia/Shanghai") - dayInTimeZone(instant, "UTC")).toBe(1);
  });
});

describe("canonicalTimeZone: an IANA zone by its canonical name, or null", () => {
  it.each([
    ["Asia/Shanghai", "Asia/Shanghai"],
    ["asia/shanghai", "Asia/Shanghai"],
    ["UTC", "UTC"],
    ["utc", "UTC"],
    ["Etc/GMT-8", "Etc/GMT-8"],
  ])("%s → %s", (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
  });

  it.each(["Asia/Beijing", "CST", "EST", "PRC", "+08:00", "", "Mars/Olympus"])(
    "%j is no zone",
    (name) => {
      expect(canonicalTimeZone(name)).toBeNull();
    },
  );

  it("suggests the zone a name most likely means", () => {
    expect(suggestTimeZone("Asia/Beijing")).toBe("Asia/Shanghai");
    expect(suggestTimeZone("beijing")).toBe("Asia/Shanghai");
    expect(suggestTimeZone("Asia/Shanghia")).toBe("Asia/Shanghai");
    expect(suggestTimeZone("Mars/Olympus")).toBeNull();
  });
});

describe("asOfDate: the as-of date of a setting (SPEC 4)", () => {
  const observations = new Map([
    ["a", rows(["2022-03-31", 1], ["2022-05-31", 2])],
    ["b", rows(["2022-04-30", 1])],
  ]);
  const today = () => day("2022-07-05");

  it("a date is that date", () => {
    expect(asOfDate({ kind: "date", day: day("2022-06-30") }, observations, today)).toBe(
      day("2022-06-30"),
    );
  });

  it("latest-data is the latest row of any target (v1), today when there is none", () => {
    expect(asOfDate({ kind: "latest-data" }, observations, today)).toBe(day("2022-05-31"));
    expect(asOfDate({ kind: "latest-data" }, new Map(), today)).toBe(day("2022-07-05"));
  });

  it("today is today, whatever the data", () => {
    expect(asOfDate({ kind: "today" }, observations, today)).toBe(day("2022-07-05"));
  });
});
