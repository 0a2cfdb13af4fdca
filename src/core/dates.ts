/**
 * Calendar dates as whole day numbers (days since 1970-01-01), with no time of day and no time
 * zone. Every date in kpi means "the end of that day", so plain integers compare, subtract and
 * interpolate exactly, and no result can depend on the machine's zone or the JavaScript `Date`.
 */

/** A calendar date as the number of days since 1970-01-01. */
export type Day = number;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

// Days-from-civil and its inverse for the proleptic Gregorian calendar, in the era form that needs
// no tables and no Date object (H. Hinnant, "chrono-compatible low-level date algorithms").
/** The day number of a year, month (1–12) and day of month; the date must be valid. */
export function dayFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The year, month and day of month of a day number. */
export function civilFromDay(dayNumber: Day): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The last day of a month. */
export function endOfMonth(year: number, month: number): Day {
  return dayFromCivil(year, month, daysInMonth(year, month));
}

/** The last day of quarter 1–4 of a year. */
export function endOfQuarter(year: number, quarter: number): Day {
  return endOfMonth(year, quarter * 3);
}

/** A count of months that orders calendar months: equal for two days of the same month. */
export function monthIndex(dayNumber: Day): number {
  const { year, month } = civilFromDay(dayNumber);
  return year * 12 + (month - 1);
}

/** `YYYY-MM-DD`. */
export function formatDay(dayNumber: Day): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Why a date string was refused: not a date form at all, or a form with an impossible date. */
export type DateError = "format" | "impossible";

export type DateParse = { ok: true; day: Day } | { ok: false; error: DateError };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A strict `YYYY-MM-DD` calendar date, the form target files use. */
export function parseIsoDate(text: string): DateParse {
  const match = ISO_DATE.exec(text);
  if (!match) return { ok: false, error: "format" };
  return checkedDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

function checkedDay(year: number, month: number, day: number): DateParse {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, error: "impossible" };
  }
  return { ok: true, day: dayFromCivil(year, month, day) };
}

// The other forms of SPEC section 3, tried in order after the fast path. A month or a quarter
// means its last day. 年, 月 and 日 are written \u5e74, \u6708 and \u65e5: the bundle stays
// ASCII, which Node.js reads faster (scripts/build.js checks it).
const DAY_FORMS = [
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\u5e74(\d{1,2})\u6708(\d{1,2})\u65e5$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
];
const MONTH_FORMS = [
  /^(\d{4})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})$/,
  /^(\d{4})\u5e74(\d{1,2})\u6708$/,
];
const QUARTER_FORM = /^(\d{4})-?[Qq]([1-4])$/;

/**
 * A date in any form of SPEC section 3: `2022-03-31`, `2022/3/31`, `2022年3月31日`, a month
 * (`2022-03`, `2022/03`, `2022年3月`: its last day) or a quarter (`2022-Q1`, `2022Q1`: its last day).
 * Surrounding spaces are ignored.
 */
export function parseDate(text: string): DateParse {
  const fast = parseIsoFast(text);
  if (fast !== undefined) return fast;
  const trimmed = text.trim();
  for (const form of DAY_FORMS) {
    const match = form.exec(trimmed);
    if (match) return checkedDay(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  for (const form of MONTH_FORMS) {
    const match = form.exec(trimmed);
    if (match) {
      const year = Number(match[1]);
      const month = Number(match[2]);
      if (year < 1 || month < 1 || month > 12) return { ok: false, error: "impossible" };
      return { ok: true, day: endOfMonth(year, month) };
    }
  }
  const quarter = QUARTER_FORM.exec(trimmed);
  if (quarter) {
    const year = Number(quarter[1]);
    if (year < 1) return { ok: false, error: "impossible" };
    return { ok: true, day: endOfQuarter(year, Number(quarter[2])) };
  }
  return { ok: false, error: "format" };
}

/**
 * `YYYY-MM-DD` read from character codes: the form of nearly every data row, so it skips the
 * regular expressions. Returns undefined for anything else, which the general path then reads.
 */
function parseIsoFast(text: string): DateParse | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45)
    return undefined;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    if (i < 4) year = year * 10 + digit;
    else if (i < 7) month = month * 10 + digit;
    else day = day * 10 + digit;
  }
  return checkedDay(year, month, day);
}
