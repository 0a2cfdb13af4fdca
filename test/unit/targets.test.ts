import { describe, expect, it } from "vitest";
import * as yaml from "yaml";
import { MAX_PROBLEMS_PER_FILE } from "../../src/core/problems.js";
import { formatProblem } from "../../src/i18n/problem-text.js";
import { loadTargets } from "../../src/inputs/targets.js";
import { day, problemsOf, targetFrom, targetsFrom } from "../helpers.js";

describe("SPEC 2: target files", () => {
  it("read every field of a progress target, with defaults applied", () => {
    const [target] = targetsFrom(`
year: 2022
defaults:
  owner: 项目双进双产专班
  section: 扩大有效投资
targets:
  - id: invest.projects-100m
    title: 固投亿元以上项目
    owner: [发改局, 经信局]
    unit: 个
    source: 高质量完成今年固投亿元以上项目130个的目标任务
    kind: progress
    target: 130
`);
    expect(target).toMatchObject({
      id: "invest.projects-100m",
      title: "固投亿元以上项目",
      owner: ["发改局", "经信局"],
      section: "扩大有效投资",
      unit: "个",
      kind: "progress",
      target: 130,
      baseline: 0,
      start: day("2022-01-01"),
      deadline: day("2022-12-31"),
      interpolation: "linear",
      tolerance: { percent: 10 },
      aggregate: "last",
      place: { file: "test.yaml", line: 7, column: 5 },
    });
  });

  it("accept a YAML date scalar and a quoted string alike", () => {
    const [a, b] = targetsFrom(`
targets:
  - { id: a, title: A, target: 1, deadline: 2022-06-30 }
  - { id: b, title: B, target: 1, deadline: "2022-06-30" }
`);
    expect(a).toMatchObject({ deadline: day("2022-06-30"), start: day("2022-01-01") });
    expect(b).toMatchObject({ deadline: day("2022-06-30"), start: day("2022-01-01") });
  });

  it("apply a default only to the kinds that have the field", () => {
    const targets = targetsFrom(`
year: 2022
defaults: { tolerance: "5%", warn_days: 10, owner: 专班 }
targets:
  - { id: p, title: P, target: 10 }
  - { id: m, kind: milestone, title: M }
`);
    expect(targets[0]).toMatchObject({ tolerance: { percent: 5 }, owner: ["专班"] });
    expect(targets[1]).toMatchObject({ warnDays: 10, owner: ["专班"] });
  });

  it("read level and milestone targets", () => {
    expect(
      targetFrom("targets: [{ id: r, kind: level, title: 保二争一, max: 2, stretch: 1 }]"),
    ).toMatchObject({
      kind: "level",
      min: null,
      max: 2,
      stretch: 1,
      tolerance: { amount: 0 },
    });
    expect(targetFrom("year: 2022\ntargets: [{ id: m, kind: milestone, title: M }]")).toMatchObject(
      {
        kind: "milestone",
        deadline: day("2022-12-31"),
        warnDays: 30,
      },
    );
  });
});

