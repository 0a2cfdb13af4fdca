/**
 * `kpi template -o FORM.csv`: the entry form as a CSV file that Excel opens as it is and kpi
 * reads back: UTF-8 with a byte order mark (without it Excel on a Chinese Windows reads UTF-8 as
 * GBK), CRLF line ends, RFC 4180 quoting. A text that a spreadsheet would take for a formula (it
 * begins with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a `'` before it, as
 * OWASP advises against CSV injection: only the title, unit and expected columns can hold one,
 * and kpi does not read them back.
 */
import type { TemplateModel } from "../core/template-model.js";
import type { Labels } from "../i18n/labels.js";
import { formatNumber } from "./format.js";
import { templateCells, templateHeads } from "./template-cells.js";

/** A field as CSV writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A text a spreadsheet would run as a formula, defused with a leading `'`. */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function renderTemplateCsv(model: TemplateModel, options: { labels: Labels }): string {
  const lines = [templateHeads(options.labels, model.withBase).map(csvField).join(",")];
  for (const row of model.rows) {
    const cells = templateCells(row, model, options.labels).map((cell, column) =>
      typeof cell === "number"
        ? formatNumber(cell)
        : csvField(column === 0 || column === 3 ? cell : defuseFormula(cell)),
    );
    lines.push(cells.join(","));
  }
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
