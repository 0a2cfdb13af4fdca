/**
 * `kpi init [dir]`: a new data repository. Existing files are never overwritten without --force,
 * and a failed run leaves nothing behind: every file is staged beside its place, then renamed in.
 */
import { lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { civilFromDay } from "../core/dates.js";
import { initFiles, type NewFile } from "../core/init-files.js";
import { UsageError } from "../core/problems.js";
import { temporaryPathBeside } from "../io/write-atomic.js";
import type { CliContext } from "./context.js";
import { resolveLabels } from "./inputs.js";
import { renderSchema } from "./schema.js";

interface InitOptions {
  force?: boolean;
  lang?: string;
}

/** Adds `kpi init` to the program; its action reports its exit code through `setExitCode`. */
export function registerInit(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  program
    .command("init")
    .description("create a new data repository: example targets, a data template, CI and a README")
    .argument("[dir]", "the folder to create it in", ".")
    .option("--force", "overwrite files that exist already")
    .option("--lang <lang>", "language of labels: en or zh (default: KPI_LANG, then LANG, else en)")
    .action(async (dir: string, options: InitOptions) => {
      setExitCode(await init(dir, options, context));
    });
}

async function init(dir: string, options: InitOptions, context: CliContext): Promise<number> {
  const labels = resolveLabels(options.lang, context);
  const files = initFiles({
    year: civilFromDay(context.today()).year,
    version: packageJson.version,
    schema: await renderSchema(),
  });
  const placed = files.map((file) => ({ ...file, path: join(dir, ...file.path.split("/")) }));

  if (options.force !== true) {
    const existing: string[] = [];
    for (const file of placed) if (exists(file.path)) existing.push(file.path);
    if (existing.length > 0) {
      context.stderr.write(
        `kpi: ${existing.length} of the files init writes exist already; nothing was written (--force overwrites them):\n${existing.map((path) => `  ${path}\n`).join("")}`,
      );
      return 2;
    }
  }

  writeAll(placed);
  const cd = dir === "." ? [] : [`cd ${dir}`];
  context.stdout.write(
    [
      labels.init.created(dir),
      ...placed.map((file) => `  ${file.path}`),
      labels.init.next,
      ...[...cd, "npx kpi validate", "npx kpi check"].map((step) => `  ${step}`),
      "",
    ].join("\n"),
  );
  return 0;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (cause) {
    // A path through a file (`targets` is a file) is not free either: the write will say why.
    return (cause as NodeJS.ErrnoException).code !== "ENOENT";
  }
}

/**
 * Write every file or none: folders are made first, each file is written to a temporary name in
 * its folder, and only when all are written are they renamed into place. On a failure, what this
 * run made (temporary files, new files, new folders) is removed.
 */
function writeAll(files: readonly NewFile[]): void {
  const madeFolders: string[] = [];
  const staged: { temporary: string; path: string; isNew: boolean }[] = [];
  const renamed: { path: string; isNew: boolean }[] = [];
  let current = "";
  try {
    for (const file of files) {
      current = file.path;
      const made = mkdirSync(dirname(file.path), { recursive: true });
      if (made !== undefined) madeFolders.push(made);
    }
    for (const file of files) {
      current = file.path;
      const temporary = temporaryPathBeside(file.path);
      const isNew = !exists(file.path);
      writeFileSync(temporary, file.content, { flag: "wx" });
      staged.push({ temporary, path: file.path, isNew });
    }
    for (const file of staged) {
      current = file.path;
      renameSync(file.temporary, file.path);
      renamed.push(file);
    }
  } catch (cause) {
    for (const file of staged) rmSync(file.temporary, { force: true });
    for (const file of renamed) if (file.isNew) rmSync(file.path, { force: true });
    for (const folder of madeFolders.reverse()) rmSync(folder, { recursive: true, force: true });
    throw new UsageError(`cannot write ${current}: ${describeError(cause)}; nothing was written`);
  }
}

function describeError(cause: unknown): string {
  switch ((cause as NodeJS.ErrnoException).code) {
    case "EEXIST":
    case "ENOTDIR":
      return "a file stands where a folder is needed";
    case "EISDIR":
      return "it is a folder";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "permission denied";
    default:
      return String((cause as Error).message ?? cause);
  }
}
