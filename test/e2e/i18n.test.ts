/**
 * Labels in both languages: every label of English has a Chinese one, the supervision office's
 * words are there, and errors are worded in Chinese around the `file:line:col` place, which stays.
 * Each problem code's words are checked in test/unit/problem-messages.test.ts; here the built CLI
 * says them, for the messages that were once English in a Chinese run.
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { labelsFor } from "../../src/i18n/language.js";
import { BIN, REPO, runKpi } from "../run-kpi.js";

const CJK = /[\u4e00-\u9fff]/;

/**
 * The label tree with every function called on sample arguments, so that it can be compared. The
 * problem messages are left out: test/unit/problem-messages.test.ts renders each of them.
 */
function flatten(value: unknown, path = ""): [string, string][] {
  if (path === ".messages") return [];
  if (typeof value === "string") return [[path, value]];
  if (typeof value === "function") {
    const label = value as (...args: unknown[]) => unknown;
    // Sample arguments: numbers, or lists for the labels that take lists (the help's choices).
    let sample: unknown;
    try {
      sample = label(2, 3);
    } catch {
      sample = label(["a", "b"], ["c"]);
    }
    return flatten(typeof sample === "string" ? sample : String(sample), path);
  }
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, inner]) => flatten(inner, `${path}.${key}`));
  return [];
}

describe("labels", () => {
  it("Chinese has every label English has", () => {
    const en = flatten(labelsFor("en")).map(([path]) => path);
    const zh = flatten(labelsFor("zh")).map(([path]) => path);
    expect(zh).toEqual(en);
  });

  it("uses the words a Chinese supervision office uses", () => {
    const zh = labelsFor("zh");
    expect(zh.status).toEqual({ green: "绿灯", yellow: "黄灯", red: "红灯", grey: "无数据" });
    expect(zh.columns.expected).toBe("序时进度");
    expect(zh.reason.achieved).toBe("已完成");
    expect(zh.reason.behind).toBe("滞后");
    expect(zh.reason.overdue).toBe("逾期");
    expect(zh.reason["due-soon"]).toBe("临近期限");
  });
});

