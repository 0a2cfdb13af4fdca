/**
 * Every problem code has its words in both languages: the sample table below must hold a sample
 * of every code (the compiler refuses one left out), and each sample is rendered in English and
 * Chinese. The Chinese may keep values, keys, option names and a few names of formats, but no
 * English word of its own.
 */
import { describe, expect, it } from "vitest";
import type { ProblemCode, ProblemParams } from "../../src/core/problem-codes.js";
import { error, type Problem } from "../../src/core/problems.js";
import { labelsFor } from "../../src/i18n/language.js";
import { formatProblem } from "../../src/i18n/problem-text.js";

const place = { file: "targets/t.yaml", line: 3, column: 5 };

/** One sample of every code's params. */
const SAMPLES: { [C in ProblemCode]: ProblemParams[C] } = {
  "path.not-found": { paths: ["no/such/folder", "nor/this.csv"] },
  "path.folder-unreadable": { code: "EACCES" },
  "path.no-target-files": { extensions: [".yaml", ".yml"] },
  "path.no-data-files": { extensions: [".csv"] },
  "file.unreadable": { code: "EISDIR" },
  "file.target-too-large": { maxBytes: 1 << 20, role: "target" },
  "file.more-errors": { count: 12 },
  "file.more-warnings": { count: 7 },
  "yaml.invalid": {},
  "yaml.nested-too-deeply": {},
  "yaml.indent-character": { character: "ideographic-space" },
  "yaml.full-width-colon": {},
  "yaml.plain-value-start": { character: "%", key: "unit", value: "%" },
  "yaml.colon-in-value": { key: "title", value: "投资: 5亿" },
  "yaml.bad-indent": {},
  "yaml.multiline-key": {},
  "yaml.missing-colon": {},
  "yaml.unclosed-quote": { quote: '"' },
  "yaml.unclosed-bracket": { bracket: "[" },
  "yaml.several-documents": { role: "project" },
  "yaml.bad-escape": { sequence: "\\q" },
  "yaml.duplicate-key": { key: "title" },
  "yaml.unknown-tag": { tag: "!!js/function", role: "target" },
  "yaml.unknown-alias": { alias: "base" },
  "yaml.too-many-aliases": { max: 1000, role: "target" },
  "yaml.merge-not-mapping": {},
  "yaml.mapping-too-large": { keys: 1001, max: 1000 },
  "yaml.list-too-long": { items: 20_001, max: 20_000, role: "target" },
  "target.empty-file": {},
  "target.not-utf8": { encoding: "GB18030" },
  "target.id-invisible-character": { id: "invest\u200b.projects", codePoint: 0x200b },
  "target.duplicate-id": { id: "invest", first: { file: "targets/a.yaml", line: 3, column: 5 } },
  "target.title-is-other-id": {
    title: "invest",
    first: { file: "targets/a.yaml", line: 3, column: 5 },
  },
  "target.unknown-key": { key: "tagret", suggestion: "target" },
  "target.key-of-other-kind": { key: "min", kind: "progress", owners: ["level"] },
  "target.id-default": {},
  "target.number-too-large": { field: "targets[0].target", value: 1e16 },
  "target.more-numbers-too-large": { count: 3 },
  "target.date-not-calendar": { field: "schedule[0].by", value: "2022-02-30" },
  "target.date-needs-year": { field: "deadline" },
  "target.deadline-before-start": { deadline: "2022-03-01", start: "2022-05-01" },
  "target.target-equals-baseline": { baseline: 5 },
  "target.year-two-digit": { year: 22, write: 2022 },
  "target.about-over-span": { about: 80, baseline: 0, target: 80 },
  "target.about-over-rate": { about: "3", rate: 2 },
  "target.milestone-needs-amount": { index: 0 },
  "target.milestone-both-amounts": { index: 1 },
  "target.milestone-outside-period": {
    index: null,
    by: "2022-03-31",
    start: "2022-04-01",
    deadline: "2022-12-31",
  },
  "target.milestone-out-of-order": { index: 1, by: "2022-03-31" },
  "target.milestone-not-between": { index: 1, value: 20, previous: 30, target: 100 },
  "target.level-needs-bound": {},
  "target.first-report-not-monthly": { frequency: "quarterly" },
  "target.first-report-not-calendar": { value: "02-30" },
  "target.max-below-min": { max: 1, min: 2 },
  "target.growth-needs-bound": { rate: -3 },
  "target.result-by-not-after": { resultBy: "2022-12-31", deadline: "2022-12-31" },
  "target.reference-both": {},
  "target.reference-unknown": { id: "income.growth", ref: "gdp.grwth", suggestion: "gdp.growth" },
  "target.reference-milestone": { id: "income.growth", ref: "park.done" },
  "target.reference-cycle": { id: "a", ref: "b", cycle: ["a", "b", "a"] },
  "target.stretch-not-better": { stretch: 3, bound: "max", value: 2 },
  "schema.required": { field: "target" },
  "schema.invalid": {
    field: "schedule",
    expected: "schedule",
    got: { text: '"q30"' },
    suggestion: "q30-h60-q85",
  },
  "project.unknown-key": {
    key: "offce",
    suggestion: null,
    known: ["office", "title", "due_days", "owners"],
  },
  "project.duplicate-owner": { owner: "发改局", first: { file: "kpi.yaml", line: 4, column: 5 } },
  "project.missing-above-red": { missing: 10, red: 0 },
  "project.missing-above-late": {
    missing: 40,
    status: "red",
    points: 50,
    latePenalty: 30,
    late: 20,
  },
  "project.as-of-not-calendar": { value: "2022-02-30" },
  "project.as-of-invalid": { value: "latest", suggestion: "latest-data" },
  "project.timezone-unknown": { value: "Asia/Shanghia", suggestion: "Asia/Shanghai" },
  "project.unknown-contact": { owner: "发改委", suggestion: "发改局" },
  "project.not-utf8": { encoding: "GB18030" },
  "owner.several-names": { name: "经信局、商务局", names: ["经信局", "商务局"] },
  "owner.invisible-character": { name: "经信局\u200b", codePoint: 0x200b },
  "owner.not-listed": { owner: "发改委", suggestion: "发改局", file: "kpi.yaml" },
  "data.not-utf8": {},
  "data.mixed-encoding": { utf8Line: 2 },
  "csv.unclosed-quote": {},
  "csv.text-after-quote": {},
  "csv.unreadable": { reason: "UndetectableDelimiter" },
  "data.no-header": { columns: ["target", "date", "value"] },
  "data.duplicate-column": { column: "date", first: "date", second: "日期" },
  "data.missing-column": {
    missing: [
      { column: "date", names: ["date", "period", "日期"] },
      { column: "value", names: ["value", "数值", "值"] },
    ],
  },
  "data.header-too-low": { rowsAbove: 11, max: 10 },
  "data.header-separator": { separator: "tab" },
  "data.full-width-commas": {},
  "data.header-encoding": { encoding: "UTF-16" },
  "data.text-not-data": { rows: 10, columns: ["target", "date", "value"] },
  "data.file-not-read": { extensions: [".csv", ".tsv", ".txt"] },
  "data.more-files-not-read": { count: 12 },
  "data.legacy-workbook": { extension: ".et" },
  "data.sheet-not-read": { rows: 10, columns: ["target", "date", "value"] },
  "data.workbook-no-header": {
    rows: 10,
    columns: [
      { column: "target", names: ["target", "id", "指标", "编号"] },
      { column: "date", names: ["date", "period", "日期"] },
      { column: "value", names: ["value", "数值", "值"] },
    ],
  },
  "data.workbook-unreadable": { reason: "entity", part: "xl/sharedStrings.xml", detail: "&lol9;" },
  "data.too-much-data": { rows: 2 ** 31, files: 2 ** 19 },
  "data.workbook-too-large": { part: "xl/worksheets/sheet1.xml", maxBytes: 256 << 20 },
  "data.cell-error": { value: "#N/A" },
  "data.cell-no-value": {},
  "data.cell-number-not-date": { value: "44651", date: "2022-03-31" },
  "data.header-not-found": {
    rows: 10,
    columns: [
      { column: "target", names: ["target", "id", "指标", "编号"] },
      { column: "date", names: ["date", "period", "日期"] },
      { column: "value", names: ["value", "数值", "值"] },
    ],
    encoding: "GB18030",
  },
  "data.row-too-wide": { fields: 4, header: 3 },
  "data.value-split": { value: "1", next: "200" },
  "data.target-empty": {},
  "data.unknown-id": {
    id: "invest.projects-10m",
    rows: 2,
    suggestion: "invest.projects-100m",
    allowed: false,
  },
  "data.title-shared": { title: "开工率", ids: ["start-rate", "start-rate.q"] },
  "data.more-unknown-ids": { rows: 199_950, allowed: true },
  "data.date-not-calendar": { value: "2022-02-30" },
  "data.date-invalid": { value: "31/03/2022" },
  "data.date-time-of-day": { value: "2022-03-31 08:30", date: "2022-03-31" },
  "data.date-two-digit-year": { value: "22-3-31", date: "2022-03-31" },
  "data.date-year-last": { value: "03/04/2022", date: null },
  "data.date-bare-number": { value: "44651", date: "2022-03-31" },
  "data.date-range-aggregate": {
    value: "2022年4-6月",
    id: "invest",
    first: 4,
    last: 6,
    date: "2022-06-30",
    kind: "progress",
    aggregate: "last",
  },
  "data.value-missing": { id: "invest", date: "2022-03-31" },
  "data.base-not-number": { value: "约120" },
  "data.base-not-positive": { id: "gdp.growth", date: "2022-03-31", base: 0 },
  "data.value-not-done": {
    value: "maybe",
    done: ["1", "true", "yes", "done", "y", "是", "完成", "已完成"],
    notDone: ["0", "false", "no", "n", "否", "未完成"],
  },
  "data.value-percent-unit": { value: "36%", id: "invest" },
  "data.value-not-number": { value: "36个" },
  "data.value-with-word": { value: "约30", write: "30" },
  "data.value-too-large": { value: "12345678901234567890" },
  "data.conflict": {
    id: "hall",
    date: "2022-03-31",
    here: false,
    there: true,
    first: { file: "data/x.csv", line: 2, column: 1 },
  },
  "data.range-overlaps": {
    id: "platform.above-scale-projects",
    from: "2022-05-01",
    date: "2022-07-31",
    otherDate: "2022-05-31",
    other: { file: "data/2022-05.csv", line: 8, column: 1 },
  },
  "data.base-conflict": {
    id: "gdp.amount",
    date: "2022-06-30",
    here: 112.5,
    there: null,
    first: { file: "data/2022-06.csv", line: 3, column: 1 },
  },
  "data.more-conflicts": { count: 70 },
  "data.correction": {
    id: "invest",
    date: "2022-03-31",
    value: 38,
    replaced: 36,
    first: { file: "data/2022-03.csv", line: 4, column: 1 },
  },
  "data.more-corrections": { count: 12 },
  "data.implausible-growth": {
    id: "output",
    date: "2023-06-30",
    value: 226,
    base: 20000,
    growth: -98.9,
  },
  "data.implausible-size": {
    id: "invest.amount",
    date: "2022-03-31",
    value: 125000,
    target: 60,
    baseline: 0,
    unit: "亿元",
  },
  "data.total-reversed": {
    id: "invest",
    date: "2022-04-30",
    previousDate: "2022-03-31",
    from: 115,
    to: 60,
    direction: 1,
  },
  "data.percent-fraction": { id: "rate", date: "2022-03-31", value: 0.31, write: 31 },
  "data.more-implausible": { count: 9 },
  "data.date-after-today": { id: "invest", date: "2032-06-30", today: "2023-07-05" },
  "data.more-after-today": { count: 4 },
  "data.reported-before-date": { id: "invest", date: "2022-06-30", reported: "2022-06-15" },
  "option.as-of-not-calendar": { value: "2022-02-30" },
  "option.as-of-invalid": { value: "someday" },
  "option.lang-invalid": { value: "fr" },
  "option.issue-invalid": { value: "-1" },
  "option.fail-on-invalid": {
    value: "purple",
    statuses: ["red", "yellow", "grey", "green", "late"],
  },
  "option.encoding-unknown": { encoding: "klingon" },
  "option.config-not-found": { path: "office/kpi.yaml" },
  "option.unknown-target-id": { id: "zzz", suggestion: null },
  "option.unknown-owner": { owner: "发改委", suggestion: "发改局", owners: ["发改局", "统计局"] },
  "option.owner-missing": { both: false },
  "option.period-missing": {},
  "option.period-invalid": { value: "2022-13" },
  "option.all-needs-folder": {},
  "usage.unknown-command": { command: "explian", suggestion: "explain" },
  "usage.unknown-option": { option: "--formt", suggestion: "--format" },
  "usage.missing-argument": { argument: "id" },
  "usage.option-missing-value": { option: "--as-of <date>" },
  "usage.invalid-choice": {
    option: "-f, --format <format>",
    value: "xml",
    choices: ["table", "markdown", "json"],
  },
  "usage.too-many-arguments": { command: "list", expected: 0, got: 2 },
  "usage.invalid": {},
  "output.write-failed": {
    path: "out/status.md",
    reason: { system: "EBUSY: resource busy or locked", code: "EBUSY" },
    nothingWritten: true,
  },
  "output.append-failed": { path: "summary.md", code: "ENOENT" },
  "output.binary-to-terminal": { format: "docx", extension: ".docx" },
  "output.empty-path": {},
  "output.is-input": { path: "./data/../data/2022-03.csv", input: "data/2022-03.csv" },
  "output.stdout-failed": { reason: "disk-full" },
  "output.init-files-exist": { paths: ["repo/README.md", "repo/targets/example.yaml"] },
  "output.template-files-exist": { paths: ["forms/发改局-2022-07.xlsx"] },
  "diff.not-json": { path: "base.json" },
  "notify.no-webhook": {},
  "notify.bad-webhook": {},
  "notify.post-failed": {
    platform: "dingtalk",
    attempts: 3,
    detail: "HTTP 503",
    posted: 1,
    total: 2,
  },
  "diff.not-results": { path: "base.json", field: "results[3].status" },
};

