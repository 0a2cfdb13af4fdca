/** `kpi check`: evaluate every target and print the result; the exit code follows `--fail-on`. */
import { type Command, Option } from "commander";
import { evaluate } from "../evaluate.js";
import { getExitCode, parseFailOn } from "../exit-code.js";
import { FORMATS, type Format, renderers, reportRenderers } from "../render/index.js";
import { buildReport } from "../report.js";
import type { CliContext } from "./context.js";
import {
  addInputOptions,
  appendOutput,
  emit,
  type InputOptions,
  loadInputs,
  parseAsOf,
  printProblems,
  resolveAsOf,
  resolveLabels,
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
  addInputOptions(command)
    .option(
      "--as-of <date>",
      "evaluation date: a date, a month, a quarter or 'today' (default: the latest data date)",
    )
    .addOption(
      new Option("-f, --format <format>", "output format").choices(FORMATS).default("table"),
    )
    .option("-o, --output <file>", "write the output to a file (atomically) instead of stdout")
    .option(
      "--fail-on <statuses>",
      "comma list of statuses that make the exit code 1, or none",
      "red",
    )
    .option("--lang <lang>", "language of labels: en or zh (default: KPI_LANG, then LANG, else en)")
    .action(async (dataArguments: string[], options: CheckOptions) => {
      setExitCode(await check(dataArguments, options, context));
    });
}

async function check(
  dataArguments: string[],
  options: CheckOptions,
  context: CliContext,
): Promise<number> {
  // Options first: a typo in one is reported before any file is read.
  const labels = resolveLabels(options.lang, context);
  const failOn = parseFailOn(options.failOn);
  if (options.asOf !== undefined) parseAsOf(options.asOf, context);

  const inputs = await loadInputs(options, dataArguments);
  printProblems(inputs.warnings, context, labels);
  const asOf = resolveAsOf(options.asOf, inputs.observations, context);
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
