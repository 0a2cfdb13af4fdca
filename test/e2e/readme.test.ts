/**
 * Every example in README.md and the user guides it links (docs/files.md, formats.md, ci.md) is
 * run: each `$ npx kpi …` line of a console block with its output
 * (stdout, then stderr; a line `…` stands for any lines), each `npx kpi …` line of a sh block, and
 * the YAML and CSV examples through `kpi validate`; the workflow is the one `kpi init` writes. The commands run in a
 * copy of the example (with its kpi.yaml) and the fixtures, so that `-o` and `init` change nothing
 * here.
 * `KPI_README_UPDATE=1 npx vitest run test/e2e/readme.test.ts` writes the outputs into the files
 * (read the diff before committing it).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { marked, type Tokens } from "marked";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, runKpi } from "../run-kpi.js";
import { runJob } from "../workflow-runner.js";

/** The files whose examples are run, README.md first. */
const GUIDES = ["README.md", "docs/files.md", "docs/formats.md", "docs/ci.md"].map((name) => {
  const text = readFileSync(join(REPO, name), "utf8");
  const blocks = marked.lexer(text).filter((token): token is Tokens.Code => token.type === "code");
  return { name, text, blocks };
});
const blocks = (GUIDES[0] as (typeof GUIDES)[number]).blocks;
const allBlocks = GUIDES.flatMap((guide) => guide.blocks);
const update = process.env.KPI_README_UPDATE === "1";

