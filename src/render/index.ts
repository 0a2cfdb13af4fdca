/**
 * Every output kpi makes, in one registry: for each model a command renders (the results of
 * `check`, the report of `report`, the ranking of `rank`, the targets of `list`), its formats with
 * the file extension that `-o` recognises and the renderer, loaded only when chosen. A renderer
 * gives text, or, for a format that is a file rather than text (`binary`: a Word document, a workbook), the
 * bytes of that file, which may take it a promise to make.
 */

import type { ResultsDiff } from "../core/diff-model.js";
import type { ListEntry } from "../core/list-model.js";
import type { Report } from "../core/model.js";
import type { Problem } from "../core/problems.js";
import type { ReportModel } from "../core/report-model.js";
import type { Ranking } from "../core/scoring.js";
import type { TemplateModel } from "../core/template-model.js";
import type { Labels } from "../i18n/labels.js";
import type { ValidationModel } from "./problem-formats.js";

export interface RenderOptions {
  labels: Labels;
  /** ANSI colours, for the terminal table. */
  color: boolean;
  /** The terminal's width, for the terminal table; none: the whole table. */
  width?: number | undefined;
  /** The run's warnings: the JSON lists those of each target's rows with its result. */
  warnings?: readonly Problem[];
  /** The project file's office and report title: the JSON gives them (null when absent). */
  office?: string | null;
  title?: string | null;
  /** The project file's notice line: the JSON gives it too (null when absent). */
  notice?: string | null;
}

export interface ReportRenderOptions {
  labels: Labels;
  /** A chart per red or yellow target. */
  charts: boolean;
  /** The owners' ranking, and owner sections in ranking order. */
  byOwner: boolean;
  /** The notice's issue (第 7 期): `--issue`, else the project file's; null for none. */
  issue?: number | string | null;
}

/** What a renderer gives: text, or the bytes of a file. */
export type Rendered = string | Uint8Array;

/** The options of a model whose table format fits the terminal (`kpi rank`, `kpi list`). */
export interface TableRenderOptions {
  labels: Labels;
  /** The terminal's width, for the terminal table; none: the whole table. */
  width?: number | undefined;
}

/** The renderer of each model: a pure function of the model to the output's text. */
export interface Renderers {
  results: (report: Report, options: RenderOptions) => string;
  report: (model: ReportModel, options: ReportRenderOptions) => Rendered | Promise<Rendered>;
  rank: (ranking: Ranking, options: TableRenderOptions) => string;
  list: (entries: readonly ListEntry[], options: TableRenderOptions) => string;
  /** `kpi validate`'s machine-readable formats (its default, text, is written by the command). */
  validation: (model: ValidationModel, options: { labels: Labels }) => string;
  diff: (diff: ResultsDiff, options: { labels: Labels }) => string;
  /** `kpi template`'s entry form. */
  template: (model: TemplateModel, options: { labels: Labels }) => Rendered;
}
export type OutputModel = keyof Renderers;

export interface OutputFormat<M extends OutputModel> {
  /** The extension of a file of this format: `-o status.html` without `--format` makes html. */
  extension: string | null;
  /** A file, not text: never written to a terminal. @default false */
  binary?: boolean;
  load: () => Promise<Renderers[M]>;
}

const listFormats = async () => await import("./list-formats.js");
const problemFormats = async () => await import("./problem-formats.js");
const diffFormats = async () => await import("./diff-formats.js");
const rankFormats = async () => await import("./rank-formats.js");

