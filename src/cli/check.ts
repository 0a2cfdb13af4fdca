/** `kpi check`: evaluate every target and print the result; the exit code follows `--fail-on`. */
import type { Command } from "commander";
import { evaluate } from "../core/evaluate.js";
import { getExitCode, parseFailOn } from "../core/exit-code.js";
import { InputError, sortProblems } from "../core/problems.js";
import { buildReport } from "../core/report-model.js";
import type { HelpLabels } from "../i18n/labels.js";
import { type FormatOf, loadRenderer } from "../render/index.js";
import { problemAnnotations, renderProblemsJunit } from "../render/problem-formats.js";
import type { CliContext, KpiCommand } from "./context.js";
import { appendOutput, emit, terminalWidth, useColor } from "./emit-output.js";
import { startReportRun } from "./load-inputs.js";
import {
  addFailOnOption,
  addFormatOption,
  addInputOptions,
  addReportOptions,
  type InputOptions,
  projectLanguage,
  resolveLabels,
} from "./shared-options.js";

interface CheckOptions extends InputOptions {
  asOf?: string;
  format: FormatOf<"results">;
  output?: string;
  failOn: string;
  lang?: string;
}

export const checkCommand: KpiCommand = {
  name: "check",
  define(command: Command, help: HelpLabels) {
    command.description(help.commands.check).argument("[data...]", help.arguments.data);
    addReportOptions(addInputOptions(command, help), help);
    addFormatOption(command, help, "results", "table");
    addFailOnOption(command, help, "red");
  },
  run: check,
};

async function check(
  context: CliContext,
  dataArguments: string[],
  options: CheckOptions,
): Promise<number> {
  const failOn = parseFailOn(options.failOn);
  const { labels, inputs, asOf, project } = await startReportRun(
    options,
    dataArguments,
    context,
  ).catch(async (cause: unknown) => {
    // Input errors stop the run; GitHub gets them as annotations at their places, and a JUnit
    // report carries them as failures, so that a CI shows why no report was made.
    if (
      cause instanceof InputError &&
      (options.format === "github" || options.format === "junit")
    ) {
      const project = await projectLanguage(options.config, context);
      const problemLabels = resolveLabels(options.lang, context, project);
      const problems = sortProblems(cause.problems);
      if (options.format === "github")
        context.stdout.write(problemAnnotations(problems, problemLabels));
      else await emit(renderProblemsJunit(problems, problemLabels), options.output, context);
    }
    throw cause;
  });
  const report = evaluate(inputs.targets, inputs.observations, { asOf, dueDays: project.dueDays });
  const render = await loadRenderer("results", options.format);
  await emit(
    render(report, {
      labels,
      color: useColor(context, options.output),
      width: terminalWidth(context, options.output),
      warnings: inputs.warnings,
      office: project.office,
      title: project.title,
      notice: project.notice,
    }),
    options.output,
    context,
  );
  // In GitHub Actions the job summary gets the status report, so a run's page shows it.
  const summaryFile = context.env.GITHUB_STEP_SUMMARY;
  if (options.format === "github" && summaryFile) {
    const { renderReportMarkdown: renderReport } = await import("../render/report-markdown.js");
    const model = buildReport(inputs.targets, inputs.observations, {
      asOf,
      dueDays: project.dueDays,
      settings: project,
      office: project.office,
      title: project.title,
      notice: project.notice,
      warnings: inputs.warnings,
    });
    await appendOutput(summaryFile, renderReport(model, { labels, charts: false, byOwner: false }));
  }
  return getExitCode(report, failOn);
}
