/**
 * The plain YAML reader against `yaml`, the reference: wherever the plain reader answers, its data
 * and the place of every node (mapping, sequence, scalar and key) are `yaml`'s; the files people
 * write (the bundled example, the benchmark's) are read by it; and targets, and problems with
 * their places, come out the same by either reader.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as yamlLibrary from "yaml";
import { isMap, isSeq, type Node, parseDocument } from "yaml";
import { offsetIn, type PlainYaml, readPlainYaml } from "../../src/inputs/plain-yaml.js";
import {
  MAX_LIST_ITEMS,
  MAX_MAPPING_KEYS,
  parseTargetFile,
  readPlainDocument,
} from "../../src/inputs/targets.js";
import { FUZZ_TIMEOUT, fuzz } from "../fuzz-support.js";

const LIMITS = { maxListItems: MAX_LIST_ITEMS, maxMappingKeys: MAX_MAPPING_KEYS };
const read = (text: string) => readPlainYaml(text, LIMITS);

/**
 * `yaml`'s reading: the data, and the offset (range[0]) of every node by path: each mapping,
 * sequence and scalar ("node:/targets/0/id"), and each key of a mapping ("key:/targets/0/id").
 */
function reference(text: string) {
  const doc = parseDocument(text, { uniqueKeys: false });
  const offsets = new Map<string, number>();
  const walk = (node: unknown, path: string) => {
    offsets.set(`node:${path}`, (node as Node | null)?.range?.[0] ?? -1);
    if (isMap(node))
      for (const pair of node.items) {
        const key = String((pair.key as Node).toJSON());
        offsets.set(`key:${path}/${key}`, (pair.key as Node).range?.[0] ?? -1);
        walk(pair.value, `${path}/${key}`);
      }
    if (isSeq(node))
      for (const [index, item] of node.items.entries()) walk(item, `${path}/${index}`);
  };
  walk(doc.contents, "");
  return { doc, data: doc.toJS(), offsets };
}

/** The plain reading's offsets by path, as `reference` gives them. */
function plainOffsets(plain: PlainYaml) {
  const byPath = new Map<string, number>();
  const walk = (value: unknown, path: string, at: number | undefined) => {
    byPath.set(`node:${path}`, at ?? -1);
    if (value === null || typeof value !== "object") return;
    // A mapping's or sequence's own offset is the one its parent gives it as a value.
    expect(plain.offsets.get(value)?.[0]).toBe(at);
    for (const [key, item] of Object.entries(value)) {
      const index = Array.isArray(value) ? Number(key) : key;
      if (!Array.isArray(value))
        byPath.set(`key:${path}/${key}`, offsetIn(plain, value, key, "key") ?? -1);
      walk(item, `${path}/${key}`, offsetIn(plain, value, index, "value"));
    }
  };
  walk(plain.data, "", plain.offsets.get(plain.data as object)?.[0]);
  return byPath;
}

/** How many documents the plain reader answered, of those it was given. */
const tally = { answered: 0, given: 0 };

/** True when the plain reader declines; else its reading must be `yaml`'s, offsets included. */
function agreesWithYaml(text: string): boolean {
  const plain = read(text);
  tally.given++;
  if (plain === null) return true;
  tally.answered++;
  const { doc, data, offsets } = reference(text);
  expect(doc.errors.map((error) => error.message)).toEqual([]);
  expect(doc.warnings.map((warning) => warning.message)).toEqual([]);
  expect(plain.data).toEqual(data);
  expect(plainOffsets(plain)).toEqual(offsets);
  expect(plain.largestNumber).toBe(largestNumberIn(data));
  return true;
}

/** The largest magnitude of a value's numbers, however deep, 0 when it holds none. */
function largestNumberIn(value: unknown): number {
  if (typeof value === "number") return Math.abs(value);
  if (value === null || typeof value !== "object") return 0;
  return Math.max(0, ...Object.values(value).map(largestNumberIn));
}

// ---------------------------------------------------------------------------------------------
// Generated documents: a tree of values written out in the styles people use, with scalars from
// everywhere (keywords, number forms, indicators, quotes, CJK, odd spaces).

