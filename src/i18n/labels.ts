/** The types of every human label kpi prints; each language fills them in (en.ts, zh.ts). JSON keys and values never go through here. */

import type { StatusChangeKind } from "../core/diff-model.js";
import type { Check, Kind, Reason, Status } from "../core/model.js";
import type { ProblemCode, ProblemParams } from "../core/problem-codes.js";
import type { Scores } from "../core/project.js";
import type { RedStreak } from "../core/report-follow-up.js";
import type { ChangeKind } from "../core/report-model.js";
import type { Movement, Period } from "../core/scoring.js";
import type { Measure } from "../core/template-model.js";

export const LANGUAGES = ["en", "zh"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * A problem's message from its params, one function per code: a language that leaves a code out
 * does not compile.
 */
export type Messages = { [C in ProblemCode]: (params: ProblemParams[C]) => string };

export interface Labels {
  status: Record<Status, string>;
  reason: Record<Reason, string>;
  columns: {
    status: string;
    id: string;
    title: string;
    owner: string;
    actual: string;
    expected: string;
    target: string;
    progress: string;
    note: string;
  };
  /**
   * A late result (SPEC 4.1), `late: the 2022-05-31 report was due by 06-10`: the report date
   * owed and the last day it was due (its month and day when in the same year).
   */
  late: (missingReport: string, dueBy: string) => string;
  /** Between the reason and its qualifiers in a note: `off track, late: …`. */
  noteSeparator: string;
  star: string;
  /** Under a table a narrow terminal could not show whole: `Left out to fit 80 columns: ID, Owner`. */
  leftOut: (width: number, columns: string) => string;
  asOf: string;
  targets: string;
  /**
   * The summary line's punctuation (`16 targets, as of 2022-03-31: ✖ 1 red, …`): the comma and the
   * colon after their parts, and what joins the parts (a space in English; none after Chinese
   * full-width punctuation: `16 项指标，截至 2022-03-31：✖ 1 红灯，…`).
   */
  summaryPunctuation: { comma: string; colon: string; join: string };
  within: (min: number | null, max: number | null) => string;
  /** A growth target's actual G (SPEC 2.4): `累计增长 6.8%`. */
  growth: (rate: string) => string;
  /** A growth target's bound: `≥ 7%（左右 0.5）`; `about` null without 左右. */
  growthBound: (side: "min" | "max", rate: string, about: string | null) => string;
  /** A growth result in a sentence: `累计增长 6.8%，目标 ≥ 7%（左右 0.5）`. */
  growthLine: (growth: string, bound: string) => string;
  /** A growth target's bound after slack b in a table's expected column: `边界 ≥ 6.5%`. */
  growthExpected: (bound: string) => string;
  /** A difference of growth rates: `0.9 个百分点`. */
  points: (points: string) => string;
  /** The name of b on a card: `边界`. */
  growthBoundTerm: string;
  /** A growth result's reason before the deadline: G against b, not a schedule (SPEC 2.4). */
  growthReason: { "on-track": string; behind: string; "off-track": string };
  /** A 左右 target or bound: `80（左右 2）`. */
  about: (value: string, about: string) => string;
  /** A bound that follows another target: `gdp.growth 的实际值 + 1`. */
  reference: (id: string, plus: string | null, times: string | null) => string;
  dueBy: string;
  yes: string;
  no: string;
  warnings: (count: number) => string;
  errors: (count: number) => string;
  validate: ValidateLabels;
  list: ListLabels;
  explain: ExplainLabels;
  init: InitLabels;
  diff: DiffLabels;
  notify: NotifyLabels;
  help: HelpLabels;
  /** What a level target's bounds are called in a one-line description. */
  bounds: string;
  /** A status and its reason in a few words: `red: off track`. */
  statusReason: (status: string, reason: string) => string;
  /** Between names in a list, as a target's owners: `发改局、统计局`. */
  nameSeparator: string;
  /** A department's note on the row that gives a target's actual (its 备注), beside the target. */
  departmentNote: (note: string) => string;
  /** Between the parts of a one-line description: `actual 36; expected 39`. */
  listSeparator: string;
  /** Before a warning's message: `file:line:col: warning: …`. */
  warningPrefix: string;
  /** The count line after errors: `2 errors, 1 warning; no report was made`. */
  problemCounts: (errors: number, warnings: number) => string;
  internalError: (detail: string) => string;
  /** The words of every problem code. */
  messages: Messages;
  report: ReportLabels;
  rank: RankLabels;
  html: HtmlLabels;
  notice: NoticeLabels;
  workbook: WorkbookLabels;
  template: TemplateLabels;
}

/** The words of the HTML report (`kpi report --format html`) beyond those of the markdown report. */
export interface HtmlLabels {
  /** The page's `lang` attribute (BCP 47). */
  lang: string;
  /** Short names of the page's parts, for its table of contents. */
  nav: {
    followUp: string;
    chase: string;
    year: string;
    attention: string;
    targets: string;
    owners: string;
    due: string;
    changes: string;
    notes: string;
  };
  /** The heading of the notes at the end. */
  notes: string;
  /** The filter and sort controls (shown only where the page's script runs). */
  controls: string;
  owner: string;
  allOwners: string;
  status: string;
  sort: string;
  sortBy: { order: string; status: string; progress: string };
  /** How many targets the filters show; the page's script puts the numbers for `{shown}` and `{total}`. */
  shown: string;
  /** Before a target's `source` sentence. */
  source: string;
  /** Beside the progress bar: the share of the way expected by the as-of date. */
  expectedShare: string;
  chart: {
    /** A chart's accessible name. */
    title: (target: string) => string;
    milestone: string;
    asOf: string;
    target: string;
    noData: string;
    offScale: (value: string) => string;
    /** A growth target's chart: G at each month-end against the bound after slack. */
    growthTitle: (target: string) => string;
    /** The tooltip of a growth chart's bound line: `边界 ≥ 6.5%`. */
    bound: (bound: string) => string;
    /** A growth value's tooltip: `2023-03-31：累计增长 6.8%`. */
    growthPoint: (day: string, growth: string) => string;
    /** The legend above the charts. */
    legend: {
      expected: string;
      milestone: string;
      actual: string;
      asOf: string;
      target: string;
      /** Shown when a growth target has a chart. */
      bound: string;
    };
  };
  footer: string;
}

/** The words of `kpi report` (the markdown status report). */
export interface ReportLabels {
  title: (asOf: string) => string;
  /** The heading of a report the project file names: `县政府重点工作月度亮晒（截至 2022-06-30）`. */
  namedTitle: (title: string, asOf: string) => string;
  /** The follow-up list (督办清单): targets red report after report. */
  followUp: string;
  noFollowUp: string;
  /** How long a target has been red, T's report included: `red 3 months running`, `连续 2 期红灯`. */
  redRunning: (length: number, counts: RedStreak["counts"]) => string;
  /** The chase list (催报): reports due and not received, by owner. */
  chase: string;
  noChase: string;
  /**
   * One missing report as a message to paste into a chat: the owner (null when the target names
   * none), the target's title, the report date owed, the last day it was due and how many days
   * ago that was.
   */
  chaseMessage: (
    owner: string | null,
    target: string,
    report: string,
    dueBy: string,
    daysOverdue: number,
  ) => string;
  /** The year at a glance: every target's status at each month-end of the year. */
  year: (year: number) => string;
  /** The line under the year at a glance: the statuses' key, and what a cell is. */
  yearLegend: (key: string) => string;
  /** Before the year's first month-end (January 1–30). */
  noMonthEnd: (year: number) => string;
  /** A month-end's column in the year at a glance: `Jan`, `1月`. */
  monthShort: (month: number) => string;
  attention: string;
  noAttention: string;
  bySection: string;
  /** The heading of targets without a section. */
  noSection: string;
  byOwner: string;
  /** The heading of targets without an owner. */
  noOwner: string;
  dueSoon: (days: number, until: string) => string;
  noneDue: string;
  changes: (since: string) => string;
  noChanges: string;
  /** The heading of the data's warnings: corrections and implausible values, with their places. */
  dataNotes: string;
  change: Record<ChangeKind, string>;
  columns: {
    target: string;
    /** The follow-up list's column: how long the target has been red. */
    running: string;
    behindBy: string;
    nextMilestone: string;
    daysLeft: string;
    pace: string;
    due: string;
    needed: string;
    change: string;
    was: string;
    now: string;
  };
  /** A monthly pace: `+13 个 / month`. */
  perMonth: (amount: string) => string;
  overdueDays: (days: number) => string;
  charts: string;
  /** The caption of a chart: what the bars and the line are. */
  chartCaption: (expected: string) => string;
  /** A month on a chart's axis. */
  month: (year: number, month: number) => string;
  /** Notes at the end that say how the numbers are made; the score's follows (`scoreNote`). */
  legend: readonly string[];
  /** The note on the owners' score, with the points in use. */
  scoreNote: (scores: Scores) => string;
}

/** The ranking a heading names: its period, the as-of date, and the year and quarter it falls in. */
export interface RankingHeading {
  period: Period;
  asOf: string;
  year: number;
  /** 1–4. */
  quarter: number;
}

/** The words of the owners' ranking (`kpi rank`, `kpi report --by owner`, the page). */
export interface RankLabels {
  /** 一月一亮晒 / 一季一评比 / 全年总排名, with the period and the as-of date. */
  title: (heading: RankingHeading) => string;
  columns: {
    place: string;
    owner: string;
    score: string;
    /** The place in the previous period of the same kind. */
    previous: string;
    movement: string;
    targets: string;
  };
  /** An owner none of whose targets counts has no score (and no previous place). */
  noScore: string;
  /** ↑2, ↓1, =, new. */
  movement: (movement: Movement) => string;
  /** The points `late_penalty` took from a late result, beside it: `late penalty −20 points`. */
  latePenalty: (points: string) => string;
  /** The score's rule under the ranking, with the points in use. */
  legend: (scores: Scores) => string;
  /** What the period's score is the mean of, and what the movement is measured from. */
  periodNote: (period: Period, days: readonly string[], previousAsOf: string) => string;
}

/** The words of `kpi validate`, `kpi list`, `kpi explain` and `kpi init`. */
export interface ValidateLabels {
  /** The closing line of a run that passes: `16 targets, 96 data rows: no errors, 2 warnings`. */
  /** What was checked and found: `project` is the project file, null when there is none. */
  summary: (project: string | null, targets: number, rows: number, warnings: number) => string;
  /** The closing line of a run that fails: `2 errors, 1 warning`. */
  counts: (errors: number, warnings: number) => string;
  /** Said when a target error kept the data files from being read. */
  dataSkipped: string;
  /** Said with --strict when warnings alone make the run fail. */
  strict: string;
}

export interface ListLabels {
  columns: {
    id: string;
    title: string;
    kind: string;
    owner: string;
    target: string;
    deadline: string;
    schedule: string;
    tolerance: string;
  };
  kind: Record<Kind, string>;
  from: (date: string) => string;
  /** A milestone target's yellow window: `due soon from 2022-03-01 (30 days)`. */
  warnFrom: (date: string, days: number) => string;
  step: string;
  sum: string;
  count: (targets: number) => string;
}

export interface ExplainLabels {
  /** Punctuation: `: ` or `：`, `, ` or `，`, and a parenthesis ` (…)` or `（…）`. */
  colon: string;
  comma: string;
  paren: (text: string) => string;
  definedAt: string;
  statusAsOf: (asOf: string) => string;
  why: string;
  rulesIntro: string;
  yes: string;
  no: string;
  /** Each rule of SPEC 2.1–2.3 as a condition and its result. */
  rule: Record<Check["rule"], string>;
  decided: (status: string, reason: string) => string;
  noActual: (asOf: string) => string;
  actual: (value: string, date: string) => string;
  summed: (value: string, rows: number, date: string) => string;
  reached: (actual: string, target: string, holds: boolean) => string;
  deadline: (asOf: string, deadline: string, holds: boolean) => string;
  /** Where the actual stands against E(T): behind, ahead or on it (both null). */
  onSchedule: (
    actual: string,
    expected: string,
    behindBy: string | null,
    aheadBy: string | null,
  ) => string;
  withinTolerance: (
    behindBy: string,
    tolerance: string,
    share: string | null,
    holds: boolean,
  ) => string;
  withinBounds: (actual: string, bounds: string, holds: boolean) => string;
  /** A tolerance given in %: `10% of the span 130 个`. */
  spanShare: (percent: string, span: string) => string;
  boundShare: (percent: string, bound: string) => string;
  nearBound: (
    actual: string,
    bound: string,
    distance: string,
    tolerance: string,
    holds: boolean,
  ) => string;
  done: (holds: boolean) => string;
  dueSoon: (daysLeft: number, warnDays: number, holds: boolean) => string;
  /** The late rule of a level target: the report owed, or that the latest row is on time. */
  reportDue: (missingReport: string | null, dueBy: string | null, observedOn: string) => string;
  /** The judging date of SPEC 4.1 when it is not the as-of date. */
  judgedAt: (judgedAt: string, late: boolean) => string;
  schedule: string;
  point: { baseline: string; milestone: string; deadline: string; next: string };
  /** The schedule table's column of shares of the way from baseline to target. */
  share: string;
  interpolation: Record<"linear" | "step", string>;
  aggregate: Record<"last" | "sum", string>;
  tolerance: (amount: string, share: string | null) => string;
  bounds: (bounds: string, tolerance: string, stretch: string | null) => string;
  due: (deadline: string, warnFrom: string, days: number) => string;
  /**
   * A growth target's rule (SPEC 2.4): its bound, the bound after slack b and the tolerance, in
   * points; `input` rate or value.
   */
  growthBounds: (
    bound: string,
    afterSlack: string,
    tolerance: string,
    input: "rate" | "value",
  ) => string;
  /** The growth rule's comparison: G against b, the shortfall S, and what decided. */
  growthFact: (
    growth: string,
    afterSlack: string,
    shortfall: string,
    tolerance: string,
    final: boolean,
  ) => string;
  /** `input: value`: A and B (null without one) and where B came from. */
  noBase: (
    value: string,
    base: string | null,
    from: "column" | "row" | null,
    on: string | null,
  ) => string;
  /** A reference at a row date: its value (null: none), whether it is late, and what follows. */
  referenceFact: (
    ref: string,
    on: string,
    value: string | null,
    late: boolean,
    resolved: string | null,
  ) => string;
  awaiting: (deadline: string, resultBy: string) => string;
  /** breach_after: how many of the report dates before were outside, of those needed. */
  breach: (outside: number, needed: number, holds: boolean) => string;
  rows: (asOf: string) => string;
  rowColumns: {
    date: string;
    value: string;
    sum: string;
    expected: string;
    /** A growth target's G at the row. */
    growth: string;
    status: string;
    place: string;
    /** The department's note on the row. */
    note: string;
  };
  noRows: string;
  laterRows: (count: number, asOf: string) => string;
  /** Rows whose reported date is after the as-of date (SPEC 4, v2). */
  unreportedRows: (count: number, asOf: string) => string;
  /** The heading of the warnings of the target's rows (corrections, implausible values). */
  notes: string;
  chart: string;
  legend: { expected: string; bounds: string; actual: string; projection: string; asOf: string };
  noChart: string;
  forecast: {
    title: string;
    rate: (perMonth: string, since: string) => string;
    point: (date: string, projected: string, expected: string, isDeadline: boolean) => string;
    reaches: (date: string) => string;
    neverReaches: string;
    none: Record<"not-progress" | "no-data" | "achieved" | "past-deadline" | "no-history", string>;
    note: string;
  };
}

export interface InitLabels {
  created: (dir: string) => string;
  upgraded: (dir: string, version: string) => string;
  next: string;
}

/** The words of `kpi notify`'s messages. */
export interface NotifyLabels {
  /** The heading when kpi.yaml has no title. */
  title: string;
  /** The messages' heading: the office and title, and the as-of date. */
  heading: (title: string, asOf: string) => string;
  attention: string;
  chase: string;
  /** The first line of each message after the first: `(continued, 2 of 3)`. */
  continued: (index: number, count: number) => string;
  /** The heading of the owners @-mentioned (late or red). */
  mentions: string;
  /** 企业微信's text message that mentions owners by mobile number. */
  mentionText: (owners: readonly string[]) => string;
  /** What was posted: `posted 2 messages to dingtalk`. */
  posted: (count: number, platform: string) => string;
}

/** The words of `kpi diff`. */
export interface DiffLabels {
  /** The heading: `What changed from 2022-05-31 to 2022-06-30`. */
  title: (baseAsOf: string, headAsOf: string) => string;
  /** The name of each list, in the Change column. */
  kinds: Record<DiffListName, string>;
  columns: { change: string; id: string; title: string; before: string; after: string };
  /** The line that says there is nothing to list. */
  none: string;
  /** The targets of both runs with nothing to say. */
  unchanged: (count: number) => string;
  /** A result's report state in the late lists: owed (with the report's date), or none owed. */
  owes: (report: string) => string;
  onTime: string;
}

/** The lists of `kpi diff`, in the order it shows them. */
export type DiffListName = StatusChangeKind | "lateAppeared" | "lateCleared" | "added" | "removed";

/** The commands of kpi, in the order its help lists them. */
export const COMMAND_NAMES = [
  "check",
  "report",
  "rank",
  "validate",
  "list",
  "schema",
  "init",
  "explain",
  "diff",
  "notify",
  "template",
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** The words of `kpi --help` and every command's help, commander's own words included. */
export interface HelpLabels {
  /** The program's description, under its usage line. */
  program: string;
  commands: Record<CommandName, string>;
  arguments: { data: string; paths: string; dir: string; id: string; base: string; head: string };
  options: {
    targets: string;
    data: string;
    encoding: string;
    /** `--allow-unknown`: rows of unknown ids are warnings. */
    allowUnknown: string;
    asOf: string;
    output: string;
    /** `kpi schema -o`: it writes a schema, not a report. */
    outputSchema: string;
    /** `kpi schema --project`. */
    project: string;
    lang: string;
    /** `--config`: the project file. */
    config: string;
    format: string;
    failOn: string;
    charts: string;
    by: string;
    /** `kpi report --issue`: the notice's issue line. */
    issue: string;
    /** `kpi rank --period`. */
    period: string;
    /** `kpi template --period`: the period the form is for. */
    templatePeriod: string;
    /** `kpi template --owner` and `--all`. */
    owner: string;
    all: string;
    /** `kpi template -o`: a file, or with --all a folder. */
    outputTemplate: string;
    strict: string;
    force: string;
    to: string;
    webhook: string;
    dryRun: string;
    upgrade: string;
    ci: string;
    forecast: string;
    help: string;
    version: string;
  };
  /** The `help [command]` command. */
  helpCommand: string;
  /** The first line: `Usage: kpi check [options] [data...]`. */
  usage: (usage: string) => string;
  /** The headings of the lists in a help text. */
  headings: { arguments: string; options: string; globalOptions: string; commands: string };
  /** What commander adds after a description: the choices and the default, in its own words. */
  choices: (values: readonly string[]) => string;
  /** An option's or argument's default, as commander holds it (a string, or a list of them). */
  defaultValue: (value: unknown) => string;
  /** The added words after the description: `text (choices: …, default: …)`. */
  details: (description: string, details: readonly string[]) => string;
}

/** The words of the monthly notice (`kpi report --format docx`, 通报). */
export interface NoticeLabels {
  /** The title when kpi.yaml gives none: `2022年6月重点工作进展情况通报`. */
  defaultTitle: (year: number, month: number) => string;
  /** The issue line from a number: `第 7 期`. */
  issue: (issue: number) => string;
  /** A date as the notice prints it: `2022年6月30日`, `30 June 2022`. */
  date: (year: number, month: number, day: number) => string;
  /** The opening sentence, with the as-of date in the notice's form. */
  opening: (asOf: string) => string;
  /** The numbered headings: 一、总体情况 … 四、说明. */
  headings: { overview: string; attention: string; ranking: string; notes: string };
  /** The overview in words: the counts of each status. */
  overview: (asOf: string, summary: Record<Status | "total", number>) => string;
  /** The overview table's heads: the section, then the total and a count per status. */
  sectionColumn: string;
  totalColumn: string;
  /** The row of the whole under the sections. */
  totalRow: string;
  /** Under 二: what the table lists, and the follow-up list's lead-in. */
  attentionLead: (red: number, yellow: number) => string;
  followUpLead: (count: number) => string;
  /** Under 三: the ranking's lead-in, and that of the chase list. */
  rankingLead: (period: string) => string;
  chaseLead: (count: number) => string;
  /** The heads of the attention table that the report's table does not share. */
  paceColumn: string;
  /** What the status words mean, first of the notes. */
  statusNote: string;
  /** The notice's own line at the foot of 四、说明: how it was made. */
  madeBy: string;
}

/** The words of the status workbook (`kpi report --format xlsx`) beyond the tables' own. */
export interface WorkbookLabels {
  /** The names of the first two sheets; each owner's sheet is the owner's name. */
  sheets: { summary: string; ranking: string };
  /** The title row above a sheet's table: the title, the office and the as-of date. */
  title: (title: string, office: string | null, asOf: string) => string;
  /** An owner's sheet's title row. */
  ownerTitle: (owner: string, asOf: string) => string;
  /** The heads of the columns the results' table does not name. */
  /** `remark`: the department's note on the row the actual comes from (备注). */
  columns: { section: string; unit: string; observedOn: string; remark: string };
  /** The workbook's font: what an office's Excel uses for the language. */
  font: string;
}

/** The words of the entry form (`kpi template`). */
export interface TemplateLabels {
  /**
   * The heads of its columns. The id's and the date's, the value's and the note's are names the
   * data reader takes (编号, 日期, 数值, 备注); the others are names it passes over (the title is not
   * 指标, which the reader would take for a second id column).
   */
  columns: {
    id: string;
    title: string;
    unit: string;
    date: string;
    previous: string;
    expected: string;
    value: string;
    note: string;
    /** Last year's figure for the period (同期, a name the data reader takes as `base`). */
    base: string;
  };
  /** The row above the header in a workbook: what to fill in, and by when. */
  instruction: (owner: string, period: string, date: string) => string;
  /** What a value cell asks for, shown when it is chosen: a total to date or the period's own amount. */
  valuePrompt: (
    unit: string | null,
    measure: Exclude<Measure, "milestone">,
  ) => { title: string; text: string };
  /** What a 同期 cell asks for: last year's figure for the same period, in the unit. */
  basePrompt: (unit: string | null) => { title: string; text: string };
  /** A milestone's cell: 是 / 否. */
  milestonePrompt: { title: string; text: string };
  /** What Excel says when what was typed is not a number, or not one of the list. */
  valueError: { title: string; text: string };
  milestoneError: { title: string; text: string };
  /** The words a milestone's cell takes (the data reader's done / not done). */
  done: string;
  notDone: string;
}

/** A rank's movement as both languages mark it: ↑2, ↓1, =, or the word for a newcomer. */
export function movementMark(movement: Movement, newcomer: string): string {
  if (movement.kind === "up") return `↑${movement.by}`;
  if (movement.kind === "down") return `↓${movement.by}`;
  return movement.kind === "same" ? "=" : newcomer;
}
