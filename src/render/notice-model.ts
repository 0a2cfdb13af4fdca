/**
 * The monthly notice (通报) as a document model: its head (issue line, office, date, title) and
 * its numbered parts (一、总体情况 … 四、说明) as paragraphs and tables of text, made from the
 * report model alone (no second evaluation). report-docx.ts lays it out to GB/T 9704-2012; the
 * model is what the tests read, without opening a Word file.
 */
import { civilFromDay, type Day } from "../core/dates.js";
import { STATUSES } from "../core/model.js";
import { formatPlace } from "../core/problems.js";
import { issueNumber } from "../core/project.js";
import type { ReportModel } from "../core/report-model.js";
import type { Labels } from "../i18n/labels.js";
import { problemWords } from "../i18n/problem-text.js";
import {
  attentionCells,
  chaseMessage,
  formatActual,
  formatExpected,
  rankingNotes,
  rankingRows,
  rankingTitle,
  STATUS_SYMBOL,
} from "./format.js";

/** A run of text, bold where the words say so (`**序时进度**`). */
export interface NoticeRun {
  text: string;
  bold: boolean;
}

export type NoticeBlock =
  /** A numbered part's heading: 一、总体情况 (黑体 in the layout). */
  | { kind: "heading"; text: string }
  /** A body paragraph, first line indented two characters. */
  | { kind: "paragraph"; runs: NoticeRun[] }
  /**
   * A table: its head, its rows, and each column's share of the width (they add up to 1). Every
   * cell is text; the columns in `left` (the names) are set flush left, the others centred.
   */
  | { kind: "table"; head: string[]; rows: string[][]; widths: number[]; left: number[] };

export interface NoticeDocument {
  /** `第 7 期`, or null without `--issue` or `issue:`. */
  issueLine: string | null;
  office: string | null;
  /** The project file's notice line, printed under the title; null for none. */
  notice: string | null;
  /** The as-of date as the notice prints it (2022年6月30日). */
  date: string;
  title: string;
  /** The document's language, for its metadata and fonts. */
  lang: "zh" | "en";
  blocks: NoticeBlock[];
}

export interface NoticeOptions {
  labels: Labels;
  /** The issue: a number (第 7 期) or its line as printed; null for none. */
  issue: number | string | null;
}

/** A date in the notice's words: 2022年6月30日, 30 June 2022. */
export function noticeDate(day: Day, labels: Labels): string {
  const { year, month, day: date } = civilFromDay(day);
  return labels.notice.date(year, month, date);
}

/** Text with `**bold**` parts (the report's notes are written so) as runs. */
export function runsOf(text: string): NoticeRun[] {
  return text
    .split("**")
    .map((part, index) => ({ text: part, bold: index % 2 === 1 }))
    .filter((run) => run.text !== "");
}

const paragraph = (text: string): NoticeBlock => ({ kind: "paragraph", runs: runsOf(text) });

/**
 * The notice of a report: the head, then 一、总体情况 (the counts in words and by section),
 * 二、红灯和黄灯指标 (the attention table, then the follow-up list where there is one),
 * 三、各单位得分排名 (the month's ranking with the movement, then the reports to chase where
 * there are any) and 四、说明.
 */
export function buildNotice(model: ReportModel, options: NoticeOptions): NoticeDocument {
  const { labels } = options;
  const words = labels.notice;
  const { year, month } = civilFromDay(model.asOf);
  const date = noticeDate(model.asOf, labels);
  const issue = options.issue;
  return {
    issueLine: issueLine(issue, labels),
    office: model.office,
    notice: model.notice,
    date,
    title: model.title ?? words.defaultTitle(year, month),
    lang: labels.html.lang.startsWith("zh") ? "zh" : "en",
    blocks: [
      paragraph(words.opening(date)),
      ...overview(model, labels, date),
      ...attention(model, labels),
      ...ranking(model, labels),
      ...notes(model, labels),
    ],
  };
}

function overview(model: ReportModel, labels: Labels, date: string): NoticeBlock[] {
  const words = labels.notice;
  const statuses = STATUSES.map((status) => `${STATUS_SYMBOL[status]} ${labels.status[status]}`);
  const counts = (summary: ReportModel["summary"]) => [
    String(summary.total),
    ...STATUSES.map((status) => String(summary[status])),
  ];
  return [
    { kind: "heading", text: words.headings.overview },
    paragraph(words.overview(date, model.summary)),
    {
      kind: "table",
      head: [words.sectionColumn, words.totalColumn, ...statuses],
      rows: [
        ...model.sections.map((section) => [
          section.name ?? labels.report.noSection,
          ...counts(section.summary),
        ]),
        [words.totalRow, ...counts(model.summary)],
      ],
      widths: [0.35, 0.13, 0.13, 0.13, 0.13, 0.13],
      left: [0],
    },
  ];
}

