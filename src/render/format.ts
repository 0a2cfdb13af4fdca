/** Number, value and cell formatting shared by the human-readable renderers. */
import { civilFromDay, type Day, formatDay } from "../core/dates.js";
import {
  type LevelTarget,
  type Reference,
  type Result,
  STATUSES,
  type Status,
  type Summary,
} from "../core/model.js";
import type { ChaseItem } from "../core/report-follow-up.js";
import type { AttentionItem } from "../core/report-model.js";
import type { OwnerStanding, Ranking } from "../core/scoring.js";
import type { Labels } from "../i18n/labels.js";

/** A number with at most two decimals and no trailing zeros, the same in every locale. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A value followed by its unit: `36 个`, `35%`. */
export function formatValue(value: number, unit: string | null): string {
  if (unit === null) return formatNumber(value);
  return unit === "%" ? `${formatNumber(value)}%` : `${formatNumber(value)} ${unit}`;
}

export function formatPercent(share: number): string {
  return `${formatNumber(share * 100)}%`;
}

/** A reference in words: `gdp.growth 的实际值 + 1`. */
export function formatReference(reference: Reference, labels: Labels): string {
  return labels.reference(
    reference.ref,
    reference.plus === null ? null : formatNumber(reference.plus),
    reference.times === null ? null : formatNumber(reference.times),
  );
}

/**
 * A level target's bounds: `35–45`, `≤ 2`; a bound that refers to another target is its value as
 * judged when known, else the reference in words.
 */
export function formatLevelBounds(
  target: LevelTarget,
  labels: Labels,
  resolved: { min: number | null; max: number | null } | null = null,
): string {
  const min = resolved?.min ?? target.min;
  const max = resolved?.max ?? target.max;
  const open = (value: number | null, reference: Reference | null) =>
    value === null && reference !== null ? formatReference(reference, labels) : null;
  const minText = open(min, target.minRef);
  const maxText = open(max, target.maxRef);
  if (minText === null && maxText === null) return labels.within(min, max);
  const low = minText ?? (min === null ? null : formatNumber(min));
  const high = maxText ?? (max === null ? null : formatNumber(max));
  return low !== null && high !== null ? `${low}–${high}` : low !== null ? `≥ ${low}` : `≤ ${high}`;
}

/** A growth G as bureaus publish it, with its one decimal: `9.0%`, `6.8%` (more decimals kept). */
export function formatGrowth(growth: number): string {
  const tenths = Math.round(growth * 10);
  return Math.abs(growth * 10 - tenths) < 1e-9
    ? `${(tenths / 10).toFixed(1)}%`
    : formatRate(growth);
}

/** A growth rate in percent: `6.8%`, `-3%`. */
export function formatRate(rate: number): string {
  return `${formatNumber(rate)}%`;
}

/** What a result measured: a number with its unit, done / not done, a growth rate, or a dash. */
export function formatActual(result: Result, labels: Labels): string {
  if (result.actual === null) return "–";
  if (typeof result.actual === "boolean") return result.actual ? labels.yes : labels.no;
  if (result.target.kind === "growth") return labels.growth(formatGrowth(result.actual));
  return formatValue(result.actual, result.target.unit);
}

/** The value it should have by now: E(T), a level's bounds (as judged), or a growth's bound b. */
export function formatExpected(result: Result, labels: Labels): string {
  const { target } = result;
  if (target.kind === "level") {
    const within = formatLevelBounds(target, labels, result.bounds);
    return target.about > 0 ? labels.about(within, formatNumber(target.about)) : within;
  }
  if (target.kind === "milestone") return "";
  if (target.kind === "growth")
    return labels.growthExpected(formatGrowthAfterSlack(result, labels));
  return result.expected === null ? "–" : formatValue(result.expected, target.unit);
}

/**
 * A growth target's bound after slack b, once the rate is known (SPEC 2.4): `≥ 6.5%`; before, the
 * bound as written (`≥ gdp.growth 的实际值（左右 0.5）`).
 */
export function formatGrowthAfterSlack(result: Result, labels: Labels): string {
  const { target } = result;
  if (target.kind !== "growth") return "";
  const b = result.growth?.boundAfterSlack ?? null;
  return b === null
    ? formatGrowthBound(result, labels)
    : labels.growthBound(target.bound, formatRate(b), null);
}

