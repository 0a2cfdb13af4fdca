/**
 * Scoring and ranking (SPEC 6): the points of a result, an owner's weighted score, places with
 * ties in the office's order, and the month's, the quarter's and the year's rankings with each
 * owner's movement since the previous period of the same kind. Pure: the evaluations come in.
 */
import { civilFromDay, type Day, dayFromCivil } from "./dates.js";
import { summarize } from "./evaluate.js";
import {
  compare,
  divide,
  type Fraction,
  fractionOf,
  integer,
  multiply,
  subtract,
  sum,
  toNumber,
} from "./fraction.js";
import type { Report, Result, Summary } from "./model.js";
import { monthEndsOfQuarterTo, monthEndsOfYearTo } from "./month-ends.js";
import { compareText } from "./problems.js";
import type { ProjectSettings, Scores } from "./project.js";

/** 一月一亮晒、一季一评比、全年总排名: the month's, the quarter's and the year's ranking. */
export const PERIODS = ["month", "quarter", "year"] as const;
export type Period = (typeof PERIODS)[number];

/** What the ranking reads from the project file. */
export type RankingSettings = Pick<ProjectSettings, "scores" | "owners">;

/**
 * The points of a result (SPEC 6), or null when it is left out of its owners' scores: green,
 * yellow and red score their points, achieved or done late as yellow; a late grey result (a report
 * is due and none came) scores `missing`, any other grey result is left out; a late result that is
 * not grey loses `latePenalty`, but a penalty never takes the points below 0.
 */
export function pointsOf(result: Result, scores: Scores): Fraction | null {
  if (result.status === "grey") return result.late ? fractionOf(scores.missing) : null;
  const points = statusPoints(result, scores);
  const penalty = latePenaltyOf(result, scores);
  return penalty === null ? points : subtract(points, penalty);
}

/** The points of a result's status before any penalty: achieved or done late as yellow. */
function statusPoints(result: Result, scores: Scores): Fraction {
  const status =
    result.reason === "achieved-late" || result.reason === "done-late" ? "yellow" : result.status;
  return fractionOf(scores[status as "green" | "yellow" | "red"]);
}

/**
 * The points `late_penalty` takes from a result (SPEC 6), or null when none is taken: only a late
 * result that is not grey loses points, never more than takes it to 0, and points already at or
 * below 0 lose nothing.
 */
export function latePenaltyOf(result: Result, scores: Scores): Fraction | null {
  if (result.status === "grey" || !result.late || scores.latePenalty === 0) return null;
  const points = statusPoints(result, scores);
  const taken = subtract(points, lateScore(points, fractionOf(scores.latePenalty)));
  return compare(taken, integer(0)) === 0 ? null : taken;
}

/** Points less `late_penalty` (SPEC 6): never below 0, and points at or below 0 lose nothing. */
export function lateScore(points: Fraction, latePenalty: Fraction): Fraction {
  const zero = integer(0);
  if (compare(points, zero) <= 0) return points;
  return compare(latePenalty, points) >= 0 ? zero : subtract(points, latePenalty);
}

/**
 * Each owner's score: Σ weight × points ÷ Σ weight over the results it owns that count (a target
 * with several owners counts in full for each); null when none counts. Owners in the order the
 * results first name them.
 */
export function ownerScores(
  results: readonly Result[],
  scores: Scores,
): Map<string, Fraction | null> {
  const totals = new Map<string, { points: Fraction[]; weights: Fraction[] }>();
  for (const result of results) {
    const points = pointsOf(result, scores);
    for (const owner of new Set(result.target.owner)) {
      let total = totals.get(owner);
      if (total === undefined) {
        total = { points: [], weights: [] };
        totals.set(owner, total);
      }
      if (points === null) continue;
      const weight = fractionOf(result.target.weight);
      total.points.push(multiply(weight, points));
      total.weights.push(weight);
    }
  }
  const byOwner = new Map<string, Fraction | null>();
  for (const [owner, { points, weights }] of totals)
    byOwner.set(owner, weights.length === 0 ? null : divide(sum(points), sum(weights)));
  return byOwner;
}

