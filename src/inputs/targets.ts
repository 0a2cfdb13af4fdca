/**
 * Target files (SPEC section 2), in two stages: text → a YAML document whose every node has its
 * place (`readPlainDocument`, else `readYamlDocument`) → targets, or problems placed at the node
 * they are about (`targetsOf`). Pure: the caller reads the files, and loads `yaml` only for the
 * files the plain reader declines.
 */
// Types only: the library is loaded (by the caller) for the files the plain reader declines.
import type * as YamlLibrary from "yaml";
import type { Document, LineCounter, Node } from "yaml";
import type * as z from "zod/mini";
import { civilFromDay, type Day, dayFromCivil, formatDay, parseIsoDate } from "../core/dates.js";
import {
  KINDS,
  type Kind,
  MAX_MAGNITUDE,
  type Place,
  type SchedulePoint,
  type Target,
  type Tolerance,
} from "../core/model.js";
import { error, MAX_PROBLEMS_PER_FILE, type Problem, sortProblems } from "../core/problems.js";
import { type MilestoneSpec, milestoneValue, presetMilestones } from "../core/schedule.js";
import { didYouMean } from "../core/suggest.js";
import { offsetIn, type PlainYaml, readPlainYaml } from "./plain-yaml.js";
import {
  type LevelTargetInput,
  type MilestoneTargetInput,
  PERCENT_PATTERN,
  type ProgressTargetInput,
  targetFileSchema,
  targetSchemas,
} from "./target-schema.js";

/** A target file's text and the name to report it by. */
export interface SourceText {
  file: string;
  text: string;
}

export interface LoadedTargets {
  targets: Target[];
  problems: Problem[];
}

/** Aliases expand to at most this many nodes: a "billion laughs" file stops here. */
const MAX_ALIAS_COUNT = 1000;

/**
 * The longest list (of targets, say) and the largest mapping a target file may hold: far past any
 * real file, and short enough that checking and listing their problems stays quick. (Past about
 * 100,000 issues, zod's push(...issues) would even overflow the stack.)
 */
export const MAX_LIST_ITEMS = 20_000;
export const MAX_MAPPING_KEYS = 1_000;

/** Thousands of levels of nesting overflow the parser's stack: said plainly, not as a crash. */
const TOO_DEEP = "invalid YAML: the file is nested too deeply";

/**
 * The targets of the files' documents, in the given order; ids must be unique across all of them.
 * Each file's problems are capped as a data file's are.
 */
export function targetsOf(documents: readonly TargetDocument[]): LoadedTargets {
  const targets: Target[] = [];
  const problems: Problem[] = [];
  for (const document of documents) {
    const loaded = checkDocument(document);
    targets.push(...loaded.targets);
    problems.push(...capProblems(document.file, loaded.problems));
  }
  const firstById = new Map<string, Target>();
  for (const target of targets) {
    const first = firstById.get(target.id);
    if (first === undefined) firstById.set(target.id, target);
    else {
      const { file, line, column } = target.place;
      problems.push(
        error(
          file,
          line,
          column,
          `duplicate id "${target.id}", first defined at ${formatPlace(first.place)}`,
        ),
      );
    }
  }
  return { targets, problems: sortProblems(problems) };
}

/** Load target files whose reader `yaml` may be: both stages, for a caller that holds `yaml`. */
export function loadTargets(sources: readonly SourceText[], yaml: Yaml): LoadedTargets {
  return targetsOf(sources.map((source) => readTargetDocument(source, yaml)));
}

/**
 * One target file's targets. `plainReader` false reads it by `yaml` only, for tests that compare
 * the two readers.
 */
export function parseTargetFile(source: SourceText, yaml: Yaml, plainReader = true): LoadedTargets {
  const document = plainReader ? readTargetDocument(source, yaml) : readYamlDocument(source, yaml);
  return checkDocument(document);
}

/** A file's first problems in place order, then a count of the rest, as for data files. */
function capProblems(file: string, problems: readonly Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS_PER_FILE) return [...problems];
  const sorted = sortProblems(problems);
  const firstLeftOut = sorted[MAX_PROBLEMS_PER_FILE];
  if (firstLeftOut === undefined) return sorted;
  const { line, column } = firstLeftOut;
  const more = sorted.length - MAX_PROBLEMS_PER_FILE;
  return [
    ...sorted.slice(0, MAX_PROBLEMS_PER_FILE),
    error(file, line, column, `${more} more errors in this file`),
  ];
}

