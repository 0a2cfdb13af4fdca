/** The exit code of a run that made a report (SPEC section 5); input and usage errors are 2. */
import { type Report, STATUSES } from "./model.js";
import { UsageError } from "./problems.js";

/** What `--fail-on` can name: a status, or `late` (a report is due and none came, SPEC 4.1). */
export const FAIL_ON_WORDS = [...STATUSES, "late"] as const;
export type FailOn = (typeof FAIL_ON_WORDS)[number];

/** `--fail-on`: a comma list of statuses and `late`, or `none`. */
export function parseFailOn(text: string): ReadonlySet<FailOn> {
  const words = text
    .split(",")
    .map((word) => word.trim().toLowerCase())
    .filter((word) => word !== "");
  if (words.length === 1 && words[0] === "none") return new Set();
  const unknown = words.filter((word) => !(FAIL_ON_WORDS as readonly string[]).includes(word));
  if (words.length === 0 || unknown.length > 0) {
    throw new UsageError("option.fail-on-invalid", { value: text, statuses: [...FAIL_ON_WORDS] });
  }
  return new Set(words as FailOn[]);
}

/** 1 when any result has a status in `failOn`, or is late and `late` is in it; else 0. */
export function getExitCode(report: Report, failOn: ReadonlySet<FailOn>): 0 | 1 {
  const failsLate = failOn.has("late");
  return report.results.some((result) => failOn.has(result.status) || (failsLate && result.late))
    ? 1
    : 0;
}
