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
import {
  civilFromDay,
  type Day,
  dayFromCivil,
  daysInMonth,
  formatDay,
  parseIsoDate,
} from "../core/dates.js";
import { unseenCharacterOf } from "../core/invisible-characters.js";
import {
  type Frequency,
  KINDS,
  type Kind,
  MAX_MAGNITUDE,
  type MonthDay,
  type Place,
  type Reference,
  type SchedulePoint,
  type Target,
  type Tolerance,
} from "../core/model.js";
import { severalOwners } from "../core/owners.js";
import type { Expectation, Shown, YamlFileRole } from "../core/problem-codes.js";
import {
  type CodeAndParams,
  error,
  MAX_PROBLEMS_PER_FILE,
  type Problem,
  type ProblemCode,
  type ProblemParams,
  sortProblems,
} from "../core/problems.js";
import {
  type MilestoneSpec,
  milestoneValue,
  type Preset,
  presetMilestones,
  progressDirection,
} from "../core/schedule.js";
import { closestMatch } from "../core/suggest.js";
import { isFieldOf, PLAIN_FIELDS, plainTarget, plainTargetFile } from "./plain-target.js";
import { offsetIn, type PlainYaml, readPlainYaml } from "./plain-yaml.js";
import {
  checkingSchemas,
  EXPECTATIONS,
  type GrowthTargetInput,
  type LevelTargetInput,
  type MilestoneTargetInput,
  MONTH_DAY_PATTERN,
  PERCENT_PATTERN,
  type ProgressTargetInput,
  REQUIRED,
} from "./target-schema.js";
import { indentCharacterOf, yamlErrorProblems } from "./yaml-problems.js";

/** A target file's text and the name to report it by. */
export interface SourceText {
  file: string;
  text: string;
  /** The project file is read as target files are, and its problems say so. @default "target" */
  role?: YamlFileRole;
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

/**
 * The targets of the files' documents, in the given order; ids must be unique across all of them.
 * Each file's problems are capped as a data file's are.
 */
export function targetsOf(
  documents: readonly TargetDocument[],
  projectDefaults: Readonly<Record<string, unknown>> = {},
): LoadedTargets {
  const targets: Target[] = [];
  const problems: Problem[] = [];
  for (const document of documents) {
    const loaded = checkDocument(document, projectDefaults);
    targets.push(...loaded.targets);
    problems.push(...capProblems(document.file, loaded.problems));
  }
  const firstById = new Map<string, Target>();
  for (const target of targets) {
    const first = firstById.get(target.id);
    if (first === undefined) firstById.set(target.id, target);
    else {
      problems.push(
        error(target.place, "target.duplicate-id", { id: target.id, first: first.place }),
      );
    }
  }
  // A data row may name its target by its title, ids first (SPEC 2, v2): a title that is another
  // target's id would make a row of that id mean the other target.
  for (const target of targets) {
    // Ids are composed (NFC): so is the title that could name one.
    const other = firstById.get(target.title) ?? firstById.get(target.title.normalize("NFC"));
    if (other === undefined || other === target) continue;
    problems.push(
      error(titlePlace(documents, target), "target.title-is-other-id", {
        title: target.title,
        first: other.place,
      }),
    );
  }
  problems.push(...referenceProblems(targets, firstById));
  return { targets, problems: sortProblems(problems) };
}

const NO_REFERENCES: readonly Reference[] = [];

/** The references a target makes (SPEC 2.5): its bounds' or its rate's. */
export function referencesOf(target: Target): readonly Reference[] {
  // Most targets make none: no list is made for them.
  if (target.kind !== "level" && target.kind !== "growth") return NO_REFERENCES;
  const references: Reference[] = [];
  if (target.kind === "level") {
    if (target.minRef !== null) references.push(target.minRef);
    if (target.maxRef !== null) references.push(target.maxRef);
  } else if (target.kind === "growth" && target.rateRef !== null) references.push(target.rateRef);
  return references;
}

/**
 * A reference must name a target that is no milestone, and references must not go round in a
 * circle (SPEC 2.5): each problem is placed at the reference and names both targets.
 */
function referenceProblems(
  targets: readonly Target[],
  byId: ReadonlyMap<string, Target>,
): Problem[] {
  const problems: Problem[] = [];
  for (const target of targets) {
    for (const reference of referencesOf(target)) {
      const other = byId.get(reference.ref);
      if (other === undefined)
        problems.push(
          error(reference.place, "target.reference-unknown", {
            id: target.id,
            ref: reference.ref,
            suggestion: closestMatch(reference.ref, byId.keys()) ?? null,
          }),
        );
      else if (other.kind === "milestone")
        problems.push(
          error(reference.place, "target.reference-milestone", {
            id: target.id,
            ref: reference.ref,
          }),
        );
    }
  }
  // A cycle is reported at each of its targets' references into it, once per target.
  for (const target of targets) {
    for (const reference of referencesOf(target)) {
      const path = pathBack(reference.ref, target.id, byId);
      if (path !== null)
        problems.push(
          error(reference.place, "target.reference-cycle", {
            id: target.id,
            ref: reference.ref,
            cycle: [target.id, ...path],
          }),
        );
    }
  }
  return problems;
}

/** The ids from `from` along references to `to` (both included), or null when there is no such path. */
function pathBack(from: string, to: string, byId: ReadonlyMap<string, Target>): string[] | null {
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    if (at === to) {
      const path: string[] = [];
      for (let step: string | null = at; step !== null; step = previous.get(step) ?? null)
        path.push(step);
      return path.reverse();
    }
    const target = byId.get(at);
    if (target === undefined) continue;
    for (const reference of referencesOf(target)) {
      if (previous.has(reference.ref)) continue;
      previous.set(reference.ref, at);
      queue.push(reference.ref);
    }
  }
  return null;
}