function formatPlace(place: Place): string {
  return `${place.file}:${place.line}:${place.column}`;
}

type Path = readonly (string | number)[];

/** A node's place in the text: `yaml`'s nodes have it, and so do the plain reading's. */
interface Positioned {
  readonly range?: readonly number[] | null;
}

/**
 * A target file's YAML document: its data (as `yaml`'s toJS() gives it) and the place of each of
 * its nodes, or the problems that keep it from being read (invalid YAML, a duplicate key…).
 * Problems found in its data are added to `problems` as the targets are checked.
 */
export abstract class TargetDocument {
  readonly problems: Problem[] = [];

  constructor(readonly file: string) {}

  /** The document's data; undefined when a problem keeps it from being read. */
  abstract readonly data: unknown;

  /** The node at a path, or the closest ancestor that exists. */
  abstract nodeAt(path: Path): Positioned | null;

  /** The key node of `key` in the mapping at `path`: where an unknown key is reported. */
  abstract keyAt(path: Path, key: string): Positioned | null;

  abstract placeOfOffset(offset: number): Place;

  placeOf(node: Positioned | null): Place {
    return this.placeOfOffset(node?.range?.[0] ?? 0);
  }

  report(node: Positioned | null, message: string): void {
    const { line, column } = this.placeOf(node);
    this.problems.push(error(this.file, line, column, message));
  }
}

/**
 * A target file's document by the plain reader (plain-yaml.ts), or null when the file is not in
 * the plain subset of YAML it reads: then `yaml` reads it (`readYamlDocument`).
 */
export function readPlainDocument(source: SourceText): TargetDocument | null {
  const plain = readPlainYaml(source.text, {
    maxListItems: MAX_LIST_ITEMS,
    maxMappingKeys: MAX_MAPPING_KEYS,
  });
  return plain === null ? null : new PlainDocument(source.file, source.text, plain);
}

/** A target file's document by the plain reader when it reads the file, else by `yaml`. */
export function readTargetDocument(source: SourceText, yaml: Yaml): TargetDocument {
  return readPlainDocument(source) ?? readYamlDocument(source, yaml);
}

/**
 * A file read by the plain reader, which gives every node the place `yaml` gives it (a property
 * test holds the two equal): its problems are placed as they would be by `yaml`.
 */
class PlainDocument extends TargetDocument {
  /** The offset where each line starts. */
  private readonly lineStarts = [0];
  readonly data: unknown;

  constructor(
    file: string,
    text: string,
    private readonly plain: PlainYaml,
  ) {
    super(file);
    this.data = plain.data;
    for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1))
      this.lineStarts.push(at + 1);
  }

  placeOfOffset(offset: number): Place {
    // The last line that starts at or before the offset.
    let low = 0;
    let high = this.lineStarts.length;
    while (high - low > 1) {
      const middle = (low + high) >>> 1;
      if ((this.lineStarts[middle] as number) <= offset) low = middle;
      else high = middle;
    }
    return {
      file: this.file,
      line: low + 1,
      column: offset - (this.lineStarts[low] as number) + 1,
    };
  }

  /** The node at a path, or the closest one around it that exists. */
  nodeAt(path: Path): Positioned | null {
    let value = this.plain.data;
    let offset = this.plain.offsets.get(value as object)?.[0];
    for (const key of path) {
      if (value === null || typeof value !== "object") break;
      const at = offsetIn(this.plain, value, key, "value");
      if (at === undefined) break;
      offset = at;
      value = (value as Record<string | number, unknown>)[key];
    }
    return offset === undefined ? null : { range: [offset] };
  }

  keyAt(path: Path, key: string): Positioned | null {
    let value = this.plain.data;
    for (const step of path) {
      if (value === null || typeof value !== "object") return this.nodeAt(path);
      if (offsetIn(this.plain, value, step, "value") === undefined) return this.nodeAt(path);
      value = (value as Record<string | number, unknown>)[step];
    }
    const offset =
      value !== null && typeof value === "object"
        ? offsetIn(this.plain, value, key, "key")
        : undefined;
    return offset === undefined ? this.nodeAt(path) : { range: [offset] };
  }
}

