// The picture of the status page in the README (docs/status-page.png): the bundled example's page
// in Chinese, made by the built CLI (`kpi report --format html --lang zh`) and photographed by
// Debian's Chromium through playwright-core, as test/e2e/browser.test.ts opens it.
// Usage: npm run build && node scripts/screenshot.js [--out docs/status-page.png]
// Needs /usr/bin/chromium and a CJK font (apt-get install chromium fonts-noto-cjk).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values: options } = parseArgs({
  options: {
    out: { type: "string", default: "docs/status-page.png" },
    width: { type: "string", default: "1100" },
    height: { type: "string", default: "900" },
  },
});
const repo = resolve(import.meta.dirname, "..");
const CHROMIUM = "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  console.error(`no Chromium at ${CHROMIUM}: apt-get install chromium fonts-noto-cjk`);
  process.exit(1);
}
if (!existsSync(join(repo, "dist", "kpi.cjs"))) {
  console.error("no dist/kpi.cjs: run npm run build first");
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "kpi-screenshot-"));
try {
  const page = join(work, "status.html");
  // The bundled example from the repository's folder, with its kpi.yaml, as the README runs it.
  const run = spawnSync(
    process.execPath,
    [join(repo, "bin", "kpi.js"), "report", "--format", "html", "--lang", "zh", "-o", page],
    { cwd: repo, encoding: "utf8", env: { ...process.env, TZ: "Asia/Shanghai" } },
  );
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(1);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: Number(options.width), height: Number(options.height) },
      locale: "zh-CN",
    });
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(page).href, { waitUntil: "load" });
    const out = resolve(repo, options.out);
    await tab.screenshot({ path: out });
    console.log(`wrote ${options.out} (${options.width} × ${options.height})`);
  } finally {
    await browser.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
