/** `kpi rank`: the owners' ranking (the score is defined in the README). */
import { type Command, Option } from "commander";
import { buildReport } from "../core/report-model.js";
import { RANK_FORMATS, type RankFormat, rankRenderers } from "../render/index.js";
import type { CliContext } from "./context.js";
import {
  addInputOptions,
  addReportOptions,
  emit,
  type InputOptions,
  startReportRun,
} from "./inputs.js";

interface RankOptions extends InputOptions {
  asOf?: string;
  format: RankFormat;
  output?: string;
  lang?: string;
}

/** Add `kpi rank` to the program. */
export function registerRank(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  const command = program
    .command("rank")
    .description("rank the owners by the status of their targets (a quarter-end for the quarter)")
    .argument("[data...]", "data files or folders (added to --data)");
  addReportOptions(addInputOptions(command))
    .addOption(
      new Option("-f, --format <format>", "output format").choices(RANK_FORMATS).default("table"),
    )
    .action(async (dataArguments: string[], options: RankOptions) => {
      setExitCode(await rank(dataArguments, options, context));
    });
}

async function rank(
  dataArguments: string[],
  options: RankOptions,
  context: CliContext,
): Promise<number> {
  const { labels, inputs, asOf } = await startReportRun(options, dataArguments, context);
  const model = buildReport(inputs.targets, inputs.observations, { asOf });
  const render = await rankRenderers[options.format]();
  await emit(render(model, { labels }), options.output, context);
  // A ranking is information, not a gate: it exits 0 whatever the statuses.
  return 0;
}
