/**
 * `kpi notify --to PLATFORM`: the month's digest and the chase list posted to a group chat's
 * webhook (src/render/notify-payloads.ts, src/io/post-webhook.ts). The URL comes from --webhook or
 * KPI_WEBHOOK, never from a file; 钉钉's and 飞书's signing secret from KPI_WEBHOOK_SECRET.
 * `--dry-run` prints the payloads instead. A post that fails is exit 4, which no status makes.
 */
import { type Command, Option } from "commander";
import { UsageError } from "../core/problems.js";
import { PLATFORMS, type Platform } from "../core/project.js";
import { buildReport } from "../core/report-model.js";
import type { HelpLabels } from "../i18n/labels.js";
import { formatProblem } from "../i18n/problem-text.js";
import { digestPayloads } from "../render/notify-payloads.js";
import type { CliContext, KpiCommand } from "./context.js";
import { startReportRun } from "./load-inputs.js";
import {
  addAsOfOption,
  addInputOptions,
  addLangOption,
  type InputOptions,
} from "./shared-options.js";

/** The exit code of a post that failed: not 1 (a status) nor 2 (bad input). */
export const POST_FAILED_EXIT_CODE = 4;

interface NotifyOptions extends InputOptions {
  to: Platform;
  webhook?: string;
  dryRun?: boolean;
  asOf?: string;
  lang?: string;
}

export const notifyCommand: KpiCommand = {
  name: "notify",
  define(command: Command, help: HelpLabels) {
    command.description(help.commands.notify);
    addInputOptions(command, help);
    addAsOfOption(command, help);
    addLangOption(command, help);
    command.addOption(
      new Option("--to <platform>", help.options.to).choices(PLATFORMS).makeOptionMandatory(),
    );
    command.addOption(new Option("--webhook <url>", help.options.webhook));
    command.addOption(new Option("--dry-run", help.options.dryRun));
  },
  run: (context: CliContext, options: NotifyOptions) => notify(options, context),
};

async function notify(options: NotifyOptions, context: CliContext): Promise<number> {
  const url = options.webhook ?? context.env.KPI_WEBHOOK ?? "";
  if (options.dryRun !== true) {
    if (url === "") throw new UsageError("notify.no-webhook", {});
    if (!/^https?:\/\/./i.test(url)) throw new UsageError("notify.bad-webhook", {});
  }
  const { labels, inputs, asOf, project } = await startReportRun(options, [], context);
  const model = buildReport(inputs.targets, inputs.observations, {
    asOf,
    dueDays: project.dueDays,
    settings: project,
    office: project.office,
    title: project.title,
  });
  const payloads = digestPayloads(model, options.to, labels, project.contacts);
  if (options.dryRun === true) {
    for (const payload of payloads) context.stdout.write(`${JSON.stringify(payload)}\n`);
    return 0;
  }
  const number = (name: string, fallback: number) => {
    const value = Number(context.env[name]);
    return Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  // Loaded by this command only: node:crypto (the signatures) is a few milliseconds of a start.
  const { postMessages } = await import("../io/post-webhook.js");
  const result = await postMessages(payloads, {
    platform: options.to,
    url,
    secret: context.env.KPI_WEBHOOK_SECRET || null,
    attempts: 3,
    // For tests: how long to wait before a retry, and for an answer.
    backoffMs: number("KPI_NOTIFY_BACKOFF_MS", 2000),
    timeoutMs: number("KPI_NOTIFY_TIMEOUT_MS", 15000),
    now: Date.now,
  });
  if (!result.ok) {
    const { problem } = new UsageError("notify.post-failed", {
      platform: options.to,
      attempts: result.attempts,
      detail: result.detail,
      posted: result.posted,
      total: payloads.length,
    });
    context.stderr.write(`kpi: ${formatProblem(problem, labels)}\n`);
    return POST_FAILED_EXIT_CODE;
  }
  context.stdout.write(`${labels.notify.posted(result.posted, options.to)}\n`);
  return 0;
}
