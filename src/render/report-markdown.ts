/**
 * `kpi report`: the monthly status report as GitHub-flavoured markdown, from the report model.
 * Every piece of text from input files goes through escapeMarkdownCell (or mermaidText in charts).
 */
import { civilFromDay, formatDay } from "../core/dates.js";
import { type Result, STATUSES, type Summary } from "../core/model.js";
import { formatPlace, type Problem } from "../core/problems.js";
import type { ChaseGroup, RedStreak, YearAtAGlance } from "../core/report-follow-up.js";
import { type AttentionItem, DUE_SOON_DAYS, type ReportModel } from "../core/report-model.js";
import type { OwnerStanding, Ranking } from "../core/scoring.js";
import type { Labels } from "../i18n/labels.js";
import { problemWords } from "../i18n/problem-text.js";
import {
  attentionCells,
  attentionHeads,
  chaseMessage,
  formatActual,
  formatCounts,
  formatExpected,
  formatNote,
  formatNumber,
  formatProgressBar,
  formatValue,
  ownerNote,
  rankingNotes,
  rankingRows,
  rankingTitle,
  resultCells,
  resultHeads,
  STATUS_EMOJI,
  standingLine,
} from "./format.js";
import { escapeMarkdownCell, markdownTable } from "./results-markdown.js";

export interface ReportMarkdownOptions {
  labels: Labels;
  /** A Mermaid `xychart-beta` per red or yellow target. @default false */
  charts?: boolean;
  /** The owners' ranking, and owner sections in ranking order. @default false */
  byOwner?: boolean;
}

/**
 * The report, in the order: title, summary, the follow-up list (red report after report),
 * the reports to chase by owner, red and yellow targets, the year at a glance, all targets by
 * section, (with `byOwner` the ranking,) a section per owner, milestones due soon, changes since
 * the previous month-end, and notes on how the numbers are made.
 */
export function renderReportMarkdown(model: ReportModel, options: ReportMarkdownOptions): string {
  const { labels } = options;
  const words = labels.report;
  const asOf = formatDay(model.asOf);
  const blocks: string[] = [
    heading(1, model.title === null ? words.title(asOf) : words.namedTitle(model.title, asOf)),
    ...(model.office === null ? [] : [escapeMarkdownCell(model.office)]),
    ...(model.notice === null ? [] : [`**${escapeMarkdownCell(model.notice)}**`]),
    summaryLine(model.summary, labels),
    `## ${words.followUp}`,
    followUpBlock(model.followUp, labels),
    `## ${words.chase}`,
    ...chaseBlocks(model.chase, labels),
    `## ${words.attention}`,
    ...attentionBlocks(model.attention, labels, options.charts ?? false),
    `## ${words.year(model.year.year)}`,
    ...yearBlocks(model.year, labels),
    `## ${words.bySection}`,
    ...model.sections.flatMap((section) => [
      heading(3, section.name ?? words.noSection),
      formatCounts(section.summary, labels),
      resultsTable(section.results, labels),
    ]),
  ];
  if (options.byOwner) {
    blocks.push(
      `## ${rankingTitle(model.ranking, labels)}`,
      rankingTable(model.ranking, labels),
      // The score's rule is among the notes at the end.
      ...rankingNotes(model.ranking, labels).slice(1),
    );
  }
  blocks.push(`## ${words.byOwner}`);
  for (const standing of options.byOwner ? model.ranking.standings : model.owners) {
    blocks.push(
      heading(3, standing.owner),
      ownerLine(standing, labels),
      ownerTable(standing.results, labels, standing),
    );
  }
  if (model.unowned.length > 0) {
    blocks.push(heading(3, words.noOwner), ownerTable(model.unowned, labels));
  }
  const until = formatDay(model.asOf + DUE_SOON_DAYS);
  blocks.push(`## ${words.dueSoon(DUE_SOON_DAYS, until)}`, dueSoonBlock(model, labels));
  blocks.push(`## ${words.changes(formatDay(model.previousAsOf))}`, changesBlock(model, labels));
  if (model.dataNotes.length > 0)
    blocks.push(`## ${words.dataNotes}`, dataNotesBlock(model.dataNotes, labels));
  blocks.push("---", ...words.legend, words.scoreNote(model.ranking.scores));
  return `${blocks.join("\n\n")}\n`;
}

/** The warnings of the rows, each at its place: corrections and values to check. */
function dataNotesBlock(notes: readonly Problem[], labels: Labels): string {
  return notes
    .map((note) => {
      const place = note.place === null ? "" : `\`${formatPlace(note.place)}\` `;
      return `- ${place}${escapeMarkdownCell(problemWords(note, labels))}`;
    })
    .join("\n");
}

