/**
 * `kpi diff`: what changed between two runs' results (`kpi check --format json`), target by
 * target. Pure. Each target in both runs whose result changed is in exactly one of the status
 * lists, by the first that applies: newly red, newly yellow, recovered (red or yellow to green),
 * first data, another change of status, a changed value. Late reports that appeared or cleared
 * are listed apart, since they come with any status; targets added and removed are by id.
 */
import type { Status, Summary } from "./model.js";

/** One target's result, as a diff compares it. */
export interface ResultEntry {
  id: string;
  title: string;
  status: Status;
  reason: string;
  late: boolean;
  /** The report owed (a date) when late, else null. */
  missingReport: string | null;
  unit: string | null;
  /** A number, done (true) or not (false), or null: no data. */
  actual: number | boolean | null;
  observedOn: string | null;
}

/** A run's results, read from its JSON (src/inputs/results-file.ts) or made fresh. */
export interface ResultsFile {
  asOf: string;
  summary: Summary;
  results: ResultEntry[];
}

/** A target of both runs, with its result in each. */
export interface TargetChange {
  id: string;
  /** The head's title (the base's if it changed, in `before.title`). */
  title: string;
  before: ResultEntry;
  after: ResultEntry;
}

export const CHANGE_KINDS = [
  "newlyRed",
  "newlyYellow",
  "recovered",
  "firstData",
  "statusChanged",
  "valueChanged",
] as const;
export type StatusChangeKind = (typeof CHANGE_KINDS)[number];

export interface ResultsDiff {
  base: { asOf: string; summary: Summary };
  head: { asOf: string; summary: Summary };
  /** Each kind's targets, in the head's order (worst first, as check lists them). */
  changes: Record<StatusChangeKind, TargetChange[]>;
  lateAppeared: TargetChange[];
  lateCleared: TargetChange[];
  /** In the head only, in its order. */
  added: ResultEntry[];
  /** In the base only, in its order. */
  removed: ResultEntry[];
  /** Targets of both runs with nothing to say. */
  unchanged: number;
}

/** Which status list a target of both runs is on, or null: no change to show. */
export function changeKind(before: ResultEntry, after: ResultEntry): StatusChangeKind | null {
  const was = (status: Status) => before.status === status;
  if (after.status === "red" && !was("red")) return "newlyRed";
  if (after.status === "yellow" && !was("yellow")) return "newlyYellow";
  if (after.status === "green" && (was("red") || was("yellow"))) return "recovered";
  if (before.actual === null && after.actual !== null) return "firstData";
  if (after.status !== before.status) return "statusChanged";
  if (after.actual !== before.actual) return "valueChanged";
  return null;
}

export function diffResults(base: ResultsFile, head: ResultsFile): ResultsDiff {
  const baseById = new Map(base.results.map((result) => [result.id, result]));
  const headIds = new Set(head.results.map((result) => result.id));
  const changes = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, []])) as unknown as Record<
    StatusChangeKind,
    TargetChange[]
  >;
  const diff: ResultsDiff = {
    base: { asOf: base.asOf, summary: base.summary },
    head: { asOf: head.asOf, summary: head.summary },
    changes,
    lateAppeared: [],
    lateCleared: [],
    added: [],
    removed: base.results.filter((result) => !headIds.has(result.id)),
    unchanged: 0,
  };
  for (const after of head.results) {
    const before = baseById.get(after.id);
    if (before === undefined) {
      diff.added.push(after);
      continue;
    }
    const change = { id: after.id, title: after.title, before, after };
    const kind = changeKind(before, after);
    if (kind !== null) changes[kind].push(change);
    if (after.late && !before.late) diff.lateAppeared.push(change);
    else if (before.late && !after.late) diff.lateCleared.push(change);
    else if (after.late && before.missingReport !== after.missingReport)
      // Still late, for a later report: the new one is owed now.
      diff.lateAppeared.push(change);
    if (kind === null && after.late === before.late && before.missingReport === after.missingReport)
      diff.unchanged++;
  }
  return diff;
}

/** Nothing to say: no target added, removed or changed (the as-of dates may differ). */
export function isEmptyDiff(diff: ResultsDiff): boolean {
  return (
    CHANGE_KINDS.every((kind) => diff.changes[kind].length === 0) &&
    diff.lateAppeared.length === 0 &&
    diff.lateCleared.length === 0 &&
    diff.added.length === 0 &&
    diff.removed.length === 0
  );
}
