/** `kpi check`: evaluate every target and print the result; the exit code follows `--fail-on`. */
import { type Command, Option } from "commander";
import { evaluate } from "../core/evaluate.js";
import { getExitCode, parseFailOn } from "../core/exit-code.js";
import { buildReport } from "../core/report-model.js";
import { FORMATS, type Format, renderers, reportRenderers } from "../render/index.js";
import type { CliContext } from "./context.js";
import {
  addInputOptions,
  addReportOptions,
  appendOutput,
  emit,
  type InputOptions,
  startReportRun,
  useColor,
} from "./inputs.js";

interface CheckOptions extends InputOptions {
  asOf?: string;
  format: Format;
  output?: string;
  failOn: string;
  lang?: string;
}

export function registerCheck(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  const command = program
    .command("check")
    .description("evaluate every target against the data and print the result")
    .argument("[data...]", "data files or folders (added to --data)");
  addReportOptions(addInputOptions(command))
    .addOption(
      new Option("-f, --format <format>", "output format").choices(FORMATS).default("table"),
    )
    .option(
      "--fail-on <statuses>",
      "comma list of statuses that make the exit code 1, or none",
      "red",
    )
    .action(async (dataArguments: string[], options: CheckOptions) => {
      setExitCode(await check(dataArguments, options, context));
    });
}

async function check(
  dataArguments: string[],
  options: CheckOptions,
  context: CliContext,
): Promise<number> {
  const failOn = parseFailOn(options.failOn);
  const { labels, inputs, asOf } = await startReportRun(options, dataArguments, context);
  const report = evaluate(inputs.targets, inputs.observations, { asOf });
  const render = await renderers[options.format]();
  await emit(
    render(report, { labels, color: useColor(context, options.output) }),
    options.output,
    context,
  );
  // In GitHub Actions the job summary gets the status report, so a run's page shows it.
  const summaryFile = context.env.GITHUB_STEP_SUMMARY;
  if (options.format === "github" && summaryFile) {
    const renderReport = await reportRenderers.markdown();
    const model = buildReport(inputs.targets, inputs.observations, { asOf });
    await appendOutput(summaryFile, renderReport(model, { labels, charts: false, byOwner: false }));
  }
  return getExitCode(report, failOn);
}
