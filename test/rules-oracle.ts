/**
 * The status rules of SPEC 2.1–2.4 (with 2.5's 左右), the actual of SPEC 4 and the reporting cycle of 4.1, written
 * again from the SPEC's words
 * for the property tests, apart from src/core/evaluate.ts so that it cannot share its mistakes: for
 * a target, its rows and a date, every rule in the SPEC's order up to the first that holds, with
 * the numbers the SPEC compares.
 */
import fc from "fast-check";
import type { Day } from "../src/core/dates.js";
import type {
  GrowthTarget,
  LevelTarget,
  MilestoneTarget,
  Observation,
  ProgressTarget,
  Reason,
  Status,
  Target,
} from "../src/core/model.js";
import { day, targetFrom } from "./helpers.js";

/** A rule as the SPEC states it: whether it holds, and the numbers it compares. */
export interface OracleCheck {
  rule: Reason | "growth";
  held: boolean;
  numbers: Record<string, number | string | null>;
}

/** The light of each rule, from the SPEC's list of rules. */
export const SPEC_STATUS: Record<Reason, Status> = {
  "no-data": "grey",
  achieved: "green",
  "achieved-late": "green",
  missed: "red",
  "on-track": "green",
  behind: "yellow",
  "off-track": "red",
  within: "green",
  near: "yellow",
  outside: "red",
  done: "green",
  "done-late": "green",
  overdue: "red",
  "due-soon": "yellow",
  pending: "green",
  late: "grey",
  "no-base": "grey",
  "no-reference": "grey",
  "awaiting-result": "grey",
  breach: "yellow",
};

/** The reason the deciding check gives: `achieved` or `done` reached after the deadline are late. */
export function specReason(trace: readonly OracleCheck[]): Reason {
  const deciding = trace.at(-1) as OracleCheck;
  if (deciding.rule === "growth") return deciding.numbers.verdict as Reason;
  if ((deciding.rule === "achieved" || deciding.rule === "done") && deciding.numbers.late === 1)
    return `${deciding.rule}-late`;
  return deciding.rule;
}

// ---------------------------------------------------------------------------------------------
// SPEC 4.1, by brute force over calendar months (Date.UTC, not src/core/dates.ts)

const MS_PER_DAY = 86_400_000;
const monthEnd = (year: number, month: number): Day => Date.UTC(year, month, 0) / MS_PER_DAY;
const civil = (d: Day) => new Date(d * MS_PER_DAY);
const PERIOD_MONTHS = { monthly: 1, quarterly: 3, "half-yearly": 6, yearly: 12 } as const;

/** Every period end of the frequency from 2019 to 2025, in date order. */
function periodEnds(frequency: keyof typeof PERIOD_MONTHS): Day[] {
  const ends: Day[] = [];
  for (let year = 2019; year <= 2025; year++)
    for (let month = 1; month <= 12; month++)
      if (month % PERIOD_MONTHS[frequency] === 0) ends.push(monthEnd(year, month));
  return ends;
}

/** "Earlier report dates of each year are dropped": those before first_report's day that year. */
function beforeFirstReport(d: Day, first: { month: number; day: number } | null): boolean {
  if (first === null) return false;
  const date = civil(d);
  const firstDay = Math.min(
    first.day,
    civil(monthEnd(date.getUTCFullYear(), first.month)).getUTCDate(),
  );
  const cut = Date.UTC(date.getUTCFullYear(), first.month - 1, firstDay) / MS_PER_DAY;
  return d < cut;
}

/** A target's report dates (SPEC 4.1). */
export function specReportDates(target: Target): Day[] {
  if (target.kind === "milestone") return [];
  const ends = periodEnds(target.frequency).filter(
    (d) => !beforeFirstReport(d, target.firstReport),
  );
  if (target.kind === "progress" || target.kind === "growth") {
    const t0 = target.start - 1;
    return [...ends.filter((d) => d > t0 && d < target.deadline), target.deadline];
  }
  const year = target.year;
  return year === null ? ends : ends.filter((d) => civil(d).getUTCFullYear() === year);
}

