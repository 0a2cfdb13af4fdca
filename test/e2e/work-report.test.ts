/**
 * The second bundled example, examples/work-report: the headline targets of a county government
 * work report (SPEC 2.4, 2.5) through the built CLI, at a quarter-end and after the year.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runKpi } from "../run-kpi.js";

const EXAMPLE = join(REPO, "examples", "work-report");

function results(asOf: string) {
  const run = runKpi(["check", "--as-of", asOf, "-f", "json", "--fail-on", "none"], {
    cwd: EXAMPLE,
  });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout) as {
    results: Record<string, unknown>[];
  };
  return Object.fromEntries(json.results.map((result) => [result.id, result]));
}

describe("examples/work-report: growth targets, 左右, a reference and late results", () => {
  it("at the half year's report (2023-07-25) reads right", () => {
    const at = results("2023-07-25");
    // GDP 7.2 against b = 7 − 0.5 = 6.5: on track.
    expect(at["gdp.growth"]).toMatchObject({
      kind: "growth",
      status: "green",
      reason: "on-track",
      actual: 7.2,
      expected: 6.5,
      rate: 7,
      bound: "min",
      about: 0.5,
      amount: 236.6,
    });
    // Industry by value: 30.1 / 27.6 = 1.0906 → 9.1; S = 10 − 9.1 = 0.9 ≤ 1: behind.
    expect(at["industry.growth"]).toMatchObject({
      status: "yellow",
      reason: "behind",
      actual: 9.1,
      actualValue: 30.1,
      baseValue: 27.6,
    });
    // Income in step with GDP for 1–6月: rate 7.2, b = 6.7; 6.9 ≥ 6.7.
    expect(at["income.growth"]).toMatchObject({ status: "green", rate: 7.2, expected: 6.7 });
    // CPI 2.6 ≤ 3 + 0.5.
    expect(at["cpi.growth"]).toMatchObject({ status: "green", bound: "max", expected: 3.5 });
    // 欠薪 cleared by 06-30: within.
    expect(at["wages.arrears"]).toMatchObject({ status: "green", reason: "within" });
  });

  it("at the third quarter's report (2023-10-25): a case newly found is a yellow breach", () => {
    const at = results("2023-10-25");
    expect(at["wages.arrears"]).toMatchObject({ status: "yellow", reason: "breach" });
    // GDP for 1–9月 is 6.6: income 6.0 against 6.6 − 0.5 = 6.1, short by 0.1 ≤ 0.66.
    expect(at["income.growth"]).toMatchObject({ status: "yellow", reason: "behind", rate: 6.6 });
  });

  it("after the year (2024-01-25): final results, and the late ones awaited, not red", () => {
    const at = results("2024-01-25");
    expect(at["gdp.growth"]).toMatchObject({ status: "green", reason: "achieved", actual: 6.7 });
    // 63.0 / 57.8 = 1.08997 → 9.0 < 10: missed.
    expect(at["industry.growth"]).toMatchObject({ status: "red", reason: "missed", actual: 9 });
    // 79.2 of "80左右" (about 2) is achieved.
    expect(at["jobs.village-coverage"]).toMatchObject({ status: "green", reason: "achieved" });
    // Outside at 09-30 and at 12-31: two reports running, red.
    expect(at["wages.arrears"]).toMatchObject({ status: "red", reason: "outside" });
    for (const id of ["energy.intensity", "business.ranking"])
      expect(at[id]).toMatchObject({ status: "grey", reason: "awaiting-result", late: false });
  });

  it("every human format shows a growth target as a rate", () => {
    const table = runKpi(["check", "--as-of", "2023-07-25", "--fail-on", "none"], {
      cwd: EXAMPLE,
    });
    expect(table.stdout).toContain("累计增长 7.2%");
    expect(table.stdout).toContain("≥ 7%（左右 0.5） · 236.6 亿元");
    // Under the expected column, a growth target's cell names its bound after slack.
    expect(table.stdout).toContain("边界 ≥ 6.5%");
    expect(table.stdout).toContain("达到目标");
    for (const format of ["markdown"]) {
      const run = runKpi(["check", "--as-of", "2023-07-25", "-f", format, "--fail-on", "none"], {
        cwd: EXAMPLE,
      });
      expect(run.stdout).toContain("累计增长 9.1%");
      expect(run.stdout).toContain(
        "| 累计增长 9.1% | 边界 ≥ 10% | ≥ 10% |  | 未达目标（容差内） |",
      );
    }
    const report = runKpi(["report", "--as-of", "2023-07-25"], { cwd: EXAMPLE });
    expect(report.stdout).toContain("累计增长 9.1%");
    const page = runKpi(["report", "--as-of", "2023-07-25", "-f", "html"], { cwd: EXAMPLE });
    expect(page.stdout).toContain("累计增长 7.2%");
    // The page's chart of G at each month-end against b = 6.5% (7 − 左右 0.5), labelled once,
    // in growth words: no 序时进度, no schedule point.
    expect(page.stdout).toContain("<title>地区生产总值增长：各月累计增速与边界</title>");
    expect(page.stdout).toContain("<title>边界 ≥ 6.5%</title>");
    expect(page.stdout).toContain("<title>2023-06-30：累计增长 7.2%</title>");
    expect(page.stdout).toContain("<div><dt>边界</dt><dd>≥ 6.5%</dd></div>");
    const card =
      /<article[^>]*data-target="gdp.growth".*?<\/article>/s.exec(page.stdout)?.[0] ?? "";
    expect(card).not.toContain("序时进度");
    expect(card).not.toContain('class="milestone"');
    expect(card.match(/>6\.5%<\/text>/g)).toHaveLength(1);
    expect(card).toContain("<dd>达到目标</dd>");
    const english = runKpi(["report", "--as-of", "2023-07-25", "-f", "html", "--lang", "en"], {
      cwd: EXAMPLE,
    });
    expect(english.stdout).toContain(
      "<title>地区生产总值增长: growth to date at each month-end against the bound</title>",
    );
    expect(english.stdout).toContain("<title>bound ≥ 6.5%</title>");
    expect(english.stdout).toContain("<title>2023-06-30: growth 7.2% to date</title>");
    expect(english.stdout).toContain("<div><dt>Bound</dt><dd>≥ 6.5%</dd></div>");
    const github = runKpi(["check", "--as-of", "2023-07-25", "-f", "github", "--fail-on", "none"], {
      cwd: EXAMPLE,
    });
    expect(github.stdout).toContain(
      "规上工业增加值增长；累计增长 9.1%25，目标 ≥ 10%25；未达目标（容差内）",
    );
    const explain = runKpi(["explain", "industry.growth", "--as-of", "2023-07-25"], {
      cwd: EXAMPLE,
    });
    expect(explain.stdout).toContain("累计增速 9.1%，边界 10%：差 0.9 个百分点，容差 1");
    expect(explain.stdout).toContain("走势图（%）");
    // G with its one decimal, as bureaus publish it; behind by points of the rate.
    const year = runKpi(["report", "--as-of", "2024-01-25"], { cwd: EXAMPLE });
    expect(year.stdout).toContain(
      "| 🔴 红灯 | 规上工业增加值增长 (industry.growth)<br>备注：示例数据，非官方统计；全年增加值（亿元） | 经信局 | 累计增长 9.0% | 边界 ≥ 10% | 1 个百分点 |",
    );
  });

  it("kpi list shows the growth bound and the reference", () => {
    const run = runKpi(["list"], { cwd: EXAMPLE });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("≥ gdp.growth 的实际值（左右 0.5）");
  });
});