describe("problems are located at the YAML node they are about", () => {
  it.each([
    [
      "an unknown key (a typo must not silently change a result)",
      "year: 2022\ntargets:\n  - id: a\n    title: A\n    target: 1\n    tagret: 130\n",
      ['t.yaml:6:5: unknown key "tagret" (did you mean "target"?)'],
    ],
    [
      "a missing required field",
      "year: 2022\ntargets:\n  - id: a\n    title: A\n",
      ["t.yaml:3:5: target is required"],
    ],
    [
      "a wrong type",
      'year: 2022\ntargets:\n  - { id: a, title: A, target: "130个" }\n',
      ['t.yaml:3:32: target must be a number, got "130个"'],
    ],
    [
      "a duplicate key",
      "year: 2022\ntargets:\n  - id: a\n    title: A\n    target: 1\n    target: 2\n",
      ['t.yaml:6:5: duplicate key "target"'],
    ],
    [
      "an impossible date",
      "targets:\n  - { id: a, title: A, target: 1, deadline: 2022-02-30 }\n",
      ["t.yaml:2:45: deadline 2022-02-30 is not a calendar date"],
    ],
    [
      "a date in another form",
      "targets:\n  - { id: a, title: A, target: 1, deadline: 2022/12/31 }\n",
      ['t.yaml:2:45: deadline must be a date YYYY-MM-DD, got "2022/12/31"'],
    ],
    [
      "a missing deadline without a year",
      "targets:\n  - { id: a, title: A, target: 1 }\n",
      ["t.yaml:2:5: deadline is required when the file has no year"],
    ],
    [
      "a deadline before the start",
      "targets:\n  - { id: a, title: A, target: 1, start: 2022-05-01, deadline: 2022-04-30 }\n",
      ["t.yaml:2:64: deadline 2022-04-30 is before start 2022-05-01"],
    ],
    [
      "both progress and value in a milestone",
      'year: 2022\ntargets:\n  - id: a\n    title: A\n    target: 100\n    schedule:\n      - { by: 2022-06-30, progress: "50%", value: 50 }\n',
      ["t.yaml:7:9: schedule[0] has both progress and value: give one"],
    ],
    [
      "neither progress nor value in a milestone",
      "year: 2022\ntargets:\n  - id: a\n    title: A\n    target: 100\n    schedule: [{ by: 2022-06-30 }]\n",
      ['t.yaml:6:16: schedule[0] needs progress ("30%") or value'],
    ],
    [
      "a progress given as a fraction",
      "year: 2022\ntargets:\n  - id: a\n    title: A\n    target: 100\n    schedule: [{ by: 2022-06-30, progress: 0.5 }]\n",
      [
        't.yaml:6:44: schedule[0].progress must be a percentage like "30%", got 0.5 (did you mean "50%"?)',
      ],
    ],
    [
      "milestones out of order",
      'year: 2022\ntargets:\n  - id: a\n    title: A\n    target: 100\n    schedule:\n      - { by: 2022-06-30, progress: "50%" }\n      - { by: 2022-03-31, progress: "30%" }\n',
      ["t.yaml:8:9: schedule[1] on 2022-03-31 is out of order: milestones must be in date order"],
    ],
    [
      "a milestone outside the period",
      'year: 2022\ntargets:\n  - id: a\n    title: A\n    target: 100\n    schedule:\n      - { by: 2022-12-31, progress: "90%" }\n',
      [
        "t.yaml:7:9: schedule[0] on 2022-12-31 is outside the period 2022-01-01 to 2022-12-31 (the deadline is always the last milestone)",
      ],
    ],
    [
      "a milestone that steps back",
      "year: 2022\ntargets:\n  - id: a\n    title: A\n    target: 100\n    schedule:\n      - { by: 2022-03-31, value: 50 }\n      - { by: 2022-06-30, value: 40 }\n",
      [
        "t.yaml:8:9: schedule[1] value 40 must lie between the previous value 50 and the target 100",
      ],
    ],
    [
      // No "did you mean q30-h60-q85": its 60% and 85% are milestones the clerk did not write.
      "an unknown preset",
      "year: 2022\ntargets:\n  - { id: a, title: A, target: 1, schedule: q30 }\n",
      [
        't.yaml:3:45: schedule must be q30-h60-q85, h50-q85, linear or a list of milestones, got "q30"',
      ],
    ],
    [
      "a negative tolerance",
      "year: 2022\ntargets:\n  - { id: a, title: A, target: 1, tolerance: -1 }\n",
      ['t.yaml:3:46: tolerance must be a number ≥ 0 or a percentage like "10%", got -1'],
    ],
    [
      "a target equal to its baseline",
      "year: 2022\ntargets:\n  - { id: a, title: A, target: 5, baseline: 5 }\n",
      ["t.yaml:3:32: target equals baseline (5): there is no way to go"],
    ],
    [
      "an unknown kind",
      "year: 2022\ntargets:\n  - { id: a, title: A, kind: levl }\n",
      [
        't.yaml:3:30: kind must be progress, level, milestone, growth, got "levl" (did you mean "level"?)',
      ],
    ],
    [
      "a field of another kind",
      "targets:\n  - { id: a, kind: level, title: A, max: 2, target: 5 }\n",
      ['t.yaml:2:45: unknown key "target": level targets have no target (progress targets do)'],
    ],
    [
      "a level target without bounds",
      "targets:\n  - { id: a, kind: level, title: A }\n",
      ["t.yaml:2:5: a level target needs min, max or both"],
    ],
    [
      "min above max",
      "targets:\n  - { id: a, kind: level, title: A, min: 5, max: 1 }\n",
      ["t.yaml:2:50: max 1 is below min 5"],
    ],
    [
      "a stretch worse than the bound",
      "targets:\n  - { id: a, kind: level, title: A, max: 2, stretch: 3 }\n",
      ["t.yaml:2:54: stretch 3 must be a better value than the bound: at or below max 2"],
    ],
    [
      "a bad id",
      'year: 2022\ntargets:\n  - { id: "bad id", title: A, target: 1 }\n',
      [
        "t.yaml:3:11: id must be letters, digits, '.', '_' and '-', starting with a letter or digit, got \"bad id\"",
      ],
    ],
    [
      "an unknown key in defaults",
      "year: 2022\ndefaults: { tolerence: 5 }\ntargets: [{ id: a, title: A, target: 1 }]\n",
      ['t.yaml:2:13: unknown key "tolerence" (did you mean "tolerance"?)'],
    ],
    [
      "an id in defaults",
      "year: 2022\ndefaults: { id: a }\ntargets: [{ id: a, title: A, target: 1 }]\n",
      ["t.yaml:2:13: the id cannot have a default: each target needs its own"],
    ],
    [
      "a bad default, reported once at the default",
      'year: 2022\ndefaults: { target: "x" }\ntargets: [{ id: a, title: A }, { id: b, title: B }]\n',
      ['t.yaml:2:21: target must be a number, got "x"'],
    ],
    [
      "an empty list of targets",
      "year: 2022\ntargets: []\n",
      ["t.yaml:2:10: targets must be a non-empty list of targets"],
    ],
    [
      "an empty file",
      "",
      ["t.yaml:1:1: empty target file: expected a mapping with a list of targets"],
    ],
    [
      "a list instead of a mapping",
      "- a\n- b\n",
      ["t.yaml:1:1: the file must be a mapping with year, defaults and targets, got a list"],
    ],
    [
      "invalid YAML",
      "year: 2022\ntargets:\n  - id: a\n    title: [unclosed\n",
      // Placed at the bracket left open, not at the end of the file where yaml notices it.
      [
        't.yaml:4:12: invalid YAML: "[" is not closed: a list in [ ] or a mapping in { } must end with "]"',
      ],
    ],
  ])("%s", (_, yaml, expected) => {
    expect([...new Set(problemsOf(yaml))]).toEqual(expected);
  });

  it.each([
    [
      "a full-width colon after a key",
      "year: 2022\ntargets:\n  - id: a\n    title：投资\n    target: 5\n",
      ['t.yaml:4:5: invalid YAML: "：" is a full-width colon; after a key, write ":" and a space'],
    ],
    [
      "a full-width colon on the last line",
      "year: 2022\ntargets:\n  - id: a\n    target: 5\n    unit：个\n",
      ['t.yaml:5:5: invalid YAML: "：" is a full-width colon; after a key, write ":" and a space'],
    ],
    [
      "a full-width colon where a target belongs",
      "year: 2022\ntargets:\n  - title：投资\n",
      ['t.yaml:3:5: invalid YAML: "：" is a full-width colon; after a key, write ":" and a space'],
    ],
    [
      // yaml reports three errors on the line; the one fault is said once.
      "a tab as indentation",
      "year: 2022\ntargets:\n  - id: a\n\ttitle: x\n    target: 5\n",
      ["t.yaml:4:1: invalid YAML: the line is indented with a tab; indent with spaces only"],
    ],
    [
      "a no-break space among the spaces of the indentation",
      "year: 2022\ntargets:\n  - id: a\n  \u00a0 title: x\n    target: 5\n",
      [
        "t.yaml:4:1: invalid YAML: the line is indented with a no-break space (U+00A0); indent with spaces only",
      ],
    ],
    [
      // yaml reads a line indented with no-break spaces alone as a key that starts with them.
      "no-break spaces as the whole indentation",
      "year: 2022\ntargets:\n  - id: a\n    target: 5\n\u00a0\u00a0\u00a0\u00a0title: x\n",
      [
        "t.yaml:5:1: invalid YAML: the line is indented with a no-break space (U+00A0); indent with spaces only",
      ],
    ],
    [
      "ideographic spaces as indentation",
      "year: 2022\ntargets:\n  - id: a\n    target: 5\n\u3000\u3000title: x\n",
      [
        "t.yaml:5:1: invalid YAML: the line is indented with an ideographic space (U+3000, the full-width space); indent with spaces only",
      ],
    ],
    [
      "a value that starts with %",
      "year: 2022\ntargets:\n  - id: a\n    title: x\n    target: 5\n    unit: %\n",
      [
        't.yaml:6:11: invalid YAML: a value cannot start with "%" unless it is quoted; quote it: unit: "%"',
      ],
    ],
    [
      "a value that starts with @",
      "year: 2022\ntargets:\n  - id: a\n    title: @home # a comment\n    target: 5\n",
      [
        't.yaml:4:12: invalid YAML: a value cannot start with "@" unless it is quoted; quote it: title: "@home"',
      ],
    ],
    [
      "a colon and a space inside a value",
      "year: 2022\ntargets:\n  - id: a\n    title: 投资: 5亿\n    target: 5\n",
      [
        't.yaml:4:12: invalid YAML: the value of title holds ": ", which YAML reads as one more key; quote it: title: "投资: 5亿"',
      ],
    ],
    [
      "a quote left open",
      'year: 2022\ntargets:\n  - id: a\n    title: "x\n    target: 5\n',
      [
        't.yaml:4:12: invalid YAML: a quoted value is not closed: a value that starts with " must end with "',
      ],
    ],
    [
      "a key without its colon",
      "year: 2022\ntargets:\n  - id: a\n    title 投资\n    target: 5\n",
      [
        't.yaml:4:5: invalid YAML: a key must be on one line, followed by ": " (is a colon missing?)',
      ],
    ],
    [
      "an alias of no anchor",
      "year: 2022\ntargets:\n  - id: a\n    title: *nope\n    target: 5\n",
      [
        "t.yaml:4:12: cannot expand the file's aliases: no anchor &nope is set before the alias *nope",
      ],
    ],
    [
      "two documents",
      "year: 2022\n---\ntargets: []\n",
      [
        't.yaml:2:1: invalid YAML: the file holds several documents (a "---" line); a target file is one document',
      ],
    ],
  ])("names the fault of YAML that cannot be read: %s", (_, yaml, expected) => {
    expect(problemsOf(yaml)).toEqual(expected);
  });

  it("report every problem of a file, not only the first", () => {
    const problems = problemsOf(`
year: 2022
targets:
  - { id: a, title: A, target: x }
  - { id: b, title: B, target: 1, tolerance: "ten" }
  - { id: c, title: C, kind: level }
`);
    expect(problems).toHaveLength(3);
  });

  it("refuse an alias bomb within bounded work", () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
      "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
      "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
      "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
      "targets: [*e]",
    ].join("\n");
    expect(problemsOf(bomb)[0]).toMatch(/^t\.yaml:1:1: cannot expand the file's aliases/);
  });

  it("refuse duplicate ids across files, naming the first place", () => {
    const loaded = loadTargets(
      [
        {
          file: "targets/a.yaml",
          text: "year: 2022\ntargets:\n  - { id: x, title: X, target: 1 }\n",
        },
        {
          file: "targets/b.yaml",
          text: "year: 2022\ntargets:\n  - { id: y, title: Y, target: 1 }\n  - { id: x, title: X2, target: 2 }\n",
        },
      ],
      yaml,
    );
    expect(loaded.problems.map((problem) => formatProblem(problem))).toEqual([
      'targets/b.yaml:4:5: duplicate id "x", first defined at targets/a.yaml:3:5',
    ]);
  });
});

