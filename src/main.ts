/** The executable's entry: runs the CLI on this process and sets its exit code. */
import { localToday, run } from "./cli.js";

// A reader that stops early (`kpi check | head`) closes the pipe: the rest of the output has
// nowhere to go, which is no fault of kpi's and no reason for a stack trace. Other errors are.
for (const stream of [process.stdout, process.stderr]) {
  let closed = false;
  stream.on("error", (cause: NodeJS.ErrnoException) => {
    if (cause.code !== "EPIPE" && !closed) throw cause;
    closed = true;
  });
}

run(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  today: localToday,
}).then((code) => {
  process.exitCode = code;
});
