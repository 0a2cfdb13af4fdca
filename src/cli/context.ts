/** What every command gets from the process, passed in so that commands stay testable. */
import type { Day } from "../core/dates.js";

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliContext {
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** The calendar date of "today" where the user is. */
  today: () => Day;
}
