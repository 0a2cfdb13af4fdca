/**
 * The monthly notice (通报, `kpi report --format docx`): its document model, made from the report
 * model (src/render/notice-model.ts), and the Word file laid out to GB/T 9704-2012
 * (src/render/report-docx.ts), read back from its XML. LibreOffice opens it in
 * test/e2e/notice.test.ts.
 */
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkBinaryOutput } from "../../src/cli/emit-output.js";
import { buildReport } from "../../src/core/report-model.js";
import { labelsFor } from "../../src/i18n/language.js";
import { readData, readTargets } from "../../src/io/read-inputs.js";
import { buildNotice, issueLine, type NoticeBlock, runsOf } from "../../src/render/notice-model.js";
import { renderReportDocx, xmlText } from "../../src/render/report-docx.js";
import { day, readCsvTexts, targetsFrom, usageMessage } from "../helpers.js";

/** The report fixture as of 03-31 (hostile titles, four owners, a missing report). */
async function fixtureModel(options: { title?: string; office?: string } = {}) {
  const targets = await readTargets(["test/fixtures/report/targets"]);
  const data = await readData(["test/fixtures/report/data"], targets.targets);
  expect([...targets.problems, ...data.problems]).toEqual([]);
  return buildReport(targets.targets, data.observations, {
    asOf: day("2022-03-31"),
    office: options.office ?? null,
    title: options.title ?? null,
  });
}

const text = (block: NoticeBlock | undefined) =>
  block?.kind === "paragraph" ? block.runs.map((run) => run.text).join("") : block?.kind;
const headings = (blocks: readonly NoticeBlock[]) =>
  blocks.flatMap((block) => (block.kind === "heading" ? [block.text] : []));
const tables = (blocks: readonly NoticeBlock[]) =>
  blocks.flatMap((block) => (block.kind === "table" ? [block] : []));

describe("the issue line", () => {
  it("is 第 N 期 for a whole number ≥ 1, typed in full-width digits too; any other text as it is", () => {
    const zh = labelsFor("zh");
    expect(issueLine(7, zh)).toBe("第 7 期");
    expect(issueLine("7", zh)).toBe("第 7 期");
    expect(issueLine("７", zh)).toBe("第 7 期");
    expect(issueLine(" １２ ", zh)).toBe("第 12 期");
    expect(issueLine("07", zh)).toBe("第 7 期");
    expect(issueLine("7", labelsFor("en"))).toBe("No. 7");
    for (const text of ["2022年第3期", "0", "-1", "1.5", "abc"])
      expect(issueLine(text, zh)).toBe(text);
    expect(issueLine(null, zh)).toBeNull();
  });
});

