/**
 * A progress target of the common fields, each in its simple form, checked by hand as its zod
 * schema checks it: zod's parse was a third of reading 5,000 targets. Anything else (another
 * kind, another field, a value not of its simple form) is left to the schema, which words the
 * problems. A property test holds the two equal wherever this answers
 * (test/unit/plain-target.test.ts).
 */

/** The fields read here, each with its check: the value as the schema gives it, or undefined. */
const PLAIN_FIELDS: Readonly<Record<string, (value: unknown) => unknown>> = {
  id: plainId,
  title: trimmedText,
  owner: owners,
  section: trimmedText,
  unit: trimmedText,
  source: trimmedText,
  kind: (value) => (value === "progress" ? value : undefined),
  target: finite,
  baseline: finite,
  weight: (value) =>
    typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined,
  start: date,
  deadline: date,
};

/** The fields the schema requires of a progress target. */
const REQUIRED_FIELDS = ["id", "title", "target"];

/**
 * The parsed input of a progress target whose every field is one of PLAIN_FIELDS in its simple
 * form, its keys in the order of the schema's (`shapeKeys`), as zod gives them; null otherwise.
 */
export function plainProgressTarget(
  merged: Readonly<Record<string, unknown>>,
  shapeKeys: readonly string[],
): Record<string, unknown> | null {
  const keys = Object.keys(merged);
  for (const key of keys) if (!Object.hasOwn(PLAIN_FIELDS, key)) return null;
  for (const key of REQUIRED_FIELDS) if (!Object.hasOwn(merged, key)) return null;
  const parsed: Record<string, unknown> = {};
  for (const key of shapeKeys) {
    if (!Object.hasOwn(merged, key)) continue;
    const check = PLAIN_FIELDS[key];
    if (check === undefined) return null;
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

function finite(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function date(value: unknown): string | undefined {
  return typeof value === "string" && DATE.test(value) ? value : undefined;
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
function isPlainMapping(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) &&
    !Object.hasOwn(value, "constructor") &&
    !Object.hasOwn(value, "__proto__") &&
    Object.getOwnPropertySymbols(value).length === 0
  );
}