export interface SpecCycle {
  judgedAt: Day;
  late: boolean;
  missingReport: Day | null;
}

/** r*, r⁻ and J of SPEC 4.1 from the date d of the latest row at or before T (null: none). */
export function specCycle(target: Target, d: Day | null, T: Day, dueDays: number): SpecCycle {
  if (target.kind === "milestone") {
    const late = d === null && T > target.deadline + dueDays;
    return { judgedAt: T, late, missingReport: late ? target.deadline : null };
  }
  const dates = specReportDates(target);
  const overdue = dates.filter((r) => T > r + dueDays);
  const rStar = overdue.at(-1);
  if (rStar === undefined) return { judgedAt: d ?? T, late: false, missingReport: null };
  // "No R": late; J is the date of the report owed, as for a late row (our reading).
  if (d === null) return { judgedAt: rStar, late: true, missingReport: rStar };
  const earlier = dates.filter((r) => r < rStar).at(-1);
  const rMinus =
    earlier ??
    (target.kind === "progress" || target.kind === "growth"
      ? target.start - 1
      : (periodEnds(target.frequency)
          .filter((end) => end < rStar)
          .at(-1) as Day));
  return d > rMinus
    ? { judgedAt: d, late: false, missingReport: null }
    : { judgedAt: rStar, late: true, missingReport: rStar };
}

/** "Values that differ by less than 1e-9 × max(1, scale) are equal." */
export function specEpsilon(scale: number): number {
  return 1e-9 * Math.max(1, Math.abs(scale));
}

/**
 * E(t): through (t0, baseline), each milestone in date order and (deadline, target), linear in
 * whole days between neighbours (or with `step` the latest point at or before t); the baseline up
 * to t0, the target from the deadline on.
 */
export function specExpected(target: ProgressTarget, t: Day): number {
  const points = [
    { by: target.start - 1, value: target.baseline },
    ...target.milestones,
    { by: target.deadline, value: target.target },
  ];
  if (t <= target.start - 1) return target.baseline;
  if (t >= target.deadline) return target.target;
  let i = 0;
  while ((points[i + 1] as { by: Day }).by <= t) i++;
  const a = points[i] as { by: Day; value: number };
  const b = points[i + 1] as { by: Day; value: number };
  if (target.interpolation === "step") return a.value;
  return a.value + ((b.value - a.value) * (t - a.by)) / (b.by - a.by);
}

/**
 * The actual A at T (SPEC 4): the value of the latest row dated at or before T; with `aggregate:
 * sum`, the sum of the rows dated after t0 and at or before T (none: no actual).
 */
export function specActual(
  target: Target,
  rows: readonly Observation[],
  asOf: Day,
): { value: number | boolean; observedOn: Day; summed: number | null } | null {
  const counted = rows
    .filter((row) => row.day <= asOf && (target.kind !== "growth" || row.day >= target.start))
    .sort((a, b) => a.day - b.day);
  if (target.kind === "progress" && target.aggregate === "sum") {
    const summed = counted.filter((row) => row.day > target.start - 1);
    if (summed.length === 0) return null;
    let sum = 0;
    for (const row of summed) sum += row.value as number;
    return { value: sum, observedOn: (summed.at(-1) as Observation).day, summed: summed.length };
  }
  const latest = counted.at(-1);
  return latest === undefined
    ? null
    : { value: latest.value, observedOn: latest.day, summed: null };
}