/**
 * A growth target's bound: `≥ 7%（左右 0.5）`, its rate as resolved (a reference's, when it has
 * one, else the reference in words).
 */
export function formatGrowthBound(result: Result, labels: Labels): string {
  const { target } = result;
  if (target.kind !== "growth") return "";
  const rate = result.growth?.rate ?? target.rate;
  const about = "amount" in target.about ? target.about.amount : null;
  const aboutText =
    about !== null
      ? about > 0
        ? formatNumber(about)
        : null
      : `${formatNumber((target.about as { percent: number }).percent)}%`;
  const rateText =
    rate !== null || target.rateRef === null
      ? formatRate(rate ?? 0)
      : formatReference(target.rateRef, labels);
  return labels.growthBound(target.bound, rateText, aboutText);
}

/** A growth result in one line: `累计增长 6.8%，目标 ≥ 7%（左右 0.5）`. */
export function formatGrowthLine(result: Result, labels: Labels): string {
  return labels.growthLine(formatActual(result, labels), formatGrowthBound(result, labels));
}

export function formatTarget(result: Result, labels: Labels): string {
  const { target } = result;
  if (target.kind === "progress") {
    const goal = formatValue(target.target, target.unit);
    const about = target.about > 0 ? labels.about(goal, formatNumber(target.about)) : goal;
    return `${about} @ ${formatDay(target.deadline)}`;
  }
  if (target.kind === "milestone") return `${labels.dueBy} ${formatDay(target.deadline)}`;
  if (target.kind === "growth") {
    const bound = formatGrowthBound(result, labels);
    return target.amount === null ? bound : `${bound} · ${formatValue(target.amount, target.unit)}`;
  }
  return target.stretch === null ? "" : `★ ${formatValue(target.stretch, target.unit)}`;
}

/**
 * A reason in words. A growth target before its deadline is judged against its bound, not a
 * schedule, so `on-track` reads "on target" there rather than "on schedule".
 */
export function formatReason(result: Pick<Result, "target" | "reason">, labels: Labels): string {
  const { reason } = result;
  if (
    result.target.kind === "growth" &&
    (reason === "on-track" || reason === "behind" || reason === "off-track")
  )
    return labels.growthReason[reason];
  return labels.reason[reason];
}

/** The reason in words, with the flags that qualify it. */
export function formatNote(result: Result, labels: Labels): string {
  const notes = result.reason === "late" ? [] : [formatReason(result, labels)];
  if (result.star) notes.push(`★ ${labels.star}`);
  const late = lateNote(result, labels);
  if (late !== null) notes.push(late);
  return notes.join(labels.noteSeparator);
}

/**
 * `late: the 2022-05-31 report was due by 06-10` for a late result, else null; a level target
 * that is late says only this (its reason is `late`).
 */
export function lateNote(result: Result, labels: Labels): string | null {
  if (!result.late || result.missingReport === null || result.dueBy === null) return null;
  return labels.late(
    formatDay(result.missingReport),
    formatDueBy(result.missingReport, result.dueBy),
  );
}

/** The last day a report was due: its month and day when in the report date's year (`06-10`). */
function formatDueBy(missingReport: Day, dueBy: Day): string {
  const owed = formatDay(missingReport);
  const due = formatDay(dueBy);
  return due.slice(0, 4) === owed.slice(0, 4) ? due.slice(5) : due;
}

/**
 * A missing report as a message to paste into the owner's chat (催报): `发改局：请尽快报送 固投亿元以上项目
 * 2022-05-31 数据（应于 06-10 前报送）`; `owner` null for a target that names none.
 */
export function chaseMessage(item: ChaseItem, owner: string | null, labels: Labels): string {
  return labels.report.chaseMessage(
    owner,
    item.result.target.title,
    formatDay(item.missingReport),
    formatDueBy(item.missingReport, item.dueBy),
    item.daysOverdue,
  );
}

/** Symbols that tell the statuses apart without colour. */
export const STATUS_SYMBOL: Record<Status, string> = {
  green: "✔",
  yellow: "▲",
  red: "✖",
  grey: "○",
};
export const STATUS_EMOJI: Record<Status, string> = {
  green: "🟢",
  yellow: "🟡",
  red: "🔴",
  grey: "⚪",
};

