/**
 * A target of any kind whose every field is in its simple form, checked by hand as its zod
 * schema checks it: zod's parse was a third of reading 5,000 targets, and building the schemas
 * some 10 ms of every start. Anything else (a field not of its simple form, an unknown key) is
 * left to the schema, which words the problems. Tests hold the two equal wherever
 * this answers, and the fields here the schemas' own (test/unit/plain-target.test.ts).
 */
import { FREQUENCIES, type Kind } from "../core/model.js";
import { PRESETS } from "../core/schedule.js";
import {
  DATE_PATTERN,
  MONTH_DAY_PATTERN,
  PERCENT_PATTERN,
  TOLERANCE_PATTERN,
} from "./target-schema.js";

type Check = (value: unknown) => unknown;

/** The fields every kind has, in the schemas' order. */
const COMMON: Readonly<Record<string, Check>> = {
  id: plainId,
  title: trimmedText,
  owner: owners,
  section: trimmedText,
  unit: trimmedText,
  source: trimmedText,
  weight: (value) => (isFiniteNumber(value) && value > 0 ? value : undefined),
  due_days: wholeAtLeast(0),
  result_by: date,
};

/** The fields of the kinds that have report dates. */
const REPORTED: Readonly<Record<string, Check>> = {
  frequency: oneOf(FREQUENCIES),
  first_report: (value) =>
    typeof value === "string" && MONTH_DAY_PATTERN.test(value) ? value : undefined,
};

/**
 * Each kind's fields, in the order of its schema's shape (the order zod gives them in), each with
 * its check: the value as the schema gives it, or undefined where the schema must look.
 */
export const PLAIN_FIELDS: Readonly<Record<Kind, Readonly<Record<string, Check>>>> = {
  progress: {
    ...COMMON,
    ...REPORTED,
    kind: (value) => (value === "progress" ? value : undefined),
    target: finite,
    baseline: finite,
    start: date,
    deadline: date,
    schedule: schedule,
    interpolation: oneOf(["linear", "step"]),
    tolerance: tolerance,
    aggregate: oneOf(["last", "sum"]),
    about: notBelowZero,
  },
  level: {
    ...COMMON,
    ...REPORTED,
    kind: (value) => (value === "level" ? value : undefined),
    min: numberOrReference,
    max: numberOrReference,
    about: notBelowZero,
    breach_after: wholeAtLeast(2),
    tolerance: tolerance,
    stretch: finite,
  },
  milestone: {
    ...COMMON,
    kind: (value) => (value === "milestone" ? value : undefined),
    deadline: date,
    warn_days: wholeAtLeast(0),
  },
  growth: {
    ...COMMON,
    ...REPORTED,
    kind: (value) => (value === "growth" ? value : undefined),
    rate: numberOrReference,
    bound: oneOf(["min", "max"]),
    about: tolerance,
    tolerance: tolerance,
    input: oneOf(["rate", "value"]),
    amount: finite,
    start: date,
    deadline: date,
  },
};

/**
 * Each kind's fields and checks as a list, made once: `Object.entries` for each of 5,000 targets
 * was a sixth of what reading them allocated.
 */
const FIELD_LISTS: Readonly<Record<Kind, readonly (readonly [string, Check])[]>> = {
  progress: Object.entries(PLAIN_FIELDS.progress),
  level: Object.entries(PLAIN_FIELDS.level),
  milestone: Object.entries(PLAIN_FIELDS.milestone),
  growth: Object.entries(PLAIN_FIELDS.growth),
};

/** The fields each kind's schema requires (`kind` of every kind but progress). */
const REQUIRED_FIELDS: Readonly<Record<Kind, readonly string[]>> = {
  progress: ["id", "title", "target"],
  level: ["id", "title", "kind"],
  milestone: ["id", "title", "kind"],
  growth: ["id", "title", "kind", "rate"],
};

/** Whether `key` is a field of the kind. */
export function isFieldOf(kind: Kind, key: string): boolean {
  return Object.hasOwn(PLAIN_FIELDS[kind], key);
}

/**
 * The parsed input of a target whose every field is in its simple form, its keys in the order of
 * its schema's, as zod gives them; null otherwise.
 */
export function plainTarget(
  kind: Kind,
  merged: Readonly<Record<string, unknown>>,
): Record<string, unknown> | null {
  const fields = PLAIN_FIELDS[kind];
  for (const key of Object.keys(merged)) if (!Object.hasOwn(fields, key)) return null;
  for (const key of REQUIRED_FIELDS[kind]) if (!Object.hasOwn(merged, key)) return null;
  const parsed: Record<string, unknown> = {};
  for (const [key, check] of FIELD_LISTS[kind]) {
    if (!Object.hasOwn(merged, key)) continue;
    const value = check(merged[key]);
    if (value === undefined) return null;
    parsed[key] = value;
  }
  return parsed;
}

/** An id of ASCII letters and digits, `.`, `_` and `-`: the same after NFC, and no character unseen. */
const ASCII_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function plainId(value: unknown): string | undefined {
  return typeof value === "string" && ASCII_ID.test(value) ? value : undefined;
}

