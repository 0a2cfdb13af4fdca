/**
 * Issue 7, fuzzing: the target loader and the CSV reader fed random and mutated input. The outcome
 * is always a result or problems with a place — never an exception, never a hang, never a number
 * other than the one an independent reading of the row gives. `npm test` runs a short budget;
 * `npm run fuzz` a long one (see scripts/fuzz.js).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import * as yaml from "yaml";
import { formatDay } from "../../src/core/dates.js";
import { evaluate, type ObservationsById } from "../../src/core/evaluate.js";
import { MAX_MAGNITUDE, type Target } from "../../src/core/model.js";
import { PLAUSIBILITY_CODES } from "../../src/core/plausibility.js";
import type { Problem } from "../../src/core/problems.js";
import { expectedValue } from "../../src/core/schedule.js";
import { loadTargets, parseTargetFile } from "../../src/inputs/targets.js";
import { readData } from "../../src/io/read-inputs.js";
import { renderJson } from "../../src/render/results-json.js";
import {
  chunksOf,
  csvFile,
  DATA_TARGETS_YAML,
  decodeAsSpec,
  FUZZ_TIMEOUT,
  fuzz,
  mutate,
  mutation,
  type OracleReading,
  oracleDay,
  oracleRead,
  quoteField,
  specDecoding,
} from "../fuzz-support.js";
import { messageOf, readCsvTexts, targetsFrom } from "../helpers.js";

const targets = targetsFrom(DATA_TARGETS_YAML);
const targetsById = new Map(targets.map((target) => [target.id, target]));

const scratch = mkdtempSync(join(tmpdir(), "kpi-fuzz-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let runNumber = 0;

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Read files (name → chunks) through the stages of the data pipeline, as src/io/read-inputs.ts
 * does; then again with every record given as its fields (the general reading), which must read
 * them exactly alike.
 */
function readChunks(files: readonly { file: string; chunks: string[] }[]) {
  const fast = readCsvTexts(files, targets);
  const general = readCsvTexts(files, targets, false);
  expect(triples(fast.observations)).toEqual(triples(general.observations));
  expect(fast.problems).toEqual(general.problems);
  return fast;
}

function triples(observations: ObservationsById) {
  return new Map(
    [...observations]
      .filter(([, rows]) => rows.length > 0)
      .map(([id, rows]) => [
        id,
        rows
          .observations()
          .map((row): [number, number | boolean, string] => [
            row.day,
            row.value,
            `${row.file}:${row.line}`,
          ]),
      ]),
  );
}

const COUNT_LINE = /^(\d+) more (?:errors in this file|warnings in this file|rows in this file)/;

/** The plausibility warnings (SPEC 3, v2) and their count line. */
const LOOKS_LIKE_SLIP: ReadonlySet<string> = new Set([
  ...PLAUSIBILITY_CODES,
  "data.more-implausible",
]);

/** Places of one severity: listed ones, and how many more a count line stands for, per file. */
function placesOf(problems: readonly Problem[], severity: Problem["severity"]) {
  const listed: string[] = [];
  const counted = new Map<string, number>();
  for (const problem of problems) {
    // Values that look like slips are no matter of reading the file: the oracle has none.
    if (problem.severity !== severity || LOOKS_LIKE_SLIP.has(problem.code)) continue;
    const file = problem.place?.file ?? "";
    const more = COUNT_LINE.exec(messageOf(problem));
    if (more) counted.set(file, (counted.get(file) ?? 0) + Number(more[1]));
    else listed.push(`${file}:${problem.place?.line}`);
  }
  return { listed, counted };
}

/** The reader agrees with the oracle: exactly on plain RFC 4180, on the values whenever it reports. */
function expectAgreement(
  actual: { observations: ObservationsById; problems: Problem[] },
  oracle: OracleReading,
  files: readonly string[],
): void {
  for (const problem of actual.problems) {
    const place = problem.place ?? { file: "", line: 0, column: 0 };
    expect(files).toContain(place.file);
    expect(Number.isInteger(place.line) && place.line >= 1).toBe(true);
    expect(Number.isInteger(place.column) && place.column >= 1).toBe(true);
    expect(messageOf(problem)).not.toMatch(/undefined|\[object Object\]|^$/);
  }
  const hasError = actual.problems.some((problem) => problem.severity === "error");
  const observations = triples(actual.observations);
  // Whenever a run would make a report, every value is the one the oracle reads from its row.
  if (!hasError) expect(observations).toEqual(oracle.observations);
  if (oracle.irregular.size > 0) return;
  expect(observations).toEqual(oracle.observations);
  for (const severity of ["error", "warning"] as const) {
    const expected = severity === "error" ? oracle.errors : oracle.warnings;
    const { listed, counted } = placesOf(actual.problems, severity);
    for (const file of files) {
      const inFile = (place: string) => place.startsWith(`${file}:`);
      const want = expected.filter(inFile);
      const got = listed.filter(inFile);
      expect(got.length + (counted.get(file) ?? 0)).toBe(want.length);
      const pool = [...want];
      for (const place of got) {
        // The exact place, else a place the oracle leaves open in that file ("file:*").
        const exact = pool.indexOf(place);
        const index = exact !== -1 ? exact : pool.indexOf(`${file}:*`);
        expect(index, `${severity} at ${place} is not one the oracle expects: ${want}`).not.toBe(
          -1,
        );
        pool.splice(index, 1);
      }
    }
  }
}