/** Every rule in the SPEC's order up to and including the first that holds. */
export function specTrace(
  target: Target,
  rows: readonly Observation[],
  asOf: Day,
  projectDueDays = 10,
): OracleCheck[] {
  const actual = specActual(target, rows, asOf);
  const cycle = specCycle(
    target,
    actual?.observedOn ?? null,
    asOf,
    target.dueDays ?? projectDueDays,
  );
  const checks: OracleCheck[] = [
    {
      rule: "no-data",
      held: actual === null,
      numbers: {
        actual: actual === null ? null : Number(actual.value),
        observedOn: actual?.observedOn ?? null,
        summedRows: actual?.summed ?? null,
      },
    },
  ];
  if (actual === null) return checks;
  const rules =
    target.kind === "progress"
      ? progressRules(target, rows, actual.value as number, actual.observedOn, cycle.judgedAt)
      : target.kind === "level"
        ? [
            lateRule(cycle, actual.observedOn, target.dueDays ?? projectDueDays),
            ...levelRules(target, actual.value as number),
          ]
        : target.kind === "growth"
          ? [
              lateRule(cycle, actual.observedOn, target.dueDays ?? projectDueDays),
              ...growthRules(
                target,
                rows,
                actual.value as number,
                actual.observedOn,
                cycle.judgedAt,
              ),
            ]
          : milestoneRules(target, rows, actual.value === true, asOf);
  for (const check of rules) {
    checks.push(check);
    if (check.held) break;
  }
  return checks;
}

/** A level target late at T is grey, its last value not judged (SPEC 4.1). */
function lateRule(cycle: SpecCycle, observedOn: Day, dueDays: number): OracleCheck {
  return {
    rule: "late",
    held: cycle.late,
    numbers: {
      missingReport: cycle.missingReport,
      dueBy: cycle.missingReport === null ? null : cycle.missingReport + dueDays,
      observedOn,
    },
  };
}

/**
 * SPEC 2.1 rules 2–6 at the judging date J (4.1), with d = ±1, L = d·(E(J) − A) and equality
 * within 1e-9 × max(1, span); `achieved` is late when no row dated at or before the deadline
 * reaches the target (with `sum`, the running total at such a row).
 */
function progressRules(
  target: ProgressTarget,
  rows: readonly Observation[],
  A: number,
  observedOn: Day,
  T: Day,
): OracleCheck[] {
  const d = target.target < target.baseline ? -1 : 1;
  const span = Math.abs(target.target - target.baseline);
  const eps = specEpsilon(span);
  const E = specExpected(target, T);
  const L = d * (E - A);
  const percent = "percent" in target.tolerance ? target.tolerance.percent : null;
  const tolerance =
    percent === null ? (target.tolerance as { amount: number }).amount : (percent / 100) * span;
  const gap = { lag: L, tolerance, tolerancePercent: percent, span };
  // 左右 (SPEC 2.5): d·(A − target) ≥ −about.
  const reaches = (value: number) => d * (value - target.target) >= -target.about - eps;
  const byDeadline = rows.filter((row) => row.day <= target.deadline).sort((a, b) => a.day - b.day);
  let total = 0;
  const reachedInTime = byDeadline.some((row) => {
    if (target.aggregate === "last") return reaches(row.value as number);
    if (row.day <= target.start - 1) return false;
    total += row.value as number;
    return reaches(total);
  });
  const achieved = reaches(A);
  return [
    {
      rule: "achieved",
      // d·(A − target) ≥ 0, a difference under eps being none.
      held: achieved,
      numbers: {
        actual: A,
        target: target.target,
        about: target.about,
        shortfall: -d * (A - target.target),
        epsilon: eps,
        late: Number(achieved && observedOn > target.deadline && !reachedInTime),
      },
    },
    {
      rule: "missed",
      held: T >= target.deadline,
      numbers: { judgedAt: T, deadline: target.deadline },
    },
    { rule: "on-track", held: L <= eps, numbers: { actual: A, expected: E, lag: L, epsilon: eps } },
    { rule: "behind", held: L <= tolerance + eps, numbers: { ...gap, epsilon: eps } },
    { rule: "off-track", held: true, numbers: gap },
  ];
}

/**
 * SPEC 2.2: within `min ≤ A ≤ max`; else outside the violated bound by no more than the tolerance
 * (a percentage is of the bound's absolute value); equality within 1e-9 × max(1, |bound|).
 */
