/**
 * `kpi report --format docx`: the monthly notice (通报) as a Word document laid out to GB/T
 * 9704-2012 (党政机关公文格式): A4, margins top 37 mm, bottom 35, left 28, right 26; the title in
 * 2号 (22 pt) 小标宋, the body in 3号 (16 pt) 仿宋 on a 22-line page, the part headings in 黑体,
 * tables in 4号 (14 pt), and the page number "— 1 —" at the foot, odd pages right and even pages
 * left, one character in from the edge of the text.
 *
 * The document is made with the `docx` package, loaded only when this format is asked for (the
 * build bundles it apart, as dist/docx.cjs). The same report gives the same bytes: the package
 * stamps the clock into the document's properties and the zip file's dates, so the properties are
 * given here (dated at the as-of date) and the zip file is written again with a fixed date.
 */
import type * as Docx from "docx";
import type { Zippable } from "fflate";
import { formatDay } from "../core/dates.js";
import type { ReportModel } from "../core/report-model.js";
import type { Labels } from "../i18n/labels.js";
import type { ReportRenderOptions } from "./index.js";
import { buildNotice, type NoticeBlock, type NoticeDocument } from "./notice-model.js";

/** Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZES = { title: 44, body: 32, table: 28 } as const;

/** GB/T 9704-2012 7.1: A4, and the margins that leave the 156 mm × 225 mm text area. */
export const PAGE_MM = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 };

/**
 * The fonts, each with the one Word and LibreOffice take when it is not installed (the font
 * table's altName): 方正小标宋简体 → 宋体 (SimSun), 仿宋_GB2312 → 仿宋 (FangSong), 黑体 (SimHei).
 * Latin letters and digits are set in Times New Roman.
 */
export const FONTS = {
  title: { name: "方正小标宋简体", alt: "宋体" },
  body: { name: "仿宋_GB2312", alt: "仿宋" },
  heading: { name: "黑体", alt: "SimHei" },
  pageNumber: { name: "宋体", alt: "SimSun" },
  latin: { name: "Times New Roman", alt: "Times New Roman" },
} as const;

/** 1 mm in twentieths of a point. */
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

/** The text area: 156 mm wide. */
const TEXT_WIDTH_MM = PAGE_MM.width - PAGE_MM.left - PAGE_MM.right;

/** 22 lines on the 225 mm text area: a fixed line pitch of 225 ÷ 22 mm (28.9 pt). */
const LINE_TWIPS = Math.floor(twips((PAGE_MM.height - PAGE_MM.top - PAGE_MM.bottom) / 22));

/** One character of 3号 (16 pt) in twips: the indent of a paragraph's first line is two. */
const BODY_CHAR_TWIPS = (SIZES.body / 2) * 20;

export interface NoticeRenderOptions extends ReportRenderOptions {
  /** The issue (第 7 期): `--issue`, else the project file's `issue:`; null for none. */
  issue?: number | string | null;
}

/** The notice of a report as the bytes of a .docx file. */
export async function renderReportDocx(
  model: ReportModel,
  options: NoticeRenderOptions,
): Promise<Uint8Array> {
  const notice = buildNotice(model, { labels: options.labels, issue: options.issue ?? null });
  const docx = await import("docx");
  const document = new docx.Document({
    title: notice.title,
    creator: notice.office ?? "kpi",
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontOf(FONTS.body), size: SIZES.body },
          paragraph: { spacing: { line: LINE_TWIPS, lineRule: docx.LineRuleType.EXACT } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(PAGE_MM.width), height: twips(PAGE_MM.height) },
            margin: {
              top: twips(PAGE_MM.top),
              bottom: twips(PAGE_MM.bottom),
              left: twips(PAGE_MM.left),
              right: twips(PAGE_MM.right),
              // The page number's line: 7 mm under the text area (GB/T 9704 7.5).
              footer: twips(PAGE_MM.bottom - 7 - 5),
              header: twips(15),
            },
          },
          // 22 lines to the page (GB/T 9704 5.2.2).
          grid: { linePitch: LINE_TWIPS, type: docx.DocumentGridType.LINES },
        },
        footers: {
          default: pageNumberFooter(docx, "right"),
          even: pageNumberFooter(docx, "left"),
        },
        children: [
          ...head(docx, notice),
          // A sentence that leads into a table stays on the table's page.
          ...notice.blocks.flatMap((block, index) =>
            body(docx, block, notice.blocks[index + 1]?.kind === "table"),
          ),
        ],
      },
    ],
  });
  const overrides = [
    { path: "docProps/core.xml", data: coreProperties(notice, model, options.labels) },
    { path: "word/fontTable.xml", data: fontTable() },
  ];
  const packed = await docx.Packer.toBuffer(document, false, overrides);
  return await rezip(packed);
}

