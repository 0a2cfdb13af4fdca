/**
 * The project file kpi.yaml (SPEC 7): every key, and every problem at its place, as
 * `file:line:col: message`, with "did you mean" where a value is a likely typo.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as yaml from "yaml";
import { initFiles } from "../../src/core/init-files.js";
import { DEFAULT_PROJECT, DEFAULT_SCORES } from "../../src/core/project.js";
import { labelsFor } from "../../src/i18n/language.js";
import { formatProblem } from "../../src/i18n/problem-text.js";
import {
  declaredLanguage,
  parseProjectFile,
  plainProjectInput,
  projectSettingsOf,
} from "../../src/inputs/project-file.js";
import { PROJECT_KEYS, projectFileSchema, SCORE_KEYS } from "../../src/inputs/project-schema.js";
import { readYamlDocument, targetsOf } from "../../src/inputs/targets.js";
import { day } from "../helpers.js";

function settingsOf(text: string) {
  const loaded = parseProjectFile({ file: "kpi.yaml", text }, yaml);
  if (loaded.settings === null)
    throw new Error(loaded.problems.map((problem) => formatProblem(problem)).join("\n"));
  expect(loaded.problems).toEqual([]);
  return loaded.settings;
}

/** The problems, as the CLI prints them in English; the same by the plain reader and by `yaml`. */
function problemsOf(text: string): string[] {
  const loaded = parseProjectFile({ file: "kpi.yaml", text }, yaml);
  expect(loaded.settings).toBeNull();
  const byYaml = projectSettingsOf(readYamlDocument({ file: "kpi.yaml", text }, yaml));
  expect(byYaml.problems).toEqual(loaded.problems);
  return loaded.problems.map((problem) => formatProblem(problem));
}

const SPEC_EXAMPLE = `office: XX县人民政府督查室        # shown on every report and page
title: 县政府重点工作月度亮晒       # the report's title
due_days: 10                     # a period's report is due this many days after the period ends
owners: [项目双进双产专班, 发改局]  # the official order: ties and owner lists follow it
scores: { green: 100, yellow: 60, red: 0, missing: 0, late_penalty: 0 }
allow_unknown: false             # true: a row for an unknown id is a warning, not an error
lang: zh                         # labels: --lang, then KPI_LANG, then this, then LANG, else en
as_of: latest-data               # (v2) default as-of: a date, latest-data, or today (the default)
timezone: Asia/Shanghai          # (v2) what "today" means (default: the machine's zone)
defaults: { schedule: linear }   # (v2.1) any target field, for every target of every file
`;

describe("the SPEC's example: every key", () => {
  it("reads each key into the settings", () => {
    expect(settingsOf(SPEC_EXAMPLE)).toEqual({
      office: "XX县人民政府督查室",
      title: "县政府重点工作月度亮晒",
      notice: null,
      issue: null,
      dueDays: 10,
      owners: ["项目双进双产专班", "发改局"],
      scores: { green: 100, yellow: 60, red: 0, missing: 0, latePenalty: 0 },
      allowUnknown: false,
      lang: "zh",
      asOf: { kind: "latest-data" },
      timezone: "Asia/Shanghai",
      defaults: { schedule: "linear" },
      contacts: [],
    });
  });

  it("reads the same in block style, by yaml's full reader (an anchor makes the plain one decline)", () => {
    const block = `office: &o XX县人民政府督查室
owners:
  - 项目双进双产专班
  - 发改局
scores:
  green: 90
`;
    expect(settingsOf(block)).toMatchObject({
      office: "XX县人民政府督查室",
      owners: ["项目双进双产专班", "发改局"],
      scores: { ...DEFAULT_SCORES, green: 90 },
    });
  });
});