/**
 * The Latin words Chinese messages may hold besides the values of their params: names of formats
 * and encodings, the names of fields, kinds and presets a target file is written in, and the
 * words of options. Anything else Latin is an English word left untranslated.
 */
const ALLOWED = new Set([
  ...["UTF-8", "GB18030", "gb18030", "YAML", "CSV", "MiB", "kpi", "U+00A0", "U+3000", "U+200B"],
  ...["YYYY-MM-DD", "1e15", "2022-Q1", "none", "today", "en", "zh", "list", "init"],
  ...["id", "year", "defaults", "targets", "kind", "schedule", "by", "progress", "value"],
  ...["min", "max", "stretch", "level", "milestone", "linear", "step", "last", "sum"],
  ...["q30-h60-q85", "h50-q85", "first_report", "MM-DD", "due_days", "weight", "frequency"],
  ...["monthly", "quarterly", "half-yearly", "yearly"],
  ...["office", "title", "owners", "green", "yellow", "red", "missing", "late_penalty"],
  ...["scores.missing", "scores.red", "as_of", "latest-data", "true", "false"],
  ...["timezone", "IANA", "Asia/Shanghai", "aggregate"],
  ...["GBK", "UTF-16", "UTF-16LE", "UTF-16BE", "BOM", "Unicode", "Excel", "WPS", "xlsx"],
  ...["txt", "tsv", "JSON", "json", "check", "diff", "schemaVersion", "KPI_WEBHOOK"],
  ...["growth", "rate", "bound", "about", "input", "result_by", "breach_after", "ref", "plus"],
  ...["times", "http", "https", "contacts"],
]);

