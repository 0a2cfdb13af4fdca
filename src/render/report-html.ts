/**
 * `kpi report --format html`: the status report as one self-contained page, built from the same
 * report model as the markdown report. Inline CSS and SVG, a small inline script for filtering and
 * sorting that the page does not need (without it, everything is shown), and a strict
 * Content-Security-Policy that allows only that style and that script, by their SHA-256 hashes.
 * Every text from the input files goes through escapeHtml; no URL, attribute name, class or script
 * is ever made from input (links point at ids made from positions, filters at owner numbers).
 */
import { createHash } from "node:crypto";
import { civilFromDay, dayFromCivil, formatDay } from "../core/dates.js";
import { type Result, STATUSES, type Status, type Summary } from "../core/model.js";
import { formatPlace, type Problem } from "../core/problems.js";
import type { ChaseGroup, RedStreak, YearAtAGlance } from "../core/report-follow-up.js";
import { type AttentionItem, DUE_SOON_DAYS, type ReportModel } from "../core/report-model.js";
import { schedulePoints } from "../core/schedule.js";
import type { OwnerStanding } from "../core/scoring.js";
import type { Labels } from "../i18n/labels.js";
import { problemWords } from "../i18n/problem-text.js";
import {
  attentionCells,
  attentionHeads,
  chaseMessage,
  formatActual,
  formatExpected,
  formatGrowth,
  formatGrowthAfterSlack,
  formatLevelBounds,
  formatNote,
  formatNumber,
  formatPercent,
  formatRate,
  formatTarget,
  formatValue,
  rankingNotes,
  rankingRows,
  rankingTitle,
  STATUS_SYMBOL,
  standingLine,
} from "./format.js";
import { escapeHtml } from "./html-escape.js";
import { issueLine } from "./notice-model.js";
import { type ChartMarkKind, renderLegendKey, renderProgressChart } from "./svg-chart.js";

export interface ReportHtmlOptions {
  labels: Labels;
  /** Owner sections in ranking order rather than in the order owners first appear. @default false */
  byOwner?: boolean;
  /** The issue (第 7 期): a number or its line as printed; null for none. @default null */
  issue?: number | string | null;
}

/** Worst first: the order of the summary, the status filter and the "worst first" sort. */

/** What a page needs to refer to targets and owners without using their text. */
interface PageContext {
  labels: Labels;
  /** A target's card id (`t3`) by target id: the position of the result in the report. */
  anchors: ReadonlyMap<string, string>;
  /** An owner's filter key (`o2`) by name: the position of the owner in the report. */
  ownerKeys: ReadonlyMap<string, string>;
}

/** The filter key of targets without an owner. */
const NO_OWNER_KEY = "none";

/**
 * The report as one HTML page, in the order of the markdown report: title and summary, red and
 * yellow targets, every target by section (each progress target with its chart), the owners'
 * ranking and each owner's targets, milestones due soon, changes since the previous month-end, and
 * notes. The same model and options always give the same bytes.
 */