/** A file read by `yaml`: every node has its place. */
class YamlDocument extends TargetDocument {
  readonly doc: Document.Parsed;
  private readonly lineCounter: LineCounter;
  data: unknown;

  constructor(
    file: string,
    text: string,
    private readonly yaml: Yaml,
  ) {
    super(file);
    this.lineCounter = new yaml.LineCounter();
    this.doc = yaml.parseDocument(text, {
      lineCounter: this.lineCounter,
      prettyErrors: false,
      // yaml compares each key with every other key of its mapping: a mapping of 100,000 keys
      // would take minutes. Duplicates are found with a set instead (shapeProblems below).
      uniqueKeys: false,
    });
    this.data = this.read(text);
  }

  /** The data, after the problems that keep it from being read; undefined when there are any. */
  private read(text: string): unknown {
    const { doc } = this;
    for (const yamlError of doc.errors) {
      const { line, column } = this.placeOfOffset(yamlError.pos[0]);
      const message = yamlError.message.includes("Maximum call stack")
        ? TOO_DEEP
        : `invalid YAML: ${yamlError.message.split("\n")[0]}`;
      this.problems.push(error(this.file, line, column, message));
    }
    if (doc.errors.length > 0) return undefined;
    this.problems.push(...this.shapeProblems(text));
    if (this.problems.length > 0) return undefined;
    for (const warning of doc.warnings) {
      // A tag yaml does not know (!!js/function, !!python/object) would be read as plain text.
      if (warning.code !== "TAG_RESOLVE_FAILED") continue;
      const { line, column } = this.placeOfOffset(warning.pos[0]);
      const raw = warning.message.replace(/^Unresolved tag: /, "").split("\n")[0] ?? "";
      const tag = raw.startsWith("tag:yaml.org,2002:")
        ? `!!${raw.slice("tag:yaml.org,2002:".length)}`
        : raw.startsWith("!")
          ? raw
          : `!<${raw}>`;
      const message = `unknown tag ${tag}: a target file holds plain values, and kpi runs no code from it`;
      this.problems.push(error(this.file, line, column, message));
    }
    if (doc.contents === null) {
      this.report(null, "empty target file: expected a mapping with a list of targets");
      return undefined;
    }
    try {
      return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, reviver: calendarDates });
    } catch (cause) {
      // yaml throws a ReferenceError when aliases expand past maxAliasCount.
      this.report(
        doc.contents,
        cause instanceof RangeError
          ? TOO_DEEP
          : `cannot expand the file's aliases: ${(cause as Error).message}`,
      );
      return undefined;
    }
  }

  placeOfOffset(offset: number): Place {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }

  nodeAt(path: Path): Node | null {
    for (let length = path.length; length >= 0; length--) {
      const node = this.doc.getIn(path.slice(0, length), true);
      if (node && typeof node === "object" && "range" in node) return node as Node;
    }
    return this.doc.contents;
  }

  keyAt(path: Path, key: string): Node | null {
    const map = this.doc.getIn(path, true);
    if (this.yaml.isMap(map)) {
      // Indexed once per mapping: a mapping of many unknown keys costs one pass, not one a key.
      let keys = this.keyIndex.get(map);
      if (keys === undefined) {
        keys = new Map();
        for (const pair of map.items) {
          if (
            this.yaml.isPair(pair) &&
            this.yaml.isScalar(pair.key) &&
            !keys.has(String(pair.key.value))
          )
            keys.set(String(pair.key.value), pair.key);
        }
        this.keyIndex.set(map, keys);
      }
      const node = keys.get(key);
      if (node !== undefined) return node;
    }
    return this.nodeAt(path);
  }

  private readonly keyIndex = new WeakMap<object, Map<string, Node>>();

  /**
   * What makes a file unreadable before any field is looked at: a mapping that repeats a key, and
   * lists or mappings far longer than any target file has (their problems alone would take
   * minutes and gigabytes to list).
   */
  shapeProblems(text: string): Problem[] {
    const problems: Problem[] = [];
    const at = (node: Node, message: string) => {
      const { line, column } = this.placeOf(node);
      problems.push(error(this.file, line, column, message));
    };
    const stack: unknown[] = [this.doc.contents];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (this.yaml.isMap(node)) {
        if (node.items.length > MAX_MAPPING_KEYS) {
          at(node, `a mapping of ${node.items.length} keys: kpi reads at most ${MAX_MAPPING_KEYS}`);
          continue;
        }
        const seen = new Set<unknown>();
        for (const pair of node.items) {
          if (this.yaml.isScalar(pair.key)) {
            if (seen.has(pair.key.value)) {
              const name = /^[^:\n]*/.exec(text.slice(pair.key.range?.[0] ?? 0))?.[0].trim();
              at(pair.key, `duplicate key "${name}"`);
            }
            seen.add(pair.key.value);
          }
          stack.push(pair.key, pair.value);
        }
      } else if (this.yaml.isSeq(node)) {
        if (node.items.length > MAX_LIST_ITEMS) {
          at(
            node,
            `a list of ${node.items.length} items: kpi reads at most ${MAX_LIST_ITEMS} in one list (split a longer list of targets into several files)`,
          );
          continue;
        }
        for (const item of node.items) stack.push(item);
      }
    }
    return problems;
  }
}

