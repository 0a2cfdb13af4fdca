/**
 * The cells of the entry form (`kpi template`), the same in its workbook and its CSV file: the
 * id, title, unit and date; the latest value; what the schedule expects at the period's end (E of
 * a progress target, a level's bounds, a growth target's bound, a milestone's deadline); then the
 * value and the note, empty for the owner to fill in; and when a growth target takes last year's
 * figure, a 同期 column (that figure where the data have it, for the owner to check or fill in).
 */
import { formatDay } from "../core/dates.js";
import type { TemplateModel, TemplateRow } from "../core/template-model.js";
import type { Labels } from "../i18n/labels.js";
import { formatLevelBounds, formatRate, formatReference } from "./format.js";

export type TemplateValue = string | number;

/** The columns' heads, in the order of `templateCells`. */
export function templateHeads(labels: Labels, withBase: boolean): string[] {
  const { columns } = labels.template;
  return [
    columns.id,
    columns.title,
    columns.unit,
    columns.date,
    columns.previous,
    columns.expected,
    columns.value,
    columns.note,
    ...(withBase ? [columns.base] : []),
  ];
}

/** The 0-based columns of the value and the note: the cells the owner fills in. */
export const VALUE_COLUMN = 6;
export const NOTE_COLUMN = 7;
/** The 0-based column of last year's figure, when the form has one: filled in by the owner too. */
export const BASE_COLUMN = 8;

/** The cells of one row: numbers as numbers, the rest as text; the value and the note empty. */
export function templateCells(
  row: TemplateRow,
  model: TemplateModel,
  labels: Labels,
): TemplateValue[] {
  const { target } = row;
  const previous =
    row.previous === null
      ? ""
      : typeof row.previous.value === "boolean"
        ? row.previous.value
          ? labels.template.done
          : labels.template.notDone
        : row.previous.value;
  return [
    target.id,
    target.title,
    target.unit ?? "",
    formatDay(model.date),
    previous,
    expectedCell(row, labels),
    "",
    "",
    ...(model.withBase ? [row.base ?? ""] : []),
  ];
}

function expectedCell(row: TemplateRow, labels: Labels): TemplateValue {
  const { target } = row;
  switch (target.kind) {
    case "progress":
      return row.expected ?? "";
    case "level":
      return formatLevelBounds(target, labels);
    case "growth":
      return target.rate !== null
        ? labels.growthBound(target.bound, formatRate(target.rate), null)
        : target.rateRef === null
          ? ""
          : formatReference(target.rateRef, labels);
    case "milestone":
      return `${labels.dueBy} ${formatDay(target.deadline)}`;
  }
}