export const OUTPUTS = {
  results: {
    table: { extension: null, load: async () => (await import("./results-table.js")).renderTable },
    markdown: {
      extension: ".md",
      load: async () => (await import("./results-markdown.js")).renderMarkdown,
    },
    json: { extension: ".json", load: async () => (await import("./results-json.js")).renderJson },
    junit: {
      extension: ".xml",
      load: async () => (await import("./results-junit.js")).renderJunit,
    },
    github: {
      extension: null,
      load: async () => (await import("./results-github.js")).renderGithub,
    },
    codequality: {
      extension: null,
      load: async () => (await import("./results-codequality.js")).renderCodeQuality,
    },
  },
  report: {
    markdown: {
      extension: ".md",
      load: async () => (await import("./report-markdown.js")).renderReportMarkdown,
    },
    html: {
      extension: ".html",
      load: async () => (await import("./report-html.js")).renderReportHtml,
    },
    docx: {
      extension: ".docx",
      binary: true,
      load: async () => (await import("./report-docx.js")).renderReportDocx,
    },
    xlsx: {
      extension: ".xlsx",
      binary: true,
      load: async () => (await import("./report-xlsx.js")).renderReportXlsx,
    },
  },
  rank: {
    table: { extension: null, load: async () => (await rankFormats()).renderRankTable },
    markdown: { extension: ".md", load: async () => (await rankFormats()).renderRankMarkdown },
    json: { extension: ".json", load: async () => (await rankFormats()).renderRankJson },
  },
  list: {
    table: { extension: null, load: async () => (await listFormats()).renderListTable },
    markdown: { extension: ".md", load: async () => (await listFormats()).renderListMarkdown },
    json: { extension: ".json", load: async () => (await listFormats()).renderListJson },
  },
  validation: {
    json: { extension: ".json", load: async () => (await problemFormats()).renderValidationJson },
    github: {
      extension: null,
      load: async () => {
        const { problemAnnotations } = await problemFormats();
        return (model, options) => problemAnnotations(model.problems, options.labels);
      },
    },
    junit: {
      extension: ".xml",
      load: async () => {
        const { renderProblemsJunit } = await problemFormats();
        return (model, options) => renderProblemsJunit(model.problems, options.labels);
      },
    },
  },
  template: {
    xlsx: {
      extension: ".xlsx",
      binary: true,
      load: async () => (await import("./template-xlsx.js")).renderTemplateXlsx,
    },
    csv: {
      extension: ".csv",
      load: async () => (await import("./template-csv.js")).renderTemplateCsv,
    },
  },
  diff: {
    table: { extension: null, load: async () => (await diffFormats()).renderDiffTable },
    markdown: { extension: ".md", load: async () => (await diffFormats()).renderDiffMarkdown },
    json: { extension: ".json", load: async () => (await diffFormats()).renderDiffJson },
  },
} as const satisfies { [M in OutputModel]: Record<string, OutputFormat<M>> };

/** The format names of a model, as `--format` takes them. */
export type FormatOf<M extends OutputModel> = keyof (typeof OUTPUTS)[M] & string;

export function formatsOf<M extends OutputModel>(model: M): FormatOf<M>[] {
  return Object.keys(OUTPUTS[model]) as FormatOf<M>[];
}

/** The renderer of a model's format. */
export function loadRenderer<M extends OutputModel>(
  model: M,
  format: FormatOf<M>,
): Promise<Renderers[M]> {
  const formats = OUTPUTS[model] as unknown as Record<string, OutputFormat<M>>;
  return (formats[format] as OutputFormat<M>).load();
}

/** The format a file's extension names (case-insensitive), or undefined. */
export function formatForFile<M extends OutputModel>(
  model: M,
  path: string,
): FormatOf<M> | undefined {
  const lower = path.toLowerCase();
  const formats = OUTPUTS[model] as unknown as Record<string, OutputFormat<M>>;
  return Object.entries(formats).find(
    ([, format]) => format.extension !== null && lower.endsWith(format.extension),
  )?.[0] as FormatOf<M> | undefined;
}

/** The format's entry: whether it is a file rather than text, and its extension. */
export function formatEntry<M extends OutputModel>(model: M, format: FormatOf<M>): OutputFormat<M> {
  const formats = OUTPUTS[model] as unknown as Record<string, OutputFormat<M>>;
  return formats[format] as OutputFormat<M>;
}