describe("the notice's document model", () => {
  it("heads it with the issue, the office, the date and the title (kpi.yaml's, else one with the month)", async () => {
    const zh = labelsFor("zh");
    const named = buildNotice(
      await fixtureModel({ title: "县政府重点工作月度亮晒", office: "XX县督查室" }),
      {
        labels: zh,
        issue: 7,
      },
    );
    expect([named.issueLine, named.office, named.date, named.title, named.lang]).toEqual([
      "第 7 期",
      "XX县督查室",
      "2022年3月31日",
      "县政府重点工作月度亮晒",
      "zh",
    ]);
    const plain = buildNotice(await fixtureModel(), { labels: zh, issue: "2022年第3期" });
    expect([plain.issueLine, plain.office, plain.title]).toEqual([
      "2022年第3期",
      null,
      "2022年3月重点工作进展情况通报",
    ]);
    const en = buildNotice(await fixtureModel(), { labels: labelsFor("en"), issue: null });
    expect([en.issueLine, en.date, en.title, en.lang]).toEqual([
      null,
      "31 March 2022",
      "Status notice, March 2022",
      "en",
    ]);
  });

  it("has the four parts in order, the counts in words and by section", async () => {
    const notice = buildNotice(await fixtureModel(), { labels: labelsFor("zh"), issue: null });
    expect(headings(notice.blocks)).toEqual([
      "一、总体情况",
      "二、红灯和黄灯指标",
      "三、各单位得分排名",
      "四、说明",
    ]);
    // 7 targets on 03-31: 1 red, 2 yellow, 1 grey, 3 green (the report's summary line).
    expect(text(notice.blocks[2])).toBe(
      "截至2022年3月31日，纳入监测的 7 项指标中，绿灯 3 项，黄灯 2 项，红灯 1 项，无数据 1 项。",
    );
    const [overview] = tables(notice.blocks);
    expect(overview?.head).toEqual(["板块", "指标数", "✖ 红灯", "▲ 黄灯", "○ 无数据", "✔ 绿灯"]);
    // The last row is the whole: 7 = 1 + 2 + 1 + 3.
    expect(overview?.rows.at(-1)).toEqual(["合计", "7", "1", "2", "1", "3"]);
    // Every section's row adds up to its count, and the sections to the whole.
    const sections = overview?.rows.slice(0, -1) ?? [];
    for (const row of sections)
      expect(row.slice(2).reduce((sum, cell) => sum + Number(cell), 0)).toBe(Number(row[1]));
    expect(sections.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(7);
  });

  it("lists the red and yellow targets with actual, 序时进度, behind by, next milestone and pace", async () => {
    const notice = buildNotice(await fixtureModel(), { labels: labelsFor("zh"), issue: null });
    const attention = tables(notice.blocks)[1];
    expect(attention?.head).toEqual([
      "指标",
      "责任单位",
      "状态",
      "实际值",
      "序时进度",
      "滞后量",
      "下一节点",
      "每月需完成",
    ]);
    // As the markdown report: a.level red (5 against ≤ 3, 2 outside), a.newline yellow (20
    // against 24.66: 4.66 behind; (100 − 20) ÷ 9 month-ends = 8.89 a month), the milestone.
    expect(attention?.rows).toEqual([
      ["Rank <script>alert(1)</script>", "Gamma", "✖ 红灯", "5 位", "≤ 3", "2 位", "", ""],
      [
        "Two\nlines <b>bold</b> [link](http://example.com)",
        "Alpha",
        "▲ 黄灯",
        "20",
        "24.66",
        "4.66",
        "100 @ 2022-12-31",
        "每月 +8.89",
      ],
      ["Opening ceremony", "Beta|B", "▲ 黄灯", "未完成", "", "", "期限 2022-04-20", ""],
    ]);
    expect(text(notice.blocks[5])).toBe("红灯指标 1 项、黄灯指标 2 项，具体如下（红灯在前）：");
  });

  it("ranks the owners with the movement, and chases the missing report with its days overdue", async () => {
    const model = await fixtureModel();
    const notice = buildNotice(model, { labels: labelsFor("zh"), issue: null });
    const ranking = tables(notice.blocks)[2];
    expect(ranking?.head.slice(0, 5)).toEqual(["名次", "责任单位", "得分", "上期名次", "升降"]);
    // The ranking's own rows, owner, place and movement as kpi rank gives them.
    expect(ranking?.rows.map((row) => [row[0], row[1], row[4]])).toEqual(
      model.ranking.standings.map((standing) => [
        String(standing.place),
        standing.owner,
        labelsFor("zh").rank.movement(standing.movement),
      ]),
    );
    const paragraphs = notice.blocks.map(text);
    // Delta's February report was due by 03-10: 31 − 10 = 21 days overdue on 03-31.
    expect(paragraphs).toContain("逾期未报送数据 1 项，请以下单位尽快报送：");
    expect(paragraphs).toContain(
      "Delta：请尽快报送 No data yet 2022-02-28 数据（应于 03-10 前报送，已逾期 21 天）",
    );
    // No target red two reports running: no follow-up list.
    expect(paragraphs.some((line) => line?.includes("督办清单"))).toBe(false);
  });

  it("every table: as many cells a row as heads, widths that fill the line, names flush left", async () => {
    for (const lang of ["zh", "en"] as const) {
      const model = await fixtureModel();
      for (const table of tables(
        buildNotice(model, { labels: labelsFor(lang), issue: null }).blocks,
      )) {
        expect(table.widths.length).toBe(table.head.length);
        expect(table.widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(1, 9);
        for (const row of table.rows) expect(row.length).toBe(table.head.length);
        expect(table.left.every((index) => index < table.head.length)).toBe(true);
      }
    }
  });

  it("explains how the numbers are made, bold where the report's notes are", async () => {
    const notice = buildNotice(await fixtureModel(), { labels: labelsFor("zh"), issue: null });
    const notes = notice.blocks.slice(
      notice.blocks.findIndex((b) => b.kind === "heading" && b.text === "四、说明") + 1,
    );
    expect(notes.map(text)[0]).toMatch(/^绿灯：按序时推进或已完成/);
    expect(
      notes.some(
        (block) =>
          block.kind === "paragraph" &&
          block.runs.some((run) => run.bold && run.text === "序时进度"),
      ),
    ).toBe(true);
    expect(runsOf("**A** b **C**")).toEqual([
      { text: "A", bold: true },
      { text: " b ", bold: false },
      { text: "C", bold: true },
    ]);
  });

  it("lists the data's corrections and values to check among the notes, each at its row", async () => {
    const targets = await readTargets(["test/fixtures/rows/targets"]);
    const data = await readData(["test/fixtures/rows/corrections"], targets.targets);
    const model = buildReport(targets.targets, data.observations, {
      asOf: day("2022-03-31"),
      warnings: data.problems,
    });
    const notice = buildNotice(model, { labels: labelsFor("zh"), issue: null });
    const paragraphs = notice.blocks.map(text);
    const lead = paragraphs.indexOf("数据提示：更正与需核实的数值");
    expect(lead).toBeGreaterThan(paragraphs.indexOf("四、说明" as never));
    expect(paragraphs[lead + 1]).toMatch(
      /^test\/fixtures\/rows\/corrections\/2022-03-更正\.csv:2:1: invest 在 2022-03-31 的更正值 40 取代了 test\/fixtures\/rows\/corrections\/2022-03\.csv:3 的 36$/,
    );
    const plain = buildNotice(await fixtureModel(), { labels: labelsFor("zh"), issue: null });
    expect(plain.blocks.map(text)).not.toContain("数据提示：更正与需核实的数值");
  });
});

describe("the department's note in the notice", () => {
  const targets = targetsFrom(`
year: 2022
targets:
  - { id: invest, title: 固投亿元以上项目, owner: 发改局, target: 130, unit: 个 }
  - { id: rate, title: 开工率, owner: 经信局, target: 85, unit: "%" }
`);
  const model = (note: string) => {
    const data = readCsvTexts(
      [
        {
          file: "a.csv",
          chunks: [`target,date,value,备注\ninvest,2022-03-31,20,"${note}"\nrate,2022-03-31,30,\n`],
        },
      ],
      targets,
    );
    return buildReport(targets, data.observations, { asOf: day("2022-03-31") });
  };

  it("stands on a line of its own in the target's cell of 二、红灯和黄灯指标, escaped in the XML", async () => {
    const report = model("更正：含续建 <项目> & 新开工");
    const notice = buildNotice(report, { labels: labelsFor("zh"), issue: null });
    // invest: 20 against E(03-31) = 39, red; rate: 30 against 25.5, green, and no note.
    expect(tables(notice.blocks)[1]?.rows.map((row) => row[0])).toEqual([
      "固投亿元以上项目\n备注：更正：含续建 <项目> & 新开工",
    ]);
    const english = buildNotice(report, { labels: labelsFor("en"), issue: null });
    expect(tables(english.blocks)[1]?.rows[0]?.[0]).toBe(
      "固投亿元以上项目\nRemarks: 更正：含续建 <项目> & 新开工",
    );
    const bytes = await renderReportDocx(report, {
      labels: labelsFor("zh"),
      charts: false,
      byOwner: false,
      issue: null,
    });
    const document = docxFiles(bytes).get("word/document.xml") ?? "";
    expect(document).toContain(">备注：更正：含续建 &lt;项目&gt; &amp; 新开工</w:t>");
  });
});

/** The files of a .docx by path, as text. */
function docxFiles(bytes: Uint8Array): Map<string, string> {
  const decoder = new TextDecoder();
  return new Map(
    Object.entries(unzipSync(bytes)).map(([path, data]) => [path, decoder.decode(data)]),
  );
}

describe("the Word file: GB/T 9704-2012 in its XML", () => {
  const render = async (lang: "zh" | "en" = "zh") =>
    renderReportDocx(await fixtureModel({ title: "月度亮晒 <&>", office: "XX县督查室" }), {
      labels: labelsFor(lang),
      charts: false,
      byOwner: false,
      issue: 7,
    });

  it("A4 with margins top 37 mm, bottom 35, left 28, right 26, and 22 lines a page", async () => {
    const document = docxFiles(await render()).get("word/document.xml") ?? "";
    // 1 mm = 1440 ÷ 25.4 twips: 210 mm = 11906, 297 mm = 16838, 37 mm = 2098, 35 mm = 1984,
    // 28 mm = 1587, 26 mm = 1474; 225 mm ÷ 22 lines = 580 twips (28.9 pt).
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(document).toMatch(
      /<w:docGrid w:type="lines" w:linePitch="580"\/>|<w:docGrid w:linePitch="580" w:type="lines"\/>/,
    );
  });

  it("the title in 2号 小标宋, the body in 3号 仿宋, headings in 黑体, tables in 4号", async () => {
    const files = docxFiles(await render());
    const document = files.get("word/document.xml") ?? "";
    const styles = files.get("word/styles.xml") ?? "";
    // The body's default: 仿宋_GB2312, 16 pt = 32 half-points, on the 580-twip line.
    expect(styles).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/,
    );
    // The title, escaped: 方正小标宋简体 at 22 pt = 44 half-points.
    expect(document).toMatch(
      /<w:rFonts [^>]*w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/><w:szCs w:val="44"\/><\/w:rPr><w:t xml:space="preserve">月度亮晒 &lt;&amp;&gt;<\/w:t>/,
    );
    expect(document).toMatch(
      /w:eastAsia="黑体"[^>]*\/><\/w:rPr><w:t xml:space="preserve">一、总体情况</,
    );
    // A table cell: 14 pt = 28 half-points.
    expect(document).toMatch(/<w:tc>.*?<w:sz w:val="28"\/>.*?<\/w:tc>/);
    // Each font names the one to take in its place: 宋体 for 小标宋, 仿宋 for 仿宋_GB2312.
    const fonts = files.get("word/fontTable.xml") ?? "";
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
  });

  it("page numbers — 1 — at the foot: odd pages right, even pages left", async () => {
    const files = docxFiles(await render());
    const document = files.get("word/document.xml") ?? "";
    expect(document).toMatch(
      /<w:footerReference w:type="default" r:id="(\w+)"\/><w:footerReference w:type="even"/,
    );
    expect(files.get("word/settings.xml")).toContain("<w:evenAndOddHeaders/>");
    const footers = [...files].filter(([path]) => /^word\/footer\d\.xml$/.test(path));
    const numbers = footers.map(([, xml]) => [
      /<w:jc w:val="(\w+)"\/>/.exec(xml)?.[1],
      xml.replace(/<[^>]+>/g, "").replace(/PAGE/, "#"),
    ]);
    expect(numbers).toEqual(
      expect.arrayContaining([
        ["right", expect.stringMatching(/^— .*—$/)],
        ["left", expect.stringMatching(/^— .*—$/)],
      ]),
    );
    for (const [, xml] of footers) expect(xml).toContain("PAGE");
  });

  it("the same report gives the same bytes, whatever the clock and the time zone", async () => {
    const first = await render();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await render();
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // Every file in the zip is dated 1980-01-01 00:00, in any time zone: each local header
    // (PK\x03\x04) holds the DOS time 0 at offset 10 and the DOS date (0 << 9 | 1 << 5 | 1) = 33
    // at offset 12.
    const view = Buffer.from(first);
    const dates: number[][] = [];
    for (
      let at = view.indexOf("PK\x03\x04", 0, "latin1");
      at !== -1;
      at = view.indexOf("PK\x03\x04", at + 4, "latin1")
    )
      dates.push([view.readUInt16LE(at + 10), view.readUInt16LE(at + 12)]);
    expect(dates.length).toBe(docxFiles(first).size);
    expect(new Set(dates.map(String))).toEqual(new Set(["0,33"]));
    const core = docxFiles(first).get("docProps/core.xml") ?? "";
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2022-03-31T00:00:00Z</dcterms:created>',
    );
    expect(core).toContain("<dc:title>月度亮晒 &lt;&amp;&gt;</dc:title>");
  });

  it("in English too", async () => {
    const document = docxFiles(await render("en")).get("word/document.xml") ?? "";
    const words = document.replace(/<[^>]+>/g, "");
    for (const part of [
      "No. 7",
      "31 March 2022",
      "1. Overview",
      "2. Red and yellow targets",
      "3. The owners' scores and places",
      "4. Notes",
    ])
      expect(words).toContain(xmlText(part));
  });
});