/** Every result of the JSON report holds the value of the latest row at or before T. */
function expectReportValues(
  observations: ObservationsById,
  oracle: OracleReading,
  asOf: number,
): void {
  const json = JSON.parse(renderJson(evaluate(targets, observations, { asOf })));
  for (const result of json.results) {
    const target = targetsById.get(result.id) as Target;
    const sums = target.kind === "progress" && target.aggregate === "sum";
    // With aggregate: sum, the rows after t0 (the day before the start) add up.
    const rows = (oracle.observations.get(result.id) ?? []).filter(
      ([day]) => day <= asOf && (!sums || day >= (target as { start: number }).start),
    );
    const latest = rows[rows.length - 1];
    if (latest === undefined) {
      expect(result.actual).toBeNull();
      continue;
    }
    expect(result.observedOn).toBe(formatDay(latest[0]));
    if (typeof latest[1] === "boolean") expect(result.actual).toBe(latest[1]);
    else if (sums) {
      const total = rows.reduce((sum, [, value]) => sum + (value as number), 0);
      expect(Math.abs(result.actual - total)).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(total)),
      );
    } else expect(Math.abs(result.actual - latest[1])).toBeLessThanOrEqual(1e-9);
    if (result.kind === "progress") {
      expect(Number.isFinite(result.expected) && Number.isFinite(result.progress)).toBe(true);
    }
  }
}

const asOfDay = fc
  .integer({ min: 0, max: 3 * 365 })
  .map((offset) => (oracleDay(2021, 1, 1) as number) + offset);