/** Where a target's title is written: its `title` node, found from the place of its entry. */
function titlePlace(documents: readonly TargetDocument[], target: Target): Place {
  for (const document of documents) {
    if (document.file !== target.place.file) continue;
    const list = (document.data as { targets?: unknown } | undefined)?.targets;
    if (!Array.isArray(list)) continue;
    for (let index = 0; index < list.length; index++) {
      const place = document.placeOf(document.nodeAt(["targets", index]));
      if (place.line === target.place.line && place.column === target.place.column)
        return document.placeOf(document.nodeAt(["targets", index, "title"]));
    }
  }
  return target.place;
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
  const place = firstLeftOut.place ?? { file, line: 1, column: 1 };
  const more = sorted.length - MAX_PROBLEMS_PER_FILE;
  return [
    ...sorted.slice(0, MAX_PROBLEMS_PER_FILE),
    error(place, "file.more-errors", { count: more }),
  ];
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
  /** The largest magnitude of the document's numbers, Infinity when its reader does not say. */
  readonly largestNumber: number = Number.POSITIVE_INFINITY;

  constructor(
    readonly file: string,
    /** The file's text, for the place of a character within a value. */
    protected readonly text = "",
    readonly role: YamlFileRole = "target",
  ) {}

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

  /**
   * Where a one-line value holds a character: its first one on the node's line, or the node's
   * start when the value writes it as an escape (`"\u200b"`).
   */
  placeOfCharacterOffset(node: Positioned | null, character: string): number {
    const start = node?.range?.[0] ?? 0;
    const lineEnd = this.text.indexOf("\n", start);
    const at = this.text.indexOf(character, start);
    return at !== -1 && (lineEnd === -1 || at < lineEnd) ? at : start;
  }

  report<C extends ProblemCode>(node: Positioned | null, code: C, params: ProblemParams[C]): void {
    this.reportProblem(node, [code, params] as CodeAndParams);
  }

  /**
   * A problem whose code is known only when it is made (an unknown key's, say). The same problem
   * at the same place is said once: targets that merge one mapping (`<<: *base`) share its faults.
   */
  reportProblem(node: Positioned | null, [code, params]: CodeAndParams): void {
    const offset = node?.range?.[0] ?? 0;
    const key = `${offset} ${code} ${JSON.stringify(params)}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push(error(this.placeOfOffset(offset), code, params));
  }

  private readonly reported = new Set<string>();
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
  return plain === null ? null : new PlainDocument(source, plain);
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
  override readonly largestNumber: number;

  constructor(
    { file, text, role }: SourceText,
    private readonly plain: PlainYaml,
  ) {
    super(file, text, role);
    this.data = plain.data;
    this.largestNumber = plain.largestNumber;
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
    { file, text, role }: SourceText,
    private readonly yaml: Yaml,
  ) {
    super(file, text, role);
    this.lineCounter = new yaml.LineCounter();
    this.doc = yaml.parseDocument(text, {
      lineCounter: this.lineCounter,
      prettyErrors: false,
      // yaml compares each key with every other key of its mapping: a mapping of 100,000 keys
      // would take minutes. Duplicates are found with a set instead (shapeProblems below).
      uniqueKeys: false,
      // `<<: *base` copies the keys of another mapping that the mapping does not have itself.
      merge: true,
    });
    this.data = this.read(text);
  }

  /** The data, after the problems that keep it from being read; undefined when there are any. */
  private read(text: string): unknown {
    const { doc } = this;
    if (doc.errors.length > 0) {
      this.reportSyntax(text);
      return undefined;
    }
    this.problems.push(...this.shapeProblems(text));
    if (this.problems.length > 0) return undefined;
    for (const warning of doc.warnings) {
      // A tag yaml does not know (!!js/function, !!python/object) would be read as plain text.
      if (warning.code !== "TAG_RESOLVE_FAILED") continue;
      const place = this.placeOfOffset(warning.pos[0]);
      const raw = warning.message.replace(/^Unresolved tag: /, "").split("\n")[0] ?? "";
      const tag = raw.startsWith("tag:yaml.org,2002:")
        ? `!!${raw.slice("tag:yaml.org,2002:".length)}`
        : raw.startsWith("!")
          ? raw
          : `!<${raw}>`;
      this.problems.push(error(place, "yaml.unknown-tag", { tag, role: this.role }));
    }
    if (doc.contents === null) {
      this.report(null, "target.empty-file", {});
      return undefined;
    }
    try {
      return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, reviver: calendarDates });
    } catch (cause) {
      // yaml throws a ReferenceError for an alias of no anchor, or when aliases expand past
      // maxAliasCount; a RangeError when the expansion overflows the stack.
      if (cause instanceof RangeError) this.report(doc.contents, "yaml.nested-too-deeply", {});
      else if (cause instanceof ReferenceError) {
        const alias = this.unresolvedAlias();
        if (alias === null)
          this.report(doc.contents, "yaml.too-many-aliases", {
            max: MAX_ALIAS_COUNT,
            role: this.role,
          });
        else this.report(alias, "yaml.unknown-alias", { alias: alias.source });
      } else throw cause;
      return undefined;
    }
  }

  /**
   * The problems of a file `yaml` cannot parse, in kpi's words. One fault often makes several
   * errors on its line (a tab, then the mapping it spoils): a hint that names the character at
   * fault is given once per line.
   */
  private reportSyntax(text: string): void {
    const hinted = new Set<string>();
    for (const { problem, offset } of yamlErrorProblems(text, this.doc.errors, this.role)) {
      const [code, params] = problem;
      const place = this.placeOfOffset(offset);
      if (HINTS.has(code)) {
        const key = `${code}:${place.line}`;
        if (hinted.has(key)) continue;
        hinted.add(key);
      }
      // One by one: a file may have hundreds of thousands, too many to spread into push().
      this.problems.push(error(place, code, params));
    }
  }

  /** The first alias of no anchor set before it, in the order of the text; null if none. */
  private unresolvedAlias(): YamlLibrary.Alias | null {
    const anchors = new Set<string>();
    const stack: unknown[] = [this.doc.contents];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (node === null || typeof node !== "object") continue;
      if (this.yaml.isAlias(node)) {
        if (!anchors.has(node.source)) return node;
        continue;
      }
      const anchor = (node as { anchor?: unknown }).anchor;
      if (typeof anchor === "string") anchors.add(anchor);
      // Reversed, so that the first item is taken first.
      if (this.yaml.isMap(node))
        for (const pair of [...node.items].reverse()) stack.push(pair.value, pair.key);
      else if (this.yaml.isSeq(node))
        for (const item of [...node.items].reverse()) stack.push(item);
    }
    return null;
  }

  placeOfOffset(offset: number): Place {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }

  /** The node at a path, or the closest ancestor that exists; through aliases and merge keys. */
  nodeAt(path: Path): Node | null {
    let node: Node | null = this.doc.contents;
    for (const key of path) {
      const next = this.childOf(node, key);
      if (next === undefined) break;
      node = next;
    }
    return node;
  }

  keyAt(path: Path, key: string): Node | null {
    let node: Node | null = this.doc.contents;
    for (const step of path) {
      const next = this.childOf(node, step);
      if (next === undefined) return this.nodeAt(path);
      node = next;
    }
    const map = this.resolved(node);
    const pair = this.yaml.isMap(map) ? this.pairOf(map, key) : undefined;
    return (pair?.key as Node | undefined) ?? this.nodeAt(path);
  }

  /** The node an alias stands for; any other node as it is. */
  private resolved(node: Node | null): Node | null {
    if (!this.yaml.isAlias(node)) return node;
    this.aliasTargets ??= this.findAliasTargets();
    return this.aliasTargets.get(node) ?? null;
  }

  /** What each alias stands for, found in one pass (yaml's resolve() walks the document for each). */
  private aliasTargets: Map<object, Node> | undefined;

  /** The node each alias stands for: the latest anchor of its name before it, in the text's order. */
  private findAliasTargets(): Map<object, Node> {
    const targets = new Map<object, Node>();
    const anchors = new Map<string, Node>();
    const stack: unknown[] = [this.doc.contents];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (node === null || typeof node !== "object") continue;
      if (this.yaml.isAlias(node)) {
        const target = anchors.get(node.source);
        if (target !== undefined) targets.set(node, target);
        continue;
      }
      const anchor = (node as { anchor?: unknown }).anchor;
      if (typeof anchor === "string") anchors.set(anchor, node as Node);
      // Reversed, so that the first item is taken first.
      if (this.yaml.isMap(node))
        for (const pair of [...node.items].reverse()) stack.push(pair.value, pair.key);
      else if (this.yaml.isSeq(node))
        for (const item of [...node.items].reverse()) stack.push(item);
    }
    return targets;
  }

  /** A mapping's value of `key` or a list's item `key`, when it has a place; else undefined. */
  private childOf(parent: Node | null, key: string | number): Node | undefined {
    const node = this.resolved(parent);
    let child: unknown;
    if (this.yaml.isMap(node)) child = this.pairOf(node, String(key))?.value;
    else if (this.yaml.isSeq(node) && typeof key === "number") child = node.items[key];
    return child !== null && typeof child === "object" && "range" in child
      ? (child as Node)
      : undefined;
  }

  /**
   * The entry of `key` in a mapping: its own, else that of the first mapping it merges (`<<:
   * *base`, SPEC 2, v2) that has it, as `yaml` merges them: where a merged value is written is
   * where its problem is.
   */
  private pairOf(map: YamlLibrary.YAMLMap, key: string, depth = 0): YamlLibrary.Pair | undefined {
    let entries = this.entryIndex.get(map);
    if (entries === undefined) {
      // Indexed once per mapping: a mapping of many unknown keys costs one pass, not one a key.
      entries = { pairs: new Map(), merged: [] };
      for (const pair of map.items) {
        if (!this.yaml.isPair(pair) || !this.yaml.isScalar(pair.key)) continue;
        if (typeof pair.key.value === "symbol") entries.merged.push(...this.mergedMaps(pair.value));
        else if (!entries.pairs.has(String(pair.key.value)))
          entries.pairs.set(String(pair.key.value), pair);
      }
      this.entryIndex.set(map, entries);
    }
    const own = entries.pairs.get(key);
    if (own !== undefined || depth > MAX_MERGE_DEPTH) return own;
    for (const source of entries.merged) {
      const pair = this.pairOf(source, key, depth + 1);
      if (pair !== undefined) return pair;
    }
    return undefined;
  }

  private readonly entryIndex = new WeakMap<
    object,
    { pairs: Map<string, YamlLibrary.Pair>; merged: YamlLibrary.YAMLMap[] }
  >();

  /** The mappings a merge key's value names: a mapping, an alias of one, or a list of those. */
  private mergedMaps(value: unknown): YamlLibrary.YAMLMap[] {
    const source = this.resolved(value as Node | null);
    const items = this.yaml.isSeq(source) ? source.items : [source];
    return items
      .map((item) => this.resolved(item as Node | null))
      .filter((item): item is YamlLibrary.YAMLMap => this.yaml.isMap(item));
  }

  /**
   * What is wrong with a merge key's value, if anything: yaml merges a mapping, an alias of one, or
   * a list of those, and refuses anything else (an alias of no anchor too) with an exception of
   * its own.
   */
  private mergeFault(value: unknown): { node: unknown; problem: CodeAndParams } | null {
    const items = this.yaml.isSeq(value) ? value.items : [value];
    for (const item of items) {
      if (this.yaml.isAlias(item)) {
        const target = this.resolved(item);
        if (target === null)
          return { node: item, problem: ["yaml.unknown-alias", { alias: item.source }] };
        if (this.yaml.isMap(target)) continue;
      } else if (this.yaml.isMap(item)) continue;
      return { node: value, problem: ["yaml.merge-not-mapping", {}] };
    }
    return null;
  }

  /**
   * What makes a file unreadable before any field is looked at: a mapping that repeats a key, and
   * lists or mappings far longer than any target file has (their problems alone would take
   * minutes and gigabytes to list).
   */
  shapeProblems(text: string): Problem[] {
    const problems: Problem[] = [];
    const at = (node: Node, ...[code, params]: CodeAndParams) => {
      problems.push(error(this.placeOf(node), code, params));
    };
    const stack: unknown[] = [this.doc.contents];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (this.yaml.isMap(node)) {
        if (node.items.length > MAX_MAPPING_KEYS) {
          at(node, "yaml.mapping-too-large", { keys: node.items.length, max: MAX_MAPPING_KEYS });
          continue;
        }
        const seen = new Set<unknown>();
        for (const pair of node.items) {
          if (this.yaml.isScalar(pair.key) && typeof pair.key.value === "symbol") {
            // A merge key (`<<`), which yaml would refuse with an exception of its own.
            const fault = this.mergeFault(pair.value);
            if (fault !== null) at((fault.node ?? pair.key) as Node, ...fault.problem);
          } else if (this.yaml.isScalar(pair.key)) {
            if (seen.has(pair.key.value)) {
              const name = /^[^:\n]*/.exec(text.slice(pair.key.range?.[0] ?? 0))?.[0].trim();
              at(pair.key, "yaml.duplicate-key", { key: name ?? "" });
            }
            seen.add(pair.key.value);
          }
          stack.push(pair.key, pair.value);
        }
      } else if (this.yaml.isSeq(node)) {
        if (node.items.length > MAX_LIST_ITEMS) {
          at(node, "yaml.list-too-long", {
            items: node.items.length,
            max: MAX_LIST_ITEMS,
            role: this.role,
          });
          continue;
        }
        for (const item of node.items) stack.push(item);
      }
    }
    return problems;
  }
}

/** Merged mappings that merge others, and so on: far deeper than any file needs. */
const MAX_MERGE_DEPTH = 64;

/** The problems that name a character at fault. */
const HINTS: ReadonlySet<ProblemCode> = new Set([
  "yaml.indent-character",
  "yaml.full-width-colon",
  "yaml.plain-value-start",
  "yaml.colon-in-value",
]);

/** What is used of the `yaml` library, which a caller loads only when a file needs it. */
export type Yaml = Pick<
  typeof YamlLibrary,
  "LineCounter" | "parseDocument" | "isAlias" | "isMap" | "isPair" | "isScalar" | "isSeq"
>;

/**
 * A target file's document by `yaml`, which reads any YAML and places every problem of it: for the
 * files the plain reader declines.
 */
export function readYamlDocument(source: SourceText, yaml: Yaml): TargetDocument {
  try {
    return new YamlDocument(source, yaml);
  } catch (cause) {
    // yaml parses nested blocks recursively and does not catch every overflow of the stack.
    if (!(cause instanceof RangeError)) throw cause;
    // Thousands of levels of nesting: said plainly, not as a crash.
    return new UnreadDocument(source.file, ["yaml.nested-too-deeply", {}]);
  }
}

/** A file that no reader could read: one problem at its start. */
class UnreadDocument extends TargetDocument {
  readonly data = undefined;

  constructor(file: string, problem: CodeAndParams) {
    super(file);
    this.reportProblem(null, problem);
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
function checkDocument(
  located: TargetDocument,
  projectDefaults: Readonly<Record<string, unknown>> = {},
): LoadedTargets {
  const { data } = located;
  if (data === undefined) return { targets: [], problems: located.problems };
  reportPrototypeKeys(located, data);
  const tooLarge = reportLargeNumbers(located, data);
  // Most files are a year, defaults and a list of targets: checked by hand, as zod checks them.
  const plain = plainTargetFile(data);
  const file =
    plain === null
      ? checkingSchemas().targetFileSchema.safeParse(data)
      : { success: true as const, data: plain };
  if (!file.success) {
    const fileKeys = Object.keys(checkingSchemas().targetFileSchema.shape);
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
  // `year: 22` is 2022 written short, as a date's two-digit year is (SPEC 3): never the year 22.
  if (year !== undefined && year < 100)
    located.report(located.nodeAt(["year"]), "target.year-two-digit", { year, write: 2000 + year });
  checkDefaults(located, defaults);
  reportSeveralOwners(located, null, defaults);
  items.forEach((item, index) => {
    reportSeveralOwners(located, index, item);
  });
  const targets: Target[] = [];
  const applied = appliedDefaults(projectDefaults, defaults);
  items.forEach((item, index) => {
    const target = buildTarget(located, item, index, applied, year);
    if (target) targets.push(target);
  });
  return { targets: located.problems.length > 0 ? [] : targets, problems: located.problems };
}

/**
 * A name is one body (SPEC 2, v2): `owner: 经信局、商务局` would be ranked as a body that does not
 * exist. Said where the name is written, in the defaults (index null) or in target `index`; the
 * path to it is made only for a problem.
 */
function reportSeveralOwners(
  located: TargetDocument,
  index: number | null,
  record: Record<string, unknown>,
): void {
  if (!Object.hasOwn(record, "owner")) return;
  const { owner } = record;
  const report = (name: unknown, ...at: Path) => {
    if (typeof name !== "string" || isOneSeenName(name)) return;
    const path = index === null ? ["defaults", "owner", ...at] : ["targets", index, "owner", ...at];
    reportOwnerName(located, located.nodeAt(path), name);
  };
  if (!Array.isArray(owner)) report(owner);
  else
    owner.forEach((name, at) => {
      report(name, at);
    });
}

/** Whether a name is one body, every character of it seen: nothing to report, no node to find. */
function isOneSeenName(name: string): boolean {
  return severalOwners(name) === null && unseenCharacterOf(name.trim()) === null;
}

/**
 * An owner's name at `node` is one body as it is seen: no separator of several (`经信局、商务局`),
 * and no character that cannot be seen (`经信局` with a zero-width space would be ranked as
 * another body that looks the same).
 */
export function reportOwnerName(
  located: TargetDocument,
  node: Positioned | null,
  name: string,
): void {
  const several = severalOwners(name);
  if (several !== null) located.report(node, "owner.several-names", { name, names: several });
  const unseen = unseenCharacterOf(name.trim());
  if (unseen !== null)
    located.report(
      { range: [located.placeOfCharacterOffset(node, String.fromCodePoint(unseen))] },
      "owner.invisible-character",
      { name, codePoint: unseen },
    );
}

/**
 * zod leaves a `__proto__` key out of the records it checks (`defaults` and each target), since it
 * cannot be assigned as a key: report it here, or an unknown key would vanish silently.
 */
function reportPrototypeKeys(located: TargetDocument, data: unknown): void {
  if (data === null || typeof data !== "object") return;
  const { defaults, targets } = data as Record<string, unknown>;
  // The defaults (index null), then each target.
  const check = (record: unknown, index: number | null) => {
    if (record === null || typeof record !== "object" || !Object.hasOwn(record, "__proto__"))
      return;
    const path = index === null ? ["defaults"] : ["targets", index];
    located.report(located.keyAt(path, "__proto__"), "target.unknown-key", {
      key: "__proto__",
      suggestion: null,
    });
  };
  check(defaults, null);
  if (Array.isArray(targets)) targets.forEach(check);
}

/**
 * Every number of a file must lie within ±MAX_MAGNITUDE: larger ones would overflow to Infinity in
 * the evaluation (a span, E(t), a sum) and give a status or a value that is silently wrong.
 */
function reportLargeNumbers(located: TargetDocument, data: unknown): boolean {
  // The plain reader saw every number: no walk of 5,000 targets' nodes when none is too large.
  if (located.largestNumber <= MAX_MAGNITUDE) return false;
  // Each node with its key and its parent's entry: its path is made only for a problem (a path
  // for each of a large file's nodes was a tenth of what reading its targets allocated).
  const stack: NodeEntry[] = [{ value: data, key: null, parent: null }];
  const seen = new Set<object>();
  let found = 0;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value } = next;
    if (isTooLarge(value)) {
      // Past the cap of listed problems, finding a node's place is work for nothing.
      if (found++ >= MAX_PROBLEMS_PER_FILE) continue;
      const path = pathOfEntry(next);
      located.report(located.nodeAt(path), "target.number-too-large", {
        field: describePath(path),
        value,
      });
    } else if (value !== null && typeof value === "object" && !seen.has(value)) {
      // An alias shares its object: it is looked at once.
      seen.add(value);
      const isArray = Array.isArray(value);
      for (const key of Object.keys(value)) {
        const child = (value as Record<string, unknown>)[key];
        // Only the numbers too large and the mappings and lists are stacked, in the order of the
        // others: the text most values are, and most numbers, would only be taken off again.
        if (isTooLarge(child) || (child !== null && typeof child === "object"))
          stack.push({ value: child, key: isArray ? Number(key) : key, parent: next });
      }
    }
  }
  const more = found - MAX_PROBLEMS_PER_FILE;
  if (more > 0) located.report(null, "target.more-numbers-too-large", { count: more });
  return found > 0;
}

/** A number beyond ±MAX_MAGNITUDE, which the evaluation could overflow with. */
export function isTooLarge(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && Math.abs(value) > MAX_MAGNITUDE;
}

/** A node of a document's data as reportLargeNumbers walks it: its value, key and parent. */
interface NodeEntry {
  value: unknown;
  key: string | number | null;
  parent: NodeEntry | null;
}

function pathOfEntry(entry: NodeEntry): Path {
  const path: (string | number)[] = [];
  for (let at: NodeEntry | null = entry; at !== null && at.key !== null; at = at.parent)
    path.push(at.key);
  return path.reverse();
}

/** Every key that some kind of target has, except the id, which cannot have a default. */
let defaultableKeys: Set<string> | undefined;
function defaultable(): Set<string> {
  defaultableKeys ??= new Set(
    Object.values(PLAIN_FIELDS).flatMap((fields) =>
      Object.keys(fields).filter((key) => key !== "id"),
    ),
  );
  return defaultableKeys;
}

/**
 * The keys of a `defaults` mapping: fields of some kind, never the id. With `values`, each value
 * is checked too, against the field of every kind that has it (the project file's defaults, whose
 * problems must be placed in the project file, not at the targets they would apply to).
 */
export function checkDefaults(
  located: TargetDocument,
  defaults: Readonly<Record<string, unknown>>,
  values = false,
): void {
  for (const key of Object.keys(defaults)) {
    if (key === "id") located.report(located.keyAt(["defaults"], key), "target.id-default", {});
    else if (!defaultable().has(key))
      located.reportProblem(located.keyAt(["defaults"], key), unknownKey(defaultable())(key));
    else if (values) {
      // A value of its simple form for some kind's field needs no schema (plain-target.ts).
      const value = defaults[key];
      if (
        KINDS.some((kind) => isFieldOf(kind, key) && PLAIN_FIELDS[kind][key]?.(value) !== undefined)
      )
        continue;
      const fields = KINDS.flatMap((kind) => {
        const shape = checkingSchemas().targetSchemas[kind].shape as Record<string, z.ZodMiniType>;
        return Object.hasOwn(shape, key) ? [shape[key] as z.ZodMiniType] : [];
      });
      const results = fields.map((field) => field.safeParse(defaults[key]));
      if (results.some((result) => result.success)) continue;
      const failed = results[0];
      if (failed === undefined || failed.success) continue;
      reportIssues(
        located,
        failed.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] })),
        (path) => ["defaults", ...path],
        defaults,
        () => unknownKey(MILESTONE_KEYS),
      );
    }
  }
}

/** A file's defaults and the project's, and those of them that apply to each kind of target. */
interface AppliedDefaults {
  file: Readonly<Record<string, unknown>>;
  project: Readonly<Record<string, unknown>>;
  of: (kind: Kind) => Readonly<Record<string, unknown>>;
}

/**
 * The defaults that apply to each kind of target, the project's under the file's (SPEC 2.5), made
 * once per kind for a file, not for each of its targets. Own keys only: "constructor" or
 * "toString" in defaults is an unknown key, not a field.
 */
function appliedDefaults(
  project: Readonly<Record<string, unknown>>,
  file: Readonly<Record<string, unknown>>,
): AppliedDefaults {
  const byKind = new Map<Kind, Record<string, unknown>>();
  const of = (kind: Kind) => {
    let applied = byKind.get(kind);
    if (applied === undefined) {
      applied = {};
      for (const [key, value] of Object.entries(project))
        if (key !== "id" && isFieldOf(kind, key)) applied[key] = value;
      for (const [key, value] of Object.entries(file))
        if (isFieldOf(kind, key)) applied[key] = value;
      byKind.set(kind, applied);
    }
    return applied;
  };
  return { file, project, of };
}

/**
 * Validate one entry of `targets` with the defaults applied: a default applies to the targets
 * whose kind has that field. Problems point at the entry's own key, else at the default.
 */
function buildTarget(
  located: TargetDocument,
  item: Record<string, unknown>,
  index: number,
  applied: AppliedDefaults,
  year: number | undefined,
): Target | null {
  const defaults = applied.file;
  const itemPath = ["targets", index];
  const kind = item.kind ?? defaults.kind ?? applied.project.kind ?? "progress";
  if (!KINDS.includes(kind as Kind)) {
    const where = "kind" in item ? itemPath : ["defaults"];
    located.report(located.nodeAt([...where, "kind"]), "schema.invalid", {
      field: "kind",
      expected: "kind",
      got: show(kind),
      suggestion: typeof kind === "string" ? (closestMatch(kind, KINDS) ?? null) : null,
    });
    return null;
  }
  const merged: Record<string, unknown> = Object.assign({}, applied.of(kind as Kind), item);

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
  // Most targets have their fields in their simple forms: checked by hand, as zod checks them.
  const plain = plainTarget(kind as Kind, merged);
  const parsed =
    plain === null
      ? checkingSchemas().targetSchemas[kind as Kind].safeParse(merged)
      : { success: true as const, data: plain };
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
    case "growth":
      return buildGrowth(context, parsed.data as GrowthTargetInput);
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

/** The problem of an unknown key, with the closest of the keys that belong there. */
function unknownKey(known: Iterable<string>): (key: string) => CodeAndParams {
  return (key) => ["target.unknown-key", { key, suggestion: closestMatch(key, known) ?? null }];
}

/**
 * An unknown key of a target: a field of another kind says so (the kind is likely what is wrong),
 * else the closest key of this kind is suggested.
 */
function unknownTargetKey(kind: Kind): (key: string) => CodeAndParams {
  return (key) => {
    // Own keys only: a YAML key such as "constructor" is no field of any kind.
    const owners = KINDS.filter((other) => isFieldOf(other, key));
    if (owners.length > 0) return ["target.key-of-other-kind", { key, kind, owners }];
    return unknownKey(Object.keys(PLAIN_FIELDS[kind]))(key);
  };
}

/**
 * A hint for a milestone progress written as a number: 0.3 was likely meant as "30%", and 30 as
 * "30%". Only milestones: elsewhere a bare number is a valid amount and nothing can be guessed.
 */
function percentHint(path: Path, value: unknown): string | null {
  if (path[path.length - 1] !== "progress" || path[0] !== "schedule") return null;
  if (typeof value !== "number" || !(value > 0) || value > 100) return null;
  const percent = value < 1 ? Number((value * 100).toPrecision(12)) : value;
  return `${percent}%`;
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
  unknownKeyProblem: (path: Path) => (key: string) => CodeAndParams,
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
      reportIssues(located, inner, toDocPath, data, unknownKeyProblem);
      continue;
    }
    if (issue.code === "unrecognized_keys") {
      const problemOf = unknownKeyProblem(path);
      for (const key of issue.keys) {
        // A line indented with no-break or full-width spaces reads as a key that starts with them.
        const indent = indentCharacterOf(key);
        located.reportProblem(
          located.keyAt(toDocPath(path), key),
          indent === null ? problemOf(key) : ["yaml.indent-character", { character: indent }],
        );
      }
      continue;
    }
    const value = valueAt(data, path);
    const node = located.nodeAt(toDocPath(path));
    const field = describePath(path);
    if (issue.message === REQUIRED) {
      located.report(node, "schema.required", { field });
      continue;
    }
    const expected = isExpectation(issue.message) ? issue.message : "valid";
    // A zero-width space makes an id that looks like another: the character is named, at its place.
    const unseen =
      expected === "id-characters" && typeof value === "string" ? unseenCharacterOf(value) : null;
    if (unseen !== null) {
      located.report(
        { range: [located.placeOfCharacterOffset(node, String.fromCodePoint(unseen))] },
        "target.id-invisible-character",
        { id: value as string, codePoint: unseen },
      );
      continue;
    }
    // `key：value` where a mapping belongs is one text to YAML: the full-width colon is the fault.
    if (typeof value === "string" && value.includes("：") && MAPPINGS.has(expected)) {
      located.report(node, "yaml.full-width-colon", {});
      continue;
    }
    // Quote the value when it is short enough to help: a scalar, or a list where a mapping belongs.
    const scalar = value !== undefined && (value === null || typeof value !== "object");
    const got =
      value !== undefined && (scalar || issue.code === "invalid_type") ? show(value) : null;
    const suggestion =
      typeof value === "string"
        ? (closestMatch(value, allowedStrings(issue).filter(sameNumbers(value))) ?? null)
        : percentHint(path, value);
    located.report(node, "schema.invalid", { field, expected, got, suggestion });
  }
}

/**
 * Whether a word has the numbers of `written`, each with the same digits in any order (`q58` is
 * `q85` with two digits swapped): in `h60-q85` the numbers are its meaning (60% by mid-year), so
 * `h50-q85` is another schedule, never a "did you mean".
 */
function sameNumbers(written: string): (word: string) => boolean {
  const numbers = (text: string) =>
    (text.match(/\d+/g) ?? []).map((number) => [...number].sort().join("")).join(" ");
  const own = numbers(written);
  return (word) => numbers(word) === own;
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

export function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** `schedule[1].by`, `owners[2]`: a path as a reader of the file names it; null for the file. */
export function describePath(path: Path): string | null {
  return (
    path
      .map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`))
      .join("") || null
  );
}

