/**
 * A target whose fields are in their simple forms is checked by hand
 * (src/inputs/plain-target.ts) as its zod schema checks it: wherever the check by hand answers,
 * the schema accepts the same target and gives the same input, keys in the same order.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KINDS } from "../../src/core/model.js";
import { PLAIN_FIELDS, plainTarget, plainTargetFile } from "../../src/inputs/plain-target.js";
import { checkingSchemas } from "../../src/inputs/target-schema.js";

const { targetSchemas } = checkingSchemas();

describe("a plain target is checked by hand, as the schema checks it", () => {
  it("knows each kind's fields, in its schema's order", () => {
    for (const kind of KINDS)
      expect(Object.keys(PLAIN_FIELDS[kind])).toEqual(Object.keys(targetSchemas[kind].shape));
  });

  const values = fc.oneof(
    fc.string(),
    fc.constantFrom(" 发改局 ", "", "  ", "t.1", "t 1", " t.1", "é", "e\u0301", "开工率", "\u200b"),
    fc.constantFrom("2022-06-30", "2022-6-30", " 2022-06-30", "progress", "level", "Progress"),
    fc.constantFrom("milestone", "growth", "monthly", "quarterly", "linear", "h50-q85", "step"),
    fc.constantFrom("sum", "last", "min", "max", "rate", "value", "02-28", "2-28", "10%", " 5 %"),
    fc.constantFrom("-10%", "+3%", "30", "30%"),
    fc.integer({ min: -3, max: 2000 }),
    fc.double(),
    fc.constantFrom(2 ** 53, -0, 0, 1, 2, 1.5, -1, Number.NaN, Number.POSITIVE_INFINITY),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(fc.string(), fc.constantFrom(" 发改局", "", 3)), { maxLength: 3 }),
    fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
    fc.constant({ ref: "a.b" }),
  );
  const milestoneEntry = fc.oneof(
    fc.record(
      {
        by: fc.constantFrom("2022-03-31", "2022-3-31", 5),
        progress: fc.constantFrom("30%", " 30 %", "30", 30, "-5%"),
        value: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(Number.NaN, "5")),
        step: fc.constant(1),
      },
      { requiredKeys: [] },
    ),
    values,
  );
  const texts = fc.oneof(fc.string(), fc.constantFrom("新开工项目", " 发改局 ", "个"));
  /** Mostly a value of the simple form, now and then one near it that is not. */
  const near = (valid: fc.Arbitrary<unknown>, invalid: fc.Arbitrary<unknown>) =>
    fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: invalid, weight: 1 });
  const words = (valid: string[], invalid: string[]) =>
    near(fc.constantFrom(...valid), fc.constantFrom(...invalid));
  const dates = words(["2022-06-30", "2022-12-31"], ["2022-6-30", " 2022-06-30"]);
  const amounts = near(
    fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.constantFrom(0.5, -0, 2, 3)),
    fc.constantFrom(-1, 2 ** 53, 1.5, Number.NaN, "3"),
  );
  const tolerances = near(
    fc.oneof(amounts, fc.constantFrom("10%", " 5 %", "+3%")),
    fc.constantFrom("-10%", "3", "10 %%"),
  );
  // `{ ref: ID }`, with `plus` or `times` or both (both is an error the schema leaves to the load).
  const references = near(
    fc.record(
      {
        ref: near(fc.constantFrom("gdp.growth", " a.b ", "开工率"), fc.constantFrom("", "  ", 3)),
        plus: amounts,
        times: amounts,
      },
      { requiredKeys: ["ref"] },
    ),
    fc.oneof(
      fc.constantFrom({}, { plus: 1 }, { ref: "a", step: 1 }, { ref: "a", plus: Number.NaN }),
      fc.dictionary(fc.constantFrom("ref", "plus", "times", "__proto__", "by"), values, {
        maxKeys: 3,
      }),
    ),
  );
  const milestones = near(
    fc.array(
      fc.record(
        {
          by: words(["2022-03-31"], ["2022-3-31"]),
          progress: words(["30%", " 30 %", "-5%"], ["30"]),
          value: near(fc.integer({ min: -5, max: 200 }), fc.constantFrom(Number.NaN, "5")),
        },
        { requiredKeys: ["by"] },
      ),
      { minLength: 1, maxLength: 3 },
    ),
    fc.oneof(fc.array(milestoneEntry, { maxLength: 3 }), values),
  );
  /** Each field's values of its simple form and near it. */
  const simple: Record<string, fc.Arbitrary<unknown>> = {
    id: words(["t.0001", "invest.start-rate", "a_b-c.9", "T9"], ["开工率", "t 1", ".t"]),
    title: near(texts, fc.constantFrom("", "  ", 3)),
    owner: near(fc.oneof(texts, fc.array(texts, { minLength: 1, maxLength: 3 })), values),
    section: texts,
    unit: texts,
    source: texts,
    weight: amounts,
    due_days: amounts,
    result_by: dates,
    frequency: words(["monthly", "quarterly", "half-yearly", "yearly"], ["weekly"]),
    first_report: words(["02-28", "01-31"], ["2-28"]),
    target: amounts,
    baseline: amounts,
    start: dates,
    deadline: dates,
    schedule: near(words(["q30-h60-q85", "h50-q85", "linear"], ["Linear"]), milestones),
    interpolation: words(["linear", "step"], ["Step"]),
    tolerance: tolerances,
    aggregate: words(["last", "sum"], ["mean"]),
    about: tolerances,
    min: fc.oneof(amounts, references),
    max: fc.oneof(amounts, references),
    breach_after: amounts,
    stretch: amounts,
    warn_days: amounts,
    rate: fc.oneof(amounts, references),
    bound: words(["min", "max"], ["Min"]),
    input: words(["rate", "value"], ["amount"]),
    amount: amounts,
  };

  for (const kind of KINDS) {
    const shapeKeys = Object.keys(targetSchemas[kind].shape);
    const target = fc.record(
      Object.fromEntries(
        shapeKeys.map((key) => [
          key,
          key === "kind" ? near(fc.constant(kind), values) : (simple[key] ?? values),
        ]),
      ),
      { requiredKeys: [] },
    );
    // Now and then a key of no field, or of another kind's.
    const odd = fc.dictionary(
      fc.constantFrom("title ", "titel", "__proto__", "constructor", "min", "schedule", "rate"),
      values,
      { maxKeys: 1 },
    );
    const rest = fc.oneof({ arbitrary: fc.constant({}), weight: 4 }, { arbitrary: odd, weight: 1 });

    it(`answers for a ${kind} target only what the schema accepts, and gives what it gives`, () => {
      let answered = 0;
      fc.assert(
        fc.property(target, rest, (required, others) => {
          const merged = { ...required, ...others };
          const plain = plainTarget(kind, merged);
          if (plain === null) return;
          answered++;
          const parsed = targetSchemas[kind].safeParse(merged);
          expect(parsed.success).toBe(true);
          expect(plain).toStrictEqual(parsed.data);
          expect(Object.keys(plain)).toEqual(Object.keys(parsed.data ?? {}));
          for (const key of ["min", "max", "rate"]) {
            const reference = plain[key];
            if (typeof reference === "object" && reference !== null)
              expect(Object.keys(reference)).toEqual(
                Object.keys((parsed.data as Record<string, unknown>)[key] ?? {}),
              );
          }
          if (Array.isArray(plain.schedule))
            plain.schedule.forEach((milestone, index) => {
              const given = (parsed.data as { schedule: object[] }).schedule[index] ?? {};
              expect(Object.keys(milestone)).toEqual(Object.keys(given));
            });
        }),
        { numRuns: 3000 },
      );
      // Hand check that the property is not empty: some 200 of the 3,000 draws are targets of the plain shape.
      expect(answered).toBeGreaterThan(100);
    });
  }

  it("answers for a target of the common fields (the benchmark's office shape)", () => {
    // Hand check: every field in its simple form; the texts trimmed, as the schema trims them.
    const merged = {
      section: "经济发展",
      id: "t.0001",
      title: " 新开工项目第2项 ",
      owner: ["经信局", " 发改局"],
      unit: "个",
      target: 1001,
      baseline: -0,
      weight: 2,
      deadline: "2022-09-30",
      kind: "progress",
    };
    const plain = plainTarget("progress", merged);
    expect(plain).toStrictEqual(targetSchemas.progress.safeParse(merged).data);
    expect(plain).toStrictEqual({
      id: "t.0001",
      title: "新开工项目第2项",
      owner: ["经信局", "发改局"],
      section: "经济发展",
      unit: "个",
      weight: 2,
      kind: "progress",
      target: 1001,
      baseline: -0,
      deadline: "2022-09-30",
    });
  });

  it("answers for the example's schedules, levels and milestones", () => {
    const progress = {
      id: "invest.start-rate",
      title: "新建项目开工率",
      target: 85,
      schedule: [
        { value: 30, by: "2022-03-31" },
        { by: "2022-06-30", progress: "60%" },
      ],
      frequency: "quarterly",
      tolerance: "5%",
    };
    // The milestones' keys in the schema's order: by, progress, value.
    expect(plainTarget("progress", progress)).toStrictEqual({
      ...progress,
      schedule: [
        { by: "2022-03-31", value: 30 },
        { by: "2022-06-30", progress: "60%" },
      ],
    });
    const level = { id: "g.share", title: "占比", kind: "level", max: 45, about: 2 };
    expect(plainTarget("level", level)).toStrictEqual(level);
    const milestone = { id: "m.1", title: "完成", kind: "milestone", deadline: "2022-03-31" };
    expect(plainTarget("milestone", milestone)).toStrictEqual(milestone);
    const growth = { id: "gdp", title: "GDP", kind: "growth", rate: 7, about: "10%" };
    expect(plainTarget("growth", growth)).toStrictEqual(growth);
    // The example's 与经济增长同步: a reference, its id trimmed as the schema trims it.
    const inStep = { id: "income", title: "收入", kind: "growth", rate: { ref: " gdp " } };
    expect(plainTarget("growth", inStep)).toStrictEqual({ ...inStep, rate: { ref: "gdp" } });
    expect(plainTarget("growth", inStep)).toStrictEqual(
      targetSchemas.growth.safeParse(inStep).data,
    );
    const below = { id: "m", title: "m", kind: "level", max: { times: 2, ref: "a", plus: 1 } };
    expect(plainTarget("level", below)?.max).toStrictEqual({ ref: "a", plus: 1, times: 2 });
  });

  it("leaves every other field and value to the schema", () => {
    const base = { id: "t.1", title: "x", target: 1 };
    expect(plainTarget("progress", { ...base, schedule: "Linear" })).toBeNull();
    expect(plainTarget("progress", { ...base, schedule: [] })).toBeNull();
    expect(
      plainTarget("progress", { ...base, schedule: [{ by: "2022-03-31", step: 1 }] }),
    ).toBeNull();
    expect(plainTarget("progress", { ...base, id: "开工率" })).toBeNull();
    expect(plainTarget("progress", { ...base, title: "  " })).toBeNull();
    expect(plainTarget("progress", { ...base, target: Number.NaN })).toBeNull();
    expect(plainTarget("progress", { id: "t.1", title: "x" })).toBeNull();
    expect(
      plainTarget("level", { id: "t.1", title: "x", kind: "level", min: { ref: "a", plus: "1" } }),
    ).toBeNull();
    expect(
      plainTarget("level", { id: "t.1", title: "x", kind: "level", min: { ref: " " } }),
    ).toBeNull();
    expect(
      plainTarget("growth", { ...base, kind: "growth", rate: { ref: "a", by: 1 } }),
    ).toBeNull();
    expect(plainTarget("level", { id: "t.1", title: "x", min: 1 })).toBeNull();
    expect(plainTarget("milestone", { ...base, kind: "milestone" })).toBeNull();
    expect(plainTarget("growth", { id: "t.1", title: "x", kind: "growth" })).toBeNull();
  });
});

