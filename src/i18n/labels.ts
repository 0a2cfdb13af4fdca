/** Every human label kpi prints, in each language. JSON keys and values never go through here. */
import type { Kind, Reason, Status } from "../core/model.js";
import type { ChangeKind } from "../core/report-model.js";

export const LANGUAGES = ["en", "zh"] as const;
export type Language = (typeof LANGUAGES)[number];

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
  stale: string;
  /** `stale (2022-02-28)`: the date of the latest row. */
  staleSince: (date: string) => string;
  /** Between the reason and its qualifiers in a note: `off track, stale (2022-02-28)`. */
  noteSeparator: string;
  star: string;
  asOf: string;
  targets: string;
  within: (min: number | null, max: number | null) => string;
  dueBy: string;
  yes: string;
  no: string;
  warnings: (count: number) => string;
  errors: (count: number) => string;
  validate: ValidateLabels;
  list: ListLabels;
  explain: ExplainLabels;
  init: InitLabels;
  /** What a level target's bounds are called in a one-line description. */
  bounds: string;
  /** A status and its reason in a few words: `red: off track`. */
  statusReason: (status: string, reason: string) => string;
  /** Between names in a list, as a target's owners: `发改局、统计局`. */
  nameSeparator: string;
  /** Between the parts of a one-line description: `actual 36; expected 39`. */
  listSeparator: string;
  /** Before a warning's message: `file:line:col: warning: …`. */
  warningPrefix: string;
  /** The count line after errors: `2 errors, 1 warning; no report was made`. */
  problemCounts: (errors: number, warnings: number) => string;
  internalError: (detail: string) => string;
  /** An input or usage problem's message in this language; the English text is the key. */
  message: (english: string) => string;
  report: ReportLabels;
  rank: RankLabels;
  html: HtmlLabels;
}

/** The words of the HTML report (`kpi report --format html`) beyond those of the markdown report. */
export interface HtmlLabels {
  /** The page's `lang` attribute (BCP 47). */
  lang: string;
  /** Short names of the page's parts, for its table of contents. */
  nav: {
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
    /** The legend above the charts. */
    legend: { expected: string; milestone: string; actual: string; asOf: string; target: string };
  };
  footer: string;
}

