/** `kpi list`: the targets with kind, owner, target, deadline and their schedule as dated values. */
import { type Command, Option } from "commander";
import { LIST_FORMATS, type ListFormat, listTargets } from "../core/list-model.js";
import type { CliContext } from "./context.js";
import { addTargetsOption, emit, loadTargetInputs, resolveLabels } from "./inputs.js";

interface ListOptions {
  targets: string[];
  format: ListFormat;
  output?: string;
  lang?: string;
}

/** Adds `kpi list` to the program; its action reports its exit code through `setExitCode`. */
export function registerList(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  const command = program
    .command("list")
    .description("list the targets with their schedules resolved to dated values");
  addTargetsOption(command)
    .addOption(
      new Option("-f, --format <format>", "output format").choices(LIST_FORMATS).default("table"),
    )
    .option("-o, --output <file>", "write the output to a file (atomically) instead of stdout")
    .option("--lang <lang>", "language of labels: en or zh (default: KPI_LANG, then LANG, else en)")
    .action(async (options: ListOptions) => {
      const labels = resolveLabels(options.lang, context);
      const targets = await loadTargetInputs(options.targets);
      const { listRenderers } = await import("../render/list-formats.js");
      const render = listRenderers[options.format];
      await emit(render(listTargets(targets), { labels }), options.output, context);
      setExitCode(0);
    });
}
