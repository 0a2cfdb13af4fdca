/**
 * The project file `kpi.yaml` (SPEC section 7): text → a YAML document whose nodes have their
 * places (the target files' readers) → the settings, or problems placed at the node they are
 * about. Pure: the caller reads the file, and loads `yaml` only when the plain reader declines it.
 */
import type * as z from "zod/mini";
import { parseDate } from "../core/dates.js";
import { compare, type Fraction, fractionOf, toNumber } from "../core/fraction.js";
import type { Expectation, ProblemParams } from "../core/problem-codes.js";
import type { CodeAndParams, Problem } from "../core/problems.js";
import {
  type AsOfSetting,
  type Contact,
  type ContactIds,
  DEFAULT_PROJECT,
  DEFAULT_SCORES,
  PLATFORMS,
  type Platform,
  type ProjectSettings,
  type Scores,
} from "../core/project.js";
import { lateScore } from "../core/scoring.js";
import { closestMatch } from "../core/suggest.js";
import { canonicalTimeZone, suggestTimeZone } from "../core/time-zone.js";
import { isPlainMapping } from "./plain-target.js";
import {
  CONTACT_KEYS,
  PROJECT_EXPECTATIONS,
  PROJECT_KEYS,
  type ProjectFileInput,
  projectFileSchema,
  SCORE_KEYS,
} from "./project-schema.js";
import { REQUIRED } from "./target-schema.js";
import {
  checkDefaults,
  describePath,
  isTooLarge,
  readTargetDocument,
  reportOwnerName,
  type SourceText,
  show,
  type TargetDocument,
  valueAt,
  type Yaml,
} from "./targets.js";
import { indentCharacterOf } from "./yaml-problems.js";

/** The name of the project file in the working folder. */
export const PROJECT_FILE = "kpi.yaml";

export interface LoadedProject {
  /** The settings; null when the file has an error. */
  settings: ProjectSettings | null;
  problems: Problem[];
}

/** The settings of a project file's text, for a caller that holds `yaml`. */
export function parseProjectFile(source: SourceText, yaml: Yaml): LoadedProject {
  return projectSettingsOf(readTargetDocument({ ...source, role: "project" }, yaml));
}

type Path = readonly (string | number)[];

/**
 * The settings of a project file's document (read as target files are, so that its problems are
 * placed and worded the same way). A file of nothing but comments is the defaults.
 */
export function projectSettingsOf(document: TargetDocument): LoadedProject {
  const { data } = document;
  if (data === undefined) {
    // Every key is optional: a file with none is no error, as it is for a target file.
    const empty =
      document.problems.length === 1 && document.problems[0]?.code === "target.empty-file";
    return empty ? { settings: DEFAULT_PROJECT, problems: [] } : fail(document);
  }
  if (data === null) return { settings: DEFAULT_PROJECT, problems: [] };
  const tooLarge = reportLargeNumbers(document, data);
  const plain = plainProjectInput(data);
  const parsed =
    plain === null ? projectFileSchema().safeParse(data) : { success: true as const, data: plain };
  if (!parsed.success) {
    // A number too large is said once, as such, not again as a number of the wrong kind.
    const issues = parsed.error.issues.filter(
      (issue) => !tooLarge.has(describePath(pathOf(issue))),
    );
    reportIssues(document, issues, data);
    return fail(document);
  }
  if (document.problems.length > 0) return fail(document);
  const input = parsed.data;
  const owners = checkOwners(document, input.owners);
  const asOf = asOfSetting(document, input.as_of);
  const timezone = timeZone(document, input.timezone);
  const scores = checkScores(document, input.scores);
  // Every target field but the id, each value one that some kind's field takes (SPEC 7, v2.1).
  if (input.defaults !== undefined) checkDefaults(document, input.defaults, true);
  if (document.problems.length > 0) return fail(document);
  return {
    settings: {
      office: input.office ?? null,
      title: input.title ?? null,
      notice: input.notice ?? null,
      issue: input.issue ?? null,
      dueDays: input.due_days ?? DEFAULT_PROJECT.dueDays,
      owners,
      scores,
      allowUnknown: input.allow_unknown ?? DEFAULT_PROJECT.allowUnknown,
      lang: input.lang ?? null,
      asOf: asOf ?? DEFAULT_PROJECT.asOf,
      timezone,
      defaults: input.defaults ?? DEFAULT_PROJECT.defaults,
      contacts: contactsOf(document, input.contacts),
    },
    problems: [],
  };
}