/** The words of `kpi report` (the markdown status report). */
export interface ReportLabels {
  title: (asOf: string) => string;
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
  change: Record<ChangeKind, string>;
  columns: {
    target: string;
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
  /** Notes at the end that say how the numbers are made. */
  legend: readonly string[];
}

/** The words of the owners' ranking (`kpi rank`, `kpi report --by owner`). */
export interface RankLabels {
  title: (asOf: string) => string;
  columns: { place: string; owner: string; score: string; targets: string };
  /** An owner whose targets all have no data has no score. */
  noScore: string;
  legend: string;
}

/** The words of `kpi validate`, `kpi list`, `kpi explain` and `kpi init`. */
export interface ValidateLabels {
  /** The closing line of a run that passes: `16 targets, 96 data rows: no errors, 2 warnings`. */
  summary: (targets: number, rows: number, warnings: number) => string;
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
  rule: Record<Reason, string>;
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
  stale: (observedOn: string, asOf: string) => string;
  schedule: string;
  point: { baseline: string; milestone: string; deadline: string; next: string };
  /** The schedule table's column of shares of the way from baseline to target. */
  share: string;
  interpolation: Record<"linear" | "step", string>;
  aggregate: Record<"last" | "sum", string>;
  tolerance: (amount: string, share: string | null) => string;
  bounds: (bounds: string, tolerance: string, stretch: string | null) => string;
  due: (deadline: string, warnFrom: string, days: number) => string;
  rows: (asOf: string) => string;
  rowColumns: {
    date: string;
    value: string;
    sum: string;
    expected: string;
    status: string;
    place: string;
  };
  noRows: string;
  laterRows: (count: number, asOf: string) => string;
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
  next: string;
}

const enValidate: ValidateLabels = {
  summary: (targets, rows, warnings) =>
    `${targets} target${targets === 1 ? "" : "s"}, ${rows} data row${rows === 1 ? "" : "s"}: ${enValidate.counts(0, warnings)}`,
  counts: (errors, warnings) =>
    `${errors === 0 ? "no errors" : `${errors} error${errors === 1 ? "" : "s"}`}, ${
      warnings === 0 ? "no warnings" : `${warnings} warning${warnings === 1 ? "" : "s"}`
    }`,
  dataSkipped:
    "the data files were not read: a value's meaning depends on its target, so fix the target files first",
  strict: "--strict: warnings count as errors",
};

const zhValidate: ValidateLabels = {
  summary: (targets, rows, warnings) =>
    `${targets} 项指标、${rows} 行数据：${zhValidate.counts(0, warnings)}`,
  counts: (errors, warnings) =>
    `${errors === 0 ? "没有错误" : `${errors} 个错误`}，${warnings === 0 ? "没有警告" : `${warnings} 条警告`}`,
  dataSkipped: "未读取数据文件：数值的含义取决于指标，请先修正指标文件",
  strict: "--strict：警告按错误处理",
};

const enList: ListLabels = {
  columns: {
    id: "ID",
    title: "Title",
    kind: "Kind",
    owner: "Owner",
    target: "Target",
    deadline: "Deadline",
    schedule: "Schedule",
    tolerance: "Tolerance",
  },
  kind: { progress: "progress", level: "level", milestone: "milestone" },
  from: (date) => `from ${date}`,
  warnFrom: (date, days) => `due soon from ${date} (${days} days)`,
  step: "step",
  sum: "rows added up",
  count: (targets) => `${targets} target${targets === 1 ? "" : "s"}`,
};

const zhList: ListLabels = {
  columns: {
    id: "编号",
    title: "指标",
    kind: "类型",
    owner: "责任单位",
    target: "目标",
    deadline: "期限",
    schedule: "序时进度",
    tolerance: "容差",
  },
  kind: { progress: "进度", level: "区间", milestone: "节点任务" },
  from: (date) => `自 ${date}`,
  warnFrom: (date, days) => `${date} 起临近期限（${days} 天）`,
  step: "阶梯",
  sum: "按期累加",
  count: (targets) => `${targets} 项指标`,
};

const enExplain: ExplainLabels = {
  colon: ": ",
  comma: ", ",
  paren: (text) => ` (${text})`,
  definedAt: "defined at",
  statusAsOf: (asOf) => `Status as of ${asOf}`,
  why: "Why",
  rulesIntro: "the rules in the order they are tried; the first that holds decides",
  yes: "yes",
  no: "no",
  rule: {
    "no-data": "no actual → grey",
    achieved: "the actual reaches the target → green",
    missed: "the deadline has come → red",
    "on-track": "at or ahead of the expected value → green",
    behind: "behind by at most the tolerance → yellow",
    "off-track": "otherwise → red",
    within: "within the bounds → green",
    near: "outside by at most the tolerance → yellow",
    outside: "otherwise → red",
    done: "done → green",
    overdue: "not done and the deadline has come → red",
    "due-soon": "not done and the deadline is at most warn_days away → yellow",
    pending: "otherwise → green",
  },
  decided: (status, reason) => `→ ${status}, ${reason}`,
  noActual: (asOf) => `no row at or before ${asOf}`,
  actual: (value, date) => `the actual is ${value} (${date})`,
  summed: (value, rows, date) =>
    `the actual is ${value}, the sum of ${rows} row${rows === 1 ? "" : "s"} up to ${date}`,
  reached: (actual, target, holds) =>
    holds ? `${actual} reaches ${target}` : `${actual} has not reached ${target}`,
  deadline: (asOf, deadline, holds) =>
    holds
      ? `${asOf} is on or after the deadline ${deadline}`
      : `${asOf} is before the deadline ${deadline}`,
  onSchedule: (actual, expected, behindBy, aheadBy) =>
    behindBy !== null
      ? `${actual} is ${behindBy} behind the expected ${expected}`
      : aheadBy !== null
        ? `${actual} is ${aheadBy} ahead of the expected ${expected}`
        : `${actual} is the expected ${expected}`,
  withinTolerance: (behindBy, tolerance, share, holds) =>
    `${behindBy} behind ${holds ? "≤" : ">"} the tolerance ${tolerance}${share === null ? "" : ` (${share})`}`,
  withinBounds: (actual, bounds, holds) => `${actual} is ${holds ? "within" : "outside"} ${bounds}`,
  spanShare: (percent, span) => `${percent} of the span ${span}`,
  boundShare: (percent, bound) => `${percent} of the bound ${bound}`,
  nearBound: (actual, bound, distance, tolerance, holds) =>
    `${actual} is ${distance} past the bound ${bound}, ${holds ? "≤" : ">"} the tolerance ${tolerance}`,
  done: (holds) => (holds ? "done" : "not done"),
  dueSoon: (daysLeft, warnDays, holds) =>
    `${daysLeft} day${daysLeft === 1 ? "" : "s"} to the deadline ${holds ? "≤" : ">"} warn_days ${warnDays}`,
  stale: (observedOn, asOf) =>
    `stale: the latest row (${observedOn}) is from an earlier month than ${asOf}; it still counts`,
  schedule: "Schedule",
  point: {
    baseline: "baseline (end of the day before start)",
    milestone: "milestone",
    deadline: "deadline",
    next: "← next",
  },
  share: "Share",
  interpolation: {
    linear: "linear between the points, day by day",
    step: "step: the value of the latest point",
  },
  aggregate: {
    last: "each row is the running total",
    sum: "rows are per-period amounts, added up",
  },
  tolerance: (amount, share) =>
    `yellow while behind by at most ${amount}${share === null ? "" : ` (${share})`}`,
  bounds: (bounds, tolerance, stretch) =>
    `green within ${bounds}; yellow up to ${tolerance} outside${stretch === null ? "" : `; ★ at ${stretch}`}`,
  due: (deadline, warnFrom, days) =>
    `due ${deadline}; yellow from ${warnFrom} if not done (warn_days ${days})`,
  rows: (asOf) => `Data up to ${asOf}`,
  rowColumns: {
    date: "Date",
    value: "Value",
    sum: "Sum",
    expected: "Expected",
    status: "Status then",
    place: "Row",
  },
  noRows: "no rows",
  laterRows: (count, asOf) =>
    `${count} later row${count === 1 ? "" : "s"} (after ${asOf}) not counted`,
  chart: "Chart",
  legend: {
    expected: "· expected",
    bounds: "· bounds",
    actual: "● actual",
    projection: "○ projection",
    asOf: "┬ as of",
  },
  noChart: "none, a milestone is done or not done",
  forecast: {
    title: "Projection at the run rate (a projection, not a status)",
    rate: (perMonth, since) => `average since ${since}: ${perMonth} a month`,
    point: (date, projected, expected, isDeadline) =>
      `${date} (${isDeadline ? "deadline" : "next milestone"}): ${projected} projected, ${expected} expected`,
    reaches: (date) => `at this rate the target is reached on ${date}`,
    neverReaches: "at this rate the target is never reached",
    none: {
      "not-progress": "no projection: only progress targets have a rate to carry forward",
      "no-data": "no projection: there is no actual yet",
      achieved: "no projection: the target is reached",
      "past-deadline": "no projection: the deadline has passed",
      "no-history": "no projection: the latest row is not after the start",
    },
    note: "A projection never changes a status.",
  },
};

const zhExplain: ExplainLabels = {
  colon: "：",
  comma: "，",
  paren: (text) => `（${text}）`,
  definedAt: "定义于",
  statusAsOf: (asOf) => `截至 ${asOf} 的状态`,
  why: "判定依据",
  rulesIntro: "按以下顺序逐条判断，第一条成立的规则决定状态",
  yes: "是",
  no: "否",
  rule: {
    "no-data": "没有实际值 → 无数据",
    achieved: "实际值达到目标 → 绿灯",
    missed: "已到截止日期 → 红灯",
    "on-track": "不低于序时进度 → 绿灯",
    behind: "滞后不超过容差 → 黄灯",
    "off-track": "其他 → 红灯",
    within: "在区间内 → 绿灯",
    near: "超出不超过容差 → 黄灯",
    outside: "其他 → 红灯",
    done: "已完成 → 绿灯",
    overdue: "未完成且已到期限 → 红灯",
    "due-soon": "未完成且距期限不超过 warn_days 天 → 黄灯",
    pending: "其他 → 绿灯",
  },
  decided: (status, reason) => `→ ${status}，${reason}`,
  noActual: (asOf) => `${asOf} 及以前没有数据`,
  actual: (value, date) => `实际值为 ${value}（${date}）`,
  summed: (value, rows, date) => `实际值为 ${value}，即截至 ${date} 的 ${rows} 行数据之和`,
  reached: (actual, target, holds) =>
    holds ? `${actual} 已达到 ${target}` : `${actual} 尚未达到 ${target}`,
  deadline: (asOf, deadline, holds) =>
    holds ? `${asOf} 不早于截止日期 ${deadline}` : `${asOf} 早于截止日期 ${deadline}`,
  onSchedule: (actual, expected, behindBy, aheadBy) =>
    behindBy !== null
      ? `${actual}，比序时进度 ${expected} 落后 ${behindBy}`
      : aheadBy !== null
        ? `${actual}，比序时进度 ${expected} 超前 ${aheadBy}`
        : `${actual}，等于序时进度 ${expected}`,
  withinTolerance: (behindBy, tolerance, share, holds) =>
    `滞后 ${behindBy} ${holds ? "≤" : ">"} 容差 ${tolerance}${share === null ? "" : `（${share}）`}`,
  withinBounds: (actual, bounds, holds) => `${actual} ${holds ? "在" : "不在"} ${bounds} 内`,
  spanShare: (percent, span) => `跨度 ${span} 的 ${percent}`,
  boundShare: (percent, bound) => `边界 ${bound} 的 ${percent}`,
  nearBound: (actual, bound, distance, tolerance, holds) =>
    `${actual} 超出边界 ${bound} ${distance}，${holds ? "≤" : ">"} 容差 ${tolerance}`,
  done: (holds) => (holds ? "已完成" : "未完成"),
  dueSoon: (daysLeft, warnDays, holds) =>
    `距期限 ${daysLeft} 天 ${holds ? "≤" : ">"} warn_days ${warnDays}`,
  stale: (observedOn, asOf) =>
    `数据未更新：最近一行（${observedOn}）早于 ${asOf} 所在月份，仍按其计算`,
  schedule: "序时进度",
  point: {
    baseline: "基数（开始日前一天结束时）",
    milestone: "节点",
    deadline: "截止",
    next: "← 下一节点",
  },
  share: "进度比例",
  interpolation: { linear: "节点之间按日线性", step: "阶梯：取最近节点的值" },
  aggregate: { last: "每行为累计值", sum: "每行为当期值，累加" },
  tolerance: (amount, share) =>
    `滞后不超过 ${amount}${share === null ? "" : `（${share}）`} 时为黄灯`,
  bounds: (bounds, tolerance, stretch) =>
    `在 ${bounds} 内为绿灯；超出不超过 ${tolerance} 为黄灯${stretch === null ? "" : `；达到 ${stretch} 加 ★`}`,
  due: (deadline, warnFrom, days) =>
    `期限 ${deadline}；未完成时自 ${warnFrom} 起为黄灯（warn_days ${days}）`,
  rows: (asOf) => `截至 ${asOf} 的数据`,
  rowColumns: {
    date: "日期",
    value: "数值",
    sum: "累计",
    expected: "序时进度",
    status: "当时状态",
    place: "来源行",
  },
  noRows: "没有数据",
  laterRows: (count, asOf) => `另有 ${count} 行晚于 ${asOf}，未计入`,
  chart: "走势图",
  legend: {
    expected: "· 序时进度",
    bounds: "· 区间边界",
    actual: "● 实际值",
    projection: "○ 预测",
    asOf: "┬ 统计日",
  },
  noChart: "无（节点任务只有完成与未完成）",
  forecast: {
    title: "按当前速度的预测（仅供参考，不影响状态）",
    rate: (perMonth, since) => `自 ${since} 以来平均每月 ${perMonth}`,
    point: (date, projected, expected, isDeadline) =>
      `${date}（${isDeadline ? "截止" : "下一节点"}）：预测 ${projected}，序时进度 ${expected}`,
    reaches: (date) => `按此速度将于 ${date} 达到目标`,
    neverReaches: "按此速度无法达到目标",
    none: {
      "not-progress": "无预测：只有进度类指标有可外推的速度",
      "no-data": "无预测：尚无实际值",
      achieved: "无预测：目标已达到",
      "past-deadline": "无预测：已过截止日期",
      "no-history": "无预测：最近一行不晚于开始日期",
    },
    note: "预测不会改变任何状态。",
  },
};

const enInit: InitLabels = {
  created: (dir) => `Created a kpi repository in ${dir}:`,
  next: "Next:",
};

const zhInit: InitLabels = {
  created: (dir) => `已在 ${dir} 创建 kpi 数据仓库：`,
  next: "下一步：",
};

const en: Labels = {
  status: { green: "green", yellow: "yellow", red: "red", grey: "grey" },
  reason: {
    "no-data": "no data",
    achieved: "achieved",
    missed: "missed",
    "on-track": "on track",
    behind: "behind",
    "off-track": "off track",
    within: "within bounds",
    near: "near the bound",
    outside: "outside bounds",
    done: "done",
    overdue: "overdue",
    "due-soon": "due soon",
    pending: "pending",
  },
  columns: {
    status: "Status",
    id: "ID",
    title: "Title",
    owner: "Owner",
    actual: "Actual",
    expected: "Expected",
    target: "Target",
    progress: "Progress",
    note: "Note",
  },
  stale: "stale",
  staleSince: (date) => `stale (${date})`,
  noteSeparator: ", ",
  star: "stretch met",
  asOf: "as of",
  targets: "targets",
  within: (min, max) =>
    min !== null && max !== null ? `${min}–${max}` : min !== null ? `≥ ${min}` : `≤ ${max}`,
  dueBy: "due",
  yes: "done",
  no: "not done",
  warnings: (count) => `${count} warning${count === 1 ? "" : "s"}`,
  errors: (count) => `${count} error${count === 1 ? "" : "s"}`,
  validate: enValidate,
  list: enList,
  explain: enExplain,
  init: enInit,
  bounds: "Bounds",
  statusReason: (status, reason) => (status === reason ? status : `${status}: ${reason}`),
  nameSeparator: ", ",
  listSeparator: "; ",
  warningPrefix: "warning: ",
  problemCounts: (errors, warnings) =>
    `${en.errors(errors)}${warnings > 0 ? `, ${en.warnings(warnings)}` : ""}; no report was made`,
  internalError: (detail) =>
    `internal error: ${detail}\nThis is a bug in kpi, not in your files; please report it with the command you ran.`,
  message: (english) => english,
  report: {
    title: (asOf) => `Status report as of ${asOf}`,
    attention: "Needs attention: red and yellow targets",
    noAttention: "No target is red or yellow.",
    bySection: "All targets by section",
    noSection: "Other",
    byOwner: "By owner",
    noOwner: "No owner",
    dueSoon: (days, until) => `Due in the next ${days} days (to ${until})`,
    noneDue: "Nothing is due in this period.",
    changes: (since) => `Changes since the previous month-end (${since})`,
    noChanges: "No status has changed.",
    change: {
      "newly-red": "newly red",
      "newly-yellow": "newly yellow",
      improved: "red to yellow",
      recovered: "recovered",
      reported: "first data",
    },
    columns: {
      target: "Target",
      behindBy: "Behind by",
      nextMilestone: "Next milestone",
      daysLeft: "Days left",
      pace: "Monthly pace needed",
      due: "Due",
      needed: "Needed",
      change: "Change",
      was: "Was",
      now: "Now",
    },
    perMonth: (amount) => `${amount} / month`,
    overdueDays: (days) => `overdue ${days} day${days === 1 ? "" : "s"}`,
    charts: "Charts",
    chartCaption: (expected) => `bars: actual; line: ${expected}`,
    month: (year, month) => `${year}-${String(month).padStart(2, "0")}`,
    legend: [
      "**Expected** (序时进度) is the value the schedule asks for by the as-of date; **Behind by** is how far the actual lags it (for a level target: how far it is outside its bound).",
      "**Monthly pace needed** is what is still to be added each month to reach the next milestone: (milestone value − actual) ÷ the month-ends left until it.",
      "**Score** (owner ranking): the mean over an owner's targets of green 100, yellow 60, red 0; targets with no data are left out, and equal scores share a place.",
    ],
  },
  rank: {
    title: (asOf) => `Owner ranking as of ${asOf}`,
    columns: { place: "Place", owner: "Owner", score: "Score", targets: "Targets" },
    noScore: "–",
    legend:
      "Score: the mean over an owner's targets of green 100, yellow 60, red 0 (no data left out); equal scores share a place.",
  },
  html: {
    lang: "en",
    nav: {
      attention: "Red and yellow",
      targets: "All targets",
      owners: "Owners",
      due: "Due soon",
      changes: "Changes",
      notes: "Notes",
    },
    notes: "How the numbers are made",
    controls: "Filter and sort",
    owner: "Owner",
    allOwners: "All owners",
    status: "Status",
    sort: "Sort",
    sortBy: { order: "As in the files", status: "Worst first", progress: "Least progress first" },
    shown: "{shown} of {total} targets shown",
    source: "Source",
    expectedShare: "expected by now",
    chart: {
      title: (target) => `${target}: expected and actual values by month`,
      milestone: "Schedule point",
      asOf: "as of",
      target: "Target",
      noData: "no data yet",
      offScale: (value) => `${value} (beyond the chart's scale)`,
      legend: {
        expected: "expected (序时进度)",
        milestone: "schedule point",
        actual: "actual at each month-end",
        asOf: "as-of date",
        target: "target",
      },
    },
    footer:
      "Made by kpi from the target and data files. This page is one self-contained file: it works offline and fetches nothing.",
  },
};

const zh: Labels = {
  status: { green: "绿灯", yellow: "黄灯", red: "红灯", grey: "无数据" },
  reason: {
    "no-data": "无数据",
    achieved: "已完成",
    missed: "未完成",
    "on-track": "按序时推进",
    behind: "滞后",
    "off-track": "严重滞后",
    within: "在区间内",
    near: "接近边界",
    outside: "超出区间",
    done: "已完成",
    overdue: "逾期",
    "due-soon": "临近期限",
    pending: "推进中",
  },
  columns: {
    status: "状态",
    id: "编号",
    title: "指标",
    owner: "责任单位",
    actual: "实际值",
    expected: "序时进度",
    target: "目标",
    progress: "完成率",
    note: "说明",
  },
  stale: "数据未更新",
  staleSince: (date) => `数据未更新（${date}）`,
  noteSeparator: "，",
  star: "达到争先值",
  asOf: "截至",
  targets: "项指标",
  within: (min, max) =>
    min !== null && max !== null ? `${min}–${max}` : min !== null ? `≥ ${min}` : `≤ ${max}`,
  dueBy: "期限",
  yes: "已完成",
  no: "未完成",
  warnings: (count) => `${count} 条警告`,
  errors: (count) => `${count} 个错误`,
  validate: zhValidate,
  list: zhList,
  explain: zhExplain,
  init: zhInit,
  bounds: "目标区间",
  statusReason: (status, reason) => (status === reason ? status : `${status}：${reason}`),
  nameSeparator: "、",
  listSeparator: "；",
  warningPrefix: "警告：",
  problemCounts: (errors, warnings) =>
    `${errors} 个错误${warnings > 0 ? `、${warnings} 条警告` : ""}；未生成报告`,
  internalError: (detail) =>
    `内部错误：${detail}\n这是 kpi 的缺陷，不是您文件的问题；请连同所运行的命令一起报告。`,
  message: (english) => translateToChinese(english),
  report: {
    title: (asOf) => `指标进展情况通报（截至 ${asOf}）`,
    attention: "亮灯警示：红灯和黄灯指标",
    noAttention: "没有红灯或黄灯指标。",
    bySection: "全部指标（按板块）",
    noSection: "其他",
    byOwner: "各责任单位",
    noOwner: "未明确责任单位",
    dueSoon: (days, until) => `${days} 天内临近期限的节点（至 ${until}）`,
    noneDue: "本期没有临近期限的节点。",
    changes: (since) => `较上月末（${since}）的变化`,
    noChanges: "没有指标的状态发生变化。",
    change: {
      "newly-red": "新亮红灯",
      "newly-yellow": "新亮黄灯",
      improved: "红灯转黄灯",
      recovered: "转为绿灯",
      reported: "首次报送数据",
    },
    columns: {
      target: "指标",
      behindBy: "滞后量",
      nextMilestone: "下一节点",
      daysLeft: "剩余天数",
      pace: "每月需完成",
      due: "期限",
      needed: "应达到",
      change: "变化",
      was: "上月末",
      now: "本期",
    },
    perMonth: (amount) => `每月 ${amount}`,
    overdueDays: (days) => `逾期 ${days} 天`,
    charts: "走势图",
    chartCaption: (expected) => `柱：实际值；线：${expected}`,
    month: (year, month) => `${year}年${month}月`,
    legend: [
      "**序时进度**：按计划截至统计日应达到的数值；**滞后量**：实际值落后于序时进度的差额（区间类指标为超出边界的幅度）。",
      "**每月需完成**：达到下一节点每月还需完成的量 =（节点值 − 实际值）÷ 距该节点的剩余月末数。",
      "**得分**（责任单位排名）：各项指标绿灯计 100 分、黄灯 60 分、红灯 0 分，取平均值；无数据的指标不计，得分相同者并列。",
    ],
  },
  rank: {
    title: (asOf) => `责任单位排名（截至 ${asOf}）`,
    columns: { place: "名次", owner: "责任单位", score: "得分", targets: "指标数" },
    noScore: "–",
    legend:
      "得分：各项指标绿灯 100 分、黄灯 60 分、红灯 0 分的平均值（无数据的指标不计）；得分相同者并列。",
  },
  html: {
    lang: "zh-CN",
    nav: {
      attention: "亮灯警示",
      targets: "全部指标",
      owners: "责任单位",
      due: "临近期限",
      changes: "变化情况",
      notes: "说明",
    },
    notes: "数据说明",
    controls: "筛选和排序",
    owner: "责任单位",
    allOwners: "全部责任单位",
    status: "状态",
    sort: "排序",
    sortBy: { order: "按文件顺序", status: "红灯在前", progress: "完成率从低到高" },
    shown: "显示 {shown} / {total} 项指标",
    source: "原文",
    expectedShare: "序时应达",
    chart: {
      title: (target) => `${target}：序时进度与各月实际值`,
      milestone: "节点",
      asOf: "截至",
      target: "目标",
      noData: "暂无数据",
      offScale: (value) => `${value}（超出图表范围）`,
      legend: {
        expected: "序时进度",
        milestone: "节点",
        actual: "各月末实际值",
        asOf: "统计日",
        target: "目标值",
      },
    },
    footer: "由 kpi 根据指标文件和数据文件生成。本页面为单个独立文件，可离线打开，不访问网络。",
  },
};

const LABELS: Record<Language, Labels> = { en, zh };

export function labelsFor(language: Language): Labels {
  return LABELS[language];
}

/**
 * The language: `--lang`, else `KPI_LANG`, else a `zh*` `LANG`, else English. The environment
 * is passed in, so the choice is testable and never read deep inside.
 */
export function resolveLanguage(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Language | null {
  if (option !== undefined)
    return (LANGUAGES as readonly string[]).includes(option) ? (option as Language) : null;
  const fromEnv = (env.KPI_LANG || env.LANG) ?? "";
  return fromEnv.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/**
 * Chinese wording of the input and usage messages. The messages are made in English where the
 * problem is found (the core knows no language); this one table matches each fixed template and
 * rewords it, keeping its values, places and option names. A message no template matches (a new
 * one, or commander's own) stays in English rather than being lost.
 */
const ZH_MESSAGES: readonly (readonly [RegExp, (...parts: string[]) => string])[] = [
  // Data files (SPEC section 3).
  [/^date (".*") is not a calendar date$/, (value) => `日期 ${value} 不是有效的日历日期`],
  [
    /^date (".*") is not a date \(.*\)$/,
    (value) =>
      `日期 ${value} 无法识别（可用格式：2022-03-31、2022/3/31、2022年3月31日、2022-03 或 2022-Q1）`,
  ],
  [/^value (".*") is not a number$/, (value) => `数值 ${value} 不是数字`],
  [
    /^value (".*") has a % sign but the unit of (.+) is not %$/,
    (value, id) => `数值 ${value} 带有 % 号，但 ${id} 的单位不是 %`,
  ],
  [
    /^value (".*") is not done \/ not done \(.*\)$/,
    (value) =>
      `数值 ${value} 不是“完成/未完成”（完成：1 true yes done y 是 完成 已完成；未完成：0 false no n 否 未完成）`,
  ],
  [
    /^the row has (\d+) fields but the header has (\d+)(?:;.*)?$/,
    (fields, header) =>
      `该行有 ${fields} 个字段，但表头只有 ${header} 个；带千位分隔符的数值须加引号（"1,200"）`,
  ],
  [/^the target is empty$/, () => "指标编号为空"],
  [
    /^no value for (.+) on (\S+): the row is skipped$/,
    (id, date) => `${id} 在 ${date} 没有数值：该行已跳过`,
  ],
  [/^the file has no header row \((.*)\)$/, (columns) => `文件没有表头行（${columns}）`],
  [
    /^no target has the id "(.*?)"(?: \((\d+) rows\))?: its rows are ignored$/,
    (id, rows) => `没有编号为 "${id}" 的指标${rows ? `（${rows} 行）` : ""}：这些行已忽略`,
  ],
  [/^(\d+) more errors in this file$/, (count) => `本文件另有 ${count} 个错误`],
  [/^(\d+) more warnings in this file$/, (count) => `本文件另有 ${count} 条警告`],
  [
    /^two columns mean (\w+): (".*") and (".*")$/,
    (column, a, b) => `有两列都表示 ${column}：${a} 和 ${b}`,
  ],
  [
    /^the header has no (\w+) column \(one of: (.*)\)$/,
    (column, names) => `表头缺少 ${column} 列（可用列名：${names}）`,
  ],
  [
    /^(.+) on (\d{4}-\d{2}-\d{2}) is (.+) here but (.+) at (.+)$/,
    (id, date, here, there, place) =>
      `${id} 在 ${date} 的数值此处为 ${here}，但在 ${place} 为 ${there}`,
  ],
  [/^a quoted field is not closed:.*$/, () => '引号字段没有闭合：以 " 开头的字段必须以 " 结尾'],
  [
    /^a closing quote is followed by .*$/,
    () => '闭合引号后面跟了逗号或行尾以外的内容（引号字段内的引号请写作 ""）',
  ],
  [/^the CSV cannot be read \((.*)\)$/, (code) => `无法读取 CSV（${code}）`],
  [
    /^the file is not valid UTF-8 \(try --encoding gb18030\)$/,
    () => "文件不是有效的 UTF-8（可尝试 --encoding gb18030）",
  ],
  [/^cannot read the file: (.*)$/, (code) => `无法读取文件：${code}`],
  // Target files (SPEC section 2).
  [
    /^duplicate id (".*"), first defined at (.+)$/,
    (id, place) => `编号 ${id} 重复，首次定义于 ${place}`,
  ],
  [/^duplicate key (".*")$/, (key) => `键 ${key} 重复`],
  [/^invalid YAML: (.*)$/, (detail) => `YAML 格式错误：${detail}`],
  [/^empty target file:.*$/, () => "指标文件为空：应为包含指标列表（targets）的映射"],
  [/^cannot expand the file's aliases: (.*)$/, (detail) => `无法展开文件中的别名：${detail}`],
  [/^unknown key (".*?")$/, (key) => `未知的键 ${key}`],
  [
    /^unknown key (".*?"): (\w+) targets have no (\S+) \((.+) targets do\)$/,
    (key, kind, field, others) =>
      `未知的键 ${key}：${kind} 类指标没有 ${field}（${others.replaceAll(" and ", "、")} 类指标才有）`,
  ],
  [
    /^no target has the id (".*?"); kpi list shows them all$/,
    (id) => `没有编号为 ${id} 的指标；kpi list 可列出全部指标`,
  ],
  [/^no target has the id (".*?")$/, (id) => `没有编号为 ${id} 的指标`],
  [/^the id cannot have a default:.*$/, () => "id 不能设默认值：每个指标须有自己的编号"],
  [/^(\S+) is required when the file has no year$/, (key) => `文件没有 year 时须填写 ${key}`],
  [
    /^deadline (\S+) is before start (\S+)$/,
    (deadline, start) => `截止日期 ${deadline} 早于开始日期 ${start}`,
  ],
  [
    /^target equals baseline \((.*)\): there is no way to go$/,
    (baseline) => `目标值等于基数（${baseline}）：无法判断推进方向`,
  ],
  [
    /^(schedule\[\d+\]) needs progress \("30%"\) or value$/,
    (name) => `${name} 须有 progress（如 "30%"）或 value`,
  ],
  [
    /^(schedule\[\d+\]) has both progress and value: give one$/,
    (name) => `${name} 同时有 progress 和 value：只能填一个`,
  ],
  [
    /^(.+) on (\S+) is outside the period (\S+) to (\S+) \(.*\)$/,
    (name, by, start, deadline) =>
      `${milestoneName(name)}（${by}）不在期间 ${start} 至 ${deadline} 内（截止日期总是最后一个节点）`,
  ],
  [
    /^(.+) on (\S+) is out of order:.*$/,
    (name, by) => `${milestoneName(name)}（${by}）顺序不对：节点须按日期先后排列`,
  ],
  [
    /^(.+) value (\S+) must lie between the previous value (\S+) and the target (\S+)$/,
    (name, value, previous, target) =>
      `${milestoneName(name)}的数值 ${value} 须介于前一节点值 ${previous} 与目标值 ${target} 之间`,
  ],
  [/^a level target needs min, max or both$/, () => "区间类指标须有 min、max 或两者"],
  [/^max (\S+) is below min (\S+)$/, (max, min) => `max ${max} 小于 min ${min}`],
  [
    /^stretch (\S+) must be a better value than the bound: at or below max (\S+)$/,
    (stretch, max) => `stretch ${stretch} 须优于边界：不大于 max ${max}`,
  ],
  [
    /^stretch (\S+) must be a better value than the bound: at or above min (\S+)$/,
    (stretch, min) => `stretch ${stretch} 须优于边界：不小于 min ${min}`,
  ],
  [/^(\S+) (\S+) is not a calendar date$/, (key, value) => `${key} ${value} 不是有效的日历日期`],
  // Options and paths.
  [/^--as-of (".*") is not a calendar date$/, (value) => `--as-of ${value} 不是有效的日历日期`],
  [
    /^--as-of (".*") is not a date \(.*\)$/,
    (value) => `--as-of ${value} 不是日期（可用 2022-03-31、2022-03、2022-Q1 或 today）`,
  ],
  [/^--lang must be en or zh, got (.*)$/, (value) => `--lang 必须是 en 或 zh，实际为 ${value}`],
  [
    /^--fail-on must be none or a comma list of (.*), got (.*)$/,
    (statuses, value) => `--fail-on 必须是 none 或以逗号分隔的状态（${statuses}），实际为 ${value}`,
  ],
  [/^no such file or folder: (.*)$/, (paths) => `文件或文件夹不存在：${paths}`],
  [/^unknown encoding (".*")$/, (name) => `未知的编码 ${name}`],
  [
    /^cannot (write|append to) (.*): (.*)$/,
    (_verb, path, why) => `无法写入 ${path}：${writeReason(why)}`,
  ],
  // The schema's generic forms last: `owner must be …, got 3`, `target is required`.
  [
    /^(.*?) ?must be (.+?)(?:, got (.+))?$/,
    (label, what, got) =>
      `${fieldName(label)} 必须是${ZH_EXPECTED[what] ?? ` ${what}`}${got ? `，实际为 ${got}` : ""}`,
  ],
  [/^(\S+) is required$/, (label) => `缺少必填字段 ${fieldName(label)}`],
];

/** The `what` of the schema's "must be …" messages. */
const ZH_EXPECTED: Readonly<Record<string, string>> = {
  "a non-empty text": "非空文本",
  "a number": "数字",
  "a date YYYY-MM-DD": "日期（YYYY-MM-DD）",
  'a percentage like "30%"': '百分比（如 "30%"）',
  'a number ≥ 0 or a percentage like "10%"': '不小于 0 的数或百分比（如 "10%"）',
  'a milestone { by: DATE, progress: "30%" } or { by: DATE, value: N }':
    '节点 { by: 日期, progress: "30%" } 或 { by: 日期, value: 数值 }',
  "an id": "编号",
  "letters, digits, '.', '_' and '-', starting with a letter or digit":
    "由字母、数字、“.”、“_”和“-”组成，并以字母或数字开头",
  "a name or a non-empty list of names": "一个名称或非空的名称列表",
  "q30-h60-q85, h50-q85, linear or a list of milestones": "q30-h60-q85、h50-q85、linear 或节点列表",
  "linear or step": " linear 或 step",
  "last or sum": " last 或 sum",
  "a whole number of days ≥ 0": "不小于 0 的整数天数",
  "a year like 2022": "年份（如 2022）",
  "a mapping of target fields": "指标字段的映射",
  "a non-empty list of targets": "非空的指标列表",
  "a mapping with year, defaults and targets": "包含 year、defaults 和 targets 的映射",
  "progress, level, milestone": " progress、level 或 milestone",
};

function fieldName(label: string): string {
  return label === "the file" || label === "" ? "文件" : label;
}

function milestoneName(name: string): string {
  return name === "preset milestone" ? "预设节点" : name;
}

function writeReason(why: string): string {
  const nothingWritten = "; nothing was written";
  if (why.endsWith(nothingWritten))
    return `${writeReason(why.slice(0, -nothingWritten.length))}；未写入任何文件`;
  const reasons: Record<string, string> = {
    "its folder does not exist": "所在文件夹不存在",
    "permission denied": "没有权限",
    "it is a folder": "这是一个文件夹",
    "a file stands where a folder is needed": "需要文件夹的位置上已有同名文件",
  };
  return reasons[why] ?? why;
}

/** A "did you mean" hint that any message may end with; translated apart from the message. */
const DID_YOU_MEAN = /^(.*) \(did you mean (".*")\?\)$/s;

function translateToChinese(english: string): string {
  const hint = DID_YOU_MEAN.exec(english);
  if (hint) return `${translateToChinese(hint[1] as string)}（是否应为 ${hint[2]}？）`;
  for (const [pattern, translate] of ZH_MESSAGES) {
    const match = pattern.exec(english);
    if (match) return translate(...match.slice(1).map((part) => part ?? ""));
  }
  return english;
}