describe("the language a file with an error asks for, so that its problems are worded in it", () => {
  const languageOf = (text: string) => {
    const document = readYamlDocument({ file: "kpi.yaml", text, role: "project" }, yaml);
    expect(projectSettingsOf(document).settings).toBeNull();
    return declaredLanguage(document.data, text);
  };

  it("is the data's lang when the YAML was read and another key is wrong", () => {
    expect(languageOf("due_days: -1\nlang: zh\n")).toBe("zh");
    expect(languageOf("lang: en\nowners: []\n")).toBe("en");
    // A lang of neither language, or none: the environment words the problems.
    expect(languageOf("lang: fr\n")).toBeNull();
    expect(languageOf("due_days: -1\n")).toBeNull();
  });

  it("is a top-level lang line when the YAML could not be read", () => {
    // A full-width colon after a key: no YAML document, but the line says zh.
    expect(languageOf("title：月度亮晒\nlang: zh # labels\n")).toBe("zh");
    expect(languageOf('title：月度亮晒\r\nlang: "en"\r\n')).toBe("en");
    expect(languageOf("title：月度亮晒\nlang:   'zh'\n")).toBe("zh");
    // Indented (not the file's key), another value, quotes that do not pair, or no space.
    expect(languageOf("title：月度亮晒\n  lang: zh\n")).toBeNull();
    expect(languageOf("title：月度亮晒\nlang: zhx\n")).toBeNull();
    expect(languageOf("title：月度亮晒\nlang: \"zh'\n")).toBeNull();
    expect(languageOf("title：月度亮晒\nlang:zh\n")).toBeNull();
  });

  it("is the settings' lang when the file is right", () => {
    const text = "lang: zh\n";
    expect(settingsOf(text).lang).toBe("zh");
    expect(declaredLanguage(yaml.parse(text), text)).toBe("zh");
  });
});

describe("every key is optional", () => {
  it.each([
    ["an empty file", ""],
    ["comments only", "# 督查室的设置\n# settings of the office\n"],
    ["an empty document", "---\n"],
  ])("%s is the defaults", (_, text) => {
    expect(settingsOf(text)).toEqual(DEFAULT_PROJECT);
  });

  it("a key left out keeps its default", () => {
    expect(settingsOf("office: 督查室\n")).toEqual({ ...DEFAULT_PROJECT, office: "督查室" });
    expect(DEFAULT_PROJECT).toMatchObject({
      dueDays: 10,
      owners: null,
      asOf: { kind: "today" },
      timezone: null,
      lang: null,
    });
  });

  it("a score left out keeps its default; the others are as given", () => {
    expect(settingsOf("scores: { yellow: 50, late_penalty: 10 }\n").scores).toEqual({
      green: 100,
      yellow: 50,
      red: 0,
      missing: 0,
      latePenalty: 10,
    });
  });
});

describe("unknown keys are errors, at the key, with did you mean", () => {
  it("a misspelt key of the file", () => {
    expect(problemsOf('office: 督查室\ntitle: 月度亮晒\ntilte: "x"\n')).toEqual([
      'kpi.yaml:3:1: unknown key "tilte" (did you mean "title"?)',
    ]);
    expect(problemsOf("due-days: 5\n")).toEqual([
      'kpi.yaml:1:1: unknown key "due-days" (did you mean "due_days"?)',
    ]);
    expect(problemsOf("asOf: today\n")).toEqual([
      'kpi.yaml:1:1: unknown key "asOf" (did you mean "as_of"?)',
    ]);
    expect(problemsOf("timeZone: UTC\n")).toEqual([
      'kpi.yaml:1:1: unknown key "timeZone" (did you mean "timezone"?)',
    ]);
  });

  it("a key like none: the keys are listed", () => {
    expect(problemsOf("year: 2022\n")).toEqual([
      'kpi.yaml:1:1: unknown key "year" (the keys are office, title, notice, issue, due_days, owners, scores, allow_unknown, lang, as_of, timezone, defaults, contacts)',
    ]);
  });

  it("a misspelt score, at its key", () => {
    expect(problemsOf("scores:\n  green: 100\n  yelow: 60\n")).toEqual([
      'kpi.yaml:3:3: unknown key "yelow" (did you mean "yellow"?)',
    ]);
    expect(problemsOf("scores: { late: 5 }\n")).toEqual([
      'kpi.yaml:1:11: unknown key "late" (did you mean "late_penalty"?)',
    ]);
  });

  it("__proto__ is a key like any other", () => {
    expect(problemsOf('"__proto__": 1\n')).toEqual([
      'kpi.yaml:1:1: unknown key "__proto__" (the keys are office, title, notice, issue, due_days, owners, scores, allow_unknown, lang, as_of, timezone, defaults, contacts)',
    ]);
  });

  it("every unknown key is listed, each at its line", () => {
    expect(problemsOf("ofice: a\ntitle: b\nlanguage: zh\n")).toEqual([
      'kpi.yaml:1:1: unknown key "ofice" (did you mean "office"?)',
      'kpi.yaml:3:1: unknown key "language" (the keys are office, title, notice, issue, due_days, owners, scores, allow_unknown, lang, as_of, timezone, defaults, contacts)',
    ]);
  });
});