function levelRules(target: LevelTarget, A: number): OracleCheck[] {
  // 左右 (SPEC 2.5): green from min − about to max + about; the tolerance counts beyond those.
  const about = target.about;
  const below = target.min !== null && A < target.min - about - specEpsilon(target.min);
  const above = target.max !== null && A > target.max + about + specEpsilon(target.max);
  const within: OracleCheck = {
    rule: "within",
    held: !below && !above,
    numbers: { actual: A, min: target.min, max: target.max, about },
  };
  if (within.held) return [within];
  const written = below ? (target.min as number) : (target.max as number);
  const bound = below ? written - about : written + about;
  const percent = "percent" in target.tolerance ? target.tolerance.percent : null;
  const tolerance =
    percent === null
      ? (target.tolerance as { amount: number }).amount
      : (percent / 100) * Math.abs(written);
  const distance = below ? bound - A : A - bound;
  const violated = {
    actual: A,
    side: below ? "min" : "max",
    bound,
    distance,
    tolerance,
    tolerancePercent: percent,
  };
  return [
    within,
    {
      rule: "near",
      held: distance <= tolerance + specEpsilon(written),
      numbers: { ...violated, epsilon: specEpsilon(written) },
    },
    { rule: "outside", held: true, numbers: { ...violated, epsilon: specEpsilon(written) } },
  ];
}

/**
 * SPEC 2.4: G is the row's rate, or (A / B − 1) × 100 rounded to one decimal half away from zero,
 * B the row's base or last year's row of the same period (a month-end's: that month's last day);
 * without B > 0 grey no-base. Then S = b − G (min) or G − b (max), b = rate ∓ about: before the
 * deadline S ≤ 0 on-track, S ≤ tolerance behind, else off-track; at J ≥ deadline achieved or missed.
 */
function growthRules(
  target: GrowthTarget,
  rows: readonly Observation[],
  value: number,
  observedOn: Day,
  J: Day,
): OracleCheck[] {
  const checks: OracleCheck[] = [];
  let G = value;
  if (target.input === "value") {
    const row = rows.find((candidate) => candidate.day === observedOn);
    let B: number | null = row?.base ?? null;
    let from: "column" | "row" | null = B === null ? null : "column";
    let on: Day | null = null;
    if (B === null) {
      const date = civil(observedOn);
      const y = date.getUTCFullYear();
      const m = date.getUTCMonth() + 1;
      const isMonthEnd = observedOn === monthEnd(y, m);
      const lastYear = isMonthEnd
        ? monthEnd(y - 1, m)
        : Math.min(Date.UTC(y - 1, m - 1, date.getUTCDate()) / MS_PER_DAY, monthEnd(y - 1, m));
      const old = rows.find((candidate) => candidate.day === lastYear);
      if (old !== undefined) {
        B = old.value as number;
        from = "row";
        on = lastYear;
      }
    }
    const noBase = B === null || !(B > 0);
    checks.push({
      rule: "no-base",
      held: noBase,
      numbers: { value, base: B, baseFrom: from, baseOn: on },
    });
    if (noBase) return checks;
    const raw = (value / (B as number) - 1) * 100;
    // Half away from zero, at one decimal, once the binary noise of the division is gone (to 12
    // significant digits: a quotient that far from a half is not one).
    const tenths = Math.round(Number.parseFloat((Math.abs(raw) * 10).toPrecision(12)));
    G = (Math.sign(raw) * tenths) / 10 + 0;
  }
  const rate = target.rate as number;
  const share = (t: { amount: number } | { percent: number }) =>
    "amount" in t ? t.amount : (t.percent / 100) * Math.abs(rate);
  const about = share(target.about);
  const b = target.bound === "min" ? rate - about : rate + about;
  const S = target.bound === "min" ? b - G : G - b;
  const tolerance = share(target.tolerance);
  const final = J >= target.deadline;
  const verdict = final
    ? S <= 1e-9
      ? "achieved"
      : "missed"
    : S <= 1e-9
      ? "on-track"
      : S <= tolerance + 1e-9
        ? "behind"
        : "off-track";
  checks.push({
    rule: "growth",
    held: true,
    numbers: {
      verdict,
      growth: G,
      rate,
      about,
      boundAfterSlack: b,
      side: target.bound,
      shortfall: S,
      tolerance,
      tolerancePercent: "percent" in target.tolerance ? target.tolerance.percent : null,
      final: Number(final),
      judgedAt: J,
      deadline: target.deadline,
    },
  });
  return checks;
}

