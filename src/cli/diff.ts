/**
 * `kpi diff BASE.json [HEAD.json]`: what changed between two runs' results (`kpi check --format
 * json`); without HEAD, against a fresh run on the usual inputs. Exit 0: a diff informs, the
 * check is the gate.
 */
import type { Command } from "commander";
import { diffResults } from "../core/diff-model.js";
import { evaluate } from "../core/evaluate.js";
import { InputError } from "../core/problems.js";
import type { HelpLabels } from "../i18n/labels.js";
import { parseResultsFile } from "../inputs/results-file.js";
import { readResultsText } from "../io/read-results.js";
import { type FormatOf, loadRenderer } from "../render/index.js";
import { renderJson } from "../render/results-json.js";
import type { CliContext, KpiCommand } from "./context.js";
import { emit } from "./emit-output.js";
import { startReportRun } from "./load-inputs.js";
import {
  addFormatOption,
  addInputOptions,
  addReportOptions,
  type InputOptions,
  projectLanguage,
  resolveLabels,
} from "./shared-options.js";

interface DiffOptions extends InputOptions {
  asOf?: string;
  format: FormatOf<"diff">;
  output?: string;
  lang?: string;
}

export const diffCommand: KpiCommand = {
  name: "diff",
  define(command: Command, help: HelpLabels) {
    command
      .description(help.commands.diff)
      .argument("<base>", help.arguments.base)
      .argument("[head]", help.arguments.head);
    addReportOptions(addInputOptions(command, help), help);
    addFormatOption(command, help, "diff", "table");
  },
  run: (context: CliContext, base: string, head: string | undefined, options: DiffOptions) =>
    diff(base, head, options, context),
};

function readResults(path: string) {
  const read = parseResultsFile(path, readResultsText(path));
  if (read.problem !== null) throw new InputError([read.problem]);
  return read.results;
}

async function diff(
  basePath: string,
  headPath: string | undefined,
  options: DiffOptions,
  context: CliContext,
): Promise<number> {
  const base = readResults(basePath);
  let head = headPath === undefined ? null : readResults(headPath);
  let labels = resolveLabels(options.lang, context, await projectLanguage(options.config, context));
  if (head === null) {
    // A fresh run, read back from its JSON: both sides are compared in the same form.
    const run = await startReportRun(options, [], context);
    labels = run.labels;
    const report = evaluate(run.inputs.targets, run.inputs.observations, {
      asOf: run.asOf,
      dueDays: run.project.dueDays,
    });
    const fresh = parseResultsFile("(this run)", renderJson(report));
    if (fresh.problem !== null) throw new Error("a fresh run's JSON is not results");
    head = fresh.results;
  }
  const render = await loadRenderer("diff", options.format);
  await emit(render(diffResults(base, head), { labels }), options.output, context);
  return 0;
}
