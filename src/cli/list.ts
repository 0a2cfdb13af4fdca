/** `kpi list`: the targets with kind, owner, target, deadline and their schedule as dated values. */
import type { Command } from "commander";
import { LIST_FORMATS, type ListFormat, listTargets } from "../core/list-model.js";
import type { HelpLabels } from "../i18n/labels.js";
import type { CliContext, KpiCommand } from "./context.js";
import { emit } from "./emit-output.js";
import { loadTargetInputs } from "./load-inputs.js";
import {
  addFormatOption,
  addLangOption,
  addOutputOption,
  addTargetsOption,
  resolveLabels,
} from "./shared-options.js";

interface ListOptions {
  targets: string[];
  format: ListFormat;
  output?: string;
  lang?: string;
}

export const listCommand: KpiCommand = {
  name: "list",
  define(command: Command, help: HelpLabels) {
    command.description(help.commands.list);
    addTargetsOption(command, help);
    addFormatOption(command, help, LIST_FORMATS, "table");
    addLangOption(addOutputOption(command, help), help);
  },
  run: list,
};

async function list(context: CliContext, options: ListOptions): Promise<number> {
  const labels = resolveLabels(options.lang, context);
  const targets = await loadTargetInputs(options.targets);
  const { listRenderers } = await import("../render/list-formats.js");
  const render = listRenderers[options.format];
  await emit(render(listTargets(targets), { labels }), options.output, context);
  return 0;
}