/**
 * SPEC 2.3: done (late when the first done row is after the deadline); not done and T ≥ deadline;
 * deadline at most warn_days after T; otherwise.
 */
function milestoneRules(
  target: MilestoneTarget,
  rows: readonly Observation[],
  done: boolean,
  T: Day,
): OracleCheck[] {
  const daysLeft = target.deadline - T;
  const firstDone = rows
    .filter((row) => row.day <= T && row.value === true)
    .sort((a, b) => a.day - b.day)[0];
  const late = done && firstDone !== undefined && firstDone.day > target.deadline;
  return [
    { rule: "done", held: done, numbers: { late: Number(late) } },
    {
      rule: "overdue",
      held: T >= target.deadline,
      numbers: { judgedAt: T, deadline: target.deadline },
    },
    {
      rule: "due-soon",
      held: daysLeft <= target.warnDays,
      numbers: { daysLeft, warnDays: target.warnDays },
    },
    { rule: "pending", held: true, numbers: { daysLeft, warnDays: target.warnDays } },
  ];
}

// ---------------------------------------------------------------------------------------------
// Random cases: a target of any kind, rows around it and an as-of date, often put right on the
// edge of a rule (an actual at the target, at E(T), at the tolerance, at a bound; T on a deadline).

/** A target, its rows (one per date) and an as-of date. */
export interface RuleCase {
  target: Target;
  observations: Observation[];
  asOf: Day;
}

const FIRST_DAY = day("2021-12-01");

/** `due_days`, and for the kinds with report dates a frequency and a first report, or none. */
const dueDays = fc
  .constantFrom(null, 0, 10, 45)
  .map((days) => (days === null ? "" : `, due_days: ${days}`));
const reportCycle = fc
  .tuple(
    dueDays,
    fc.constantFrom(null, "monthly", "quarterly", "half-yearly", "yearly"),
    fc.constantFrom(null, "02-28", "03-15"),
  )
  .map(
    ([due, frequency, first]) =>
      `${due}${frequency === null ? "" : `, frequency: ${frequency}`}${first !== null && (frequency ?? "monthly") === "monthly" ? `, first_report: "${first}"` : ""}`,
  );

const progressYaml = fc
  .record({
    baseline: fc.integer({ min: -500, max: 500 }),
    // Large spans make ε (1e-9 of the span) larger than the two decimals numbers are shown with.
    distance: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(0.5, 1.3, 2.5e9)),
    down: fc.boolean(),
    start: fc.constantFrom("2022-01-01", "2022-04-01"),
    deadline: fc.constantFrom("2022-12-31", "2022-09-30", "2022-06-30"),
    schedule: fc.constantFrom(
      "q30-h60-q85",
      "h50-q85",
      "linear",
      '[{ by: 2022-05-31, progress: "40%" }]',
    ),
    interpolation: fc.constantFrom("linear", "step"),
    tolerance: fc.constantFrom('"10%"', '"2.5%"', "0", "3", "0.5"),
    aggregate: fc.constantFrom("last", "sum"),
    about: fc.constantFrom(null, 0, 2, 0.5),
    cycle: reportCycle,
  })
  .map(
    (p) =>
      `targets: [{ id: p, title: P, baseline: ${p.baseline}, target: ${p.baseline + (p.down ? -1 : 1) * p.distance}, start: ${p.start}, deadline: ${p.deadline}, schedule: ${p.schedule}, interpolation: ${p.interpolation}, tolerance: ${p.tolerance}, aggregate: ${p.aggregate}${
        // An about as large as the span is refused (every value would be achieved).
        p.about === null || p.about >= p.distance ? "" : `, about: ${p.about}`
      }${p.cycle} }]`,
  );