function attention(model: ReportModel, labels: Labels): NoticeBlock[] {
  const words = labels.notice;
  const { columns } = labels;
  const red = model.attention.filter((item) => item.result.status === "red").length;
  const blocks: NoticeBlock[] = [
    { kind: "heading", text: words.headings.attention },
    paragraph(words.attentionLead(red, model.attention.length - red)),
  ];
  if (model.attention.length > 0) {
    blocks.push({
      kind: "table",
      head: [
        labels.report.columns.target,
        columns.owner,
        columns.status,
        columns.actual,
        columns.expected,
        labels.report.columns.behindBy,
        labels.report.columns.nextMilestone,
        words.paceColumn,
      ],
      rows: model.attention.map((item) => {
        const [actual = "", expected = "", behindBy = "", next = "", , pace = ""] = attentionCells(
          item,
          labels,
        );
        const { result } = item;
        return [
          // The department's note beside its target, on a line of its own in the cell.
          result.note === null
            ? result.target.title
            : `${result.target.title}\n${labels.departmentNote(result.note)}`,
          result.target.owner.join(labels.nameSeparator),
          `${STATUS_SYMBOL[result.status]} ${labels.status[result.status]}`,
          actual,
          expected,
          behindBy,
          next,
          pace,
        ];
      }),
      widths: [0.22, 0.14, 0.1, 0.1, 0.1, 0.09, 0.15, 0.1],
      left: [0, 1],
    });
  }
  if (model.followUp.length > 0) {
    blocks.push(paragraph(words.followUpLead(model.followUp.length)), {
      kind: "table",
      head: [
        labels.report.columns.target,
        columns.owner,
        labels.report.columns.running,
        columns.actual,
        columns.expected,
      ],
      rows: model.followUp.map((streak) => [
        streak.result.target.title,
        streak.result.target.owner.join(labels.nameSeparator),
        labels.report.redRunning(streak.length, streak.counts),
        formatActual(streak.result, labels),
        formatExpected(streak.result, labels),
      ]),
      widths: [0.28, 0.18, 0.28, 0.13, 0.13],
      left: [0, 1],
    });
  }
  return blocks;
}

function ranking(model: ReportModel, labels: Labels): NoticeBlock[] {
  const words = labels.notice;
  const blocks: NoticeBlock[] = [{ kind: "heading", text: words.headings.ranking }];
  if (model.ranking.standings.length === 0) {
    blocks.push(paragraph(labels.report.noOwner));
  } else {
    const { head, rows } = rankingRows(model.ranking.standings, labels, STATUS_SYMBOL);
    blocks.push(
      paragraph(words.rankingLead(rankingTitle(model.ranking, labels))),
      {
        kind: "table",
        head,
        rows,
        widths: [0.08, 0.2, 0.1, 0.1, 0.08, 0.09, 0.09, 0.09, 0.09, 0.08],
        left: [1],
      },
      // What the previous place is measured from; the score's rule is among the notes.
      ...rankingNotes(model.ranking, labels).slice(1).map(paragraph),
    );
  }
  const chase = model.chase.flatMap((group) =>
    group.items.map((item) => chaseMessage(item, group.owner, labels)),
  );
  if (chase.length > 0)
    blocks.push(paragraph(words.chaseLead(chase.length)), ...chase.map(paragraph));
  return blocks;
}

function notes(model: ReportModel, labels: Labels): NoticeBlock[] {
  const words = labels.notice;
  // Corrections and values to check, each at its row, so that a reader can find the figure.
  const dataNotes =
    model.dataNotes.length === 0
      ? []
      : [
          `**${labels.report.dataNotes}**`,
          ...model.dataNotes.map((note) => {
            const words = problemWords(note, labels);
            return note.place === null ? words : `${formatPlace(note.place)}: ${words}`;
          }),
        ];
  return [
    { kind: "heading", text: words.headings.notes },
    ...[
      words.statusNote,
      ...labels.report.legend,
      rankingNotes(model.ranking, labels)[0] ?? "",
      ...dataNotes,
      words.madeBy,
    ]
      .filter((text) => text !== "")
      .map(paragraph),
  ];
}

/**
 * The issue line of a notice or page: a number (`7`, or `７` as a full-width keyboard types it)
 * is 第 7 期; any other text is printed as it is.
 */
export function issueLine(issue: number | string | null, labels: Labels): string | null {
  if (issue === null) return null;
  if (typeof issue === "number") return labels.notice.issue(issue);
  const number = issueNumber(issue);
  return number === null ? issue : labels.notice.issue(number);
}
