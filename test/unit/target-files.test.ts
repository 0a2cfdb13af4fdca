/**
 * The v2 rules of target files (SPEC 2): ids of any script after NFC and never an invisible
 * character, an owner is one body, target files are UTF-8, and YAML merge keys. Each problem is
 * checked with its place and its words in both languages, by both readers where both read the file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import * as yaml from "yaml";
import { labelsFor } from "../../src/i18n/language.js";
import { formatProblem } from "../../src/i18n/problem-text.js";
import { parseProjectFile } from "../../src/inputs/project-file.js";
import { loadTargets, parseTargetFile } from "../../src/inputs/targets.js";
import { readTargets } from "../../src/io/read-inputs.js";
import { readCsvTexts, targetsFrom } from "../helpers.js";

/** The problems of a target file in both languages, the same by the plain reader and by yaml. */
function problemsIn(text: string): { en: string[]; zh: string[] } {
  const words = (plainReader: boolean) => {
    const { problems } = parseTargetFile({ file: "t.yaml", text }, yaml, plainReader);
    return {
      en: problems.map((problem) => formatProblem(problem, labelsFor("en"))),
      zh: problems.map((problem) => formatProblem(problem, labelsFor("zh"))),
    };
  };
  const plain = words(true);
  expect(words(false)).toEqual(plain);
  return plain;
}

describe("SPEC 2 (v2): ids are letters and digits of any script, after NFC", () => {
  it("开工率 and invest.start-rate are both ids", () => {
    const targets = targetsFrom(`year: 2022
targets:
  - { id: 开工率, title: 新建项目开工率, target: 85 }
  - { id: invest.start-rate, title: 开工, target: 85 }
  - { id: Ωmega_2, title: 希腊字母, target: 1 }
`);
    expect(targets.map((target) => target.id)).toEqual(["开工率", "invest.start-rate", "Ωmega_2"]);
  });

  it("an id typed decomposed (e and a combining accent) is the composed id", () => {
    const decomposed = "cafe\u0301";
    const [target] = targetsFrom(
      `year: 2022\ntargets:\n  - { id: ${decomposed}, title: C, target: 1 }\n`,
    );
    expect(target?.id).toBe("caf\u00e9");
  });

  it("the composed and the decomposed id are the same id: a duplicate", () => {
    const { problems } = loadTargets(
      [
        {
          file: "a.yaml",
          text: "year: 2022\ntargets:\n  - { id: caf\u00e9, title: A, target: 1 }\n",
        },
        {
          file: "b.yaml",
          text: "year: 2022\ntargets:\n  - { id: cafe\u0301, title: B, target: 1 }\n",
        },
      ],
      yaml,
    );
    expect(problems.map((problem) => formatProblem(problem, labelsFor("en")))).toEqual([
      'b.yaml:3:5: duplicate id "caf\u00e9", first defined at a.yaml:3:5',
    ]);
    expect(problems.map((problem) => formatProblem(problem, labelsFor("zh")))).toEqual([
      'b.yaml:3:5: 编号 "caf\u00e9" 重复，首次定义于 a.yaml:3:5',
    ]);
  });

  it("a data row names the target composed or decomposed alike (NFC on both sides)", () => {
    const targets = targetsFrom(`year: 2022
targets:
  - { id: cafe\u0301, title: Cafe\u0301 title, target: 10 }
`);
    const data = readCsvTexts(
      [
        {
          file: "d.csv",
          chunks: [
            "target,date,value\ncaf\u00e9,2022-01-31,1\ncafe\u0301,2022-02-28,2\nCaf\u00e9 title,2022-03-31,3\n",
          ],
        },
      ],
      targets,
    );
    expect(data.problems).toEqual([]);
    expect(data.observations.get("caf\u00e9")?.length).toBe(3);
  });

  it("a zero-width space in an id is an error at the character, naming it", () => {
    // "  - id: invest" is 14 characters: the zero-width space is the 15th.
    const { en, zh } = problemsIn(
      "year: 2022\ntargets:\n  - id: invest\u200b.projects\n    title: 固投\n    target: 130\n",
    );
    expect(en).toEqual([
      't.yaml:3:15: the id "invest\\u200b.projects" holds U+200B (a zero-width space), a character that cannot be seen: delete it (or type the id again)',
    ]);
    expect(zh).toEqual([
      't.yaml:3:15: 编号 "invest\\u200b.projects" 含有看不见的字符 U+200B（零宽空格）：请删除该字符（或重新输入编号）',
    ]);
  });

  // Shown as an escape in the message, but for the no-break space, which is seen as a space.
  it.each([
    ["a soft hyphen", "\u00ad", "\\u00ad", "U+00AD (a soft hyphen)"],
    ["a zero-width joiner", "\u200d", "\\u200d", "U+200D (a zero-width joiner)"],
    ["a right-to-left mark", "\u200f", "\\u200f", "U+200F (a right-to-left mark)"],
    ["a byte order mark", "\ufeff", "\\ufeff", "U+FEFF (a byte order mark)"],
    ["a no-break space", "\u00a0", "\u00a0", "U+00A0 (a no-break space)"],
    ["a word joiner", "\u2060", "\\u2060", "U+2060 (a word joiner)"],
    ["a Hangul filler (a letter that shows nothing)", "\u3164", "\\u3164", "U+3164"],
  ])("so is %s", (_name, character, shown, named) => {
    // `  - { id: "a` is 12 characters: the character is the 13th (yaml reads every one of them).
    const { problems } = parseTargetFile(
      {
        file: "t.yaml",
        text: `year: 2022\ntargets:\n  - { id: "a${character}b", title: A, target: 1 }\n`,
      },
      yaml,
      false,
    );
    expect(problems.map((problem) => formatProblem(problem))).toEqual([
      `t.yaml:3:13: the id "a${shown}b" holds ${named}, a character that cannot be seen: delete it (or type the id again)`,
    ]);
  });

  it("an escaped zero-width space is placed at the id", () => {
    const { problems } = parseTargetFile(
      {
        file: "t.yaml",
        text: 'year: 2022\ntargets:\n  - { id: "a\\u200bb", title: A, target: 1 }\n',
      },
      yaml,
    );
    expect(problems.map((problem) => formatProblem(problem))[0]).toMatch(
      /^t\.yaml:3:11: the id "a\\u200bb" holds U\+200B/,
    );
  });

  it("a data row with a zero-width space shows it, never two ids that look the same", () => {
    const targets = targetsFrom(
      "year: 2022\ntargets:\n  - { id: invest.projects, title: 固投, target: 130 }\n",
    );
    const data = readCsvTexts(
      [{ file: "d.csv", chunks: ["target,date,value\ninvest\u200b.projects,2022-01-31,1\n"] }],
      targets,
    );
    expect(data.problems.map((problem) => formatProblem(problem, labelsFor("en")))).toEqual([
      'd.csv:2:1: no target has the id or title "invest\\u200b.projects" (did you mean "invest.projects"?)',
    ]);
    expect(data.problems.map((problem) => formatProblem(problem, labelsFor("zh")))[0]).toContain(
      '"invest\\u200b.projects"',
    );
  });
});