/** The expectations whose value is a mapping of keys. */
const MAPPINGS: ReadonlySet<Expectation> = new Set(["file", "target-fields", "milestone"]);

function isExpectation(message: string): message is Expectation {
  return (EXPECTATIONS as readonly string[]).includes(message);
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

/** A value as a problem shows it: quoted text or a number, cut short; a list or mapping by its shape. */
export function show(value: unknown): Shown {
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? { shape: "invalid-date" }
      : { text: value.toISOString() };
  if (Array.isArray(value)) return { shape: "list" };
  if (value !== null && typeof value === "object") return { shape: "mapping" };
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return { text: text.length > 60 ? `${text.slice(0, 57)}...` : text };
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
    weight?: number | undefined;
    due_days?: number | undefined;
  },
  resultBy: Day | null,
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
    weight: input.weight ?? 1,
    dueDays: input.due_days ?? null,
    resultBy,
  };
}

/**
 * `result_by` (SPEC 2.5): a date after the deadline (a level target's: its year's end); undefined
 * after a problem.
 */
function resultByField(
  context: BuildContext,
  text: string | undefined,
  deadline: Day | null,
): Day | null | undefined {
  if (text === undefined) return null;
  const parsed = parseIsoDate(text);
  if (!parsed.ok) {
    context.located.report(context.at(["result_by"]), "target.date-not-calendar", {
      field: "result_by",
      value: text,
    });
    return undefined;
  }
  if (deadline === null) {
    context.located.report(context.at(["result_by"]), "target.date-needs-year", {
      field: "result_by",
    });
    return undefined;
  }
  if (parsed.day <= deadline) {
    context.located.report(context.at(["result_by"]), "target.result-by-not-after", {
      resultBy: text,
      deadline: formatDay(deadline),
    });
    return undefined;
  }
  return parsed.day;
}