export function renderReportHtml(model: ReportModel, options: ReportHtmlOptions): string {
  const { labels } = options;
  const words = labels.report;
  const page: PageContext = {
    labels,
    anchors: new Map(model.results.map((result, index) => [result.target.id, `t${index}`])),
    ownerKeys: new Map(model.owners.map((standing, index) => [standing.owner, `o${index}`])),
  };
  const asOf = formatDay(model.asOf);
  const title = model.title === null ? words.title(asOf) : words.namedTitle(model.title, asOf);
  const until = formatDay(model.asOf + DUE_SOON_DAYS);
  const issueText = issueLine(options.issue ?? null, labels);
  const body = [
    "<header>",
    // The office's own head, as on its notices: the office and the issue line over the title.
    ...(model.office === null && issueText === null
      ? []
      : [
          `<p class="masthead">${[
            ...(model.office === null
              ? []
              : [`<span class="office">${escapeHtml(model.office)}</span>`]),
            ...(issueText === null ? [] : [`<span class="issue">${escapeHtml(issueText)}</span>`]),
          ].join(" ")}</p>`,
        ]),
    `<h1>${escapeHtml(title)}</h1>`,
    ...(model.notice === null ? [] : [`<p class="notice">${escapeHtml(model.notice)}</p>`]),
    summaryLine(model.summary, labels),
    navigation(labels),
    "</header>",
    controls(model, labels),
    "<main>",
    section("followup", words.followUp, followUpBlock(model.followUp, page)),
    section("chase", words.chase, chaseBlock(model.chase, page)),
    section("attention", words.attention, attentionBlock(model.attention, page)),
    section("year", words.year(model.year.year), yearBlock(model.year, page)),
    section("targets", words.bySection, targetsBlock(model, page)),
    section(
      "owners",
      rankingTitle(model.ranking, labels),
      ownersBlock(model, page, options.byOwner ?? false),
    ),
    section("due", words.dueSoon(DUE_SOON_DAYS, until), dueSoonBlock(model, page)),
    section("changes", words.changes(formatDay(model.previousAsOf)), changesBlock(model, page)),
    ...(model.dataNotes.length === 0
      ? []
      : [section("data-notes", words.dataNotes, dataNotesBlock(model.dataNotes, labels))]),
    section(
      "notes",
      labels.html.notes,
      `<ul class="notes">${[...words.legend, words.scoreNote(model.ranking.scores)].map((note) => `<li>${strongMarkup(note)}</li>`).join("")}</ul>`,
    ),
    "</main>",
    `<footer><p>${escapeHtml(labels.html.footer)}</p></footer>`,
  ].join("\n");
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(labels.html.lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    // First in the head, before the style and script it governs. No source at all but these two
    // exact texts: nothing can be fetched, and injected markup could not run or restyle the page.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '${sha256(STYLE)}'; script-src '${sha256(SCRIPT)}'; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="kpi">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    body,
    `<script>${SCRIPT}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** The warnings of the rows, each at its place: corrections and values to check. */
function dataNotesBlock(notes: readonly Problem[], labels: Labels): string {
  const items = notes.map((note) => {
    const place = note.place === null ? "" : `<code>${escapeHtml(formatPlace(note.place))}</code> `;
    return `<li>${place}${escapeHtml(problemWords(note, labels))}</li>`;
  });
  return `<ul class="data-notes">${items.join("")}</ul>`;
}

/** A CSP hash source: `sha256-` and the base64 SHA-256 of the exact UTF-8 text of the element. */
export function sha256(text: string): string {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

function section(id: string, heading: string, content: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${escapeHtml(heading)}</h2>\n${content}\n</section>`;
}

/** Our own labels' `**bold**` as <strong>, after escaping. */
function strongMarkup(text: string): string {
  return escapeHtml(text).replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>");
}

/** A traffic light that carries its symbol and word as well as its colour. */
function badge(status: Status, labels: Labels, count?: number): string {
  const text = `${STATUS_SYMBOL[status]} ${count === undefined ? "" : `${count} `}${labels.status[status]}`;
  return `<span class="badge b-${status}">${escapeHtml(text)}</span>`;
}

function summaryLine(summary: Summary, labels: Labels): string {
  return `<p class="summary"><strong>${summary.total} ${escapeHtml(labels.targets)}</strong> ${STATUSES.map((status) => badge(status, labels, summary[status])).join(" ")}</p>`;
}

/** The counts of a section or an owner: only the statuses it has, so that the few that matter stand out. */
function counts(summary: Summary, labels: Labels): string {
  const present = STATUSES.filter((status) => summary[status] > 0);
  return `<p class="counts">${present.map((status) => badge(status, labels, summary[status])).join(" ")}</p>`;
}

function navigation(labels: Labels): string {
  const { nav } = labels.html;
  const parts = [
    ["followup", nav.followUp],
    ["chase", nav.chase],
    ["attention", nav.attention],
    ["year", nav.year],
    ["targets", nav.targets],
    ["owners", nav.owners],
    ["due", nav.due],
    ["changes", nav.changes],
    ["notes", nav.notes],
  ] as const;
  const links = parts.map(([id, name]) => `<li><a href="#${id}">${escapeHtml(name)}</a></li>`);
  return `<nav><ul>${links.join("")}</ul></nav>`;
}

/** Filter and sort controls: hidden until the script shows them, so that without it none is dead. */
function controls(model: ReportModel, labels: Labels): string {
  const words = labels.html;
  const statuses = STATUSES.map(
    (status) =>
      `<label class="check"><input type="checkbox" id="f-${status}" value="${status}" checked> ${badge(status, labels)}</label>`,
  ).join(" ");
  const owners = model.owners.map(
    (standing, index) => `<option value="o${index}">${escapeHtml(standing.owner)}</option>`,
  );
  if (model.unowned.length > 0)
    owners.push(`<option value="${NO_OWNER_KEY}">${escapeHtml(labels.report.noOwner)}</option>`);
  const sorts = (["order", "status", "progress"] as const).map(
    (key) => `<option value="${key}">${escapeHtml(words.sortBy[key])}</option>`,
  );
  return [
    `<div class="controls" id="controls" role="search" aria-label="${escapeHtml(words.controls)}" hidden>`,
    `<fieldset><legend>${escapeHtml(words.status)}</legend>${statuses}</fieldset>`,
    `<label>${escapeHtml(words.owner)} <select id="f-owner"><option value="">${escapeHtml(words.allOwners)}</option>${owners.join("")}</select></label>`,
    `<label>${escapeHtml(words.sort)} <select id="f-sort">${sorts.join("")}</select></label>`,
    `<output id="f-shown" aria-live="polite" data-template="${escapeHtml(words.shown)}"></output>`,
    "</div>",
  ].join("\n");
}

/** The filter attributes of an element about one target: its status and its owners' keys. */
function filterAttributes(result: Result, page: PageContext): string {
  return ` data-status="${result.status}" data-owners="${ownerKeysOf(result, page)}"`;
}

function ownerKeysOf(result: Result, page: PageContext): string {
  if (result.target.owner.length === 0) return NO_OWNER_KEY;
  return [...new Set(result.target.owner.map((owner) => page.ownerKeys.get(owner) ?? ""))].join(
    " ",
  );
}

/** The target's title as a link to its card, and its id. */
function targetCell(result: Result, page: PageContext): string {
  const anchor = page.anchors.get(result.target.id) ?? "";
  return `<a href="#${anchor}">${escapeHtml(result.target.title)}</a> <span class="id">${idMarkup(result.target.id)}</span>`;
}

/**
 * An id that breaks only after a dot, a hyphen or an underscore (`land.` / `old-` / `parks`),
 * never inside a word: each part is kept whole, and the text copied is the id as it is.
 */
export function idMarkup(id: string): string {
  return id
    .split(/(?<=[._-])/)
    .map((part) => `<span class="w">${escapeHtml(part)}</span>`)
    .join("<wbr>");
}

/**
 * A cell's text escaped, each number kept on one line with the unit after it (`5120 亩`, never
 * `5120` / `亩`: the space between them is a no-break space), and each date whole.
 */
export function valueMarkup(text: string): string {
  return escapeHtml(text)
    .replace(/(\d%?) (?=[^\s@])/g, "$1\u00a0")
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => `<span class="w">${date}</span>`);
}