type Value = string | Value[] | { [key: string]: Value };

const scalarText = fc.oneof(
  fc.constantFrom(
    ...["null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "FALSE", "yes", "no", "on"],
    ...["0", "-0", "007", "-0.0", "1.", ".5", "+1", "1e3", "1.5E-3", "0x1F", "0o17", "0b1"],
    ...[".inf", "-.Inf", ".NaN", "1_000", "1,200", "12345678901234567890", "123456789012345.5"],
    ...["2022-03-31", "2022-03-31T10:00:00Z", "2022/3/31", "2022年3月31日", "10:30", "30%"],
    ...["- a", "-a", "--", "---", "...", "? a", ":a", "a:", "a: b", "a #b", "a#b", "#a", "&a"],
    ...["*a", "!a", "!!str a", "|", ">", "%a", "@a", "`a", "[a]", "{a}", "a, b", "[", "}"],
    ...["\u3000a", "a\u3000", "a\u00a0", "\u00a0", " a", "a ", "a  b", "'", '"', "''", "\\"],
    ...["__proto__", "constructor", "<<", "", " ", "\u2028", "a\u0085b", "\uFEFF"],
  ),
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.string({ unit: fc.constantFrom(..."ab 1.-:#,[]{}'\"\\&*!|>%@`?~项目目标\u3000") }),
);

/** Words every style must let through: what real target files hold. */
const safeScalarText = fc.oneof(
  fc.constantFrom("项目双进双产专班", "固投亿元以上项目", "2022-03-31", "q30-h60-q85", "亩", "个"),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._-]{0,12}[A-Za-z0-9]$/),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.tuple(fc.nat(99999), fc.nat(999)).map(([whole, part]) => `${whole}.${part}`),
);

const keyText = fc.oneof(
  fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/),
  fc.constantFrom("id", "title", "target", "null", "true", "__proto__", "a b", "1", "<<", "项目"),
);
const safeKeyText = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);

function values(scalar: fc.Arbitrary<string>, key: fc.Arbitrary<string>) {
  return fc.letrec<{ value: Value }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      scalar,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(key, tie("value"), { maxKeys: 4 }),
    ),
  })).value;
}

interface Style {
  indent: number;
  /** Sequences in a mapping at the key's column ("targets:\n- a"). */
  compactLists: boolean;
  /** Quote scalars: 0 plain, 1 single, 2 double, else by the scalar's index. */
  quoting: number;
  /** Lists and mappings of scalars in flow style. */
  flow: boolean;
  comments: boolean;
  crlf: boolean;
  /** Extra spaces after ":" and "-" and inside flow brackets. */
  spaces: string;
}

const styles = fc.record({
  indent: fc.integer({ min: 1, max: 4 }),
  compactLists: fc.boolean(),
  quoting: fc.integer({ min: 0, max: 3 }),
  flow: fc.boolean(),
  comments: fc.boolean(),
  crlf: fc.boolean(),
  spaces: fc.constantFrom("", " ", "  "),
});

function quote(text: string, style: Style, index: number): string {
  const how = style.quoting === 3 ? index % 3 : style.quoting;
  if (how === 1) return `'${text.replaceAll("'", "''")}'`;
  if (how === 2) return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  return text;
}

const isScalar = (value: Value): value is string => typeof value === "string";

