/**
 * The report model: everything the status report shows (what is behind and by how much, sections,
 * owners and their ranking, milestones due soon, changes since the previous month-end, monthly
 * series for charts), built purely from `evaluate` results. Renderers (markdown and HTML)
 * only format it: no second evaluation path, no clock, no files.
 */
import { civilFromDay, type Day, dayFromCivil, endOfMonth, monthIndex } from "./dates.js";
import {
  actualAt,
  type EvaluateOptions,
  findCheck,
  growthAt,
  type ObservationsById,
  summarize,
} from "./evaluate.js";
import type { Result, SchedulePoint, Status, Summary, Target } from "./model.js";
import { Evaluations } from "./month-ends.js";
import { type Problem, rowWarnings } from "./problems.js";
import { DEFAULT_PROJECT } from "./project.js";
import {
  type ChaseGroup,
  chaseList,
  type RedStreak,
  redStreaks,
  type YearAtAGlance,
  yearAtAGlance,
} from "./report-follow-up.js";
import { expectedValue, progressDirection } from "./schedule.js";
import {
  inOwnerOrder,
  type OwnerStanding,
  type Ranking,
  type RankingSettings,
  rankOwners,
} from "./scoring.js";
import { Series } from "./series.js";

/** Milestones due within this many days after the as-of date are listed as due soon. */
export const DUE_SOON_DAYS = 30;

/** A red or yellow target with what is behind and by how much. */
export interface AttentionItem {
  result: Result;
  /**
   * How far behind, in the target's unit: the lag d·(E(T) − A) of a progress target (after the
   * deadline E is the target), the distance outside the violated bound of a level target; null for
   * milestones.
   */
  behindBy: number | null;
  /**
   * Days from the as-of date to the next schedule point of a progress target, or to a milestone's
   * deadline (negative once it is overdue); null when there is none.
   */
  daysLeft: number | null;
  /** Month-ends after the as-of date up to and including the next schedule point, at least 1. */
  monthsLeft: number | null;
  /** (next point's value − A) / monthsLeft: the monthly pace still needed to reach the next point. */
  monthlyPaceNeeded: number | null;
  /** The actual and expected value at each month-end, for a chart; empty for milestones. */
  history: MonthPoint[];
}

/** A target's actual and expected value at the end of a month (or at the as-of date, for its month). */
export interface MonthPoint {
  day: Day;
  actual: number | null;
  /** E(day) of a progress target; null for level targets. */
  expected: number | null;
}

/** The targets of one section, in file order. `name` is null for targets without a section. */
export interface SectionGroup {
  name: string | null;
  summary: Summary;
  results: Result[];
}

/** A schedule point of a progress target, or a milestone's deadline, due soon. */
export interface DueItem {
  result: Result;
  by: Day;
  daysLeft: number;
  /** The value the progress target must reach by then; null for a milestone (it must be done). */
  value: number | null;
}

export const CHANGE_KINDS = [
  "newly-red",
  "newly-yellow",
  "improved",
  "recovered",
  "reported",
] as const;
/**
 * How a status moved since the previous month-end: to red (`newly-red`), to yellow from green or
 * grey (`newly-yellow`), red to yellow (`improved`), red or yellow to green (`recovered`), grey to
 * green (`reported`: first data).
 */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface StatusChange {
  change: ChangeKind;
  previous: Result;
  result: Result;
}

export interface ReportModel {
  /** The office and the report's title, from the project file (SPEC 7); null when not given. */
  office: string | null;
  /** The project file's notice line, shown on every report, page and document; null for none. */
  notice: string | null;
  title: string | null;
  asOf: Day;
  /** The follow-up list (督办清单): targets red report after report, the longest streaks first. */
  followUp: RedStreak[];
  /** The chase list (催报): reports due and missing, by owner (in `owners` order), then unowned. */
  chase: ChaseGroup[];
  /** Every target's status at each month-end of the as-of date's year. */
  year: YearAtAGlance;
  /** The last day of the month before the as-of date's month: what changes are measured from. */
  previousAsOf: Day;
  summary: Summary;
  /** Every result, in target-file order. */
  results: Result[];
  /** Red first, then yellow; file order within a status. */
  attention: AttentionItem[];
  /** Sections in the order they first appear in the target files. */
  sections: SectionGroup[];
  /** The month's ranking at the as-of date, with each owner's movement since the previous month-end. */
  ranking: Ranking;
  /** The same owners in the office's order (`owners:`), then in the order the files first name them. */
  owners: OwnerStanding[];
  /** Results of targets that name no owner (they are in no ranking). */
  unowned: Result[];
  /** Sorted by date, then file order. */
  dueSoon: DueItem[];
  /** Sorted by kind of change (in CHANGE_KINDS order), then file order. */
  changes: StatusChange[];
  /**
   * Monthly history by target id: that of every red and yellow target (as in `attention`), and
   * with `allHistories` that of every progress target too.
   */
  histories: ReadonlyMap<string, readonly MonthPoint[]>;
  /** The warnings of the targets' rows, in file order: corrections and implausible values. */
  dataNotes: Problem[];
}

