// The pictures of the documents in the README: the first page of the bundled example's notice
// (docs/notice.png, `kpi report --format docx --lang zh`) and of its status workbook
// (docs/status-workbook.png, `--format xlsx`), made by the built CLI, converted to PDF by
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
  // The notice's whole first page; the top of the workbook's, which is wide and fitted to A4
  // landscape, drawn larger.
  for (const [format, picture, size] of [
    ["docx", "docs/notice.png", ["-r", "70"]],
    [
      "xlsx",
      "docs/status-workbook.png",
      ["-r", "130", "-x", "40", "-y", "60", "-W", "1000", "-H", "330"],
    ],
  ]) {
    const document = join(work, `example.${format}`);
    run(process.execPath, [
      join(repo, "bin", "kpi.js"),
      "report",
      "--format",
      format,
      "--lang",
      "zh",
      "--issue",
      "7",
      "-o",
      document,
    ]);
    run("soffice", ["--headless", "--convert-to", "pdf", "--outdir", work, document], work);
    run("pdftoppm", [
      "-png",
      ...size,
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      join(work, `example.pdf`),
      join(work, format),
    ]);
    copyFileSync(join(work, `${format}.png`), resolve(repo, picture));
    rmSync(join(work, "example.pdf"));
    console.log(`wrote ${picture}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