function ownersText(result: Result, labels: Labels): string {
  return escapeHtml(result.target.owner.join(labels.nameSeparator));
}

/** A table whose cells are HTML already; each cell names its column for the phone layout. */
function table(
  className: string,
  head: readonly string[],
  rows: readonly { cells: readonly string[]; attributes?: string }[],
): string {
  const headRow = head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join("");
  const bodyRows = rows.map(
    (row) =>
      `<tr${row.attributes ?? ""}>${row.cells
        .map((cell, index) => `<td data-label="${escapeHtml(head[index] ?? "")}">${cell}</td>`)
        .join("")}</tr>`,
  );
  return `<table class="${className}"><thead><tr>${headRow}</tr></thead><tbody>\n${bodyRows.join("\n")}\n</tbody></table>`;
}

/** The targets red report after report, each with how long and where it stands. */
function followUpBlock(streaks: readonly RedStreak[], page: PageContext): string {
  const { labels } = page;
  const words = labels.report;
  if (streaks.length === 0) return `<p>${escapeHtml(words.noFollowUp)}</p>`;
  return table(
    "followup",
    [
      words.columns.target,
      labels.columns.owner,
      words.columns.running,
      labels.columns.actual,
      labels.columns.expected,
      labels.columns.note,
    ],
    streaks.map((streak) => ({
      attributes: filterAttributes(streak.result, page),
      cells: [
        targetCell(streak.result, page),
        ownersText(streak.result, labels),
        `<span class="badge b-red">${escapeHtml(`${STATUS_SYMBOL.red} ${words.redRunning(streak.length, streak.counts)}`)}</span>`,
        escapeHtml(formatActual(streak.result, labels)),
        escapeHtml(formatExpected(streak.result, labels)),
        escapeHtml(formatNote(streak.result, labels)),
      ],
    })),
  );
}

/**
 * Each owner's missing reports, one plain line each, to copy into a message; the owner filter
 * applies (a report is chased whatever its status, so the status filter does not).
 */
function chaseBlock(groups: readonly ChaseGroup[], page: PageContext): string {
  const { labels } = page;
  if (groups.length === 0) return `<p>${escapeHtml(labels.report.noChase)}</p>`;
  const blocks = groups.map((group) => {
    const key =
      group.owner === null ? NO_OWNER_KEY : (page.ownerKeys.get(group.owner) ?? NO_OWNER_KEY);
    const lines = group.items.map(
      (item) => `<li>${escapeHtml(chaseMessage(item, group.owner, labels))}</li>`,
    );
    return `<section class="chase-owner" data-owners="${key}"><h3>${escapeHtml(group.owner ?? labels.report.noOwner)}</h3><ul>${lines.join("")}</ul></section>`;
  });
  return `<div class="chase">\n${blocks.join("\n")}\n</div>`;
}

