/**
 * `--format codequality`: GitLab's Code Quality report (a JSON array of issues), so that a merge
 * request shows red and yellow targets at their line in the target file. Red is `major`, yellow
 * `minor`; the fingerprint is stable per target and reason, so that GitLab tells a target that
 * stays red from one newly red.
 */
import { createHash } from "node:crypto";
import type { Report } from "../core/model.js";
import type { Labels } from "../i18n/labels.js";
import { byStatus, describeResult } from "./format.js";

export function renderCodeQuality(report: Report, options: { labels: Labels }): string {
  const { labels } = options;
  const issues = byStatus(report.results)
    .filter((result) => result.status === "red" || result.status === "yellow")
    .map((result) => {
      const { target } = result;
      return {
        description: `${labels.status[result.status]}: ${target.id} ${target.title}${labels.listSeparator}${describeResult(result, labels)}`,
        check_name: `kpi-${result.status}-${result.reason}`,
        fingerprint: createHash("sha256").update(`${target.id}\n${result.reason}`).digest("hex"),
        severity: result.status === "red" ? "major" : "minor",
        location: { path: target.place.file, lines: { begin: target.place.line } },
      };
    });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
