/**
 * Time zones, for what "today" means (SPEC 4 and 7): a calendar date is the day an instant falls
 * on in an IANA zone. Pure: the instant is passed in; the zone data are the platform's (Intl).
 */
import { type Day, dayFromCivil } from "./dates.js";
import { closestMatch } from "./suggest.js";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The zone's canonical name (`asia/shanghai` → `Asia/Shanghai`), or null when it is none. A zone is
 * an Area/Location name (`Asia/Shanghai`, `Etc/GMT-8`) or UTC: the platform also takes legacy
 * abbreviations, and `CST` would be read as America/Chicago, not as China Standard Time.
 */
export function canonicalTimeZone(name: string): string | null {
  if (!name.includes("/") && !/^(utc|gmt)$/i.test(name)) return null;
  try {
    return formatterOf(name).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The zone a name that is none most likely means (a misspelling), or null. */
export function suggestTimeZone(name: string): string | null {
  // China's zone is named after Shanghai: Asia/Beijing, a common guess, is no zone.
  if (/^(asia\/)?(beijing|peking)$/i.test(name.trim())) return "Asia/Shanghai";
  return closestMatch(name.trim(), [...Intl.supportedValuesOf("timeZone"), "UTC"]) ?? null;
}

/** The calendar date of `instant` (milliseconds since 1970) in `timeZone`, a valid IANA zone. */
export function dayInTimeZone(instant: number, timeZone: string): Day {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of formatterOf(timeZone).formatToParts(instant)) {
    if (part.type === "year") year = Number(part.value);
    else if (part.type === "month") month = Number(part.value);
    else if (part.type === "day") day = Number(part.value);
  }
  return dayFromCivil(year, month, day);
}
