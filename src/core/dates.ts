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

/**
 * Why a date string was refused: not a date form at all, or a form with an impossible date; or
 * (SPEC 3, v2) a form that is refused with what to write instead: a time of day other than
 * midnight, a two-digit year, the year last (`3/31/2022`), a bare number (`44651`).
 */
export type DateError =
  | "format"
  | "impossible"
  | "time-of-day"
  | "two-digit-year"
  | "year-last"
  | "bare-number";

/** The months a month range (`2022年4-6月`) covers, 1–12, first < last. */
export interface MonthRange {
  first: number;
  last: number;
}

export type DateParse =
  | {
      ok: true;
      day: Day;
      /** A month range's months: whether its row is a total to date or a period's own amount. */
      months?: MonthRange;
      /**
       * The months a quarter or a half year names (`2022年二季度`: 4 to 6): a date for any target,
       * and for one that adds up its rows the period its amount is for.
       */
      covers?: MonthRange;
    }
  | {
      ok: false;
      error: DateError;
      /** The date the text most likely means, to say what to write instead; when there is one. */
      suggestion?: Day;
    };

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

// The other forms of SPEC section 3, tried in order after the fast path. A month, quarter, half
// year or month range means its last day. Chinese characters are written as escapes (年 \u5e74,
// 月 \u6708, 日 \u65e5, 季度 \u5b63\u5ea6, 第 \u7b2c, 上/下半年 \u4e0a/\u4e0b\u534a\u5e74, 至 \u81f3,
// 到 \u5230): the bundle stays ASCII, which Node.js reads faster (scripts/build.js checks it).
const DAY_FORMS = [
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\u5e74(\d{1,2})\u6708(\d{1,2})\u65e5$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];
const MONTH_FORMS = [
  /^(\d{4})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})$/,
  /^(\d{4})\u5e74(\d{1,2})\u6708$/,
];
const QUARTER_FORM = /^(\d{4})-?[Qq]([1-4])$/;
/** `2022年一季度`, `2022年第一季度`, `2022年1季度`. */
const CHINESE_QUARTER = /^(\d{4})\u5e74\u7b2c?([1-4\u4e00\u4e8c\u4e09\u56db])\u5b63\u5ea6$/;
const CHINESE_QUARTER_NUMBERS = "\u4e00\u4e8c\u4e09\u56db";
/** `2022年上半年` (06-30), `2022年下半年` (12-31). */
const HALF_YEAR = /^(\d{4})\u5e74([\u4e0a\u4e0b])\u534a\u5e74$/;
/** `2022年1-3月`, `2022年1至3月`, `2022年1—3月` (any dash, 至 or 到; 月 after the first month too). */
const MONTH_RANGE =
  /^(\d{4})\u5e74(\d{1,2})\u6708?\s*[-\u2010-\u2015~\u81f3\u5230]\s*(\d{1,2})\u6708$/;
