/**
 * `kpi template`: the entry form of one owner for one period (`--owner 发改局 --period 2022-07
 * -o 发改局-2022-07.xlsx`, or `.csv`), or with `--all -o FOLDER` one form for each owner, named
 * `OWNER-PERIOD.xlsx`. A form that exists already is never overwritten without --force (it may
 * have come back filled in), and with --all either every form is written or none.
 */
import { lstatSync } from "node:fs";
import { join } from "node:path";
import { type Command, Option } from "commander";
import { parseDate } from "../core/dates.js";
import { UsageError } from "../core/problems.js";
import { closestMatch } from "../core/suggest.js";
import { buildTemplate, templateOwners } from "../core/template-model.js";
import type { HelpLabels } from "../i18n/labels.js";
import { writeFilesAtomic } from "../io/write-atomic.js";
import { type FormatOf, formatEntry, loadRenderer } from "../render/index.js";
import type { CliContext, KpiCommand } from "./context.js";
import { checkBinaryOutput, emit } from "./emit-output.js";
import { startReportRun } from "./load-inputs.js";
import {
  addFormatOption,
  addInputOptions,
  addLangOption,
  addOutputOption,
  type InputOptions,
} from "./shared-options.js";

interface TemplateOptions extends InputOptions {
  owner?: string;
  all?: boolean;
  period?: string;
  output?: string;
  format: FormatOf<"template">;
  force?: boolean;
  lang?: string;
}

export const templateCommand: KpiCommand = {
  name: "template",
  define(command: Command, help: HelpLabels) {
    command.description(help.commands.template);
    addInputOptions(command, help);
    command
      .addOption(new Option("--owner <owner>", help.options.owner))
      .addOption(new Option("--all", help.options.all))
      .addOption(new Option("--period <period>", help.options.templatePeriod));
    addOutputOption(command, help, help.options.outputTemplate);
    addFormatOption(command, help, "template", "xlsx");
    command.addOption(new Option("--force", help.options.force));
    addLangOption(command, help);
  },
  run: (context: CliContext, options: TemplateOptions) => template(options, context),
};

/** A name that every file system takes: `\ / : * ? " < > |` and control characters as `_`. */
export function fileNamePart(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing them is the point
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim() || "_";
}

async function template(options: TemplateOptions, context: CliContext): Promise<number> {
  const all = options.all === true;
  if (all === (options.owner !== undefined))
    throw new UsageError("option.owner-missing", { both: all });
  if (options.period === undefined) throw new UsageError("option.period-missing", {});
  const parsed = parseDate(options.period);
  if (!parsed.ok) throw new UsageError("option.period-invalid", { value: options.period });
  const period = { text: options.period.trim(), date: parsed.day };
  if (all && options.output === undefined) throw new UsageError("option.all-needs-folder", {});
  const format = formatEntry("template", options.format);
  if (!all) checkBinaryOutput(format, options.format, options.output, context);
  // With --all, -o is a folder: startReportRun's check that -o is a file is for one form only.
  const { labels, inputs, project } = await startReportRun(
    { ...options, output: all ? undefined : options.output },
    [],
    context,
  );
  const owners = templateOwners(inputs.targets, project.owners ?? []);
  if (!all) {
    const owner = options.owner as string;
    if (!owners.includes(owner))
      throw new UsageError("option.unknown-owner", {
        owner,
        suggestion: closestMatch(owner, owners) ?? null,
        owners,
      });
  }
  const render = await loadRenderer("template", options.format);
  const forms = (all ? owners : [options.owner as string]).map((owner) => ({
    owner,
    content: render(buildTemplate(inputs.targets, inputs.observations, owner, period), {
      labels,
    }),
  }));
  if (!all) {
    const [form] = forms;
    if (form === undefined) return 0;
    if (options.output !== undefined) refuseExisting([options.output], options.force === true);
    await emit(form.content, options.output, context);
    return 0;
  }
  const folder = options.output as string;
  // Two owners whose names differ only in characters a file name cannot hold get (2), (3)…
  const taken = new Set<string>();
  const files = forms.map((form) => {
    const stem = `${fileNamePart(form.owner)}-${fileNamePart(period.text)}`;
    let name = stem;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem} (${n})`;
    taken.add(name.toLowerCase());
    return { path: join(folder, `${name}${format.extension ?? ""}`), content: form.content };
  });
  refuseExisting(
    files.map((file) => file.path),
    options.force === true,
  );
  writeFilesAtomic(files);
  return 0;
}

/** A form that exists already may have come back filled in: never overwritten without --force. */
function refuseExisting(paths: readonly string[], force: boolean): void {
  if (force) return;
  const existing = paths.filter((path) => {
    try {
      lstatSync(path);
      return true;
    } catch {
      return false;
    }
  });
  if (existing.length > 0) throw new UsageError("output.template-files-exist", { paths: existing });
}