function trimmedText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return text === "" ? undefined : text;
}

function owners(value: unknown): string | string[] | undefined {
  if (!Array.isArray(value)) return trimmedText(value);
  if (value.length === 0) return undefined;
  const names: string[] = [];
  for (const name of value) {
    const text = trimmedText(name);
    if (text === undefined) return undefined;
    names.push(text);
  }
  return names;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function finite(value: unknown): number | undefined {
  return isFiniteNumber(value) ? value : undefined;
}

function notBelowZero(value: unknown): number | undefined {
  return isFiniteNumber(value) && value >= 0 ? value : undefined;
}

/** A number, or `{ ref: ID }` with an optional `plus: N` or `times: N`, keys in the schema's order. */
function numberOrReference(value: unknown): number | Record<string, unknown> | undefined {
  if (!isPlainMapping(value)) return finite(value);
  for (const key of Object.keys(value))
    if (key !== "ref" && key !== "plus" && key !== "times") return undefined;
  const ref = trimmedText(value.ref);
  if (ref === undefined) return undefined;
  const reference: Record<string, unknown> = { ref };
  for (const key of ["plus", "times"] as const) {
    if (!Object.hasOwn(value, key)) continue;
    const number = finite(value[key]);
    if (number === undefined) return undefined;
    reference[key] = number;
  }
  return reference;
}

/** A whole number of at least `least`, as zod's `int` takes it (a safe integer). */
function wholeAtLeast(least: number): Check {
  return (value) => (Number.isSafeInteger(value) && (value as number) >= least ? value : undefined);
}

function oneOf(words: readonly string[]): Check {
  return (value) => (typeof value === "string" && words.includes(value) ? value : undefined);
}

function date(value: unknown): string | undefined {
  return typeof value === "string" && DATE_PATTERN.test(value) ? value : undefined;
}

/** An amount of at least 0, or a percentage of at least 0. */
function tolerance(value: unknown): number | string | undefined {
  if (typeof value === "string") return TOLERANCE_PATTERN.test(value) ? value : undefined;
  return notBelowZero(value);
}

/** A preset's name, or a list of milestones `{ by, progress }` or `{ by, value }`. */
function schedule(value: unknown): string | Record<string, unknown>[] | undefined {
  if (typeof value === "string") return oneOf(PRESETS)(value) as string | undefined;
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const milestones: Record<string, unknown>[] = [];
  for (const item of value) {
    if (!isPlainMapping(item)) return undefined;
    for (const key of Object.keys(item))
      if (key !== "by" && key !== "progress" && key !== "value") return undefined;
    const by = date(item.by);
    if (by === undefined) return undefined;
    const milestone: Record<string, unknown> = { by };
    if (Object.hasOwn(item, "progress")) {
      if (typeof item.progress !== "string" || !PERCENT_PATTERN.test(item.progress))
        return undefined;
      milestone.progress = item.progress;
    }
    if (Object.hasOwn(item, "value")) {
      if (!isFiniteNumber(item.value)) return undefined;
      milestone.value = item.value;
    }
    milestones.push(milestone);
  }
  return milestones;
}

/** A target file's outer shape, as its schema gives it. */
export interface PlainTargetFile {
  year?: number;
  defaults?: Record<string, unknown>;
  targets: Record<string, unknown>[];
}

/**
 * A target file's outer shape checked by hand as its schema checks it (the keys year, defaults
 * and targets; a year of 1 to 9999; defaults a mapping; targets a non-empty list of mappings),
 * each mapping a copy; null for anything else, which the schema checks and words the problems of.
 */
export function plainTargetFile(data: unknown): PlainTargetFile | null {
  if (!isPlainMapping(data)) return null;
  for (const key of Object.keys(data))
    if (key !== "year" && key !== "defaults" && key !== "targets") return null;
  const file: Partial<PlainTargetFile> = {};
  if (Object.hasOwn(data, "year")) {
    const { year } = data;
    if (!(Number.isInteger(year) && (year as number) >= 1 && (year as number) <= 9999)) return null;
    file.year = year as number;
  }
  if (Object.hasOwn(data, "defaults")) {
    if (!isPlainMapping(data.defaults)) return null;
    file.defaults = { ...data.defaults };
  }
  const { targets } = data;
  if (!Array.isArray(targets) || targets.length === 0) return null;
  const items: Record<string, unknown>[] = [];
  for (const item of targets) {
    if (!isPlainMapping(item)) return null;
    items.push({ ...item });
  }
  file.targets = items;
  return file as PlainTargetFile;
}

/**
 * A mapping as the YAML readers make it, which the schema takes as a record: an object of the
 * plain prototype or none, without the keys the schema treats apart (`constructor`, `__proto__`)
 * and without symbols.
 */
export function isPlainMapping(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) &&
    !Object.hasOwn(value, "constructor") &&
    !Object.hasOwn(value, "__proto__") &&
    Object.getOwnPropertySymbols(value).length === 0
  );
}
