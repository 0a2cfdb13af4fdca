/**
 * Compares kpi's human outputs, read back by test/parse-output.ts, with the JSON of the same run:
 * every function returns what disagrees, as sentences (none: they say the same). Numbers are
 * compared as numbers: a cell is parsed and must lie within the rounding of the renderers (two
 * decimals) of the JSON's number, so the check does not reuse the renderers' formatting. Only the
 * words (status names, column heads) come from the labels of the language.
 */

import { isDeepStrictEqual } from "node:util";
import type { Labels, Language } from "../src/i18n/labels.js";
import { labelsFor } from "../src/i18n/language.js";
import {
  type JunitOutcome,
  type MarkdownBlock,
  type MarkdownSection,
  markdownSections,
  parseBoxTable,
  parseJunit,
  parseMarkdown,
  parseShownValue,
  parseStatusCell,
  parseStatusCounts,
  parseSummaryLine,
  STATUS_MARKS,
  type Status,
  WORST_FIRST,
} from "./parse-output.js";

// ---------------------------------------------------------------------------------------------
// The JSON outputs, as far as these checks read them

export interface ResultJson {
  /** The warnings of the target's rows (corrections, values to check). */
  warnings?: { file: string; line: number; message: string }[];
  id: string;
  title: string;
  owner: string[];
  section: string | null;
  kind: "progress" | "level" | "milestone";
  unit: string | null;
  status: Status;
  reason: string;
  late: boolean;
  missingReport: string | null;
  dueBy: string | null;
  judgedAt: string;
  frequency: string | null;
  actual: number | boolean | null;
  observedOn: string | null;
  note: string | null;
  expected: number | null;
  target: number | null;
  baseline: number | null;
  deadline: string | null;
  progress: number | null;
  nextMilestone: { by: string; value: number } | null;
  min: number | null;
  max: number | null;
  stretch: number | null;
  star: boolean | null;
}

/** `kpi check --format json`. */
export interface CheckJson {
  asOf: string;
  /** The project file's office and report title, or null. */
  office: string | null;
  notice?: string | null;
  title: string | null;
  summary: Record<Status | "total", number>;
  results: ResultJson[];
}

/** `kpi rank --format json`. */
export interface RankJson {
  asOf: string;
  period: "month" | "quarter" | "year";
  evaluatedAt: string[];
  previousAsOf: string;
  scores: { green: number; yellow: number; red: number; missing: number; latePenalty: number };
  owners: (Record<Status, number> & {
    place: number;
    owner: string;
    score: number | null;
    previousPlace: number | null;
    movement: "up" | "down" | "same" | "new";
    movementBy: number | null;
    targets: string[];
  })[];
}

/** `kpi list --format json`. */
export interface ListJson {
  targets: {
    id: string;
    title: string;
    kind: "progress" | "level" | "milestone";
    owner: string[];
    section: string | null;
    unit: string | null;
    file: string;
    baseline: number | null;
    target: number | null;
    start: string | null;
    deadline: string | null;
    schedule: { by: string; value: number; progress: number }[] | null;
    interpolation: "linear" | "step" | null;
    aggregate: "last" | "sum" | null;
    tolerance: number | string | null;
    toleranceAmount: number | null;
    min: number | null;
    max: number | null;
    stretch: number | null;
    warnDays: number | null;
    warnFrom: string | null;
  }[];
}

// ---------------------------------------------------------------------------------------------
// Collecting disagreements

/** The renderers round to two decimals: a shown number is within half a hundredth of the JSON's. */
const ROUNDING = 0.005;

/** Disagreements found so far, each said with where it was found. */
class Findings {
  constructor(
    readonly list: string[] = [],
    private readonly where = "",
  ) {}

  /** The same list, with `place` added to where each finding says it was. */
  at(place: string): Findings {
    return new Findings(this.list, this.where === "" ? place : `${this.where} › ${place}`);
  }

  add(message: string): void {
    this.list.push(this.where === "" ? message : `${this.where}: ${message}`);
  }

  equal(what: string, shown: unknown, expected: unknown): void {
    if (!isDeepStrictEqual(shown, expected))
      this.add(`${what} shows ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`);
  }

  /** A number with its unit, within the rounding of `expected`; null: `empty` (a dash). */
  value(
    what: string,
    shown: string,
    expected: number | null,
    unit: string | null,
    options: { empty?: string } = {},
  ): void {
    if (expected === null) {
      this.equal(what, shown, options.empty ?? "–");
      return;
    }
    const number = parseShownValue(shown, unit);
    // With room for floating-point noise in the JSON's 15 digits.
    const tolerance = ROUNDING + 1e-9 * Math.max(1, Math.abs(expected));
    if (number === null || Math.abs(number - expected) > tolerance)
      this.add(
        `${what} shows ${JSON.stringify(shown)}, the JSON says ${expected} (${unit ?? "no unit"})`,
      );
  }
}

/** Runs the checks, turning a parse failure (a malformed output) into a finding too. */
function collect(check: (findings: Findings) => void): string[] {
  const findings = new Findings();
  try {
    check(findings);
  } catch (error) {
    findings.add(`cannot be read back: ${(error as Error).message}`);
  }
  return findings.list;
}

// ---------------------------------------------------------------------------------------------
// Shared expectations

/** What a terminal cell shows of a text from an input file: line breaks as spaces, no controls. */
function asTerminalText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is what a terminal cell does
  return text.replace(/\r\n|\r|\n|\t/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
}

/** What a markdown cell reads as: its lines kept (as `<br>`), controls removed. */
function asMarkdownText(text: string): string {
  return (
    text
      .replace(/\r\n|\r/g, "\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is what a markdown cell does
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, "")
  );
}

/** Results worst first (red, yellow, grey, green), file order within a status: the documented order. */
export function worstFirst<T extends { status: Status }>(results: readonly T[]): T[] {
  return WORST_FIRST.flatMap((status) => results.filter((result) => result.status === status));
}

/** Whole days from one ISO date to another. */
function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The last day of the month before `date`'s. */
export function previousMonthEnd(date: string): string {
  return addDays(`${date.slice(0, 7)}-01`, -1);
}

/** A level's bounds as a cell shows them: `35–45`, `≥ 1`, `≤ 3`, compared as numbers. */
function checkBounds(
  findings: Findings,
  what: string,
  shown: string,
  min: number | null,
  max: number | null,
) {
  const both = /^(.+)–(.+)$/.exec(shown);
  const parts =
    min !== null && max !== null
      ? both && [both[1], both[2]]
      : min !== null
        ? shown.startsWith("≥ ") && [shown.slice(2)]
        : shown.startsWith("≤ ") && [shown.slice(2)];
  const bounds = [min, max].filter((bound) => bound !== null);
  const numbers = parts ? parts.map((part) => Number(part)) : [];
  if (numbers.length !== bounds.length || numbers.some((number, index) => number !== bounds[index]))
    findings.add(`${what} shows ${JSON.stringify(shown)}, the JSON says min ${min}, max ${max}`);
}

