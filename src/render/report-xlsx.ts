/**
 * `kpi report --format xlsx`: the status workbook, made from the report model (no second
 * evaluation). Sheet 总表 (Summary): every target in file order, its status cell filled red,
 * yellow, green or grey and holding its symbol and word too (a workbook printed in black and
 * white still tells them apart); sheet 排名 (Ranking): the owners' month ranking, as `kpi rank`
 * and the report give it; then one sheet for each owner, in the office's order, with its targets.
 *
 * Numbers are number cells, with the unit in a column of its own; every text from the input files
 * is a text cell (never a formula). Each sheet has a title row, a frozen header row with an
 * auto-filter, columns as wide as their text (an East Asian wide character counts two), and prints
 * on A4 across the page with the header row on every page.
 */
import { formatDay } from "../core/dates.js";
import { type Result, STATUSES, type Status } from "../core/model.js";
import type { ReportModel } from "../core/report-model.js";
import type { Labels } from "../i18n/labels.js";
import {
  formatActual,
  formatExpected,
  formatNote,
  formatTarget,
  rankingRows,
  rankingTitle,
  STATUS_SYMBOL,
} from "./format.js";
import type { ReportRenderOptions } from "./index.js";
import {
  fitWidths,
  sheetNames,
  wrapRows,
  writeXlsx,
  type XlsxCell,
  type XlsxSheet,
  type XlsxStyle,
  type XlsxWorkbook,
} from "./xlsx-writer.js";

/** Each status's fill and the colour of its words (Excel's own good / neutral / bad styles). */
export const STATUS_FILL: Record<Status, { fill: string; color: string }> = {
  green: { fill: "C6EFCE", color: "006100" },
  yellow: { fill: "FFEB9C", color: "9C5700" },
  red: { fill: "FFC7CE", color: "9C0006" },
  grey: { fill: "D9D9D9", color: "404040" },
};

const HEAD: XlsxStyle = { bold: true, fill: "DDEBF7", border: true, align: "center", wrap: true };
const TEXT: XlsxStyle = { border: true };
const NUMBER: XlsxStyle = { border: true, numberFormat: "#,##0.##;-#,##0.##;0" };
const SHARE: XlsxStyle = { border: true, numberFormat: "0.0%" };
const TITLE: XlsxStyle = { bold: true };
/** A text in a column of numbers (a level's bounds, a milestone's 已完成) sits where its numbers do. */
const TEXT_AMONG_NUMBERS: XlsxStyle = { border: true, align: "right" };

/** A column's width never goes past this many characters; its text wraps instead. */
const MAX_WIDTH = 40;

const text = (value: string, style: XlsxStyle = TEXT): XlsxCell => ({ value, style });
const number = (value: number, style: XlsxStyle = NUMBER): XlsxCell => ({ value, style });

/** The status workbook of a report as the bytes of an .xlsx file. */
export function renderReportXlsx(model: ReportModel, options: ReportRenderOptions): Uint8Array {
  return writeXlsx(statusWorkbook(model, options.labels));
}

/** The workbook's sheets and cells, before they are written (what the tests read). */
export function statusWorkbook(model: ReportModel, labels: Labels): XlsxWorkbook {
  const words = labels.workbook;
  const asOf = formatDay(model.asOf);
  const title = model.title ?? labels.report.title(asOf);
  const names = sheetNames([
    words.sheets.summary,
    words.sheets.ranking,
    ...model.owners.map((standing) => standing.owner),
  ]);
  const [summaryName = "", rankingName = "", ...ownerNames] = names;
  return {
    font: words.font,
    title,
    creator: model.office ?? "kpi",
    date: asOf,
    sheets: [
      resultsSheet(
        summaryName,
        words.title(title, model.office, asOf),
        model.results,
        labels,
        true,
      ),
      rankingSheet(rankingName, model, labels),
      ...model.owners.map((standing, index) =>
        resultsSheet(
          ownerNames[index] ?? standing.owner,
          words.ownerTitle(standing.owner, asOf),
          standing.results,
          labels,
          false,
        ),
      ),
    ],
  };
}

/** The heads of a table of results: the owner's column only where the sheet is not an owner's. */
export function resultColumns(labels: Labels, withOwner: boolean): string[] {
  const { columns } = labels;
  const words = labels.workbook.columns;
  return [
    columns.status,
    columns.id,
    columns.title,
    ...(withOwner ? [columns.owner] : []),
    words.section,
    columns.actual,
    columns.expected,
    columns.target,
    words.unit,
    columns.progress,
    words.observedOn,
    columns.note,
    words.remark,
  ];
}

