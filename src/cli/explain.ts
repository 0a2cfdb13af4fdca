/** `kpi explain <id>`: one target's rows, schedule, the rule behind its status, and a chart. */

import { type Command, Option } from "commander";
import { referenceSource } from "../core/evaluate.js";
import { explainTarget } from "../core/explain-model.js";
import { UsageError } from "../core/problems.js";
import { Series } from "../core/series.js";
import { closestMatch } from "../core/suggest.js";
import type { HelpLabels } from "../i18n/labels.js";
import type { CliContext, KpiCommand } from "./context.js";
import { startReportRun } from "./load-inputs.js";
import {
  addAsOfOption,
  addInputOptions,
  addLangOption,
  type InputOptions,
} from "./shared-options.js";

interface ExplainOptions extends InputOptions {
  asOf?: string;
  forecast?: boolean;
  lang?: string;
}

export const explainCommand: KpiCommand = {
  name: "explain",
  define(command: Command, help: HelpLabels) {
    command.description(help.commands.explain).argument("<id>", help.arguments.id);
    addAsOfOption(addInputOptions(command, help), help);
    command.addOption(new Option("--forecast", help.options.forecast));
    addLangOption(command, help);
  },
  run: (context: CliContext, id: string, options: ExplainOptions) => explain(id, options, context),
};

async function explain(id: string, options: ExplainOptions, context: CliContext): Promise<number> {
  const { labels, inputs, asOf, project } = await startReportRun(options, [], context);
  const target = inputs.targets.find((candidate) => candidate.id === id);
  if (target === undefined) {
    const ids = inputs.targets.map((candidate) => candidate.id);
    throw new UsageError("option.unknown-target-id", {
      id,
      suggestion: closestMatch(id, ids) ?? null,
    });
  }
  const explanation = explainTarget(target, inputs.observations.get(id) ?? Series.EMPTY, {
    asOf,
    dueDays: project.dueDays,
    forecast: options.forecast === true,
    references: referenceSource(inputs.targets, inputs.observations, asOf, project.dueDays),
    warnings: inputs.warnings,
  });
  // Loaded only by the runs that explain: it brings the terminal table's helpers with it.
  const { renderExplanation } = await import("../render/explain-text.js");
  context.stdout.write(renderExplanation(explanation, { labels }));
  return 0;
}