describe("fuzz: the CSV reader against an independent oracle", () => {
  it(
    "reads generated files exactly as the oracle does, however the text is cut into chunks",
    async () => {
      await fuzz(
        "csv: generated files, random chunks",
        fc.asyncProperty(
          fc.array(csvFile, { minLength: 1, maxLength: 3 }),
          fc.array(fc.nat(), { maxLength: 7 }),
          asOfDay,
          async (texts, cuts, asOf) => {
            const files = texts.map((text, index) => ({
              file: `f${index}.csv`,
              // The decoder drops a BOM at the start of a file; the reader then never sees it.
              text: text.replace(/^\uFEFF/, ""),
            }));
            const oracle = oracleRead(files, targetsById);
            const actual = readChunks(
              files.map(({ file, text }) => ({ file, chunks: chunksOf(text, cuts) })),
            );
            expectAgreement(
              actual,
              oracle,
              files.map((file) => file.file),
            );
            if (!actual.problems.some((problem) => problem.severity === "error"))
              expectReportValues(actual.observations, oracle, asOf);
          },
        ),
        60,
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    "reads mutated files (bytes flipped, cut, lines doubled, bytes inserted) without a wrong value",
    async () => {
      await fuzz(
        "csv: mutated files through the collector",
        fc.asyncProperty(
          csvFile,
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          fc.array(fc.nat(), { maxLength: 5 }),
          asOfDay,
          async (text, mutations, cuts, asOf) => {
            const bytes = mutate(Buffer.from(text, "utf8"), mutations);
            const decoded = decodeAsSpec(bytes);
            const files = [{ file: "m.csv", text: decoded }];
            const oracle = oracleRead(files, targetsById);
            const actual = readChunks([{ file: "m.csv", chunks: chunksOf(decoded, cuts) }]);
            expectAgreement(actual, oracle, ["m.csv"]);
            if (!actual.problems.some((problem) => problem.severity === "error"))
              expectReportValues(actual.observations, oracle, asOf);
          },
        ),
        100,
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    "end to end through readData: temp files in UTF-8, UTF-8 with a BOM, GB18030, UTF-16 and mixed bytes",
    async () => {
      await fuzz(
        "csv: readData on temp files, mixed encodings",
        fc.asyncProperty(
          fc.array(
            fc.record({
              text: csvFile,
              encoding: fc.constantFrom("utf-8", "gb18030", "utf-16le", "utf-16be"),
              mutations: fc.array(mutation, { maxLength: 3 }),
            }),
            { minLength: 1, maxLength: 3 },
          ),
          async (specs) => {
            const { default: iconv } = await import("iconv-lite");
            const folder = join(scratch, `run-${runNumber++}`);
            const { mkdirSync } = await import("node:fs");
            mkdirSync(folder);
            const files = specs.map(({ text, encoding, mutations }, index) => {
              // UTF-16 as Excel saves "Unicode text": with its byte order mark.
              const encoded =
                encoding === "utf-8"
                  ? Buffer.from(text, "utf8")
                  : encoding === "gb18030"
                    ? iconv.encode(text, "gb18030")
                    : iconv.encode(text.replace(/^\uFEFF/, ""), encoding, { addBOM: true });
              const bytes = mutate(encoded, mutations);
              // Unmutated, the SPEC's decoding gives back the text iconv-lite encoded: the
              // reading below is of the text the department saved.
              // (A short GB18030 text can be valid UTF-8 too, "值" say: then it is read as UTF-8,
              // as the SPEC says, and fails loudly; test/hostile.test.ts shows one.)
              // (Not for private-use characters in GB18030: iconv-lite encodes them by GB18030-2005,
              // and the platform decodes by the 2022 edition, which gives 18 of them standard code
              // points: U+E78D is saved as A6 D9 and read back as U+FE10. Found by the long run.)
              if (
                mutations.length === 0 &&
                (encoding !== "gb18030" || (!isUtf8(bytes) && !/[\uE000-\uF8FF]/.test(text)))
              )
                // (A carriage return alone is a line end, SPEC 3: read as a line feed.)
                expect(specDecoding(bytes)).toEqual({
                  text: text.replace(/^\uFEFF/, "").replace(/\r(?!\n)/g, "\n"),
                });
              const file = join(folder, `f${index}.csv`);
              writeFileSync(file, bytes);
              return { file, ...specDecoding(bytes) };
            });
            const oracle = oracleRead(files, targetsById);
            try {
              const actual = await readData([folder], targets);
              expectAgreement(
                actual,
                oracle,
                files.map((file) => file.file),
              );
            } finally {
              rmSync(folder, { recursive: true, force: true });
            }
          },
        ),
        25,
      );
    },
    FUZZ_TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------
// Target files

/** A number literal of YAML 1.2 (the core schema) and the number it means, or null: refused. */
const NUMBER_LITERALS: [string, number | null][] = [
  ["130", 130],
  ["-0", 0],
  ["0", 0],
  ["+5", 5],
  ["1e3", 1000],
  ["1.5e2", 150],
  ["0.1", 0.1],
  [".5", 0.5],
  ["0x10", 16],
  ["0o17", 15],
  ["010", 10],
  ["1e15", 1e15],
  ["-1e15", -1e15],
  ["123456789012345", 123456789012345],
  ["1e-400", 0],
  ["1e16", null],
  ["1.7e308", null],
  ["9007199254740993", null],
  ["1_000", null],
  [".inf", null],
  ["-.inf", null],
  [".nan", null],
  [".NaN", null],
  ["1e999", null],
  ["-1e999", null],
  ["'130'", null],
  ["130%", null],
  ["~", null],
  ["null", null],
  ["true", null],
  ["[1]", null],
  ["{ a: 1 }", null],
  ["0b101", null],
  ["!!js/function 'function () { return 1 }'", null],
];

/** Date literals of a target file and the day they mean, or null: refused. */
const DATE_LITERALS: [string, number | null][] = [
  ["2022-12-31", oracleDay(2022, 12, 31) as number],
  ["'2022-06-30'", oracleDay(2022, 6, 30) as number],
  ["2024-02-29", oracleDay(2024, 2, 29) as number],
  ["2022-02-28", oracleDay(2022, 2, 28) as number],
  ["2022-02-29", null],
  ["2022-02-30", null],
  ["2023-02-29", null],
  ["2022-04-31", null],
  ["2022-13-01", null],
  ["2022-00-10", null],
  ["0000-01-01", null],
  ["2022-2-3", null],
  ["2022/12/31", null],
  ["2022-12-31T00:00:00Z", null],
  ["20221231", null],
];

function isRefused(problems: readonly Problem[], line: number): boolean {
  return problems.some((problem) => problem.severity === "error" && problem.place?.line === line);
}

describe("fuzz: the target loader", () => {
  // Every literal in every place and style: a small table, so it is run whole, not sampled.
  it("reads every number literal as YAML 1.2 means it, or refuses it at its line", () => {
    for (const [literal, meaning] of NUMBER_LITERALS) {
      for (const field of ["min", "max", "baseline"]) {
        for (const flow of [false, true]) {
          const target =
            field === "baseline"
              ? { id: "p", title: "P", target: 200, baseline: literal }
              : { id: "l", kind: "level", title: "L", [field]: literal };
          const entries = Object.entries(target).map(([key, value]) => `${key}: ${value}`);
          const text = flow
            ? `year: 2022\ntargets:\n  - { ${entries.join(", ")} }\n`
            : `year: 2022\ntargets:\n  - ${entries.join("\n    ")}\n`;
          const line = flow ? 3 : 3 + Object.keys(target).indexOf(field);
          const loaded = parseTargetFile({ file: "n.yaml", text }, yaml);
          const where = `${field}: ${literal} (${flow ? "flow" : "block"})`;
          if (meaning === null) {
            expect(loaded.targets, where).toEqual([]);
            expect(isRefused(loaded.problems, line), where).toBe(true);
          } else {
            expect(loaded.problems, where).toEqual([]);
            // -0 is the amount 0.
            const read = (loaded.targets[0] as unknown as Record<string, number>)[field];
            expect(read === meaning, where).toBe(true);
          }
        }
      }
    }
  });

  it("reads every date literal as the calendar date it names, or refuses it at its line", () => {
    for (const [literal, meaning] of DATE_LITERALS) {
      for (const kind of ["milestone", "progress"]) {
        const text =
          kind === "milestone"
            ? `targets:\n  - id: m\n    kind: milestone\n    title: M\n    deadline: ${literal}\n`
            : `targets:\n  - id: p\n    title: P\n    target: 10\n    start: 2020-01-01\n    deadline: ${literal}\n`;
        const line = kind === "milestone" ? 5 : 6;
        const loaded = parseTargetFile({ file: "d.yaml", text }, yaml);
        const where = `${kind} deadline: ${literal}`;
        if (meaning === null) {
          expect(loaded.targets, where).toEqual([]);
          expect(isRefused(loaded.problems, line), where).toBe(true);
        } else {
          expect(loaded.problems, where).toEqual([]);
          expect(loaded.targets[0], where).toMatchObject({ deadline: meaning });
        }
      }
    }
  });

  /** A valid target file, written from a model in block or flow style. */
  const targetFile = fc
    .record({
      year: fc.integer({ min: 2000, max: 2030 }),
      flow: fc.boolean(),
      targets: fc.array(
        fc.oneof(
          fc.record({
            kind: fc.constant("progress"),
            target: fc.integer({ min: 1, max: 10_000 }),
            baseline: fc.integer({ min: -100, max: 0 }),
            schedule: fc.constantFrom("q30-h60-q85", "h50-q85", "linear"),
          }),
          fc.record({
            kind: fc.constant("level"),
            max: fc.integer({ min: -10, max: 100 }),
            stretch: fc.integer({ min: -20, max: -11 }),
          }),
          fc.record({ kind: fc.constant("milestone"), warn_days: fc.nat({ max: 90 }) }),
        ),
        { minLength: 1, maxLength: 6 },
      ),
      title: fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 }),
    })
    .map(({ year, flow, targets: items, title }) => {
      const fields = items.map((item, index) => ({
        id: `t${index}`,
        title: JSON.stringify(`${title.trim() || "x"} ${index}`),
        ...item,
      }));
      const body = fields.map((entry) =>
        flow
          ? `  - { ${Object.entries(entry)
              .map(([key, value]) => `${key}: ${value}`)
              .join(", ")} }`
          : `  - ${Object.entries(entry)
              .map(([key, value]) => `${key}: ${value}`)
              .join("\n    ")}`,
      );
      return `year: ${year}\ndefaults: { owner: [发改局, "a|b"] }\ntargets:\n${body.join("\n")}\n`;
    });

  /** Sanity of a loaded target: finite numbers within bounds, a period and schedule that hold. */
  function expectSane(target: Target): void {
    const numbers: number[] = [];
    if (target.kind === "progress") {
      numbers.push(target.target, target.baseline, ...target.milestones.map((m) => m.value));
      expect(target.start).toBeLessThanOrEqual(target.deadline);
      let previous = target.start - 1;
      for (const milestone of target.milestones) {
        expect(milestone.by).toBeGreaterThan(previous);
        expect(milestone.by).toBeLessThan(target.deadline);
        previous = milestone.by;
      }
      for (let day = target.start - 40; day <= target.deadline + 40; day += 17)
        numbers.push(expectedValue(target, day));
    } else if (target.kind === "level") {
      for (const value of [target.min, target.max, target.stretch])
        if (value !== null) numbers.push(value);
    } else if (target.kind === "milestone") numbers.push(target.warnDays);
    else if (target.rate !== null) numbers.push(target.rate);
    for (const value of numbers) {
      expect(Number.isFinite(value)).toBe(true);
      expect(Math.abs(value)).toBeLessThanOrEqual(MAX_MAGNITUDE * 2);
    }
    expect(target.title.length).toBeGreaterThan(0);
  }

  /** What every outcome must be: targets and no errors, or located errors and no targets. */
  function expectOutcome(
    loaded: { targets: Target[]; problems: Problem[] },
    text: string,
    file: string,
  ): void {
    const lines = text.split(/\r\n|\r|\n/).length;
    const errors = loaded.problems.filter((problem) => problem.severity === "error");
    if (errors.length > 0) expect(loaded.targets).toEqual([]);
    for (const problem of loaded.problems) {
      const place = problem.place ?? { file: "", line: 0, column: 0 };
      expect(place.file).toBe(file);
      expect(place.line).toBeGreaterThanOrEqual(1);
      expect(place.line).toBeLessThanOrEqual(lines + 1);
      expect(place.column).toBeGreaterThanOrEqual(1);
      expect(messageOf(problem)).not.toMatch(/undefined|\[object Object\]|^$/);
    }
    for (const target of loaded.targets) expectSane(target);
  }

  it("loads generated files in full, and their numbers exactly", async () => {
    await fuzz(
      "targets: generated files",
      fc.property(targetFile, (text) => {
        const loaded = parseTargetFile({ file: "g.yaml", text }, yaml);
        expect(loaded.problems).toEqual([]);
        expectOutcome(loaded, text, "g.yaml");
      }),
      50,
    );
  });

  it("gives targets or located problems for mutated files, never an exception", async () => {
    await fuzz(
      "targets: mutated files",
      fc.property(
        targetFile,
        fc.array(mutation, { minLength: 1, maxLength: 5 }),
        (text, mutations) => {
          const mutated = mutate(Buffer.from(text, "utf8"), mutations);
          // As io.ts reads a target file: UTF-8, a bad byte becoming U+FFFD.
          const decoded = Buffer.from(mutated).toString("utf8");
          const loaded = parseTargetFile({ file: "m.yaml", text: decoded }, yaml);
          expectOutcome(loaded, decoded, "m.yaml");
          if (loaded.targets.length > 0) {
            // What was accepted evaluates to finite numbers on any day.
            const json = JSON.parse(
              renderJson(evaluate(loaded.targets, new Map(), { asOf: 19000 })),
            );
            for (const result of json.results)
              if (result.kind === "progress") expect(result.expected).not.toBeNull();
          }
        },
      ),
      100,
    );
  });

  it("gives targets or located problems for random text and random YAML-ish structure", async () => {
    const yamlish = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            "targets:",
            "  - id: a",
            "    title: A",
            "    target: 1",
            "year: 2022",
            "defaults: {",
            "&a [*a]",
            "*b",
            "<<: *a",
            "!!js/function x",
            "? complex",
            "--- ",
            "...",
            "%YAML 1.1",
            '"\\e[31m"',
            "  - [",
            "'",
            "__proto__: {}",
          ),
          fc.string({ unit: "grapheme", maxLength: 20 }),
        ),
        { maxLength: 12 },
      )
      .map((lines) => lines.join("\n"));
    await fuzz(
      "targets: random text",
      fc.property(fc.oneof(yamlish, fc.string({ unit: "binary", maxLength: 200 })), (text) => {
        expectOutcome(parseTargetFile({ file: "r.yaml", text }, yaml), text, "r.yaml");
      }),
      150,
    );
  });

  it("reports an id defined twice across files once, at the later place", async () => {
    await fuzz(
      "targets: duplicate ids across files",
      fc.property(
        fc.array(fc.array(fc.constantFrom("a", "b", "c", "d"), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (files) => {
          const sources = files.map((ids, index) => ({
            file: `${index}.yaml`,
            text: `targets:\n${ids.map((id) => `  - { id: ${id}, kind: level, title: ${quoteField(id, false)}, max: 1 }`).join("\n")}\n`,
          }));
          const loaded = loadTargets(sources, yaml);
          const all = files.flat();
          const duplicates = all.length - new Set(all).size;
          expect(
            loaded.problems.filter((problem) => problem.code === "target.duplicate-id"),
          ).toHaveLength(duplicates);
          expect(loaded.targets).toHaveLength(all.length);
        },
      ),
      50,
    );
  });
});