/** The YAML text of a document whose top level is a mapping or a list. */
function write(root: Value, style: Style): string {
  const lines: string[] = [];
  const pad = (column: number) => " ".repeat(column);
  const comment = (index: number) => (style.comments && index % 2 === 0 ? "  # note" : "");
  const flow = (value: Value[] | Record<string, Value>): string => {
    const s = style.spaces;
    if (Array.isArray(value))
      return `[${s}${value.map((item, i) => quote(item as string, style, i)).join(`,${s} `)}${s}]`;
    const entries = Object.entries(value);
    return `{${s}${entries.map(([k, v], i) => `${k}: ${quote(v as string, style, i)}`).join(`, ${s}`)}${s}}`;
  };
  const inline = (value: Value, index: number): string | null => {
    if (isScalar(value)) return quote(value, style, index);
    const items = Array.isArray(value) ? value : Object.values(value);
    if (style.flow && items.every(isScalar)) return flow(value);
    if (items.length === 0) return Array.isArray(value) ? "[]" : "{}";
    return null;
  };
  const block = (value: Value, column: number, first: string) => {
    // `first` is what opens the first line ("- " of an item), at `column` - first.length.
    let prefix = first;
    const entries: [string | null, Value][] = Array.isArray(value)
      ? value.map((item) => [null, item])
      : Object.entries(value as Record<string, Value>);
    entries.forEach(([key, item], index) => {
      const head = `${prefix || pad(column)}${key === null ? `-${style.spaces} ` : `${key}:${style.spaces}`}`;
      prefix = "";
      const text = inline(item, index);
      if (text !== null) {
        lines.push(`${head}${key === null ? "" : " "}${text}${comment(index)}`);
      } else if (key === null && !Array.isArray(item)) {
        block(item, head.length, head);
      } else {
        lines.push(`${head}${comment(index)}`);
        if (style.comments) lines.push(`${pad(index)}# between`);
        const inner =
          key !== null && Array.isArray(item) && style.compactLists
            ? column
            : column + style.indent;
        block(item, inner, "");
      }
    });
  };
  const top = isScalar(root) ? { value: root } : root;
  if (style.comments) lines.push("# a file");
  block(top, 0, "");
  return lines.join(style.crlf ? "\r\n" : "\n") + (style.crlf ? "\r\n" : "\n");
}