/** What is used of the `yaml` library, which a caller loads only when a file needs it. */
export type Yaml = Pick<
  typeof YamlLibrary,
  "LineCounter" | "parseDocument" | "isMap" | "isPair" | "isScalar" | "isSeq"
>;

/**
 * A target file's document by `yaml`, which reads any YAML and places every problem of it: for the
 * files the plain reader declines.
 */
export function readYamlDocument(source: SourceText, yaml: Yaml): TargetDocument {
  try {
    return new YamlDocument(source.file, source.text, yaml);
  } catch (cause) {
    // yaml parses nested blocks recursively and does not catch every overflow of the stack.
    if (!(cause instanceof RangeError)) throw cause;
    return new UnreadDocument(source.file, TOO_DEEP);
  }
}

/** A file that no reader could read: one problem at its start. */
class UnreadDocument extends TargetDocument {
  readonly data = undefined;

  constructor(file: string, message: string) {
    super(file);
    this.report(null, message);
  }

  nodeAt(): null {
    return null;
  }

  keyAt(): null {
    return null;
  }

  placeOfOffset(): Place {
    return { file: this.file, line: 1, column: 1 };
  }
}

/** The targets of a file's document, or the problems that keep it from being read. */
function checkDocument(located: TargetDocument): LoadedTargets {
  const { data } = located;
  if (data === undefined) return { targets: [], problems: located.problems };
  reportPrototypeKeys(located, data);
  const tooLarge = reportLargeNumbers(located, data);
  const file = targetFileSchema.safeParse(data);
  if (!file.success) {
    const fileKeys = Object.keys(targetFileSchema.shape);
    reportIssues(
      located,
      file.error.issues,
      (path) => path,
      data,
      () => unknownKey(fileKeys),
    );
    return { targets: [], problems: located.problems };
  }
  // Nothing is computed from numbers that would overflow: it would only add false problems.
  if (tooLarge) return { targets: [], problems: located.problems };
  const { year, defaults = {}, targets: items } = file.data;
  checkDefaults(located, defaults);
  const targets: Target[] = [];
  items.forEach((item, index) => {
    const target = buildTarget(located, item, index, defaults, year);
    if (target) targets.push(target);
  });
  return { targets: located.problems.length > 0 ? [] : targets, problems: located.problems };
}

/**
 * zod leaves a `__proto__` key out of the records it checks (`defaults` and each target), since it
 * cannot be assigned as a key: report it here, or an unknown key would vanish silently.
 */
function reportPrototypeKeys(located: TargetDocument, data: unknown): void {
  if (data === null || typeof data !== "object") return;
  const { defaults, targets } = data as Record<string, unknown>;
  const records: [Path, unknown][] = [
    [["defaults"], defaults],
    ...(Array.isArray(targets) ? targets : []).map((item, index): [Path, unknown] => [
      ["targets", index],
      item,
    ]),
  ];
  for (const [path, record] of records) {
    if (record !== null && typeof record === "object" && Object.hasOwn(record, "__proto__"))
      located.report(located.keyAt(path, "__proto__"), 'unknown key "__proto__"');
  }
}

/**
 * Every number of a file must lie within ±MAX_MAGNITUDE: larger ones would overflow to Infinity in
 * the evaluation (a span, E(t), a sum) and give a status or a value that is silently wrong.
 */