/**
 * Every target's status at each month-end of the year: a coloured cell with the status's symbol
 * (it prints in black and white), its word for screen readers, and the reason as a tooltip.
 */
function yearBlock(year: YearAtAGlance, page: PageContext): string {
  const { labels } = page;
  const words = labels.report;
  if (year.monthEnds.length === 0) return `<p>${escapeHtml(words.noMonthEnd(year.year))}</p>`;
  const head = [
    `<th scope="col">${escapeHtml(words.columns.target)}</th>`,
    ...year.monthEnds.map(
      (day) => `<th scope="col">${escapeHtml(words.monthShort(civilFromDay(day).month))}</th>`,
    ),
  ].join("");
  const rows = year.rows.map((row) => {
    const anchor = page.anchors.get(row.result.target.id) ?? "";
    const cells = row.months.map(({ monthEnd, result }) => {
      const tip = `${formatDay(monthEnd)}: ${labels.statusReason(labels.status[result.status], formatNote(result, labels))}`;
      return `<td class="y-${result.status}" title="${escapeHtml(tip)}"><span aria-hidden="true">${STATUS_SYMBOL[result.status]}</span><span class="sr">${escapeHtml(labels.status[result.status])}</span></td>`;
    });
    return `<tr${filterAttributes(row.result, page)}><th scope="row"><a href="#${anchor}">${escapeHtml(row.result.target.title)}</a></th>${cells.join("")}</tr>`;
  });
  // The key is markup: the sentence is escaped around a character no label holds, then it goes in.
  const keyMark = "\uE000";
  const key = STATUSES.map((status) => badge(status, labels)).join(" ");
  return [
    `<table class="year"><thead><tr>${head}</tr></thead><tbody>`,
    ...rows,
    "</tbody></table>",
    `<p class="legend">${escapeHtml(words.yearLegend(keyMark)).replace(keyMark, key)}</p>`,
  ].join("\n");
}

function attentionBlock(items: readonly AttentionItem[], page: PageContext): string {
  const { labels } = page;
  const words = labels.report;
  if (items.length === 0) return `<p>${escapeHtml(words.noAttention)}</p>`;
  return table(
    "attention",
    attentionHeads(labels),
    items.map((item) => ({
      attributes: filterAttributes(item.result, page),
      cells: [
        badge(item.result.status, labels),
        targetCell(item.result, page) + remark(item.result, labels),
        ownersText(item.result, labels),
        ...attentionCells(item, labels).map(valueMarkup),
      ],
    })),
  );
}

/** The department's note on the row of the actual, on a line of its own; "" for none. */
function remark(result: Result, labels: Labels): string {
  return result.note === null
    ? ""
    : `<span class="remark">${escapeHtml(labels.departmentNote(result.note))}</span>`;
}

/** Every target as a card, by section; a legend of the charts first. */
function targetsBlock(model: ReportModel, page: PageContext): string {
  const { labels } = page;
  const legend = labels.html.chart.legend;
  const hasGrowthChart = model.sections.some((group) =>
    group.results.some(
      (result) => result.target.kind === "growth" && result.growth?.boundAfterSlack != null,
    ),
  );
  const kinds: ChartMarkKind[] = ["expected", "milestone", "actual", "asOf", "target"];
  if (hasGrowthChart) kinds.push("bound");
  const keys = kinds
    .map((kind) => `<span>${renderLegendKey(kind)} ${escapeHtml(legend[kind])}</span>`)
    .join(" ");
  const groups = model.sections.map((group, index) =>
    [
      `<section class="group" aria-labelledby="g${index}">`,
      `<h3 id="g${index}">${escapeHtml(group.name ?? labels.report.noSection)}</h3>`,
      counts(group.summary, labels),
      `<div class="cards">`,
      ...group.results.map((result) => card(result, model, page)),
      "</div>",
      "</section>",
    ].join("\n"),
  );
  return [`<p class="legend">${keys}</p>`, ...groups].join("\n");
}