/** An owner and its place, from an exact score. */
export interface Placed {
  owner: string;
  /** 1-based; equal scores share a place (1, 2, 2, 4); owners without a score share the last. */
  place: number;
  score: Fraction | null;
}

/**
 * Owners by score, highest first, compared as exact fractions; equal scores share a place and the
 * next place skips (1, 2, 2, 4); owners without a score come last. Tied owners are listed in the
 * order of `owners:` (the project file's), then in code-unit order.
 */
export function placeOwners(
  scores: ReadonlyMap<string, Fraction | null>,
  owners: readonly string[] | null,
): Placed[] {
  const listed = new Map((owners ?? []).map((owner, index) => [owner, index]));
  const official = (owner: string) => listed.get(owner) ?? listed.size;
  const byScore = (a: Placed, b: Placed) => {
    if (a.score === null || b.score === null)
      return (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0);
    return compare(b.score, a.score);
  };
  const placed: Placed[] = [...scores].map(([owner, score]) => ({ owner, place: 0, score }));
  placed.sort(
    (a, b) =>
      byScore(a, b) || official(a.owner) - official(b.owner) || compareText(a.owner, b.owner),
  );
  // Standard competition ranking: a place is 1 + the number of owners ranked strictly before.
  placed.forEach((entry, index) => {
    const before = placed[index - 1];
    entry.place = before !== undefined && byScore(before, entry) === 0 ? before.place : index + 1;
  });
  return placed;
}

/** How an owner's place changed since the previous period of the same kind (↑2, ↓1, =, new). */
export type Movement =
  | { kind: "up" | "down"; by: number }
  | { kind: "same" }
  /** No score in the previous period: nothing to move from. */
  | { kind: "new" };

/**
 * The movement from `previousPlace` (null: it had no score then) to `place`: an owner without a
 * score in the previous period is `new` when it has one now, and `same` while it still has none.
 */
export function movementOf(
  place: number,
  hasScore: boolean,
  previousPlace: number | null,
): Movement {
  if (previousPlace === null) return hasScore ? { kind: "new" } : { kind: "same" };
  if (place < previousPlace) return { kind: "up", by: previousPlace - place };
  if (place > previousPlace) return { kind: "down", by: place - previousPlace };
  return { kind: "same" };
}

/** An owner's standing in a ranking. */
export interface OwnerStanding {
  owner: string;
  place: number;
  /** The exact score; null when none of its results counts. */
  exactScore: Fraction | null;
  /** The score as a number, for display (0–100 with the default points). */
  score: number | null;
  /** Its place in the previous period's ranking; null when it had no score there. */
  previousPlace: number | null;
  movement: Movement;
  /** Its results at the as-of date, and their counts. */
  summary: Summary;
  results: Result[];
  /** The points `late_penalty` took from its results at the as-of date, in file order. */
  latePenalties: LatePenalty[];
}

/** A late result of an owner at the as-of date, and the points the late penalty took from it. */
export interface LatePenalty {
  result: Result;
  /** The points taken, as a number for display (> 0 with a positive penalty). */
  points: number;
}

export interface Ranking {
  period: Period;
  asOf: Day;
  /** The evaluations each score is the mean of, in date order (the month's: the as-of date). */
  days: readonly Day[];
  /** The as-of date of the previous period's ranking, which the movement is measured from. */
  previousAsOf: Day;
  /** The points the scores are made of. */
  scores: Scores;
  /** By place; ties in the office's order, then in code-unit order. */
  standings: OwnerStanding[];
}

/** What a ranking reads its evaluations from: one per as-of date (month-ends.ts `Evaluations`). */
export interface EvaluationsAt {
  at(day: Day): Pick<Report, "results">;
}

/**
 * The evaluations a period's scores are the mean of (SPEC 6): the month's, the as-of date; the
 * quarter's and the year's, their month-ends up to the as-of date (the as-of date alone when
 * none has passed).
 */
export function periodDays(asOf: Day, period: Period): Day[] {
  if (period === "month") return [asOf];
  const days = period === "quarter" ? monthEndsOfQuarterTo(asOf) : monthEndsOfYearTo(asOf);
  return days.length > 0 ? days : [asOf];
}