const growthYaml = fc
  .record({
    rate: fc.constantFrom(7, 10, 6.5, -3, 0, 3),
    bound: fc.constantFrom(null, "min", "max"),
    about: fc.constantFrom(null, "0.5", "0", '"10%"'),
    tolerance: fc.constantFrom(null, "0", "1", '"10%"', '"50%"'),
    input: fc.constantFrom(null, "rate", "value"),
    deadline: fc.constantFrom("2022-12-31", "2022-09-30"),
    cycle: reportCycle,
  })
  .map((g) => {
    const bound = g.bound ?? (g.rate < 0 ? "max" : null);
    return `targets: [{ id: g, kind: growth, title: G, rate: ${g.rate}${bound === null ? "" : `, bound: ${bound}`}${g.about === null ? "" : `, about: ${g.about}`}${g.tolerance === null ? "" : `, tolerance: ${g.tolerance}`}${g.input === null ? "" : `, input: ${g.input}`}, start: 2022-01-01, deadline: ${g.deadline}${g.cycle} }]`;
  });

const levelYaml = fc
  .record({
    min: fc.option(fc.oneof(fc.integer({ min: -100, max: 100 }), fc.constantFrom(3.7, 0.25))),
    width: fc.option(fc.integer({ min: 0, max: 50 })),
    tolerance: fc.constantFrom(null, "0", "2", "0.3", '"10%"'),
    about: fc.constantFrom(null, 0, 1, 0.5),
    year: fc.boolean(),
    cycle: reportCycle,
  })
  .filter((l) => l.min !== null || l.width !== null)
  .map((l) => {
    const bounds =
      l.width === null
        ? `min: ${l.min}`
        : l.min === null
          ? `max: ${l.width}`
          : `min: ${l.min}, max: ${l.min + l.width}`;
    const tolerance = l.tolerance === null ? "" : `, tolerance: ${l.tolerance}`;
    const about = l.about === null ? "" : `, about: ${l.about}`;
    return `${l.year ? "year: 2022\n" : ""}targets: [{ id: l, kind: level, title: L, ${bounds}${tolerance}${about}${l.cycle} }]`;
  });

const milestoneYaml = fc
  .record({
    deadline: fc.constantFrom("2022-03-31", "2022-06-15", "2022-12-31"),
    warnDays: fc.integer({ min: 0, max: 60 }),
    due: dueDays,
  })
  .map(
    (m) =>
      `targets: [{ id: m, kind: milestone, title: M, deadline: ${m.deadline}, warn_days: ${m.warnDays}${m.due} }]`,
  );

/** The dates a rule turns on, for as-of dates near them. */
function keyDays(target: Target): Day[] {
  if (target.kind === "progress" || target.kind === "growth")
    return [target.start - 1, target.deadline];
  const due = target.dueDays ?? 10;
  if (target.kind === "milestone")
    return [target.deadline, target.deadline - target.warnDays, target.deadline + due];
  return [day("2022-06-30"), day("2022-06-30") + due];
}

/** Actual values a rule turns on at T, and the scale of the target's numbers. */
function edges(target: Target, asOf: Day): { values: number[]; scale: number } {
  if (target.kind === "progress") {
    const span = Math.abs(target.target - target.baseline);
    const d = target.target < target.baseline ? -1 : 1;
    const E = specExpected(target, asOf);
    const tolerance =
      "percent" in target.tolerance
        ? (target.tolerance.percent / 100) * span
        : target.tolerance.amount;
    return { values: [target.target, E, E - d * tolerance], scale: span };
  }
  if (target.kind === "growth") {
    const rate = target.rate as number;
    const share = (t: { amount: number } | { percent: number }) =>
      "amount" in t ? t.amount : (t.percent / 100) * Math.abs(rate);
    const d = target.bound === "min" ? 1 : -1;
    const b = rate - d * share(target.about);
    // Only a rate is put on an edge: a value's G is rounded from A / B.
    if (target.input === "value") return { values: [], scale: 1 };
    return { values: [b, b - d * share(target.tolerance)], scale: 1 };
  }
  if (target.kind === "level") {
    const tolerance = (bound: number) =>
      "percent" in target.tolerance
        ? (target.tolerance.percent / 100) * Math.abs(bound)
        : target.tolerance.amount;
    const values: number[] = [];
    const a = target.about;
    if (target.min !== null) values.push(target.min - a, target.min - a - tolerance(target.min));
    if (target.max !== null) values.push(target.max + a, target.max + a + tolerance(target.max));
    return { values, scale: Math.max(1, ...values.map(Math.abs)) };
  }
  return { values: [], scale: 1 };
}

