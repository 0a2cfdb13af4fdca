import * as yamlLibrary from "yaml";
/** Small builders so that tests read like the SPEC: targets from YAML text, rows from dates. */
import { formatDay, parseDate } from "../src/core/dates.js";
import type { Target } from "../src/core/model.js";
import { type Problem, UsageError } from "../src/core/problems.js";
import { Series } from "../src/core/series.js";
import { formatProblem } from "../src/i18n/problem-text.js";
import type { CsvItem } from "../src/inputs/csv.js";
import { readRows, TargetIndex } from "../src/inputs/data.js";
import { delimitedRecords } from "../src/inputs/delimited.js";
import { type CollectedData, collectObservations } from "../src/inputs/observations.js";
import { parseTargetFile } from "../src/inputs/targets.js";

export function day(text: string): number {
  const parsed = parseDate(text);
  if (!parsed.ok) throw new Error(`not a date: ${text}`);
  return parsed.day;
}

export { formatDay };

/** The targets of a YAML text; fails the test on any problem. */
export function targetsFrom(yaml: string): Target[] {
  const loaded = parseTargetFile({ file: "test.yaml", text: yaml }, yamlLibrary);
  if (loaded.problems.length > 0)
    throw new Error(loaded.problems.map((problem) => formatProblem(problem)).join("\n"));
  return loaded.targets;
}

export function targetFrom(yaml: string): Target {
  const [target] = targetsFrom(yaml);
  if (!target) throw new Error("no target");
  return target;
}

/** The problems of a YAML text, formatted as the CLI prints them. */
export function problemsOf(yaml: string): string[] {
  return parseTargetFile({ file: "t.yaml", text: yaml }, yamlLibrary).problems.map((problem) =>
    formatProblem(problem),
  );
}

/** A problem's English message alone: no place, no warning prefix. */
export function messageOf(problem: Problem): string {
  return formatProblem({ ...problem, place: null, severity: "error" } as Problem);
}

/** A target's rows from [date, value] pairs. */
export function rows(...pairs: [string, number | boolean][]): Series {
  return Series.of(
    pairs.map(([date, value], index) => ({
      day: day(date),
      value,
      file: "data.csv",
      line: index + 2,
    })),
  );
}

/** The English message of the usage error that `run` throws (or rejects with). */
export async function usageMessage(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (cause) {
    if (cause instanceof UsageError) return formatProblem(cause.problem);
    throw cause;
  }
  throw new Error("no usage error");
}

/**
 * Read CSV texts (each given in chunks) through the stages of the data pipeline, as
 * src/io/read-inputs.ts does after decoding. `direct` false gives every record to the rows stage
 * as its fields, for tests that compare the direct reading of quote-free lines with the general
 * one.
 */
export function readCsvTexts(
  files: readonly { file: string; chunks: readonly string[] }[],
  targets: readonly Target[],
  direct = true,
  options: { allowUnknown?: boolean } = {},
): CollectedData {
  const index = new TargetIndex(targets);
  return collectObservations(
    files.map(({ file, chunks }) => {
      const records = delimitedRecords(chunks);
      return readRows(file, direct ? records : asFields(records), index, {
        encoding: "UTF-8",
        ...options,
      });
    }),
    index,
  );
}

/** The records with each run of quote-free lines given line by line, as fields. */
function* asFields(records: Generator<CsvItem, number>): Generator<CsvItem, number> {
  for (let next = records.next(); ; next = records.next()) {
    if (next.done === true) return next.value;
    const item = next.value;
    if (item.kind !== "lines") yield item;
    else
      for (let index = 0; index < item.count; index++)
        yield { kind: "record", fields: item.fields(index), line: item.firstLine + index };
  }
}