function fontOf(font: { name: string }): Docx.IFontAttributesProperties {
  return {
    ascii: FONTS.latin.name,
    hAnsi: FONTS.latin.name,
    eastAsia: font.name,
    cs: FONTS.latin.name,
  };
}

/** "— 1 —" in 4号 宋体, one character in from the right (odd pages) or the left (even pages). */
function pageNumberFooter(docx: typeof Docx, side: "left" | "right"): Docx.Footer {
  const char = (SIZES.table / 2) * 20;
  return new docx.Footer({
    children: [
      new docx.Paragraph({
        alignment: side === "right" ? docx.AlignmentType.RIGHT : docx.AlignmentType.LEFT,
        indent: side === "right" ? { right: char } : { left: char },
        spacing: { line: 240, lineRule: docx.LineRuleType.AUTO },
        children: [
          new docx.TextRun({
            font: fontOf(FONTS.pageNumber),
            size: SIZES.table,
            children: ["— ", docx.PageNumber.CURRENT, " —"],
          }),
        ],
      }),
    ],
  });
}

/** The head: the issue line, the office and the date over a red rule, then the title. */
function head(docx: typeof Docx, notice: NoticeDocument): Docx.Paragraph[] {
  const paragraphs: Docx.Paragraph[] = [];
  if (notice.issueLine !== null)
    paragraphs.push(
      new docx.Paragraph({
        alignment: docx.AlignmentType.CENTER,
        children: [new docx.TextRun({ text: notice.issueLine })],
      }),
    );
  // The office flush left and the date flush right on one line, a red rule under them.
  const right = twips(TEXT_WIDTH_MM);
  paragraphs.push(
    new docx.Paragraph({
      tabStops: [{ type: docx.TabStopType.RIGHT, position: right }],
      border: { bottom: { style: docx.BorderStyle.SINGLE, size: 12, color: "C00000", space: 4 } },
      children: [
        new docx.TextRun({ text: notice.office ?? "" }),
        new docx.TextRun({ text: `\t${notice.date}` }),
      ],
    }),
    new docx.Paragraph({
      alignment: docx.AlignmentType.CENTER,
      spacing: {
        before: LINE_TWIPS,
        after: LINE_TWIPS,
        line: 700,
        lineRule: docx.LineRuleType.AT_LEAST,
      },
      children: [
        new docx.TextRun({ text: notice.title, font: fontOf(FONTS.title), size: SIZES.title }),
      ],
    }),
  );
  // The project's notice line under the title, centred and in brackets: （示例数据，非官方统计）.
  if (notice.notice !== null)
    paragraphs.push(
      new docx.Paragraph({
        alignment: docx.AlignmentType.CENTER,
        spacing: { after: LINE_TWIPS },
        children: [
          new docx.TextRun({
            text: notice.lang === "zh" ? `（${notice.notice}）` : `(${notice.notice})`,
            bold: true,
          }),
        ],
      }),
    );
  return paragraphs;
}

