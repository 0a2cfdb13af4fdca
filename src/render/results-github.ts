/**
 * `--format github`: GitHub Actions workflow commands. Each red target is an `::error` and each
 * yellow one a `::warning`, placed at the target's entry in its YAML file, so that the run's
 * annotations point at it; a plain summary line follows. (The markdown report for the job summary
 * is appended by the command, which does the I/O.)
 */
import type { Report } from "../core/model.js";
import type { Problem } from "../core/problems.js";
import type { Labels } from "../i18n/labels.js";
import { byStatus, describeResult, formatCounts, summaryHeading } from "./format.js";
import { problemAnnotations } from "./problem-formats.js";

/** A workflow command's message: `%`, CR and LF are encoded, as the runner decodes them. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A workflow command's property value: also `:` and `,`, which end a property. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** An annotation per input warning, and per red or yellow target, then the summary line. */
export function renderGithub(
  report: Report,
  options: { labels: Labels; warnings?: readonly Problem[] },
): string {
  const { labels } = options;
  const lines: string[] = [];
  const warnings = problemAnnotations(options.warnings ?? [], labels);
  if (warnings !== "") lines.push(warnings.replace(/\n$/, ""));
  for (const result of byStatus(report.results)) {
    if (result.status !== "red" && result.status !== "yellow") continue;
    const { target } = result;
    const command = result.status === "red" ? "error" : "warning";
    const properties = [
      `file=${escapeCommandProperty(target.place.file)}`,
      `line=${target.place.line}`,
      `col=${target.place.column}`,
      `title=${escapeCommandProperty(`${labels.status[result.status]}: ${target.id}`)}`,
    ].join(",");
    const message = `${target.title}${labels.listSeparator}${describeResult(result, labels)}`;
    lines.push(`::${command} ${properties}::${escapeCommandData(message)}`);
  }
  const { summary } = report;
  const heading = summaryHeading(summary.total, report.asOf, labels);
  lines.push(`${heading.text}${heading.colon}${formatCounts(summary, labels)}`);
  return `${lines.join("\n")}\n`;
}