describe("SPEC 2 (v2): an owner is one body", () => {
  it("经信局、商务局 is an error at the name, with the list to write", () => {
    const { en, zh } = problemsIn(
      "year: 2022\ntargets:\n  - { id: a, title: A, target: 1, owner: 经信局、商务局 }\n",
    );
    expect(en).toEqual([
      't.yaml:3:42: owner "经信局、商务局" names several bodies: write them as a list, [经信局, 商务局]',
    ]);
    expect(zh).toEqual([
      't.yaml:3:42: 责任单位 "经信局、商务局" 含有多个单位：请写成列表 [经信局, 商务局]',
    ]);
  });

  it("in a list of owners and in the defaults, each at its own place", () => {
    const { en } = problemsIn(`year: 2022
defaults:
  owner: 发改局/统计局
targets:
  - id: a
    title: A
    target: 1
    owner: [财政局, "经信局，商务局", 科技局; 教育局]
  - { id: b, title: B, target: 1 }
`);
    expect(en).toEqual([
      't.yaml:3:10: owner "发改局/统计局" names several bodies: write them as a list, [发改局, 统计局]',
      't.yaml:8:18: owner "经信局，商务局" names several bodies: write them as a list, [经信局, 商务局]',
      't.yaml:8:29: owner "科技局; 教育局" names several bodies: write them as a list, [科技局, 教育局]',
    ]);
  });

  it("a character that cannot be seen in a name is an error at that character", () => {
    // 经信局 with a zero-width space after it would rank as a second 经信局.
    const { en, zh } = problemsIn(
      "year: 2022\ntargets:\n  - { id: a, title: A, target: 1, owner: [财政局, 经信局\u200b] }\n",
    );
    // The name starts at column 48; the zero-width space is its fourth character, column 51.
    expect(en).toEqual([
      't.yaml:3:51: owner "经信局\\u200b" holds U+200B (a zero-width space), a character that cannot be seen: delete it (or type the name again)',
    ]);
    expect(zh).toEqual([
      't.yaml:3:51: 责任单位 "经信局\\u200b" 含有看不见的字符 U+200B（零宽空格）：请删除该字符（或重新输入名称）',
    ]);
  });

  it("和 joins no bodies: 住房和城乡建设局 is one", () => {
    const [target] = targetsFrom(
      "year: 2022\ntargets:\n  - { id: a, title: A, target: 1, owner: 住房和城乡建设局 }\n",
    );
    expect(target?.owner).toEqual(["住房和城乡建设局"]);
  });
});

