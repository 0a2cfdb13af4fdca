/**
 * Issue 7, hostile input: target files built to exhaust time, memory or the stack, to reach the
 * prototype or run code, and data files built to do the same. Each is refused or read within a
 * bound, with a message at a place; none crashes (exit 3) or hangs.
 */
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as yaml from "yaml";
import { dayFromCivil } from "../../src/core/dates.js";
import { MAX_PROBLEMS_PER_FILE } from "../../src/core/problems.js";
import { formatProblem } from "../../src/i18n/problem-text.js";
import {
  loadTargets,
  MAX_LIST_ITEMS,
  MAX_MAPPING_KEYS,
  parseTargetFile,
} from "../../src/inputs/targets.js";
import { readData, readTargets } from "../../src/io/read-inputs.js";
import { targetsFrom } from "../helpers.js";
import { runKpi } from "../run-kpi.js";

const scratch = mkdtempSync(join(tmpdir(), "kpi-hostile-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const NO_STACK = /^\s+at |node:internal|\.ts:\d+|internal error/m;

/**
 * Parse a target file, with its problems in words. A hang or a blow-up fails by the test's own
 * timeout (vitest.config.ts): nothing here is timed, so a busy machine cannot fail it.
 */
function parsed(text: string) {
  const loaded = parseTargetFile({ file: "h.yaml", text }, yaml);
  return { ...loaded, lines: loaded.problems.map((problem) => formatProblem(problem)) };
}

const A_TARGET = "{ id: a, kind: level, title: A, max: 1 }";

describe("hostile YAML: aliases", () => {
  it("refuses a billion-laughs file at once, without expanding it", () => {
    let text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (let level = 1; level <= 9; level++)
      text += `l${level}: &l${level} [${Array(10)
        .fill(`*l${level - 1}`)
        .join(", ")}]\n`;
    text += "targets: *l9\n";
    const loaded = parsed(text);
    expect(loaded.targets).toEqual([]);
    expect(loaded.lines).toEqual([
      expect.stringMatching(/^h\.yaml:1:1: cannot expand the file's aliases: /),
    ]);
  });

  it("refuses quadratic blow-up: one large anchor used many times", () => {
    const big = `[${Array(2000).fill("x").join(", ")}]`;
    const text = `big: &big ${big}\ntargets:\n${Array(2000).fill("  - *big").join("\n")}\n`;
    const loaded = parsed(text);
    expect(loaded.lines[0]).toMatch(/cannot expand the file's aliases/);
  });

  it("reads aliases used a few times, as real files do", () => {
    const text = `deadline: &d 2022-06-30\ntargets:\n  - { id: a, kind: milestone, title: A, deadline: *d }\n  - { id: b, kind: milestone, title: B, deadline: *d }\n`;
    // `deadline` at the top is an unknown key; the aliases themselves are fine.
    expect(parsed(text).lines).toEqual(['h.yaml:1:1: unknown key "deadline"']);
  });

  it("refuses an alias to itself with a place", () => {
    const loaded = parsed("a: &a [*a]\ntargets: *a\n");
    expect(loaded.targets).toEqual([]);
    expect(loaded.problems.length).toBeGreaterThan(0);
  });
});

describe("hostile YAML: nesting", () => {
  const deep = (depth: number) => ({
    "flow lists": `targets: ${"[".repeat(depth)}${"]".repeat(depth)}\n`,
    "flow mappings": `targets:\n  - { id: a, title: A, kind: level, max: 1, x: ${"{a: ".repeat(depth)}1${"}".repeat(depth)} }\n`,
    "block lists on one line": `targets:\n${"- ".repeat(depth)}1\n`,
    "block mappings": `defaults:\n${Array.from({ length: depth }, (_, i) => `${" ".repeat(i + 2)}k${i}:`).join("\n")}\ntargets: [${A_TARGET}]\n`,
  });

  // Found by this test: 5,000 levels of block mappings overflowed the stack inside yaml, and the
  // RangeError escaped as an internal error (exit 3).
  it.each([100, 1_000, 5_000])("%i levels: a located problem, never a stack overflow", (depth) => {
    for (const [shape, text] of Object.entries(deep(depth))) {
      const loaded = parsed(text);
      expect(loaded.targets, shape).toEqual([]);
      expect(loaded.problems.length, shape).toBeGreaterThan(0);
      if (depth >= 5_000)
        expect(loaded.lines[0], shape).toMatch(/: invalid YAML: the file is nested too deeply$/);
    }
  });

  it("100,000 levels of flow nesting: the same", () => {
    const loaded = parsed(`targets: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`);
    expect(loaded.lines[0]).toMatch(/^h\.yaml:1:\d+: invalid YAML: the file is nested too deeply$/);
  });

  // Found in review: 200,000 errors on one line took 47 s (each error looked at the whole line),
  // and pushing their problems at once overflowed the stack, said as "nested too deeply".
  it("200,000 YAML errors on one long line: each named, within the bound", () => {
    const loaded = parsed(`x: "${"ab\\q".repeat(200_000)}\n`);
    expect(loaded.lines).toContain(
      'h.yaml:1:4: invalid YAML: a quoted value is not closed: a value that starts with " must end with "',
    );
    expect(loaded.lines).toContain(
      'h.yaml:1:7: invalid YAML: "\\q" is not an escape sequence: in double quotes, write "\\\\" for a backslash (or use single quotes)',
    );
  });

  it("the CLI says so too, with exit 2", () => {
    const folder = join(scratch, "deep");
    mkdirSync(folder);
    writeFileSync(join(folder, "t.yaml"), deep(5_000)["block lists on one line"]);
    const { code, stdout, stderr } = runKpi(["check", "-t", folder, "-d", folder]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(/t\.yaml:2:\d+: invalid YAML: the file is nested too deeply\n/);
    expect(stderr).not.toMatch(NO_STACK);
  });
});

describe("hostile YAML: keys that name the prototype", () => {
  // Found by this test: zod leaves `__proto__` out of a record, so in a target or in `defaults` it
  // vanished silently — an unknown key that changed nothing and was never reported.
  it.each([
    [
      "a target",
      `targets:\n  - { id: a, kind: level, title: A, max: 1, __proto__: { max: 99 } }\n`,
      2,
    ],
    ["defaults", `defaults: { __proto__: { owner: x } }\ntargets: [${A_TARGET}]\n`, 1],
    ["the file", `__proto__: { year: 2022 }\ntargets: [${A_TARGET}]\n`, 1],
    [
      "a milestone",
      "targets:\n  - { id: a, title: A, target: 2, deadline: 2022-12-31, schedule: [{ by: 2022-06-30, value: 1, __proto__: 1 }] }\n",
      2,
    ],
  ])("__proto__ in %s is an unknown key at its place", (_, text, line) => {
    const loaded = parsed(text);
    expect(loaded.targets).toEqual([]);
    expect(loaded.lines).toEqual([
      expect.stringMatching(new RegExp(`^h\\.yaml:${line}:\\d+: unknown key "__proto__"`)),
    ]);
    expect(({} as Record<string, unknown>).max).toBeUndefined();
    expect(({} as Record<string, unknown>).owner).toBeUndefined();
  });

  // Found by this test: `key in schema.shape` is true for "constructor", so a default named
  // constructor was also reported at every target, with a message about other kinds.
  it.each([
    "constructor",
    "toString",
    "hasOwnProperty",
    "valueOf",
    "__defineGetter__",
    "prototype",
  ])("%s is an ordinary unknown key, reported once where it is written", (key) => {
    const inTarget = parsed(`targets:\n  - { id: a, kind: level, title: A, max: 1, ${key}: 1 }\n`);
    expect(inTarget.lines).toEqual([
      expect.stringMatching(new RegExp(`^h\\.yaml:2:\\d+: unknown key "${key}"`)),
    ]);
    const inDefaults = parsed(`defaults: { ${key}: 1 }\ntargets: [${A_TARGET}]\n`);
    expect(inDefaults.lines).toEqual([
      expect.stringMatching(new RegExp(`^h\\.yaml:1:\\d+: unknown key "${key}"`)),
    ]);
  });

  it("ids named like Object.prototype members are ordinary ids, in targets and in data", async () => {
    const targets = targetsFrom(
      "targets:\n  - { id: constructor, kind: level, title: C, max: 1 }\n  - { id: toString, kind: level, title: T, max: 1 }\n",
    );
    const file = join(scratch, "proto.csv");
    writeFileSync(
      file,
      "target,date,value\nconstructor,2022-01-31,1\n__proto__,2022-01-31,1\ntoString,2022-01-31,2\n",
    );
    const data = await readData([file], targets);
    expect([...data.observations.keys()]).toEqual(["constructor", "toString"]);
    expect(data.problems.map((problem) => formatProblem(problem))).toEqual([
      `${file}:3:1: no target has the id or title "__proto__"`,
    ]);
  });

  it("values named __proto__ are plain text", () => {
    const [target] = targetsFrom(
      `targets:\n  - { id: a, kind: level, title: __proto__, owner: [constructor, __proto__], max: 1 }\n`,
    );
    expect(target).toMatchObject({ title: "__proto__", owner: ["constructor", "__proto__"] });
  });
});

describe("hostile YAML: tags never run code", () => {
  it.each([
    "!!js/function 'function () { return process.exit(9) }'",
    "!!js/undefined ''",
    "!!js/regexp /x/",
    "!!python/object/apply:os.system ['echo pwned']",
    "!<tag:yaml.org,2002:js/function> 'function () {}'",
    "!custom x",
  ])("%s is an unknown tag at its place", (value) => {
    const loaded = parsed(`targets:\n  - { id: a, kind: level, max: 1, title: ${value} }\n`);
    expect(loaded.targets).toEqual([]);
    expect(loaded.lines[0]).toMatch(
      /^h\.yaml:2:\d+: unknown tag !\S+: a target file holds plain values, and kpi runs no code from it$/,
    );
  });

  it.each([
    ["!!binary aGVsbG8=", /title must be a non-empty text/],
    ["!!set { a, b }", /title must be a non-empty text/],
    ["!!omap [ a: 1 ]", /title must be a non-empty text/],
  ])("%s, a tag yaml knows, is refused as the wrong type", (value, message) => {
    const loaded = parsed(`targets:\n  - { id: a, kind: level, max: 1, title: ${value} }\n`);
    expect(loaded.targets).toEqual([]);
    expect(loaded.lines[0]).toMatch(message);
  });

  it("!!str and !!int are plain YAML and read as such", () => {
    const [target] = targetsFrom(
      `targets:\n  - { id: a, kind: level, title: !!str 2022, max: !!int "3" }\n`,
    );
    expect(target).toMatchObject({ title: "2022", max: 3 });
  });

  it("merge keys are expanded (SPEC 2, v2), within the limit of aliases", () => {
    const loaded = parsed(`targets:\n  - { <<: { title: T, kind: level, max: 1 }, id: a }\n`);
    expect(loaded.lines).toEqual([]);
    expect(loaded.targets[0]).toMatchObject({ id: "a", title: "T", max: 1 });
    // Each level merges the one before ten times: 10^12 keys, refused without expanding them.
    let bomb = `targets:\n  - &l0 { id: a, title: A, kind: level, max: 1 }\n`;
    for (let level = 1; level <= 12; level++)
      bomb += `  - &l${level} { <<: [${Array(10)
        .fill(`*l${level - 1}`)
        .join(", ")}], id: b${level} }\n`;
    expect(parsed(bomb).lines).toEqual([
      "h.yaml:1:1: cannot expand the file's aliases: they expand to more than 1000 nodes, far more than a target file needs",
    ]);
  });

  it("a %YAML 1.1 file means what YAML 1.1 says; its dates are calendar dates, a time of day is refused", () => {
    const loaded = parsed(
      "%YAML 1.1\n---\ntargets:\n  - { id: a, kind: level, title: A, max: 010 }\n  - { id: m, kind: milestone, title: M, deadline: 2022-12-31 }\n",
    );
    expect(loaded.lines).toEqual([]);
    expect(loaded.targets[0]).toMatchObject({ max: 8 });
    expect(loaded.targets[1]).toMatchObject({ deadline: dayFromCivil(2022, 12, 31) });
    const withTime = parsed(
      "%YAML 1.1\n---\ntargets:\n  - { id: m, kind: milestone, title: M, deadline: 2022-12-31T10:00:00Z }\n",
    );
    expect(withTime.lines).toEqual([
      "h.yaml:4:51: deadline must be a date YYYY-MM-DD, got 2022-12-31T10:00:00.000Z",
    ]);
  });
});

describe("hostile YAML: size", () => {
  it("refuses a file larger than 1 MiB before parsing it, however large (a 4 GiB sparse file)", async () => {
    const folder = join(scratch, "huge");
    mkdirSync(folder);
    writeFileSync(join(folder, "a.yaml"), `targets: [${A_TARGET}]\n`);
    const huge = join(folder, "b.yaml");
    writeFileSync(huge, "");
    truncateSync(huge, 4 * 1024 ** 3);
    const loaded = await readTargets([folder]);
    expect(loaded.problems.map((problem) => formatProblem(problem))).toEqual([
      `${huge}:1:1: the file is larger than 1 MiB, the limit for a target file`,
    ]);
    // The other file is still read and checked.
    expect(loaded.targets.map((target) => target.id)).toEqual(["a"]);
  });

  it("reads a file just under 1 MiB", async () => {
    const file = join(scratch, "almost.yaml");
    const head = `targets: [${A_TARGET}]\n`;
    writeFileSync(file, `${head}${"#".repeat(1024 * 1024 - head.length - 1)}\n`);
    const loaded = await readTargets([file]);
    expect(loaded.problems).toEqual([]);
  });

  // Found by this test: a list of 500,000 items made zod's push(...issues) overflow the stack (an
  // internal error), and a mapping of 100,000 keys took minutes (every key compared with every
  // other, then each unknown key looked up by a scan).
  it.each([
    [
      "a list of targets",
      `targets: [${"1,".repeat(MAX_LIST_ITEMS)}1]\n`,
      /a list of 20001 items: kpi reads at most 20000/,
    ],
    [
      "a schedule",
      `targets:\n  - { id: a, title: A, target: 1, deadline: 2022-12-31, schedule: [${"1,".repeat(MAX_LIST_ITEMS)}1] }\n`,
      /a list of 20001 items/,
    ],
    [
      "a mapping",
      `targets:\n  - { id: a, kind: level, title: A, max: 1, ${Array.from({ length: MAX_MAPPING_KEYS }, (_, i) => `k${i}: 1`).join(", ")} }\n`,
      /a mapping of 1004 keys: kpi reads at most 1000/,
    ],
    [
      "defaults",
      `defaults:\n${Array.from({ length: 50_000 }, (_, i) => `  k${i}: 1`).join("\n")}\ntargets: [${A_TARGET}]\n`,
      /a mapping of 50000 keys/,
    ],
  ])("refuses %s far longer than any real file, quickly", (_, text, message) => {
    const loaded = parsed(text);
    expect(loaded.lines).toEqual([expect.stringMatching(message)]);
  });

  it("lists at most 50 problems of one target file, then counts the rest", () => {
    const text = `targets:\n${Array.from({ length: 120 }, (_, i) => `  - { id: t${i}, kind: level, title: T, max: x }`).join("\n")}\n`;
    const loaded = loadTargets([{ file: "many.yaml", text }], yaml);
    expect(loaded.problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    const lines = loaded.problems.map((problem) => formatProblem(problem));
    expect(lines[49]).toMatch(
      /^many\.yaml:51:\d+: max must be a number or a reference \{ ref: ID \}, got "x"$/,
    );
    expect(lines[50]).toMatch(/^many\.yaml:52:\d+: 70 more errors in this file$/);
  });

  it("refuses numbers beyond ±1e15 at their place: they would overflow the evaluation", () => {
    // Found by this test: target 1.7e308 with baseline -1.7e308 made the span Infinity and every
    // actual "achieved"; 1e307 made E(t) Infinity ("off track" at any actual); 1e300 came out of
    // --format json as null.
    const loaded = parsed(
      "year: 2022\ntargets:\n  - { id: a, title: A, target: 1.7e308, baseline: -1.7e308 }\n  - { id: b, kind: level, title: B, max: 1e300 }\n  - { id: c, kind: level, title: C, max: 1e15 }\n",
    );
    expect(loaded.lines.sort()).toEqual([
      "h.yaml:3:32: targets[0].target 1.7e+308 is too large: numbers must lie within ±1e15",
      "h.yaml:3:51: targets[0].baseline -1.7e+308 is too large: numbers must lie within ±1e15",
      "h.yaml:4:42: targets[1].max 1e+300 is too large: numbers must lie within ±1e15",
    ]);
  });

  it("a target within 1e-9 of its baseline has no direction (SPEC 2.1 calls them equal)", () => {
    // Found by this test: target 1e-300 gave a progress of Infinity, null in JSON.
    const loaded = parsed("year: 2022\ntargets:\n  - { id: a, title: A, target: 1e-300 }\n");
    // The start of the message only: the wording of target problems is being reworked elsewhere.
    expect(loaded.lines).toEqual([
      expect.stringMatching(/^h\.yaml:3:32: target equals baseline \(0\)/),
    ]);
  });
});

describe("hostile CSV", () => {
  const [invest] = targetsFrom("year: 2022\ntargets:\n  - { id: invest, title: I, target: 130 }\n");
  const targets = [invest as never];

  async function read(name: string, content: string | Buffer) {
    const file = join(scratch, name);
    writeFileSync(file, content);
    const data = await readData([file], targets);
    return {
      lines: data.problems
        .map((problem) => formatProblem(problem))
        .map((line) => line.replace(file, name)),
      observations: data.observations,
    };
  }

  it.each([
    [
      "an unclosed quote early in a 3 MB file",
      () =>
        `target,date,value,note\ninvest,2022-01-31,1,"oops\n${"invest,2022-02-28,2,x\n".repeat(150_000)}`,
      /^big\.csv:2:1: a quoted field is not closed/,
    ],
    [
      "a 3 MB line without a line break",
      () => `target,date,value\n${"x".repeat(3_000_000)}\n`,
      /^big\.csv:2:1: /,
    ],
    [
      "a header of 100,000 columns",
      () => `target,date,value${",x".repeat(100_000)}\ninvest,2022-01-31,1\n`,
      null,
    ],
  ])("%s: bounded time, a located problem", async (_, make, message) => {
    const result = await read("big.csv", make());
    if (message === null) expect(result.lines).toEqual([]);
    else expect(result.lines[0]).toMatch(message);
  });

  it("a 4 GiB sparse file of NUL bytes stops at the record limit", async () => {
    const file = join(scratch, "zeros.csv");
    writeFileSync(file, "");
    truncateSync(file, 4 * 1024 ** 3);
    const data = await readData([file], targets);
    expect(data.problems.map((problem) => formatProblem(problem))[0]).toMatch(
      /zeros\.csv:1:1: a quoted field is not closed/,
    );
  });

  it.each([
    // A carriage return alone is a line end (SPEC 3, v2), so these are four empty lines, as "\n\n\n\n" is.
    ["only carriage returns", "\r\r\r\r", /:4:1: the file has no header row/],
    ["a lone quote", '"', /1:1: a quoted field is not closed/],
    [
      // With its byte order mark, UTF-16 is read (SPEC 3, v2: test/unit/io.test.ts).
      "UTF-16 without its byte order mark",
      Buffer.from("target,date,value\ninvest,2022-01-31,1\n", "utf16le"),
      /odd\.csv:1:1: the file looks UTF-16 without its byte order mark/,
    ],
    [
      "NUL bytes in fields",
      "target,date,value\ninvest\u0000,2022-01-31,1\ninvest,2022-01-31\u0000,1\n",
      /3:\d+: date "2022-01-31\\u0000" is not a date/,
    ],
  ])("%s: a clean, located problem", async (_, content, message) => {
    const result = await read("odd.csv", content);
    expect(result.lines.join("\n")).toMatch(message);
    expect(result.observations.size).toBe(0);
  });

  it("values of issue 7: NaN, Infinity, 1e999, huge digits refused; -0 read as 0", async () => {
    const result = await read(
      "values.csv",
      `target,date,value\ninvest,2022-01-31,NaN\ninvest,2022-02-28,Infinity\ninvest,2022-03-31,1e999\ninvest,2022-04-30,${"9".repeat(400)}\ninvest,2022-05-31,"1,000,000,000,000,000,000"\ninvest,2022-06-30,-0\n`,
    );
    expect(result.lines).toEqual([
      'values.csv:2:19: value "NaN" is not a number: write a number (36, -3.5 or 1200)',
      'values.csv:3:19: value "Infinity" is not a number: write a number (36, -3.5 or 1200)',
      'values.csv:4:19: value "1e999" is not a number: write a number (36, -3.5 or 1200)',
      `values.csv:5:19: value "${"9".repeat(400)}" is too large: numbers must lie within ±1e15`,
      'values.csv:6:19: value "1,000,000,000,000,000,000" is too large: numbers must lie within ±1e15',
    ]);
    const [row] = result.observations.get("invest")?.observations() ?? [];
    expect(Object.is(row?.value, 0)).toBe(true);
  });

  it("dates of issue 7: 2022-02-29 and 2022-02-30 refused, 2024-02-29 read", async () => {
    const result = await read(
      "dates.csv",
      "target,date,value\ninvest,2022-02-29,1\ninvest,2022-02-30,1\ninvest,2024-02-29,1\ninvest,2022年2月29日,1\n",
    );
    expect(result.lines).toEqual([
      'dates.csv:2:8: date "2022-02-29" is not a calendar date',
      'dates.csv:3:8: date "2022-02-30" is not a calendar date',
      'dates.csv:5:8: date "2022年2月29日" is not a calendar date',
    ]);
    expect(result.observations.get("invest")).toHaveLength(1);
  });

  it("a GB18030 file that happens to be valid UTF-8 is read as UTF-8, and fails loudly", async () => {
    // "值" is D6 B5 in GB18030, which UTF-8 reads as U+05B5: the header loses its value column,
    // and its bytes read as GB18030 name it: the message says so (SPEC 3, v2).
    const { default: iconv } = await import("iconv-lite");
    const bytes = iconv.encode("target,date,值\ninvest,2022-01-31,1\n", "gb18030");
    const result = await read("ambiguous.csv", bytes);
    expect(result.lines).toEqual([
      "ambiguous.csv:1:1: the file looks GB18030 (GBK) read as UTF-8: give --encoding gb18030, or save it as UTF-8",
    ]);
    const file = join(scratch, "ambiguous.csv");
    const forced = await readData([file], targets, { encoding: "gb18030" });
    expect(forced.problems).toEqual([]);
    expect(forced.observations.get("invest")).toHaveLength(1);
  });

  // Found by the fuzz test: papaparse drops a U+FEFF that opens its input, and the reader hands it
  // blocks of the stream, so a line starting with U+FEFF and a quote read differently depending on
  // where a 64 KiB chunk ended. And a GB18030 file's BOM was kept (only UTF-8's was dropped).
  it("drops one BOM at the start in any encoding, and keeps U+FEFF inside the file as text", async () => {
    const { default: iconv } = await import("iconv-lite");
    const text = '\uFEFF"target","date","value"\ninvest,2022-01-31,1\n';
    for (const [name, bytes] of [
      ["bom-utf8.csv", Buffer.from(text, "utf8")],
      ["bom-gb.csv", iconv.encode(text, "gb18030")],
    ] as const) {
      const result = await read(name, bytes);
      expect(result.lines, name).toEqual([]);
      expect(result.observations.get("invest"), name).toHaveLength(1);
    }
    const inside = await read("inside.csv", 'target,date,value\n\uFEFF"invest",2022-01-31,1\n');
    expect(inside.observations.size).toBe(0);
    expect(inside.lines[0]).toMatch(/^inside\.csv:2:1: no target has the id or title/);
  });
});