/** Results worst first (red, yellow, grey, green), keeping file order within a status. */
export function byStatus(results: readonly Result[]): Result[] {
  return [...results].sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status));
}

/** A number with its unit and an explicit sign: `+13 个`, `-5 户`. */
export function formatSignedValue(value: number, unit: string | null): string {
  const text = formatValue(value, unit);
  return formatNumber(value) === "0" || text.startsWith("-") ? text : `+${text}`;
}

/** Cells of a text progress bar: ten, so that each is a tenth of the way. */
const BAR_CELLS = 10;

/** `██░░░░░░░░ 28%`: the share of the way from baseline to target; a cell is a full tenth, so only 100% fills the bar. */
export function formatProgressBar(share: number): string {
  const filled = Math.floor(Math.min(1, Math.max(0, share)) * BAR_CELLS);
  return `${"█".repeat(filled)}${"░".repeat(BAR_CELLS - filled)} ${formatPercent(share)}`;
}

/**
 * What a summary line's counts follow, `16 targets, as of 2022-03-31` (`16 项指标，截至
 * 2022-03-31`), and the colon with what joins it to them (`: `, `：`).
 */
export function summaryHeading(
  total: number,
  asOf: Day,
  labels: Labels,
): { text: string; colon: string } {
  const { comma, colon, join } = labels.summaryPunctuation;
  return {
    text: `${total} ${labels.targets}${comma}${join}${labels.asOf} ${formatDay(asOf)}`,
    colon: `${colon}${join}`,
  };
}

/** The counts of a summary, worst first, each with an emoji and a word: `🔴 1 red · 🟡 2 yellow …`. */
export function formatCounts(summary: Summary, labels: Labels): string {
  return STATUSES.map(
    (status) => `${STATUS_EMOJI[status]} ${summary[status]} ${labels.status[status]}`,
  ).join(" · ");
}

/** One line that says where a target stands: actual, expected, target and the note. */
export function describeResult(result: Result, labels: Labels): string {
  const { columns } = labels;
  // A growth result reads as its rate against the bound: 累计增长 6.8%，目标 ≥ 7%（左右 0.5）.
  if (result.target.kind === "growth")
    return [formatGrowthLine(result, labels), formatNote(result, labels)]
      .filter((part) => part !== "")
      .join(labels.listSeparator);
  return [
    `${columns.actual} ${formatActual(result, labels)}`,
    formatExpected(result, labels) === ""
      ? ""
      : `${result.target.kind === "level" ? labels.bounds : columns.expected} ${formatExpected(result, labels)}`,
    formatTarget(result, labels) === "" ? "" : `${columns.target} ${formatTarget(result, labels)}`,
    formatNote(result, labels),
  ]
    .filter((part) => part !== "")
    .join(labels.listSeparator);
}

/**
 * The ranking's header and rows: place, owner, score, the previous period's place and the
 * movement, a count per status, the number of targets.
 */
export function rankingRows(
  standings: readonly OwnerStanding[],
  labels: Labels,
  marks: Record<Status, string>,
): { head: string[]; rows: string[][] } {
  const { columns } = labels.rank;
  return {
    head: [
      columns.place,
      columns.owner,
      columns.score,
      columns.previous,
      columns.movement,
      ...STATUSES.map((status) => `${marks[status]} ${labels.status[status]}`),
      columns.targets,
    ],
    rows: standings.map((standing) => [
      String(standing.place),
      standing.owner,
      formatScore(standing, labels),
      standing.previousPlace === null ? labels.rank.noScore : String(standing.previousPlace),
      labels.rank.movement(standing.movement),
      ...STATUSES.map((status) => String(standing.summary[status])),
      String(standing.summary.total),
    ]),
  };
}

/** An owner's score to two decimals, or the no-score dash. */
export function formatScore(standing: OwnerStanding, labels: Labels): string {
  return standing.score === null ? labels.rank.noScore : formatNumber(standing.score);
}