describe("SPEC 2 (v2): target files are UTF-8", () => {
  const scratch = mkdtempSync(join(tmpdir(), "kpi-target-files-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let folders = 0;

  async function readFile(bytes: Buffer) {
    const folder = join(scratch, `f${folders++}`);
    mkdirSync(folder);
    writeFileSync(join(folder, "t.yaml"), bytes);
    const loaded = await readTargets([folder]);
    const words = (language: "en" | "zh") =>
      loaded.problems.map((problem) =>
        formatProblem(problem, labelsFor(language)).replace(join(folder, "t.yaml"), "t.yaml"),
      );
    return { targets: loaded.targets, en: words("en"), zh: words("zh") };
  }

  const TEXT = "year: 2022\ntargets:\n  - { id: a, title: 财政收入, target: 1, owner: 财政局 }\n";

  it("GB18030 is refused at its first line that is not UTF-8, named", async () => {
    const read = await readFile(iconv.encode(TEXT, "gb18030"));
    expect(read.targets).toEqual([]);
    expect(read.en).toEqual(["t.yaml:3:1: the file is not UTF-8 but GB18030: save it as UTF-8"]);
    expect(read.zh).toEqual(["t.yaml:3:1: 文件不是 UTF-8 编码，而是 GB18030：请另存为 UTF-8"]);
  });

  it("UTF-16 is refused, with its byte order mark or without", async () => {
    const withMark = await readFile(
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, "utf16le")]),
    );
    expect(withMark.en).toEqual([
      "t.yaml:1:1: the file is not UTF-8 but UTF-16LE: save it as UTF-8",
    ]);
    expect(withMark.zh).toEqual(["t.yaml:1:1: 文件不是 UTF-8 编码，而是 UTF-16LE：请另存为 UTF-8"]);
    // ASCII alone in UTF-16 is valid UTF-8, with a zero byte after each character.
    const ascii = await readFile(
      iconv.encode("targets:\n  - { id: a, title: A, target: 1 }\n", "utf16be"),
    );
    expect(ascii.en).toEqual(["t.yaml:1:1: the file is not UTF-8 but UTF-16BE: save it as UTF-8"]);
  });

  it("UTF-8, with a byte order mark or without, is read", async () => {
    const plain = await readFile(Buffer.from(TEXT, "utf8"));
    const withMark = await readFile(Buffer.from(`\ufeff${TEXT}`, "utf8"));
    expect(plain.en).toEqual([]);
    expect(withMark.en).toEqual([]);
    expect(withMark.targets.map((target) => target.owner)).toEqual([["财政局"]]);
  });
});