describe("wrong types, at the value", () => {
  it.each([
    ["office: [a, b]\n", "kpi.yaml:1:9: office must be a non-empty text, got a list"],
    ['title: ""\n', 'kpi.yaml:1:8: title must be a non-empty text, got ""'],
    ["office:\n", "kpi.yaml:1:8: office must be a non-empty text, got null"],
    ["lang: fr\n", 'kpi.yaml:1:7: lang must be en or zh, got "fr"'],
    ["lang: ZH\n", 'kpi.yaml:1:7: lang must be en or zh, got "ZH" (did you mean "zh"?)'],
    // By meaning, not spelling: cn is two letters from en, and means Chinese.
    ["lang: cn\n", 'kpi.yaml:1:7: lang must be en or zh, got "cn" (did you mean "zh"?)'],
    ["lang: zh_CN\n", 'kpi.yaml:1:7: lang must be en or zh, got "zh_CN" (did you mean "zh"?)'],
    ["lang: 中文\n", 'kpi.yaml:1:7: lang must be en or zh, got "中文" (did you mean "zh"?)'],
    ["lang: English\n", 'kpi.yaml:1:7: lang must be en or zh, got "English" (did you mean "en"?)'],
    ["allow_unknown: yes\n", 'kpi.yaml:1:16: allow_unknown must be true or false, got "yes"'],
    [
      "scores: 5\n",
      "kpi.yaml:1:9: scores must be a mapping of green, yellow, red, missing and late_penalty, got 5",
    ],
    ["scores: { green: high }\n", 'kpi.yaml:1:18: scores.green must be a number, got "high"'],
    [
      "scores: { late_penalty: -5 }\n",
      "kpi.yaml:1:25: scores.late_penalty must be a number ≥ 0, got -5",
    ],
    ["defaults: [a]\n", "kpi.yaml:1:11: defaults must be a mapping of target fields, got a list"],
    [
      "as_of: 2022\n",
      "kpi.yaml:1:8: as_of must be a date (2022-03-31, 2022-03, 2022-Q1), latest-data or today, got 2022",
    ],
    [
      "timezone: 8\n",
      "kpi.yaml:1:11: timezone must be an IANA time zone like Asia/Shanghai, got 8",
    ],
    [
      "- office\n",
      "kpi.yaml:1:1: the file must be a mapping of project settings (office, title, owners…), got a list",
    ],
    [
      "scores: { green: 1e16 }\n",
      "kpi.yaml:1:18: scores.green 10000000000000000 is too large: numbers must lie within ±1e15",
    ],
  ])("%j", (text, message) => {
    expect(problemsOf(text)).toEqual([message]);
  });
});

describe("notice: a line shown on every report, page and notice", () => {
  it("is a text, trimmed; none by default; anything else is an error at its place", () => {
    expect(settingsOf("notice: ' 示例数据，非官方统计 '\n").notice).toBe("示例数据，非官方统计");
    expect(settingsOf("office: x\n").notice).toBeNull();
    expect(problemsOf("notice: 7\n")).toEqual([expect.stringMatching(/^kpi\.yaml:1:9: notice /)]);
  });
});

