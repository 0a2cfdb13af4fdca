/**
 * What the office acts on first (SPEC 6 "Streaks" and 4.1): the follow-up list (督办清单) of targets
 * red report after report, the chase list (催报) of reports due and missing, and the year at a
 * glance, each target's status at every month-end of T's year. Every status comes from the shared
 * month-end evaluations (`Evaluations`), never from a second evaluation path.
 */
import { periodEndOnOrBefore, reportDates } from "./cycle.js";
import { civilFromDay, type Day, endOfMonth } from "./dates.js";
import type { GrowthTarget, LevelTarget, ProgressTarget, Result } from "./model.js";
import { type Evaluations, monthEndsOfYearTo } from "./month-ends.js";

/** A target red at T and at each of its last `length − 1` report dates before it. */
export interface RedStreak {
  /** The result at T. */
  result: Result;
  /** N ≥ 2: how many reports running the target has been red, T's included. */
  length: number;
  /** The earliest report date of the streak. */
  since: Day;
  /** Monthly targets count months (连续 N 个月红灯); others count reports (连续 N 期红灯). */
  counts: "months" | "reports";
}

/** A report due and missing: a late result, and the report date it owes. */
export interface ChaseItem {
  result: Result;
  /** The report date owed (r*). */
  missingReport: Day;
  /** The last day it was due (r* + due days). */
  dueBy: Day;
  /** Days since it was due: T − dueBy, at least 1 (a report is overdue once T > dueBy). */
  daysOverdue: number;
}

/** The missing reports of one owner; `owner` null for targets that name none. */
export interface ChaseGroup {
  owner: string | null;
  items: ChaseItem[];
}

/** One target's row of the year at a glance. */
export interface GlanceRow {
  /** The result at T. */
  result: Result;
  /** Its result at each of the grid's month-ends, in their order. */
  months: { monthEnd: Day; result: Result }[];
}

/** Every target's status at each month-end of T's year up to T. */
export interface YearAtAGlance {
  year: number;
  /** The month-ends of T's year on or before T, in date order (none in January before the 31st). */
  monthEnds: Day[];
  /** Every target, in file order. */
  rows: GlanceRow[];
}

/** A yearly report date is at most 366 days before the next one: a window that always holds one. */
const LONGEST_PERIOD_DAYS = 366;

/**
 * The follow-up list (SPEC 6): every target red at T whose evaluations at its last N − 1 report
 * dates before T were red too, N ≥ 2; the longest streaks first, file order within a length.
 * "Before T" is before the judging date J of T's result: when T's evaluation stands for a report
 * (on July 5 it is June's), that report is not counted twice. Milestones have no report dates and
 * are never on it (an overdue one is on the red list with its days overdue).
 */
export function redStreaks(results: readonly Result[], evaluations: Evaluations): RedStreak[] {
  const streaks: RedStreak[] = [];
  results.forEach((result, index) => {
    const { target } = result;
    if (result.status !== "red" || target.kind === "milestone") return;
    let length = 1;
    let since = result.judgedAt;
    for (let before = previousReportDate(target, result.judgedAt); before !== null; ) {
      if (evaluations.at(before).results[index]?.status !== "red") break;
      length++;
      since = before;
      before = previousReportDate(target, before);
    }
    if (length >= 2)
      streaks.push({
        result,
        length,
        since,
        counts: target.frequency === "monthly" ? "months" : "reports",
      });
  });
  // Stable sort: file order within a length.
  return streaks.sort((a, b) => b.length - a.length);
}

/**
 * The date before `day` that a streak counts back to: the target's latest report date before it,
 * or, past its last report date (a progress target's deadline, a level target's year), the end of
 * its latest period before it: a target missed in March and still short in June has been red four
 * months, as the year at a glance shows.
 */
function previousReportDate(
  target: ProgressTarget | LevelTarget | GrowthTarget,
  day: Day,
): Day | null {
  const periodEnd = periodEndOnOrBefore(day - 1, target.frequency);
  const last = lastReportDate(target);
  if (last !== null && periodEnd > last) return periodEnd;
  const dates = reportDates(target, day - LONGEST_PERIOD_DAYS, day - 1);
  return dates[dates.length - 1] ?? null;
}

/** A target's last report date, or null when its report dates never end (a level target without a year). */
function lastReportDate(target: ProgressTarget | LevelTarget | GrowthTarget): Day | null {
  if (target.kind === "progress" || target.kind === "growth") return target.deadline;
  return target.year === null ? null : endOfMonth(target.year, 12);
}

/**
 * The chase list (催报): the late results (a report due and missing, SPEC 4.1) grouped by owner,
 * owners in `ownerOrder` (a target with several owners is chased from each), then the targets that
 * name no owner; within a group the oldest report owed first, then file order. Each says how many
 * days its report is overdue at the as-of date.
 */
export function chaseList(
  results: readonly Result[],
  ownerOrder: readonly string[],
  asOf: Day,
): ChaseGroup[] {
  const items: ChaseItem[] = [];
  for (const result of results) {
    if (!result.late || result.missingReport === null || result.dueBy === null) continue;
    const { missingReport, dueBy } = result;
    items.push({ result, missingReport, dueBy, daysOverdue: asOf - dueBy });
  }
  // Stable sort: file order within a date.
  items.sort((a, b) => a.missingReport - b.missingReport);
  // The owners in their order first, then any the order leaves out as their targets come.
  const byOwner = new Map<string | null, ChaseItem[]>(ownerOrder.map((owner) => [owner, []]));
  const unowned: ChaseItem[] = [];
  for (const item of items) {
    const { owner } = item.result.target;
    if (owner.length === 0) unowned.push(item);
    for (const name of new Set(owner)) {
      const group = byOwner.get(name);
      if (group === undefined) byOwner.set(name, [item]);
      else group.push(item);
    }
  }
  byOwner.set(null, unowned);
  return [...byOwner]
    .filter(([, members]) => members.length > 0)
    .map(([owner, members]) => ({ owner, items: members }));
}

/**
 * The year at a glance: each target's result at every month-end of T's year on or before T, from
 * the shared month-end evaluations (the quarter's and the year's ranking read the same ones).
 */
export function yearAtAGlance(
  results: readonly Result[],
  asOf: Day,
  evaluations: Evaluations,
): YearAtAGlance {
  const monthEnds = monthEndsOfYearTo(asOf);
  const reports = monthEnds.map((monthEnd) => evaluations.at(monthEnd));
  return {
    year: civilFromDay(asOf).year,
    monthEnds,
    rows: results.map((result, index) => ({
      result,
      // Every evaluation has a result per target, in the targets' order.
      months: reports.flatMap((report) => {
        const at = report.results[index];
        return at === undefined ? [] : [{ monthEnd: report.asOf, result: at }];
      }),
    })),
  };
}
