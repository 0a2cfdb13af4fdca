import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import * as yaml from "yaml";
import { parse } from "yaml";
import { renderSchema } from "../../src/cli/schema.js";
import { initFiles } from "../../src/core/init-files.js";
import { targetFileJsonSchema } from "../../src/inputs/target-json-schema.js";
import { parseTargetFile } from "../../src/inputs/targets.js";
import { REPO } from "../run-kpi.js";

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
    ...initFiles({ year: 2026, version: "0.0.0", schema: "" })
      .filter((file) => file.path.endsWith(".yaml"))
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
