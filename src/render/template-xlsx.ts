/**
 * `kpi template -o FORM.xlsx`: the entry form as a workbook, one sheet named after the owner. An
 * instruction row above the header (the data reader's header search passes over it), the header,
 * then a row per target. The sheet is protected (no password): only the value and note cells,
 * shaded, can be changed; the value cell takes a decimal number, or for a milestone one of 是 / 否
 * from a drop-down, each with a prompt that says what the number is (a total to date, the
 * period's own amount, a rate, a level) and in which unit. `kpi check` reads the filled file as
 * it comes back.
 */
import { formatDay } from "../core/dates.js";
import type { TemplateModel } from "../core/template-model.js";
import type { Labels } from "../i18n/labels.js";
import {
  BASE_COLUMN,
  NOTE_COLUMN,
  templateCells,
  templateHeads,
  VALUE_COLUMN,
} from "./template-cells.js";
import {
  cellRef,
  fitWidths,
  sheetNames,
  wrapRows,
  writeXlsx,
  type XlsxCell,
  type XlsxStyle,
  type XlsxValidation,
  type XlsxWorkbook,
} from "./xlsx-writer.js";

const HEAD: XlsxStyle = { bold: true, fill: "DDEBF7", border: true, align: "center", wrap: true };
const LOCKED: XlsxStyle = { border: true, fill: "F2F2F2" };
const LOCKED_NUMBER: XlsxStyle = { ...LOCKED, numberFormat: "#,##0.##;-#,##0.##;0" };
const TO_FILL: XlsxStyle = { border: true, fill: "FFF2CC", locked: false };
const TO_FILL_NUMBER: XlsxStyle = { ...TO_FILL, numberFormat: LOCKED_NUMBER.numberFormat };
const INSTRUCTION: XlsxStyle = { bold: true, wrap: true, align: "left" };

/** The widest a column gets; the instruction row is as wide as all of them together. */
const MAX_WIDTH = 40;

export function renderTemplateXlsx(model: TemplateModel, options: { labels: Labels }): Uint8Array {
  return writeXlsx(templateWorkbook(model, options.labels));
}

/** The form's workbook, before it is written (what the tests read). */
export function templateWorkbook(model: TemplateModel, labels: Labels): XlsxWorkbook {
  const words = labels.template;
  const heads = templateHeads(labels, model.withBase);
  const head = heads.map((value): XlsxCell => ({ value, style: HEAD }));
  const body = model.rows.map((row) =>
    templateCells(row, model, labels).map((value, column): XlsxCell => {
      if (column === VALUE_COLUMN || column === NOTE_COLUMN) return { value: null, style: TO_FILL };
      // Last year's figure: the owner's to check or fill in, where the row takes one.
      if (column === BASE_COLUMN && row.takesBase)
        return { value: value === "" ? null : value, style: TO_FILL_NUMBER };
      return { value, style: typeof value === "number" ? LOCKED_NUMBER : LOCKED };
    }),
  );
  const widths = fitWidths([head, ...body], MAX_WIDTH).map((width, column) =>
    // Room to write in: the value at least 14 characters, the note 30.
    column === VALUE_COLUMN
      ? Math.max(width, 14)
      : column === NOTE_COLUMN
        ? Math.max(width, 30)
        : width,
  );
  const date = formatDay(model.date);
  const instruction = words.instruction(model.owner, model.period, date);
  const total = widths.reduce((sum, width) => sum + width, 0);
  // The instruction's lines at about one character of width each, 15 points a line.
  const lines = Math.max(1, Math.ceil((instruction.length * 2) / total));
  const baseValidations: XlsxValidation[] = model.rows.flatMap((row, index) =>
    row.takesBase
      ? [
          {
            range: cellRef(BASE_COLUMN, index + 3),
            type: "decimal" as const,
            prompt: words.basePrompt(row.target.unit),
            error: words.valueError,
          },
        ]
      : [],
  );
  const validations: XlsxValidation[] = model.rows.map((row, index) => {
    const range = cellRef(VALUE_COLUMN, index + 3);
    const measure = row.measure;
    return measure === "milestone"
      ? {
          range,
          type: "list",
          list: [words.done, words.notDone],
          prompt: words.milestonePrompt,
          error: words.milestoneError,
        }
      : {
          range,
          type: "decimal",
          prompt: words.valuePrompt(row.target.unit, measure),
          error: words.valueError,
        };
  });
  const wrapped = wrapRows(body, widths, MAX_WIDTH);
  const [name = model.owner] = sheetNames([model.owner]);
  return {
    font: labels.workbook.font,
    title: instruction,
    creator: "kpi",
    date,
    sheets: [
      {
        name,
        rows: [[{ value: instruction, style: INSTRUCTION }], head, ...wrapped.rows],
        widths,
        heights: [lines * 16 + 4, undefined, ...wrapped.heights],
        merges: [`A1:${cellRef(heads.length - 1, 1)}`],
        frozenRows: 2,
        printTitleRows: { first: 2, last: 2 },
        validations: [...validations, ...baseValidations],
        protect: true,
        landscape: true,
      },
    ],
  };
}
