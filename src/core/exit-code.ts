/** The exit code of a run that made a report (SPEC section 5); input and usage errors are 2. */
import { type Report, STATUSES, type Status } from "./model.js";
import { UsageError } from "./problems.js";

/** `--fail-on`: a comma list of statuses, or `none`. */
export function parseFailOn(text: string): ReadonlySet<Status> {
  const words = text
    .split(",")
    .map((word) => word.trim().toLowerCase())
    .filter((word) => word !== "");
  if (words.length === 1 && words[0] === "none") return new Set();
  const unknown = words.filter((word) => !(STATUSES as readonly string[]).includes(word));
  if (words.length === 0 || unknown.length > 0) {
    throw new UsageError("option.fail-on-invalid", { value: text, statuses: [...STATUSES] });
  }
  return new Set(words as Status[]);
}

/** 1 when any result has a status in `failOn`, else 0. */
export function getExitCode(report: Report, failOn: ReadonlySet<Status>): 0 | 1 {
  return report.results.some((result) => failOn.has(result.status)) ? 1 : 0;
}
