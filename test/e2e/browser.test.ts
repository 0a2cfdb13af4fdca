/**
 * The HTML report of the bundled example in a real browser: Debian's Chromium driven by
 * playwright-core. The page is made by the built CLI and opened from disk; every target is shown
 * once, the filters hide and show the right rows, the page works without its script, nothing is
 * fetched and nothing is logged as an error (a CSP violation would be), it fits a phone and A4
 * paper. Screenshots and the PDF are left in test/output/ (git-ignored) to be looked at.
 *
 * Skipped, with a message, only where no Chromium is installed; in CI (CI=true), where .ci/run
 * installs it, a missing Chromium fails the run instead.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, runExample } from "../run-kpi.js";

/** The browser globals that functions run in the page use (the tsconfig has no DOM library). */
declare const document: {
  documentElement: { clientWidth: number; scrollWidth: number };
  querySelectorAll(selector: string): ArrayLike<{
    tagName: string;
    className: unknown;
    getBoundingClientRect(): { right: number };
  }>;
};
declare function getComputedStyle(element: unknown): { breakBefore: string };

const CHROMIUM = "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) {
  const message = `no Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk)`;
  if (process.env.CI) throw new Error(`browser tests cannot run in CI: ${message}`);
  console.warn(`test/browser.test.ts is skipped: ${message}`);
}

const OUTPUT = join(REPO, "test", "output");
/** The printable width of A4 portrait with the page's 12 mm margins, in CSS pixels (96 per inch). */
const A4_CONTENT_WIDTH = Math.floor(((210 - 2 * 12) / 25.4) * 96);

interface JsonResult {
  id: string;
  status: string;
  kind: string;
  owner: string[];
}

/** The example's results as `kpi check` sees them: what the page must show. */
function exampleResults(): JsonResult[] {
  return JSON.parse(runExample(["check", "-f", "json"]).stdout).results;
}

/** Write the example's page with the built CLI, as a user would. */
function writePage(language: "en" | "zh", asOf?: string): string {
  mkdirSync(OUTPUT, { recursive: true });
  const file = join(OUTPUT, `status.${language}${asOf === undefined ? "" : `.${asOf}`}.html`);
  const run = runExample([
    "report",
    "--format",
    "html",
    "--lang",
    language,
    ...(asOf === undefined ? [] : ["--as-of", asOf]),
    "-o",
    file,
  ]);
  expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
  return file;
}

/** A page that records every request and every error the browser reports. */
async function openPage(
  browser: Browser,
  file: string,
  options: { width?: number; height?: number; javaScriptEnabled?: boolean } = {},
) {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("requestfailed", (request) => errors.push(`request failed: ${request.url()}`));
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  // CSP violations are reported on the console as errors.
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      errors.push(`console ${message.type()}: ${message.text()}`);
  });
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: "load" });
  return { page, requests, errors, url, close: () => context.close() };
}

/** The ids of the cards that are shown, in page order. */
async function visibleCards(page: Page): Promise<string[]> {
  return page
    .locator("[data-target]:visible")
    .evaluateAll((cards) => cards.map((card) => card.getAttribute("data-target") ?? ""));
}