/** An owner's score, place and movement in the month's ranking: `Score 66.67 · Place 2 · Change ↑1`. */
export function standingLine(standing: OwnerStanding, labels: Labels): string {
  const { columns } = labels.rank;
  return [
    `${columns.score} ${formatScore(standing, labels)}`,
    `${columns.place} ${standing.place}`,
    `${columns.movement} ${labels.rank.movement(standing.movement)}`,
  ].join(" · ");
}

/**
 * The note of one of an owner's results, with the points the late penalty took from it
 * (`late: …, late penalty −20 points`) when scoring took any.
 */
export function ownerNote(result: Result, standing: OwnerStanding, labels: Labels): string {
  const note = formatNote(result, labels);
  const penalty = standing.latePenalties.find((entry) => entry.result === result);
  if (penalty === undefined) return note;
  const words = labels.rank.latePenalty(formatNumber(penalty.points));
  return note === "" ? words : `${note}${labels.noteSeparator}${words}`;
}

/** The heading of a ranking: 一月一亮晒 / 一季一评比 / 全年总排名 with its date. */
export function rankingTitle(ranking: Ranking, labels: Labels): string {
  const { year, month } = civilFromDay(ranking.asOf);
  return labels.rank.title({
    period: ranking.period,
    asOf: formatDay(ranking.asOf),
    year,
    quarter: Math.ceil(month / 3),
  });
}

/** The notes under a ranking: the score's rule, and what the period and the movement are. */
export function rankingNotes(ranking: Ranking, labels: Labels): string[] {
  return [
    labels.rank.legend(ranking.scores),
    labels.rank.periodNote(
      ranking.period,
      ranking.days.map(formatDay),
      formatDay(ranking.previousAsOf),
    ),
  ];
}

/** The column heads of a table of results, in the order of `resultCells`. */
export function resultHeads(labels: Labels): string[] {
  const { columns } = labels;
  return [
    columns.status,
    columns.id,
    columns.title,
    columns.owner,
    columns.actual,
    columns.expected,
    columns.target,
    columns.progress,
    columns.note,
  ];
}

/**
 * The cells of one result in a table: the status cell and the progress cell are given by the
 * renderer (a coloured word, an emoji, a bar), the others are the same text everywhere.
 */
export function resultCells(
  result: Result,
  labels: Labels,
  cells: { status: string; progress: (share: number) => string },
): string[] {
  const { target } = result;
  return [
    cells.status,
    target.id,
    target.title,
    target.owner.join(labels.nameSeparator),
    formatActual(result, labels),
    formatExpected(result, labels),
    formatTarget(result, labels),
    result.progress === null ? "" : cells.progress(result.progress),
    formatNote(result, labels),
  ];
}

/** The column heads of the red-and-yellow table of the report, in the order of `attentionCells`. */
export function attentionHeads(labels: Labels): string[] {
  const { columns } = labels;
  const words = labels.report.columns;
  return [
    columns.status,
    words.target,
    columns.owner,
    columns.actual,
    columns.expected,
    words.behindBy,
    words.nextMilestone,
    words.daysLeft,
    words.pace,
    columns.note,
  ];
}

/**
 * The text of an attention item's cells from the actual on (the status, target and owner cells
 * are the renderer's own: a badge and a link in HTML, an emoji in markdown).
 */
export function attentionCells(item: AttentionItem, labels: Labels): string[] {
  const { result } = item;
  const { target } = result;
  const words = labels.report;
  const next =
    target.kind === "milestone"
      ? `${labels.dueBy} ${formatDay(target.deadline)}`
      : result.nextMilestone === null
        ? ""
        : `${formatValue(result.nextMilestone.value, target.unit)} @ ${formatDay(result.nextMilestone.by)}`;
  return [
    formatActual(result, labels),
    formatExpected(result, labels),
    item.behindBy === null
      ? ""
      : // A growth target is behind by points of its rate, whatever the unit of its amount.
        target.kind === "growth"
        ? labels.points(formatNumber(item.behindBy))
        : formatValue(item.behindBy, target.unit),
    next,
    item.daysLeft === null
      ? ""
      : item.daysLeft < 0
        ? words.overdueDays(-item.daysLeft)
        : String(item.daysLeft),
    item.monthlyPaceNeeded === null
      ? ""
      : words.perMonth(formatSignedValue(item.monthlyPaceNeeded, target.unit)),
    formatNote(result, labels),
  ];
}