export interface BuildReportOptions extends EvaluateOptions {
  /** The points and the owners' order of the ranking. @default DEFAULT_PROJECT's */
  settings?: RankingSettings;
  /** The run's evaluations, when the caller shares them; else the report makes its own. */
  evaluations?: Evaluations;
  /**
   * Give every progress target its monthly history, not only the red and yellow ones: the HTML
   * report charts every progress target. Off unless asked for, because it evaluates each
   * of those targets once for every month. @default false
   */
  allHistories?: boolean;
  /** The project file's office, shown on the report. @default null */
  office?: string | null;
  /** The project file's notice line, shown on the report. @default null */
  notice?: string | null;
  /** The project file's title of the report. @default null */
  title?: string | null;
  /** The run's warnings: those of the targets' rows are shown. @default [] */
  warnings?: readonly Problem[];
}

/** The last day of the month before `day`'s month. */
export function previousMonthEnd(day: Day): Day {
  const { year, month } = civilFromDay(day);
  return dayFromCivil(year, month, 1) - 1;
}

/**
 * Build the report model: the evaluation at the as-of date, and at the previous month-end from the
 * same data for the changes; the month-ends of the year and the earlier report dates of red targets
 * for the year at a glance and the follow-up list.
 */
export function buildReport(
  targets: readonly Target[],
  observations: ObservationsById,
  options: BuildReportOptions,
): ReportModel {
  const { asOf } = options;
  const settings = options.settings ?? DEFAULT_PROJECT;
  const evaluations =
    options.evaluations ?? new Evaluations(targets, observations, options.dueDays);
  const report = evaluations.at(asOf);
  const previousAsOf = previousMonthEnd(asOf);
  const previous = evaluations.at(previousAsOf);
  const ranking = rankOwners(evaluations, { asOf, period: "month", settings });
  const attention = attentionItems(report.results, observations, asOf);
  const histories = new Map<string, readonly MonthPoint[]>(
    attention.map((item) => [item.result.target.id, item.history]),
  );
  if (options.allHistories) {
    for (const { target } of report.results) {
      if (target.kind === "milestone" || histories.has(target.id)) continue;
      histories.set(
        target.id,
        monthlyHistory(target, observations.get(target.id) ?? Series.EMPTY, asOf),
      );
    }
  }
  const owners = inOwnerOrder(ranking.standings, report.results, settings.owners);
  return {
    office: options.office ?? null,
    notice: options.notice ?? null,
    title: options.title ?? null,
    asOf,
    followUp: redStreaks(report.results, evaluations),
    chase: chaseList(
      report.results,
      owners.map((standing) => standing.owner),
      asOf,
    ),
    year: yearAtAGlance(report.results, asOf, evaluations),
    previousAsOf,
    summary: report.summary,
    results: report.results,
    attention,
    sections: groupBySection(report.results),
    ranking,
    owners,
    unowned: report.results.filter((result) => result.target.owner.length === 0),
    dueSoon: dueSoon(report.results, asOf),
    changes: statusChanges(previous.results, report.results),
    histories,
    dataNotes: rowWarnings(options.warnings ?? [], new Set(targets.map((target) => target.id))),
  };
}

function groupBySection(results: readonly Result[]): SectionGroup[] {
  const groups = new Map<string | null, Result[]>();
  for (const result of results) {
    const name = result.target.section;
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [result]);
    else group.push(result);
  }
  return [...groups].map(([name, members]) => ({
    name,
    summary: summarize(members),
    results: members,
  }));
}

function attentionItems(
  results: readonly Result[],
  observations: ObservationsById,
  asOf: Day,
): AttentionItem[] {
  const attention = results.filter(
    (result) => result.status === "red" || result.status === "yellow",
  );
  const ordered = [
    ...attention.filter((result) => result.status === "red"),
    ...attention.filter((result) => result.status === "yellow"),
  ];
  return ordered.map((result) =>
    attentionItem(result, observations.get(result.target.id) ?? Series.EMPTY, asOf),
  );
}

function attentionItem(result: Result, rows: Series, asOf: Day): AttentionItem {
  const { target } = result;
  const empty: AttentionItem = {
    result,
    behindBy: null,
    daysLeft: null,
    monthsLeft: null,
    monthlyPaceNeeded: null,
    history: [],
  };
  if (target.kind === "milestone") return { ...empty, daysLeft: target.deadline - asOf };
  const history = monthlyHistory(target, rows, asOf);
  const behindBy = behindByOf(result);
  if (target.kind === "level" || target.kind === "growth") return { ...empty, behindBy, history };
  const actual = typeof result.actual === "number" ? result.actual : null;
  const next = result.nextMilestone;
  if (next === null || actual === null) return { ...empty, behindBy, history };
  const monthsLeft = monthEndsBetween(asOf, next.by);
  const direction = progressDirection(target);
  // Never a pace in the wrong direction: a target ahead of its next point needs nothing more.
  const needed = direction * Math.max(0, direction * (next.value - actual));
  return {
    result,
    behindBy,
    daysLeft: next.by - asOf,
    monthsLeft,
    monthlyPaceNeeded: needed / monthsLeft,
    history,
  };
}

