/**
 * The status workbook as a real program opens it: the built CLI writes the bundled example's
 * workbook (`kpi report -o x.xlsx`, or `--format xlsx` to a pipe), LibreOffice Calc converts it
 * to PDF headless, and poppler's pdftotext reads the PDF back: the office, the title, every red
 * and yellow target's title with its status word, the ranking and each owner's sheet; pdftoppm
 * renders the first page into test/output/ (git-ignored) to be looked at.
 *
 * Skipped, with a message, only where LibreOffice or poppler-utils is missing; in CI (CI=true),
 * where .ci/run installs them, a missing program fails the run instead.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openWorkbook } from "../../src/inputs/workbook.js";
import { REPO, runExample } from "../run-kpi.js";

const has = (program: string) => spawnSync("sh", ["-c", `command -v ${program}`]).status === 0;
const MISSING = ["soffice", "pdftotext", "pdftoppm"].filter((program) => !has(program));
if (MISSING.length > 0) {
  const message = `${MISSING.join(", ")} not found (apt-get install libreoffice-calc-nogui poppler-utils)`;
  if (process.env.CI) throw new Error(`the workbook tests cannot run in CI: ${message}`);
  console.warn(`test/e2e/status-workbook.test.ts is skipped: ${message}`);
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

/** Convert a workbook to PDF with LibreOffice; the PDF's text, and its first page as a PNG. */
function convertWorkbook(file: string, profile = PROFILE): string {
  const run = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      OUTPUT,
      file,
    ],
    { encoding: "utf8", env: { ...process.env, HOME: profile } },
  );
  const pdf = file.replace(/\.xlsx$/, ".pdf");
  expect({ status: run.status, pdf: existsSync(pdf) }, run.stderr).toEqual({
    status: 0,
    pdf: true,
  });
  const text = spawnSync("pdftotext", ["-enc", "UTF-8", "-layout", pdf, "-"], {
    encoding: "utf8",
  });
  const picture = spawnSync("pdftoppm", [
    "-png",
    "-r",
    "110",
    "-f",
    "1",
    "-l",
    "2",
    pdf,
    pdf.replace(/\.pdf$/, ""),
  ]);
  expect([text.status, picture.status]).toEqual([0, 0]);
  return text.stdout;
}

/** Text without its white space: a cell's words may wrap onto lines of their own. */
const squeezed = (text: string) => text.replace(/\s+/g, "");

describe.skipIf(MISSING.length > 0)(
  "the status workbook in LibreOffice (kpi report --format xlsx)",
  () => {
    mkdirSync(OUTPUT, { recursive: true });
    const results: JsonResult[] = JSON.parse(runExample(["check", "-f", "json"]).stdout).results;
    const flagged = results.filter(
      (result) => result.status === "red" || result.status === "yellow",
    );

    it("the bundled example in Chinese: the office, every red and yellow target with its word, the ranking, the owners' sheets", () => {
      const file = join(OUTPUT, "status.zh.xlsx");
      rmSync(file, { force: true });
      // -o with .xlsx makes a workbook without --format.
      expect(runExample(["report", "--lang", "zh", "-o", file])).toEqual({
        code: 0,
        stdout: "",
        stderr: "",
      });
      const text = convertWorkbook(file);
      const flat = squeezed(text);
      expect(flat).toContain("XX县人民政府督查室县政府重点工作月度亮晒（截至2022-06-30）");
      // 4 red and 3 yellow (kpi check's summary), each beside its status word and symbol.
      expect(flagged.length).toBe(7);
      for (const result of flagged) {
        expect(flat).toContain(squeezed(result.title));
        const line = text.split("\n").find((candidate) => candidate.includes(result.id)) ?? "";
        expect(line).toContain(result.status === "red" ? "✖ 红灯" : "▲ 黄灯");
      }
      // The ranking's sheet and an owner's.
      expect(flat).toContain("一月一亮晒：责任单位排名（截至2022-06-30）");
      expect(flat).toContain("经信局指标进展情况（截至2022-06-30）");
      // The workbook's sheets, as kpi's own reader reads them.
      const book = openWorkbook(new Uint8Array(readFileSync(file)));
      expect(book.sheets.slice(0, 3).map((sheet) => sheet.name)).toEqual([
        "总表",
        "排名",
        "科技局",
      ]);
    });

    it("in English, written to a pipe with --format xlsx", () => {
      const file = join(OUTPUT, "status.en.xlsx");
      const run = spawnSync(
        process.execPath,
        [join(REPO, "bin", "kpi.js"), "report", "--format", "xlsx", "--lang", "en"],
        { cwd: REPO, env: { ...process.env, NO_COLOR: "1" } },
      );
      expect({ status: run.status, stderr: run.stderr.toString() }).toEqual({
        status: 0,
        stderr: "",
      });
      writeFileSync(file, run.stdout);
      const flat = squeezed(convertWorkbook(file));
      expect(flat).toContain(
        squeezed("XX县人民政府督查室: 县政府重点工作月度亮晒 (as of 2022-06-30)"),
      );
      for (const result of flagged) expect(flat).toContain(squeezed(result.title));
      for (const word of ["✖ red", "▲ yellow", "✔ green", "○ grey"])
        expect(flat).toContain(squeezed(word));
    });
  },
);
