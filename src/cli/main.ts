/**
 * The executable's entry: runs the CLI on this process, waits until its output is written, and
 * sets the exit code. Output that could not be written is exit 2, whatever the run found.
 */
import { UsageError } from "../core/problems.js";
import { formatProblem } from "../i18n/problem-text.js";
import { writeReason } from "../io/write-atomic.js";
import { confirmedOutput } from "./process-output.js";
import { clockToday, run } from "./program.js";
import { labelsFromArguments } from "./shared-options.js";

const argv = process.argv.slice(2);
const context = {
  env: process.env,
  stdout: confirmedOutput(1, () => process.stdout),
  stderr: confirmedOutput(2, () => process.stderr),
  today: clockToday,
  workingFolder: ".",
};

run(argv, context).then(async (code) => {
  const stdoutFailure = await context.stdout.finished();
  if (stdoutFailure !== null) {
    const labels = await labelsFromArguments(argv, context);
    const { problem } = new UsageError("output.stdout-failed", {
      reason: writeReason(stdoutFailure),
    });
    context.stderr.write(`kpi: ${formatProblem(problem, labels)}\n`);
  }
  const stderrFailure = await context.stderr.finished();
  // Everything is written: ending here spares a large run the collector's last pass and the
  // teardown of its heap (24–37 M instructions of a run on 5,000 targets; nothing at the start).
  process.exit(stdoutFailure !== null || stderrFailure !== null ? 2 : code);
});