/** The status cell: its symbol and word, in its colour on its fill. */
export function statusCell(status: Status, labels: Labels): XlsxCell {
  const { fill, color } = STATUS_FILL[status];
  return text(`${STATUS_SYMBOL[status]} ${labels.status[status]}`, {
    ...TEXT,
    bold: true,
    fill,
    color,
    align: "center",
  });
}

/** The unit of the number in the actual column: a growth target's actual is its rate, in %. */
function actualUnit(result: Result): string {
  return result.target.kind === "growth" ? "%" : (result.target.unit ?? "");
}

function resultRow(result: Result, labels: Labels, withOwner: boolean): XlsxCell[] {
  const { target } = result;
  const actual =
    typeof result.actual === "number"
      ? number(result.actual)
      : text(formatActual(result, labels), TEXT_AMONG_NUMBERS);
  const expected =
    target.kind === "progress" && result.expected !== null
      ? number(result.expected)
      : text(formatExpected(result, labels), TEXT_AMONG_NUMBERS);
  const goal =
    target.kind === "progress"
      ? number(target.target)
      : text(formatTarget(result, labels), TEXT_AMONG_NUMBERS);
  return [
    statusCell(result.status, labels),
    text(target.id),
    text(target.title),
    ...(withOwner ? [text(target.owner.join(labels.nameSeparator))] : []),
    text(target.section ?? ""),
    actual,
    expected,
    goal,
    text(target.kind === "milestone" ? "" : actualUnit(result)),
    result.progress === null ? text("") : number(result.progress, SHARE),
    text(result.observedOn === null ? "" : formatDay(result.observedOn)),
    text(formatNote(result, labels)),
    text(result.note ?? ""),
  ];
}

function resultsSheet(
  name: string,
  title: string,
  results: readonly Result[],
  labels: Labels,
  withOwner: boolean,
): XlsxSheet {
  const head = resultColumns(labels, withOwner).map((value) => text(value, HEAD));
  return tableSheet(
    name,
    title,
    head,
    results.map((result) => resultRow(result, labels, withOwner)),
  );
}

/** The ranking's text as cells: places, scores and counts as numbers, the rest as text. */
function rankingSheet(name: string, model: ReportModel, labels: Labels): XlsxSheet {
  const { head, rows } = rankingRows(model.ranking.standings, labels, STATUS_SYMBOL);
  const statusColumns = new Map(STATUSES.map((status, index) => [5 + index, status]));
  const headCells = head.map((value, index) => {
    const status = statusColumns.get(index);
    return status === undefined
      ? text(value, HEAD)
      : text(value, { ...HEAD, fill: STATUS_FILL[status].fill, color: STATUS_FILL[status].color });
  });
  const cells = rows.map((row, rowIndex) => {
    const standing = model.ranking.standings[rowIndex];
    return row.map((value, column): XlsxCell => {
      if (standing === undefined) return text(value);
      if (column === 0) return number(standing.place);
      if (column === 2) return standing.score === null ? text(value) : number(standing.score);
      if (column === 3)
        return standing.previousPlace === null ? text(value) : number(standing.previousPlace);
      const status = statusColumns.get(column);
      if (status !== undefined) return number(standing.summary[status]);
      if (column === row.length - 1) return number(standing.summary.total);
      return text(value);
    });
  });
  return tableSheet(name, rankingTitle(model.ranking, labels), headCells, cells);
}

/** A sheet of a title row, a header row (frozen, filtered, printed on every page) and the rows. */
function tableSheet(name: string, title: string, head: XlsxCell[], rows: XlsxCell[][]): XlsxSheet {
  const columns = head.length;
  const widths = fitWidths([head, ...rows], MAX_WIDTH);
  const body = wrapRows(rows, widths, MAX_WIDTH);
  return {
    name,
    rows: [[{ value: title, style: TITLE }], head, ...body.rows],
    heights: [undefined, undefined, ...body.heights],
    widths,
    frozenRows: 2,
    autoFilter: { headerRow: 2, lastRow: rows.length + 2, columns },
    printTitleRows: { first: 2, last: 2 },
    landscape: true,
  };
}