describe("a Word document is a file, not text", () => {
  const context = (isTTY: boolean) =>
    ({ stdout: { isTTY, write: () => true } }) as unknown as Parameters<
      typeof checkBinaryOutput
    >[3];
  const docx = { binary: true, extension: ".docx" };

  it("is refused on a terminal without -o, with the way to write it", async () => {
    const message = await usageMessage(() =>
      checkBinaryOutput(docx, "docx", undefined, context(true)),
    );
    expect(message).toBe(
      "--format docx is a file, not text for a terminal: write it with -o, like -o report.docx",
    );
  });

  it("goes to -o, or into a pipe; text formats go anywhere", () => {
    expect(() => checkBinaryOutput(docx, "docx", "n.docx", context(true))).not.toThrow();
    expect(() => checkBinaryOutput(docx, "docx", undefined, context(false))).not.toThrow();
    expect(() =>
      checkBinaryOutput({ extension: ".md" }, "markdown", undefined, context(true)),
    ).not.toThrow();
  });
});

describe("a growth target in the notice (SPEC 2.4)", () => {
  it("shows G against its bound after slack, behind by points, not against a schedule", async () => {
    const targets = await readTargets(["examples/work-report/targets"]);
    const data = await readData(["examples/work-report/data"], targets.targets);
    expect([...targets.problems, ...data.problems]).toEqual([]);
    const model = buildReport(targets.targets, data.observations, {
      asOf: day("2023-07-25"),
      office: null,
      title: null,
    });
    const notice = buildNotice(model, { labels: labelsFor("zh"), issue: null });
    const rows = tables(notice.blocks).flatMap((table) => table.rows);
    // 规上工业增加值增长10%以上: G = 9.1 at 06-30, b = 10, S = 0.9 ≤ tolerance 1 → yellow.
    const industry = rows.find((row) => row[0]?.startsWith("规上工业增加值增长"));
    expect(industry?.slice(3, 6)).toEqual(["累计增长 9.1%", "边界 ≥ 10%", "0.9 个百分点"]);
  });
});