/** Row values around a target's numbers. */
function rowValue(target: Target, seed: number): number | boolean {
  if (target.kind === "milestone") return seed % 3 === 0;
  if (target.kind === "growth")
    return target.input === "value" ? 100 + seed * 0.37 : (target.rate as number) + (seed - 20) / 8;
  if (target.kind === "level") {
    const center = target.min ?? (target.max as number);
    return center + (seed - 20) / 4;
  }
  const share = (seed - 6) / 20;
  const amount = share * (target.target - target.baseline);
  return target.aggregate === "sum" ? amount / 4 : target.baseline + amount;
}

export const arbitraryRuleCase: fc.Arbitrary<RuleCase> = fc
  .oneof(progressYaml, levelYaml, milestoneYaml, growthYaml)
  .map((yaml) => targetFrom(yaml))
  .chain((target) =>
    fc.record({
      target: fc.constant(target),
      rows: fc.uniqueArray(
        fc.tuple(fc.integer({ min: 0, max: 430 }), fc.integer({ min: 0, max: 40 })),
        { maxLength: 8, selector: ([offset]) => offset },
      ),
      // Any day, or more often one a rule turns on, or the day before or after it.
      asOf: fc.oneof(fc.integer({ min: FIRST_DAY, max: FIRST_DAY + 430 }), {
        arbitrary: fc
          .tuple(fc.constantFrom(...keyDays(target)), fc.integer({ min: -1, max: 1 }))
          .map(([key, offset]) => key + offset),
        weight: 2,
      }),
      // Mostly, the actual put on an edge: exactly, a hair (far under ε) or a step (far past ε) off.
      edge: fc.option(fc.tuple(fc.nat(), fc.constantFrom(0, 1e-12, -1e-12, 1e-6, -1e-6)), {
        freq: 4,
      }),
    }),
  )
  .map(({ target, rows, asOf, edge }) => {
    const observations: Observation[] = rows.map(([offset, seed], index) => ({
      day: FIRST_DAY + offset,
      value: rowValue(target, seed),
      file: "data.csv",
      line: index + 2,
      // Some rows of a growth target by value carry last year's figure, 0 now and then.
      ...(target.kind === "growth" && target.input === "value" && seed % 3 === 0
        ? { base: seed % 9 === 0 ? 0 : 95 + seed / 4 }
        : {}),
    }));
    const { values, scale } = edges(target, asOf);
    if (edge !== null && values.length > 0) {
      const [pick, hair] = edge;
      const wanted = (values[pick % values.length] as number) + hair * Math.max(1, scale);
      putActual(target, observations, asOf, wanted);
    }
    return { target, observations, asOf };
  });

/** Change the latest counted row (or add one on the as-of date) so that the actual is `wanted`. */
function putActual(target: Target, observations: Observation[], asOf: Day, wanted: number): void {
  const sums = target.kind === "progress" && target.aggregate === "sum";
  const t0 =
    target.kind === "progress" || target.kind === "growth"
      ? target.start - 1
      : Number.NEGATIVE_INFINITY;
  const counted = observations
    .filter((row) => row.day <= asOf && (!(sums || target.kind === "growth") || row.day > t0))
    .sort((a, b) => a.day - b.day);
  let latest = counted.at(-1);
  if (latest === undefined) {
    if ((sums || target.kind === "growth") && asOf <= t0) return;
    latest = { day: asOf, value: 0, file: "data.csv", line: observations.length + 2 };
    observations.push(latest);
    counted.push(latest);
  }
  let others = 0;
  if (sums) for (const row of counted) if (row !== latest) others += row.value as number;
  latest.value = wanted - others;
}
