/**
 * Writing files atomically, for `-o` and `kpi init` alike: one file is the old content or the new;
 * several files are all written or none, and a failure removes what the write made.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomic, writeFilesAtomic } from "../../src/io/write-atomic.js";
import { usageMessage } from "../helpers.js";

const scratch = mkdtempSync(join(tmpdir(), "kpi-write-atomic-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folderNumber = 0;
function freshFolder(): string {
  const folder = join(scratch, `f${folderNumber++}`);
  mkdirSync(folder);
  return folder;
}

/** Every file and folder under `folder`, as paths relative to it. */
function everything(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .map((path) => relative(folder, join(folder, path)))
    .sort();
}

describe("writeFilesAtomic", () => {
  it("writes every file, making their folders", () => {
    const dir = freshFolder();
    writeFilesAtomic([
      { path: join(dir, "a", "one.txt"), content: "1" },
      { path: join(dir, "b", "c", "two.txt"), content: "2" },
    ]);
    expect(everything(dir)).toEqual(["a", "a/one.txt", "b", "b/c", "b/c/two.txt"]);
    expect(readFileSync(join(dir, "b", "c", "two.txt"), "utf8")).toBe("2");
  });

  it("replaces files that exist", () => {
    const dir = freshFolder();
    writeFileSync(join(dir, "one.txt"), "old");
    writeFilesAtomic([{ path: join(dir, "one.txt"), content: "new" }]);
    expect(readFileSync(join(dir, "one.txt"), "utf8")).toBe("new");
    expect(everything(dir)).toEqual(["one.txt"]);
  });

  it("a failure after the first file is in place removes it, its new folder and every temporary file", async () => {
    const dir = freshFolder();
    // The second place is a folder with a file in it: the rename over it fails, after the first.
    mkdirSync(join(dir, "taken"));
    writeFileSync(join(dir, "taken", "mine.txt"), "mine");
    expect(
      await usageMessage(() =>
        writeFilesAtomic([
          { path: join(dir, "new", "one.txt"), content: "1" },
          { path: join(dir, "taken"), content: "2" },
        ]),
      ),
    ).toBe(`cannot write ${join(dir, "taken")}: it is a folder; nothing was written`);
    expect(everything(dir)).toEqual(["taken", "taken/mine.txt"]);
  });
});

describe("writeFileAtomic", () => {
  it("writes the file behind a link, which still points at it", async () => {
    const dir = freshFolder();
    writeFileSync(join(dir, "report.md"), "old");
    symlinkSync("report.md", join(dir, "latest.md"));
    await writeFileAtomic(join(dir, "latest.md"), "new");
    expect(readlinkSync(join(dir, "latest.md"))).toBe("report.md");
    expect(readFileSync(join(dir, "report.md"), "utf8")).toBe("new");
    expect(everything(dir)).toEqual(["latest.md", "report.md"]);
  });

  it("says when the folder does not exist, and leaves nothing", async () => {
    const dir = freshFolder();
    expect(await usageMessage(() => writeFileAtomic(join(dir, "missing", "out.md"), "x"))).toBe(
      `cannot write ${join(dir, "missing", "out.md")}: its folder does not exist`,
    );
    expect(everything(dir)).toEqual([]);
  });
});

describe("text written as UTF-8", () => {
  // The write encodes text itself (in one pass); the bytes must be Node.js's own encoding's,
  // characters of four bytes, lone surrogates (U+FFFD) and an empty text included.
  it("is byte for byte what Buffer.from makes", async () => {
    const path = join(freshFolder(), "out.txt");
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.string({ unit: "grapheme", maxLength: 100 }),
      fc.string({
        unit: fc.constantFrom("\ud800", "\udfff", "指", "😀", "a", "\n"),
        maxLength: 50,
      }),
    );
    await fc.assert(
      fc.asyncProperty(text, async (content) => {
        await writeFileAtomic(path, content);
        expect(readFileSync(path).equals(Buffer.from(content, "utf8"))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