describe("issue: the notice's issue, a number or its line as printed", () => {
  it("takes a whole number ≥ 1 (第 7 期) or a text, as it is", () => {
    expect(settingsOf("issue: 7\n").issue).toBe(7);
    expect(settingsOf("issue: 2022年第7期\n").issue).toBe("2022年第7期");
    expect(settingsOf("office: x\n").issue).toBeNull();
  });

  it.each([
    [
      "issue: 0\n",
      'kpi.yaml:1:8: issue must be a whole number ≥ 1 or a text like "第 7 期", got 0',
    ],
    [
      "issue: 1.5\n",
      'kpi.yaml:1:8: issue must be a whole number ≥ 1 or a text like "第 7 期", got 1.5',
    ],
    [
      "issue: true\n",
      'kpi.yaml:1:8: issue must be a whole number ≥ 1 or a text like "第 7 期", got true',
    ],
    [
      'issue: ""\n',
      'kpi.yaml:1:8: issue must be a whole number ≥ 1 or a text like "第 7 期", got ""',
    ],
  ])("%j", (text, message) => {
    expect(problemsOf(text)).toEqual([message]);
  });
});

describe("due_days: a whole number of days ≥ 0", () => {
  it("takes 0 and any whole number", () => {
    expect(settingsOf("due_days: 0\n").dueDays).toBe(0);
    expect(settingsOf("due_days: 15\n").dueDays).toBe(15);
  });

  it.each([
    ["-1", "-1"],
    ["2.5", "2.5"],
    ["ten", '"ten"'],
    ['"10"', '"10"'],
  ])("refuses %s", (value, shown) => {
    expect(problemsOf(`due_days: ${value}\n`)).toEqual([
      `kpi.yaml:1:11: due_days must be a whole number of days ≥ 0, got ${shown}`,
    ]);
  });

  it("a number too large is said once, as such", () => {
    expect(problemsOf("due_days: 1e20\n")).toEqual([
      "kpi.yaml:1:11: due_days 100000000000000000000 is too large: numbers must lie within ±1e15",
    ]);
  });
});

describe("owners: a list of unique names, each one body", () => {
  it("keeps the order given", () => {
    expect(settingsOf("owners: [经信局, 发改局, 商务局]\n").owners).toEqual([
      "经信局",
      "发改局",
      "商务局",
    ]);
  });

  it("is a list, not one name, and not an empty list", () => {
    expect(problemsOf("owners: 发改局\n")).toEqual([
      'kpi.yaml:1:9: owners must be a non-empty list of names, got "发改局"',
    ]);
    expect(problemsOf("owners: []\n")).toEqual([
      "kpi.yaml:1:9: owners must be a non-empty list of names",
    ]);
    expect(problemsOf("owners: [发改局, 7]\n")).toEqual([
      "kpi.yaml:1:15: owners[1] must be a non-empty text, got 7",
    ]);
  });

  it.each([
    "经信局、商务局",
    "经信局，商务局",
    "经信局,商务局",
    "经信局；商务局",
    "经信局;商务局",
    "经信局/商务局",
  ])("a name that joins several (%s) is an error, with the hint to write a list", (name) => {
    expect(problemsOf(`owners:\n  - 发改局\n  - "${name}"\n`)).toEqual([
      `kpi.yaml:3:5: owner "${name}" names several bodies: write them as a list, [经信局, 商务局]`,
    ]);
  });

  it("a name with a character that cannot be seen is an error at it", () => {
    // "发改局" then U+2060 WORD JOINER: the joiner is the name's fourth character, column 9.
    expect(problemsOf('owners:\n  - "发改局\u2060"\n')).toEqual([
      'kpi.yaml:2:9: owner "发改局\\u2060" holds U+2060 (a word joiner), a character that cannot be seen: delete it (or type the name again)',
    ]);
  });

  it("a name given twice is an error at the second, naming the first", () => {
    expect(problemsOf("owners:\n  - 发改局\n  - 经信局\n  - 发改局\n")).toEqual([
      'kpi.yaml:4:5: owner "发改局" is listed twice, first at kpi.yaml:2:5',
    ]);
  });

  it("names are compared trimmed, as they are read", () => {
    expect(problemsOf('owners: [发改局, " 发改局 "]\n')).toEqual([
      'kpi.yaml:1:15: owner "发改局" is listed twice, first at kpi.yaml:1:10',
    ]);
  });
});

