/**
 * The layout shows the architecture (docs/architecture.md): every folder of src/ has its line
 * there, no two source files share a name, and the pure layers import nothing of the process.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const SRC = join(ROOT, "src");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

const files = sourceFiles(SRC);

describe("the source layout", () => {
  it("has no two source files with the same name", () => {
    const byName = new Map<string, string[]>();
    for (const file of files) {
      const name = basename(file);
      byName.set(name, [...(byName.get(name) ?? []), relative(ROOT, file)]);
    }
    const shared = [...byName.values()].filter((paths) => paths.length > 1);
    expect(shared).toEqual([]);
  });

  it("gives every folder of src/ a line in docs/architecture.md", () => {
    const architecture = readFileSync(join(ROOT, "docs", "architecture.md"), "utf8");
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((entry) =>
      entry.isDirectory(),
    );
    expect(folders.length).toBeGreaterThan(4);
    for (const folder of folders)
      expect(architecture).toMatch(new RegExp(`^\\| \`src/${folder.name}/\` +\\| \\S`, "m"));
  });

  it("keeps the core and the input readers pure: no file system, clock or process", () => {
    const pure = files.filter((file) => /[\\/]src[\\/](core|inputs)[\\/]/.test(file));
    expect(pure.length).toBeGreaterThan(10);
    for (const file of pure) {
      const text = readFileSync(file, "utf8");
      expect(text, relative(ROOT, file)).not.toMatch(/from "node:(fs|child_process|process)"/);
      expect(text, relative(ROOT, file)).not.toMatch(
        /\bprocess\.(env|cwd|argv|exit|stdout)|Date\.now\(\)|new Date\(\)/,
      );
    }
  });
});