type ReferenceInput = { ref: string; plus?: number | undefined; times?: number | undefined };

/** A number or a reference as written: the number, or the reference and its place; undefined after a problem. */
function numberOrReference(
  context: BuildContext,
  key: string,
  value: number | ReferenceInput | undefined,
): { value: number | null; ref: Reference | null } | undefined {
  if (value === undefined) return { value: null, ref: null };
  if (typeof value === "number") return { value, ref: null };
  if (value.plus !== undefined && value.times !== undefined) {
    context.located.report(context.at([key, "times"]), "target.reference-both", {});
    return undefined;
  }
  return {
    value: null,
    ref: {
      ref: value.ref,
      plus: value.plus ?? null,
      times: value.times ?? null,
      place: context.located.placeOf(context.at([key, "ref"])),
    },
  };
}

/**
 * The report calendar of a target with report dates (SPEC 4.1): its frequency, and the first
 * report of each year, which only a monthly target may set; undefined after a problem.
 */
function reported(
  context: BuildContext,
  input: { frequency?: Frequency | undefined; first_report?: string | undefined },
): { frequency: Frequency; firstReport: MonthDay | null } | undefined {
  const frequency = input.frequency ?? "monthly";
  if (input.first_report === undefined) return { frequency, firstReport: null };
  if (frequency !== "monthly") {
    context.located.report(context.at(["first_report"]), "target.first-report-not-monthly", {
      frequency,
    });
    return undefined;
  }
  const [, month, day] = (MONTH_DAY_PATTERN.exec(input.first_report) ?? []).map(Number);
  // Any day of a leap year: 02-29 is the month's last day in other years.
  if (!(month && day && month <= 12 && day <= daysInMonth(2000, month))) {
    context.located.report(context.at(["first_report"]), "target.first-report-not-calendar", {
      value: input.first_report,
    });
    return undefined;
  }
  return { frequency, firstReport: { month, day } };
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
    context.located.report(context.at([key]), "target.date-not-calendar", {
      field: key,
      value: text,
    });
    return null;
  }
  if (context.year === undefined) {
    if (fallback === "start") return null;
    context.located.report(context.at([]), "target.date-needs-year", { field: key });
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

/** The start and deadline of a progress or growth target, or null after saying what is wrong. */
function periodOf(
  context: BuildContext,
  input: { start?: string; deadline?: string },
): { start: Day; deadline: Day } | null {
  const deadline = dateField(context, "deadline", input.deadline, "end");
  let start = dateField(context, "start", input.start, "start");
  if (deadline === null || (start === null && input.start !== undefined)) return null;
  // With no year and no start, the period starts on Jan 1 of the deadline's year.
  start ??= dayFromCivil(civilFromDay(deadline).year, 1, 1);
  if (start > deadline) {
    context.located.report(context.at(["deadline"]), "target.deadline-before-start", {
      deadline: formatDay(deadline),
      start: formatDay(start),
    });
    return null;
  }
  return { start, deadline };
}

function buildProgress(context: BuildContext, input: ProgressTargetInput): Target | null {
  const { located } = context;
  const period = periodOf(context, input);
  if (period === null) return null;
  const { start, deadline } = period;
  const baseline = input.baseline ?? 0;
  // Values closer than 1e-9 are equal (SPEC 2.1): a nearer target has no direction, and its
  // progress (a share of the span) would overflow.
  if (Math.abs(input.target - baseline) < 1e-9) {
    located.report(context.at(["target"]), "target.target-equals-baseline", { baseline });
    return null;
  }
  const schedule = input.schedule ?? "q30-h60-q85";
  const specs: readonly { spec: MilestoneSpec; index: number | null }[] =
    typeof schedule === "string"
      ? presetSpecs(schedule, start, deadline)
      : collectMilestones(context, schedule);
  const milestones = checkMilestones(context, specs, {
    start,
    deadline,
    baseline,
    target: input.target,
  });
  const calendar = reported(context, input);
  const resultBy = resultByField(context, input.result_by, deadline);
  if (milestones === null || calendar === undefined || resultBy === undefined) return null;
  // 左右 is a slack beside the target: one as large as the span makes every value achieved.
  if ((input.about ?? 0) >= Math.abs(input.target - baseline)) {
    located.report(context.at(["about"]), "target.about-over-span", {
      about: input.about ?? 0,
      baseline,
      target: input.target,
    });
    return null;
  }
  return Object.assign(common(context, input, resultBy), calendar, {
    kind: "progress" as const,
    target: input.target,
    baseline,
    start,
    deadline,
    milestones,
    interpolation: input.interpolation ?? "linear",
    tolerance: tolerance(input.tolerance, { percent: 10 }),
    aggregate: input.aggregate ?? "last",
    about: input.about ?? 0,
  });
}

function buildGrowth(context: BuildContext, input: GrowthTargetInput): Target | null {
  const { located } = context;
  const period = periodOf(context, input);
  if (period === null) return null;
  const { start, deadline } = period;
  const rate = numberOrReference(context, "rate", input.rate);
  if (rate === undefined) return null;
  // "下降3%" is a fall at least that large: a negative rate without a bound could be read both ways.
  if (rate.value !== null && rate.value < 0 && input.bound === undefined) {
    located.report(context.at(["rate"]), "target.growth-needs-bound", { rate: rate.value });
    return null;
  }
  const calendar = reported(context, input);
  const resultBy = resultByField(context, input.result_by, deadline);
  if (calendar === undefined || resultBy === undefined) return null;
  // A slack as large as the rate takes the bound past 0 (持平, rate 0, takes any 左右).
  const about = tolerance(input.about, { amount: 0 });
  if (rate.value !== null && rate.value !== 0) {
    const slack = "amount" in about ? about.amount : (about.percent / 100) * Math.abs(rate.value);
    if (slack >= Math.abs(rate.value)) {
      located.report(context.at(["about"]), "target.about-over-rate", {
        about: String(input.about),
        rate: rate.value,
      });
      return null;
    }
  }
  return Object.assign(common(context, input, resultBy), calendar, {
    kind: "growth" as const,
    rate: rate.value,
    rateRef: rate.ref,
    bound: input.bound ?? "min",
    about,
    tolerance: tolerance(input.tolerance, { percent: 10 }),
    input: input.input ?? "rate",
    amount: input.amount ?? null,
    start,
    deadline,
  });
}

/**
 * A preset's milestones, as `checkMilestones` takes them: the last period's kept, since most of a
 * file's targets share their year and preset (5,000 targets, one list). Never changed by a caller.
 */
function presetSpecs(preset: Preset, start: Day, deadline: Day): readonly PresetSpec[] {
  const last = lastPreset;
  if (last.preset === preset && last.start === start && last.deadline === deadline)
    return last.specs;
  const specs = presetMilestones(preset, start, deadline).map((spec) => ({ spec, index: null }));
  lastPreset = { preset, start, deadline, specs };
  return specs;
}

type PresetSpec = { spec: MilestoneSpec; index: null };
let lastPreset: { preset: Preset | ""; start: Day; deadline: Day; specs: readonly PresetSpec[] } = {
  preset: "",
  start: 0,
  deadline: 0,
  specs: [],
};

function collectMilestones(
  context: BuildContext,
  schedule: { by: string; progress?: string | undefined; value?: number | undefined }[],
): { spec: MilestoneSpec; index: number | null }[] {
  const specs: { spec: MilestoneSpec; index: number | null }[] = [];
  schedule.forEach((milestone, index) => {
    const by = parseIsoDate(milestone.by);
    if (!by.ok) {
      context.located.report(context.at(["schedule", index, "by"]), "target.date-not-calendar", {
        field: `schedule[${index}].by`,
        value: milestone.by,
      });
      return;
    }
    if ((milestone.progress === undefined) === (milestone.value === undefined)) {
      context.located.report(
        context.at(["schedule", index]),
        milestone.progress === undefined
          ? "target.milestone-needs-amount"
          : "target.milestone-both-amounts",
        { index },
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
  specs: readonly { spec: MilestoneSpec; index: number | null }[],
  period: { start: Day; deadline: Day; baseline: number; target: number },
): SchedulePoint[] | null {
  const problemsBefore = context.located.problems.length;
  const direction = progressDirection(period);
  const points: SchedulePoint[] = [];
  let previous: SchedulePoint = { by: period.start - 1, value: period.baseline };
  for (const { spec, index } of specs) {
    // Its place and its date in words only for a problem: 5,000 targets have 15,000 milestones.
    const value = milestoneValue(spec, period.baseline, period.target);
    if (spec.by < period.start || spec.by >= period.deadline) {
      context.located.report(milestoneNode(context, index), "target.milestone-outside-period", {
        index,
        by: formatDay(spec.by),
        start: formatDay(period.start),
        deadline: formatDay(period.deadline),
      });
    } else if (spec.by <= previous.by && points.length > 0) {
      context.located.report(milestoneNode(context, index), "target.milestone-out-of-order", {
        index,
        by: formatDay(spec.by),
      });
    } else if (
      direction * (value - previous.value) < 0 ||
      direction * (value - period.target) > 0
    ) {
      context.located.report(milestoneNode(context, index), "target.milestone-not-between", {
        index,
        value,
        previous: previous.value,
        target: period.target,
      });
    } else {
      const point = { by: spec.by, value };
      points.push(point);
      previous = point;
    }
  }
  return context.located.problems.length > problemsBefore ? null : points;
}

/** The node of a milestone of the schedule, or of the schedule's preset (index null). */
function milestoneNode(context: BuildContext, index: number | null): Positioned | null {
  return context.at(index === null ? ["schedule"] : ["schedule", index]);
}

function buildLevel(context: BuildContext, input: LevelTargetInput): Target | null {
  const { located } = context;
  const minField = numberOrReference(context, "min", input.min);
  const maxField = numberOrReference(context, "max", input.max);
  if (minField === undefined || maxField === undefined) return null;
  const min = minField.value;
  const max = maxField.value;
  if (input.min === undefined && input.max === undefined) {
    located.report(context.at([]), "target.level-needs-bound", {});
    return null;
  }
  if (min !== null && max !== null && min > max) {
    located.report(context.at(["max"]), "target.max-below-min", { max, min });
    return null;
  }
  const stretch = input.stretch ?? null;
  if (
    stretch !== null &&
    (max !== null ? stretch > max : min !== null && maxField.ref === null && stretch < min)
  ) {
    located.report(context.at(["stretch"]), "target.stretch-not-better", {
      stretch,
      bound: max !== null ? "max" : "min",
      value: max ?? (min as number),
    });
    return null;
  }
  const calendar = reported(context, input);
  const yearEnd = context.year === undefined ? null : dayFromCivil(context.year, 12, 31);
  const resultBy = resultByField(context, input.result_by, yearEnd);
  if (calendar === undefined || resultBy === undefined) return null;
  return Object.assign(common(context, input, resultBy), calendar, {
    kind: "level" as const,
    year: context.year ?? null,
    min,
    max,
    minRef: minField.ref,
    maxRef: maxField.ref,
    tolerance: tolerance(input.tolerance, { amount: 0 }),
    stretch,
    about: input.about ?? 0,
    breachAfter: input.breach_after ?? null,
  });
}

function buildMilestone(context: BuildContext, input: MilestoneTargetInput): Target | null {
  const deadline = dateField(context, "deadline", input.deadline, "end");
  if (deadline === null) return null;
  const resultBy = resultByField(context, input.result_by, deadline);
  if (resultBy === undefined) return null;
  return Object.assign(common(context, input, resultBy), {
    kind: "milestone" as const,
    deadline,
    warnDays: input.warn_days ?? 30,
  });
}