/** A status cell: the mark of the JSON's status, and that status's word. */
function checkStatus(
  findings: Findings,
  what: string,
  cell: string,
  status: Status,
  labels: Labels,
) {
  let shown: { status: Status; word: string };
  try {
    shown = parseStatusCell(cell);
  } catch {
    findings.add(`${what} is not a status: ${JSON.stringify(cell)}`);
    return;
  }
  findings.equal(what, shown.status, status);
  findings.equal(`${what} word`, shown.word, labels.status[status]);
}

/** A count line (`✖ 1 red, …` or `🔴 1 red · …`): every status's number and word, worst first. */
function checkCounts(
  findings: Findings,
  text: string,
  counts: Record<Status, number>,
  labels: Labels,
) {
  const shown = parseStatusCounts(text);
  findings.equal("counts", shown.counts, pick(counts));
  findings.equal("count words", shown.words, labels.status);
  findings.equal("count order", shown.order, WORST_FIRST);
}

function pick(counts: Record<Status, number>): Record<Status, number> {
  return { red: counts.red, yellow: counts.yellow, grey: counts.grey, green: counts.green };
}

function countStatuses(results: readonly { status: Status }[]): Record<Status, number> {
  const counts = { red: 0, yellow: 0, grey: 0, green: 0 };
  for (const result of results) counts[result.status]++;
  return counts;
}

/** The actual cell: a number with its unit, done / not done, or a dash. */
function checkActual(findings: Findings, cell: string, result: ResultJson, labels: Labels) {
  if (typeof result.actual === "boolean")
    findings.equal("actual", cell, result.actual ? labels.yes : labels.no);
  else findings.value("actual", cell, result.actual, result.unit);
}

/** The expected cell: E(T) with its unit (a dash without one), a level's bounds, nothing for a milestone. */
function checkExpected(findings: Findings, cell: string, result: ResultJson) {
  if (result.kind === "level") checkBounds(findings, "expected", cell, result.min, result.max);
  else if (result.kind === "milestone") findings.equal("expected", cell, "");
  else findings.value("expected", cell, result.expected, result.unit);
}

/**
 * The note: the reason's words, then ★ and the late report as the JSON says; in an owner's table
 * (`scores` given) then the points the late penalty takes (SPEC 6): a late result that is not grey
 * loses `latePenalty` of its status's points (achieved or done late score as yellow), never below 0.
 */
function checkNote(
  findings: Findings,
  cell: string,
  result: ResultJson,
  labels: Labels,
  scores?: RankJson["scores"],
) {
  const notes =
    result.reason === "late" ? [] : [labels.reason[result.reason as keyof Labels["reason"]]];
  if (result.star) notes.push(`★ ${labels.star}`);
  if (result.late && result.missingReport !== null && result.dueBy !== null) {
    // The due day as month and day when in the report's year.
    const sameYear = result.dueBy.slice(0, 4) === result.missingReport.slice(0, 4);
    notes.push(labels.late(result.missingReport, sameYear ? result.dueBy.slice(5) : result.dueBy));
  }
  if (scores !== undefined && result.late && result.status !== "grey") {
    const asYellow = result.reason === "achieved-late" || result.reason === "done-late";
    const points = scores[asYellow ? "yellow" : (result.status as "green" | "yellow" | "red")];
    const taken = points <= 0 ? 0 : Math.min(points, scores.latePenalty);
    if (taken !== 0) notes.push(labels.rank.latePenalty(String(Math.round(taken * 100) / 100)));
  }
  findings.equal("note", cell, notes.join(labels.noteSeparator));
}

/** `value @ deadline` of a progress target, `due date` of a milestone, `★ stretch` of a level. */
function checkTargetCell(findings: Findings, cell: string, result: ResultJson, labels: Labels) {
  if (result.kind === "milestone") {
    findings.equal("target", cell, `${labels.dueBy} ${result.deadline}`);
  } else if (result.kind === "level") {
    if (result.stretch === null) findings.equal("target", cell, "");
    else if (!cell.startsWith("★ ")) findings.add(`target shows ${JSON.stringify(cell)}, not a ★`);
    else findings.value("target", cell.slice(2), result.stretch, result.unit);
  } else {
    const [value = "", deadline] = cell.split(" @ ");
    findings.value("target", value, result.target, result.unit);
    findings.equal("deadline", deadline, result.deadline);
  }
}

/** The progress cell: the share as a percentage (JSON shares have four decimals), or nothing. */
function checkProgress(findings: Findings, cell: string, result: ResultJson, bar: boolean) {
  if (result.progress === null) {
    findings.equal("progress", cell, "");
    return;
  }
  let percent = cell;
  if (bar) {
    const match = /^([█░]{10}) (.*)$/u.exec(cell);
    if (match === null) {
      findings.add(`progress shows ${JSON.stringify(cell)}, not a bar of ten cells`);
      return;
    }
    // A full cell is a whole tenth: ten times the share, rounded down. Where the JSON's four
    // decimals hide which side of a tenth the share is on, either cell count is right.
    const filled = [...(match[1] ?? "")].filter((mark) => mark === "█").length;
    const tenths = Math.min(1, Math.max(0, result.progress)) * 10;
    const nearest = Math.round(tenths);
    const right =
      Math.abs(tenths - nearest) < 1e-3
        ? [Math.max(0, nearest - 1), nearest]
        : [Math.floor(tenths)];
    if (!right.includes(filled))
      findings.add(`progress bar has ${filled} full cells for a share of ${result.progress}`);
    percent = match[2] ?? "";
  }
  // The JSON's share has four decimals: a percentage with two, the cell's rounding.
  findings.value("progress", percent, result.progress * 100, "%");
}

/** Finds each named column; a missing one is a finding. */
function columnsOf<K extends string>(
  findings: Findings,
  head: readonly string[],
  names: Record<K, string>,
): Record<K, number> | null {
  const indexes = {} as Record<K, number>;
  let complete = true;
  for (const [key, name] of Object.entries(names) as [K, string][]) {
    indexes[key] = head.indexOf(name);
    if (indexes[key] < 0) {
      findings.add(`no column ${JSON.stringify(name)} in ${JSON.stringify(head)}`);
      complete = false;
    }
  }
  return complete ? indexes : null;
}

/**
 * Rows of the results table (check's table and markdown, the report's sections): one row per
 * result, in the given order, every cell saying what the JSON says.
 */
function checkResultRows(
  findings: Findings,
  head: readonly string[],
  rows: readonly string[][],
  results: readonly ResultJson[],
  labels: Labels,
  medium: "terminal" | "markdown" | "report",
) {
  const columns = columnsOf(findings, head, labels.columns);
  if (columns === null) return;
  findings.equal(
    "ids in order",
    rows.map((row) => row[columns.id]),
    results.map((result) => result.id),
  );
  rows.forEach((row, index) => {
    const result = results[index];
    if (result === undefined) return;
    const at = findings.at(result.id);
    const cell = (key: keyof typeof columns) => row[columns[key]] ?? "";
    checkStatus(at, "status", cell("status"), result.status, labels);
    at.equal("id", cell("id"), result.id);
    at.equal(
      "title",
      cell("title"),
      medium === "terminal" ? asTerminalText(result.title) : asMarkdownText(result.title),
    );
    at.equal("owner", cell("owner"), result.owner.join(labels.nameSeparator));
    checkActual(at, cell("actual"), result, labels);
    checkExpected(at, cell("expected"), result);
    checkTargetCell(at, cell("target"), result, labels);
    checkProgress(at, cell("progress"), result, medium === "report");
    checkNote(at, cell("note"), result, labels);
  });
}