describe("scores: missing above red is an error", () => {
  it("at scores.missing when it is given", () => {
    // missing 10 > red 0 (the default).
    expect(problemsOf("scores:\n  green: 100\n  missing: 10\n")).toEqual([
      "kpi.yaml:3:12: scores.missing (10) is above scores.red (0): a missing report must never score more than a red one",
    ]);
  });

  it("at scores.red when only red is given, below the default missing of 0", () => {
    expect(problemsOf("scores: { red: -5 }\n")).toEqual([
      "kpi.yaml:1:16: scores.missing (0) is above scores.red (-5): a missing report must never score more than a red one",
    ]);
  });

  it("missing above what a late result scores once late_penalty is taken off", () => {
    // A late red scores 50 − 30 = 20, and 40 for sending nothing would rank above it.
    expect(problemsOf("scores: { red: 50, missing: 40, late_penalty: 30 }\n")).toEqual([
      "kpi.yaml:1:29: scores.missing (40) is above what a late red result scores (50 less late_penalty 30: 20): a missing report must never score more than a reported one; lower missing or late_penalty",
    ]);
    // 10 − 6 = 4 for a late red, below 5.
    expect(problemsOf("scores: { red: 10, missing: 5, late_penalty: 6 }\n")).toHaveLength(1);
    // A penalty never takes points below 0: 10 − 20 is 0, which the default missing of 0 is not above.
    expect(settingsOf("scores: { red: 10, late_penalty: 20 }\n").scores.latePenalty).toBe(20);
    // Exactly: 0.3 − 0.1 is 0.2, so missing 0.2 is not above a late red (in floating point,
    // 0.3 − 0.1 is 0.19999999999999998).
    const exact = settingsOf("scores: { red: 0.3, missing: 0.2, late_penalty: 0.1 }\n");
    expect(exact.scores.missing).toBe(0.2);
  });

  it("missing equal to red, or below it, is fine (not reporting may even cost more than red)", () => {
    expect(settingsOf("scores: { red: 10, missing: 10 }\n").scores).toMatchObject({
      red: 10,
      missing: 10,
    });
    expect(settingsOf("scores: { missing: -20 }\n").scores.missing).toBe(-20);
  });
});

describe("as_of: any date form --as-of takes, latest-data or today", () => {
  it.each([
    ["2022-06-30", "2022-06-30"],
    ["2022/6/30", "2022-06-30"],
    ["2022年6月30日", "2022-06-30"],
    ["2022-06", "2022-06-30"],
    ["2022年6月", "2022-06-30"],
    ["2022-Q2", "2022-06-30"],
    ["2022Q1", "2022-03-31"],
  ])("%s is %s", (value, date) => {
    expect(settingsOf(`as_of: ${value}\n`).asOf).toEqual({ kind: "date", day: day(date) });
  });

  it("a YAML date of a 1.1 file is the date it was written as", () => {
    expect(settingsOf("%YAML 1.1\n---\nas_of: 2022-06-30\n").asOf).toEqual({
      kind: "date",
      day: day("2022-06-30"),
    });
  });

  it("latest-data and today, in any case", () => {
    expect(settingsOf("as_of: latest-data\n").asOf).toEqual({ kind: "latest-data" });
    expect(settingsOf("as_of: Latest-Data\n").asOf).toEqual({ kind: "latest-data" });
    expect(settingsOf("as_of: today\n").asOf).toEqual({ kind: "today" });
    expect(settingsOf("as_of: TODAY\n").asOf).toEqual({ kind: "today" });
  });

  it("an impossible date is not a calendar date", () => {
    expect(problemsOf("as_of: 2022-02-30\n")).toEqual([
      'kpi.yaml:1:8: as_of "2022-02-30" is not a calendar date',
    ]);
  });

  it.each([
    ["latest", "latest-data"],
    ["latest_data", "latest-data"],
    ["tody", "today"],
  ])("%s: did you mean %s", (value, suggestion) => {
    expect(problemsOf(`as_of: ${value}\n`)).toEqual([
      `kpi.yaml:1:8: as_of "${value}" is not a date (2022-03-31, 2022-03, 2022-Q1), latest-data or today (did you mean "${suggestion}"?)`,
    ]);
  });

  it("anything else is no date", () => {
    expect(problemsOf("as_of: 31/03/2022\n")).toEqual([
      'kpi.yaml:1:8: as_of "31/03/2022" is not a date (2022-03-31, 2022-03, 2022-Q1), latest-data or today',
    ]);
  });
});

