import { describe, expect, it } from "vitest";
import { listTargets } from "../../src/core/list-model.js";
import { renderListJson } from "../../src/render/list-formats.js";
import { day, targetsFrom } from "../helpers.js";

const targets = targetsFrom(`
year: 2022
targets:
  - { id: invest, title: 固投亿元以上项目, unit: 个, target: 130 }
  - { id: rank, kind: level, title: 全市排名, max: 2, stretch: 1 }
  - { id: hall, kind: milestone, title: 验收, deadline: 2022-03-31, warn_days: 10 }
`);

describe("kpi list resolves each schedule to dated values", () => {
  it("gives the SPEC's worked example: 39, 78, 110.5 and 130 at the quarter-ends", () => {
    const [entry] = listTargets(targets);
    expect(entry?.schedule).toEqual([
      { by: day("2022-03-31"), value: 39, progress: 0.3 },
      { by: day("2022-06-30"), value: 78, progress: 0.6 },
      { by: day("2022-09-30"), value: 110.5, progress: 0.85 },
      { by: day("2022-12-31"), value: 130, progress: 1 },
    ]);
    expect(entry?.toleranceAmount).toBe(13);
  });

  it("gives a milestone its first yellow day, and a level no schedule", () => {
    const [, level, milestone] = listTargets(targets);
    expect(level).toMatchObject({ schedule: [], toleranceAmount: null, warnFrom: null });
    expect(milestone?.warnFrom).toBe(day("2022-03-21"));
  });

  it("has a JSON form with every field, null where a kind has none", () => {
    const json = JSON.parse(renderListJson(listTargets(targets)));
    expect(json.schemaVersion).toBe(1);
    expect(json.targets[0]).toEqual({
      id: "invest",
      title: "固投亿元以上项目",
      kind: "progress",
      owner: [],
      section: null,
      unit: "个",
      source: null,
      file: "test.yaml",
      line: 4,
      baseline: 0,
      target: 130,
      start: "2022-01-01",
      deadline: "2022-12-31",
      schedule: [
        { by: "2022-03-31", value: 39, progress: 0.3 },
        { by: "2022-06-30", value: 78, progress: 0.6 },
        { by: "2022-09-30", value: 110.5, progress: 0.85 },
        { by: "2022-12-31", value: 130, progress: 1 },
      ],
      interpolation: "linear",
      aggregate: "last",
      tolerance: "10%",
      toleranceAmount: 13,
      min: null,
      max: null,
      stretch: null,
      warnDays: null,
      warnFrom: null,
    });
    expect(json.targets[1]).toMatchObject({ kind: "level", max: 2, stretch: 1, tolerance: 0 });
    expect(json.targets[2]).toMatchObject({
      kind: "milestone",
      deadline: "2022-03-31",
      warnDays: 10,
      warnFrom: "2022-03-21",
      schedule: null,
    });
  });
});
