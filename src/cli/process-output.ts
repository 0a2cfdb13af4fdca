/**
 * The process's stdout and stderr as kpi writes them, with every write confirmed: a report that
 * did not reach its file in full (a full disk, /dev/full) must not end as a success.
 */
import { fstatSync, writeSync } from "node:fs";
import type { OutputStream } from "./context.js";

/** A stream that says, once all is written, whether every write arrived. */
export interface ConfirmedOutput extends OutputStream {
  /**
   * Resolves when every write so far has reached its file, pipe or terminal: with the first
   * error, or null. A reader that closed the pipe early (`kpi check | head`) is no error.
   */
  finished(): Promise<NodeJS.ErrnoException | null>;
}

/**
 * File descriptor 1 or 2, opened on first use. A file is written directly, with every byte
 * confirmed: Node.js's stream for a file ignores a short write, which is how a full disk cut a
 * report silently. A terminal, a device or a pipe goes through Node.js's stream (made only when
 * first used: a run that writes to `-o` and warns of nothing needs none), and its writes are
 * confirmed by their callbacks.
 */
export function confirmedOutput(
  descriptor: 1 | 2,
  open: () => NodeJS.WriteStream,
): ConfirmedOutput {
  let failure: NodeJS.ErrnoException | null = null;
  let closed = false;
  let stream: NodeJS.WriteStream | null | undefined;
  let pending = 0;
  const waiting: (() => void)[] = [];

  const fail = (cause: NodeJS.ErrnoException) => {
    // Past a closed pipe the rest has nowhere to go, which is no fault of kpi's.
    if (cause.code === "EPIPE") closed = true;
    else failure ??= cause;
  };
  const opened = () => {
    if (stream !== undefined) return stream;
    stream = isFileOrDevice(descriptor) ? null : open();
    stream?.on("error", fail);
    return stream;
  };
  return {
    write(text) {
      if (failure !== null || closed) return;
      const target = opened();
      if (target === null) {
        writeFully(descriptor, text, fail);
        return;
      }
      pending++;
      target.write(text, (cause) => {
        if (cause) fail(cause);
        if (--pending === 0) for (const resolve of waiting.splice(0)) resolve();
      });
    },
    get isTTY() {
      return opened()?.isTTY === true;
    },
    get columns() {
      const target = opened();
      return target?.isTTY ? target.columns : undefined;
    },
    finished() {
      if (pending === 0) return Promise.resolve(failure);
      return new Promise((resolve) => {
        waiting.push(() => resolve(failure));
      });
    },
  };
}

/**
 * A regular file or a disk: written with writeSync. A terminal, /dev/null and /dev/full are
 * character devices, for which Node.js's stream reports every failure to the write's callback.
 */
function isFileOrDevice(descriptor: number): boolean {
  try {
    const info = fstatSync(descriptor);
    return info.isFile() || info.isBlockDevice();
  } catch {
    return false;
  }
}

/** Every byte of `text`, however many calls the kernel takes; the first error stops it. */
function writeFully(
  descriptor: number,
  text: string | Uint8Array,
  fail: (cause: NodeJS.ErrnoException) => void,
): void {
  const bytes =
    typeof text === "string"
      ? Buffer.from(text, "utf8")
      : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  try {
    for (let written = 0; written < bytes.length; )
      written += writeSync(descriptor, bytes, written, bytes.length - written);
  } catch (cause) {
    fail(cause as NodeJS.ErrnoException);
  }
}
