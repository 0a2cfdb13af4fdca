/** `kpi list`: the targets with kind, owner, target, deadline and their schedule as dated values. */
import type { Command } from "commander";
import { listTargets } from "../core/list-model.js";
import type { HelpLabels } from "../i18n/labels.js";
import { projectFilePath } from "../io/read-project.js";
import { type FormatOf, loadRenderer } from "../render/index.js";
import type { CliContext, KpiCommand } from "./context.js";
import { checkOutputFile, emit, terminalWidth } from "./emit-output.js";
import { loadProject, loadTargetInputs } from "./load-inputs.js";
import {
  addFormatOption,
  addLangOption,
  addOutputOption,
  addTargetsOption,
  resolveLabels,
} from "./shared-options.js";

interface ListOptions {
  targets: string[];
  config?: string;
  format: FormatOf<"list">;
  output?: string;
  lang?: string;
}

export const listCommand: KpiCommand = {
  name: "list",
  define(command: Command, help: HelpLabels) {
    command.description(help.commands.list);
    addTargetsOption(command, help);
    addFormatOption(command, help, "list", "table");
    addLangOption(addOutputOption(command, help), help);
  },
  run: list,
};

async function list(context: CliContext, options: ListOptions): Promise<number> {
  resolveLabels(options.lang, context);
  await checkOutputFile(options.output, {
    targets: options.targets,
    data: [],
    project: projectFilePath(options.config, context.workingFolder),
  });
  const project = await loadProject(options.config, context);
  const labels = resolveLabels(options.lang, context, project.settings.lang);
  const targets = await loadTargetInputs(options.targets, project);
  const render = await loadRenderer("list", options.format);
  await emit(
    render(listTargets(targets), { labels, width: terminalWidth(context, options.output) }),
    options.output,
    context,
  );
  return 0;
}
