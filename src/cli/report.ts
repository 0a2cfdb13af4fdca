/** `kpi report`: the status report of SPEC section 5 and issue 4, as markdown or a page (issue 8). */
import { type Command, Option } from "commander";
import { getExitCode, parseFailOn } from "../core/exit-code.js";
import { buildReport } from "../core/report-model.js";
import { REPORT_FORMATS, type ReportFormat, reportRenderers } from "../render/index.js";
import type { CliContext } from "./context.js";
import {
  addInputOptions,
  addReportOptions,
  emit,
  type InputOptions,
  startReportRun,
} from "./inputs.js";

interface ReportOptions extends InputOptions {
  asOf?: string;
  format: ReportFormat;
  output?: string;
  lang?: string;
  charts?: boolean;
  by: "section" | "owner";
  failOn: string;
}

/** Add `kpi report` to the program; its exit code follows `--fail-on` (default none). */
export function registerReport(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  const command = program
    .command("report")
    .description(
      "the status report: red and yellow first, all targets by section, owners, due soon, changes",
    )
    .argument("[data...]", "data files or folders (added to --data)");
  addReportOptions(addInputOptions(command))
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(REPORT_FORMATS)
        .default("markdown"),
    )
    .option(
      "--charts",
      "markdown: add a Mermaid chart per red or yellow target (the HTML page always has charts)",
    )
    .addOption(
      new Option("--by <grouping>", "owner: add the owners' ranking")
        .choices(["section", "owner"])
        .default("section"),
    )
    .option(
      "--fail-on <statuses>",
      "comma list of statuses that make the exit code 1, or none",
      "none",
    )
    .action(async (dataArguments: string[], options: ReportOptions) => {
      setExitCode(await report(dataArguments, options, context));
    });
}

async function report(
  dataArguments: string[],
  options: ReportOptions,
  context: CliContext,
): Promise<number> {
  const failOn = parseFailOn(options.failOn);
  const { labels, inputs, asOf } = await startReportRun(options, dataArguments, context);
  // The HTML report charts every progress target, so it needs every target's monthly history.
  const model = buildReport(inputs.targets, inputs.observations, {
    asOf,
    allHistories: options.format === "html",
  });
  const render = await reportRenderers[options.format]();
  await emit(
    render(model, { labels, charts: options.charts === true, byOwner: options.by === "owner" }),
    options.output,
    context,
  );
  return getExitCode(model, failOn);
}
