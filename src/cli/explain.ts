/** `kpi explain <id>`: one target's rows, schedule, the rule behind its status, and a chart. */
import type { Command } from "commander";
import { explainTarget } from "../core/explain-model.js";
import { UsageError } from "../core/problems.js";
import { Series } from "../core/series.js";
import { didYouMean } from "../core/suggest.js";
import type { CliContext } from "./context.js";
import { addInputOptions, type InputOptions, startReportRun } from "./inputs.js";

interface ExplainOptions extends InputOptions {
  asOf?: string;
  forecast?: boolean;
  lang?: string;
}

/** Adds `kpi explain` to the program; its action reports its exit code through `setExitCode`. */
export function registerExplain(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  const command = program
    .command("explain")
    .description("show one target's rows, schedule, status rule and chart")
    .argument("<id>", "the target's id");
  addInputOptions(command)
    .option(
      "--as-of <date>",
      "evaluation date: a date, a month, a quarter or 'today' (default: the latest data date)",
    )
    .option("--forecast", "add a run-rate projection (never changes the status)")
    .option("--lang <lang>", "language of labels: en or zh (default: KPI_LANG, then LANG, else en)")
    .action(async (id: string, options: ExplainOptions) => {
      setExitCode(await explain(id, options, context));
    });
}

async function explain(id: string, options: ExplainOptions, context: CliContext): Promise<number> {
  const { labels, inputs, asOf } = await startReportRun(options, [], context);
  const target = inputs.targets.find((candidate) => candidate.id === id);
  if (target === undefined) {
    const ids = inputs.targets.map((candidate) => candidate.id);
    const suggestion = didYouMean(id, ids);
    throw new UsageError(
      `no target has the id ${JSON.stringify(id)}${suggestion}${suggestion === "" ? "; kpi list shows them all" : ""}`,
    );
  }
  const explanation = explainTarget(target, inputs.observations.get(id) ?? Series.EMPTY, {
    asOf,
    forecast: options.forecast === true,
  });
  // Loaded only by the runs that explain: it brings the terminal table's helpers with it.
  const { renderExplanation } = await import("../render/explain-text.js");
  context.stdout.write(renderExplanation(explanation, { labels }));
  return 0;
}