/** Elements wider than the page: their right edge past the viewport's width. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = Array.from(document.querySelectorAll("body *"))
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className)}`);
    if (document.documentElement.scrollWidth > width) wide.push("document");
    return wide;
  });
}

describe.skipIf(!HAVE_CHROMIUM)("the HTML report in Chromium", () => {
  let browser: Browser;
  let results: JsonResult[];
  const files = { en: "", zh: "", late: "", december: "" };

  beforeAll(async () => {
    results = exampleResults();
    files.en = writePage("en");
    files.zh = writePage("zh");
    // A late report to chase; and every month-end of the year, the widest year at a glance.
    files.late = writePage("zh", "2022-07-12");
    files.december = writePage("en", "2022-12-31");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // No sandbox (CI runs as root); no background connections to Google's services, which
      // this machine's closed network refuses, and which would show as failed requests.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(["zh", "en"] as const)(
    "shows every target once with its badge, and a chart for each progress and level target (%s)",
    async (language) => {
      const { page, requests, errors, url, close } = await openPage(browser, files[language]);
      const ids = results.map((result) => result.id);
      expect(await visibleCards(page)).toEqual(ids);
      for (const result of results) {
        const card = page.locator(`[data-target="${result.id}"]`);
        await expect(card.locator(".badge").first().getAttribute("class")).resolves.toBe(
          `badge b-${result.status}`,
        );
        // A level target of the example's year is charted against the band of its bounds.
        const charted = result.kind === "progress" || result.kind === "level";
        expect(await card.locator("svg.chart").count()).toBe(charted ? 1 : 0);
      }
      expect(await page.getAttribute("html", "lang")).toBe(language === "zh" ? "zh-CN" : "en");
      // The script ran under the CSP: it showed the controls and counted the cards.
      await expect(page.locator("#controls").isVisible()).resolves.toBe(true);
      expect(await page.textContent("#f-shown")).toBe(
        language === "zh" ? "显示 20 / 20 项指标" : "20 of 20 targets shown",
      );
      await page.screenshot({ path: join(OUTPUT, `status.${language}.png`), fullPage: true });
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      await close();
    },
  );

  it("filters by status and by owner, and sorts, hiding and showing the right rows", async () => {
    const { page, errors, close } = await openPage(browser, files.zh);
    const ids = (keep: (result: JsonResult) => boolean) =>
      results.filter(keep).map((result) => result.id);
    const attentionRows = () => page.locator("#attention tbody tr:visible").count();

    await page.uncheck("#f-green");
    expect(await visibleCards(page)).toEqual(ids((result) => result.status !== "green"));
    await page.uncheck("#f-yellow");
    await page.uncheck("#f-grey");
    expect(await visibleCards(page)).toEqual(ids((result) => result.status === "red"));
    expect(await attentionRows()).toBe(4);
    expect(await page.textContent("#f-shown")).toBe("显示 4 / 20 项指标");
    // A section with no red target is hidden whole, heading and all.
    const shownGroups = await page.locator(".group:visible").count();
    expect(shownGroups).toBeLessThan(await page.locator(".group").count());

    for (const status of ["green", "yellow", "grey"]) await page.check(`#f-${status}`);
    expect(await visibleCards(page)).toEqual(ids(() => true));
    expect(await attentionRows()).toBe(
      ids((result) => result.status === "red" || result.status === "yellow").length,
    );

    await page.selectOption("#f-owner", { label: "经信局" });
    expect(await visibleCards(page)).toEqual(ids((result) => result.owner.includes("经信局")));
    expect(await page.locator(".owner:visible h3").allTextContents()).toEqual(["经信局"]);
    await page.selectOption("#f-owner", "");
    expect(await visibleCards(page)).toHaveLength(results.length);

    // Worst first within each section, file order among equals; back to file order.
    await page.selectOption("#f-sort", "status");
    const rank: Record<string, number> = { red: 0, yellow: 1, grey: 2, green: 3 };
    const firstSection = page.locator(".group").first().locator("[data-target]");
    const statuses = await firstSection.evaluateAll((cards) =>
      cards.map((card) => card.getAttribute("data-status") ?? ""),
    );
    expect(statuses).toEqual([...statuses].sort((a, b) => (rank[a] ?? 9) - (rank[b] ?? 9)));
    expect(statuses[0]).toBe("red");
    await page.selectOption("#f-sort", "order");
    expect(await visibleCards(page)).toEqual(ids(() => true));
    expect(errors).toEqual([]);
    await close();
  });

  it("without script shows the whole page and no dead controls", async () => {
    const { page, errors, close } = await openPage(browser, files.zh, { javaScriptEnabled: false });
    expect(await visibleCards(page)).toHaveLength(results.length);
    expect(await page.locator("#controls").isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await close();
  });

  it("shows the follow-up list, the chase list and the year at a glance, and filters them by owner", async () => {
    const { page, errors, close } = await openPage(browser, files.late);
    // Red at 07-12 and at the month-ends before it: 征迁 since March (its deadline), 老旧园区 since May.
    expect(await page.locator("#followup tbody tr").count()).toBe(2);
    await expect(page.locator("#followup tbody tr").first().textContent()).resolves.toContain(
      "连续 4 个月红灯",
    );
    expect(await page.locator("#chase li").allTextContents()).toEqual([
      "科技局：请尽快报送 研发投入强度 2022-06-30 数据（应于 07-10 前报送，已逾期 2 天）",
      "自然资源和规划局：请尽快报送 存量土地供应 2022-06-30 数据（应于 07-10 前报送，已逾期 2 天）",
    ]);
    const year = page.locator("table.year");
    expect(await year.locator("thead th").allTextContents()).toEqual([
      "指标",
      ...["1", "2", "3", "4", "5", "6"].map((month) => `${month}月`),
    ]);
    expect(await year.locator("tbody tr").count()).toBe(results.length);
    // Every cell carries its symbol, and a status word for screen readers.
    const cells = await year
      .locator("td")
      .evaluateAll((tds) => tds.map((td) => td.querySelector("span")?.textContent ?? ""));
    expect(cells).toHaveLength(results.length * 6);
    expect(new Set(cells)).toEqual(new Set(["✔", "▲", "✖", "○"]));

    await page.selectOption("#f-owner", { label: "科技局" });
    expect(await page.locator("#chase li:visible").allTextContents()).toEqual([
      "科技局：请尽快报送 研发投入强度 2022-06-30 数据（应于 07-10 前报送，已逾期 2 天）",
    ]);
    expect(await year.locator("tbody tr:visible").count()).toBe(
      results.filter((result) => result.owner.includes("科技局")).length,
    );
    expect(await page.locator("#followup tbody tr:visible").count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it.each(["zh", "december"] as const)("fits a phone's width (%s)", async (name) => {
    const { page, close } = await openPage(browser, files[name], { width: 390, height: 844 });
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, `status.${name}.phone.png`), fullPage: true });
    await close();
  });

  it("prints the twelve month-ends of the year on A4 portrait, nothing wider than the page", async () => {
    const { page, errors, close } = await openPage(browser, files.december, {
      width: A4_CONTENT_WIDTH,
    });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("table.year thead th").count()).toBe(13);
    expect(await overflowing(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it("prints on A4 portrait: nothing wider than the page, a page break before each part", async () => {
    const { page, errors, close } = await openPage(browser, files.zh, {
      width: A4_CONTENT_WIDTH,
    });
    await page.emulateMedia({ media: "print" });
    expect(await overflowing(page)).toEqual([]);
    expect(await page.locator("#controls").isVisible()).toBe(false);
    const breaks = await page
      .locator("main > section")
      .evaluateAll((sections) =>
        sections.map((section) => [section.id, getComputedStyle(section).breakBefore]),
      );
    // The follow-up and chase lists, the red and yellow targets and the year at a glance follow
    // one another from the first page.
    expect(breaks).toEqual([
      ["followup", "auto"],
      ["chase", "auto"],
      ["attention", "auto"],
      ["year", "auto"],
      ["targets", "page"],
      ["owners", "page"],
      // Short parts follow on: a page of one sentence ("no milestone is due") is paper wasted.
      ["due", "auto"],
      ["changes", "auto"],
      ["notes", "auto"],
    ]);
    const pdf = join(OUTPUT, "status.zh.pdf");
    await page.pdf({ path: pdf, format: "A4", preferCSSPageSize: true });
    const pages = readFileSync(pdf, "latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(4);
    expect(errors).toEqual([]);
    await close();
  });

  it("printed by Chromium to A4: no word broken in the narrow columns, no page of one sentence", () => {
    const pdf = join(OUTPUT, "status.zh.printed.pdf");
    const print = spawnSync(
      CHROMIUM,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-pdf-header-footer",
        `--print-to-pdf=${pdf}`,
        pathToFileURL(files.zh).href,
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(print.status, print.stderr).toBe(0);
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const pageText = (page: number) =>
      spawnSync(
        "pdftotext",
        ["-enc", "UTF-8", "-layout", "-f", String(page), "-l", String(page), pdf, "-"],
        { encoding: "utf8" },
      ).stdout;
    const texts = Array.from({ length: pages }, (_, index) => pageText(index + 1));
    // The head, the follow-up and chase lists, the red and yellow targets and the year at a
    // glance (two pages), the cards by section (six), the owners (three), then what is due, the
    // changes and the notes together (one).
    expect(pages).toBe(12);
    for (const [index, text] of texts.entries())
      expect(
        text.split("\n").filter((line) => line.trim() !== "").length,
        `page ${index + 1}`,
      ).toBeGreaterThan(5);
    const all = texts.join("\n");
    // The narrow columns' headers and values whole: "序时进度", not "序时进" / "度"; "5120 亩".
    const head = all.split("\n").find((line) => line.includes("每月需完成")) ?? "";
    for (const word of ["序时进度", "滞后量", "下一节点", "剩余天数", "每月需完成", "说明"])
      expect(head).toContain(word);
    expect(all).toMatch(/5120 +亩 +5400 +亩 +280 +亩/);
    expect(all).not.toMatch(/序时进\s*\n|未完\s*\n|严重\s*\n/);
    // An id breaks after a dot or a hyphen, never inside a word.
    expect(all).toMatch(/demolition-\s*holdouts/);
    expect(all).not.toMatch(/[a-z]{2}\n\s*[a-z]{2}/);
    expect(all).toContain("2022-09-30");
  });
});