/** A date, then a time of day after a space or `T`: hours, minutes, and maybe seconds and a fraction. */
const WITH_TIME = /^(.+?)(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
/** A year of two digits first: `22-3-31`, `22/3/31`, `22.3.31`, `22年3月31日`, `22年3月`. */
const TWO_DIGIT_YEAR = [
  /^(\d{2})([-/.])(\d{1,2})\2(\d{1,2})$/,
  /^(\d{2})\u5e74(\d{1,2})\u6708(?:(\d{1,2})\u65e5)?$/,
];
/** The year last: `3/31/2022`, `31/03/2022`, `31.03.2022`, `3/31/22`. */
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
const BARE_NUMBER = /^\d+(?:\.\d+)?$/;
/** Excel's serial number of 1970-01-01 in the 1900 date system (right from serial 61 on). */
const EXCEL_1970 = 25569;
/** The days a bare number is suggested as: 1950-01-01 to 2099-12-31. */
const SERIALS_FROM = -7305;
const SERIALS_TO = 47481;

/**
 * A date in any form of SPEC section 3: `2022-03-31`, `2022/3/31`, `2022年3月31日`, `2022.3.31`,
 * `20220331`, any of these followed by a midnight time (`2022-03-31 00:00:00`,
 * `2022-03-31T00:00:00.000`), a month (`2022-03`, `2022/03`, `2022年3月`), a quarter (`2022-Q1`,
 * `2022Q1`, `2022年一季度`, `2022年第一季度`, `2022年1季度`), a half year (`2022年上半年`,
 * `2022年下半年`) or a month range (`2022年1-3月`, with its `months`): each means its last day.
 * The text is NFKC-normalised first (full-width digits read as ASCII); surrounding spaces are
 * ignored. A refusal says why, and what the text most likely means when it can.
 */
export function parseDate(text: string): DateParse {
  const fast = parseIsoFast(text);
  if (fast !== undefined) return fast;
  const trimmed = text.normalize("NFKC").trim();
  const plain = parseDateOnly(trimmed);
  if (plain !== undefined) return plain;
  const timed = WITH_TIME.exec(trimmed);
  const date = timed ? dayForm(timed[1] as string) : undefined;
  if (timed && date !== undefined) {
    const [hours, minutes, seconds] = [2, 3, 4].map((group) => Number(timed[group] ?? 0));
    if (!date.ok || (hours as number) > 23 || (minutes as number) > 59 || (seconds as number) > 59)
      return date.ok ? FORMAT : date;
    const midnight = hours === 0 && minutes === 0 && seconds === 0;
    if (midnight && /^0*$/.test(timed[5] ?? "")) return date;
    return { ok: false, error: "time-of-day", suggestion: date.day };
  }
  return refusal(trimmed);
}

const FORMAT: DateParse = Object.freeze({ ok: false, error: "format" });

/** A date form without a time of day, or undefined when the text is none of them. */
function parseDateOnly(trimmed: string): DateParse | undefined {
  const date = dayForm(trimmed);
  if (date !== undefined) return date;
  for (const form of MONTH_FORMS) {
    const match = form.exec(trimmed);
    if (match) return monthEnd(Number(match[1]), Number(match[2]));
  }
  const quarter = QUARTER_FORM.exec(trimmed) ?? CHINESE_QUARTER.exec(trimmed);
  if (quarter) {
    const year = Number(quarter[1]);
    const written = quarter[2] as string;
    const number = CHINESE_QUARTER_NUMBERS.indexOf(written) + 1 || Number(written);
    if (year < 1) return { ok: false, error: "impossible" };
    return {
      ok: true,
      day: endOfQuarter(year, number),
      covers: { first: number * 3 - 2, last: number * 3 },
    };
  }
  const half = HALF_YEAR.exec(trimmed);
  if (half) {
    const last = half[2] === "\u4e0a" ? 6 : 12;
    const end = monthEnd(Number(half[1]), last);
    return end.ok ? { ...end, covers: { first: last - 5, last } } : end;
  }
  const range = MONTH_RANGE.exec(trimmed);
  if (range) {
    const [year, first, last] = [Number(range[1]), Number(range[2]), Number(range[3])];
    const end = monthEnd(year, last);
    if (!end.ok || first < 1 || first >= last) return { ok: false, error: "impossible" };
    return { ok: true, day: end.day, months: { first, last } };
  }
  return undefined;
}

/** A form that names a day (not a month or a quarter), or undefined. */
function dayForm(trimmed: string): DateParse | undefined {
  for (const form of DAY_FORMS) {
    const match = form.exec(trimmed);
    if (match) return checkedDay(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  return undefined;
}

function monthEnd(year: number, month: number): DateParse {
  if (year < 1 || month < 1 || month > 12) return { ok: false, error: "impossible" };
  return { ok: true, day: endOfMonth(year, month) };
}

/**
 * Why a text that is no date form is refused: a two-digit year, the year last or a bare number,
 * each with the date it most likely means when there is one; else not a date.
 */
function refusal(trimmed: string): DateParse {
  for (const form of TWO_DIGIT_YEAR) {
    const match = form.exec(trimmed);
    if (match) {
      const parts = match.slice(1).filter((part) => /^\d+$/.test(part));
      const [year, month, day] = parts.map(Number) as [number, number, number | undefined];
      const date =
        day === undefined ? monthEnd(2000 + year, month) : checkedDay(2000 + year, month, day);
      return withSuggestion("two-digit-year", date);
    }
  }
  const yearLast = YEAR_LAST.exec(trimmed);
  if (yearLast) {
    const first = Number(yearLast[1]);
    const second = Number(yearLast[3]);
    const written = yearLast[4] as string;
    const year = written.length === 2 ? 2000 + Number(written) : Number(written);
    // Only an order that a number past 12 decides is a date to suggest: 03/04/2022 is two.
    const date =
      first > 12 && second <= 12
        ? checkedDay(year, second, first)
        : second > 12 && first <= 12
          ? checkedDay(year, first, second)
          : FORMAT;
    return withSuggestion("year-last", date);
  }
  if (BARE_NUMBER.test(trimmed)) {
    // Read as Excel's serial number of a day when it names one from 1950 to 2099.
    const day = Math.floor(Number(trimmed)) - EXCEL_1970;
    const date = day >= SERIALS_FROM && day <= SERIALS_TO ? { ok: true as const, day } : FORMAT;
    return withSuggestion("bare-number", date);
  }
  return FORMAT;
}

function withSuggestion(error: DateError, date: DateParse): DateParse {
  return date.ok ? { ok: false, error, suggestion: date.day } : { ok: false, error };
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
