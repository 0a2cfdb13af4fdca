/**
 * The HTML report (src/render/html.ts) as text: built from the report model, every input text
 * escaped, nothing fetched, a CSP whose hashes are those of the page's own style and script, the
 * same bytes in every time zone. test/browser.test.ts opens it in Chromium.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/core/report-model.js";
import { labelsFor } from "../../src/i18n/language.js";
import { readData, readTargets } from "../../src/io/read-inputs.js";
import { renderReportHtml } from "../../src/render/report-html.js";
import { day } from "../helpers.js";
import { REPORT_FIXTURE as FIXTURE, runKpi } from "../run-kpi.js";

async function fixturePage(language: "en" | "zh" = "en", allHistories = true) {
  const targets = await readTargets(["test/fixtures/report/targets"]);
  const data = await readData(["test/fixtures/report/data"], targets.targets);
  const model = buildReport(targets.targets, data.observations, {
    asOf: day("2022-03-31"),
    allHistories,
  });
  return { model, html: renderReportHtml(model, { labels: labelsFor(language) }) };
}

/** Every start tag of the page: `<name attributes…>`. Input text is escaped, so it makes none. */
function startTags(html: string): string[] {
  return html.match(/<[a-zA-Z][^>]*>/g) ?? [];
}

function attributeValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, "g"))].map((match) => match[1] ?? "");
}

