/** Number, value and cell formatting shared by the human-readable renderers. */
import { formatDay } from "../dates.js";
import type { Labels } from "../i18n.js";
import type { Result, Status } from "../model.js";

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

/** What a result measured: a number with its unit, done / not done, or a dash. */
export function formatActual(result: Result, labels: Labels): string {
  if (result.actual === null) return "–";
  if (typeof result.actual === "boolean") return result.actual ? labels.yes : labels.no;
  return formatValue(result.actual, result.target.unit);
}

/** The value it should have by now: E(T), or a level's bounds. */
export function formatExpected(result: Result, labels: Labels): string {
  const { target } = result;
  if (target.kind === "level") return labels.within(target.min, target.max);
  if (target.kind === "milestone") return "";
  return result.expected === null ? "–" : formatValue(result.expected, target.unit);
}

export function formatTarget(result: Result, labels: Labels): string {
  const { target } = result;
  if (target.kind === "progress")
    return `${formatValue(target.target, target.unit)} @ ${formatDay(target.deadline)}`;
  if (target.kind === "milestone") return `${labels.dueBy} ${formatDay(target.deadline)}`;
  return target.stretch === null ? "" : `★ ${formatValue(target.stretch, target.unit)}`;
}

/** The reason in words, with the flags that qualify it. */
export function formatNote(result: Result, labels: Labels): string {
  const notes = [labels.reason[result.reason]];
  if (result.star) notes.push(`★ ${labels.star}`);
  if (result.stale && result.observedOn !== null)
    notes.push(`${labels.stale} (${formatDay(result.observedOn)})`);
  return notes.join(", ");
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
  const rank: Record<Status, number> = { red: 0, yellow: 1, grey: 2, green: 3 };
  return [...results].sort((a, b) => rank[a.status] - rank[b.status]);
}
