/** `kpi rank`: the owners' ranking as a terminal table, a markdown table or JSON. */
import { formatDay } from "../core/dates.js";
import { type ReportModel, SCORE_POINTS } from "../core/report-model.js";
import type { Labels } from "../i18n/labels.js";
import { rankingRows, STATUS_EMOJI, STATUS_SYMBOL } from "./format.js";
import { markdownTable } from "./results-markdown.js";
import { renderTerminalTable, sanitizeForTerminal } from "./terminal-table.js";

export interface RankRenderOptions {
  labels: Labels;
}

/** The ranking as a terminal table, under a title and over the score's definition. */
export function renderRankTable(model: ReportModel, options: RankRenderOptions): string {
  const { labels } = options;
  const { head, rows } = rankingRows(model.ranking, labels, STATUS_SYMBOL);
  const table = renderTerminalTable(
    head,
    rows.map((row) => row.map(sanitizeForTerminal)),
  );
  return `${labels.rank.title(formatDay(model.asOf))}\n${table}\n${labels.rank.legend}\n`;
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