/**
 * The input of a file of the common keys, each in its simple form, checked by hand as the schema
 * checks it (texts trimmed, whole days, a list of names); null for anything else, which the schema
 * checks and words the problems of. A property test holds the two equal wherever this answers.
 */
export function plainProjectInput(data: unknown): ProjectFileInput | null {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return null;
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    const value = (data as Record<string, unknown>)[key];
    switch (key) {
      case "office":
      case "title":
      case "notice": {
        const text = trimmedText(value);
        if (text === null) return null;
        input[key] = text;
        break;
      }
      case "due_days":
        if (!(Number.isSafeInteger(value) && (value as number) >= 0)) return null;
        input[key] = value;
        break;
      case "owners": {
        if (!Array.isArray(value) || value.length === 0) return null;
        const names: string[] = [];
        for (const name of value) {
          const text = trimmedText(name);
          if (text === null) return null;
          names.push(text);
        }
        input[key] = names;
        break;
      }
      case "allow_unknown":
        if (typeof value !== "boolean") return null;
        input[key] = value;
        break;
      case "lang":
        if (value !== "zh" && value !== "en") return null;
        input[key] = value;
        break;
      case "as_of":
      case "timezone":
        if (typeof value !== "string") return null;
        input[key] = value;
        break;
      case "defaults":
        // A mapping, as the schema's record takes it; its keys and values are checked after.
        if (!isPlainMapping(value)) return null;
        input[key] = { ...value };
        break;
      default:
        // scores, contacts and unknown keys: the schema's.
        return null;
    }
  }
  return input as ProjectFileInput;
}

/**
 * The language a project file asks for even when it has an error, so that its problems are worded
 * in it (SPEC 7): the `lang` of its data when the YAML was read, else a top-level `lang: zh` or
 * `lang: en` line of its text (a full-width colon elsewhere, say, keeps the YAML from being read).
 * Null when it names neither; the wording then follows the environment.
 */
export function declaredLanguage(data: unknown, text: string): ProjectSettings["lang"] {
  if (data !== undefined) {
    const lang = isPlainMapping(data) ? data.lang : undefined;
    return lang === "zh" || lang === "en" ? lang : null;
  }
  const line = LANG_LINE.exec(text);
  return line === null ? null : (line[2] as "zh" | "en");
}

