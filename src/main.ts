/** The executable's entry: runs the CLI on this process and sets its exit code. */
import { localToday, run } from "./cli.js";

process.exitCode = await run(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  today: localToday,
});
