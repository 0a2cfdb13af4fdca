/**
 * The report model (src/core/report-model.ts) and the markdown report: what is behind and by how much, the
 * owners' ranking with ties, milestones due soon, changes since the previous month-end, and tables
 * that stay tables when titles hold `|`, line breaks and HTML (parsed back with a GFM parser).
 */
import { join } from "node:path";
import { marked, type Token, type Tokens } from "marked";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/core/evaluate.js";
import {
  buildReport,
  changeKind,
  monthEndsBetween,
  previousMonthEnd,
} from "../../src/core/report-model.js";
import { labelsFor } from "../../src/i18n/language.js";
import { readData, readTargets } from "../../src/io/read-inputs.js";
import { renderReportHtml } from "../../src/render/report-html.js";
import { renderReportMarkdown } from "../../src/render/report-markdown.js";
import { day, formatDay, rows, targetsFrom } from "../helpers.js";
import { REPO, runExample, runKpi } from "../run-kpi.js";

const FIXTURE = ["-t", "test/fixtures/report/targets", "-d", "test/fixtures/report/data"];

async function fixtureReport(asOf = "2022-03-31") {
  const targets = await readTargets(["test/fixtures/report/targets"]);
  const data = await readData(["test/fixtures/report/data"], targets.targets);
  expect([...targets.problems, ...data.problems]).toEqual([]);
  return buildReport(targets.targets, data.observations, { asOf: day(asOf) });
}

