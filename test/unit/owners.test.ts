/**
 * Owners (SPEC 2, 6, 7): a name is one body; with the project file's `owners:`, every owner of a
 * target is a listed one, else an error where the target names it, with "did you mean".
 */
import { describe, expect, it } from "vitest";
import * as yaml from "yaml";
import type { Target } from "../../src/core/model.js";
import { severalOwners, unlistedOwners } from "../../src/core/owners.js";
import { formatPlace, sortProblems } from "../../src/core/problems.js";
import { formatProblem } from "../../src/i18n/problem-text.js";
import { ownerPlaces } from "../../src/inputs/owner-places.js";
import { readPlainDocument, readYamlDocument, targetsOf } from "../../src/inputs/targets.js";
import { targetsFrom } from "../helpers.js";

describe("severalOwners: a name that joins several bodies", () => {
  it.each([
    ["经信局、商务局", ["经信局", "商务局"]],
    ["经信局，商务局", ["经信局", "商务局"]],
    ["经信局, 商务局", ["经信局", "商务局"]],
    ["经信局；商务局", ["经信局", "商务局"]],
    ["经信局; 商务局", ["经信局", "商务局"]],
    ["经信局/商务局", ["经信局", "商务局"]],
    ["发改局、", ["发改局"]],
  ])("%s → %j", (name, names) => {
    expect(severalOwners(name)).toEqual(names);
  });

  it.each(["发改局", "项目双进双产专班", "Beta|B", "经信局 商务局"])("%s names one", (name) => {
    expect(severalOwners(name)).toBeNull();
  });
});

const TARGETS = targetsFrom(`year: 2022
targets:
  - { id: a, title: A, target: 1, owner: 发改局 }
  - { id: b, title: B, target: 1, owner: [经信局, 发改委] }
  - { id: c, title: C, target: 1 }
`);

/** Each owner placed at its target's line and the owner's index as the column, to see both. */
const placeOf = (target: Target, index: number) => ({
  file: "t.yaml",
  line: target.place.line,
  column: index + 1,
});

describe("unlistedOwners: every owner of a target is in owners:", () => {
  it("without owners: there is nothing to check", () => {
    expect(unlistedOwners(TARGETS, null, { file: "kpi.yaml", placeOf })).toEqual([]);
  });

  it("all listed: no problem", () => {
    const owners = ["发改局", "经信局", "发改委"];
    expect(unlistedOwners(TARGETS, owners, { file: "kpi.yaml", placeOf })).toEqual([]);
  });

  it("发改委 is not 发改局: an error at the owner, with did you mean", () => {
    const problems = unlistedOwners(TARGETS, ["发改局", "经信局"], { file: "kpi.yaml", placeOf });
    expect(problems.map((problem) => formatProblem(problem))).toEqual([
      't.yaml:4:2: owner "发改委" is not in the owners of kpi.yaml (did you mean "发改局"?)',
    ]);
  });

  it("an owner like no listed one: no suggestion", () => {
    const problems = unlistedOwners(TARGETS, ["项目双进双产专班"], {
      file: "office/kpi.yaml",
      placeOf,
    });
    expect(problems.map((problem) => formatProblem(problem))).toEqual([
      't.yaml:3:1: owner "发改局" is not in the owners of office/kpi.yaml',
      't.yaml:4:1: owner "经信局" is not in the owners of office/kpi.yaml',
      't.yaml:4:2: owner "发改委" is not in the owners of office/kpi.yaml',
    ]);
  });
});

describe("ownerPlaces: where a target names each owner", () => {
  const text = `year: 2022
defaults:
  owner: [经信局, 发改委]
targets:
  - { id: a, title: A, target: 1, owner: 发改委 }
  - id: b
    title: B
    target: 1
    owner:
      - 经信局
      - 商务局
  - { id: c, title: C, target: 1 }
`;

  it.each([
    ["by the plain reader", true],
    ["by yaml", false],
  ])("its own owner, an item of its own list, or its file's default (%s)", (_, plain) => {
    const source = { file: "t.yaml", text };
    const document = plain ? readPlainDocument(source) : readYamlDocument(source, yaml);
    if (document === null) throw new Error("the plain reader declined the file");
    const { targets } = targetsOf([document]);
    const placeOf = ownerPlaces([document]);
    const [a, b, c] = targets as [Target, Target, Target];
    const at = (target: Target, index: number) => formatPlace(placeOf(target, index));
    expect(at(a, 0)).toBe("t.yaml:5:42");
    expect([at(b, 0), at(b, 1)]).toEqual(["t.yaml:10:9", "t.yaml:11:9"]);
    // 经信局 and 发改委 of the defaults' `owner: [经信局, 发改委]`.
    expect([at(c, 0), at(c, 1)]).toEqual(["t.yaml:3:11", "t.yaml:3:16"]);
  });

  it("checked against owners:, each unlisted one at its place", () => {
    const document = readYamlDocument({ file: "t.yaml", text }, yaml);
    const { targets } = targetsOf([document]);
    const problems = unlistedOwners(targets, ["发改局", "经信局"], {
      file: "kpi.yaml",
      placeOf: ownerPlaces([document]),
    });
    expect(sortProblems(problems).map((problem) => formatProblem(problem))).toEqual([
      't.yaml:3:16: owner "发改委" is not in the owners of kpi.yaml (did you mean "发改局"?)',
      't.yaml:5:42: owner "发改委" is not in the owners of kpi.yaml (did you mean "发改局"?)',
      't.yaml:11:9: owner "商务局" is not in the owners of kpi.yaml',
    ]);
  });
});