/** A top-level `lang:` line whose value is zh or en, plain or quoted, and perhaps a comment. */
const LANG_LINE = /^lang[ ]*:[ ]+(["']?)(zh|en)\1[ ]*(?:#.*)?\r?$/m;

/** A text of at least one character once trimmed, trimmed; null for anything else. */
function trimmedText(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  return text === "" ? null : text;
}

function fail(document: TargetDocument): LoadedProject {
  return { settings: null, problems: document.problems };
}

/** Each owner is one body, named once. */
function checkOwners(document: TargetDocument, owners: string[] | undefined): string[] | null {
  if (owners === undefined) return null;
  const first = new Map<string, number>();
  owners.forEach((owner, index) => {
    const node = document.nodeAt(["owners", index]);
    reportOwnerName(document, node, owner);
    const earlier = first.get(owner);
    if (earlier === undefined) first.set(owner, index);
    else
      document.report(node, "project.duplicate-owner", {
        owner,
        first: document.placeOf(document.nodeAt(["owners", earlier])),
      });
  });
  return owners;
}

/**
 * `contacts`: each owner's ids by platform, each id as text (a mobile number YAML read as a
 * number is its digits), with the owner's place: an owner no target has is an error there.
 */
function contactsOf(document: TargetDocument, given: ProjectFileInput["contacts"]): Contact[] {
  if (given === undefined) return [];
  return Object.entries(given).map(([owner, platforms]) => {
    const ids: Partial<Record<Platform, ContactIds>> = {};
    for (const platform of PLATFORMS) {
      const entry = platforms[platform] as
        | { user_ids?: (string | number)[]; mobiles?: (string | number)[] }
        | undefined;
      if (entry === undefined) continue;
      const texts = (list: (string | number)[] | undefined) =>
        (list ?? []).map((id) => (typeof id === "number" ? String(id) : id.trim()));
      ids[platform] = { userIds: texts(entry.user_ids), mobiles: texts(entry.mobiles) };
    }
    return {
      owner: owner.trim(),
      place: document.placeOf(document.keyAt(["contacts"], owner)),
      ids,
    };
  });
}

/** `as_of`: any date form `--as-of` takes, `latest-data` or `today`. */
function asOfSetting(document: TargetDocument, text: string | undefined): AsOfSetting | null {
  if (text === undefined) return null;
  const word = text.trim().toLowerCase();
  if (word === "today") return { kind: "today" };
  if (word === "latest-data") return { kind: "latest-data" };
  const parsed = parseDate(text);
  if (parsed.ok) return { kind: "date", day: parsed.day };
  const node = document.nodeAt(["as_of"]);
  if (parsed.error === "impossible")
    document.report(node, "project.as-of-not-calendar", { value: text });
  else {
    const words = ["latest-data", "today"];
    const dashed = word.replace(/_/g, "-");
    document.report(node, "project.as-of-invalid", {
      value: text,
      suggestion: words.includes(dashed) ? dashed : (closestMatch(dashed, words) ?? null),
    });
  }
  return null;
}

/** `timezone`: an IANA zone, kept by its canonical name. */
function timeZone(document: TargetDocument, name: string | undefined): string | null {
  if (name === undefined) return null;
  const canonical = canonicalTimeZone(name.trim());
  if (canonical !== null) return canonical;
  document.report(document.nodeAt(["timezone"]), "project.timezone-unknown", {
    value: name,
    suggestion: suggestTimeZone(name),
  });
  return null;
}

/** The points, each given one over its default; a missing report never scores above a red one. */
function checkScores(document: TargetDocument, given: ProjectFileInput["scores"]): Scores {
  if (given === undefined) return DEFAULT_SCORES;
  const scores: Scores = {
    green: given.green ?? DEFAULT_SCORES.green,
    yellow: given.yellow ?? DEFAULT_SCORES.yellow,
    red: given.red ?? DEFAULT_SCORES.red,
    missing: given.missing ?? DEFAULT_SCORES.missing,
    latePenalty: given.late_penalty ?? DEFAULT_SCORES.latePenalty,
  };
  if (scores.missing > scores.red) {
    const key = given.missing === undefined ? "red" : "missing";
    document.report(document.nodeAt(["scores", key]), "project.missing-above-red", {
      missing: scores.missing,
      red: scores.red,
    });
  } else {
    const late = lowestLateScore(scores);
    if (late !== null) {
      const key = given.missing === undefined ? "late_penalty" : "missing";
      document.report(document.nodeAt(["scores", key]), "project.missing-above-late", late);
    }
  }
  return scores;
}

/**
 * The lowest score of a late result when `missing` is above it (SPEC 6: a late result loses
 * `late_penalty`, never below 0), else null: with red 50, missing 40 and late_penalty 30, a late
 * red scores 20 and an owner that sent nothing would rank above it. Compared exactly.
 */
function lowestLateScore(scores: Scores): ProblemParams["project.missing-above-late"] | null {
  if (scores.latePenalty === 0) return null;
  const penalty = fractionOf(scores.latePenalty);
  let lowest: { status: "green" | "yellow" | "red"; late: Fraction } | null = null;
  for (const status of ["red", "yellow", "green"] as const) {
    const late = lateScore(fractionOf(scores[status]), penalty);
    if (lowest === null || compare(late, lowest.late) < 0) lowest = { status, late };
  }
  if (lowest === null || compare(fractionOf(scores.missing), lowest.late) <= 0) return null;
  return {
    missing: scores.missing,
    status: lowest.status,
    points: scores[lowest.status],
    latePenalty: scores.latePenalty,
    late: toNumber(lowest.late),
  };
}

/**
 * The numbers of scores and due_days must lie within ±MAX_MAGNITUDE, as every number of a target
 * file must: a score of 1e300 times a weight would overflow an owner's sum. Returns the fields
 * found too large.
 */
function reportLargeNumbers(document: TargetDocument, data: unknown): Set<string | null> {
  const found = new Set<string | null>();
  if (data === null || typeof data !== "object") return found;
  const record = data as Record<string, unknown>;
  const scores = record.scores;
  const numbers: [Path, unknown][] = [
    [["due_days"], record.due_days],
    ...(scores !== null && typeof scores === "object"
      ? Object.entries(scores).map(([key, value]): [Path, unknown] => [["scores", key], value])
      : []),
  ];
  for (const [path, value] of numbers) {
    if (isTooLarge(value)) {
      const field = describePath(path);
      document.report(document.nodeAt(path), "target.number-too-large", { field, value });
      found.add(field);
    }
  }
  return found;
}

function reportIssues(
  document: TargetDocument,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
): void {
  for (const issue of issues) {
    const path = pathOf(issue);
    if (issue.code === "unrecognized_keys") {
      const known: readonly string[] =
        path.length === 0
          ? PROJECT_KEYS
          : path[0] === "scores"
            ? SCORE_KEYS
            : path.length === 2
              ? PLATFORMS
              : (CONTACT_KEYS[String(path[2])] ?? []);
      for (const key of issue.keys) {
        // A line indented with no-break or full-width spaces reads as a key that starts with them.
        const indent = indentCharacterOf(key);
        const problem: CodeAndParams =
          indent === null
            ? [
                "project.unknown-key",
                { key, suggestion: closestMatch(key, known) ?? null, known: [...known] },
              ]
            : ["yaml.indent-character", { character: indent }];
        document.reportProblem(document.keyAt(path, key), problem);
      }
      continue;
    }
    const value = valueAt(data, path);
    const node = document.nodeAt(path);
    const field = describePath(path);
    if (issue.message === REQUIRED) {
      document.report(node, "schema.required", { field });
      continue;
    }
    const expected = isExpectation(issue.message) ? issue.message : "valid";
    // `key：value` where a mapping belongs is one text to YAML: the full-width colon is the fault.
    if (
      typeof value === "string" &&
      value.includes("：") &&
      (expected === "project-file" || expected === "scores")
    ) {
      document.report(node, "yaml.full-width-colon", {});
      continue;
    }
    const scalar = value !== undefined && (value === null || typeof value !== "object");
    const got =
      value !== undefined && (scalar || issue.code === "invalid_type") ? show(value) : null;
    const suggestion =
      typeof value !== "string"
        ? null
        : ((field === "lang" ? languageNamed(value) : null) ??
          closestMatch(value, allowedStrings(issue)) ??
          null);
    document.report(node, "schema.invalid", { field, expected, got, suggestion });
  }
}

/**
 * The language a `lang` names in another way (`cn`, `zh_CN`, `中文`, `English`), or null: by its
 * meaning, not its spelling, which would take `cn` for `en`.
 */
function languageNamed(value: string): "zh" | "en" | null {
  const name = value.trim().toLowerCase();
  if (
    /^(?:zh|cn|chs|chinese|mandarin)(?:\b|[-_])|^(?:\u4e2d\u6587|\u6c49\u8bed|\u7b80\u4f53|\u7b80\u4f53\u4e2d\u6587|\u4e2d)$/.test(
      name,
    )
  )
    return "zh";
  if (/^(?:en|eng|english)(?:\b|[-_])|^(?:\u82f1\u6587|\u82f1\u8bed)$/.test(name)) return "en";
  return null;
}

/** The strings a value could have been (an enum's), for a "did you mean". */
function allowedStrings(issue: z.core.$ZodIssue): string[] {
  if (issue.code === "invalid_value")
    return issue.values.filter((value): value is string => typeof value === "string");
  return [];
}

function isExpectation(message: string): message is Expectation {
  return (PROJECT_EXPECTATIONS as readonly string[]).includes(message);
}

function pathOf(issue: z.core.$ZodIssue): Path {
  return issue.path.filter((key): key is string | number => typeof key !== "symbol");
}