// ---------------------------------------------------------------------------------------------
// kpi check

/** `kpi check --format table` against `--format json`: rows worst first, cells, the summary line. */
export function checkTableMismatches(
  output: string,
  json: CheckJson,
  language: Language,
): string[] {
  const labels = labelsFor(language);
  return collect((findings) => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: an escape code is what must be absent
    if (/\u001b/.test(output)) findings.add("colour codes in a NO_COLOR run");
    const table = parseBoxTable(output);
    findings.equal("lines above the table", table.before, []);
    findings.equal("head", table.head, Object.values(labels.columns));
    checkResultRows(findings, table.head, table.rows, worstFirst(json.results), labels, "terminal");
    findings.equal("lines below the table", table.after.length, 1);
    checkSummaryLine(findings.at("summary line"), table.after[0] ?? "", json, labels);
  });
}

function checkSummaryLine(findings: Findings, line: string, json: CheckJson, labels: Labels) {
  const summary = parseSummaryLine(line);
  findings.equal("total", summary.total, json.summary.total);
  findings.equal("total", summary.total, json.results.length);
  findings.equal("as of", summary.asOf, json.asOf);
  findings.equal("counts", summary.counts.counts, pick(json.summary));
  findings.equal("counts of the rows", summary.counts.counts, countStatuses(json.results));
  findings.equal("count words", summary.counts.words, labels.status);
  findings.equal("count order", summary.counts.order, WORST_FIRST);
}

/** `kpi check --format markdown` against `--format json`: the summary line and one table. */
export function checkMarkdownMismatches(
  output: string,
  json: CheckJson,
  language: Language,
): string[] {
  const labels = labelsFor(language);
  return collect((findings) => {
    const blocks = parseMarkdown(output);
    findings.equal(
      "blocks",
      blocks.map((block) => block.kind),
      ["paragraph", "table"],
    );
    const [summary, table] = blocks;
    if (summary?.kind === "paragraph")
      checkSummaryLine(findings.at("summary line"), summary.text, json, labels);
    if (table?.kind !== "table") return;
    findings.equal("head", table.head, Object.values(labels.columns));
    checkResultRows(findings, table.head, table.rows, worstFirst(json.results), labels, "markdown");
  });
}

