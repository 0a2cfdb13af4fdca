/** `kpi report`: the status report of SPEC section 5 and issue 4, as markdown or a page (issue 8). */
import { type Command, Option } from "commander";
import { getExitCode, parseFailOn } from "../core/exit-code.js";
import { UsageError } from "../core/problems.js";
import { issueNumber } from "../core/project.js";
import { buildReport } from "../core/report-model.js";
import type { HelpLabels } from "../i18n/labels.js";
import { type FormatOf, formatEntry, loadRenderer } from "../render/index.js";
import type { CliContext, KpiCommand } from "./context.js";
import { checkBinaryOutput, emit } from "./emit-output.js";
import { startReportRun } from "./load-inputs.js";
import {
  addFailOnOption,
  addFormatOption,
  addInputOptions,
  addReportOptions,
  type InputOptions,
} from "./shared-options.js";

interface ReportOptions extends InputOptions {
  asOf?: string;
  format: FormatOf<"report">;
  output?: string;
  lang?: string;
  charts?: boolean;
  by: "section" | "owner";
  failOn: string;
  issue?: string;
}

/** `kpi report`; its exit code follows `--fail-on` (default none). */
export const reportCommand: KpiCommand = {
  name: "report",
  define(command: Command, help: HelpLabels) {
    command.description(help.commands.report).argument("[data...]", help.arguments.data);
    addReportOptions(addInputOptions(command, help), help);
    addFormatOption(command, help, "report", "markdown");
    command
      .addOption(new Option("--charts", help.options.charts))
      .addOption(
        new Option("--by <grouping>", help.options.by)
          .choices(["section", "owner"])
          .default("section"),
      )
      .addOption(new Option("--issue <issue>", help.options.issue));
    addFailOnOption(command, help, "none");
  },
  run: report,
};

async function report(
  context: CliContext,
  dataArguments: string[],
  options: ReportOptions,
): Promise<number> {
  const failOn = parseFailOn(options.failOn);
  const issue = issueOf(options.issue);
  checkBinaryOutput(formatEntry("report", options.format), options.format, options.output, context);
  const { labels, inputs, asOf, project } = await startReportRun(options, dataArguments, context);
  // The HTML report charts every progress target, so it needs every target's monthly history.
  const model = buildReport(inputs.targets, inputs.observations, {
    asOf,
    dueDays: project.dueDays,
    settings: project,
    allHistories: options.format === "html",
    office: project.office,
    notice: project.notice,
    title: project.title,
    warnings: inputs.warnings,
  });
  const render = await loadRenderer("report", options.format);
  await emit(
    await render(model, {
      labels,
      charts: options.charts === true,
      byOwner: options.by === "owner",
      issue: issue ?? project.issue,
    }),
    options.output,
    context,
  );
  return getExitCode(model, failOn);
}

/**
 * `--issue`, trimmed (`7` is 第 7 期, any other text the line as printed: `issueLine`); a number
 * that is no issue's (`0`, `-1`, `1.5`, in full-width digits too) is refused, as in kpi.yaml.
 */
function issueOf(option: string | undefined): string | null {
  const text = option?.trim() ?? "";
  if (text === "") return null;
  if (/^[+-]?[0-9]+(?:\.[0-9]*)?$/.test(text.normalize("NFKC")) && issueNumber(text) === null)
    throw new UsageError("option.issue-invalid", { value: text });
  return text;
}