describe("the owners' ranking (the rules: test/unit/scoring.test.ts)", () => {
  it("kpi rank on the fixture: places 1, 2, 2, 4, 4 (Delta's report is missing: 0, as Gamma's red)", () => {
    const { code, stdout, stderr } = runKpi([
      "rank",
      ...FIXTURE,
      "--as-of",
      "2022-03-31",
      "-f",
      "json",
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const json = JSON.parse(stdout);
    expect(
      json.owners.map((o: { place: number; owner: string; score: number | null }) => [
        o.place,
        o.owner,
        o.score,
      ]),
    ).toEqual([
      [1, "Epsilon", 100],
      [2, "Alpha", 80],
      [2, "Beta|B", 80],
      [4, "Delta", 0],
      [4, "Gamma", 0],
    ]);
  });
});

describe("calendar arithmetic of the report", () => {
  it.each([
    ["2022-03-31", "2022-02-28"],
    ["2022-03-15", "2022-02-28"],
    ["2022-01-01", "2021-12-31"],
    ["2024-03-31", "2024-02-29"],
  ])("the previous month-end of %s is %s", (asOf, previous) => {
    expect(formatDay(previousMonthEnd(day(asOf)))).toBe(previous);
  });

  it.each([
    ["2022-06-30", "2022-09-30", 3],
    ["2022-06-15", "2022-09-30", 4],
    ["2022-03-31", "2022-12-31", 9],
    ["2022-03-31", "2022-04-15", 1],
    ["2022-03-31", "2022-04-30", 1],
  ])("month-ends after %s up to %s: %i", (from, to, months) => {
    expect(monthEndsBetween(day(from), day(to))).toBe(months);
  });

  it.each([
    ["green", "red", "newly-red"],
    ["yellow", "red", "newly-red"],
    ["grey", "red", "newly-red"],
    ["green", "yellow", "newly-yellow"],
    ["grey", "yellow", "newly-yellow"],
    ["red", "yellow", "improved"],
    ["red", "green", "recovered"],
    ["yellow", "green", "recovered"],
    ["grey", "green", "reported"],
    ["green", "green", null],
  ] as const)("a change from %s to %s is %s", (was, now, kind) => {
    expect(changeKind(was, now)).toBe(kind);
  });
});

describe("the report model", () => {
  it("lists red then yellow targets with the gap, days left and the monthly pace needed", async () => {
    const model = await fixtureReport();
    expect(
      model.attention.map((item) => ({
        id: item.result.target.id,
        behindBy: item.behindBy === null ? null : Number(item.behindBy.toFixed(4)),
        daysLeft: item.daysLeft,
        monthsLeft: item.monthsLeft,
        pace: item.monthlyPaceNeeded === null ? null : Number(item.monthlyPaceNeeded.toFixed(4)),
      })),
    ).toEqual([
      // max 3, actual 5: 2 outside the bound
      { id: "a.level", behindBy: 2, daysLeft: null, monthsLeft: null, pace: null },
      // linear 0 → 100 in 2022: E(03-31) = 100 × 90/365 = 24.6575; next point the deadline,
      // 9 month-ends (Apr–Dec) away: (100 − 20) / 9 = 8.8889 a month
      { id: "a.newline", behindBy: 4.6575, daysLeft: 275, monthsLeft: 9, pace: 8.8889 },
      // due 2022-04-20, 20 days after the as-of date
      { id: "a.milestone", behindBy: null, daysLeft: 20, monthsLeft: null, pace: null },
    ]);
  });

  it("measures changes from the previous month-end, evaluated on the same data", async () => {
    const model = await fixtureReport();
    expect(formatDay(model.previousAsOf)).toBe("2022-02-28");
    expect(model.changes.map((c) => [c.change, c.result.target.id, c.previous.status])).toEqual([
      ["newly-red", "a.level", "green"],
      ["newly-yellow", "a.newline", "green"],
      ["newly-yellow", "a.milestone", "green"],
      ["recovered", "a.pipe", "yellow"],
      ["reported", "a.unowned", "grey"],
    ]);
  });

  it("lists milestones and schedule points due in the next 30 days, unless reached", async () => {
    const model = await fixtureReport();
    expect(
      model.dueSoon.map((item) => [item.result.target.id, formatDay(item.by), item.daysLeft]),
    ).toEqual([["a.milestone", "2022-04-20", 20]]);
    // At 2022-06-01 a.pipe's Q3 point is past the window, but at 2022-09-01 it is 29 days away.
    const later = await fixtureReport("2022-09-01");
    expect(
      later.dueSoon.map((item) => [item.result.target.id, formatDay(item.by), item.value]),
    ).toEqual([
      ["a.pipe", "2022-09-30", 102],
      ["a.nodata", "2022-09-30", 8.5],
    ]);
  });

  it("groups sections and owners in file order, and keeps targets without an owner apart", async () => {
    const model = await fixtureReport();
    expect(model.sections.map((s) => [s.name, s.results.length])).toEqual([
      ["Build | grow", 2],
      ["Levels", 1],
      [null, 4],
    ]);
    expect(model.owners.map((s) => s.owner)).toEqual([
      "Alpha",
      "Beta|B",
      "Gamma",
      "Delta",
      "Epsilon",
    ]);
    expect(model.unowned.map((r) => r.target.id)).toEqual(["a.unowned"]);
  });

  it("is the evaluation's report: the same summary and results as evaluate", () => {
    const targets = targetsFrom("year: 2022\ntargets:\n  - { id: a, title: A, target: 130 }\n");
    const observations = new Map([["a", rows(["2022-03-31", 36])]]);
    const model = buildReport(targets, observations, { asOf: day("2022-03-31") });
    const report = evaluate(targets, observations, { asOf: day("2022-03-31") });
    expect(model.summary).toEqual(report.summary);
    expect(model.results).toEqual(report.results);
  });

  it("gives a chart series: the actual and E at each month-end", async () => {
    const model = await fixtureReport();
    const newline = model.attention.find((item) => item.result.target.id === "a.newline");
    expect(
      newline?.history.map((point) => [
        formatDay(point.day),
        point.actual,
        Number(point.expected?.toFixed(2)),
      ]),
    ).toEqual([
      ["2022-01-31", 5, 8.49],
      ["2022-02-28", 17, 16.16],
      ["2022-03-31", 20, 24.66],
    ]);
  });
});

/** Every table of a markdown document, as parsed by a GFM parser. */
function tablesOf(markdown: string): Tokens.Table[] {
  return marked
    .lexer(markdown, { gfm: true })
    .filter((token): token is Tokens.Table => token.type === "table");
}

function walk(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    if ("tokens" in token && Array.isArray(token.tokens)) walk(token.tokens, visit);
  }
}

describe("the markdown report parsed back", () => {
  it.each(["en", "zh"] as const)(
    "every table keeps its rows and columns with |, line breaks and HTML in titles (%s)",
    async (language) => {
      const model = await fixtureReport();
      const markdown = renderReportMarkdown(model, {
        labels: labelsFor(language),
        charts: true,
        byOwner: true,
      });
      const tables = tablesOf(markdown);
      // attention, the year (Jan–Mar), 3 sections, ranking, 5 owners + no owner, due soon,
      // changes; no follow-up table (no target red two reports running)
      expect(tables.map((table) => [table.header.length, table.rows.length])).toEqual([
        [10, 3],
        [4, 7],
        [9, 2],
        [9, 1],
        [9, 4],
        [10, 5],
        [5, 1],
        [5, 2],
        [5, 2],
        [5, 1],
        [5, 1],
        [5, 1],
        [7, 1],
        [6, 5],
      ]);
      for (const table of tables) {
        for (const row of table.rows) expect(row).toHaveLength(table.header.length);
      }
      const [attention] = tables;
      const cells = attention?.rows.map((row) => row[1]?.text);
      expect(cells?.[0]).toContain("Rank &lt;script&gt;");
      expect(cells?.[1]).toMatch(/^Two<br>lines/);
      // No HTML but the line breaks, and the markdown link is text, not a link.
      for (const table of tables) {
        for (const cell of [...table.header, ...table.rows.flat()]) {
          walk(cell.tokens, (token) => {
            if (token.type === "html") expect(token.raw).toBe("<br>");
            if (token.type === "link") expect(token.text).not.toBe("link");
          });
        }
      }
      const owners = tables[5];
      expect(owners?.rows.map((row) => row[1]?.text)).toEqual([
        "Epsilon",
        "Alpha",
        "Beta|B", // the escaped pipe is read back as a pipe inside one cell
        "Delta",
        "Gamma",
      ]);
      expect(owners?.rows.map((row) => row[0]?.text)).toEqual(["1", "2", "2", "4", "4"]);
    },
  );

  it("the project file's title and office head it, escaped as any text from a file is", async () => {
    const model = {
      ...(await fixtureReport()),
      office: "<b>督查室</b> | 一科",
      title: "**重点工作** 亮晒",
    };
    const markdown = renderReportMarkdown(model, { labels: labelsFor("zh") });
    expect(markdown.split("\n\n").slice(0, 2)).toEqual([
      "# \\*\\*重点工作\\*\\* 亮晒（截至 2022-03-31）",
      "&lt;b&gt;督查室&lt;/b&gt; \\| 一科",
    ]);
    const html = renderReportHtml(model, { labels: labelsFor("en") });
    expect(html).toContain(
      '<header>\n<p class="masthead"><span class="office">&lt;b&gt;督查室&lt;/b&gt; | 一科</span></p>\n<h1>**重点工作** 亮晒 (as of 2022-03-31)</h1>',
    );
    expect(html).toContain("<title>**重点工作** 亮晒 (as of 2022-03-31)</title>");
  });

  it("without a project file, the report has its own title and no office line", async () => {
    const model = await fixtureReport();
    expect(model).toMatchObject({ office: null, title: null });
    const markdown = renderReportMarkdown(model, { labels: labelsFor("en") });
    expect(markdown).toMatch(/^# Status report as of 2022-03-31\n\n\*\*7 targets\*\*/);
    expect(renderReportHtml(model, { labels: labelsFor("en") })).not.toContain('class="office"');
  });

  it("headings with a | stay one heading", async () => {
    const model = await fixtureReport();
    const headings = marked
      .lexer(renderReportMarkdown(model, { labels: labelsFor("en") }), { gfm: true })
      .filter((token): token is Tokens.Heading => token.type === "heading")
      .map((token) => [token.depth, token.text]);
    expect(headings).toContainEqual([3, "Build \\| grow"]);
    expect(headings.filter(([depth]) => depth === 2)).toHaveLength(8);
  });
});

describe("kpi report on the bundled example", () => {
  it("prints the report in the issue's order and exits 0 (--fail-on none by default)", () => {
    const { code, stdout, stderr } = runExample(["report"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const headings = stdout.split("\n").filter((line) => line.startsWith("## "));
    expect(headings).toEqual([
      "## Follow-up list: red report after report",
      "## Reports to chase: due and not received",
      "## Needs attention: red and yellow targets",
      "## 2022 at a glance: the status at each month-end",
      "## All targets by section",
      "## By owner",
      "## Due in the next 30 days (to 2022-07-30)",
      "## Changes since the previous month-end (2022-05-31)",
    ]);
    // The title, the office and the notice are the example's kpi.yaml's.
    expect(
      stdout.startsWith(
        "# 县政府重点工作月度亮晒 (as of 2022-06-30)\n\nXX县人民政府督查室\n\n**示例数据，非官方统计**\n\n**20 targets**: 🔴 4 red · 🟡 3 yellow · ⚪ 1 grey · 🟢 12 green\n",
      ),
    ).toBe(true);
    expect(stdout).toContain("| ██████░░░░ 62.31% |");
    expect(runExample(["report", "--fail-on", "red"]).code).toBe(1);
  });

  it("--as-of 2022-07-12: the follow-up list first, then the reports to chase, as lines to paste", () => {
    const { code, stdout } = runExample(["report", "--as-of", "2022-07-12", "--lang", "zh"]);
    expect(code).toBe(0);
    const chapters = stdout.split("\n## ").map((chapter) => chapter.trim());
    // Red at 07-12 (judged at June's row) and at each month-end before: 征迁 since its deadline
    // 03-31 (missed), 老旧园区 since 05-31 (off track); the overdue milestone is not on it.
    expect(chapters[1]).toBe(
      [
        "督办清单：连续红灯指标",
        "",
        "| 指标 | 责任单位 | 连续红灯 | 实际值 | 序时进度 | 说明 |",
        "| --- | --- | --- | --- | --- | --- |",
        "| 征迁“拔钉清零”剩余遗留户 (land.demolition-holdouts) | 征迁安置攻坚工作专班 | 🔴 连续 4 个月红灯 | 1 户 | 0 户 | 未完成 |",
        "| 老旧园区累计改造提升 (land.old-parks) | 经信局 | 🔴 连续 2 个月红灯 | 5120 亩 | 5400 亩 | 严重滞后 |",
      ].join("\n"),
    );
    // June's reports were due by 07-10: platform.rd-intensity has no row, land.stock-supply's
    // latest is May's; owners in kpi.yaml's order (科技局 first). On 07-12 each is 2 days overdue.
    expect(chapters[2]).toBe(
      [
        "催报：逾期未报送",
        "",
        "### 科技局",
        "",
        "- 科技局：请尽快报送 研发投入强度 2022-06-30 数据（应于 07-10 前报送，已逾期 2 天）",
        "",
        "### 自然资源和规划局",
        "",
        "- 自然资源和规划局：请尽快报送 存量土地供应 2022-06-30 数据（应于 07-10 前报送，已逾期 2 天）",
      ].join("\n"),
    );
    expect(chapters[4]?.split("\n").slice(0, 3)).toEqual([
      "2022 年各月末亮灯情况",
      "",
      "| 指标 | 1月 | 2月 | 3月 | 4月 | 5月 | 6月 |",
    ]);
    // At 06-30 the June reports are not yet due: only 研发投入强度's May report, due by 06-10,
    // 30 − 10 = 20 days ago.
    expect(runExample(["report"]).stdout).toContain(
      "## Reports to chase: due and not received\n\n### 科技局\n\n- 科技局: please send the 2022-05-31 figure for 研发投入强度 as soon as possible (it was due by 06-10, 20 days overdue).\n\n## Needs",
    );
  });

  it("in Chinese with --lang zh or KPI_LANG=zh", () => {
    const { stdout } = runExample(["report", "--lang", "zh", "--by", "owner"]);
    expect(stdout).toContain("# 县政府重点工作月度亮晒（截至 2022-06-30）\n\nXX县人民政府督查室\n");
    expect(stdout).toContain("🔴 4 红灯 · 🟡 3 黄灯 · ⚪ 1 无数据 · 🟢 12 绿灯");
    for (const word of [
      "序时进度",
      "滞后",
      "逾期",
      "已完成",
      "责任单位排名",
      "较上月末（2022-05-31）的变化",
    ])
      expect(stdout).toContain(word);
    expect(runExample(["report", "--by", "owner"], { env: { KPI_LANG: "zh" } }).stdout).toBe(
      stdout,
    );
  });

  it("--as-of a quarter-end gives the quarter's ranking, the year-end the year's", () => {
    const q1 = JSON.parse(runExample(["rank", "-f", "json", "--as-of", "2022-Q1"]).stdout);
    expect(q1.asOf).toBe("2022-03-31");
    const h1 = JSON.parse(runExample(["rank", "-f", "json", "--as-of", "2022-Q2"]).stdout);
    expect(h1.asOf).toBe("2022-06-30");
    expect(h1.owners).not.toEqual(q1.owners);
    expect(
      JSON.parse(runExample(["rank", "-f", "json", "--as-of", "2022-12-31"]).stdout).asOf,
    ).toBe("2022-12-31");
  });

  it("--charts adds a Mermaid xychart per red or yellow progress or level target", () => {
    const { stdout } = runExample(["report", "--charts"]);
    // 4 red and 3 yellow, of which one red is a milestone (no chart)
    expect(stdout.match(/```mermaid\nxychart-beta\n/g)).toHaveLength(6);
  });

  it("-o writes the report to a file", async () => {
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const out = join(mkdtempSync(join(tmpdir(), "kpi-")), "report.md");
    const { code, stdout } = runExample(["report", "-o", out]);
    expect({ code, stdout }).toEqual({ code: 0, stdout: "" });
    expect(readFileSync(out, "utf8")).toBe(runExample(["report"]).stdout);
  });
});

describe("kpi report on a data repository with kpi.yaml: points, a late penalty and the movement (test/fixtures/scoring)", () => {
  const cwd = join(REPO, "test/fixtures/scoring");
  /** A markdown report's chapters (`## …`) by heading. */
  const chaptersOf = (stdout: string) =>
    new Map(
      stdout
        .split("\n## ")
        .slice(1)
        .map((chapter) => {
          const [heading = "", ...rest] = chapter.trim().split("\n");
          return [heading, rest.join("\n").trim()];
        }),
    );

  // kpi.yaml: as_of latest-data (03-31), due_days 10, green 100, red 10, missing 0, late_penalty 20.
  // The February reports were due by 03-10: a.progress (甲局, 乙局) and b.level (乙局) have only
  // January rows, so on 03-31 both are late, 31 − 10 = 21 days overdue. a.progress is green and
  // late: 100 − 20 = 80 points; b.level is grey and late: missing, 0.
  // 甲局: (2 × 100 + 80) ÷ 3 = 93.33 (a.level weighs 2), at 02-28 (2 × 10 + 100) ÷ 3 = 40: place
  // 2 → 1, ↑1. 乙局: (80 + 0) ÷ 2 = 40, at 02-28 (100 + 100) ÷ 2 = 100: 1 → 2, ↓1. 丙局 and 丁局:
  // red 10, and no report was due before (quarterly): new.
  it("the chase list with the days overdue, and each owner's movement and late penalty", () => {
    const { code, stdout, stderr } = runKpi(["report", "--by", "owner"], { cwd });
    const chapters = chaptersOf(stdout);
    const byOwner = chapters.get("By owner") ?? "";
    expect({
      code,
      stderr,
      chase: chapters.get("Reports to chase: due and not received"),
      // Each owner's line and its targets' rows.
      owners: byOwner.split("\n").filter((line) => /^(?:🔴 \d|\| [🟢🟡🔴⚪])/u.test(line)),
    }).toEqual({
      code: 0,
      stderr: "",
      chase: [
        "### 乙局",
        "",
        "- 乙局: please send the 2022-02-28 figure for A progress as soon as possible (it was due by 03-10, 21 days overdue).",
        "- 乙局: please send the 2022-02-28 figure for B level as soon as possible (it was due by 03-10, 21 days overdue).",
        "",
        "### 甲局",
        "",
        "- 甲局: please send the 2022-02-28 figure for A progress as soon as possible (it was due by 03-10, 21 days overdue).",
      ].join("\n"),
      owners: [
        "🔴 0 red · 🟡 0 yellow · ⚪ 0 grey · 🟢 2 green · Score 93.33 · Place 1 · Change ↑1",
        "| 🟢 green | A level (a.level) | 5 | ≤ 10 | within bounds |",
        "| 🟢 green | A progress (a.progress) | 60 | 23.6 | on track, late: the 2022-02-28 report was due by 03-10, late penalty −20 points |",
        "🔴 0 red · 🟡 0 yellow · ⚪ 1 grey · 🟢 1 green · Score 40 · Place 2 · Change ↓1",
        "| 🟢 green | A progress (a.progress) | 60 | 23.6 | on track, late: the 2022-02-28 report was due by 03-10, late penalty −20 points |",
        // Grey and late: scored as missing (0), so no penalty is taken from it.
        "| ⚪ grey | B level (b.level) | 5 | ≤ 10 | late: the 2022-02-28 report was due by 03-10 |",
        "🔴 1 red · 🟡 0 yellow · ⚪ 0 grey · 🟢 0 green · Score 10 · Place 3 · Change new",
        "| 🔴 red | C level (c.level) | 50 | ≤ 10 | outside bounds |",
        "🔴 1 red · 🟡 0 yellow · ⚪ 0 grey · 🟢 0 green · Score 10 · Place 3 · Change new",
        "| 🔴 red | D level (d.level) | 50 | ≤ 10 | outside bounds |",
      ],
    });
  });

  it("in Chinese, and --fail-on late fails the run on the two missing reports", () => {
    const { code, stdout, stderr } = runKpi(
      ["report", "--by", "owner", "--lang", "zh", "--fail-on", "late"],
      { cwd },
    );
    const chapters = chaptersOf(stdout);
    expect({
      code,
      stderr,
      chase: chapters.get("催报：逾期未报送")?.split("\n").at(-1),
      owner: chapters.get("各责任单位")?.split("\n").slice(0, 8),
    }).toEqual({
      code: 1,
      stderr: "",
      chase: "- 甲局：请尽快报送 A progress 2022-02-28 数据（应于 03-10 前报送，已逾期 21 天）",
      owner: [
        "### 甲局",
        "",
        "🔴 0 红灯 · 🟡 0 黄灯 · ⚪ 0 无数据 · 🟢 2 绿灯 · 得分 93.33 · 名次 1 · 升降 ↑1",
        "",
        "| 状态 | 指标 | 实际值 | 序时进度 | 说明 |",
        "| --- | --- | --- | --- | --- |",
        "| 🟢 绿灯 | A level (a.level) | 5 | ≤ 10 | 在区间内 |",
        "| 🟢 绿灯 | A progress (a.progress) | 60 | 23.6 | 按序时推进，未按时报送：应报 2022-02-28 数据，截止 03-10，迟报扣 20 分 |",
      ],
    });
  });

  it("the page shows the same movement and penalty on each owner's card", () => {
    const { code, stdout, stderr } = runKpi(["report", "--by", "owner", "--format", "html"], {
      cwd,
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const cards = [...stdout.matchAll(/<section class="owner"[^>]*>([\s\S]*?)<\/section>/g)].map(
      (match) =>
        (match[1] ?? "")
          // An id's parts (kept whole, with a break after each dot) are one word.
          .replace(/<wbr>|<span class="w">|<\/span>(?=<wbr>|<span class="w">)/g, "")
          .replace(/<[^>]+>/g, " ")
          .replace(/\s+/g, " ")
          .trim(),
    );
    expect(cards[0]).toContain("Score 93.33 · Place 1 · Change ↑1");
    expect(cards[0]).toContain("A progress a.progress late penalty −20 points");
    expect(cards[1]).toContain("Score 40 · Place 2 · Change ↓1");
    expect(cards[1]).not.toContain("B level b.level late penalty");
    expect(cards.slice(2).map((card) => /Change (\S+)/.exec(card)?.[1])).toEqual(["new", "new"]);
  });
});