/** `kpi check --format junit` against `--format json`: a testcase per target, red failures, grey skipped. */
export function checkJunitMismatches(
  xml: string,
  json: CheckJson,
  list: ListJson,
  language: Language,
): string[] {
  const labels = labelsFor(language);
  return collect((findings) => {
    const report = parseJunit(xml);
    findings.equal("tests", report.tests, json.results.length);
    findings.equal("failures", report.failures, countStatuses(json.results).red);
    findings.equal("skipped", report.skipped, countStatuses(json.results).grey);
    const fileOf = new Map(list.targets.map((target) => [target.id, target.file]));
    const suiteOf = (result: ResultJson) => result.section ?? fileOf.get(result.id) ?? "";
    const suites = [...new Set(json.results.map(suiteOf))];
    findings.equal(
      "suites",
      report.suites.map((suite) => suite.name),
      suites,
    );
    const outcome: Record<Status, JunitOutcome> = {
      red: "failure",
      yellow: "warning",
      grey: "skipped",
      green: "passed",
    };
    for (const suite of report.suites) {
      const at = findings.at(suite.name);
      const results = json.results.filter((result) => suiteOf(result) === suite.name);
      at.equal("tests", suite.tests, suite.cases.length);
      at.equal(
        "failures",
        suite.failures,
        suite.cases.filter((c) => c.outcome === "failure").length,
      );
      at.equal("skipped", suite.skipped, suite.cases.filter((c) => c.outcome === "skipped").length);
      at.equal(
        "testcases",
        suite.cases.map((testcase) => testcase.name),
        results.map((result) => `${result.id}: ${result.title}`),
      );
      suite.cases.forEach((testcase, index) => {
        const result = results[index];
        if (result === undefined) return;
        const here = at.at(result.id);
        here.equal("classname", testcase.classname, suite.name);
        here.equal("outcome", testcase.outcome, outcome[result.status]);
        const words = labels.statusReason(
          labels.status[result.status],
          labels.reason[result.reason as keyof Labels["reason"]],
        );
        if (testcase.outcome === "warning") {
          if (!testcase.message.startsWith(words))
            here.add(
              `system-out ${JSON.stringify(testcase.message)} does not start with ${JSON.stringify(words)}`,
            );
        } else if (testcase.outcome !== "passed") {
          here.equal("message", testcase.message, words);
        }
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// kpi rank

/**
 * Rows of a ranking table: place, owner, score, previous place, movement and counts as the rank
 * JSON gives them, in its order.
 */
function checkRankingRows(
  findings: Findings,
  head: readonly string[],
  rows: readonly string[][],
  rank: RankJson,
  labels: Labels,
  mark: "symbol" | "emoji",
) {
  const words = labels.rank.columns;
  const statusHeads = Object.fromEntries(
    WORST_FIRST.map((status) => [status, `${STATUS_MARKS[status][mark]} ${labels.status[status]}`]),
  ) as Record<Status, string>;
  const columns = columnsOf(findings, head, { ...words, ...statusHeads });
  if (columns === null) return;
  findings.equal(
    "owners in order",
    rows.map((row) => row[columns.owner]),
    rank.owners.map((standing) => standing.owner),
  );
  rows.forEach((row, index) => {
    const standing = rank.owners[index];
    if (standing === undefined) return;
    const at = findings.at(standing.owner);
    at.equal("place", row[columns.place], String(standing.place));
    // The JSON's score has two decimals, as the cell has.
    at.value("score", row[columns.score] ?? "", standing.score, null, {
      empty: labels.rank.noScore,
    });
    at.equal(
      "previous place",
      row[columns.previous],
      standing.previousPlace === null ? labels.rank.noScore : String(standing.previousPlace),
    );
    const by = standing.movementBy ?? 0;
    const movement = { up: `↑${by}`, down: `↓${by}`, same: "=", new: null }[standing.movement];
    if (movement === null)
      at.equal("movement", row[columns.movement], labels.rank.movement({ kind: "new" }));
    else at.equal("movement", row[columns.movement], movement);
    if (standing.movement === "up" || standing.movement === "down")
      at.equal(
        "movement by",
        standing.movementBy,
        Math.abs((standing.previousPlace ?? 0) - standing.place),
      );
    for (const status of WORST_FIRST)
      at.equal(status, row[columns[status]], String(standing[status]));
    at.equal("targets", row[columns.targets], String(standing.targets.length));
  });
}

/** The heading of a ranking, from its JSON. */
export function rankTitle(rank: RankJson, labels: Labels): string {
  const [year = 0, month = 0] = rank.asOf.split("-").map(Number);
  return labels.rank.title({
    period: rank.period,
    asOf: rank.asOf,
    year,
    quarter: Math.ceil(month / 3),
  });
}

/** The notes under a ranking, from its JSON: the score's rule, the period and the movement. */
export function rankNotes(rank: RankJson, labels: Labels): string[] {
  return [
    labels.rank.legend(rank.scores),
    labels.rank.periodNote(rank.period, rank.evaluatedAt, rank.previousAsOf),
  ];
}

/** `kpi rank` (the table) against `kpi rank --format json`. */
export function rankTableMismatches(output: string, rank: RankJson, language: Language): string[] {
  const labels = labelsFor(language);
  return collect((findings) => {
    const table = parseBoxTable(output);
    findings.equal("title", table.before, [rankTitle(rank, labels)]);
    checkRankingRows(findings, table.head, table.rows, rank, labels, "symbol");
    findings.equal("notes", table.after, rankNotes(rank, labels));
  });
}

/** `kpi rank --format markdown` against `kpi rank --format json`. */
export function rankMarkdownMismatches(
  output: string,
  rank: RankJson,
  language: Language,
): string[] {
  const labels = labelsFor(language);
  return collect((findings) => {
    const blocks = parseMarkdown(output);
    findings.equal(
      "blocks",
      blocks.map((block) => block.kind),
      ["heading", "table", "paragraph", "paragraph"],
    );
    const [heading, table, ...notes] = blocks;
    if (heading?.kind === "heading") findings.equal("title", heading.text, rankTitle(rank, labels));
    if (table?.kind === "table")
      checkRankingRows(findings, table.head, table.rows, rank, labels, "emoji");
    findings.equal(
      "notes",
      notes.map((note) => (note.kind === "paragraph" ? note.text : note.kind)),
      rankNotes(rank, labels),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// kpi list

type ListTarget = ListJson["targets"][number];

/** The cells of one listed target against its JSON entry; `lines` turns a text into what the cell shows. */
function checkListRow(
  findings: Findings,
  row: Record<string, string>,
  target: ListTarget,
  labels: Labels,
  lines: (text: string) => string,
) {
  const words = labels.list;
  findings.equal("id", row.id, target.id);
  findings.equal("title", row.title, lines(target.title));
  findings.equal("kind", row.kind, words.kind[target.kind]);
  findings.equal("owner", row.owner, target.owner.join(", "));
  const goal = row.target ?? "";
  const schedule = (row.schedule ?? "").split("\n").filter((line) => line !== "");
  if (target.kind === "progress") {
    const [from = "", to = ""] = goal.split(" → ");
    findings.value("baseline", from, target.baseline, target.unit);
    findings.value("target", to, target.target, target.unit);
    findings.equal(
      "deadline",
      row.deadline,
      `${target.deadline}\n${words.from(target.start ?? "")}`,
    );
    const points = target.schedule ?? [];
    const extra = [
      ...(target.interpolation === "step" ? [words.step] : []),
      ...(target.aggregate === "sum" ? [words.sum] : []),
    ];
    findings.equal("schedule lines", schedule.length, points.length + extra.length);
    points.forEach((point, index) => {
      const match = /^(\S+) {2}(.+) {2}\((.+)\)$/.exec(schedule[index] ?? "");
      if (match === null) {
        findings.add(
          `schedule line ${JSON.stringify(schedule[index])} is not "date  value  (share)"`,
        );
        return;
      }
      findings.equal("schedule date", match[1], point.by);
      findings.value("schedule value", match[2] ?? "", point.value, target.unit);
      findings.value("schedule share", match[3] ?? "", point.progress * 100, "%");
    });
    findings.equal("schedule words", schedule.slice(points.length), extra);
  } else if (target.kind === "level") {
    const [bounds = "", stretch] = goal.split(", ★ ");
    checkBounds(findings, "bounds", bounds, target.min, target.max);
    if (target.stretch === null) findings.equal("stretch", stretch, undefined);
    else findings.value("stretch", stretch ?? "", target.stretch, target.unit);
    findings.equal("deadline", row.deadline, "");
    findings.equal("schedule", schedule, []);
  } else {
    findings.equal("target", goal, labels.yes);
    findings.equal("deadline", row.deadline, target.deadline);
    findings.equal(
      "schedule",
      schedule,
      target.warnFrom === null ? [] : [words.warnFrom(target.warnFrom, target.warnDays ?? 0)],
    );
  }
  const tolerance = row.tolerance ?? "";
  if (target.tolerance === null) findings.equal("tolerance", tolerance, "");
  else if (typeof target.tolerance === "number")
    findings.value("tolerance", tolerance, target.tolerance, target.unit);
  else {
    const [percent = "", amount] = tolerance.split(" = ");
    findings.value("tolerance", percent, Number.parseFloat(target.tolerance), "%");
    if (target.toleranceAmount === null) findings.equal("tolerance amount", amount, undefined);
    else findings.value("tolerance amount", amount ?? "", target.toleranceAmount, target.unit);
  }
}

function checkListRows(
  findings: Findings,
  head: readonly string[],
  rows: readonly string[][],
  list: ListJson,
  labels: Labels,
  lines: (text: string) => string,
) {
  const columns = columnsOf(findings, head, labels.list.columns);
  if (columns === null) return;
  findings.equal(
    "ids in order",
    rows.map((row) => row[columns.id]),
    list.targets.map((target) => target.id),
  );
  rows.forEach((row, index) => {
    const target = list.targets[index];
    if (target === undefined) return;
    const cells = Object.fromEntries(
      Object.entries(columns).map(([key, column]) => [key, row[column as number] ?? ""]),
    );
    checkListRow(findings.at(target.id), cells, target, labels, lines);
  });
}

/** `kpi list` (the ruled table, a schedule point a line) against `kpi list --format json`. */
export function listTableMismatches(output: string, list: ListJson, language: Language): string[] {
  const labels = labelsFor(language);
  return collect((findings) => {
    const table = parseBoxTable(output);
    findings.equal("lines above the table", table.before, []);
    findings.equal("head", table.head, Object.values(labels.list.columns));
    // A cell keeps its own line breaks; each line is cleaned as in any terminal cell.
    const lines = (text: string) =>
      text
        .split(/\r\n|\r|\n/)
        .map(asTerminalText)
        .join("\n");
    checkListRows(findings, table.head, table.rows, list, labels, lines);
    findings.equal("count", table.after, [labels.list.count(list.targets.length)]);
  });
}

/** `kpi list --format markdown` against `kpi list --format json`. */
export function listMarkdownMismatches(
  output: string,
  list: ListJson,
  language: Language,
): string[] {
  const labels = labelsFor(language);
  return collect((findings) => {
    const blocks = parseMarkdown(output);
    findings.equal(
      "blocks",
      blocks.map((block) => block.kind),
      ["table"],
    );
    const [table] = blocks;
    if (table?.kind !== "table") return;
    findings.equal("head", table.head, Object.values(labels.list.columns));
    checkListRows(findings, table.head, table.rows, list, labels, asMarkdownText);
  });
}

// ---------------------------------------------------------------------------------------------
// kpi report

/** The JSON a report is compared with: the as-of run, the previous month-end's, the ranking. */
export interface ReportInputs {
  json: CheckJson;
  /** `kpi check --format json --as-of` the previous month-end, for the changes. */
  previous: CheckJson;
  rank: RankJson;
  /** With `--by owner`: the ranking, and owners in ranking order. */
  byOwner: boolean;
  /** The project file's `owners:` (null: none): the order of owner sections without `--by owner`. */
  owners?: readonly string[] | null;
}

/** `Title (id)`: the report names a target by its title with its id. */
function targetName(result: ResultJson): string {
  return `${asMarkdownText(result.title)} (${result.id})`;
}

/** The blocks of a section should be `kinds`; returns them, or null (and a finding) when not. */
function blocksOf(
  findings: Findings,
  section: MarkdownSection | undefined,
  kinds: MarkdownBlock["kind"][],
) {
  if (section === undefined) {
    findings.add("missing");
    return null;
  }
  const shown = section.blocks.map((block) => block.kind);
  if (JSON.stringify(shown) !== JSON.stringify(kinds)) {
    findings.add(`holds ${JSON.stringify(shown)}, expected ${JSON.stringify(kinds)}`);
    return null;
  }
  return section.blocks;
}

/**
 * `kpi report` against the JSON: the headings, the summary, the attention table (exactly the red
 * and yellow targets, red first, with how far behind each is), every section's and owner's table,
 * the ranking (with `--by owner`), the milestones due soon and the changes since the previous
 * month-end.
 */
export function reportMismatches(
  output: string,
  inputs: ReportInputs,
  language: Language,
): string[] {
  const labels = labelsFor(language);
  const words = labels.report;
  const { json, rank } = inputs;
  return collect((findings) => {
    const sections = markdownSections(parseMarkdown(output));
    findings.equal("text before the title", sections[0]?.blocks, []);
    const title = sections[1];
    const heading =
      json.title === null ? words.title(json.asOf) : words.namedTitle(json.title, json.asOf);
    findings.equal("title", title?.path, [heading]);
    // The office and the notice line, when the project file names them, then the summary.
    const notice = json.notice ?? null;
    const office = [
      ...(json.office === null ? [] : ["paragraph" as const]),
      ...(notice === null ? [] : ["paragraph" as const]),
    ];
    const blocks = blocksOf(findings.at("title"), title, [...office, "paragraph"]);
    if (blocks !== null && json.office !== null) {
      const first = blocks[0];
      findings.equal("office", first?.kind === "paragraph" ? first.text : null, json.office);
    }
    if (blocks !== null && notice !== null) {
      const line = blocks[office.length - 1];
      findings.equal("notice", line?.kind === "paragraph" ? line.text : null, notice);
    }
    const summary = blocks?.[office.length];
    if (summary?.kind === "paragraph") {
      const line = parseSummaryLine(summary.text);
      findings.equal("summary total", line.total, json.summary.total);
      checkCounts(findings.at("summary"), summary.text, json.summary, labels);
    }
    const ranking = rankTitle(rank, labels);
    const dueUntil = addDays(json.asOf, 30);
    const year = words.year(Number(json.asOf.slice(0, 4)));
    const chapters = [
      words.followUp,
      words.chase,
      words.attention,
      year,
      words.bySection,
      ...(inputs.byOwner ? [ranking] : []),
      words.byOwner,
      words.dueSoon(30, dueUntil),
      words.changes(previousMonthEnd(json.asOf)),
    ];
    // The warnings of the targets' rows, when there are any: the JSON has them by target.
    const notes = json.results.flatMap((result) => result.warnings ?? []);
    if (notes.length > 0) chapters.push(words.dataNotes);
    findings.equal(
      "chapters",
      sections.filter((section) => section.depth === 2).map((section) => section.path[1]),
      chapters,
    );
    const chapter = (name: string) => sections.filter((section) => section.path[1] === name);
    checkFollowUp(findings.at(words.followUp), chapter(words.followUp)[0], inputs, labels);
    checkChase(findings.at(words.chase), chapter(words.chase), inputs, labels);
    checkAttention(findings.at(words.attention), chapter(words.attention), json, labels);
    checkYear(findings.at(year), chapter(year)[0], inputs, labels);
    checkBySection(findings.at(words.bySection), chapter(words.bySection), json, labels);
    if (inputs.byOwner) {
      const blocks = blocksOf(findings.at(ranking), chapter(ranking)[0], ["table", "paragraph"]);
      // The period's note under the table; the score's rule is among the notes at the end.
      if (blocks?.[1]?.kind === "paragraph")
        findings.at(ranking).equal("note", blocks[1].text, rankNotes(rank, labels)[1]);
      if (blocks?.[0]?.kind === "table")
        checkRankingRows(
          findings.at(ranking),
          blocks[0].head,
          blocks[0].rows,
          rank,
          labels,
          "emoji",
        );
    }
    checkByOwner(findings.at(words.byOwner), chapter(words.byOwner), inputs, labels);
    const due = words.dueSoon(30, dueUntil);
    checkDueSoon(findings.at(due), chapter(due)[0], json, labels);
    // The last chapter ends with a rule and the notes on how the numbers are made.
    const changes = words.changes(previousMonthEnd(json.asOf));
    const last = chapter(notes.length > 0 ? words.dataNotes : changes)[0];
    const rule = last?.blocks.findIndex((block) => block.kind === "rule") ?? -1;
    if (last === undefined || rule < 0) findings.add("no rule before the notes");
    else {
      const lastBlocks = { ...last, blocks: last.blocks.slice(0, rule) };
      if (notes.length === 0) checkChanges(findings.at(changes), lastBlocks, inputs, labels);
      else {
        checkChanges(findings.at(changes), chapter(changes)[0], inputs, labels);
        // One item per warning, each opening with its place (file:line:column).
        const list = blocksOf(findings.at(words.dataNotes), lastBlocks, ["list"])?.[0];
        if (list?.kind === "list")
          findings
            .at(words.dataNotes)
            .equal(
              "places",
              list.items.map((item) => /^(\S+):\d+ /.exec(item)?.[1] ?? item).sort(),
              notes.map((note) => `${note.file}:${note.line}`).sort(),
            );
      }
      findings.equal(
        "notes",
        last.blocks
          .slice(rule + 1)
          .map((block) => (block.kind === "paragraph" ? block.text : block.kind)),
        [...words.legend, words.scoreNote(rank.scores)].map((note) => note.replace(/\*\*/g, "")),
      );
    }
  });
}

/**
 * The follow-up list: only red targets with report dates, the longest streaks first, each "red N
 * months/reports running" with N ≥ 2. Where the JSON of T and of the previous month-end each stand
 * for their own date (judged at it), a monthly target red at both is on the list, and one red at
 * T only is not.
 */
function checkFollowUp(
  findings: Findings,
  section: MarkdownSection | undefined,
  inputs: ReportInputs,
  labels: Labels,
) {
  const words = labels.report;
  const { json, previous } = inputs;
  const red = json.results.filter(
    (result) => result.status === "red" && result.kind !== "milestone",
  );
  const before = new Map(previous.results.map((result) => [result.id, result]));
  const monthly = red.filter(
    (result) =>
      result.frequency === "monthly" &&
      result.judgedAt === json.asOf &&
      before.get(result.id)?.judgedAt === previous.asOf,
  );
  const mustShow = monthly.filter((result) => before.get(result.id)?.status === "red");
  const mustNotShow = monthly.filter((result) => before.get(result.id)?.status !== "red");
  const kinds = section?.blocks.map((block) => block.kind);
  if (kinds?.[0] === "paragraph") {
    const blocks = blocksOf(findings, section, ["paragraph"]);
    if (blocks?.[0]?.kind === "paragraph") findings.equal("text", blocks[0].text, words.noFollowUp);
    findings.equal("red at the previous month-end too", mustShow.map(targetName), []);
    return;
  }
  const table = blocksOf(findings, section, ["table"])?.[0];
  if (table?.kind !== "table") return;
  const columns = columnsOf(findings, table.head, {
    target: words.columns.target,
    owner: labels.columns.owner,
    running: words.columns.running,
  });
  if (columns === null) return;
  const shown = table.rows.map((row) => row[columns.target] ?? "");
  for (const result of mustShow)
    if (!shown.includes(targetName(result))) findings.add(`${result.id} is not on the list`);
  for (const result of mustNotShow)
    if (shown.includes(targetName(result))) findings.add(`${result.id} is on the list`);
  let longest = Number.POSITIVE_INFINITY;
  for (const row of table.rows) {
    const name = row[columns.target] ?? "";
    const result = red.find((candidate) => targetName(candidate) === name);
    const at = findings.at(name);
    if (result === undefined) {
      at.add("is not a red target with report dates");
      continue;
    }
    at.equal("owner", row[columns.owner], result.owner.join(labels.nameSeparator));
    const counts = result.frequency === "monthly" ? "months" : "reports";
    const running = row[columns.running] ?? "";
    const length = [...Array(100).keys()].find(
      (n) => n >= 2 && running === `${STATUS_MARKS.red.emoji} ${words.redRunning(n, counts)}`,
    );
    if (length === undefined) at.add(`running ${JSON.stringify(running)}`);
    else if (length > longest) at.add("a longer streak after a shorter one");
    else longest = length;
  }
}

/** The last day a report was due, as a message says it: its month and day in the report's year. */
function dueByText(missingReport: string, dueBy: string): string {
  return dueBy.slice(0, 4) === missingReport.slice(0, 4) ? dueBy.slice(5) : dueBy;
}

/**
 * The chase list: every late result's report, under each of its owners (in the office's order,
 * then in the order the files first name them, whatever `--by`) and then under "no owner", the
 * oldest report owed first, as a line to paste.
 */
function checkChase(
  findings: Findings,
  sections: readonly MarkdownSection[],
  inputs: ReportInputs,
  labels: Labels,
) {
  const words = labels.report;
  const { json } = inputs;
  const late = json.results
    .filter((result) => result.late && result.missingReport !== null && result.dueBy !== null)
    // ISO dates as days since the epoch: the oldest report owed first, file order among equals.
    .sort((a, b) => Date.parse(a.missingReport ?? "") - Date.parse(b.missingReport ?? ""));
  const [intro, ...groups] = sections;
  if (late.length === 0) {
    const blocks = blocksOf(findings, intro, ["paragraph"]);
    if (blocks?.[0]?.kind === "paragraph") findings.equal("text", blocks[0].text, words.noChase);
    findings.equal("owners", groups.length, 0);
    return;
  }
  findings.equal("text under the heading", intro?.blocks, []);
  const listed = inputs.owners ?? [];
  const official = (owner: string) =>
    listed.includes(owner) ? listed.indexOf(owner) : listed.length;
  const owners = [...new Set(json.results.flatMap((result) => result.owner))]
    .sort((a, b) => official(a) - official(b))
    .filter((owner) => late.some((result) => result.owner.includes(owner)));
  const unowned = late.filter((result) => result.owner.length === 0);
  findings.equal(
    "owners",
    groups.map((group) => group.path[2]),
    [...owners, ...(unowned.length > 0 ? [words.noOwner] : [])],
  );
  groups.forEach((group, index) => {
    const owner = owners[index] ?? null;
    const at = findings.at(group.path[2] ?? "");
    const list = blocksOf(at, group, ["list"])?.[0];
    if (list?.kind !== "list") return;
    const results =
      owner === null ? unowned : late.filter((result) => result.owner.includes(owner));
    at.equal(
      "messages",
      list.items,
      results.map((result) =>
        words.chaseMessage(
          owner,
          result.title,
          result.missingReport ?? "",
          dueByText(result.missingReport ?? "", result.dueBy ?? ""),
          // Overdue once T is past the due day: T − dueBy days.
          daysBetween(result.dueBy ?? "", json.asOf),
        ),
      ),
    );
  });
}

/**
 * The year at a glance: every target in file order, a column per month-end of T's year up to T,
 * an emoji a cell; the column of the previous month-end says what its JSON says, and so does T's
 * when T is a month-end.
 */
function checkYear(
  findings: Findings,
  section: MarkdownSection | undefined,
  inputs: ReportInputs,
  labels: Labels,
) {
  const words = labels.report;
  const { json, previous } = inputs;
  const year = Number(json.asOf.slice(0, 4));
  const monthEnds: string[] = [];
  for (let month = 1; month <= 12; month++) {
    const end = monthEnd(`${year}-${String(month).padStart(2, "0")}-01`);
    if (end <= json.asOf) monthEnds.push(end);
  }
  if (monthEnds.length === 0) {
    const blocks = blocksOf(findings, section, ["paragraph"]);
    if (blocks?.[0]?.kind === "paragraph")
      findings.equal("text", blocks[0].text, words.noMonthEnd(year));
    return;
  }
  const blocks = blocksOf(findings, section, ["table", "paragraph"]);
  const [table, legend] = blocks ?? [];
  if (table?.kind !== "table" || legend?.kind !== "paragraph") return;
  findings.equal("head", table.head, [
    words.columns.target,
    ...monthEnds.map((end) => words.monthShort(Number(end.slice(5, 7)))),
  ]);
  findings.equal(
    "targets in order",
    table.rows.map((row) => row[0]),
    json.results.map(targetName),
  );
  const emoji = new Set(WORST_FIRST.map((status) => STATUS_MARKS[status].emoji));
  for (const row of table.rows)
    for (const cell of row.slice(1))
      if (!emoji.has(cell)) findings.at(row[0] ?? "").add(`cell ${JSON.stringify(cell)}`);
  for (const known of [previous, json]) {
    const column = monthEnds.indexOf(known.asOf);
    if (column < 0) continue;
    findings.equal(
      `column ${known.asOf}`,
      table.rows.map((row) => row[column + 1]),
      known.results.map((result) => STATUS_MARKS[result.status].emoji),
    );
  }
  const key = WORST_FIRST.map(
    (status) => `${STATUS_MARKS[status].emoji} ${labels.status[status]}`,
  ).join(" · ");
  findings.equal("legend", legend.text, words.yearLegend(key));
}

/** The last day of `date`'s month. */
function monthEnd(date: string): string {
  const [year = 0, month = 0] = date.split("-").map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * What is still to be added each month to reach the next schedule point: (its value − actual)
 * ÷ the month-ends after the as-of date up to the point (at least one), never in the wrong
 * direction; null without a next point or an actual.
 */
export function monthlyPaceNeeded(result: ResultJson, asOf: string): number | null {
  const next = result.nextMilestone;
  if (result.kind !== "progress" || next === null || typeof result.actual !== "number") return null;
  let monthEnds = 0;
  for (let end = monthEnd(asOf); end <= next.by; end = monthEnd(addDays(end, 1)))
    if (end > asOf) monthEnds++;
  const direction = Math.sign((result.target ?? 0) - (result.baseline ?? 0));
  const needed = direction * Math.max(0, direction * (next.value - result.actual));
  return needed / Math.max(1, monthEnds);
}

/** How far behind a red or yellow target is, as the JSON gives it; null: the cell is empty. */
export function behindBy(result: ResultJson): number | null {
  if (result.kind === "milestone" || typeof result.actual !== "number") return null;
  const actual = result.actual;
  if (result.kind === "level") {
    if (result.min !== null && actual < result.min) return result.min - actual;
    if (result.max !== null && actual > result.max) return actual - result.max;
    return 0;
  }
  // Expected − actual in the target's direction; after the deadline the target is what is expected.
  const direction = Math.sign((result.target ?? 0) - (result.baseline ?? 0));
  return direction * ((result.expected ?? result.target ?? 0) - actual);
}

function checkAttention(
  findings: Findings,
  sections: readonly MarkdownSection[],
  json: CheckJson,
  labels: Labels,
) {
  const words = labels.report;
  const attention = [
    ...json.results.filter((result) => result.status === "red"),
    ...json.results.filter((result) => result.status === "yellow"),
  ];
  const [main, ...charts] = sections;
  if (attention.length === 0) {
    const blocks = blocksOf(findings, main, ["paragraph"]);
    if (blocks?.[0]?.kind === "paragraph")
      findings.equal("text", blocks[0].text, words.noAttention);
    findings.equal("charts", charts.length, 0);
    return;
  }
  const blocks = blocksOf(findings, main, ["table"]);
  const table = blocks?.[0];
  if (table?.kind !== "table") return;
  const columns = columnsOf(findings, table.head, {
    status: labels.columns.status,
    target: words.columns.target,
    owner: labels.columns.owner,
    actual: labels.columns.actual,
    expected: labels.columns.expected,
    behindBy: words.columns.behindBy,
    next: words.columns.nextMilestone,
    daysLeft: words.columns.daysLeft,
    pace: words.columns.pace,
    note: labels.columns.note,
  });
  if (columns === null) return;
  findings.equal(
    "targets in order",
    table.rows.map((row) => row[columns.target]),
    // The department's note on a line of its own beside the target.
    attention.map((result) =>
      result.note === null
        ? targetName(result)
        : `${targetName(result)}\n${asMarkdownText(labels.departmentNote(result.note))}`,
    ),
  );
  const [paceBefore = "", paceAfter = ""] = words.perMonth("\u0000").split("\u0000");
  table.rows.forEach((row, index) => {
    const result = attention[index];
    if (result === undefined) return;
    const at = findings.at(result.id);
    const cell = (key: keyof typeof columns) => row[columns[key]] ?? "";
    checkStatus(at, "status", cell("status"), result.status, labels);
    at.equal("owner", cell("owner"), result.owner.join(labels.nameSeparator));
    checkActual(at, cell("actual"), result, labels);
    checkExpected(at, cell("expected"), result);
    at.value("behind by", cell("behindBy"), behindBy(result), result.unit, { empty: "" });
    let daysLeft: number | null = null;
    if (result.kind === "milestone") {
      at.equal("next milestone", cell("next"), `${labels.dueBy} ${result.deadline}`);
      daysLeft = daysBetween(json.asOf, result.deadline ?? "");
    } else if (result.kind === "progress" && result.nextMilestone !== null) {
      const [value = "", by] = cell("next").split(" @ ");
      at.value("next milestone", value, result.nextMilestone.value, result.unit);
      at.equal("next milestone date", by, result.nextMilestone.by);
      if (typeof result.actual === "number")
        daysLeft = daysBetween(json.asOf, result.nextMilestone.by);
      const pace = monthlyPaceNeeded(result, json.asOf);
      const shown = cell("pace");
      if (pace === null) at.equal("pace", shown, "");
      else if (!shown.startsWith(paceBefore) || !shown.endsWith(paceAfter))
        at.add(`pace shows ${JSON.stringify(shown)}, not ${JSON.stringify(words.perMonth("…"))}`);
      else {
        // A sign in front of an amount to add; a negative amount has its own.
        const amount = shown.slice(paceBefore.length, shown.length - paceAfter.length);
        const plus = Math.round(pace * 100) > 0;
        if (amount.startsWith("+") !== plus)
          at.add(`pace shows ${JSON.stringify(shown)}: the sign`);
        at.value("pace", amount.replace(/^\+/, ""), pace, result.unit);
      }
    } else {
      at.equal("next milestone", cell("next"), "");
    }
    at.equal(
      "days left",
      cell("daysLeft"),
      daysLeft === null ? "" : daysLeft < 0 ? words.overdueDays(-daysLeft) : String(daysLeft),
    );
    checkNote(at, cell("note"), result, labels);
  });
  // With --charts: a chart under its own heading for each red or yellow target with data.
  for (const chart of charts) findings.equal("chart heading", chart.path[2], words.charts);
}

function checkBySection(
  findings: Findings,
  sections: readonly MarkdownSection[],
  json: CheckJson,
  labels: Labels,
) {
  const names = [...new Set(json.results.map((result) => result.section))];
  const [intro, ...groups] = sections;
  findings.equal("text under the heading", intro?.blocks, []);
  findings.equal(
    "sections",
    groups.map((group) => group.path[2]),
    names.map((name) => name ?? labels.report.noSection),
  );
  groups.forEach((group, index) => {
    const name = names[index];
    if (name === undefined) return;
    const at = findings.at(group.path[2] ?? "");
    const results = json.results.filter((result) => result.section === name);
    const blocks = blocksOf(at, group, ["paragraph", "table"]);
    if (blocks === null) return;
    const [counts, table] = blocks;
    if (counts?.kind === "paragraph") checkCounts(at, counts.text, countStatuses(results), labels);
    if (table?.kind === "table")
      checkResultRows(at, table.head, table.rows, results, labels, "report");
  });
}

function checkByOwner(
  findings: Findings,
  sections: readonly MarkdownSection[],
  inputs: ReportInputs,
  labels: Labels,
) {
  const { json, rank } = inputs;
  const words = labels.report;
  const firstSeen = [...new Set(json.results.flatMap((result) => result.owner))];
  // The office's order first (SPEC 7), then the order the files first name the owners.
  const listed = inputs.owners ?? [];
  const official = (owner: string) =>
    listed.includes(owner) ? listed.indexOf(owner) : listed.length;
  const inOrder = [...firstSeen].sort((a, b) => official(a) - official(b));
  const owners = inputs.byOwner ? rank.owners.map((standing) => standing.owner) : inOrder;
  const unowned = json.results.filter((result) => result.owner.length === 0);
  const [intro, ...groups] = sections;
  findings.equal("text under the heading", intro?.blocks, []);
  findings.equal(
    "owners",
    groups.map((group) => group.path[2]),
    [...owners, ...(unowned.length > 0 ? [words.noOwner] : [])],
  );
  groups.forEach((group, index) => {
    const owner = owners[index];
    const at = findings.at(group.path[2] ?? "");
    const results =
      owner === undefined ? unowned : json.results.filter((result) => result.owner.includes(owner));
    const blocks = blocksOf(at, group, owner === undefined ? ["table"] : ["paragraph", "table"]);
    if (blocks === null) return;
    const table = blocks.at(-1);
    if (owner !== undefined && blocks[0]?.kind === "paragraph") {
      const standing = rank.owners.find((entry) => entry.owner === owner);
      const line = blocks[0].text;
      checkCounts(at, line, countStatuses(results), labels);
      if (standing === undefined) at.add("not in the ranking");
      else {
        const { score, place, movement } = labels.rank.columns;
        const shown = new RegExp(
          `${score} (\\S+) · ${place} (\\d+) · ${movement} (\\S+)$`,
          "u",
        ).exec(line);
        at.value("score", shown?.[1] ?? line, standing.score, null, {
          empty: labels.rank.noScore,
        });
        at.equal("place", shown?.[2], String(standing.place));
        const by = standing.movementBy ?? 0;
        const moved = { up: `↑${by}`, down: `↓${by}`, same: "=", new: null }[standing.movement];
        at.equal("movement", shown?.[3], moved ?? labels.rank.movement({ kind: "new" }));
      }
    }
    if (table?.kind !== "table") return;
    const columns = columnsOf(at, table.head, {
      status: labels.columns.status,
      target: words.columns.target,
      actual: labels.columns.actual,
      expected: labels.columns.expected,
      note: labels.columns.note,
    });
    if (columns === null) return;
    at.equal(
      "targets in order",
      table.rows.map((row) => row[columns.target]),
      results.map(targetName),
    );
    table.rows.forEach((row, rowIndex) => {
      const result = results[rowIndex];
      if (result === undefined) return;
      const here = at.at(result.id);
      checkStatus(here, "status", row[columns.status] ?? "", result.status, labels);
      checkActual(here, row[columns.actual] ?? "", result, labels);
      checkExpected(here, row[columns.expected] ?? "", result);
      checkNote(
        here,
        row[columns.note] ?? "",
        result,
        labels,
        owner === undefined ? undefined : rank.scores,
      );
    });
  });
}

/**
 * Milestones due within 30 days after the as-of date and not yet reached: a progress target's next
 * schedule point (unless the actual is at or past its value), a milestone's deadline (unless done).
 */
interface DueItem {
  result: ResultJson;
  by: string;
  /** The value a progress target must reach by then; null for a milestone (it must be done). */
  value: number | null;
}

function dueSoonItems(json: CheckJson): DueItem[] {
  const soon = (by: string) => daysBetween(json.asOf, by) > 0 && daysBetween(json.asOf, by) <= 30;
  const items = json.results.flatMap((result): DueItem[] => {
    if (result.kind === "milestone")
      return result.actual !== true && soon(result.deadline ?? "")
        ? [{ result, by: result.deadline ?? "", value: null }]
        : [];
    const next = result.nextMilestone;
    if (result.kind !== "progress" || next === null || !soon(next.by)) return [];
    const direction = Math.sign((result.target ?? 0) - (result.baseline ?? 0));
    if (typeof result.actual === "number" && direction * (result.actual - next.value) >= 0)
      return [];
    return [{ result, by: next.by, value: next.value }];
  });
  return items.sort((a, b) => a.by.localeCompare(b.by));
}

function checkDueSoon(
  findings: Findings,
  section: MarkdownSection | undefined,
  json: CheckJson,
  labels: Labels,
) {
  const words = labels.report;
  const items = dueSoonItems(json);
  if (items.length === 0) {
    const blocks = blocksOf(findings, section, ["paragraph"]);
    if (blocks?.[0]?.kind === "paragraph") findings.equal("text", blocks[0].text, words.noneDue);
    return;
  }
  const table = blocksOf(findings, section, ["table"])?.[0];
  if (table?.kind !== "table") return;
  const columns = columnsOf(findings, table.head, {
    due: words.columns.due,
    daysLeft: words.columns.daysLeft,
    target: words.columns.target,
    owner: labels.columns.owner,
    status: labels.columns.status,
    actual: labels.columns.actual,
    needed: words.columns.needed,
  });
  if (columns === null) return;
  findings.equal(
    "targets in order",
    table.rows.map((row) => row[columns.target]),
    items.map((item) => targetName(item.result)),
  );
  table.rows.forEach((row, index) => {
    const item = items[index];
    if (item === undefined) return;
    const at = findings.at(item.result.id);
    at.equal("due", row[columns.due], item.by);
    at.equal("days left", row[columns.daysLeft], String(daysBetween(json.asOf, item.by)));
    at.equal("owner", row[columns.owner], item.result.owner.join(labels.nameSeparator));
    checkStatus(at, "status", row[columns.status] ?? "", item.result.status, labels);
    checkActual(at, row[columns.actual] ?? "", item.result, labels);
    if (item.value === null) at.equal("needed", row[columns.needed], labels.yes);
    else at.value("needed", row[columns.needed] ?? "", item.value, item.result.unit);
  });
}

/** How a status moved (as the README's report section names the kinds). */
function changeOf(was: Status, now: Status): keyof Labels["report"]["change"] | null {
  if (was === now) return null;
  if (now === "red") return "newly-red";
  if (now === "yellow") return was === "red" ? "improved" : "newly-yellow";
  if (now === "green") return was === "grey" ? "reported" : "recovered";
  return null;
}

function checkChanges(
  findings: Findings,
  section: MarkdownSection | undefined,
  inputs: ReportInputs,
  labels: Labels,
) {
  const words = labels.report;
  const before = new Map(inputs.previous.results.map((result) => [result.id, result]));
  const kinds = Object.keys(words.change) as (keyof Labels["report"]["change"])[];
  const changes = inputs.json.results
    .flatMap((result) => {
      const previous = before.get(result.id);
      const change = previous === undefined ? null : changeOf(previous.status, result.status);
      return previous === undefined || change === null ? [] : [{ result, previous, change }];
    })
    .sort((a, b) => kinds.indexOf(a.change) - kinds.indexOf(b.change));
  if (changes.length === 0) {
    const blocks = blocksOf(findings, section, ["paragraph"]);
    if (blocks?.[0]?.kind === "paragraph") findings.equal("text", blocks[0].text, words.noChanges);
    return;
  }
  const table = blocksOf(findings, section, ["table"])?.[0];
  if (table?.kind !== "table") return;
  const columns = columnsOf(findings, table.head, {
    change: words.columns.change,
    target: words.columns.target,
    owner: labels.columns.owner,
    was: words.columns.was,
    now: words.columns.now,
    note: labels.columns.note,
  });
  if (columns === null) return;
  findings.equal(
    "targets in order",
    table.rows.map((row) => row[columns.target]),
    changes.map((change) => targetName(change.result)),
  );
  table.rows.forEach((row, index) => {
    const change = changes[index];
    if (change === undefined) return;
    const at = findings.at(change.result.id);
    at.equal("change", row[columns.change], words.change[change.change]);
    at.equal("owner", row[columns.owner], change.result.owner.join(labels.nameSeparator));
    checkStatus(at, "was", row[columns.was] ?? "", change.previous.status, labels);
    checkStatus(at, "now", row[columns.now] ?? "", change.result.status, labels);
    checkNote(at, row[columns.note] ?? "", change.result, labels);
  });
}