function card(result: Result, model: ReportModel, page: PageContext): string {
  const { labels } = page;
  const { target } = result;
  const { columns } = labels;
  const anchor = page.anchors.get(target.id) ?? "";
  // Sort keys as plain numbers, so that the script never compares text (no locale).
  const order = anchor.slice(1);
  const progressKey = result.progress === null ? 1e9 : Math.round(result.progress * 1e4);
  const facts: [string, string][] = [
    [columns.owner, target.owner.join(labels.nameSeparator)],
    [columns.actual, formatActual(result, labels)],
  ];
  if (target.kind === "growth") {
    // G against the bound after slack b (SPEC 2.4): no schedule, so no 序时进度.
    facts.push([labels.growthBoundTerm, formatGrowthAfterSlack(result, labels)]);
  } else {
    const expected = formatExpected(result, labels);
    if (expected !== "")
      facts.push([target.kind === "level" ? labels.bounds : columns.expected, expected]);
  }
  const targetText = formatTarget(result, labels);
  if (targetText !== "") facts.push([columns.target, targetText]);
  facts.push([columns.note, formatNote(result, labels)]);
  const parts = [
    `<article class="card s-${result.status}" id="${anchor}" data-target="${escapeHtml(target.id)}"${filterAttributes(result, page)} data-sort-order="${order}" data-sort-status="${STATUSES.indexOf(result.status)}" data-sort-progress="${progressKey}">`,
    `<div class="card-head">${badge(result.status, labels)} <h4>${escapeHtml(target.title)}</h4></div>`,
    `<p class="id">${idMarkup(target.id)}</p>`,
    `<dl class="facts">${facts
      .filter(([, value]) => value !== "")
      .map(
        ([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${valueMarkup(value)}</dd></div>`,
      )
      .join("")}</dl>`,
  ];
  if (result.note !== null)
    parts.push(`<p class="remark">${escapeHtml(labels.departmentNote(result.note))}</p>`);
  if (result.progress !== null)
    parts.push(progressBar(result.progress, result.expectedProgress, result.status, labels));
  if (target.kind === "progress") {
    const history = model.histories.get(target.id) ?? [];
    parts.push(
      renderProgressChart({
        schedule: schedulePoints(target),
        interpolation: target.interpolation,
        actuals: history.flatMap((point) =>
          point.actual === null ? [] : [{ day: point.day, value: point.actual }],
        ),
        asOf: model.asOf,
        formatValue: (value) => formatValue(value, target.unit),
        words: { ...labels.html.chart, title: labels.html.chart.title(target.title) },
      }),
    );
  }
  const bound = target.kind === "growth" ? (result.growth?.boundAfterSlack ?? null) : null;
  if (target.kind === "growth" && bound !== null) {
    // G at each month-end against the bound after slack b, a level line (SPEC 2.4).
    const history = model.histories.get(target.id) ?? [];
    parts.push(
      renderProgressChart({
        schedule: [
          { by: target.start - 1, value: bound },
          { by: target.deadline, value: bound },
        ],
        interpolation: "linear",
        actuals: history.flatMap((point) =>
          point.actual === null ? [] : [{ day: point.day, value: point.actual }],
        ),
        asOf: model.asOf,
        formatValue: formatRate,
        bound: labels.html.chart.bound(formatGrowthAfterSlack(result, labels)),
        formatPoint: (day, value) =>
          labels.html.chart.growthPoint(formatDay(day), labels.growth(formatGrowth(value))),
        words: { ...labels.html.chart, title: labels.html.chart.growthTitle(target.title) },
      }),
    );
  }
  if (target.kind === "level" && target.year !== null && result.bounds !== null) {
    // The value at each month-end against the band of its bounds (SPEC 2.2), over the year.
    const { min, max } = result.bounds;
    const history = model.histories.get(target.id) ?? [];
    const actuals = history.flatMap((point) =>
      point.actual === null ? [] : [{ day: point.day, value: point.actual }],
    );
    const scale = bandScale(
      min,
      max,
      actuals.map((point) => point.value),
    );
    if (scale !== null)
      parts.push(
        renderProgressChart({
          schedule: [
            { by: dayFromCivil(target.year, 1, 1) - 1, value: scale.low },
            { by: dayFromCivil(target.year, 12, 31), value: scale.high },
          ],
          interpolation: "linear",
          actuals,
          asOf: model.asOf,
          formatValue: (value) => formatValue(value, target.unit),
          band: {
            low: min,
            high: max,
            title: `${labels.bounds} ${formatLevelBounds(target, labels, result.bounds)}`,
          },
          words: { ...labels.html.chart, title: labels.html.chart.title(target.title) },
        }),
      );
  }
  if (target.source !== null)
    parts.push(
      `<p class="source"><span>${escapeHtml(labels.html.source)}</span> ${escapeHtml(target.source)}</p>`,
    );
  parts.push("</article>");
  return parts.join("\n");
}

/**
 * The values a level target's chart spans: its bounds and its values, and room on an open side of
 * its band (a fifth of the bound, at least 1; not below 0 when no value is), so that the band
 * shows. Null without a bound.
 */
function bandScale(
  min: number | null,
  max: number | null,
  values: readonly number[],
): { low: number; high: number } | null {
  const edges = [min, max].filter((value): value is number => value !== null);
  if (edges.length === 0) return null;
  let low = Math.min(...edges, ...values);
  let high = Math.max(...edges, ...values);
  const room = Math.max(high - low, Math.abs(edges[0] as number) / 5, 1);
  if (min === null) low = low >= 0 ? Math.max(0, low - room) : low - room;
  if (max === null) high += room;
  if (high - low < 1e-9) high = low + room;
  return { low, high };
}

/**
 * The share of the way from baseline to target as a bar, with a tick at the share expected by now
 * (序时进度). An SVG, because a bar's width in CSS would need a style attribute the CSP forbids.
 */
function progressBar(
  share: number,
  expectedShare: number | null,
  status: Status,
  labels: Labels,
): string {
  const width = formatNumber(Math.min(1, Math.max(0, share)) * 100);
  const tick =
    expectedShare === null
      ? ""
      : `<line x1="${formatNumber(Math.min(1, Math.max(0, expectedShare)) * 100)}" y1="0" x2="${formatNumber(Math.min(1, Math.max(0, expectedShare)) * 100)}" y2="8" stroke="#111827" stroke-width="1.2"/>`;
  const expected =
    expectedShare === null ? "" : ` · ${labels.html.expectedShare} ${formatPercent(expectedShare)}`;
  return `<p class="progress"><svg class="bar" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect width="100" height="8" fill="#e5e7eb"/><rect width="${width}" height="8" fill="${BAR_COLORS[status]}"/>${tick}</svg> <span>${escapeHtml(`${labels.columns.progress} ${formatPercent(share)}${expected}`)}</span></p>`;
}

/** The bar's fill: the status's colour, as its badge (the tick and the words say the rest). */
const BAR_COLORS: Readonly<Record<Status, string>> = {
  red: "#b91c1c",
  yellow: "#eab308",
  green: "#15803d",
  grey: "#9ca3af",
};

function ownersBlock(model: ReportModel, page: PageContext, byOwner: boolean): string {
  const { labels } = page;
  const { head, rows } = rankingRows(model.ranking.standings, labels, STATUS_SYMBOL);
  const ranking = table(
    "ranking",
    head,
    rows.map((row) => ({ cells: row.map(escapeHtml) })),
  );
  // The score's rule is among the notes at the end.
  const periodNote = rankingNotes(model.ranking, labels)
    .slice(1)
    .map((note) => `<p class="score">${escapeHtml(note)}</p>`);
  const blocks = (byOwner ? model.ranking.standings : model.owners).map((standing) =>
    ownerBlock(
      standing.owner,
      page.ownerKeys.get(standing.owner) ?? "",
      `${counts(standing.summary, labels)}<p class="score">${escapeHtml(standingLine(standing, labels))}</p>`,
      standing.results,
      page,
      standing,
    ),
  );
  if (model.unowned.length > 0)
    blocks.push(ownerBlock(labels.report.noOwner, NO_OWNER_KEY, "", model.unowned, page));
  return [ranking, ...periodNote, `<div class="owners">`, ...blocks, "</div>"].join("\n");
}

function ownerBlock(
  name: string,
  key: string,
  line: string,
  results: readonly Result[],
  page: PageContext,
  standing?: OwnerStanding,
): string {
  const items = results.map((result) => {
    const penalty = standing?.latePenalties.find((entry) => entry.result === result);
    const note =
      penalty === undefined
        ? ""
        : ` <span class="penalty">${escapeHtml(page.labels.rank.latePenalty(formatNumber(penalty.points)))}</span>`;
    return `<li data-status="${result.status}">${badge(result.status, page.labels)} ${targetCell(result, page)}${note}</li>`;
  });
  return `<section class="owner" data-owners="${key}"><h3>${escapeHtml(name)}</h3>${line}<ul>${items.join("")}</ul></section>`;
}

function dueSoonBlock(model: ReportModel, page: PageContext): string {
  const { labels } = page;
  const words = labels.report;
  if (model.dueSoon.length === 0) return `<p>${escapeHtml(words.noneDue)}</p>`;
  return table(
    "due",
    [
      words.columns.due,
      words.columns.daysLeft,
      words.columns.target,
      labels.columns.owner,
      labels.columns.status,
      labels.columns.actual,
      words.columns.needed,
    ],
    model.dueSoon.map((item) => ({
      attributes: filterAttributes(item.result, page),
      cells: [
        formatDay(item.by),
        String(item.daysLeft),
        targetCell(item.result, page),
        ownersText(item.result, labels),
        badge(item.result.status, labels),
        escapeHtml(formatActual(item.result, labels)),
        escapeHtml(
          item.value === null ? labels.yes : formatValue(item.value, item.result.target.unit),
        ),
      ],
    })),
  );
}

function changesBlock(model: ReportModel, page: PageContext): string {
  const { labels } = page;
  const words = labels.report;
  if (model.changes.length === 0) return `<p>${escapeHtml(words.noChanges)}</p>`;
  return table(
    "changes",
    [
      words.columns.change,
      words.columns.target,
      labels.columns.owner,
      words.columns.was,
      words.columns.now,
      labels.columns.note,
    ],
    model.changes.map((change) => ({
      attributes: filterAttributes(change.result, page),
      cells: [
        escapeHtml(words.change[change.change]),
        targetCell(change.result, page),
        ownersText(change.result, labels),
        badge(change.previous.status, labels),
        badge(change.result.status, labels),
        escapeHtml(formatNote(change.result, labels)),
      ],
    })),
  );
}

/**
 * The page's stylesheet: one column on a phone, cards in a grid on wider screens, tables that
 * become labelled rows on a phone, and an A4 portrait print layout with a page break before each
 * part. Its SHA-256 is in the page's CSP, so it must stay exactly this text.
 */
const STYLE = `
:root{--red:#b91c1c;--yellow:#facc15;--green:#15803d;--grey:#d1d5db;--line:#d1d5db;--muted:#4b5563;color:#111827;background:#fff}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0 auto;max-width:78rem;padding:1rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;overflow-wrap:break-word}
h1{font-size:1.5rem;margin:0 0 .5rem}
.masthead{margin:0;display:flex;flex-wrap:wrap;justify-content:space-between;gap:.25rem 1rem;border-bottom:2px solid var(--red);padding-bottom:.25rem;margin-bottom:.5rem}
.office{color:var(--red);font-weight:700;font-size:1.1rem;letter-spacing:.05em}
.issue{font-weight:600}
.notice{margin:.25rem 0;padding:.2rem .6rem;border:2px solid var(--red);color:var(--red);font-weight:700;display:inline-block}
h2{font-size:1.25rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid #111827}
h3{font-size:1.05rem;margin:1.25rem 0 .25rem}
h4{font-size:1rem;margin:0;display:inline}
a{color:#1d4ed8}
nav ul{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.summary,.counts{display:flex;flex-wrap:wrap;gap:.35rem;align-items:center;margin:.25rem 0}
.badge{display:inline-block;padding:0 .5em;border:1px solid #111827;border-radius:.75em;font-size:.85em;font-weight:600;white-space:nowrap;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.b-red{background:var(--red);color:#fff}
.b-yellow{background:var(--yellow);color:#111827}
.b-green{background:var(--green);color:#fff}
.b-grey{background:var(--grey);color:#111827}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:center;padding:.5rem .75rem;margin:1rem 0;border:1px solid var(--line);border-radius:.5rem;background:#f9fafb}
.controls fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .6rem;align-items:center}
.controls legend{float:left;margin-right:.5rem}
.controls select{font:inherit;max-width:16rem}
.check{white-space:nowrap}
table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:.3rem .4rem;border-bottom:1px solid var(--line)}
th{background:#f3f4f6}
.id{color:var(--muted);font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8em;margin:0;overflow-wrap:normal}
.w{white-space:nowrap}
thead th,.attention td:nth-child(n+4),.followup td:nth-child(n+3){word-break:keep-all}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;color:var(--muted);font-size:.85rem}
.legend svg{vertical-align:middle}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,20rem),1fr));gap:.75rem}
.card{border:1px solid var(--line);border-left:6px solid var(--grey);border-radius:.4rem;padding:.6rem .75rem;break-inside:avoid}
.card.s-red{border-left-color:var(--red)}
.card.s-yellow{border-left-color:var(--yellow)}
.card.s-green{border-left-color:var(--green)}
.card-head{display:flex;gap:.5rem;align-items:baseline}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:0 .75rem;margin:.4rem 0;font-size:.9rem}
.facts div{display:contents}
.facts dt{color:var(--muted)}
.facts dd{margin:0}
.progress{display:flex;gap:.5rem;align-items:center;margin:.25rem 0;font-size:.85rem}
.bar{width:8rem;height:.6rem;flex:none}
.chart{display:block;width:100%;height:auto;margin-top:.25rem}
.source{color:var(--muted);font-size:.8rem;margin:.25rem 0 0}
.remark{display:block;margin:.25rem 0;font-size:.8em;color:var(--muted);white-space:pre-line}
.source span{font-weight:600}
.owners{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,22rem),1fr));gap:0 1.5rem}
.owner ul{list-style:none;padding:0;margin:.25rem 0}
.owner li{margin:.15rem 0}
.penalty{color:#b91c1c;font-size:.85em}
.score{margin:0;font-size:.9rem}
footer{margin-top:2rem;color:var(--muted);font-size:.85rem}
.chase{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,22rem),1fr));gap:0 1.5rem}
.chase-owner ul{padding-left:1.2rem;margin:.25rem 0}
.chase-owner li{margin:.15rem 0}
table.year{width:auto;max-width:100%}
.year th,.year td{padding:.15rem .35rem}
.year tbody th{font-weight:400;background:none;min-width:8rem}
.year td{text-align:center;font-weight:700;min-width:1.7rem;border:1px solid #fff;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.y-red{background:var(--red);color:#fff}
.y-yellow{background:var(--yellow);color:#111827}
.y-green{background:var(--green);color:#fff}
.y-grey{background:var(--grey);color:#111827}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:40rem){
body{padding:.6rem}
thead{display:none}
table,tbody,tr,td{display:block;width:100%}
tr{border:1px solid var(--line);border-radius:.4rem;margin:.5rem 0;padding:.25rem .5rem}
td{border:0;padding:.1rem 0 .1rem 40%;position:relative}
td::before{content:attr(data-label);color:var(--muted);position:absolute;left:0;width:38%}
td:empty{display:none}
table.year{display:table;width:100%;font-size:.75rem}
.year thead{display:table-header-group}
.year tbody{display:table-row-group}
.year tr{display:table-row;border:0;margin:0;padding:0}
.year th,.year td{display:table-cell;width:auto;padding:.1rem .1rem;position:static}
.year tbody th{min-width:0}
.year td{min-width:0}
}
@media print{
@page{size:A4 portrait;margin:12mm}
body{max-width:none;padding:0;font-size:10pt}
table{font-size:8.5pt}
th,td{padding:.2rem .25rem}
nav,.controls{display:none!important}
#targets,#owners{break-before:page}
h1,.masthead{break-after:avoid}
p,li{orphans:2;widows:2}
h2,h3,.card-head{break-after:avoid}
tr,.card,.owner,.chase-owner{break-inside:avoid}
a{color:inherit;text-decoration:none}
.cards{grid-template-columns:1fr 1fr}
}
`;

/**
 * The page's script: shows the controls, hides what the owner and status filters leave out, sorts
 * the cards of each section, and counts what is shown. ES5 and no inline handlers (listeners are
 * attached here), for old office browsers and the CSP; it reads only the attributes the page made.
 */
const SCRIPT = `
(function () {
  "use strict";
  var controls = document.getElementById("controls");
  var owner = document.getElementById("f-owner");
  var sort = document.getElementById("f-sort");
  var shown = document.getElementById("f-shown");
  if (!controls || !owner || !sort || !shown) return;
  var all = function (selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  };
  var boxes = all("input[type=checkbox]", controls);
  var items = all("[data-status],[data-owners]");
  var cards = all(".card");
  function visible(element, statuses, key) {
    var status = element.getAttribute("data-status");
    var owners = element.getAttribute("data-owners");
    return (status === null || statuses[status] === true) &&
      (key === "" || owners === null || (" " + owners + " ").indexOf(" " + key + " ") >= 0);
  }
  function filter() {
    var statuses = {};
    boxes.forEach(function (box) { statuses[box.value] = box.checked; });
    items.forEach(function (item) { item.hidden = !visible(item, statuses, owner.value); });
    all(".group").forEach(function (group) {
      group.hidden = group.querySelector(".card:not([hidden])") === null;
    });
    var count = cards.filter(function (card) { return !card.hidden; }).length;
    shown.textContent = shown.getAttribute("data-template")
      .replace("{shown}", String(count)).replace("{total}", String(cards.length));
  }
  function order() {
    var key = "data-sort-" + sort.value;
    var number = function (element, name) { return Number(element.getAttribute(name)); };
    all(".cards").forEach(function (list) {
      all(".card", list).sort(function (a, b) {
        return number(a, key) - number(b, key) || number(a, "data-sort-order") - number(b, "data-sort-order");
      }).forEach(function (card) { list.appendChild(card); });
    });
  }
  controls.addEventListener("change", function () { filter(); order(); });
  controls.hidden = false;
  filter();
  order();
})();
`;
