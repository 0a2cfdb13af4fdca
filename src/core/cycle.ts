/**
 * The reporting cycle (SPEC 4.1): a target's report dates, when each report is due, and from the
 * latest row at T whether the target is late and which date J it is judged at. Pure calendar
 * arithmetic on day numbers.
 */
import { civilFromDay, type Day, daysInMonth, endOfMonth } from "./dates.js";
import type { Frequency, MonthDay, Target } from "./model.js";

const MONTHS_PER_PERIOD: Readonly<Record<Frequency, number>> = {
  monthly: 1,
  quarterly: 3,
  "half-yearly": 6,
  yearly: 12,
};

/** The last day of the latest period of `frequency` that ends on or before `day`. */
export function periodEndOnOrBefore(day: Day, frequency: Frequency): Day {
  const { year, month } = civilFromDay(day);
  const months = MONTHS_PER_PERIOD[frequency];
  // The period that holds `day` ends with its last month; if that is after `day`, take the one before.
  const lastMonth = Math.ceil(month / months) * months;
  const end = endOfMonth(year, lastMonth);
  if (end <= day) return end;
  const previous = lastMonth - months;
  return previous >= 1 ? endOfMonth(year, previous) : endOfMonth(year - 1, 12);
}

/** The period end before `end` (itself a period end of `frequency`). */
function previousPeriodEnd(end: Day, frequency: Frequency): Day {
  return periodEndOnOrBefore(end - 1, frequency);
}

/** `first_report: MM-DD` drops the report dates of each year before that day of the year. */
function droppedByFirstReport(day: Day, firstReport: MonthDay | null): boolean {
  if (firstReport === null) return false;
  const { year, month, day: dayOfMonth } = civilFromDay(day);
  const firstDay = Math.min(firstReport.day, daysInMonth(year, firstReport.month));
  return month < firstReport.month || (month === firstReport.month && dayOfMonth < firstDay);
}

/** The days in which a target's report dates lie, and how they are spaced. */
interface ReportCalendar {
  frequency: Frequency;
  firstReport: MonthDay | null;
  /** Report dates are after this day (progress: t0), or null. */
  after: Day | null;
  /** Report dates are on or before this day (progress: the deadline, itself one), or null. */
  last: Day | null;
  /** The last day is a report date even when it is no period end (a progress deadline). */
  lastIsReport: boolean;
}

function calendarOf(target: Target): ReportCalendar | null {
  switch (target.kind) {
    case "progress":
    case "growth":
      return {
        frequency: target.frequency,
        firstReport: target.firstReport,
        after: target.start - 1,
        last: target.deadline,
        lastIsReport: true,
      };
    case "level":
      return {
        frequency: target.frequency,
        firstReport: target.firstReport,
        after: target.year === null ? null : endOfMonth(target.year - 1, 12),
        last: target.year === null ? null : endOfMonth(target.year, 12),
        lastIsReport: false,
      };
    case "milestone":
      return null;
  }
}

/** The latest report date on or before `day`, or null when there is none. */
function reportDateOnOrBefore(calendar: ReportCalendar, day: Day): Day | null {
  if (calendar.last !== null && day >= calendar.last) {
    if (calendar.lastIsReport) return calendar.last;
    day = calendar.last;
  }
  let end = periodEndOnOrBefore(day, calendar.frequency);
  // first_report drops at most the first eleven month-ends of a year.
  for (let step = 0; step < 12 && droppedByFirstReport(end, calendar.firstReport); step++)
    end = previousPeriodEnd(end, calendar.frequency);
  if (calendar.after !== null && end <= calendar.after) return null;
  return end;
}

/** Every report date of a target from `from` to `to` (both included), in date order. */
export function reportDates(target: Target, from: Day, to: Day): Day[] {
  const calendar = calendarOf(target);
  if (calendar === null) return [];
  const dates: Day[] = [];
  for (let day = reportDateOnOrBefore(calendar, to); day !== null && day >= from; ) {
    dates.push(day);
    day = reportDateOnOrBefore(calendar, day - 1);
  }
  return dates.reverse();
}

/** Where a target stands in its reporting cycle at T, from the date of its latest row. */
export interface CycleState {
  /** The judging date J ≤ T: the latest row's date, or the overdue report's date when late. */
  judgedAt: Day;
  /** A report is due and none came: the latest row is older than the overdue report's period. */
  late: boolean;
  /** The report date owed when late (r*), else null. */
  missingReport: Day | null;
  /** The last day of its due time (r* + due days) when late, else null. */
  dueBy: Day | null;
}

/**
 * SPEC 4.1 at T, for a target with report dates, given the date of its latest row at or before T
 * (null: no row). `dueDays` is the target's own, else the project's.
 */
export function cycleState(
  target: Target,
  latestRow: Day | null,
  asOf: Day,
  dueDays: number,
): CycleState {
  const calendar = calendarOf(target);
  if (calendar === null) return milestoneState(target, latestRow, asOf, dueDays);
  // Overdue at T when T > r + due days: r ≤ T − due days − 1.
  let overdue = reportDateOnOrBefore(calendar, asOf - dueDays - 1);
  // With result_by, the deadline's report (a level target's year's last) is due by then (SPEC 2.5).
  if (
    overdue !== null &&
    target.resultBy !== null &&
    overdue === calendar.last &&
    asOf <= target.resultBy
  )
    overdue = reportDateOnOrBefore(calendar, overdue - 1);
  if (overdue === null) return onTime(latestRow ?? asOf);
  // No row at all: judged, like a late row, at the date of the report it owes.
  if (latestRow === null) return lateState(overdue, overdue, dueDays);
  const before = reportDateOnOrBefore(calendar, overdue - 1);
  const previous =
    before ??
    (target.kind === "progress" || target.kind === "growth"
      ? target.start - 1
      : previousPeriodEnd(overdue, calendar.frequency));
  return latestRow > previous ? onTime(latestRow) : lateState(overdue, overdue, dueDays);
}

/**
 * A milestone has no report dates and is judged at T: it is late once its deadline's due time has
 * passed with no row at all.
 */
function milestoneState(
  target: Target,
  latestRow: Day | null,
  asOf: Day,
  dueDays: number,
): CycleState {
  const dueBy = target.kind === "milestone" ? (target.resultBy ?? target.deadline + dueDays) : 0;
  if (target.kind !== "milestone" || latestRow !== null || asOf <= dueBy) return onTime(asOf);
  return lateState(asOf, target.deadline, dueDays);
}

function onTime(judgedAt: Day): CycleState {
  return { judgedAt, late: false, missingReport: null, dueBy: null };
}

function lateState(judgedAt: Day, missingReport: Day, dueDays: number): CycleState {
  return { judgedAt, late: true, missingReport, dueBy: missingReport + dueDays };
}
