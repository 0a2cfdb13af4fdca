import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import * as yaml from "yaml";
import { parse } from "yaml";
import { renderProjectSchema, renderSchema } from "../../src/cli/schema.js";
import { initFiles } from "../../src/core/init-files.js";
import { parseProjectFile } from "../../src/inputs/project-file.js";
import { projectFileJsonSchema } from "../../src/inputs/project-json-schema.js";
import { targetFileJsonSchema } from "../../src/inputs/target-json-schema.js";
import { parseTargetFile } from "../../src/inputs/targets.js";
import { REPO, runKpi } from "../run-kpi.js";

const schema = targetFileJsonSchema();
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

function yamlFiles(folder: string): string[] {
  return readdirSync(join(REPO, folder))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(folder, name));
}

/** Every `properties` entry of the schema, with its path. */
function properties(node: unknown, path = "$"): [string, Record<string, unknown>][] {
  if (node === null || typeof node !== "object") return [];
  const found: [string, Record<string, unknown>][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" && value !== null && typeof value === "object") {
      for (const [name, property] of Object.entries(value)) {
        found.push([`${path}.${name}`, property as Record<string, unknown>]);
        found.push(...properties(property, `${path}.${name}`));
      }
    } else found.push(...properties(value, `${path}.${key}`));
  }
  return found;
}

describe("kpi schema: the JSON Schema of target files, generated from the zod schema", () => {
  it("is pinned by a snapshot (regenerate with `npx vitest run -u` after a deliberate change)", async () => {
    await expect(await renderSchema()).toMatchFileSnapshot("./__snapshots__/kpi.schema.json");
  });

  it("describes every field in English and in Chinese", () => {
    const fields = properties(schema);
    expect(fields.length).toBeGreaterThan(50);
    for (const [path, property] of fields) {
      const description = String(property.description ?? "");
      expect(description, path).toMatch(/[A-Za-z].* \/ .*[\u4e00-\u9fff]/);
    }
  });

  const accepted: [string, string][] = [
    ...[
      ...yamlFiles("targets"),
      ...yamlFiles("test/fixtures/basic/targets"),
      ...yamlFiles("test/fixtures/hand-computed/targets"),
    ].map((file): [string, string] => [file, readFileSync(join(REPO, file), "utf8")]),
    ...initFiles({
      year: 2026,
      version: "0.0.0",
      schema: "",
      release: "",
      action: "",
      ci: "github",
    })
      .filter((file) => file.path.startsWith("targets/"))
      .map((file): [string, string] => [`kpi init: ${file.path}`, file.content]),
    [
      "a kind that comes from defaults",
      "defaults: { kind: level }\ntargets: [{ id: r, title: R, max: 2 }]\n",
    ],
    [
      "a title and a target that come from defaults",
      "year: 2022\ndefaults: { title: T, target: 10 }\ntargets: [{ id: a }, { id: b }]\n",
    ],
    [
      "defaults of several kinds",
      "year: 2022\ndefaults: { warn_days: 10, tolerance: 1, deadline: 2022-06-30 }\ntargets: [{ id: a, title: A, target: 1 }, { id: m, kind: milestone, title: M }]\n",
    ],
    [
      "milestones by progress and by value",
      'year: 2022\ntargets:\n  - id: a\n    title: A\n    target: 100\n    schedule: [{ by: 2022-03-31, progress: "30%" }, { by: 2022-06-30, value: 60 }]\n',
    ],
  ];

  it.each(accepted)("accepts what the loader accepts: %s", (_, text) => {
    expect(parseTargetFile({ file: "t.yaml", text }, yaml).problems).toEqual([]);
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ["a misspelt key", "year: 2022\ntargets: [{ id: a, title: A, tagret: 1 }]\n"],
    ["an unknown preset", "year: 2022\ntargets: [{ id: a, title: A, target: 1, schedule: q30 }]\n"],
    ["an unknown kind", "year: 2022\ntargets: [{ id: a, title: A, kind: levl, max: 1 }]\n"],
    [
      "a progress given as a fraction",
      "year: 2022\ntargets: [{ id: a, title: A, target: 1, schedule: [{ by: 2022-06-30, progress: 0.5 }] }]\n",
    ],
    ["a field of another kind", "targets: [{ id: a, kind: level, title: A, max: 2, target: 5 }]\n"],
    ["a target without an id", "year: 2022\ntargets: [{ title: A, target: 1 }]\n"],
    ["a date in another form", "targets: [{ id: a, title: A, target: 1, deadline: 2022/12/31 }]\n"],
    ["an empty list", "year: 2022\ntargets: []\n"],
  ])("refuses, as the loader does, %s", (_, text) => {
    expect(parseTargetFile({ file: "t.yaml", text }, yaml).problems).not.toEqual([]);
    expect(validate(parse(text))).toBe(false);
  });
});

