/**
 * `kpi init [dir]`: a new data repository. Existing files are never overwritten without --force,
 * and a failed run leaves nothing behind (src/io/write-atomic.ts writes every file or none).
 * `--upgrade` replaces only the repository's copy of kpi with the running one.
 */
import { lstatSync } from "node:fs";
import { join } from "node:path";
import { type Command, Option } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { civilFromDay } from "../core/dates.js";
import { CI_CHOICES, initFiles, isKpiFile, KPI_COMMAND } from "../core/init-files.js";
import { UsageError } from "../core/problems.js";
import type { HelpLabels } from "../i18n/labels.js";
import { actionFile, readReleaseFile } from "../io/release-file.js";
import { writeFilesAtomic } from "../io/write-atomic.js";
import type { CliContext, KpiCommand } from "./context.js";
import { renderSchema } from "./schema.js";
import { addLangOption, projectLanguage, resolveLabels } from "./shared-options.js";

interface InitOptions {
  force?: boolean;
  upgrade?: boolean;
  ci: (typeof CI_CHOICES)[number];
  lang?: string;
}

export const initCommand: KpiCommand = {
  name: "init",
  define(command: Command, help: HelpLabels) {
    command.description(help.commands.init).argument("[dir]", help.arguments.dir, ".");
    command.addOption(new Option("--force", help.options.force));
    command.addOption(new Option("--upgrade", help.options.upgrade));
    command.addOption(
      new Option("--ci <ci>", help.options.ci).choices(CI_CHOICES).default(CI_CHOICES[0]),
    );
    addLangOption(command, help);
  },
  run: (context: CliContext, dir: string, options: InitOptions) => init(dir, options, context),
};

async function init(dir: string, options: InitOptions, context: CliContext): Promise<number> {
  const labels = resolveLabels(options.lang, context, await projectLanguage(undefined, context));
  const files = initFiles({
    year: civilFromDay(context.today(null)).year,
    version: packageJson.version,
    schema: await renderSchema(),
    release: readReleaseFile(),
    action: actionFile(),
    // An upgrade replaces kpi's files whichever CI the repository was made for.
    ci: options.upgrade === true ? "github" : options.ci,
    // The files in the language of the labels: --lang, KPI_LANG, then LANG.
    lang: labels.html.lang.startsWith("zh") ? "zh" : "en",
  });
  const upgrade = options.upgrade === true;
  const placed = files
    .filter((file) => !upgrade || isKpiFile(file.path))
    .map((file) => ({ ...file, path: join(dir, ...file.path.split("/")) }));

  if (options.force !== true && !upgrade) {
    const existing: string[] = [];
    for (const file of placed) if (exists(file.path)) existing.push(file.path);
    if (existing.length > 0) throw new UsageError("output.init-files-exist", { paths: existing });
  }

  writeFilesAtomic(placed);
  const listed = placed.map((file) => `  ${file.path}`);
  if (upgrade) {
    context.stdout.write(
      [labels.init.upgraded(dir, packageJson.version), ...listed, ""].join("\n"),
    );
    return 0;
  }
  // Every step runs as it is printed, in a shell or in Windows' command prompt.
  const cd = dir === "." ? [] : [`cd ${dir}`];
  const steps = [...cd, `${KPI_COMMAND} validate`, `${KPI_COMMAND} check`];
  context.stdout.write(
    [
      labels.init.created(dir),
      ...listed,
      labels.init.next,
      ...steps.map((step) => `  ${step}`),
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
