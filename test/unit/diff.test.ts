/**
 * `kpi diff`'s model (src/core/diff-model.ts) and the reading of results files
 * (src/inputs/results-file.ts): each list on a worked example, and the invariants as properties.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CHANGE_KINDS,
  changeKind,
  diffResults,
  isEmptyDiff,
  type ResultEntry,
  type ResultsFile,
} from "../../src/core/diff-model.js";
import { STATUSES } from "../../src/core/model.js";
import { parseResultsFile } from "../../src/inputs/results-file.js";

function entry(id: string, fields: Partial<ResultEntry> = {}): ResultEntry {
  return {
    id,
    title: `title of ${id}`,
    status: "green",
    reason: "on-track",
    late: false,
    missingReport: null,
    unit: "个",
    actual: 10,
    observedOn: "2022-05-31",
    ...fields,
  };
}

function results(asOf: string, entries: ResultEntry[]): ResultsFile {
  const summary = { total: entries.length, red: 0, yellow: 0, grey: 0, green: 0 };
  for (const item of entries) summary[item.status]++;
  return { asOf, summary, results: entries };
}

describe("changeKind: the one status list a target of both runs is on", () => {
  const cases: [string, Partial<ResultEntry>, Partial<ResultEntry>, string | null][] = [
    ["green to red", {}, { status: "red" }, "newlyRed"],
    ["yellow to red", { status: "yellow" }, { status: "red" }, "newlyRed"],
    [
      "grey (no data) to red: newly red before first data",
      { status: "grey", actual: null },
      { status: "red" },
      "newlyRed",
    ],
    ["green to yellow", {}, { status: "yellow" }, "newlyYellow"],
    [
      "red to yellow: yellow now, though better",
      { status: "red" },
      { status: "yellow" },
      "newlyYellow",
    ],
    ["red to green", { status: "red" }, {}, "recovered"],
    ["yellow to green", { status: "yellow" }, {}, "recovered"],
    ["grey to green with a first row", { status: "grey", actual: null }, {}, "firstData"],
    ["green to grey (a level target's report late)", {}, { status: "grey" }, "statusChanged"],
    ["green to green, 10 to 12", {}, { actual: 12 }, "valueChanged"],
    [
      "red to red, not done to not done",
      { status: "red", actual: false },
      { status: "red", actual: false },
      null,
    ],
    ["the same", {}, {}, null],
  ];
  it.each(cases)("%s", (_, before, after, kind) => {
    expect(changeKind(entry("a", before), entry("a", after))).toBe(kind);
  });
});

describe("diffResults", () => {
  it("sorts every target into its list, late reports apart, added and removed by id", () => {
    const base = results("2022-05-31", [
      entry("worse", { status: "yellow", actual: 9 }),
      entry("better", { status: "red", actual: 2 }),
      entry("same"),
      entry("late-now", { actual: 5 }),
      entry("caught-up", { late: true, missingReport: "2022-04-30" }),
      entry("gone"),
    ]);
    const head = results("2022-06-30", [
      entry("worse", { status: "red", actual: 9 }),
      entry("new", { status: "grey", actual: null }),
      entry("late-now", { late: true, missingReport: "2022-05-31", actual: 5 }),
      entry("caught-up", { actual: 11 }),
      entry("better", { actual: 20 }),
      entry("same"),
    ]);
    const diff = diffResults(base, head);
    const ids = (list: { id: string }[]) => list.map((item) => item.id);
    expect(Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, ids(diff.changes[kind])]))).toEqual(
      {
        newlyRed: ["worse"],
        newlyYellow: [],
        recovered: ["better"],
        firstData: [],
        statusChanged: [],
        valueChanged: ["caught-up"],
      },
    );
    expect(ids(diff.lateAppeared)).toEqual(["late-now"]);
    expect(ids(diff.lateCleared)).toEqual(["caught-up"]);
    expect(ids(diff.added)).toEqual(["new"]);
    expect(ids(diff.removed)).toEqual(["gone"]);
    // Of the five targets of both runs only "same" has nothing to say.
    expect(diff.unchanged).toBe(1);
    expect(diff.base.asOf).toBe("2022-05-31");
    expect(diff.head.asOf).toBe("2022-06-30");
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it("lists a target still late, for a later report, as a report newly overdue", () => {
    const base = results("2022-05-31", [entry("a", { late: true, missingReport: "2022-04-30" })]);
    const head = results("2022-06-30", [entry("a", { late: true, missingReport: "2022-05-31" })]);
    const diff = diffResults(base, head);
    expect(diff.lateAppeared.map((item) => item.id)).toEqual(["a"]);
    expect(diff.unchanged).toBe(0);
  });

  const entries = fc
    .uniqueArray(
      fc.record({
        id: fc.constantFrom("a", "b", "c", "d", "e", "f", "g"),
        status: fc.constantFrom(...STATUSES),
        actual: fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 5 })),
        late: fc.boolean(),
      }),
      { selector: (item) => item.id, maxLength: 7 },
    )
    .map((items) =>
      results(
        "2022-06-30",
        items.map((item) =>
          entry(item.id, {
            status: item.status,
            actual: item.actual,
            late: item.late,
            missingReport: item.late ? "2022-05-31" : null,
          }),
        ),
      ),
    );

  it("property: a run against itself is empty, every target unchanged", () => {
    fc.assert(
      fc.property(entries, (a) => {
        const diff = diffResults(a, a);
        expect(isEmptyDiff(diff)).toBe(true);
        expect(diff.unchanged).toBe(a.results.length);
      }),
    );
  });

  it("property: added one way is removed the other way, and each target is said once", () => {
    fc.assert(
      fc.property(entries, entries, (a, b) => {
        const forward = diffResults(a, b);
        const backward = diffResults(b, a);
        const ids = (list: { id: string }[]) => list.map((item) => item.id).sort();
        expect(ids(forward.added)).toEqual(ids(backward.removed));
        expect(ids(forward.removed)).toEqual(ids(backward.added));
        // Every target of both runs is in at most one status list; with the late lists and the
        // unchanged count, every one of them is accounted for.
        const inStatusLists = CHANGE_KINDS.flatMap((kind) => ids(forward.changes[kind]));
        expect(new Set(inStatusLists).size).toBe(inStatusLists.length);
        const common = a.results.filter((item) => b.results.some((other) => other.id === item.id));
        const said = new Set([
          ...inStatusLists,
          ...ids(forward.lateAppeared),
          ...ids(forward.lateCleared),
        ]);
        expect(said.size + forward.unchanged).toBe(common.length);
      }),
    );
  });
});

describe("parseResultsFile", () => {
  const good = JSON.stringify({
    schemaVersion: 2,
    asOf: "2022-06-30",
    office: null,
    summary: { total: 1, green: 1, yellow: 0, red: 0, grey: 0 },
    results: [{ ...entry("a"), kind: "progress", expected: 9 }],
  });

  it("reads the fields a diff compares, and leaves the others", () => {
    expect(parseResultsFile("a.json", good)).toEqual({
      results: {
        asOf: "2022-06-30",
        summary: { total: 1, green: 1, yellow: 0, red: 0, grey: 0 },
        results: [entry("a")],
      },
      problem: null,
    });
  });

  const bad: [string, string, string | null][] = [
    ["not JSON", "{", null],
    ["an array", "[]", "(the whole file)"],
    ["version 1", good.replace('"schemaVersion":2', '"schemaVersion":1'), "schemaVersion"],
    [
      "a status of its own",
      good.replace('"status":"green"', '"status":"blue"'),
      "results[0].status",
    ],
    ["a count that is no count", good.replace('"yellow":0', '"yellow":-1'), "summary.yellow"],
    ["an id twice", good.replace(/"results":\[(.*)\]/, '"results":[$1,$1]'), "results[1].id"],
  ];
  it.each(bad)("refuses %s, naming the field", (_, text, field) => {
    const read = parseResultsFile("base.json", text);
    expect(read.results).toBeNull();
    expect(read.problem).toEqual(
      field === null
        ? { code: "diff.not-json", severity: "error", place: null, params: { path: "base.json" } }
        : {
            code: "diff.not-results",
            severity: "error",
            place: null,
            params: { path: "base.json", field },
          },
    );
  });
});