describe("found in review", () => {
  it("leaves a clerk's slips in a level, a schedule or a frequency to the schema, placed", () => {
    // Each slip is a value the check by hand does not take: the schema words it at its cell.
    expect(
      problemsOf(`year: 2022
targets:
  - id: g.share
    title: 占比
    kind: level
    max: ４５
    tolerance: 10％
  - id: p.rate
    title: 开工率
    target: 85
    schedule:
      - { by: 2022-03-31, progress: 0.3 }
    frequency: Quarterly
`),
    ).toEqual([
      't.yaml:6:10: max must be a number or a reference { ref: ID }, got "４５"',
      't.yaml:7:16: tolerance must be a number ≥ 0 or a percentage like "10%", got "10％"',
      't.yaml:13:16: frequency must be monthly, quarterly, half-yearly or yearly, got "Quarterly" (did you mean "quarterly"?)',
      't.yaml:12:37: schedule[0].progress must be a percentage like "30%", got 0.3 (did you mean "30%"?)',
    ]);
  });

  it("suggests no preset of other numbers: h50-q85 for h60-q85 would move mid-year from 60% to 50%", () => {
    const schedule = (preset: string) =>
      problemsOf(
        `year: 2022\ntargets:\n  - { id: a, title: A, target: 10, schedule: ${preset} }\n`,
      );
    const refused = (preset: string) =>
      `t.yaml:3:46: schedule must be q30-h60-q85, h50-q85, linear or a list of milestones, got "${preset}"`;
    expect(schedule("h60-q85")).toEqual([refused("h60-q85")]);
    expect(schedule("q30-h60-q80")).toEqual([refused("q30-h60-q80")]);
    // The same numbers, spelt otherwise or with two digits swapped: a typing slip, and said so.
    expect(schedule("h50q85")).toEqual([`${refused("h50q85")} (did you mean "h50-q85"?)`]);
    expect(schedule("h50-q58")).toEqual([`${refused("h50-q58")} (did you mean "h50-q85"?)`]);
    expect(schedule("linaer")).toEqual([`${refused("linaer")} (did you mean "linear"?)`]);
  });

  it("refuses an about (左右) as large as the span, or as the rate: every value would pass", () => {
    const file = (items: string) => `year: 2022\ntargets:\n${items}`;
    // 80 of 80 from 0: achieved at any value, d·(A − 80) ≥ −80 for every A ≥ 0.
    expect(problemsOf(file("  - { id: a, title: A, target: 80, about: 80 }\n"))).toEqual([
      "t.yaml:3:43: about 80 is as large as the whole way from the baseline 0 to the target 80: any value would count as achieved; 左右 is a small slack beside the target (2 for a target of 80)",
    ]);
    // rate 2, about 3: b = −1, a fall would meet it; "100%" of −3 takes b to 0.
    expect(
      problemsOf(
        file(
          '  - { id: g, kind: growth, title: G, rate: 2, about: 3 }\n  - { id: e, kind: growth, title: E, rate: -3, bound: max, about: "100%" }\n',
        ),
      ),
    ).toEqual([
      "t.yaml:3:54: about 3 is as large as the rate 2 itself: the bound would reach 0 or pass it, and no change, or one the other way, would meet it; 左右 is a small slack (0.5 for a rate of 7)",
      "t.yaml:4:67: about 100% is as large as the rate -3 itself: the bound would reach 0 or pass it, and no change, or one the other way, would meet it; 左右 is a small slack (0.5 for a rate of 7)",
    ]);
    // A small slack, and any slack on 持平 (rate 0), are read.
    expect(
      problemsOf(
        file(
          "  - { id: a, title: A, target: 80, about: 2 }\n  - { id: f, kind: growth, title: F, rate: 0, about: 0.5 }\n",
        ),
      ),
    ).toEqual([]);
  });

  it("refuses a year of one or two digits, as a date's two-digit year is refused", () => {
    // year: 22 was the year 22: every deadline two thousand years past, and red.
    expect(problemsOf("year: 22\ntargets:\n  - { id: a, title: A, target: 130 }\n")).toEqual([
      "t.yaml:1:7: year 22 has one or two digits: write the whole year, 2022",
    ]);
    expect(problemsOf("year: 2022\ntargets:\n  - { id: a, title: A, target: 130 }\n")).toEqual([]);
  });

  it("refuses a negative percentage tolerance, like a negative number", () => {
    expect(
      problemsOf('year: 2022\ntargets:\n  - { id: a, title: A, target: 1, tolerance: "-10%" }\n'),
    ).toEqual([
      't.yaml:3:46: tolerance must be a number ≥ 0 or a percentage like "10%", got "-10%"',
    ]);
  });

  it("gives a clear message for an empty schedule or owner list", () => {
    expect(
      problemsOf(
        "year: 2022\ntargets:\n  - { id: a, title: A, target: 1, schedule: [], owner: [] }\n",
      ),
    ).toEqual([
      "t.yaml:3:56: owner must be a name or a non-empty list of names",
      "t.yaml:3:45: schedule must be q30-h60-q85, h50-q85, linear or a non-empty list of milestones",
    ]);
  });
});