describe("the page", () => {
  it("has a CSP allowing only its own style and script, by their SHA-256", async () => {
    const { html } = await fixturePage();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    const hash = (text: string) => createHash("sha256").update(text).digest("base64");
    expect(csp).toBe(
      `default-src 'none'; style-src 'sha256-${hash(style)}'; script-src 'sha256-${hash(script)}'; base-uri 'none'; form-action 'none'`,
    );
    // The CSP comes before the style and script it governs.
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<style>"));
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<style/g)).toHaveLength(1);
  });

  it("fetches nothing and has no inline handler, style attribute or URL but its own anchors", async () => {
    const { html } = await fixturePage();
    for (const tag of startTags(html)) {
      expect(tag).not.toMatch(/\s(on[a-z]+|style|src|srcset|action|formaction)=/i);
    }
    for (const href of attributeValues(html, "href")) expect(href).toMatch(/^#[a-z0-9-]+$/);
    // The SVG namespace is a name, not a request.
    expect(
      attributeValues(html, "xmlns").every((value) => value === "http://www.w3.org/2000/svg"),
    ).toBe(true);
    expect(html).not.toMatch(/url\(|@import|<link|<img|<iframe|<object/);
  });

  it("escapes every text from the inputs", async () => {
    const { html } = await fixturePage();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<b>bold</b>");
    expect(html).toContain("Rank &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Two\nlines &lt;b&gt;bold&lt;/b&gt; [link](http://example.com)");
    // The markdown link stays text: no anchor points anywhere but into the page.
    expect(html).not.toContain('href="http');
    expect(html).toContain('<option value="o1">Beta|B</option>');
  });

  it("refers to owners by number and to targets by position, never by their text", async () => {
    const { html, model } = await fixturePage();
    const owners = new Set(attributeValues(html, "data-owners").flatMap((v) => v.split(" ")));
    expect([...owners].sort()).toEqual(["none", "o0", "o1", "o2", "o3", "o4"]);
    // Every link points at a card that exists.
    const ids = new Set(attributeValues(html, "id"));
    for (const href of attributeValues(html, "href")) expect(ids.has(href.slice(1))).toBe(true);
    expect(attributeValues(html, "data-target")).toEqual(
      model.results.map((result) => result.target.id),
    );
  });

  it("shows every target once as a card, and a chart for every progress and level target", async () => {
    const { html, model } = await fixturePage();
    const cards = attributeValues(html, "data-target");
    expect(new Set(cards).size).toBe(cards.length);
    expect(cards).toHaveLength(model.summary.total);
    const charted = model.results.filter(
      ({ target, bounds }) =>
        target.kind === "progress" ||
        (target.kind === "level" &&
          target.year !== null &&
          (bounds?.min !== null || bounds?.max !== null)),
    );
    expect(html.match(/<svg class="chart"/g)).toHaveLength(charted.length);
    // A level target's chart is its band: one per level target.
    const levels = charted.filter(({ target }) => target.kind === "level").length;
    expect(html.match(/<rect class="band"/g) ?? []).toHaveLength(levels);
    // a.pipe is green and was charted only because every history was asked for.
    expect(model.histories.get("a.pipe")?.length).toBeGreaterThan(0);
    expect((await fixturePage("en", false)).model.histories.has("a.pipe")).toBe(false);
  });

  it.each([
    ["en", "en", "Status report as of 2022-03-31", "Needs attention: red and yellow targets"],
    ["zh", "zh-CN", "指标进展情况通报（截至 2022-03-31）", "亮灯警示：红灯和黄灯指标"],
  ] as const)("speaks %s, with lang=%s on <html>", async (language, lang, title, heading) => {
    const { html } = await fixturePage(language);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(`<title>${title}</title>`);
    expect(html).toContain(`>${heading}</h2>`);
  });

  it("has the parts of the markdown report, in its order", async () => {
    const { html } = await fixturePage();
    const headings = [...html.matchAll(/<h2 id="([a-z]+)-h">/g)].map((match) => match[1]);
    expect(headings).toEqual([
      "followup",
      "chase",
      "attention",
      "year",
      "targets",
      "owners",
      "due",
      "changes",
      "notes",
    ]);
    // Red and yellow first, with the expected value (序时进度) and the gap.
    const attention = /<table class="attention">[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
    expect(attention.match(/<tr data-status="(red|yellow)"/g)).toHaveLength(3);
    expect(attention).toContain('<td data-label="Behind by">4.66</td>');
    expect(attention).toContain('<td data-label="Expected">24.66</td>');
  });
});

describe("the follow-up list, the chase list and the year at a glance on the page", () => {
  it("the year: a row per target linking to its card, a coloured cell with its symbol per month-end", async () => {
    const { html, model } = await fixturePage();
    const year = /<table class="year">[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
    expect([...year.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((match) => match[1])).toEqual([
      "Target",
      "Jan",
      "Feb",
      "Mar",
    ]);
    const rows = year.match(/<tr data-status=[^>]*><th scope="row"><a href="#t\d+">/g) ?? [];
    expect(rows).toHaveLength(model.results.length);
    // a.level (Rank <script>…) is green in January and February and red in March; the symbol
    // is in the cell, so that the page reads in black and white.
    const level = /<tr[^>]*><th scope="row"><a href="#t2">Rank &lt;script&gt;[\s\S]*?<\/tr>/.exec(
      year,
    )?.[0];
    expect(level?.match(/<td class="y-(\w+)"[^>]*><span aria-hidden="true">(.)<\/span>/g)).toEqual([
      '<td class="y-green" title="2022-01-31: green: within bounds"><span aria-hidden="true">✔</span>',
      '<td class="y-green" title="2022-02-28: green: within bounds"><span aria-hidden="true">✔</span>',
      '<td class="y-red" title="2022-03-31: red: outside bounds"><span aria-hidden="true">✖</span>',
    ]);
  });

  it("the chase list: one plain line a report, under its owner, filtered by owner only", async () => {
    const { html } = await fixturePage("zh");
    const chase = /<div class="chase">[\s\S]*?<\/div>/.exec(html)?.[0] ?? "";
    // a.nodata (Delta, the fourth owner) has no row: its February report was due by 03-10, and on
    // T = 03-31 it is 31 − 10 = 21 days overdue.
    expect(chase).toContain(
      '<section class="chase-owner" data-owners="o3"><h3>Delta</h3><ul><li>Delta：请尽快报送 No data yet 2022-02-28 数据（应于 03-10 前报送，已逾期 21 天）</li></ul></section>',
    );
    expect(chase).not.toContain("data-status");
    expect(html).toContain("<p>没有连续两期及以上亮红灯的指标。</p>");
  });
});

describe("kpi report --format html", () => {
  it("writes the page with -o, and the same bytes in every time zone", () => {
    const out = join(mkdtempSync(join(tmpdir(), "kpi-")), "status.html");
    const run = runKpi(["report", ...FIXTURE, "--format", "html", "-o", out]);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    const page = readFileSync(out, "utf8");
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    for (const TZ of ["Pacific/Kiritimati", "America/Los_Angeles", "UTC"]) {
      expect(runKpi(["report", ...FIXTURE, "-f", "html"], { env: { TZ } }).stdout).toBe(page);
    }
  });

  it("takes --lang and KPI_LANG like the markdown report", () => {
    const zh = runKpi(["report", ...FIXTURE, "-f", "html", "--lang", "zh"]).stdout;
    expect(zh).toContain('<html lang="zh-CN">');
    expect(runKpi(["report", ...FIXTURE, "-f", "html"], { env: { KPI_LANG: "zh" } }).stdout).toBe(
      zh,
    );
  });
});