function body(
  docx: typeof Docx,
  block: NoticeBlock,
  beforeTable: boolean,
): (Docx.Paragraph | Docx.Table)[] {
  switch (block.kind) {
    case "heading":
      return [
        new docx.Paragraph({
          indent: { firstLine: 2 * BODY_CHAR_TWIPS },
          keepNext: true,
          children: [new docx.TextRun({ text: block.text, font: fontOf(FONTS.heading) })],
        }),
      ];
    case "paragraph":
      return [
        new docx.Paragraph({
          indent: { firstLine: 2 * BODY_CHAR_TWIPS },
          alignment: docx.AlignmentType.JUSTIFIED,
          keepNext: beforeTable,
          children: block.runs.map((run) => new docx.TextRun({ text: run.text, bold: run.bold })),
        }),
      ];
    case "table":
      return [table(docx, block)];
  }
}

function table(docx: typeof Docx, block: Extract<NoticeBlock, { kind: "table" }>): Docx.Table {
  const width = twips(TEXT_WIDTH_MM);
  const columns = block.widths.map((share) => Math.round(share * width));
  const cell = (text: string, index: number, header: boolean) =>
    new docx.TableCell({
      width: { size: columns[index] ?? 0, type: docx.WidthType.DXA },
      verticalAlign: docx.VerticalAlignTable.CENTER,
      margins: { left: 57, right: 57 },
      children: text.split("\n").map(
        (line) =>
          new docx.Paragraph({
            alignment:
              !header && block.left.includes(index)
                ? docx.AlignmentType.LEFT
                : docx.AlignmentType.CENTER,
            spacing: { line: 320, lineRule: docx.LineRuleType.EXACT },
            children: [
              new docx.TextRun({
                text: line,
                size: SIZES.table,
                bold: header,
                font: fontOf(header ? FONTS.heading : FONTS.body),
              }),
            ],
          }),
      ),
    });
  return new docx.Table({
    width: { size: width, type: docx.WidthType.DXA },
    columnWidths: columns,
    layout: docx.TableLayoutType.FIXED,
    rows: [
      new docx.TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.head.map((text, index) => cell(text, index, true)),
      }),
      ...block.rows.map(
        (row) =>
          new docx.TableRow({
            cantSplit: true,
            children: row.map((text, index) => cell(text, index, false)),
          }),
      ),
    ],
  });
}

/** Text in XML: the five characters escaped, and the characters XML 1.0 cannot hold left out. */
export function xmlText(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

/** The document's properties: its title, its author (the office), dated at the as-of date. */
function coreProperties(notice: NoticeDocument, model: ReportModel, labels: Labels): string {
  const date = `${formatDay(model.asOf)}T00:00:00Z`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${xmlText(notice.title)}</dc:title>`,
    `<dc:creator>${xmlText(notice.office ?? "kpi")}</dc:creator>`,
    `<dc:language>${labels.html.lang}</dc:language>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>`,
    "</cp:coreProperties>",
  ].join("");
}

/** The fonts the document names, each with the one to take in its place when it is missing. */
function fontTable(): string {
  const fonts = Object.values(FONTS).map(
    ({ name, alt }) =>
      `<w:font w:name="${xmlText(name)}">${alt === name ? "" : `<w:altName w:val="${xmlText(alt)}"/>`}<w:charset w:val="${name === FONTS.latin.name ? "00" : "86"}"/><w:family w:val="${name === FONTS.heading.name ? "modern" : "roman"}"/><w:pitch w:val="variable"/></w:font>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts.join("")}</w:fonts>`;
}

/**
 * The zip file again, its files in the same order, each dated 1980-01-01 00:00 (the first date a
 * zip file can hold, and the same in every time zone: the zip format's dates are local).
 */
async function rezip(packed: Uint8Array): Promise<Uint8Array> {
  const fflate = await import("fflate");
  const files = fflate.unzipSync(packed);
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const zippable: Zippable = {};
  for (const [path, data] of Object.entries(files)) zippable[path] = [data, { mtime }];
  return fflate.zipSync(zippable, { level: 6 });
}
