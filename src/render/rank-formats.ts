/** `kpi rank`: the owners' ranking as a terminal table, a markdown table or JSON. */
import { formatDay } from "../core/dates.js";
import { STATUSES } from "../core/model.js";
import type { Ranking } from "../core/scoring.js";
import type { Labels } from "../i18n/labels.js";
import { fitTerminalTable, type TableFit } from "./fit-terminal-table.js";
import { rankingNotes, rankingRows, rankingTitle, STATUS_EMOJI, STATUS_SYMBOL } from "./format.js";
import { markdownTable } from "./results-markdown.js";
import { leftOutNote } from "./results-table.js";
import { sanitizeForTerminal } from "./terminal-table.js";
import { wrapText } from "./wrap-text.js";

export interface RankRenderOptions {
  labels: Labels;
  /** Fit the terminal table within this many columns; none: the whole table. */
  width?: number | undefined;
}

/** The column of the first status count (after place, owner, score, previous and change). */
const FIRST_STATUS = 5;

/**
 * The place, the owner, the score and the movement are what a ranking is; on a narrow terminal
 * the count of targets (the sum of the counts per status) goes first, then the previous place (the
 * movement says how it changed), then the status columns keep only their symbols, and long owner
 * names wrap.
 */
const RANK_FIT: TableFit = {
  steps: [
    { drop: FIRST_STATUS + STATUSES.length },
    { drop: 3 },
    {
      heads: Object.fromEntries(STATUSES.map((s, i) => [i + FIRST_STATUS, STATUS_SYMBOL[s]])),
    },
  ],
  wrap: [{ column: 1, min: 8, lastResort: true }],
};

/** The ranking as a terminal table, under a title and over the score's definition. */
export function renderRankTable(ranking: Ranking, options: RankRenderOptions): string {
  const { labels, width } = options;
  const { head, rows } = rankingRows(ranking.standings, labels, STATUS_SYMBOL);
  const table = fitTerminalTable(
    head,
    rows.map((row) => row.map(sanitizeForTerminal)),
    RANK_FIT,
    { width },
  );
  const title = rankingTitle(ranking, labels);
  const notes = rankingNotes(ranking, labels);
  if (width === undefined) return `${[title, table.text, ...notes].join("\n")}\n`;
  return [
    ...wrapText(title, width),
    table.text,
    ...notes.flatMap((note) => wrapText(note, width)),
    ...leftOutNote(table, head, labels, width),
    "",
  ].join("\n");
}

/** The ranking as a markdown section: heading, table, the score's definition. */
export function renderRankMarkdown(ranking: Ranking, options: RankRenderOptions): string {
  const { labels } = options;
  const { head, rows } = rankingRows(ranking.standings, labels, STATUS_EMOJI);
  return [
    `## ${rankingTitle(ranking, labels)}`,
    "",
    markdownTable(head, rows),
    "",
    ...rankingNotes(ranking, labels).flatMap((note) => [note, ""]),
  ].join("\n");
}

/**
 * JSON never changes with the language; the score is rounded to two decimals (places are decided
 * on the exact score). `movementBy` is the N of ↑N and ↓N (0 for the same place, null for new).
 */
export function renderRankJson(ranking: Ranking): string {
  const json = {
    schemaVersion: 2,
    asOf: formatDay(ranking.asOf),
    period: ranking.period,
    evaluatedAt: ranking.days.map(formatDay),
    previousAsOf: formatDay(ranking.previousAsOf),
    scores: ranking.scores,
    owners: ranking.standings.map((standing) => ({
      place: standing.place,
      owner: standing.owner,
      score: standing.score === null ? null : Math.round(standing.score * 100) / 100,
      previousPlace: standing.previousPlace,
      movement: standing.movement.kind,
      movementBy:
        standing.movement.kind === "new"
          ? null
          : standing.movement.kind === "same"
            ? 0
            : standing.movement.by,
      targets: standing.results.map((result) => result.target.id),
      green: standing.summary.green,
      yellow: standing.summary.yellow,
      red: standing.summary.red,
      grey: standing.summary.grey,
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
