/**
 * The monthly notice as a real program opens it: the built CLI writes the bundled example's
 * notice (`kpi report --format docx`, or `-o x.docx` alone), LibreOffice converts it to PDF
 * headless, and poppler's pdftotext and pdfinfo read the PDF back: the head, the four parts, every
 * red and yellow target, the counts, the page numbers, A4. The PDFs are left in test/output/
 * (git-ignored) to be looked at.
 *
 * Skipped, with a message, only where LibreOffice or poppler-utils is missing; in CI (CI=true),
 * where .ci/run installs them, a missing program fails the run instead.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, runExample } from "../run-kpi.js";

const has = (program: string) => spawnSync("sh", ["-c", `command -v ${program}`]).status === 0;
const MISSING = ["soffice", "pdftotext", "pdfinfo"].filter((program) => !has(program));
if (MISSING.length > 0) {
  const message = `${MISSING.join(", ")} not found (apt-get install libreoffice-writer-nogui poppler-utils)`;
  if (process.env.CI) throw new Error(`the notice tests cannot run in CI: ${message}`);
  console.warn(`test/e2e/notice.test.ts is skipped: ${message}`);
}

const OUTPUT = join(REPO, "test", "output");
/** LibreOffice's profile: its own, so that a test never meets a running office or a user's settings. */
const PROFILE = mkdtempSync(join(tmpdir(), "kpi-soffice-"));
afterAll(() => rmSync(PROFILE, { recursive: true, force: true }));

interface JsonResult {
  id: string;
  title: string;
  status: string;
}

/** Convert a .docx to PDF with LibreOffice; the PDF's text (pdftotext) and its pdfinfo. */
function convert(docx: string): { text: string; layout: string; info: string } {
  const run = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${PROFILE}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      OUTPUT,
      docx,
    ],
    { encoding: "utf8", env: { ...process.env, HOME: PROFILE } },
  );
  const pdf = docx.replace(/\.docx$/, ".pdf");
  expect({ status: run.status, pdf: existsSync(pdf) }, run.stderr).toEqual({
    status: 0,
    pdf: true,
  });
  // -raw: the text in the order LibreOffice wrote it, a table cell's lines one after another.
  const text = spawnSync("pdftotext", ["-enc", "UTF-8", "-raw", pdf, "-"], { encoding: "utf8" });
  // With -layout, a table row whose cells each hold one line is one line of text.
  const layout = spawnSync("pdftotext", ["-enc", "UTF-8", "-layout", pdf, "-"], {
    encoding: "utf8",
  });
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
  expect([text.status, layout.status, info.status]).toEqual([0, 0, 0]);
  return { text: text.stdout, layout: layout.stdout, info: info.stdout };
}

/** Text without its white space: a cell's words wrap onto lines of their own. */
const squeezed = (text: string) => text.replace(/\s+/g, "");

describe.skipIf(MISSING.length > 0)("the notice in LibreOffice (kpi report --format docx)", () => {
  mkdirSync(OUTPUT, { recursive: true });

  it("the bundled example in Chinese: head, parts, every red and yellow target, counts, A4, page numbers", () => {
    const file = join(OUTPUT, "notice.zh.docx");
    rmSync(file, { force: true });
    // -o with .docx makes a Word file without --format.
    const run = runExample(["report", "--lang", "zh", "--issue", "7", "-o", file]);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    const results: JsonResult[] = JSON.parse(runExample(["check", "-f", "json"]).stdout).results;
    const { text, layout, info } = convert(file);
    const flat = squeezed(text);
    // kpi.yaml: office XX县人民政府督查室, title 县政府重点工作月度亮晒; the as-of date 2022-06-30.
    for (const words of [
      "第 7 期",
      "XX县人民政府督查室",
      "2022年6月30日",
      "县政府重点工作月度亮晒",
      // kpi.yaml's notice, under the title.
      "（示例数据，非官方统计）",
      "一、总体情况",
      "二、红灯和黄灯指标",
      "三、各单位得分排名",
      "四、说明",
      // 20 targets: 12 green, 3 yellow, 4 red, 1 grey (kpi check's summary).
      "纳入监测的 20 项指标中，绿灯 12 项，黄灯 3 项，红灯 4 项，无数据 1 项。",
      // The follow-up list (红 4 months running) and the chase list, with its days overdue.
      "连续 4 个月红灯",
      "科技局：请尽快报送 研发投入强度 2022-05-31 数据（应于 06-10 前报送，已逾期 20 天）",
    ])
      expect(flat).toContain(squeezed(words));
    expect(flat).toContain("合计2043112");
    // The table's last row: the whole, 20 = 4 red + 3 yellow + 1 grey + 12 green.
    expect(layout).toMatch(/合计\s+20\s+4\s+3\s+1\s+12\n/);
    // The attention table's numbers (a cell's words may wrap, so each number alone): 老旧园区
    // 5120 亩 against 5400 亩, 280 behind, (5775 − 5120) ÷ 3 = 218.33 a month; 经开区 33rd, ≤ 30;
    // the start rate 55% against 60%, (85 − 55) ÷ 3 = +10% a month.
    for (const number of [
      "5120",
      "5400",
      "280",
      "+218.",
      "5775",
      "33位",
      "≤30",
      "55%",
      "60%",
      "+10%",
    ])
      expect(flat).toContain(number);
    const flagged = results.filter(
      (result) => result.status === "red" || result.status === "yellow",
    );
    expect(flagged.length).toBe(7);
    for (const result of flagged) expect(flat).toContain(squeezed(result.title));
    // The parts in order.
    const order = ["一、总体情况", "二、红灯和黄灯指标", "三、各单位得分排名", "四、说明"].map(
      (heading) => flat.indexOf(heading),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // A4 (595.3 × 841.9 pt), more than one page, each numbered — N — at its foot.
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`— ${page} —`);
  });

  it("in English, written to a pipe with --format docx", () => {
    const file = join(OUTPUT, "notice.en.docx");
    const run = spawnSync(
      process.execPath,
      [join(REPO, "bin", "kpi.js"), "report", "--format", "docx", "--lang", "en"],
      { cwd: REPO, env: { ...process.env, NO_COLOR: "1" } },
    );
    expect({ status: run.status, stderr: run.stderr.toString() }).toEqual({
      status: 0,
      stderr: "",
    });
    // A zip file whose document is the notice.
    const files = unzipSync(new Uint8Array(run.stdout));
    expect(Object.keys(files)).toContain("word/document.xml");
    writeFileSync(file, run.stdout);
    const flat = squeezed(convert(file).text);
    for (const words of [
      "XX县人民政府督查室",
      "30 June 2022",
      "1. Overview",
      "2. Red and yellow targets",
      "3. The owners' scores and places",
      "4. Notes",
      "As of 30 June 2022, of the 20 targets 12 are green, 3 yellow, 4 red and 1 grey (no data).",
    ])
      expect(flat).toContain(squeezed(words));
  });
});
