/** `kpi rank`: the owners' ranking (the score is defined in the README). */
import type { Command } from "commander";
import { buildReport } from "../core/report-model.js";
import type { HelpLabels } from "../i18n/labels.js";
import { type FormatOf, loadRenderer } from "../render/index.js";
import type { CliContext, KpiCommand } from "./context.js";
import { emit, terminalWidth } from "./emit-output.js";
import { startReportRun } from "./load-inputs.js";
import {
  addFormatOption,
  addInputOptions,
  addReportOptions,
  type InputOptions,
} from "./shared-options.js";

interface RankOptions extends InputOptions {
  asOf?: string;
  format: FormatOf<"rank">;
  output?: string;
  lang?: string;
}

export const rankCommand: KpiCommand = {
  name: "rank",
  define(command: Command, help: HelpLabels) {
    command.description(help.commands.rank).argument("[data...]", help.arguments.data);
    addReportOptions(addInputOptions(command, help), help);
    addFormatOption(command, help, "rank", "table");
  },
  run: rank,
};

async function rank(
  context: CliContext,
  dataArguments: string[],
  options: RankOptions,
): Promise<number> {
  const { labels, inputs, asOf } = await startReportRun(options, dataArguments, context);
  const model = buildReport(inputs.targets, inputs.observations, { asOf });
  const render = await loadRenderer("rank", options.format);
  await emit(
    render(model, { labels, width: terminalWidth(context, options.output) }),
    options.output,
    context,
  );
  // A ranking is information, not a gate: it exits 0 whatever the statuses.
  return 0;
}