describe("a target file's outer shape is checked by hand, as the schema checks it", () => {
  const fileSchema = checkingSchemas().targetFileSchema;
  const scalars = fc.oneof(
    fc.string(),
    fc.integer({ min: -2, max: 10001 }),
    fc.constantFrom(2022, 1, 9999, 0, -0, 2022.5, Number.NaN, "2022", null, true),
  );
  const mapping = fc.oneof(
    { arbitrary: fc.dictionary(fc.string(), scalars, { maxKeys: 3 }), weight: 6 },
    // What the schema treats apart: a key `constructor` or `__proto__`, another prototype.
    fc.constantFrom(
      JSON.parse('{"__proto__": 1, "id": "t"}'),
      { constructor: 1 },
      Object.create(null),
      Object.assign(Object.create(null), { id: "t" }),
      new Date(0),
      [],
    ),
  );
  const value = fc.oneof(scalars, mapping, fc.array(mapping, { maxLength: 3 }));
  const file = fc.record(
    {
      year: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 9999 }), weight: 3 }, value),
      defaults: fc.oneof({ arbitrary: mapping, weight: 3 }, value),
      targets: fc.oneof(
        { arbitrary: fc.array(mapping, { minLength: 1, maxLength: 4 }), weight: 4 },
        value,
      ),
      yaer: value,
    },
    { requiredKeys: [] },
  );

  it("answers only what the schema accepts, and gives what it gives", () => {
    let answered = 0;
    fc.assert(
      fc.property(file, (data) => {
        const plain = plainTargetFile(data);
        const parsed = fileSchema.safeParse(data);
        if (plain === null) return;
        answered++;
        expect(parsed.success).toBe(true);
        expect(plain).toStrictEqual(parsed.data);
        expect(Object.keys(plain)).toEqual(Object.keys(parsed.data ?? {}));
        plain.targets.forEach((item, index) => {
          expect(Object.keys(item)).toEqual(Object.keys(parsed.data?.targets[index] ?? {}));
        });
      }),
      { numRuns: 3000 },
    );
    // Hand check that the property is not empty: most draws are files of the plain shape.
    expect(answered).toBeGreaterThan(100);
  });

  it("answers for the benchmark's file and leaves the rest to the schema", () => {
    const data = { year: 2022, defaults: { section: "经济发展" }, targets: [{ id: "t.0001" }] };
    expect(plainTargetFile(data)).toStrictEqual(fileSchema.safeParse(data).data);
    expect(plainTargetFile({ ...data, targets: [] })).toBeNull();
    expect(plainTargetFile({ ...data, year: 10000 })).toBeNull();
    expect(plainTargetFile({ targets: [{ constructor: "x" }] })).toBeNull();
  });
});
