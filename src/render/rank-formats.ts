/** `kpi rank`: the owners' ranking as a terminal table, a markdown table or JSON. */
import { formatDay } from "../core/dates.js";
import { STATUSES } from "../core/model.js";
import { type ReportModel, SCORE_POINTS } from "../core/report-model.js";
import type { Labels } from "../i18n/labels.js";
import { fitTerminalTable, type TableFit } from "./fit-terminal-table.js";
import { rankingRows, STATUS_EMOJI, STATUS_SYMBOL } from "./format.js";
import { markdownTable } from "./results-markdown.js";
import { leftOutNote } from "./results-table.js";
import { sanitizeForTerminal } from "./terminal-table.js";
import { wrapText } from "./wrap-text.js";

export interface RankRenderOptions {
  labels: Labels;
  /** Fit the terminal table within this many columns; none: the whole table. */
  width?: number | undefined;
}

/**
 * The place, the owner and the score are what a ranking is; on a narrow terminal the count of
 * targets (the sum of the counts per status) goes first, then the status columns keep only their
 * symbols, and long owner names wrap.
 */
const RANK_FIT: TableFit = {
  steps: [
    { drop: 7 },
    { heads: Object.fromEntries(STATUSES.map((s, i) => [i + 3, STATUS_SYMBOL[s]])) },
  ],
  wrap: [{ column: 1, min: 8, lastResort: true }],
};

/** The ranking as a terminal table, under a title and over the score's definition. */
export function renderRankTable(model: ReportModel, options: RankRenderOptions): string {
  const { labels, width } = options;
  const { head, rows } = rankingRows(model.ranking, labels, STATUS_SYMBOL);
  const table = fitTerminalTable(
    head,
    rows.map((row) => row.map(sanitizeForTerminal)),
    RANK_FIT,
    { width },
  );
  const title = labels.rank.title(formatDay(model.asOf));
  if (width === undefined) return `${title}\n${table.text}\n${labels.rank.legend}\n`;
  return [
    ...wrapText(title, width),
    table.text,
    ...wrapText(labels.rank.legend, width),
    ...leftOutNote(table, head, labels, width),
    "",
  ].join("\n");
}

/** The ranking as a markdown section: heading, table, the score's definition. */
export function renderRankMarkdown(model: ReportModel, options: RankRenderOptions): string {
  const { labels } = options;
  const { head, rows } = rankingRows(model.ranking, labels, STATUS_EMOJI);
  return [
    `## ${labels.rank.title(formatDay(model.asOf))}`,
    "",
    markdownTable(head, rows),
    "",
    labels.rank.legend,
    "",
  ].join("\n");
}

/** JSON never changes with the language; the score is rounded to two decimals. */
export function renderRankJson(model: ReportModel): string {
  const json = {
    schemaVersion: 1,
    asOf: formatDay(model.asOf),
    points: SCORE_POINTS,
    owners: model.ranking.map((standing) => ({
      place: standing.place,
      owner: standing.owner,
      score: standing.score === null ? null : Math.round(standing.score * 100) / 100,
      ...standing.summary,
      targets: standing.results.map((result) => result.target.id),
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
