/** The output formats and their renderers, loaded only when chosen. */
import type { Labels } from "../i18n.js";
import type { Report } from "../model.js";

export const FORMATS = ["table", "markdown", "json"] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  labels: Labels;
  /** ANSI colours, for the terminal table. */
  color: boolean;
}

export type Renderer = (report: Report, options: RenderOptions) => string;

export const renderers = {
  table: async () => (await import("./table.js")).renderTable,
  markdown: async () => (await import("./markdown.js")).renderMarkdown,
  json: async () => (await import("./json.js")).renderJson,
} satisfies Record<Format, () => Promise<Renderer>>;
