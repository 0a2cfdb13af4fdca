/**
 * The row rules of SPEC 3 and 4 (v2) as a user meets them, on test/fixtures/rows: a correction
 * replaces the row it corrects and says so on stderr, in the JSON, the report and `explain`.
 */
import { describe, expect, it } from "vitest";
import { runKpi } from "../run-kpi.js";

const TARGETS = ["-t", "test/fixtures/rows/targets", "--as-of", "2022-03-31"];
const CORRECTIONS = [...TARGETS, "-d", "test/fixtures/rows/corrections"];
const CORRECTED = "test/fixtures/rows/corrections/2022-03-更正.csv:2:1";

describe("a correction (SPEC 3, v2)", () => {
  it("replaces the row it corrects, and is said on stderr and in the JSON result", () => {
    const run = runKpi(["check", ...CORRECTIONS, "-f", "json"]);
    expect(run.stderr).toBe(
      `${CORRECTED}: warning: invest on 2022-03-31: the correction 40 replaces 36 at test/fixtures/rows/corrections/2022-03.csv:3\n`,
    );
    expect(run.code).toBe(0);
    const invest = JSON.parse(run.stdout).results[0];
    // 40 of 130 against E(03-31) = 39: green, where the replaced 36 was yellow.
    expect([invest.actual, invest.status, invest.observedOn]).toEqual([40, "green", "2022-03-31"]);
    expect(invest.warnings).toEqual([
      {
        file: "test/fixtures/rows/corrections/2022-03-更正.csv",
        line: 2,
        message:
          "invest on 2022-03-31: the correction 40 replaces 36 at test/fixtures/rows/corrections/2022-03.csv:3",
      },
    ]);
  });

  it("is listed in the report, the page and explain", () => {
    const markdown = runKpi(["report", ...CORRECTIONS, "--lang", "zh"]);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain(
      `## 数据提示：更正与需核实的数值\n\n- \`${CORRECTED}\` invest 在 2022-03-31 的更正值 40 取代了 test/fixtures/rows/corrections/2022-03.csv:3 的 36\n`,
    );
    const page = runKpi(["report", ...CORRECTIONS, "-f", "html"]);
    expect(page.stdout).toContain(
      `<h2 id="data-notes-h">Notes on the data: corrections and values to check</h2>\n<ul class="data-notes"><li><code>${CORRECTED}</code> invest on 2022-03-31: the correction 40 replaces 36 at test/fixtures/rows/corrections/2022-03.csv:3</li></ul>`,
    );
    const explain = runKpi(["explain", "invest", ...CORRECTIONS]);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain(
      `Notes on the rows (corrections, values to check):\n  ${CORRECTED}: invest on 2022-03-31: the correction 40 replaces 36 at test/fixtures/rows/corrections/2022-03.csv:3\n`,
    );
    // The row explain lists for 03-31 is the correction, with its note; the report and the page
    // show the note beside the target.
    expect(explain.stdout).toMatch(
      /2022-03-31 {2}40 个 .*2022-03-更正\.csv:2 +更正：漏报两个项目\n/,
    );
    expect(page.stdout).toContain('<p class="remark">Remarks: 更正：漏报两个项目</p>');
  });

  it("is no mistake: kpi validate --strict passes", () => {
    const run = runKpi([
      "validate",
      ...CORRECTIONS.filter((arg) => !arg.startsWith("2022") && arg !== "--as-of"),
      "--strict",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("the correction 40 replaces 36");
  });
});

describe("plausibility warnings and --strict (SPEC 3 and 5, v2)", () => {
  const PLAUSIBILITY = [
    "-t",
    "test/fixtures/rows/targets",
    "-d",
    "test/fixtures/rows/plausibility",
    "--as-of",
    "2022-04-30",
  ];
  const FILE = "test/fixtures/rows/plausibility/2022-04.csv";
  const FELL =
    "invest fell from 115 (2022-03-31) to 60 (2022-04-30): a month's own amount instead of the total to date?";
  const FRACTION = "rate on 2022-04-30: 0.31 means 0.31%; write 31 for 31%";

  it("are warnings at their rows, in the JSON, the report and explain, and change no status", () => {
    const run = runKpi(["check", ...PLAUSIBILITY, "-f", "json"]);
    expect(run.stderr).toBe(`${FILE}:3:1: warning: ${FELL}\n${FILE}:4:1: warning: ${FRACTION}\n`);
    const [invest, rate] = JSON.parse(run.stdout).results;
    // invest: 60 of 130 at 04-30, E = 130 × 0.4 (between 03-31's 30% and 06-30's 60%) = 52: green
    // as the rows say; rate: 0.31 of 85 is read as 0.31%, red as the row says.
    expect([invest.actual, invest.status]).toEqual([60, "green"]);
    expect([rate.actual, rate.status]).toEqual([0.31, "red"]);
    expect(invest.warnings).toEqual([{ file: FILE, line: 3, message: FELL }]);
    expect(rate.warnings).toEqual([{ file: FILE, line: 4, message: FRACTION }]);
    const report = runKpi(["report", ...PLAUSIBILITY]);
    expect(report.stdout).toContain(`- \`${FILE}:3:1\` ${FELL}\n- \`${FILE}:4:1\` ${FRACTION}\n`);
    const explain = runKpi(["explain", "rate", ...PLAUSIBILITY, "--lang", "zh"]);
    expect(explain.stdout).toContain(
      `数据提示（更正、需核实的数值）：\n  ${FILE}:4:1: rate 在 2022-04-30 的数值 0.31 表示 0.31%；如为 31%，请写 31\n`,
    );
  });

  it.each([["check"], ["report"], ["rank"], ["explain", "rate"]])(
    "--strict makes them errors: %s exits 2 without a report",
    (...command) => {
      const run = runKpi([...command, ...PLAUSIBILITY, "--strict"]);
      expect(run).toEqual({
        code: 2,
        stdout: "",
        stderr: `${FILE}:3:1: ${FELL}\n${FILE}:4:1: ${FRACTION}\nkpi: 2 errors; no report was made\n`,
      });
    },
  );

  it("--strict leaves a correction a warning", () => {
    const run = runKpi(["check", ...CORRECTIONS, "--strict"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("warning: invest on 2022-03-31: the correction 40 replaces 36");
  });
});

describe("the reported column (SPEC 3 and 4, v2)", () => {
  const REPORTED = ["-t", "test/fixtures/rows/targets", "-d", "test/fixtures/rows/reported"];
  const invest = (asOf: string) =>
    JSON.parse(runKpi(["check", ...REPORTED, "--as-of", asOf, "-f", "json"]).stdout).results[0];

  it("a row is not used before its reported date: on 07-05 June's row is not in", () => {
    // SPEC 4.1's example with June's row reported on 07-08. On 07-05 only March's 40 is known:
    // late for 05-31, E(05-31) = 65.14, 25.14 behind > 13: red. On 07-08: J = 06-30, E = 78, 80: green.
    expect(invest("2022-07-05")).toMatchObject({
      actual: 40,
      status: "red",
      reason: "off-track",
      late: true,
      missingReport: "2022-05-31",
      judgedAt: "2022-05-31",
    });
    expect(invest("2022-07-08")).toMatchObject({
      actual: 80,
      status: "green",
      reason: "on-track",
      late: false,
      judgedAt: "2022-06-30",
    });
    const explain = runKpi(["explain", "invest", ...REPORTED, "--as-of", "2022-07-05"]);
    expect(explain.stdout).toContain(
      "  1 row reported after 2022-07-05 not counted (not known then)\n",
    );
  });

  it("a reported date that is no date is an error at its cell, exit 2", () => {
    const run = runKpi([
      "check",
      "-t",
      "test/fixtures/rows/targets",
      "-d",
      "test/fixtures/rows/reported-bad.csv",
      "--lang",
      "zh",
    ]);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'test/fixtures/rows/reported-bad.csv:2:22: 日期 "2022/7/32" 不是有效的日历日期\ntest/fixtures/rows/reported-bad.csv:3:22: invest 在 2022-06-30 的报送日期 2022-06-15 早于该行日期：两个日期有一个写错了\nkpi: 2 个错误；未生成报告\n',
    });
  });
});

describe("a row dated after today (SPEC 4, v2)", () => {
  const FUTURE = [...TARGETS, "-d", "test/fixtures/rows/future.csv"];
  // 2202-03-31, a slip of the year 2022: after any today this test runs on.
  const WARNING =
    /^test\/fixtures\/rows\/future\.csv:3:1: warning: invest has a row dated 2202-03-31, after today \(\d{4}-\d{2}-\d{2}\): it is not used while the as-of date is before it\. A slip of the year or the month\?\n$/;

  it("is a warning at the row on stderr and in the JSON result; the row is not used", () => {
    const run = runKpi(["check", ...FUTURE, "-f", "json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(WARNING);
    const invest = JSON.parse(run.stdout).results[0];
    expect([invest.actual, invest.observedOn]).toEqual([40, "2022-03-31"]);
    expect(invest.warnings).toMatchObject([{ file: "test/fixtures/rows/future.csv", line: 3 }]);
  });

  it("is listed by kpi validate, in Chinese too, and --strict makes it an error", () => {
    const validate = runKpi([
      "validate",
      ...FUTURE.filter((arg) => !arg.startsWith("--as-of") && arg !== "2022-03-31"),
      "--lang",
      "zh",
    ]);
    expect(validate.stdout + validate.stderr).toMatch(
      /future\.csv:3:1: 警告：invest 有一行日期为 2202-03-31，晚于今天（\d{4}-\d{2}-\d{2}）/,
    );
    const strict = runKpi(["check", ...FUTURE, "--strict"]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain("future.csv:3:1: invest has a row dated 2202-03-31");
  });
});
