// The pictures of the documents in the README: the first page of the bundled example's notice
// (docs/notice.png, `kpi report --format docx --lang zh`), of its status workbook
// (docs/status-workbook.png, `--format xlsx`) and of an entry form (docs/entry-form.png, `kpi
// template`), made by the built CLI, converted to PDF by
// LibreOffice headless and drawn by poppler's pdftoppm, as test/e2e/notice.test.ts and
// test/e2e/status-workbook.test.ts convert them.
// Usage: npm run build && node scripts/document-pictures.js
// Needs soffice and pdftoppm (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const repo = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "kpi-pictures-"));

function run(command, args, cwd = repo) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, TZ: "Asia/Shanghai", HOME: work },
  });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(" ")}: ${result.error ?? result.stderr}`);
    process.exit(1);
  }
}

try {
  // The notice's whole first page; the tops of the workbook's and the entry form's, which are wide
  // and fitted to A4 landscape, drawn larger.
  const report = (format) => ["report", "--format", format, "--lang", "zh", "--issue", "7"];
  const wide = (dpi, height) => ["-r", dpi, "-x", "40", "-y", "50", "-W", "1000", "-H", height];
  for (const [name, command, picture, size] of [
    ["notice.docx", report("docx"), "docs/notice.png", ["-r", "70"]],
    ["status.xlsx", report("xlsx"), "docs/status-workbook.png", wide("130", "330")],
    [
      "form.xlsx",
      ["template", "--owner", "项目双进双产专班", "--period", "2022-07", "--lang", "zh"],
      "docs/entry-form.png",
      wide("95", "130"),
    ],
  ]) {
    const document = join(work, name);
    run(process.execPath, [join(repo, "bin", "kpi.js"), ...command, "-o", document]);
    run("soffice", ["--headless", "--convert-to", "pdf", "--outdir", work, document], work);
    run("pdftoppm", [
      "-png",
      ...size,
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      join(work, name.replace(/\.\w+$/, ".pdf")),
      join(work, "page"),
    ]);
    copyFileSync(join(work, "page.png"), resolve(repo, picture));
    rmSync(join(work, name.replace(/\.\w+$/, ".pdf")));
    console.log(`wrote ${picture}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