describe("timezone: an IANA zone", () => {
  it("is kept by its canonical name", () => {
    expect(settingsOf("timezone: Asia/Shanghai\n").timezone).toBe("Asia/Shanghai");
    expect(settingsOf("timezone: asia/shanghai\n").timezone).toBe("Asia/Shanghai");
    expect(settingsOf("timezone: UTC\n").timezone).toBe("UTC");
    expect(settingsOf("timezone: Etc/GMT-8\n").timezone).toBe("Etc/GMT-8");
  });

  it.each([
    ["Asia/Shanghia", ' (did you mean "Asia/Shanghai"?)'],
    ["Asia/Beijing", ' (did you mean "Asia/Shanghai"?)'],
    ["Europe/Londn", ' (did you mean "Europe/London"?)'],
    // CST is China Standard Time to some and US Central to the platform: refused, not guessed.
    ["CST", " (like Asia/Shanghai)"],
    ['"+08:00"', " (like Asia/Shanghai)"],
    ["Mars/Olympus", " (like Asia/Shanghai)"],
  ])("refuses %s", (value, hint) => {
    const shown = value.startsWith('"') ? value : JSON.stringify(value);
    expect(problemsOf(`timezone: ${value}\n`)).toEqual([
      `kpi.yaml:1:11: timezone ${shown} is not an IANA time zone${hint}`,
    ]);
  });
});

describe("lang, allow_unknown, defaults, office and title", () => {
  it("lang is zh or en", () => {
    expect(settingsOf("lang: zh\n").lang).toBe("zh");
    expect(settingsOf("lang: en\n").lang).toBe("en");
  });

  it("allow_unknown is true or false", () => {
    expect(settingsOf("allow_unknown: true\n").allowUnknown).toBe(true);
    expect(settingsOf("allow_unknown: false\n").allowUnknown).toBe(false);
  });

  it("defaults are kept as given, for the target files' reader", () => {
    expect(settingsOf("defaults:\n  schedule: linear\n  tolerance: 5%\n").defaults).toEqual({
      schedule: "linear",
      tolerance: "5%",
    });
  });

  it("office and title are trimmed text", () => {
    expect(settingsOf('office: " 督查室 "\ntitle: 月度亮晒\n')).toMatchObject({
      office: "督查室",
      title: "月度亮晒",
    });
  });
});

describe("YAML that cannot be read is said as in target files", () => {
  it("a full-width colon", () => {
    expect(problemsOf("office：督查室\n")).toEqual([
      'kpi.yaml:1:1: invalid YAML: "：" is a full-width colon; after a key, write ":" and a space',
    ]);
  });

  it("a duplicate key", () => {
    expect(problemsOf("office: a\noffice: b\n")).toEqual(['kpi.yaml:2:1: duplicate key "office"']);
  });

  it("a key indented with a full-width space", () => {
    expect(problemsOf("scores:\n  green: 100\n\u3000 red: 0\n")[0]).toMatch(
      /^kpi\.yaml:3:1: invalid YAML: the line is indented with an ideographic space/,
    );
  });
});