const work = mkdtempSync(join(tmpdir(), "kpi-readme-"));
for (const path of ["kpi.yaml", "targets", "data", "test/fixtures", "examples"]) {
  cpSync(join(REPO, path), join(work, path), { recursive: true });
}
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The arguments of a `npx kpi …` command line; the README's examples use no quotes. */
function argumentsOf(command: string): string[] {
  const words = command
    .replace(/\s+#.*$/, "")
    .trim()
    .split(/\s+/);
  expect(words.slice(0, 2), command).toEqual(["npx", "kpi"]);
  expect(command, "an example with quotes would need a shell to read it").not.toMatch(/["']/);
  return words.slice(2);
}

interface ConsoleExample {
  command: string;
  expected: string[];
}

function consoleExamples(block: string): ConsoleExample[] {
  const examples: ConsoleExample[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("$ ")) examples.push({ command: line.slice(2), expected: [] });
    else examples.at(-1)?.expected.push(line);
  }
  return examples;
}

/** `actual` lines against `expected` lines, where an expected `…` stands for any lines. */
function matches(actual: readonly string[], expected: readonly string[]): boolean {
  if (expected.length === 0) return actual.length === 0;
  const [first, ...rest] = expected;
  if (first === "…") {
    for (let skip = 0; skip <= actual.length; skip++)
      if (matches(actual.slice(skip), rest)) return true;
    return false;
  }
  return actual[0] === first && matches(actual.slice(1), rest);
}

function outputLines(stdout: string, stderr: string): string[] {
  return `${stdout}${stderr}`.replace(/\n$/, "").split("\n");
}

for (const guide of GUIDES.filter((guide) => guide.blocks.some((b) => b.lang === "console"))) {
  describe(`${guide.name}: console examples print what it shows`, () => {
    let updated = guide.text;
    for (const block of guide.blocks.filter((block) => block.lang === "console")) {
      for (const example of consoleExamples(block.text)) {
        it(example.command, () => {
          const run = runKpi(argumentsOf(example.command), { cwd: work });
          expect(run.stderr).not.toMatch(/internal error/i);
          const actual = outputLines(run.stdout, run.stderr);
          if (update) {
            const old = `$ ${example.command}\n${example.expected.join("\n")}`.replace(/\n$/, "");
            updated = updated.replace(old, `$ ${example.command}\n${actual.join("\n")}`);
            return;
          }
          expect(
            matches(actual, example.expected),
            `${guide.name} shows:\n${example.expected.join("\n")}\nkpi printed:\n${actual.join("\n")}`,
          ).toBe(true);
        });
      }
    }
    afterAll(() => {
      if (update && updated !== guide.text) writeFileSync(join(REPO, guide.name), updated);
    });
  });
}

describe("the guides' commands run without an input or internal error", () => {
  const commands = allBlocks
    .filter((block) => block.lang === "sh")
    .flatMap((block) => block.text.split("\n"))
    .filter((line) => line.startsWith("npx kpi "));
  it("has commands to run", () => expect(commands.length).toBeGreaterThan(3));
  for (const command of commands) {
    it(command, () => {
      const run = runKpi(argumentsOf(command), { cwd: work });
      expect([0, 1], `${command}\n${run.stderr}`).toContain(run.code);
    });
  }
});

describe("README files are valid", () => {
  const yamlBlocks = blocks.filter((block) => block.lang === "yaml");
  const targets = yamlBlocks.find((block) => block.text.includes("targets:"));
  const csv = blocks.find((block) => block.lang === "csv");

  it("the target and data examples pass kpi validate with no warning", () => {
    const folder = mkdtempSync(join(work, "files-"));
    writeFileSync(join(folder, "targets.yaml"), targets?.text ?? "");
    writeFileSync(join(folder, "data.csv"), csv?.text ?? "");
    const run = runKpi(["validate", "targets.yaml", "data.csv"], { cwd: folder });
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^4 targets, 4 data rows: no errors, no warnings\n$/);
    expect(run.code).toBe(0);
  });

  it("every other target file of the README passes kpi validate", () => {
    const others = yamlBlocks.filter(
      (block) => block.text.includes("targets:") && block !== targets,
    );
    expect(others.length).toBeGreaterThan(0);
    for (const block of others) {
      const folder = mkdtempSync(join(work, "targets-"));
      writeFileSync(join(folder, "targets.yaml"), block.text);
      const run = runKpi(["validate", "targets.yaml"], { cwd: folder });
      expect({ code: run.code, stderr: run.stderr }, block.text).toEqual({ code: 0, stderr: "" });
    }
  });

  it("the project file example passes kpi validate beside them", () => {
    const project = allBlocks.find(
      (block) => block.lang === "yaml" && block.text.includes("office:"),
    );
    const folder = mkdtempSync(join(work, "project-"));
    writeFileSync(join(folder, "kpi.yaml"), project?.text ?? "");
    writeFileSync(join(folder, "targets.yaml"), targets?.text ?? "");
    writeFileSync(join(folder, "data.csv"), csv?.text ?? "");
    // Its lang is zh: the summary is in Chinese.
    const run = runKpi(["validate", "targets.yaml", "data.csv"], { cwd: folder });
    expect(run).toEqual({
      code: 0,
      stdout: "kpi.yaml、4 项指标、4 行数据：没有错误，没有警告\n",
      stderr: "",
    });
  });

  it("docs/ci.md's contacts pass kpi validate under the project file example", () => {
    const project = allBlocks.find(
      (block) => block.lang === "yaml" && block.text.includes("office:"),
    );
    const contacts = allBlocks.find(
      (block) => block.lang === "yaml" && block.text.startsWith("contacts:"),
    );
    expect(contacts?.text).toContain("发改局");
    const folder = mkdtempSync(join(work, "contacts-"));
    writeFileSync(join(folder, "kpi.yaml"), `${project?.text ?? ""}\n${contacts?.text ?? ""}\n`);
    writeFileSync(join(folder, "targets.yaml"), targets?.text ?? "");
    writeFileSync(join(folder, "data.csv"), csv?.text ?? "");
    const run = runKpi(["validate", "targets.yaml", "data.csv"], { cwd: folder });
    expect(run).toEqual({
      code: 0,
      stdout: "kpi.yaml、4 项指标、4 行数据：没有错误，没有警告\n",
      stderr: "",
    });
  });

  it("the README's smallest workflow passes in a repository kpi init made", async () => {
    const workflow = blocks.find((block) => block.lang === "yaml" && block.text.includes("jobs:"));
    const folder = mkdtempSync(join(work, "mini-"));
    expect(runKpi(["init", folder]).code).toBe(0);
    const file = join(folder, ".github", "workflows", "mini.yml");
    writeFileSync(file, workflow?.text ?? "");
    const job = await runJob(file, "check", {
      workspace: folder,
      env: { PATH: process.env.PATH ?? "", HOME: folder, LANG: "C", NO_COLOR: "1" },
    });
    expect(job.steps.map((step) => [step.name, step.code, step.stderr])).toEqual(
      job.steps.map((step) => [step.name, 0, ""]),
    );
    expect(job.outputs).toEqual({});
    expect(job.summary).toMatch(/^# /);
  });

  it("the workflow is the one kpi init writes (which test/e2e/fresh-clone.test.ts runs)", () => {
    const ci = GUIDES.find((guide) => guide.name === "docs/ci.md");
    const workflow = ci?.blocks.find(
      (block) => block.lang === "yaml" && block.text.includes("jobs:"),
    );
    const folder = mkdtempSync(join(work, "init-"));
    expect(runKpi(["init", folder]).code).toBe(0);
    expect(`${workflow?.text}\n`).toBe(
      readFileSync(join(folder, ".github", "workflows", "kpi.yml"), "utf8"),
    );
  });
});

describe("the README example matcher", () => {
  it("matches line for line, and … stands for any lines", () => {
    expect(matches(["a", "b"], ["a", "b"])).toBe(true);
    expect(matches(["a", "b"], ["a", "c"])).toBe(false);
    expect(matches(["a", "x", "y", "b"], ["a", "…", "b"])).toBe(true);
    expect(matches(["a", "b"], ["a", "…", "b"])).toBe(true);
    expect(matches(["a", "x"], ["a", "…", "b"])).toBe(false);
    expect(matches(["a"], [])).toBe(false);
  });
});
