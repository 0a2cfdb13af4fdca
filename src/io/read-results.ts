/** Reading a results file for `kpi diff`: its text, or the problem of a file that is not there. */
import { readFileSync } from "node:fs";
import { error, InputError, UsageError } from "../core/problems.js";
import { errorCode } from "./find-files.js";

export function readResultsText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (cause) {
    if (errorCode(cause) === "ENOENT") throw new UsageError("path.not-found", { paths: [path] });
    throw new InputError([
      error({ file: path, line: 1, column: 1 }, "file.unreadable", { code: errorCode(cause) }),
    ]);
  }
}