describe("problems in the user's language", () => {
  it("in Chinese", () => {
    const loaded = parseProjectFile(
      { file: "kpi.yaml", text: "owners: [发改局]\ntilte: x\nas_of: latest\n" },
      yaml,
    );
    expect(loaded.problems.map((problem) => formatProblem(problem, labelsFor("zh")))).toEqual([
      'kpi.yaml:2:1: 未知的键 "tilte"（是否应为 "title"？）',
    ]);
    const asOf = parseProjectFile({ file: "kpi.yaml", text: "as_of: latest\n" }, yaml);
    expect(asOf.problems.map((problem) => formatProblem(problem, labelsFor("zh")))).toEqual([
      'kpi.yaml:1:8: as_of "latest" 无法识别（可用 2022-03-31、2022-03、2022-Q1 等日期，或 latest-data、today）（是否应为 "latest-data"？）',
    ]);
  });
});

describe("defaults (SPEC 2.5, 7): every target of every file, under each file's own", () => {
  const file = (text: string) => readYamlDocument({ file: "t.yaml", text }, yaml);

  it("apply to every target whose kind has the field; a file's defaults and a target's own win", () => {
    const settings = settingsOf("defaults: { schedule: linear, due_days: 15, warn_days: 7 }\n");
    const { targets, problems } = targetsOf(
      [
        file(`year: 2023
targets:
  - { id: a, title: A, target: 10 }
  - { id: b, title: B, target: 10, schedule: h50-q85 }
  - { id: m, kind: milestone, title: M }
`),
        file("year: 2023\ndefaults: { due_days: 5 }\ntargets: [{ id: c, title: C, target: 10 }]\n"),
      ],
      settings.defaults,
    );
    expect(problems).toEqual([]);
    const [a, b, m, c] = targets;
    // linear: no milestones; h50-q85: 06-30 and 09-30.
    expect(a?.kind === "progress" && a.milestones).toEqual([]);
    expect(b?.kind === "progress" && b.milestones.length).toBe(2);
    expect(m?.kind === "milestone" && m.warnDays).toBe(7);
    expect([a?.dueDays, c?.dueDays]).toEqual([15, 5]);
  });

  it("a default that is no target field, the id, or a value no kind takes is an error in kpi.yaml", () => {
    expect(problemsOf("defaults:\n  schedule: linar\n  id: x\n  colour: red\n")).toEqual([
      'kpi.yaml:2:13: schedule must be q30-h60-q85, h50-q85, linear or a list of milestones, got "linar" (did you mean "linear"?)',
      "kpi.yaml:3:3: the id cannot have a default: each target needs its own",
      'kpi.yaml:4:3: unknown key "colour"',
    ]);
  });
});