/**
 * How far behind a result is, as the rule that decided it measured it: the lag of a progress
 * target (at or after the deadline, where E(T) is the target, the shortfall that rule 2 found), the
 * distance outside the violated bound of a level target (0 within the bounds); null otherwise.
 */
function behindByOf(result: Result): number | null {
  const deciding = result.trace[result.trace.length - 1];
  switch (deciding?.rule) {
    case "on-track":
    case "behind":
    case "off-track":
      return deciding.lag;
    case "missed":
      return findCheck(result.trace, "achieved")?.shortfall ?? null;
    case "near":
    case "outside":
      return deciding.violated.distance;
    case "breach":
      return findCheck(result.trace, "near")?.violated.distance ?? null;
    case "growth":
      return Math.max(0, deciding.shortfall);
    case "within":
      return 0;
    default:
      return null;
  }
}

/** The month-ends after `from` up to and including `to`, at least 1 (a point due within a month). */
export function monthEndsBetween(from: Day, to: Day): number {
  const { year, month } = civilFromDay(to);
  // The month of `to` counts only once its month-end is reached; `to` is usually a month-end.
  const lastCounted = to >= endOfMonth(year, month) ? monthIndex(to) : monthIndex(to) - 1;
  const { year: fromYear, month: fromMonth } = civilFromDay(from);
  const firstCounted =
    from >= endOfMonth(fromYear, fromMonth) ? monthIndex(from) + 1 : monthIndex(from);
  return Math.max(1, lastCounted - firstCounted + 1);
}

/**
 * The actual (as the evaluation counts it) and E at each month-end from the first month with data
 * (or a progress target's start month, if later) to the as-of date, whose month ends at the as-of
 * date itself.
 */
function monthlyHistory(target: Target, allRows: Series, asOf: Day): MonthPoint[] {
  // The rows known at the as-of date (SPEC 4, v2), in date order: the first is the earliest.
  const rows = allRows.knownAt(asOf);
  if (rows.length === 0 || rows.day(0) > asOf) return [];
  let first = monthIndex(rows.day(0));
  if (target.kind === "progress" || target.kind === "growth")
    first = Math.max(first, monthIndex(target.start));
  const last = monthIndex(asOf);
  const points: MonthPoint[] = [];
  for (let index = first; index <= last; index++) {
    const day = index === last ? asOf : endOfMonth(Math.floor(index / 12), (index % 12) + 1);
    // Only the actual and E: no status, so no evaluation at every month-end. A growth target's
    // actual is its G (SPEC 2.4).
    const actual =
      target.kind === "growth"
        ? (growthAt(target, rows, day)?.growth ?? null)
        : actualAt(target, rows, day).actual;
    points.push({
      day,
      actual: typeof actual === "number" ? actual : null,
      expected: target.kind === "progress" ? expectedValue(target, day) : null,
    });
  }
  return points;
}

/**
 * Schedule points of progress targets and deadlines of milestones in the DUE_SOON_DAYS after the
 * as-of date, unless already reached (an actual at or past the point's value, a done milestone).
 */
function dueSoon(results: readonly Result[], asOf: Day): DueItem[] {
  const items: DueItem[] = [];
  const within = (by: Day) => by > asOf && by - asOf <= DUE_SOON_DAYS;
  for (const result of results) {
    const { target } = result;
    if (target.kind === "milestone") {
      if (result.actual !== true && within(target.deadline))
        items.push({ result, by: target.deadline, daysLeft: target.deadline - asOf, value: null });
    } else if (target.kind === "progress") {
      const next: SchedulePoint | null = result.nextMilestone;
      if (next === null || !within(next.by)) continue;
      // A target already at or past the point's value has nothing due.
      const direction = progressDirection(target);
      if (typeof result.actual === "number" && direction * (result.actual - next.value) >= 0)
        continue;
      items.push({ result, by: next.by, daysLeft: next.by - asOf, value: next.value });
    }
  }
  // Stable sort: file order within a date.
  return items.sort((a, b) => a.by - b.by);
}

/** The kind of a status change, or null when the status is the same. */
export function changeKind(was: Status, now: Status): ChangeKind | null {
  if (was === now) return null;
  if (now === "red") return "newly-red";
  if (now === "yellow") return was === "red" ? "improved" : "newly-yellow";
  if (now === "green") return was === "grey" ? "reported" : "recovered";
  // Rows never disappear, so a target cannot turn grey; kept total for safety.
  return null;
}

function statusChanges(previous: readonly Result[], current: readonly Result[]): StatusChange[] {
  const changes: StatusChange[] = [];
  current.forEach((result, index) => {
    const before = previous[index];
    if (before === undefined) return;
    const change = changeKind(before.status, result.status);
    if (change !== null) changes.push({ change, previous: before, result });
  });
  return changes.sort((a, b) => CHANGE_KINDS.indexOf(a.change) - CHANGE_KINDS.indexOf(b.change));
}