/** Every text a problem's params hold: values, which any language shows as they are. */
function valuesOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(valuesOf);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(valuesOf);
  return [];
}

/** The Latin words of a Chinese message that are neither values, quoted, options nor allowed. */
function englishWords(text: string, problem: Problem): string[] {
  const values = valuesOf(problem.params);
  let rest = text;
  // Longest first, so that a value is taken out whole before a part of it; a letter alone is
  // taken out only as a word of its own, below.
  for (const value of values.sort((a, b) => b.length - a.length))
    if (value.length > 1) rest = rest.replaceAll(value, " ");
  // Quoted values, long options and short ones (`-o`).
  rest = rest.replace(/"[^"\n]*"|'[^'\n]*'|--[a-z][a-z-]*|(?<![\w-])-[a-zA-Z](?![\w-])/g, " ");
  return (rest.match(/[A-Za-z0-9][A-Za-z0-9+_.-]*/g) ?? [])
    .map((word) => word.replace(/[.-]+$/, ""))
    .filter((word) => /[A-Za-z]/.test(word) && !ALLOWED.has(word) && !values.includes(word));
}

const problems = (Object.keys(SAMPLES) as ProblemCode[]).map((code) =>
  error(place, code, SAMPLES[code] as never),
);

describe("every problem code has words in both languages", () => {
  it.each(problems.map((problem) => [problem.code, problem] as const))("%s", (_code, problem) => {
    const english = formatProblem(problem, labelsFor("en"));
    const chinese = formatProblem(problem, labelsFor("zh"));
    for (const text of [english, chinese]) {
      expect(text.startsWith("targets/t.yaml:3:5: ")).toBe(true);
      expect(text.slice("targets/t.yaml:3:5: ".length).trim()).not.toBe("");
      expect(text).not.toMatch(/undefined|\[object Object\]|NaN/);
    }
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
    expect(englishWords(chinese.slice("targets/t.yaml:3:5: ".length), problem)).toEqual([]);
  });

  it("a warning has the prefix of its language", () => {
    const [problem] = problems;
    const warned = { ...(problem as Problem), severity: "warning" as const };
    expect(formatProblem(warned, labelsFor("en"))).toMatch(/^targets\/t\.yaml:3:5: warning: /);
    expect(formatProblem(warned, labelsFor("zh"))).toMatch(/^targets\/t\.yaml:3:5: 警告：/);
  });

  it("a problem of no place is its message alone", () => {
    const problem = { ...error(null, "option.lang-invalid", { value: "fr" }) };
    expect(formatProblem(problem, labelsFor("en"))).toBe('--lang must be en or zh, got "fr"');
  });

  it("shows the control characters of a one-line message escaped, as the terminal must see them", () => {
    const key = error(place, "target.unknown-key", { key: "a\u001b[31m", suggestion: null });
    expect(formatProblem(key)).toBe('targets/t.yaml:3:5: unknown key "a\\u001b[31m"');
    // JSON has escaped it already: shown as JSON wrote it.
    const value = error(place, "data.value-not-number", { value: "1\u0000" });
    expect(formatProblem(value)).toBe(
      'targets/t.yaml:3:5: value "1\\u0000" is not a number: write a number (36, -3.5 or 1200)',
    );
  });

  it("shows the control characters of values escaped, never the words' own line breaks", () => {
    const problem = error(place, "output.init-files-exist", { paths: ["a\u001b[31m", "b"] });
    expect(formatProblem(problem)).toBe(
      "targets/t.yaml:3:5: 2 of the files init writes exist already; nothing was written (--force overwrites them):\n  a\\u001b[31m\n  b",
    );
  });
});
