/** English labels. */
import type { Scores } from "../core/project.js";
import { enMessages } from "./en-messages.js";
import {
  type DiffLabels,
  type ExplainLabels,
  type HelpLabels,
  type InitLabels,
  type Labels,
  type ListLabels,
  movementMark,
  type NotifyLabels,
  type ValidateLabels,
} from "./labels.js";

/** How an owner's score is made (SPEC 6), with the points in use. */
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function enScoreRule(scores: Scores): string {
  const penalty = scores.latePenalty === 0 ? "" : `, ${scores.latePenalty} off a late report`;
  return `Σ weight × points ÷ Σ weight over an owner's targets, with green ${scores.green}, yellow ${scores.yellow} (also achieved or done late), red ${scores.red} and a missing report ${scores.missing}${penalty}; targets with no report due yet are left out, and equal scores share a place.`;
}

const enValidate: ValidateLabels = {
  summary: (project, targets, rows, warnings) =>
    `${project === null ? "" : `${project}, `}${targets} target${targets === 1 ? "" : "s"}, ${rows} data row${rows === 1 ? "" : "s"}: ${enValidate.counts(0, warnings)}`,
  counts: (errors, warnings) =>
    `${errors === 0 ? "no errors" : `${errors} error${errors === 1 ? "" : "s"}`}, ${
      warnings === 0 ? "no warnings" : `${warnings} warning${warnings === 1 ? "" : "s"}`
    }`,
  dataSkipped:
    "the data files were not read: a value's meaning depends on its target, so fix the target files first",
  strict: "--strict: warnings count as errors",
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
  kind: { progress: "progress", level: "level", milestone: "milestone", growth: "growth" },
  from: (date) => `from ${date}`,
  warnFrom: (date, days) => `due soon from ${date} (${days} days)`,
  step: "step",
  sum: "rows added up",
  count: (targets) => `${targets} target${targets === 1 ? "" : "s"}`,
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
    late: "the report is overdue and the latest row is older than its period → grey",
    "no-base": "no figure for the same period of last year, or not above 0 → grey",
    "no-reference": "the referenced target has no actual then, or is late → grey",
    "awaiting-result": "after the deadline, before result_by, with no result yet → grey",
    breach: "outside, but not at each of the breach_after report dates before → yellow",
    growth:
      "before the deadline: at the bound → green, short by at most the tolerance → yellow, else red; from the deadline: at the bound → green, else red",
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
  reportDue: (missingReport, dueBy, observedOn) =>
    missingReport === null
      ? `the latest row (${observedOn}) is on time`
      : `the ${missingReport} report was due by ${dueBy}; the latest row is from ${observedOn}`,
  judgedAt: (judgedAt, late) =>
    late
      ? `judged at ${judgedAt}, the date of the report it owes`
      : `judged at ${judgedAt}, the date of its latest row`,
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
  growthBounds: (bound, afterSlack, tolerance, input) =>
    `growth ${bound}, after slack ${afterSlack}; yellow up to ${tolerance} points short before the deadline; ${input === "value" ? "growth computed from the cumulative values against last year's" : "rows are the published cumulative growth rates"}`,
  growthFact: (growth, afterSlack, shortfall, tolerance, final) =>
    final
      ? `growth ${growth} against ${afterSlack}: short by ${shortfall} points (the final result)`
      : `growth ${growth} against ${afterSlack}: short by ${shortfall} points, tolerance ${tolerance}`,
  noBase: (value, base, from, on) =>
    base === null
      ? `value ${value}, no figure for the same period of last year`
      : `value ${value}, last year ${base} (${from === "row" ? `the row of ${on}` : "the base column"})`,
  referenceFact: (ref, on, value, late, resolved) =>
    value === null
      ? `${ref} has no actual at or before ${on}`
      : late
        ? `${ref} is late`
        : `${ref} at ${on}: ${value}, so ${resolved}`,
  awaiting: (deadline, resultBy) =>
    `the deadline ${deadline} has passed; the result is due by ${resultBy}`,
  breach: (outside, needed, holds) =>
    `outside at ${outside} of the ${needed} report dates before${holds ? "" : ": every one"}`,
  due: (deadline, warnFrom, days) =>
    `due ${deadline}; yellow from ${warnFrom} if not done (warn_days ${days})`,
  rows: (asOf) => `Data up to ${asOf}`,
  rowColumns: {
    date: "Date",
    value: "Value",
    sum: "Sum",
    expected: "Expected",
    growth: "Growth",
    status: "Status then",
    place: "Row",
    note: "Remarks",
  },
  noRows: "no rows",
  laterRows: (count, asOf) =>
    `${count} later row${count === 1 ? "" : "s"} (after ${asOf}) not counted`,
  notes: "Notes on the rows (corrections, values to check)",
  unreportedRows: (count, asOf) =>
    `${count} row${count === 1 ? "" : "s"} reported after ${asOf} not counted (not known then)`,
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

const enNotify: NotifyLabels = {
  title: "Targets status",
  heading: (title, asOf) => `${title} (as of ${asOf})`,
  attention: "Red and yellow targets",
  chase: "Reports to send",
  continued: (index, count) => `(continued, ${index} of ${count})`,
  mentions: "For the attention of",
  mentionText: (owners) =>
    `${owners.join(", ")}: please see the messages above (a report is late or a target is red)`,
  posted: (count, platform) =>
    `posted ${count} ${count === 1 ? "message" : "messages"} to ${platform}`,
};

const enDiff: DiffLabels = {
  title: (base, head) => `What changed from ${base} to ${head}`,
  kinds: {
    newlyRed: "newly red",
    newlyYellow: "newly yellow",
    recovered: "recovered",
    firstData: "first data",
    statusChanged: "status changed",
    valueChanged: "value changed",
    lateAppeared: "report overdue",
    lateCleared: "report came",
    added: "target added",
    removed: "target removed",
  },
  columns: { change: "Change", id: "ID", title: "Title", before: "Before", after: "After" },
  none: "No target changed.",
  unchanged: (count) => `${count} ${count === 1 ? "target" : "targets"} unchanged`,
  owes: (report) => `owes the ${report} report`,
  onTime: "no report owed",
};

const enInit: InitLabels = {
  created: (dir) => `Created a kpi repository in ${dir}:`,
  upgraded: (dir, version) => `Upgraded the kpi of ${dir} to ${version}:`,
  next: "Next:",
};

/** commander's own words are kept as commander writes them, so that the help is what it was. */
const enHelp: HelpLabels = {
  program:
    "Check targets against actuals: YAML targets, CSV actuals, a traffic light for every target.",
  commands: {
    check: "evaluate every target against the data and print the result",
    report:
      "the status report: red and yellow first, all targets by section, owners, due soon, changes",
    rank: "rank the owners by their targets' weighted points: the month's, the quarter's or the year's ranking",
    validate: "check target and data files without evaluating them",
    list: "list the targets with their schedules resolved to dated values",
    schema: "print the JSON Schema of target files (or of kpi.yaml), for editors",
    init: "create a new data repository: example targets, a data template, CI and a README",
    explain: "show one target's rows, schedule, status rule and chart",
    diff: "what changed between two runs' results: newly red or yellow, recovered, late reports…",
    notify: "post the month's digest and the reports to chase to a group chat's webhook",
    template: "an owner's entry form for a period (.xlsx or .csv), read back by kpi check",
  },
  arguments: {
    data: "data files or folders (added to --data)",
    paths: "files or folders to check: YAML files are targets, other files data, folders both",
    dir: "the folder to create it in",
    id: "the target's id",
    base: "the earlier results: a file of kpi check --format json",
    head: "the later results, as base (default: a run of kpi check on the inputs)",
  },
  options: {
    targets: "target files or folders",
    data: "data files or folders (default: data)",
    encoding: "read data files in this encoding (default: UTF-8, else GB18030)",
    allowUnknown:
      "rows of unknown ids are warnings, not errors (or kpi.yaml's allow_unknown: true)",
    asOf: "evaluation date: a date, a month, a quarter or 'today' (default: kpi.yaml's as_of, else today)",
    output: "write the output to a file (atomically) instead of stdout",
    outputSchema: "write the schema to a file (atomically) instead of stdout",
    project: "the schema of the project file kpi.yaml instead of target files",
    lang: "language of labels: en or zh (default: KPI_LANG, then kpi.yaml's lang, then LANG, else en)",
    config: "the project file (default: kpi.yaml, if there is one)",
    format: "output format",
    failOn:
      "comma list of statuses (and late: a report due and missing) that make the exit code 1, or none",
    charts:
      "markdown: add a Mermaid chart per red or yellow target (the HTML page always has charts)",
    by: "owner: add the owners' ranking",
    issue:
      "docx: the notice's issue, a number (7: 第 7 期) or the line as printed; default kpi.yaml's issue",
    period:
      "month: the scores at the as-of date; quarter, year: each owner's mean score over the month-ends of the as-of date's quarter or year",
    templatePeriod:
      "the period the form is for: a month (2022-07), a quarter (2022-Q3) or a date; the date column is its last day",
    owner: "the owner the form is for (kpi.yaml's owners, or an owner of the targets)",
    all: "one file for each owner, in the folder -o names",
    outputTemplate: "the file to write (.xlsx or .csv); with --all, a folder",
    strict: "warnings are errors, exit code 2 (a correction stays a warning)",
    force: "overwrite files that exist already",
    to: "the group chat's platform: wecom (企业微信), dingtalk (钉钉), feishu (飞书) or slack",
    webhook:
      "the webhook's URL (default: KPI_WEBHOOK; a secret: never put it in a file of the repository)",
    dryRun: "print the payloads instead of posting them",
    upgrade: "replace only the repository's copy of kpi (.kpi/) with this version's",
    ci: "the CI to write a workflow for: github (the action in .kpi/), or none",
    forecast: "add a run-rate projection (never changes the status)",
    help: "display help for command",
    version: "output the version number",
  },
  helpCommand: "display help for command",
  usage: (usage) => `Usage: ${usage}`,
  headings: {
    arguments: "Arguments:",
    options: "Options:",
    globalOptions: "Global Options:",
    commands: "Commands:",
  },
  choices: (values) => `choices: ${values.map((value) => JSON.stringify(value)).join(", ")}`,
  defaultValue: (value) => `default: ${JSON.stringify(value)}`,
  details: (description, details) =>
    description === "" ? `(${details.join(", ")})` : `${description} (${details.join(", ")})`,
};

export const en: Labels = {
  status: { green: "green", yellow: "yellow", red: "red", grey: "grey" },
  reason: {
    "no-data": "no data",
    achieved: "achieved",
    "achieved-late": "achieved late",
    missed: "missed",
    "on-track": "on track",
    behind: "behind",
    "off-track": "off track",
    within: "within bounds",
    near: "near the bound",
    outside: "outside bounds",
    done: "done",
    "done-late": "done late",
    overdue: "overdue",
    "due-soon": "due soon",
    pending: "pending",
    late: "late",
    "no-base": "no base",
    "no-reference": "no reference",
    "awaiting-result": "awaiting result",
    breach: "breach",
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
  late: (missingReport, dueBy) => `late: the ${missingReport} report was due by ${dueBy}`,
  noteSeparator: ", ",
  star: "stretch met",
  leftOut: (width, columns) => `Left out to fit ${width} columns: ${columns}`,
  asOf: "as of",
  targets: "targets",
  summaryPunctuation: { comma: ",", colon: ":", join: " " },
  growth: (rate) => `growth ${rate} to date`,
  growthBound: (side, rate, about) =>
    `${side === "min" ? "≥" : "≤"} ${rate}${about === null ? "" : ` (about ${about})`}`,
  growthLine: (growth, bound) => `${growth}, target ${bound}`,
  growthExpected: (bound) => `bound ${bound}`,
  points: (points) => `${points} points`,
  growthBoundTerm: "Bound",
  growthReason: {
    "on-track": "on target",
    behind: "short, within tolerance",
    "off-track": "short",
  },
  about: (value, about) => `${value} (about ${about})`,
  reference: (id, plus, times) =>
    `the actual of ${id}${plus === null ? "" : ` + ${plus}`}${times === null ? "" : ` × ${times}`}`,
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
  diff: enDiff,
  notify: enNotify,
  help: enHelp,
  bounds: "Bounds",
  statusReason: (status, reason) => (status === reason ? status : `${status}: ${reason}`),
  nameSeparator: ", ",
  departmentNote: (note) => `Remarks: ${note}`,
  listSeparator: "; ",
  warningPrefix: "warning: ",
  problemCounts: (errors, warnings) =>
    `${en.errors(errors)}${warnings > 0 ? `, ${en.warnings(warnings)}` : ""}; no report was made`,
  internalError: (detail) =>
    `internal error: ${detail}\nThis is a bug in kpi, not in your files; please report it with the command you ran.`,
  messages: enMessages,
  report: {
    title: (asOf) => `Status report as of ${asOf}`,
    namedTitle: (title, asOf) => `${title} (as of ${asOf})`,
    followUp: "Follow-up list: red report after report",
    noFollowUp: "No target has been red two reports running.",
    redRunning: (length, counts) => `red ${length} ${counts} running`,
    chase: "Reports to chase: due and not received",
    noChase: "Every report that is due has come in.",
    chaseMessage: (owner, target, report, dueBy, daysOverdue) =>
      `${owner === null ? "Please" : `${owner}: please`} send the ${report} figure for ${target} as soon as possible (it was due by ${dueBy}, ${daysOverdue} day${daysOverdue === 1 ? "" : "s"} overdue).`,
    year: (year) => `${year} at a glance: the status at each month-end`,
    yearLegend: (key) =>
      `${key}: each cell is the status as of that month-end, from the rows dated by then`,
    noMonthEnd: (year) => `No month of ${year} has ended yet.`,
    monthShort: (month) =>
      ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
        month - 1
      ] ?? String(month),
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
    dataNotes: "Notes on the data: corrections and values to check",
    change: {
      "newly-red": "newly red",
      "newly-yellow": "newly yellow",
      improved: "red to yellow",
      recovered: "recovered",
      reported: "first data",
    },
    columns: {
      target: "Target",
      running: "Red for",
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
    ],
    scoreNote: (scores) => `**Score** (owner ranking): ${enScoreRule(scores)}`,
  },
  rank: {
    title: ({ period, asOf, year, quarter }) =>
      period === "month"
        ? `Owner ranking of the month as of ${asOf}`
        : period === "quarter"
          ? `Owner ranking of ${year}-Q${quarter} as of ${asOf}`
          : `Owner ranking of the year ${year} as of ${asOf}`,
    columns: {
      place: "Place",
      owner: "Owner",
      score: "Score",
      previous: "Previous",
      movement: "Change",
      targets: "Targets",
    },
    noScore: "–",
    movement: (movement) => movementMark(movement, "new"),
    latePenalty: (points) => `late penalty −${points} point${points === "1" ? "" : "s"}`,
    legend: (scores) => `Score: ${enScoreRule(scores)}`,
    periodNote: (period, days, previousAsOf) => {
      if (period === "month")
        return `Previous: the place as of the month-end before (${previousAsOf}).`;
      const name = period === "quarter" ? "quarter" : "year";
      const [first = "", last = first] = [days[0], days[days.length - 1]];
      const mean =
        days.length === 1
          ? `the score at ${first}`
          : `the mean of the ${days.length} month-end scores from ${first} to ${last} (a month-end where an owner has no score left out)`;
      return `The ${name}'s score is ${mean}; previous: the ${name} to ${previousAsOf}.`;
    },
  },
  notice: {
    defaultTitle: (year, month) => `Status notice, ${MONTHS[month - 1] ?? month} ${year}`,
    issue: (issue) => `No. ${issue}`,
    date: (year, month, day) => `${day} ${MONTHS[month - 1] ?? month} ${year}`,
    opening: (asOf) => `Where the targets stand as of ${asOf}.`,
    headings: {
      overview: "1. Overview",
      attention: "2. Red and yellow targets",
      ranking: "3. The owners' scores and places",
      notes: "4. Notes",
    },
    overview: (asOf, counts) =>
      `As of ${asOf}, of the ${counts.total} targets ${counts.green} are green, ${counts.yellow} yellow, ${counts.red} red and ${counts.grey} grey (no data).`,
    sectionColumn: "Section",
    totalColumn: "Targets",
    totalRow: "Total",
    attentionLead: (red, yellow) =>
      red + yellow === 0
        ? "No target is red or yellow."
        : `${red} red and ${yellow} yellow target${red + yellow === 1 ? "" : "s"}, red first:`,
    followUpLead: (count) =>
      `Of these, ${count} ${count === 1 ? "has" : "have"} been red two reports running or more (the follow-up list):`,
    rankingLead: (period) => `${period}:`,
    chaseLead: (count) =>
      `${count} report${count === 1 ? " is" : "s are"} due and not received; the owners are asked to send them:`,
    paceColumn: "Pace needed",
    statusNote:
      "Green: on schedule or achieved; yellow: behind, within the tolerance; red: off track, missed or outside its bounds; grey: no data reported yet.",
    madeBy: "Made by kpi from the target files and the figures the owners reported.",
  },
  workbook: {
    sheets: { summary: "Summary", ranking: "Ranking" },
    title: (title, office, asOf) =>
      `${office === null ? "" : `${office}: `}${title} (as of ${asOf})`,
    ownerTitle: (owner, asOf) => `${owner}: targets as of ${asOf}`,
    columns: { section: "Section", unit: "Unit", observedOn: "Data date", remark: "Remarks" },
    font: "Calibri",
  },
  template: {
    columns: {
      id: "id",
      title: "title",
      unit: "unit",
      date: "date",
      previous: "previous value",
      expected: "expected",
      value: "value",
      note: "note",
      base: "base",
    },
    instruction: (owner, period, date) =>
      `${owner}, ${period}: write each target's value as of ${date} in the value column, and anything to explain in the note column; leave the other columns as they are.`,
    valuePrompt: (unit, measure) => ({
      title: "Value",
      text: `${{ total: "The total to the end of the period", period: "The period's own amount (not a total to date)", rate: "The growth rate to date, in %", level: "The value at the end of the period" }[measure]}${unit === null || measure === "rate" ? "" : `, in ${unit}`}; a number only.`,
    }),
    basePrompt: (unit) => ({
      title: "Last year",
      text: `The total to the same day of last year${unit === null ? "" : `, in ${unit}`}; a number only.`,
    }),
    milestonePrompt: { title: "Done?", text: "Choose yes or no." },
    valueError: { title: "Not a number", text: "Write a number only, without its unit." },
    milestoneError: { title: "Choose one", text: "Choose yes or no." },
    done: "yes",
    notDone: "no",
  },
  html: {
    lang: "en",
    nav: {
      followUp: "Follow-up",
      chase: "Reports to chase",
      year: "The year",
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
      growthTitle: (target) => `${target}: growth to date at each month-end against the bound`,
      bound: (bound) => `bound ${bound}`,
      growthPoint: (day, growth) => `${day}: ${growth}`,
      legend: {
        expected: "expected (序时进度)",
        milestone: "schedule point",
        actual: "actual at each month-end",
        asOf: "as-of date",
        target: "target",
        bound: "a growth target's bound (after its about slack)",
      },
    },
    footer:
      "Made by kpi from the target and data files. This page is one self-contained file: it works offline and fetches nothing.",
  },
};