describe("checks over a whole file, each problem at its place", () => {
  it("places several owners in the defaults and in a target's list", () => {
    const problems = problemsOf(
      [
        "year: 2022",
        "defaults:",
        "  owner: 经信局、商务局",
        "targets:",
        "  - { id: a, title: A, target: 1 }",
        "  - { id: b, title: B, target: 2, owner: [发改局, 经信局，商务局] }",
        "",
      ].join("\n"),
    );
    expect(problems).toEqual([
      't.yaml:3:10: owner "经信局、商务局" names several bodies: write them as a list, [经信局, 商务局]',
      't.yaml:6:48: owner "经信局，商务局" names several bodies: write them as a list, [经信局, 商务局]',
    ]);
    // In a list of the defaults too.
    expect(
      problemsOf(
        "year: 2022\ndefaults:\n  owner: [发改局, 经信局、商务局]\ntargets:\n  - { id: a, title: A, target: 1 }\n",
      ),
    ).toEqual([
      't.yaml:3:16: owner "经信局、商务局" names several bodies: write them as a list, [经信局, 商务局]',
    ]);
  });

  it("places a __proto__ key in the defaults and in a target", () => {
    const problems = problemsOf(
      [
        "year: 2022",
        "defaults:",
        "  __proto__: x",
        "targets:",
        "  - id: a",
        "    title: A",
        "    target: 1",
        "    __proto__: y",
        "",
      ].join("\n"),
    );
    expect(problems).toEqual([
      't.yaml:3:3: unknown key "__proto__"',
      't.yaml:8:5: unknown key "__proto__"',
    ]);
  });

  it("lists numbers too large in the order they are found, up to the cap, then counts the rest", () => {
    // MAX_PROBLEMS_PER_FILE + 5 targets of 1e16, after one of 1e15 (the largest allowed): the walk
    // takes a list's last item first, so the last MAX_PROBLEMS_PER_FILE are listed, from the
    // end, and one problem counts the first 5.
    const lines = ["year: 2022", "targets:", "  - { id: ok, title: OK, target: 1000000000000000 }"];
    const count = MAX_PROBLEMS_PER_FILE + 5;
    for (let index = 1; index <= count; index++)
      lines.push(`  - { id: t${index}, title: T, target: 1e16 }`);
    const problems = problemsOf(`${lines.join("\n")}\n`);
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    const listed = problems
      .slice(0, -1)
      .map((problem) => /^[^ ]+ targets\[(\d+)\]/.exec(problem)?.[1]);
    expect(listed).toEqual(
      Array.from({ length: MAX_PROBLEMS_PER_FILE }, (_, index) => String(count - index)),
    );
    expect(problems.at(-1)).toContain("5");
  });
});