/** A heading whose text comes from an input file. */
function heading(level: number, text: string): string {
  return `${"#".repeat(level)} ${escapeMarkdownCell(text)}`;
}

function summaryLine(summary: Summary, labels: Labels): string {
  const { colon, join } = labels.summaryPunctuation;
  return `**${summary.total} ${labels.targets}**${colon}${join}${formatCounts(summary, labels)}`;
}

function statusCell(result: Result, labels: Labels): string {
  return `${STATUS_EMOJI[result.status]} ${labels.status[result.status]}`;
}

function targetCell(result: Result): string {
  return `${result.target.title} (${result.target.id})`;
}

/** The targets red report after report, each with how long and where it stands. */
function followUpBlock(streaks: readonly RedStreak[], labels: Labels): string {
  if (streaks.length === 0) return labels.report.noFollowUp;
  const { columns } = labels;
  return markdownTable(
    [
      labels.report.columns.target,
      columns.owner,
      labels.report.columns.running,
      columns.actual,
      columns.expected,
      columns.note,
    ],
    streaks.map((streak) => [
      targetCell(streak.result),
      streak.result.target.owner.join(labels.nameSeparator),
      `${STATUS_EMOJI.red} ${labels.report.redRunning(streak.length, streak.counts)}`,
      formatActual(streak.result, labels),
      formatExpected(streak.result, labels),
      formatNote(streak.result, labels),
    ]),
  );
}

/** Each owner's missing reports as lines to paste into a message; unowned targets last. */
function chaseBlocks(groups: readonly ChaseGroup[], labels: Labels): string[] {
  if (groups.length === 0) return [labels.report.noChase];
  return groups.flatMap((group) => [
    heading(3, group.owner ?? labels.report.noOwner),
    group.items
      .map((item) => `- ${escapeMarkdownLine(chaseMessage(item, group.owner, labels))}`)
      .join("\n"),
  ]);
}

/**
 * Text that begins a list item: escaped as a cell is, and a start that would open a block (a
 * heading, a quote, a nested list) escaped too.
 */
