/** `kpi rank`: the owners' ranking of the month, the quarter or the year (SPEC 6). */
import { type Command, Option } from "commander";
import { Evaluations } from "../core/month-ends.js";
import { PERIODS, type Period, rankOwners } from "../core/scoring.js";
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
  period: Period;
}

export const rankCommand: KpiCommand = {
  name: "rank",
  define(command: Command, help: HelpLabels) {
    command.description(help.commands.rank).argument("[data...]", help.arguments.data);
    addReportOptions(addInputOptions(command, help), help);
    addFormatOption(command, help, "rank", "table");
    command.addOption(
      new Option("--period <period>", help.options.period).choices(PERIODS).default("month"),
    );
  },
  run: rank,
};

async function rank(
  context: CliContext,
  dataArguments: string[],
  options: RankOptions,
): Promise<number> {
  const { labels, inputs, asOf, project } = await startReportRun(options, dataArguments, context);
  const evaluations = new Evaluations(inputs.targets, inputs.observations, project.dueDays);
  const ranking = rankOwners(evaluations, { asOf, period: options.period, settings: project });
  const render = await loadRenderer("rank", options.format);
  await emit(
    render(ranking, { labels, width: terminalWidth(context, options.output) }),
    options.output,
    context,
  );
  // A ranking is information, not a gate: it exits 0 whatever the statuses.
  return 0;
}
