/** `kpi diff` run as a user runs it: on the bundled example's May and June results. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runExample } from "../run-kpi.js";

const folder = mkdtempSync(join(tmpdir(), "kpi-diff-"));
const MAY = join(folder, "may.json");
const JUNE = join(folder, "june.json");
for (const [file, asOf] of [
  [MAY, "2022-05-31"],
  [JUNE, "2022-06-30"],
] as const)
  expect(
    runExample(["check", "--as-of", asOf, "-f", "json", "--fail-on", "none", "-o", file]).code,
  ).toBe(0);

describe("kpi diff", () => {
  it("lists what changed from May to June, in JSON", () => {
    const run = runExample(["diff", MAY, JUNE, "--format", "json"]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    const diff = JSON.parse(run.stdout);
    const ids = (list: { id: string }[]) => list.map((item) => item.id);
    expect(diff.base).toEqual({
      asOf: "2022-05-31",
      summary: JSON.parse(readFileSync(MAY, "utf8")).summary,
    });
    expect(diff.head.asOf).toBe("2022-06-30");
    expect(ids(diff.newlyRed)).toEqual(["platform.edz-top30"]);
    expect(diff.newlyRed[0].before).toMatchObject({ status: "grey", actual: null });
    expect(diff.newlyRed[0].after).toMatchObject({ status: "red", actual: 33 });
    expect(ids(diff.recovered)).toEqual([
      "invest.projects-100m",
      "invest.new-above-scale-share",
      "platform.above-scale-projects",
    ]);
    expect(ids(diff.lateCleared)).toEqual(["platform.edz-top30", "opening.gdp-rank"]);
    expect(ids(diff.added)).toEqual([]);
    expect(diff.unchanged).toBe(8);
  });

  it("compares with a fresh run of the usual inputs when no head is given", () => {
    const fresh = runExample(["diff", MAY, "--as-of", "2022-06-30", "-f", "json"]);
    expect(fresh).toEqual(runExample(["diff", MAY, JUNE, "-f", "json"]));
  });

  it("is empty for a run against itself, and says so", () => {
    const run = runExample(["diff", JUNE, JUNE]);
    expect(run).toEqual({
      code: 0,
      stdout:
        "What changed from 2022-06-30 to 2022-06-30\nNo target changed.\n✖ 4 → 4 red · ▲ 3 → 3 yellow · ○ 1 → 1 grey · ✔ 12 → 12 green; 20 targets unchanged\n",
      stderr: "",
    });
  });

  it("writes markdown for a pull-request comment, under the hidden marker", () => {
    const run = runExample(["diff", MAY, JUNE, "--format", "markdown", "--lang", "zh"]);
    const lines = run.stdout.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "<!-- kpi -->",
      "### kpi: 从 2022-05-31 到 2022-06-30 的变化",
      "",
      "| 变化 | 编号 | 指标 | 之前 | 之后 |",
    ]);
    expect(run.stdout).toContain(
      "| 新转红灯 | platform.edz-top30 | 经开区综合实力全省开发区排名 | ⚪ 无数据；– | 🔴 红灯；33 位 |",
    );
  });

  it("lists targets added and removed", () => {
    const june = JSON.parse(readFileSync(JUNE, "utf8"));
    const fewer = join(folder, "fewer.json");
    writeFileSync(
      fewer,
      JSON.stringify({
        ...june,
        results: june.results.filter((r: { id: string }) => r.id !== "opening.city-rank"),
      }),
    );
    const added = JSON.parse(runExample(["diff", fewer, JUNE, "-f", "json"]).stdout);
    const removed = JSON.parse(runExample(["diff", JUNE, fewer, "-f", "json"]).stdout);
    expect(added.added.map((item: { id: string }) => item.id)).toEqual(["opening.city-rank"]);
    expect(removed.removed.map((item: { id: string }) => item.id)).toEqual(["opening.city-rank"]);
  });

  it("refuses a file that is not results, naming what is wrong; exit 2", () => {
    const old = join(folder, "old.json");
    writeFileSync(old, JSON.stringify({ schemaVersion: 1, results: [] }));
    expect(runExample(["diff", old, JUNE])).toEqual({
      code: 2,
      stdout: "",
      stderr: `${old} is not the output of kpi check --format json (schemaVersion 2): schemaVersion is missing or wrong\nkpi: 1 error; no report was made\n`,
    });
    const text = join(folder, "notes.txt");
    writeFileSync(text, "May's results\n");
    expect(runExample(["diff", text]).stderr).toBe(
      `${text} is not JSON: kpi diff compares the output of kpi check --format json\nkpi: 1 error; no report was made\n`,
    );
    expect(runExample(["diff", join(folder, "none.json")])).toEqual({
      code: 2,
      stdout: "",
      stderr: `kpi: no such file or folder: ${join(folder, "none.json")}\n`,
    });
  });
});