describe("SPEC 2 (v2): YAML merge keys", () => {
  const BASE = `year: 2022
targets:
  - &monthly
    id: a
    title: A
    owner: 发改局
    target: 10
    tolerance: "5%"
  - <<: *monthly
    id: b
    title: B
`;

  it("<<: *base copies the keys the mapping does not have itself", () => {
    const [a, b] = targetsFrom(`${BASE}    target: 20\n`);
    expect(b).toMatchObject({
      id: "b",
      title: "B",
      owner: ["发改局"],
      target: 20,
      tolerance: { percent: 5 },
      place: { line: 9, column: 5 },
    });
    expect(a).toMatchObject({ id: "a", target: 10 });
  });

  it("a list of mappings merges the first that has the key", () => {
    const [, b] = targetsFrom(`year: 2022
targets:
  - &one { id: a, title: A, target: 1, unit: 个 }
  - { id: c, title: C, target: 2, unit: 户, owner: 专班, kind: progress }
  - <<: [*one, { owner: 商务局, unit: 元 }]
    id: b
    title: B
`).filter((target) => target.id !== "c");
    expect(b).toMatchObject({ id: "b", target: 1, unit: "个", owner: ["商务局"] });
  });

  it("an error inside the merged mapping is placed where the value is written", () => {
    const { problems } = parseTargetFile(
      { file: "t.yaml", text: BASE.replace('tolerance: "5%"', 'tolerance: "-5%"') },
      yaml,
    );
    const words = (language: "en" | "zh") =>
      problems.map((problem) => formatProblem(problem, labelsFor(language)));
    // Once: the merging target's problem is the anchored target's, at the same place.
    expect(words("en")).toEqual([
      't.yaml:8:16: tolerance must be a number ≥ 0 or a percentage like "10%", got "-5%"',
    ]);
    expect(words("zh")).toEqual([
      't.yaml:8:16: tolerance 必须是不小于 0 的数或百分比（如 "10%"），实际为 "-5%"',
    ]);
  });

  it("an unknown key inside the merged mapping is placed at the key", () => {
    const { problems } = parseTargetFile(
      { file: "t.yaml", text: BASE.replace("    owner: 发改局\n", "    ownr: 发改局\n") },
      yaml,
    );
    expect(problems.map((problem) => formatProblem(problem))).toEqual([
      't.yaml:6:5: unknown key "ownr" (did you mean "owner"?)',
    ]);
  });

  it("a merge key of something other than a mapping is an error at its value", () => {
    const { problems } = parseTargetFile(
      {
        file: "t.yaml",
        text: "year: 2022\ntargets:\n  - <<: 5\n    id: a\n    title: A\n    target: 1\n",
      },
      yaml,
    );
    expect(problems.map((problem) => formatProblem(problem, labelsFor("en")))).toEqual([
      "t.yaml:3:9: a merge key (<<) takes a mapping, an alias of one (*name) or a list of those",
    ]);
    expect(problems.map((problem) => formatProblem(problem, labelsFor("zh")))).toEqual([
      "t.yaml:3:9: 合并键（<<）的值应为映射、映射的别名（*名称）或由它们组成的列表",
    ]);
  });
});

describe("SPEC 2 (v2): a merge key of no mapping, or of an alias of no anchor", () => {
  it.each([
    [
      "an alias of no anchor",
      "targets:\n  - <<: *base\n    id: a\n",
      "t.yaml:2:9: cannot expand the file's aliases: no anchor &base is set before the alias *base",
    ],
    [
      "a list with a number in it",
      "targets:\n  - &a { id: a, title: A, target: 1 }\n  - <<: [*a, 5]\n    id: b\n",
      "t.yaml:3:9: a merge key (<<) takes a mapping, an alias of one (*name) or a list of those",
    ],
  ])("%s is an error at its place", (_name, text, message) => {
    const { problems } = parseTargetFile({ file: "t.yaml", text }, yaml);
    expect(problems.map((problem) => formatProblem(problem))).toEqual([message]);
  });
});

describe("the project file's YAML problems name the project file", () => {
  const projectProblems = (text: string, language: "en" | "zh") =>
    parseProjectFile({ file: "kpi.yaml", text }, yaml).problems.map((problem) =>
      formatProblem(problem, labelsFor(language)),
    );

  it("several documents", () => {
    const text = "office: 督查室\n---\ntitle: 月报\n";
    expect(projectProblems(text, "en")).toEqual([
      'kpi.yaml:2:1: invalid YAML: the file holds several documents (a "---" line); the project file is one document',
    ]);
    expect(projectProblems(text, "zh")).toEqual([
      'kpi.yaml:2:1: YAML 格式错误：文件含有多个文档（有 "---" 行）；项目文件只能是一个文档',
    ]);
    // A target file says so of a target file.
    expect(problemsIn("targets: []\n---\ntargets: []\n").en).toEqual([
      't.yaml:2:1: invalid YAML: the file holds several documents (a "---" line); a target file is one document',
    ]);
  });

  it("an unknown tag", () => {
    const text = "office: !!js/function x\n";
    expect(projectProblems(text, "en")).toEqual([
      "kpi.yaml:1:9: unknown tag !!js/function: the project file holds plain values, and kpi runs no code from it",
    ]);
    expect(projectProblems(text, "zh")).toEqual([
      "kpi.yaml:1:9: 未知的标签 !!js/function：项目文件只含普通的值，kpi 不运行其中的任何代码",
    ]);
  });
});
