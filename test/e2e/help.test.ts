/**
 * Issue 13, point 5: `kpi --version`, and the help in the user's language. The language is known
 * before the program is built (`--lang X`, `--lang=X`, else KPI_LANG, else a zh* LANG), so every
 * word of the help — commander's own headings included — comes from the labels.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND_NAMES } from "../../src/i18n/labels.js";
import { labelsFor } from "../../src/i18n/language.js";
import { displayWidth } from "../../src/render/terminal-table.js";
import { REPO, runKpi } from "../run-kpi.js";

const VERSION = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).version as string;
const CJK = /[\u4e00-\u9fff]/;

describe("kpi --version", () => {
  it.each([["--version"], ["-V"]])("%s prints the version of package.json and exits 0", (flag) => {
    expect(runKpi([flag])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });
});

describe("the help in English", () => {
  it("is commander's layout, with --version listed", () => {
    const { code, stdout, stderr } = runKpi(["--help"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toBe(`Usage: kpi [options] [command]

Check targets against actuals: YAML targets, CSV actuals, a traffic light for
every target.

Options:
  -V, --version                  output the version number
  -h, --help                     display help for command

Commands:
  check [options] [data...]      evaluate every target against the data and
                                 print the result
  report [options] [data...]     the status report: red and yellow first, all
                                 targets by section, owners, due soon, changes
  rank [options] [data...]       rank the owners by their targets' weighted
                                 points: the month's, the quarter's or the
                                 year's ranking
  validate [options] [paths...]  check target and data files without evaluating
                                 them
  list [options]                 list the targets with their schedules resolved
                                 to dated values
  schema [options]               print the JSON Schema of target files (or of
                                 kpi.yaml), for editors
  init [options] [dir]           create a new data repository: example targets,
                                 a data template, CI and a README
  explain [options] <id>         show one target's rows, schedule, status rule
                                 and chart
  diff [options] <base> [head]   what changed between two runs' results: newly
                                 red or yellow, recovered, late reports…
  notify [options]               post the month's digest and the reports to
                                 chase to a group chat's webhook
  template [options]             an owner's entry form for a period (.xlsx or
                                 .csv), read back by kpi check
  help [command]                 display help for command
`);
  });

  it("of a command lists its arguments, options, choices and defaults", () => {
    expect(runKpi(["check", "--help"]).stdout).toBe(`Usage: kpi check [options] [data...]

evaluate every target against the data and print the result

Arguments:
  data                      data files or folders (added to --data)

Options:
  -t, --targets <paths...>  target files or folders (default: ["targets"])
  -d, --data <paths...>     data files or folders (default: data)
  --encoding <name>         read data files in this encoding (default: UTF-8,
                            else GB18030)
  --allow-unknown           rows of unknown ids are warnings, not errors (or
                            kpi.yaml's allow_unknown: true)
  --strict                  warnings are errors, exit code 2 (a correction stays
                            a warning)
  --config <file>           the project file (default: kpi.yaml, if there is
                            one)
  --as-of <date>            evaluation date: a date, a month, a quarter or
                            'today' (default: kpi.yaml's as_of, else today)
  -o, --output <file>       write the output to a file (atomically) instead of
                            stdout
  --lang <lang>             language of labels: en or zh (default: KPI_LANG,
                            then kpi.yaml's lang, then LANG, else en)
  -f, --format <format>     output format (choices: "table", "markdown", "json",
                            "junit", "github", "codequality", default: "table")
  --fail-on <statuses>      comma list of statuses (and late: a report due and
                            missing) that make the exit code 1, or none
                            (default: "red")
  -h, --help                display help for command
`);
  });

  // A run defines only the command its first argument names; `help` names none, so all are defined.
  it.each(COMMAND_NAMES.map((name) => [name]))("kpi help %s is that command's own help", (name) => {
    const own = runKpi([name, "--help"]);
    expect(own.code).toBe(0);
    expect(runKpi(["help", name])).toEqual(own);
  });

  it("no arguments: the help on stderr, exit 2", () => {
    const { code, stdout, stderr } = runKpi([]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toBe(runKpi(["--help"]).stdout);
  });
});

describe("the help in Chinese", () => {
  const zh = labelsFor("zh").help;
  const en = labelsFor("en").help;
  const englishWords = [
    en.program,
    ...Object.values(en.commands),
    ...Object.values(en.arguments),
    ...Object.values(en.options),
    ...Object.values(en.headings),
    "Usage:",
    "choices:",
    "default:",
  ];

  it.each([
    ["--lang zh", ["--help", "--lang", "zh"], {}],
    ["--lang=zh", ["--lang=zh", "--help"], {}],
    ["KPI_LANG=zh", ["--help"], { KPI_LANG: "zh" }],
    ["LANG=zh_CN.UTF-8", ["--help"], { LANG: "zh_CN.UTF-8" }],
    ["--lang zh over LANG=en_US", ["--help", "--lang", "zh"], { LANG: "en_US.UTF-8" }],
  ])("%s: the program's help", (_, args, env) => {
    const { code, stdout } = runKpi(args, { env });
    expect(code).toBe(0);
    expect(stdout.startsWith("用法：kpi [options] [command]\n")).toBe(true);
    for (const heading of [zh.headings.options, zh.headings.commands])
      expect(stdout).toContain(`\n${heading}\n`);
    expect(stdout).toContain(zh.options.version);
    expect(stdout).toContain(zh.helpCommand);
    for (const words of englishWords) expect(stdout).not.toContain(words);
  });

  it.each(COMMAND_NAMES)(
    "kpi %s --help --lang zh: every word Chinese, within 80 columns",
    (name) => {
      const { code, stdout } = runKpi([name, "--help", "--lang", "zh"]);
      expect(code).toBe(0);
      expect(stdout.startsWith(`用法：kpi ${name} [options]`)).toBe(true);
      // A description may be wrapped, so it is compared with the line breaks taken out.
      const unwrapped = stdout.replace(/\n +/g, "");
      expect(unwrapped).toContain(zh.commands[name]);
      expect(unwrapped).toContain(zh.options.help);
      for (const words of englishWords) expect(stdout).not.toContain(words);
      // Every description is Chinese: each item line has a Chinese character after its term.
      const items = stdout.split("\n").filter((line) => /^ {2}\S/.test(line));
      for (const item of items) expect(item).toMatch(CJK);
      // Chinese characters are two columns wide: the help is wrapped to 80 columns all the same.
      for (const line of stdout.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    },
  );

  it("choices and defaults in Chinese words", () => {
    const { stdout } = runKpi(["check", "--help", "--lang", "zh"]);
    const unwrapped = stdout.replace(/\n +/g, "");
    expect(unwrapped).toContain(
      "输出格式（可选值：table、markdown、json、junit、github、codequality；默认：table）",
    );
    expect(unwrapped).toContain("指标文件或文件夹（默认：targets）");
  });

  it("a --lang that is neither en nor zh leaves the help to the environment", () => {
    expect(runKpi(["--help", "--lang", "fr"], { env: { LANG: "zh_CN.UTF-8" } }).stdout).toMatch(
      /^用法：/,
    );
    expect(runKpi(["--help", "--lang", "fr"]).stdout).toMatch(/^Usage: /);
  });

  it("--lang after -- is an argument, not the language", () => {
    const { stdout } = runKpi(["explain", "--help", "--", "--lang", "zh"]);
    expect(stdout).toMatch(/^Usage: /);
  });
});
