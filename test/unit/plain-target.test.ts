/**
 * A progress target of the common fields is checked by hand (src/inputs/plain-target.ts) as its
 * zod schema checks it: wherever the check by hand answers, the schema accepts the same target and
 * gives the same input, keys in the same order.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainProgressTarget, plainTargetFile } from "../../src/inputs/plain-target.js";
import { checkingSchemas } from "../../src/inputs/target-schema.js";

const schema = checkingSchemas().targetSchemas.progress;
const shapeKeys = Object.keys(schema.shape);

describe("a plain progress target is checked by hand, as the schema checks it", () => {
  const values = fc.oneof(
    fc.string(),
    fc.constantFrom(" 发改局 ", "", "  ", "t.1", "t 1", " t.1", "é", "e\u0301", "开工率", "\u200b"),
    fc.constantFrom("2022-06-30", "2022-6-30", " 2022-06-30", "progress", "level", "Progress"),
    fc.integer({ min: -3, max: 2000 }),
    fc.double(),
    fc.constantFrom(2 ** 53, -0, 0, 1.5, -1, Number.NaN, Number.POSITIVE_INFINITY),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(fc.string(), fc.constantFrom(" 发改局", "", 3)), { maxLength: 3 }),
    fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
  );
  const keys = fc.constantFrom(
    ...shapeKeys,
    "title ",
    "titel",
    "kind",
    "__proto__",
    "constructor",
    "min",
  );
  // Values of the simple forms, often: most draws then reach the check of every field.
  const often = <T>(simple: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: simple, weight: 4 }, { arbitrary: values, weight: 1 });
  const texts = fc.oneof(fc.string(), fc.constantFrom("新开工项目", " 发改局 ", "个"));
  const target = fc.record(
    {
      id: often(fc.constantFrom("t.0001", "invest.start-rate", "a_b-c.9", "T9")),
      title: often(texts),
      target: often(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))),
    },
    { requiredKeys: [] },
  );
  const simpleValues = fc.oneof(
    texts,
    fc.integer({ min: -3, max: 2000 }),
    fc.array(texts, { maxLength: 3 }),
    fc.constantFrom("progress", "2022-06-30", "2022-12-31"),
  );
  const rest = fc.dictionary(keys, often(simpleValues), { maxKeys: 6 });

  it("answers only what the schema accepts, and gives what it gives", () => {
    fc.assert(
      fc.property(target, rest, (required, others) => {
        const merged = { ...others, ...required };
        const plain = plainProgressTarget(merged, shapeKeys);
        const parsed = schema.safeParse(merged);
        if (plain !== null) {
          expect(parsed.success).toBe(true);
          expect(plain).toStrictEqual(parsed.data);
          expect(Object.keys(plain)).toEqual(Object.keys(parsed.data ?? {}));
        }
      }),
      { numRuns: 3000 },
    );
  });

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
    const plain = plainProgressTarget(merged, shapeKeys);
    expect(plain).toStrictEqual(schema.safeParse(merged).data);
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

  it("leaves every other field and value to the schema", () => {
    const base = { id: "t.1", title: "x", target: 1 };
    expect(plainProgressTarget({ ...base, schedule: "linear" }, shapeKeys)).toBeNull();
    expect(plainProgressTarget({ ...base, id: "开工率" }, shapeKeys)).toBeNull();
    expect(plainProgressTarget({ ...base, title: "  " }, shapeKeys)).toBeNull();
    expect(plainProgressTarget({ ...base, target: Number.NaN }, shapeKeys)).toBeNull();
    expect(plainProgressTarget({ id: "t.1", title: "x" }, shapeKeys)).toBeNull();
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