describe("the plain YAML reader", () => {
  it("reads the bundled example's target files, as yaml does", () => {
    const dir = join(import.meta.dirname, "..", "..", "targets");
    for (const name of readdirSync(dir)) {
      const text = readFileSync(join(dir, name), "utf8");
      expect(read(text), name).not.toBeNull();
      agreesWithYaml(text);
    }
  });

  it("reads a benchmark-sized file of targets in the common styles", () => {
    const entries = Array.from(
      { length: 500 },
      (_, i) =>
        `  - id: t.${i}\n    title: Target ${i} # note\n    owner: [a, 'b']\n    target: ${i}.5\n`,
    );
    const text = `year: 2022\ntargets:\n${entries.join("")}`;
    expect(read(text)).not.toBeNull();
    agreesWithYaml(text);
  });

  it(
    "reads generated documents as yaml does, or declines them",
    async () => {
      Object.assign(tally, { answered: 0, given: 0 });
      await fuzz(
        "plain YAML: generated documents",
        fc.property(values(scalarText, keyText), styles, (root, style) =>
          agreesWithYaml(write(root, style)),
        ),
        2000,
      );
      // Not a property that holds by declining everything: a good share is read and compared.
      expect(tally.answered / tally.given).toBeGreaterThan(0.1);
    },
    FUZZ_TIMEOUT,
  );

  it(
    "reads every generated document of safe words and names",
    async () => {
      await fuzz(
        "plain YAML: safe documents are read",
        fc.property(
          fc.dictionary(safeKeyText, values(safeScalarText, safeKeyText), { minKeys: 1 }),
          styles.map((style) => ({ ...style, spaces: style.spaces.slice(0, 1) })),
          (root, style) => {
            const text = write(root, style);
            expect(read(text), text).not.toBeNull();
            return agreesWithYaml(text);
          },
        ),
        500,
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    "reads mutated documents as yaml does, or declines them",
    async () => {
      Object.assign(tally, { answered: 0, given: 0 });
      const mutation = fc.tuple(
        fc.nat(),
        fc.nat(3),
        fc.constantFrom(..." \n-:#,'\"[]{}&*!|>%@`?\t\r\\abc1.项"),
      );
      await fuzz(
        "plain YAML: mutated documents",
        fc.property(
          values(safeScalarText, safeKeyText),
          styles,
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          (root, style, mutations) => {
            let text = write(root, style);
            for (const [at, removed, inserted] of mutations) {
              const position = at % (text.length + 1);
              text = text.slice(0, position) + inserted + text.slice(position + removed);
            }
            return agreesWithYaml(text);
          },
        ),
        2000,
      );
      expect(tally.answered / tally.given).toBeGreaterThan(0.1);
    },
    FUZZ_TIMEOUT,
  );

  it("declines what it leaves to yaml", () => {
    for (const text of [
      "",
      "# only a comment\n",
      "  a: 1\n",
      "a: &x 1\nb: *x\n",
      "a: !!str 1\n",
      "a: |\n  text\n",
      "a: >\n  text\n",
      "a: b\n  c\n",
      'a: "x\\ny"\n',
      "a: 'x\n  y'\n",
      "a: 1\na: 2\n",
      "__proto__: 1\n",
      "a:\n\t- 1\n",
      "a: 1e3\n",
      "a: 0x1F\n",
      "a: 1234567890123456\n",
      "a: {b: {c: 1}}\n",
      "a: [1, [2]]\n",
      "a: {b: 1, }\n",
      "%YAML 1.1\n---\na: 1\n",
      "? a\n: 1\n",
      "a: 1\n- b\n",
      `a: [${Array.from({ length: MAX_LIST_ITEMS + 1 }, () => "1").join(", ")}]\n`,
    ]) {
      expect(read(text), JSON.stringify(text)).toBeNull();
    }
  });

  it(
    "places every problem of a target file where yaml's reading places it",
    async () => {
      // Target files with mistakes of every kind: typos in keys and values, wrong types, dates
      // that do not exist, schedules out of order, in every style the plain reader reads.
      const key = fc.constantFrom(
        ...["id", "title", "kind", "target", "baseline", "start", "deadline", "schedule"],
        ...["tolerance", "min", "max", "stretch", "warn_days", "unit", "owner", "aggregate"],
        ...["interpolation", "tolerence", "constructor", "progress", "by", "value"],
      );
      const scalar = fc.constantFrom(
        ...["t1", "t2", "T", "130", "-5", "0", "0.3", "1e20", "2022-03-31", "2022-02-30"],
        ...["2022-12-31", "q30-h60-q85", "q30-h60-q58", "level", "levle", "milestone", "30%"],
        ...["120%", "", "sum", "last", "step", "x y", "null", "true"],
      );
      const milestone = fc.dictionary(fc.constantFrom("by", "progress", "value", "bye"), scalar, {
        maxKeys: 3,
      });
      const value = fc.oneof(
        { weight: 6, arbitrary: scalar },
        fc.array(scalar, { maxLength: 3 }),
        fc.array(milestone, { maxLength: 3 }),
      );
      const file = fc.record(
        {
          year: fc.constantFrom("2022", "20x2", ""),
          defaults: fc.dictionary(key, scalar, { maxKeys: 2 }),
          targets: fc.array(fc.dictionary(key, value, { minKeys: 1, maxKeys: 7 }), {
            minLength: 1,
            maxLength: 4,
          }),
        },
        { requiredKeys: ["targets"] },
      );
      let compared = 0;
      let withProblems = 0;
      await fuzz(
        "plain YAML: problems placed as yaml places them",
        fc.property(file, styles, (root, style) => {
          const source = { file: "p.yaml", text: write(root as Value, style) };
          if (readPlainDocument(source) === null) return;
          const plain = parseTargetFile(source, yamlLibrary);
          compared++;
          if (plain.problems.length > 0) withProblems++;
          expect(plain).toEqual(parseTargetFile(source, yamlLibrary, false));
        }),
        1000,
      );
      // Compared on many files, most of them with problems to place.
      expect(compared).toBeGreaterThan(500);
      expect(withProblems / compared).toBeGreaterThan(0.5);
    },
    FUZZ_TIMEOUT,
  );

  it("gives the same targets as yaml's reading, places included", () => {
    const dir = join(import.meta.dirname, "..", "..", "targets");
    for (const name of readdirSync(dir)) {
      const source = { file: name, text: readFileSync(join(dir, name), "utf8") };
      const plain = parseTargetFile(source, yamlLibrary);
      expect(plain.targets.length).toBeGreaterThan(0);
      expect(plain).toEqual(parseTargetFile(source, yamlLibrary, false));
    }
  });
});