function reportLargeNumbers(located: TargetDocument, data: unknown): boolean {
  const stack: { value: unknown; path: Path }[] = [{ value: data, path: [] }];
  const seen = new Set<object>();
  let found = 0;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path } = next;
    if (typeof value === "number" && Number.isFinite(value) && Math.abs(value) > MAX_MAGNITUDE) {
      // Past the cap of listed problems, finding a node's place is work for nothing.
      if (found++ >= MAX_PROBLEMS_PER_FILE) continue;
      located.report(
        located.nodeAt(path),
        `${describePath(path)} ${value} is too large: numbers must lie within ±1e15`,
      );
    } else if (value !== null && typeof value === "object" && !seen.has(value)) {
      // An alias shares its object: it is looked at once.
      seen.add(value);
      for (const [key, inner] of Object.entries(value))
        stack.push({ value: inner, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
  const more = found - MAX_PROBLEMS_PER_FILE;
  if (more > 0) located.report(null, `${more} more numbers are too large`);
  return found > 0;
}

/** Every key that some kind of target has, except the id, which cannot have a default. */
const DEFAULTABLE_KEYS = new Set(
  Object.values(targetSchemas).flatMap((schema) =>
    Object.keys(schema.shape).filter((key) => key !== "id"),
  ),
);

function checkDefaults(located: TargetDocument, defaults: Record<string, unknown>): void {
  for (const key of Object.keys(defaults)) {
    if (key === "id")
      located.report(
        located.keyAt(["defaults"], key),
        "the id cannot have a default: each target needs its own",
      );
    else if (!DEFAULTABLE_KEYS.has(key))
      located.report(located.keyAt(["defaults"], key), unknownKey(DEFAULTABLE_KEYS)(key));
  }
}

/**
 * Validate one entry of `targets` with the file's defaults applied: a default applies to the
 * targets whose kind has that field. Problems point at the entry's own key, else at the default.
 */
function buildTarget(
  located: TargetDocument,
  item: Record<string, unknown>,
  index: number,
  defaults: Record<string, unknown>,
  year: number | undefined,
): Target | null {
  const itemPath = ["targets", index];
  const kind = item.kind ?? defaults.kind ?? "progress";
  if (!KINDS.includes(kind as Kind)) {
    const where = "kind" in item ? itemPath : ["defaults"];
    const suggestion = typeof kind === "string" ? didYouMean(kind, KINDS) : "";
    located.report(
      located.nodeAt([...where, "kind"]),
      `kind must be ${KINDS.join(", ")}, got ${show(kind)}${suggestion}`,
    );
    return null;
  }
  const schema = targetSchemas[kind as Kind];
  const merged: Record<string, unknown> = {};
  // Own keys only: "constructor" or "toString" in defaults is an unknown key, not a field.
  for (const [key, value] of Object.entries(defaults))
    if (Object.hasOwn(schema.shape, key)) merged[key] = value;
  Object.assign(merged, item);

  const pathOf = (path: Path): Path => {
    const key = path[0];
    if (
      key === undefined ||
      typeof key === "number" ||
      Object.hasOwn(item, key) ||
      !Object.hasOwn(defaults, key)
    )
      return [...itemPath, ...path];
    return ["defaults", ...path];
  };
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    reportIssues(located, parsed.error.issues, pathOf, merged, (path) =>
      path.length === 0 ? unknownTargetKey(kind as Kind) : unknownKey(MILESTONE_KEYS),
    );
    return null;
  }
  const node = located.nodeAt(itemPath);
  const context: BuildContext = {
    located,
    at: (path) => located.nodeAt(pathOf(path)),
    place: located.placeOf(node),
    year,
  };
  switch (kind as Kind) {
    case "progress":
      return buildProgress(context, parsed.data as ProgressTargetInput);
    case "level":
      return buildLevel(context, parsed.data as LevelTargetInput);
    case "milestone":
      return buildMilestone(context, parsed.data as MilestoneTargetInput);
  }
}

interface BuildContext {
  located: TargetDocument;
  /** The node of a field of this target (its own, or the default it came from). */
  at: (path: Path) => Positioned | null;
  place: Place;
  year: number | undefined;
}

/** The keys a milestone of a schedule has. */
const MILESTONE_KEYS = ["by", "progress", "value"];

/** The message for an unknown key, with the closest of the keys that belong there. */
function unknownKey(known: Iterable<string>): (key: string) => string {
  return (key) => `unknown key "${key}"${didYouMean(key, known)}`;
}

/**
 * An unknown key of a target: a field of another kind says so (the kind is likely what is wrong),
 * else the closest key of this kind is suggested.
 */
function unknownTargetKey(kind: Kind): (key: string) => string {
  return (key) => {
    // Own keys only: a YAML key such as "constructor" is no field of any kind.
    const owners = KINDS.filter((other) => Object.hasOwn(targetSchemas[other].shape, key));
    if (owners.length > 0)
      return `unknown key "${key}": ${kind} targets have no ${key} (${owners.join(" and ")} targets do)`;
    return unknownKey(Object.keys(targetSchemas[kind].shape))(key);
  };
}

/**
 * A hint for a milestone progress written as a number: 0.3 was likely meant as "30%", and 30 as
 * "30%". Only milestones: elsewhere a bare number is a valid amount and nothing can be guessed.
 */
function percentHint(path: Path, value: unknown): string {
  if (path[path.length - 1] !== "progress" || path[0] !== "schedule") return "";
  if (typeof value !== "number" || !(value > 0) || value > 100) return "";
  const percent = value < 1 ? Number((value * 100).toPrecision(12)) : value;
  return ` (did you mean "${percent}%"?)`;
}

/** The strings a value could have been (an enum's or a preset's), for a "did you mean". */
function allowedStrings(issue: z.core.$ZodIssue): string[] {
  if (issue.code === "invalid_value")
    return issue.values.filter((value): value is string => typeof value === "string");
  if (issue.code === "invalid_union") return issue.errors.flat().flatMap(allowedStrings);
  return [];
}

function reportIssues(
  located: TargetDocument,
  issues: readonly z.core.$ZodIssue[],
  toDocPath: (path: Path) => Path,
  data: unknown,
  unknownKeyMessage: (path: Path) => (key: string) => string,
): void {
  for (const issue of issues) {
    const path = issue.path.filter((key): key is string | number => typeof key !== "symbol");
    const branch = issue.code === "invalid_union" ? closestBranch(issue.errors) : undefined;
    if (branch !== undefined) {
      // The value has the shape of one alternative (a list of milestones, say) and fails deeper
      // inside: that alternative's own complaints are the helpful ones.
      const inner = branch.map((innerIssue) => ({
        ...innerIssue,
        path: [...path, ...innerIssue.path],
      }));
      reportIssues(located, inner, toDocPath, data, unknownKeyMessage);
      continue;
    }
    if (issue.code === "unrecognized_keys") {
      const message = unknownKeyMessage(path);
      for (const key of issue.keys)
        located.report(located.keyAt(toDocPath(path), key), message(key));
      continue;
    }
    const value = valueAt(data, path);
    const label = describePath(path);
    // Quote the value when it is short enough to help: a scalar, or a list where a mapping belongs.
    const scalar = value !== undefined && (value === null || typeof value !== "object");
    const got =
      value !== undefined && (scalar || issue.code === "invalid_type")
        ? `, got ${show(value)}`
        : "";
    const hint =
      typeof value === "string"
        ? didYouMean(value, allowedStrings(issue))
        : percentHint(path, value);
    located.report(
      located.nodeAt(toDocPath(path)),
      `${label} ${issue.message}${got}${hint}`.trim(),
    );
  }
}

/** The alternative of a union whose issues lie deepest inside the value, if any lies below it. */
function closestBranch(
  branches: readonly (readonly z.core.$ZodIssue[])[],
): z.core.$ZodIssue[] | undefined {
  let best: z.core.$ZodIssue[] | undefined;
  let bestDepth = 0;
  for (const branch of branches) {
    // A loop, not Math.min(...): a branch may hold hundreds of thousands of issues.
    let depth = Number.POSITIVE_INFINITY;
    for (const issue of branch) depth = Math.min(depth, issue.path.length);
    if (depth > bestDepth) {
      best = [...branch];
      bestDepth = depth;
    }
  }
  return best;
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** `schedule[1].by`: a path as a reader of the file would name it. */
function describePath(path: Path): string {
  return (
    path
      .map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`))
      .join("") || "the file"
  );
}

/**
 * A YAML timestamp (`!!timestamp 2022-12-31`, or any date of a `%YAML 1.1` file) becomes a
 * Date at midnight UTC: read it back as the calendar date it was written as. A timestamp with a
 * time of day stays a Date, which the schema refuses as not a date.
 */
function calendarDates(_key: unknown, value: unknown): unknown {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return value;
  const iso = value.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : value;
}

function show(value: unknown): string {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "an invalid date" : value.toISOString();
  const text =
    typeof value === "string"
      ? JSON.stringify(value)
      : Array.isArray(value)
        ? "a list"
        : value !== null && typeof value === "object"
          ? "a mapping"
          : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The fields every kind has. A target adds its own with Object.assign, not a spread: in V8, each
 * object made by a spread and more fields gets a shape of its own, and 5,000 targets of 5,000
 * shapes made every read of `target.kind` a slow lookup.
 */
function common(
  context: BuildContext,
  input: {
    id: string;
    title: string;
    owner?: string | string[] | undefined;
    section?: string | undefined;
    unit?: string | undefined;
    source?: string | undefined;
  },
) {
  return {
    id: input.id,
    title: input.title,
    owner:
      input.owner === undefined ? [] : Array.isArray(input.owner) ? input.owner : [input.owner],
    section: input.section ?? null,
    unit: input.unit ?? null,
    source: input.source ?? null,
    place: context.place,
  };
}

/** A date field's day: its own value, else Dec 31 or Jan 1 of the file's year; null after a problem. */
function dateField(
  context: BuildContext,
  key: string,
  text: string | undefined,
  fallback: "start" | "end",
): Day | null {
  if (text !== undefined) {
    const parsed = parseIsoDate(text);
    if (parsed.ok) return parsed.day;
    context.located.report(context.at([key]), `${key} ${text} is not a calendar date`);
    return null;
  }
  if (context.year === undefined) {
    if (fallback === "start") return null;
    context.located.report(context.at([]), `${key} is required when the file has no year`);
    return null;
  }
  return fallback === "start"
    ? dayFromCivil(context.year, 1, 1)
    : dayFromCivil(context.year, 12, 31);
}

function tolerance(value: number | string | undefined, fallback: Tolerance): Tolerance {
  if (value === undefined) return fallback;
  if (typeof value === "number") return { amount: value };
  return { percent: Number(PERCENT_PATTERN.exec(value)?.[1]) };
}

function percentOf(text: string): number {
  return Number(PERCENT_PATTERN.exec(text)?.[1]) / 100;
}

function buildProgress(context: BuildContext, input: ProgressTargetInput): Target | null {
  const { located } = context;
  const deadline = dateField(context, "deadline", input.deadline, "end");
  let start = dateField(context, "start", input.start, "start");
  if (deadline === null || (start === null && input.start !== undefined)) return null;
  // With no year and no start, the period starts on Jan 1 of the deadline's year.
  start ??= dayFromCivil(civilFromDay(deadline).year, 1, 1);
  if (start > deadline) {
    located.report(
      context.at(["deadline"]),
      `deadline ${formatDay(deadline)} is before start ${formatDay(start)}`,
    );
    return null;
  }
  const baseline = input.baseline ?? 0;
  // Values closer than 1e-9 are equal (SPEC 2.1): a nearer target has no direction, and its
  // progress (a share of the span) would overflow.
  if (Math.abs(input.target - baseline) < 1e-9) {
    located.report(
      context.at(["target"]),
      `target equals baseline (${baseline}): there is no way to go`,
    );
    return null;
  }
  const schedule = input.schedule ?? "q30-h60-q85";
  const specs: { spec: MilestoneSpec; index: number | null }[] =
    typeof schedule === "string"
      ? presetMilestones(schedule, start, deadline).map((spec) => ({ spec, index: null }))
      : collectMilestones(context, schedule);
  const milestones = checkMilestones(context, specs, {
    start,
    deadline,
    baseline,
    target: input.target,
  });
  if (milestones === null) return null;
  return Object.assign(common(context, input), {
    kind: "progress" as const,
    target: input.target,
    baseline,
    start,
    deadline,
    milestones,
    interpolation: input.interpolation ?? "linear",
    tolerance: tolerance(input.tolerance, { percent: 10 }),
    aggregate: input.aggregate ?? "last",
  });
}

function collectMilestones(
  context: BuildContext,
  schedule: { by: string; progress?: string | undefined; value?: number | undefined }[],
): { spec: MilestoneSpec; index: number | null }[] {
  const specs: { spec: MilestoneSpec; index: number | null }[] = [];
  schedule.forEach((milestone, index) => {
    const by = parseIsoDate(milestone.by);
    if (!by.ok) {
      context.located.report(
        context.at(["schedule", index, "by"]),
        `schedule[${index}].by ${milestone.by} is not a calendar date`,
      );
      return;
    }
    if ((milestone.progress === undefined) === (milestone.value === undefined)) {
      context.located.report(
        context.at(["schedule", index]),
        milestone.progress === undefined
          ? `schedule[${index}] needs progress ("30%") or value`
          : `schedule[${index}] has both progress and value: give one`,
      );
      return;
    }
    specs.push({
      spec:
        milestone.progress !== undefined
          ? { by: by.day, progress: percentOf(milestone.progress) }
          : { by: by.day, value: milestone.value as number },
      index,
    });
  });
  return specs.length === schedule.length ? specs : [];
}

/**
 * Milestones must lie in the period (on or after start, before the deadline, which is the implicit
 * last one), in date order, and never step back or past the target: E(t) must move one way.
 */
function checkMilestones(
  context: BuildContext,
  specs: { spec: MilestoneSpec; index: number | null }[],
  period: { start: Day; deadline: Day; baseline: number; target: number },
): SchedulePoint[] | null {
  const problemsBefore = context.located.problems.length;
  const direction = Math.sign(period.target - period.baseline);
  const points: SchedulePoint[] = [];
  let previous: SchedulePoint = { by: period.start - 1, value: period.baseline };
  for (const { spec, index } of specs) {
    const node = context.at(index === null ? ["schedule"] : ["schedule", index]);
    const name = index === null ? "preset milestone" : `schedule[${index}]`;
    const value = milestoneValue(spec, period.baseline, period.target);
    const by = formatDay(spec.by);
    if (spec.by < period.start || spec.by >= period.deadline) {
      context.located.report(
        node,
        `${name} on ${by} is outside the period ${formatDay(period.start)} to ${formatDay(period.deadline)} (the deadline is always the last milestone)`,
      );
    } else if (spec.by <= previous.by && points.length > 0) {
      context.located.report(
        node,
        `${name} on ${by} is out of order: milestones must be in date order`,
      );
    } else if (
      direction * (value - previous.value) < 0 ||
      direction * (value - period.target) > 0
    ) {
      context.located.report(
        node,
        `${name} value ${value} must lie between the previous value ${previous.value} and the target ${period.target}`,
      );
    } else {
      const point = { by: spec.by, value };
      points.push(point);
      previous = point;
    }
  }
  return context.located.problems.length > problemsBefore ? null : points;
}

function buildLevel(context: BuildContext, input: LevelTargetInput): Target | null {
  const { located } = context;
  const min = input.min ?? null;
  const max = input.max ?? null;
  if (min === null && max === null) {
    located.report(context.at([]), "a level target needs min, max or both");
    return null;
  }
  if (min !== null && max !== null && min > max) {
    located.report(context.at(["max"]), `max ${max} is below min ${min}`);
    return null;
  }
  const stretch = input.stretch ?? null;
  if (stretch !== null && (max !== null ? stretch > max : stretch < (min as number))) {
    const bound = max !== null ? `at or below max ${max}` : `at or above min ${min}`;
    located.report(
      context.at(["stretch"]),
      `stretch ${stretch} must be a better value than the bound: ${bound}`,
    );
    return null;
  }
  return Object.assign(common(context, input), {
    kind: "level" as const,
    min,
    max,
    tolerance: tolerance(input.tolerance, { amount: 0 }),
    stretch,
  });
}

function buildMilestone(context: BuildContext, input: MilestoneTargetInput): Target | null {
  const deadline = dateField(context, "deadline", input.deadline, "end");
  if (deadline === null) return null;
  return Object.assign(common(context, input), {
    kind: "milestone" as const,
    deadline,
    warnDays: input.warn_days ?? 30,
  });
}
