/** The executable's entry: runs the CLI on this process and sets its exit code. */

import type { OutputStream } from "./context.js";
import { localToday, run } from "./program.js";

/**
 * process.stdout or process.stderr, taken on first use. Node.js makes each stream, loading the
 * modules for a terminal, a pipe or a file, when it is first asked for: a run that writes to `-o`
 * and has nothing to warn about needs neither.
 */
function output(open: () => NodeJS.WriteStream): OutputStream {
  let stream: NodeJS.WriteStream | undefined;
  const opened = () => {
    if (stream === undefined) {
      stream = open();
      // A reader that stops early (`kpi check | head`) closes the pipe: the rest of the output has
      // nowhere to go, which is no fault of kpi's and no reason for a stack trace. Other errors are.
      let closed = false;
      stream.on("error", (cause: NodeJS.ErrnoException) => {
        if (cause.code !== "EPIPE" && !closed) throw cause;
        closed = true;
      });
    }
    return stream;
  };
  return {
    write: (text) => opened().write(text),
    get isTTY() {
      return opened().isTTY;
    },
    get columns() {
      const stream = opened();
      return stream.isTTY ? stream.columns : undefined;
    },
  };
}

run(process.argv.slice(2), {
  env: process.env,
  stdout: output(() => process.stdout),
  stderr: output(() => process.stderr),
  today: localToday,
}).then((code) => {
  process.exitCode = code;
});