describe("kpi schema --project: the JSON Schema of kpi.yaml, generated from its zod schema", () => {
  const projectSchema = projectFileJsonSchema();
  const validateProject = new Ajv2020({ strict: true, allErrors: true }).compile(projectSchema);

  it("is pinned by a snapshot, and is what the command prints", async () => {
    const text = await renderProjectSchema();
    await expect(text).toMatchFileSnapshot("./__snapshots__/kpi-project.schema.json");
    const run = runKpi(["schema", "--project"]);
    expect(run).toEqual({ code: 0, stdout: text, stderr: "" });
  });

  it("describes every key in English and in Chinese", () => {
    const keys = properties(projectSchema);
    expect(keys.length).toBeGreaterThanOrEqual(15);
    for (const [path, property] of keys) {
      expect(String(property.description ?? ""), path).toMatch(/[A-Za-z].* \/ .*[\u4e00-\u9fff]/);
    }
  });

  const accepted: [string, string][] = [
    [
      "the SPEC's example",
      "office: XX县人民政府督查室\ntitle: 县政府重点工作月度亮晒\ndue_days: 10\nowners: [项目双进双产专班, 发改局]\nscores: { green: 100, yellow: 60, red: 0, missing: 0, late_penalty: 0 }\nallow_unknown: false\nlang: zh\nas_of: latest-data\ntimezone: Asia/Shanghai\ndefaults: { schedule: linear }\n",
    ],
    ["the bundled example's", readFileSync(join(REPO, "kpi.yaml"), "utf8")],
    ...initFiles({
      year: 2026,
      version: "0.0.0",
      schema: "",
      release: "",
      action: "",
      ci: "github",
    })
      .filter((file) => file.path === "kpi.yaml")
      .map((file): [string, string] => ["the one kpi init writes", file.content]),
    ["an empty mapping", "{}\n"],
    ["a date in another form", "as_of: 2022年6月\n"],
  ];

  it.each(accepted)("accepts what the reader accepts: %s", (_, text) => {
    expect(parseProjectFile({ file: "kpi.yaml", text }, yaml).problems).toEqual([]);
    expect(validateProject(parse(text)), JSON.stringify(validateProject.errors)).toBe(true);
  });

  it.each([
    ["a misspelt key", "tilte: 月度亮晒\n"],
    ["a misspelt score", "scores: { gren: 100 }\n"],
    ["a language of neither", "lang: fr\n"],
    ["a negative due_days", "due_days: -1\n"],
    ["due_days of a fraction", "due_days: 2.5\n"],
    ["an owner twice", "owners: [发改局, 发改局]\n"],
    ["an empty owners list", "owners: []\n"],
    ["one owner, not a list", "owners: 发改局\n"],
    ["allow_unknown as a word", "allow_unknown: yes\n"],
    ["a negative late_penalty", "scores: { late_penalty: -1 }\n"],
  ])("refuses, as the reader does, %s", (_, text) => {
    expect(parseProjectFile({ file: "kpi.yaml", text }, yaml).problems).not.toEqual([]);
    expect(validateProject(parse(text))).toBe(false);
  });
});