describe("a project file of the common keys is checked by hand, as the schema checks it", () => {
  const values = fc.oneof(
    fc.string(),
    fc.constantFrom(" 督查室 ", "", "  ", "zh", "en", "ZH", "today", "2022-06-30"),
    fc.integer({ min: -3, max: 40 }),
    fc.double(),
    fc.constantFrom(2 ** 53, -0, 1.5, Number.NaN, Number.POSITIVE_INFINITY),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(fc.string(), fc.constantFrom(" 发改局", "", 3)), { maxLength: 3 }),
    fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
    fc.constantFrom({ schedule: "linear", section: "经济" }, { __proto__: null, unit: "个" }, []),
  );
  const keys = fc.constantFrom(...PROJECT_KEYS, "office ", "ofice", "__proto__", "constructor");

  it("answers only what the schema accepts, and gives what it gives", () => {
    fc.assert(
      fc.property(fc.dictionary(keys, values, { maxKeys: 5 }), (data) => {
        const plain = plainProjectInput(data);
        const parsed = projectFileSchema().safeParse(data);
        if (plain !== null) {
          expect(parsed.success).toBe(true);
          expect(plain).toEqual(parsed.data);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("the keys listed for did-you-mean are the schema's", () => {
    const { shape } = projectFileSchema();
    expect([...PROJECT_KEYS]).toEqual(Object.keys(shape));
    expect([...SCORE_KEYS]).toEqual(Object.keys(shape.scores._zod.def.innerType.shape));
  });

  it("answers for the bundled example's keys", () => {
    const data = {
      office: " XX县人民政府督查室",
      title: "县政府重点工作月度亮晒",
      due_days: 10,
      owners: ["科技局", " 发改局 "],
      as_of: "latest-data",
      lang: "zh",
      timezone: "Asia/Shanghai",
      allow_unknown: false,
      defaults: { schedule: "linear" },
    };
    expect(plainProjectInput(data)).toEqual(projectFileSchema().safeParse(data).data);
    expect(plainProjectInput({ ...data, scores: { green: 90 } })).toBeNull();
  });
});

describe("contacts: whom kpi notify @-mentions, owner → platform → user_ids or mobiles", () => {
  it("reads each platform's ids as text, a mobile number YAML reads as a number as its digits", () => {
    const settings = settingsOf(`owners: [发改局, 科技局]
contacts:
  发改局:
    wecom: { user_ids: [zhangsan], mobiles: [13800000000] }
    dingtalk: { mobiles: ["13800000000"], user_ids: [manager4711] }
    feishu: { user_ids: [ou_7d8a6e6df7621556ce0d21922b676706] }
    slack: { user_ids: [U012AB3CD] }
  科技局:
    wecom: { mobiles: ["+86-13900000000"] }
`);
    expect(settings.contacts).toEqual([
      {
        owner: "发改局",
        place: { file: "kpi.yaml", line: 3, column: 3 },
        ids: {
          wecom: { userIds: ["zhangsan"], mobiles: ["13800000000"] },
          dingtalk: { userIds: ["manager4711"], mobiles: ["13800000000"] },
          feishu: { userIds: ["ou_7d8a6e6df7621556ce0d21922b676706"], mobiles: [] },
          slack: { userIds: ["U012AB3CD"], mobiles: [] },
        },
      },
      {
        owner: "科技局",
        place: { file: "kpi.yaml", line: 8, column: 3 },
        ids: { wecom: { userIds: [], mobiles: ["+86-13900000000"] } },
      },
    ]);
  });

  it("an unknown platform or id key is an error at the key, with did you mean", () => {
    expect(
      problemsOf(`contacts:
  发改局:
    dingtlk: { mobiles: ["1"] }
    slack: { userids: [U1] }
    feishu: { mobiles: ["1"] }
`),
    ).toEqual([
      'kpi.yaml:5:15: unknown key "mobiles" (the keys are user_ids)',
      'kpi.yaml:4:14: unknown key "userids" (did you mean "user_ids"?)',
      'kpi.yaml:3:5: unknown key "dingtlk" (did you mean "dingtalk"?)',
    ]);
  });

  it("an id that would break the message's markup, or an empty list, is an error at the value", () => {
    expect(
      problemsOf(`contacts:
  发改局:
    slack: { user_ids: ["<!channel>"] }
    wecom: { user_ids: [] }
`),
    ).toEqual([
      "kpi.yaml:4:24: contacts.发改局.wecom.user_ids must be a non-empty list of ids or mobile numbers",
      'kpi.yaml:3:25: contacts.发改局.slack.user_ids[0] must be an id or a mobile number, of letters, digits and _ . @ + - only, got "<!channel>"',
    ]);
  });

  it("the commented example kpi init writes is a valid contacts entry once uncommented", () => {
    const file = initFiles({
      year: 2026,
      version: "0.1.0",
      release: "",
      action: "",
      ci: "none",
      schema: "{}",
    }).find((entry) => entry.path === "kpi.yaml");
    const lines = (file?.content ?? "").split("\n");
    const start = lines.indexOf("# contacts:");
    const block = lines
      .slice(start)
      .filter((line) => line.startsWith("# ") && line.includes(":"))
      .map((line) => line.slice(2).replace(/ # .*$/, ""));
    const settings = settingsOf(`${block.join("\n")}\n`);
    expect(settings.contacts.map((contact) => Object.keys(contact.ids))).toEqual([
      ["wecom", "dingtalk", "feishu", "slack"],
    ]);
  });
});