describe("error messages in Chinese", () => {
  it("kpi check --lang zh: every problem in Chinese, the place and the count line too", () => {
    const { code, stdout, stderr } = runKpi([
      "check",
      "test/fixtures/bad-data",
      "-t",
      "test/fixtures/basic/targets",
      "--lang",
      "zh",
    ]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(10);
    for (const line of lines.slice(0, -1)) {
      expect(line).toMatch(/^test\/fixtures\/bad-data\/[a-z-]+\.csv:\d+:\d+: /);
      expect(line.replace(/^\S+: /, "")).toMatch(CJK);
    }
    expect(lines).toContain(
      'test/fixtures/bad-data/malformed-value.csv:2:33: 数值 "36个" 不是数字：请写 36',
    );
    expect(lines.at(-1)).toBe("kpi: 9 个错误；未生成报告");
  });

  it("target errors, warnings and usage errors follow KPI_LANG and LANG too", () => {
    const targets = runKpi(
      ["check", "-t", "test/fixtures/bad-targets/duplicate-id", "-d", "test/fixtures/basic/data"],
      { env: { KPI_LANG: "zh" } },
    );
    expect(targets.stderr).toBe(
      'test/fixtures/bad-targets/duplicate-id/2.yaml:3:5: 编号 "a" 重复，首次定义于 test/fixtures/bad-targets/duplicate-id/1.yaml:3:5\nkpi: 1 个错误；未生成报告\n',
    );
    const usage = runKpi(["report", "--as-of", "2022-02-30"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(usage).toMatchObject({
      code: 2,
      stderr: 'kpi: --as-of "2022-02-30" 不是有效的日历日期\n',
    });
    // --lang wins over the environment, and a bad --lang is reported in the environment's language.
    expect(
      runKpi(["check", "--as-of", "someday", "--lang", "en"], { env: { KPI_LANG: "zh" } }).stderr,
    ).toMatch(/^kpi: --as-of "someday" is not a date/);
    expect(runKpi(["check", "--lang", "fr"], { env: { KPI_LANG: "zh" } }).stderr).toBe(
      'kpi: --lang 必须是 en 或 zh，实际为 "fr"\n',
    );
  });
});

const scratch = mkdtempSync(join(tmpdir(), "kpi-i18n-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `kpi validate` of one target file with this text: the problem lines, in both languages. */
function validateTargets(name: string, text: string): { en: string; zh: string } {
  const file = join(scratch, name);
  writeFileSync(file, text);
  const said = (lang: string) => {
    const { code, stderr } = runKpi(["validate", file, "--lang", lang]);
    expect(code).toBe(2);
    // The problem lines, without the count line; the file's place relative to the scratch folder.
    return stderr.replaceAll(`${scratch}/`, "").split("\n").slice(0, -2).join("\n");
  };
  return { en: said("en"), zh: said("zh") };
}

const year = "year: 2022\ntargets:\n";

describe("target-file messages that were English in a Chinese run", () => {
  it.each([
    [
      "a file nested too deeply",
      `targets: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`,
      /^n\.yaml:1:\d+: invalid YAML: the file is nested too deeply$/,
      /^n\.yaml:1:\d+: YAML 格式错误：文件嵌套层数过多$/,
    ],
    [
      "a number too large",
      `${year}  - id: a\n    title: x\n    target: 1e16\n`,
      /^n\.yaml:5:13: targets\[0\]\.target 10000000000000000 is too large: numbers must lie within ±1e15$/,
      /^n\.yaml:5:13: targets\[0\]\.target 10000000000000000 过大：数值须在 ±1e15 以内$/,
    ],
    [
      "more numbers too large than are listed",
      `${year}${"  - { id: a, title: x, target: 1e16 }\n".repeat(53)}`,
      /^n\.yaml:1:1: 3 more numbers are too large$/m,
      /^n\.yaml:1:1: 另有 3 个数值过大$/m,
    ],
    [
      "a mapping of too many keys",
      `${year}  - id: a\n    title: x\n    target: 5\nextra:\n${Array.from({ length: 1001 }, (_, i) => `  k${i}: 1\n`).join("")}`,
      /^n\.yaml:7:3: a mapping of 1001 keys: kpi reads at most 1000$/,
      /^n\.yaml:7:3: 映射有 1001 个键：kpi 最多读取 1000 个$/,
    ],
    [
      "a list of too many items",
      `targets:\n${"  - 1\n".repeat(20_001)}`,
      /^n\.yaml:2:3: a list of 20001 items: kpi reads at most 20000 in one list/,
      /^n\.yaml:2:3: 列表有 20001 项：kpi 在一个列表中最多读取 20000 项（更长的指标列表请拆分为多个文件）$/,
    ],
    [
      "a tag that would run code",
      `${year}  - id: a\n    title: !!js/function x\n    target: 5\n`,
      /^n\.yaml:4:12: unknown tag !!js\/function: a target file holds plain values, and kpi runs no code from it$/,
      /^n\.yaml:4:12: 未知的标签 !!js\/function：指标文件只含普通的值，kpi 不运行其中的任何代码$/,
    ],
    [
      "an alias bomb",
      `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ntargets: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`,
      /^n\.yaml:1:1: cannot expand the file's aliases: they expand to more than 1000 nodes, far more than a target file needs$/,
      /^n\.yaml:1:1: 无法展开文件中的别名：展开后超过 1000 个节点，远超指标文件所需$/,
    ],
    [
      "an alias of no anchor",
      `${year}  - id: a\n    title: *nope\n    target: 5\n`,
      /^n\.yaml:4:12: cannot expand the file's aliases: no anchor &nope is set before the alias \*nope$/,
      /^n\.yaml:4:12: 无法展开文件中的别名：别名 \*nope 之前没有定义锚点 &nope$/,
    ],
    [
      "an empty list of milestones",
      `${year}  - id: a\n    title: x\n    target: 5\n    schedule: []\n`,
      /^n\.yaml:6:15: schedule must be q30-h60-q85, h50-q85, linear or a non-empty list of milestones$/,
      /^n\.yaml:6:15: schedule 必须是 q30-h60-q85、h50-q85、linear 或非空的节点列表$/,
    ],
    [
      "a list where a text belongs",
      `${year}  - id: a\n    title: [x]\n    target: 5\n`,
      /^n\.yaml:4:12: title must be a non-empty text, got a list$/,
      /^n\.yaml:4:12: title 必须是非空文本，实际为列表$/,
    ],
  ])("%s", (_, text, english, chinese) => {
    const said = validateTargets("n.yaml", text);
    expect(said.en).toMatch(english);
    expect(said.zh).toMatch(chinese);
  });
});

describe("YAML that cannot be read: the character at fault, named in both languages", () => {
  it.each([
    [
      "a full-width colon after a key",
      `${year}  - id: a\n    title：投资\n    target: 5\n`,
      'y.yaml:4:5: invalid YAML: "：" is a full-width colon; after a key, write ":" and a space',
      'y.yaml:4:5: YAML 格式错误："：" 是全角冒号；键后应写半角冒号 ":" 和一个空格',
    ],
    [
      "a tab as indentation",
      `${year}  - id: a\n\ttitle: x\n    target: 5\n`,
      "y.yaml:4:1: invalid YAML: the line is indented with a tab; indent with spaces only",
      "y.yaml:4:1: YAML 格式错误：该行用制表符缩进，缩进只能用半角空格",
    ],
    [
      "a no-break space as indentation",
      `${year}  - id: a\n  \u00a0 title: x\n    target: 5\n`,
      "y.yaml:4:1: invalid YAML: the line is indented with a no-break space (U+00A0); indent with spaces only",
      "y.yaml:4:1: YAML 格式错误：该行用不间断空格（U+00A0）缩进，缩进只能用半角空格",
    ],
    [
      "ideographic spaces as indentation",
      `${year}  - id: a\n    target: 5\n\u3000\u3000title: x\n`,
      "y.yaml:5:1: invalid YAML: the line is indented with an ideographic space (U+3000, the full-width space); indent with spaces only",
      "y.yaml:5:1: YAML 格式错误：该行用全角空格（U+3000）缩进，缩进只能用半角空格",
    ],
    [
      "a value that starts with %",
      `${year}  - id: a\n    title: x\n    target: 5\n    unit: %\n`,
      'y.yaml:6:11: invalid YAML: a value cannot start with "%" unless it is quoted; quote it: unit: "%"',
      'y.yaml:6:11: YAML 格式错误：不加引号的值不能以 "%" 开头，请加上引号：unit: "%"',
    ],
    [
      "a list left open",
      `${year}  - id: a\n    title: [x\n`,
      'y.yaml:4:12: invalid YAML: "[" is not closed: a list in [ ] or a mapping in { } must end with "]"',
      'y.yaml:4:12: YAML 格式错误："[" 没有闭合：[ ] 中的列表或 { } 中的映射须以 "]" 结尾',
    ],
  ])("%s", (_, text, english, chinese) => {
    expect(validateTargets("y.yaml", text)).toEqual({ en: english, zh: chinese });
  });
});

describe("the command line's complaints in the run's language", () => {
  it.each([
    [["explian", "x"], "错误：未知的命令 'explian'\n（是否应为 explain？）\n"],
    [["list", "--formt", "json"], "错误：未知的选项 '--formt'\n（是否应为 --format？）\n"],
    [["explain"], "错误：缺少必需的参数 'id'\n"],
    [["check", "--as-of"], "错误：选项 '--as-of <date>' 缺少参数值\n"],
    [
      ["check", "--format", "xml"],
      "错误：选项 '-f, --format <format>' 的参数值 'xml' 无效，可选值为 table, markdown, json, junit, github, codequality。\n",
    ],
    [["list", "a", "b"], "错误：'list' 的参数过多：应为 0 个，实际为 2 个。\n"],
  ])("kpi %j under KPI_LANG=zh", (args, stderr) => {
    expect(runKpi(args, { env: { KPI_LANG: "zh" } })).toEqual({ code: 2, stdout: "", stderr });
  });

  it("--lang zh read before the fault counts, and wins over the environment", () => {
    expect(runKpi(["check", "--lang", "zh", "--formt"]).stderr).toBe(
      "错误：未知的选项 '--formt'\n（是否应为 --format？）\n",
    );
    expect(runKpi(["check", "--lang", "en", "--formt"], { env: { KPI_LANG: "zh" } }).stderr).toBe(
      "error: unknown option '--formt'\n(Did you mean --format?)\n",
    );
  });
});

/**
 * kpi run by a user whom file modes keep out: root reads any folder, so a run under root is made
 * as nobody instead, with a copy of this Node.js where nobody may run it (`npx -p node@24` keeps
 * its binary under root's home).
 */
function runKeptOut(args: readonly string[], lang: string) {
  const asRoot = process.getuid?.() === 0;
  const node = asRoot ? join(scratch, "node") : process.execPath;
  if (asRoot && !existsSync(node)) copyFileSync(process.execPath, node);
  const { status, stderr, error } = spawnSync(node, [BIN, ...args], {
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", KPI_LANG: lang, LANG: "C" },
  });
  if (error !== undefined) throw error;
  return { code: status, stderr };
}

describe("file and folder messages that were English in a Chinese run", () => {
  it("a folder that cannot be read, and a path in a folder that cannot be entered", () => {
    chmodSync(scratch, 0o755);
    const data = join(scratch, "locked");
    mkdirSync(join(data, "inner"), { recursive: true });
    writeFileSync(join(data, "inner", "a.csv"), "target,date,value\n");
    mkdirSync(join(scratch, "private", "x"), { recursive: true });
    chmodSync(join(data, "inner"), 0o000);
    chmodSync(join(scratch, "private"), 0o700);
    const targets = ["-t", "test/fixtures/basic/targets"];
    try {
      expect(runKeptOut(["validate", data, ...targets], "en")).toEqual({
        code: 2,
        stderr: `${data}/inner:1:1: cannot read the folder: EACCES\nkpi: 1 error; no report was made\n`,
      });
      expect(runKeptOut(["validate", data, ...targets], "zh")).toEqual({
        code: 2,
        stderr: `${data}/inner:1:1: 无法读取文件夹：EACCES\nkpi: 1 个错误；未生成报告\n`,
      });
      const hidden = join(scratch, "private", "x");
      expect(runKeptOut(["check", "-d", hidden, ...targets], "en")).toEqual({
        code: 2,
        stderr: `${hidden}:1:1: cannot read the file: EACCES\nkpi: 1 error; no report was made\n`,
      });
      expect(runKeptOut(["check", "-d", hidden, ...targets], "zh")).toEqual({
        code: 2,
        stderr: `${hidden}:1:1: 无法读取文件：EACCES\nkpi: 1 个错误；未生成报告\n`,
      });
    } finally {
      chmodSync(join(data, "inner"), 0o755);
      chmodSync(join(scratch, "private"), 0o755);
    }
  });
});

/** `kpi validate` of one data file against the basic targets: stderr in both languages. */
function validateData(name: string, text: string): { en: string; zh: string } {
  const file = join(scratch, name);
  writeFileSync(file, text);
  const said = (lang: string) => {
    const { code, stderr } = runKpi([
      "validate",
      file,
      "-t",
      "test/fixtures/basic/targets",
      "--lang",
      lang,
    ]);
    expect(code).toBe(2);
    return stderr.replaceAll(`${scratch}/`, "");
  };
  return { en: said("en"), zh: said("zh") };
}

describe("data and file messages that were English in a Chinese run", () => {
  it("a target file larger than 1 MiB", () => {
    expect(validateTargets("big.yaml", "# a comment\n".repeat(100_000))).toEqual({
      en: "big.yaml:1:1: the file is larger than 1 MiB, the limit for a target file",
      zh: "big.yaml:1:1: 文件大于 1 MiB，超出了指标文件的大小上限",
    });
  });

  it("a value too large", () => {
    const said = validateData(
      "large.csv",
      "target,date,value\ninvest.projects-100m,2022-03-31,12345678901234567890\n",
    );
    expect(said.en).toMatch(
      /^large\.csv:2:33: value "12345678901234567890" is too large: numbers must lie within ±1e15\n/,
    );
    expect(said.zh).toMatch(
      /^large\.csv:2:33: 数值 "12345678901234567890" 过大：数值须在 ±1e15 以内\n/,
    );
  });

  it("rows of one date that disagree, past the cap, and a milestone's done or not done", () => {
    // 53 pairs of rows that disagree (hall's, then invest's on 52 dates): the first 50 are listed,
    // the other 53 - 50 = 3 counted on one line, at the first left out (invest's 50th, line 103).
    const pairs = Array.from({ length: 52 }, (_, i) => {
      const day = `2022-${String(1 + Math.floor(i / 28)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
      return `invest.projects-100m,${day},1\ninvest.projects-100m,${day},2\n`;
    });
    const text = `target,date,value\nhall.acceptance,2022-03-31,1\nhall.acceptance,2022-03-31,0\n${pairs.join("")}`;
    const said = validateData("disagree.csv", text);
    expect(said.en).toContain(
      "disagree.csv:3:1: hall.acceptance on 2022-03-31 is false here but true at disagree.csv:2: delete the wrong row, or mark the right row as a correction (a note that begins with 更正 or correction)\n",
    );
    expect(said.zh).toContain(
      "disagree.csv:3:1: hall.acceptance 在 2022-03-31 的数值此处为 未完成，但在 disagree.csv:2 为 已完成：请删去错误的一行，或在正确一行的备注开头写“更正”\n",
    );
    expect(said.en).toContain(
      "disagree.csv:103:1: 3 more rows in this file disagree with earlier rows\n",
    );
    expect(said.zh).toContain("disagree.csv:103:1: 本文件另有 3 行与之前的行数值不一致\n");
  });
});