/**
 * The as-of date of the previous period of the same kind: the previous month-end, the last day of
 * the previous quarter, the previous year's 12-31 (that period's ranking as of its last day).
 */
export function previousPeriodEnd(asOf: Day, period: Period): Day {
  const { year, month } = civilFromDay(asOf);
  if (period === "month") return dayFromCivil(year, month, 1) - 1;
  if (period === "quarter") return dayFromCivil(year, month - ((month - 1) % 3), 1) - 1;
  return dayFromCivil(year, 1, 1) - 1;
}

/**
 * Each owner's score over a period: the mean of its scores at the period's evaluations, those at
 * which it has none left out; null when none is left. Owners as the as-of date's results name them.
 */
export function periodScores(
  evaluations: EvaluationsAt,
  asOf: Day,
  period: Period,
  scores: Scores,
): Map<string, Fraction | null> {
  const atDays = periodDays(asOf, period).map((day) =>
    ownerScores(evaluations.at(day).results, scores),
  );
  const means = new Map<string, Fraction | null>();
  for (const owner of ownersResults(evaluations.at(asOf).results).keys()) {
    const scored = atDays.flatMap((byOwner) => {
      const score = byOwner.get(owner);
      return score === null || score === undefined ? [] : [score];
    });
    means.set(owner, scored.length === 0 ? null : divide(sum(scored), integer(scored.length)));
  }
  return means;
}

export interface RankOptions {
  asOf: Day;
  /** @default "month" */
  period?: Period;
  settings: RankingSettings;
}

/**
 * The owners' ranking of a period at the as-of date, with each owner's place in the previous
 * period of the same kind and its movement. Each evaluation is taken from `evaluations`, so
 * a month-end is evaluated once however many rankings read it.
 */
export function rankOwners(evaluations: EvaluationsAt, options: RankOptions): Ranking {
  const { asOf, settings } = options;
  const period = options.period ?? "month";
  const { scores, owners } = settings;
  const placed = placeOwners(periodScores(evaluations, asOf, period, scores), owners);
  const previousAsOf = previousPeriodEnd(asOf, period);
  const previous = new Map(
    placeOwners(periodScores(evaluations, previousAsOf, period, scores), owners).map((entry) => [
      entry.owner,
      entry,
    ]),
  );
  const resultsOf = ownersResults(evaluations.at(asOf).results);
  const standings = placed.map(({ owner, place, score }): OwnerStanding => {
    const before = previous.get(owner);
    const previousPlace = before === undefined || before.score === null ? null : before.place;
    const results = resultsOf.get(owner) ?? [];
    return {
      owner,
      place,
      exactScore: score,
      score: score === null ? null : toNumber(score),
      previousPlace,
      movement: movementOf(place, score !== null, previousPlace),
      summary: summarize(results),
      results,
      latePenalties: results.flatMap((result) => {
        const penalty = latePenaltyOf(result, scores);
        return penalty === null ? [] : [{ result, points: toNumber(penalty) }];
      }),
    };
  });
  return { period, asOf, days: periodDays(asOf, period), previousAsOf, scores, standings };
}

/** Each owner's results, a target with several owners under each, in file order. */
function ownersResults(results: readonly Result[]): Map<string, Result[]> {
  const byOwner = new Map<string, Result[]>();
  for (const result of results) {
    for (const owner of new Set(result.target.owner)) {
      const list = byOwner.get(owner);
      if (list === undefined) byOwner.set(owner, [result]);
      else list.push(result);
    }
  }
  return byOwner;
}

/**
 * Standings in the office's order (`owners:`), then the owners it does not list in the order the
 * results first name them: the order of owner lists (SPEC 7).
 */
export function inOwnerOrder(
  standings: readonly OwnerStanding[],
  results: readonly Result[],
  owners: readonly string[] | null,
): OwnerStanding[] {
  const order = new Map((owners ?? []).map((owner, index) => [owner, index]));
  for (const result of results)
    for (const owner of result.target.owner) if (!order.has(owner)) order.set(owner, order.size);
  const key = (standing: OwnerStanding) => order.get(standing.owner) ?? order.size;
  return [...standings].sort((a, b) => key(a) - key(b));
}