function escapeMarkdownLine(text: string): string {
  return escapeMarkdownCell(text).replace(/^([#>+=-]|\d+(?=[.)]))/, (start) =>
    /^\d/.test(start) ? `${start}\\` : `\\${start}`,
  );
}

/** Every target's emoji at each month-end of the year: narrow, with the key on a line below. */
function yearBlocks(year: YearAtAGlance, labels: Labels): string[] {
  const words = labels.report;
  if (year.monthEnds.length === 0) return [words.noMonthEnd(year.year)];
  const key = STATUSES.map((status) => `${STATUS_EMOJI[status]} ${labels.status[status]}`).join(
    " · ",
  );
  return [
    markdownTable(
      [
        words.columns.target,
        ...year.monthEnds.map((day) => words.monthShort(civilFromDay(day).month)),
      ],
      year.rows.map((row) => [
        targetCell(row.result),
        ...row.months.map(({ result }) => STATUS_EMOJI[result.status]),
      ]),
    ),
    words.yearLegend(key),
  ];
}

function attentionBlocks(
  items: readonly AttentionItem[],
  labels: Labels,
  charts: boolean,
): string[] {
  const words = labels.report;
  if (items.length === 0) return [words.noAttention];
  const table = markdownTable(
    attentionHeads(labels),
    items.map((item) => [
      statusCell(item.result, labels),
      // The department's note beside its target, on a line of its own (a <br> in the cell).
      item.result.note === null
        ? targetCell(item.result)
        : `${targetCell(item.result)}\n${labels.departmentNote(item.result.note)}`,
      item.result.target.owner.join(labels.nameSeparator),
      ...attentionCells(item, labels),
    ]),
  );
  if (!charts) return [table];
  const chartBlocks = items
    .filter((item) => item.history.length > 0)
    .flatMap((item) => chartBlock(item, labels));
  return chartBlocks.length === 0 ? [table] : [table, `### ${words.charts}`, ...chartBlocks];
}

/** Text inside a Mermaid string: no quote that would end it, no line break, no HTML. */
function mermaidText(text: string): string {
  return (
    text
      .replace(/["\r\n\t]/g, (char) => (char === '"' ? "'" : " "))
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
      // %%{…}%% is a Mermaid directive wherever it stands, even inside a string.
      .replace(/%%/g, "% %")
      .replace(/</g, "‹")
      .replace(/>/g, "›")
  );
}

/** A caption and a Mermaid `xychart-beta`: the actual by month as bars, E (or the bounds) as lines. */
function chartBlock(item: AttentionItem, labels: Labels): string[] {
  const { result } = item;
  const { target } = result;
  const months = item.history.map((point) => {
    const { year, month } = civilFromDay(point.day);
    return JSON.stringify(mermaidText(labels.report.month(year, month)));
  });
  const values = (numbers: readonly (number | null)[]) =>
    `[${numbers.map((value) => formatNumber(value ?? 0)).join(", ")}]`;
  const lines: string[] = [];
  if (target.kind === "progress") {
    lines.push(`  line ${values(item.history.map((point) => point.expected))}`);
  } else if (target.kind === "level") {
    for (const bound of [result.bounds?.min ?? target.min, result.bounds?.max ?? target.max]) {
      if (bound !== null) lines.push(`  line ${values(item.history.map(() => bound))}`);
    }
  } else if (target.kind === "growth") {
    // G against the bound after slack (SPEC 2.4).
    const bound = result.growth?.boundAfterSlack ?? target.rate;
    if (bound !== null) lines.push(`  line ${values(item.history.map(() => bound))}`);
  }
  const expected =
    target.kind === "progress" ? labels.columns.expected : formatExpected(result, labels);
  return [
    `**${escapeMarkdownCell(targetCell(result))}**: ${escapeMarkdownCell(labels.report.chartCaption(expected))}`,
    [
      "```mermaid",
      "xychart-beta",
      `  title "${mermaidText(target.title)}"`,
      `  x-axis [${months.join(", ")}]`,
      ...(target.unit === null ? [] : [`  y-axis "${mermaidText(target.unit)}"`]),
      `  bar ${values(item.history.map((point) => point.actual))}`,
      ...lines,
      "```",
    ].join("\n"),
  ];
}

/** Every target of a section, in file order, with a progress bar for progress targets. */
function resultsTable(results: readonly Result[], labels: Labels): string {
  return markdownTable(
    resultHeads(labels),
    results.map((result) =>
      resultCells(result, labels, {
        status: statusCell(result, labels),
        progress: formatProgressBar,
      }),
    ),
  );
}

function rankingTable(ranking: Ranking, labels: Labels): string {
  const { head, rows } = rankingRows(ranking.standings, labels, STATUS_EMOJI);
  return markdownTable(head, rows);
}

function ownerLine(standing: OwnerStanding, labels: Labels): string {
  return `${formatCounts(standing.summary, labels)} · ${standingLine(standing, labels)}`;
}

/** An owner's targets (or those of no owner), each note with the late penalty scoring took. */
function ownerTable(results: readonly Result[], labels: Labels, standing?: OwnerStanding): string {
  const { columns } = labels;
  return markdownTable(
    [columns.status, labels.report.columns.target, columns.actual, columns.expected, columns.note],
    results.map((result) => [
      statusCell(result, labels),
      targetCell(result),
      formatActual(result, labels),
      formatExpected(result, labels),
      standing === undefined ? formatNote(result, labels) : ownerNote(result, standing, labels),
    ]),
  );
}

function dueSoonBlock(model: ReportModel, labels: Labels): string {
  const words = labels.report;
  if (model.dueSoon.length === 0) return words.noneDue;
  return markdownTable(
    [
      words.columns.due,
      words.columns.daysLeft,
      words.columns.target,
      labels.columns.owner,
      labels.columns.status,
      labels.columns.actual,
      words.columns.needed,
    ],
    model.dueSoon.map((item) => [
      formatDay(item.by),
      String(item.daysLeft),
      targetCell(item.result),
      item.result.target.owner.join(labels.nameSeparator),
      statusCell(item.result, labels),
      formatActual(item.result, labels),
      item.value === null ? labels.yes : formatValue(item.value, item.result.target.unit),
    ]),
  );
}

function changesBlock(model: ReportModel, labels: Labels): string {
  const words = labels.report;
  if (model.changes.length === 0) return words.noChanges;
  return markdownTable(
    [
      words.columns.change,
      words.columns.target,
      labels.columns.owner,
      words.columns.was,
      words.columns.now,
      labels.columns.note,
    ],
    model.changes.map((change) => [
      words.change[change.change],
      targetCell(change.result),
      change.result.target.owner.join(labels.nameSeparator),
      statusCell(change.previous, labels),
      statusCell(change.result, labels),
      formatNote(change.result, labels),
    ]),
  );
}
