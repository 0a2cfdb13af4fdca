/** The output formats and their renderers, loaded only when chosen. */

import type { Report } from "../core/model.js";
import type { ReportModel } from "../core/report-model.js";
import type { Labels } from "../i18n/labels.js";

/** The formats of `kpi check`. */
export const FORMATS = ["table", "markdown", "json", "junit", "github"] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  labels: Labels;
  /** ANSI colours, for the terminal table. */
  color: boolean;
}

export type Renderer = (report: Report, options: RenderOptions) => string;

export const renderers = {
  table: async () => (await import("./results-table.js")).renderTable,
  markdown: async () => (await import("./results-markdown.js")).renderMarkdown,
  json: async () => (await import("./results-json.js")).renderJson,
  junit: async () => (await import("./results-junit.js")).renderJunit,
  github: async () => (await import("./results-github.js")).renderGithub,
} satisfies Record<Format, () => Promise<Renderer>>;

/** The formats of `kpi report`: both render the same report model. */
export const REPORT_FORMATS = ["markdown", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportRenderOptions {
  labels: Labels;
  /** A chart per red or yellow target. */
  charts: boolean;
  /** The owners' ranking, and owner sections in ranking order. */
  byOwner: boolean;
}

export type ReportRenderer = (model: ReportModel, options: ReportRenderOptions) => string;

export const reportRenderers = {
  markdown: async () => (await import("./report-markdown.js")).renderReportMarkdown,
  html: async () => (await import("./report-html.js")).renderReportHtml,
} satisfies Record<ReportFormat, () => Promise<ReportRenderer>>;

/** The formats of `kpi rank`. */
export const RANK_FORMATS = ["table", "markdown", "json"] as const;
export type RankFormat = (typeof RANK_FORMATS)[number];

export type RankRenderer = (model: ReportModel, options: { labels: Labels }) => string;

export const rankRenderers = {
  table: async () => (await import("./rank-formats.js")).renderRankTable,
  markdown: async () => (await import("./rank-formats.js")).renderRankMarkdown,
  json: async () => (await import("./rank-formats.js")).renderRankJson,
} satisfies Record<RankFormat, () => Promise<RankRenderer>>;
