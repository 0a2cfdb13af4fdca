/**
 * What the fuzz and property tests share: the budget (short in `npm test`, long in `npm run fuzz`),
 * an oracle that reads data files the way SPEC section 3 says — written apart from src/inputs/csv.ts and
 * src/inputs/data.ts, so that it cannot share their mistakes —, and generators of valid and hostile input.
 */
import { appendFileSync } from "node:fs";
import fc from "fast-check";
import type { Target } from "../src/core/model.js";

// ---------------------------------------------------------------------------------------------
// Budget

/** `npm run fuzz` sets KPI_FUZZ=long: many more runs, each property bounded by a time limit. */
export const LONG = process.env.KPI_FUZZ === "long";
const LONG_RUNS = Number(process.env.KPI_FUZZ_RUNS) || 20_000;
const LONG_SECONDS = Number(process.env.KPI_FUZZ_SECONDS) || 60;

/** A test's own timeout: room for the long budget, which interrupts itself first. */
export const FUZZ_TIMEOUT = LONG ? (LONG_SECONDS + 120) * 1000 : 60_000;

/**
 * Check a property with the budget of this run, and throw fast-check's report (seed, path and the
 * shrunk counterexample) on a failure. With KPI_FUZZ_STATS set, append the runs made and the time
 * taken, for the fuzz script's summary.
 */
export async function fuzz<T>(
  name: string,
  property: fc.IProperty<T> | fc.IAsyncProperty<T>,
  shortRuns: number,
): Promise<void> {
  const started = performance.now();
  const seed = process.env.KPI_FUZZ_SEED;
  const details = await fc.check(property as fc.IAsyncProperty<T>, {
    numRuns: LONG ? LONG_RUNS : shortRuns,
    // One run of an async property that takes this long is a hang, and a finding.
    timeout: 20_000,
    ...(LONG ? { interruptAfterTimeLimit: LONG_SECONDS * 1000 } : {}),
    ...(seed === undefined ? {} : { seed: Number(seed) }),
  });
  const statsFile = process.env.KPI_FUZZ_STATS;
  if (statsFile) {
    appendFileSync(
      statsFile,
      `${JSON.stringify({
        name,
        runs: details.numRuns,
        skipped: details.numSkips,
        interrupted: details.interrupted,
        failed: details.failed,
        seconds: Math.round((performance.now() - started) / 100) / 10,
      })}\n`,
    );
  }
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : "";
    throw new Error(`${name}\n${fc.defaultReportMessage(details)}\n${cause}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The oracle: SPEC section 3, read independently

/** One record as the oracle reads it: its fields and the line it starts on. */
export interface OracleRecord {
  line: number;
  fields: string[];
}

export interface OracleCsv {
  records: OracleRecord[];
  /**
   * False when the text is not plain RFC 4180 (a quote inside an unquoted field, text after a
   * closing quote, a quote never closed): readers may differ there, and only an error is sure.
   */
  regular: boolean;
}

/**
 * RFC 4180 with "\n" or "\r\n" between records: a field is quoted when it starts with `"`, a quoted
 * field ends at a `"` that is not doubled and is followed by the separator (`,` unless another is
 * given), a line break or the end.
 */
export function oracleCsv(text: string, separator = ","): OracleCsv {
  const records: OracleRecord[] = [];
  let regular = true;
  let line = 1;
  let position = 0;
  const length = text.length;
  if (length === 0) return { records, regular };
  while (position <= length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = "";
      if (text[position] === '"') {
        position++;
        for (;;) {
          if (position >= length) {
            regular = false; // never closed
            break;
          }
          const char = text[position] as string;
          if (char === '"') {
            if (text[position + 1] === '"') {
              field += '"';
              position += 2;
              continue;
            }
            position++;
            break;
          }
          if (char === "\n") line++;
          field += char;
          position++;
        }
        // A CRLF's "\r" after a closing quote belongs to the line break.
        if (text[position] === "\r" && text[position + 1] === "\n") position++;
        const after = text[position];
        if (!(after === undefined || after === separator || after === "\n")) {
          // Text after a closing quote: irregular. Read on to the end of the field as text.
          regular = false;
          while (position < length && text[position] !== separator && text[position] !== "\n")
            field += text[position++];
        }
      } else {
        while (position < length && text[position] !== separator && text[position] !== "\n") {
          if (text[position] === '"') regular = false; // a quote inside an unquoted field
          field += text[position++];
        }
      }
      fields.push(field);
      if (text[position] === separator) {
        position++;
        continue;
      }
      break;
    }
    // A CRLF's "\r" belongs to the line break, not to the last field.
    const last = fields.length - 1;
    if ((fields[last] as string).endsWith("\r"))
      fields[last] = (fields[last] as string).slice(0, -1);
    records.push({ line: start, fields });
    if (position >= length) break;
    position++; // the "\n"
    line++;
    if (position === length) break; // a final line break ends the last record
  }
  return { records, regular };
}

const ALIASES: Record<string, string[]> = {
  target: ["target", "id", "指标", "编号"],
  date: ["date", "period", "日期"],
  value: ["value", "数值", "值"],
  note: ["note", "备注"],
};

/** The columns a header's fields name: each column's indexes. */
function namesOf(fields: readonly string[]): Record<string, number[]> {
  const found: Record<string, number[]> = {};
  fields.forEach((field, index) => {
    const name = field
      .replace(/^\uFEFF/, "")
      .trim()
      .toLowerCase();
    for (const [column, names] of Object.entries(ALIASES))
      if (names.includes(name)) found[column] = [...(found[column] ?? []), index];
  });
  return found;
}

function isHeader(fields: readonly string[]): boolean {
  const found = namesOf(fields);
  return ["target", "date", "value"].every((column) => found[column] !== undefined);
}

function isBlank(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === "");
}

/**
 * The separator of a file (SPEC 3, v2): a comma, unless no header is found reading commas and one
 * is reading tabs (else semicolons) that holds no comma.
 */
export function oracleSeparator(text: string): string {
  for (const separator of [",", "\t", ";"]) {
    const records = oracleCsv(text, separator).records.filter(({ fields }) => !isBlank(fields));
    const header = records.slice(0, 10).find(({ fields }) => isHeader(fields));
    if (header !== undefined && (separator === "," || !header.fields.join("").includes(",")))
      return separator;
  }
  return ",";
}

/** The day number (days since 1970-01-01) of a valid calendar date, by the platform's calendar. */
export function oracleDay(year: number, month: number, day: number): number | undefined {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return undefined;
  if (date.getUTCDate() !== day) return undefined;
  return Math.round(date.getTime() / 86_400_000);
}

function lastDayOfMonth(year: number, month: number): number | undefined {
  if (month < 1 || month > 12) return undefined;
  for (let day = 31; day >= 28; day--) {
    const found = oracleDay(year, month, day);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A date of the data (SPEC section 3), surrounding spaces ignored, or undefined. */
export function oracleDate(text: string): number | undefined {
  return oracleDateOf(text)?.day;
}

/** The Chinese numerals of the quarters, 一 to 四. */
const QUARTER_NUMERALS = ["一", "二", "三", "四"];

/**
 * A date of the data (SPEC section 3, v2 forms included) after NFKC, and for a month range
 * (`2022年4-6月`) its first month: a range from January is a total to date, a later one a period's
 * own amount.
 */
export function oracleDateOf(
  text: string,
): { day: number; firstMonth?: number; from?: number; covers?: number } | undefined {
  let rest = text.normalize("NFKC").trim();
  // A time of day after a space or "T" is allowed only at midnight, and only after a day.
  const clock = /^(.*?)(?:\s+|T)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,9}))?)?$/.exec(
    rest,
  );
  let timed = false;
  if (clock) {
    const [, before, hours, minutes, seconds = "0", fraction = "0"] = clock;
    const zero = (part: string) => /^0+$/.test(part);
    if (!(zero(hours as string) && zero(minutes as string) && zero(seconds) && zero(fraction)))
      return undefined;
    rest = before as string;
    timed = true;
  }
  const day = oracleFullDate(rest);
  if (day !== undefined || timed) return day === undefined ? undefined : { day };
  const month = /^(\d{4})[-/](\d{1,2})$/.exec(rest) ?? /^(\d{4})年(\d{1,2})月$/.exec(rest);
  if (month) return endOf(Number(month[1]), Number(month[2]));
  const quarter =
    /^(\d{4})-?[Qq]([1-4])$/.exec(rest) ?? /^(\d{4})年第?([1-4一二三四])季度$/.exec(rest);
  if (quarter) {
    const written = quarter[2] as string;
    const number = /[1-4]/.test(written) ? Number(written) : QUARTER_NUMERALS.indexOf(written) + 1;
    return covering(Number(quarter[1]), number * 3 - 2, number * 3);
  }
  const half = /^(\d{4})年([上下])半年$/.exec(rest);
  if (half)
    return half[2] === "上" ? covering(Number(half[1]), 1, 6) : covering(Number(half[1]), 7, 12);
  const range = /^(\d{4})年(\d{1,2})月?\s*([-‐‑‒–—―~至到])\s*(\d{1,2})月$/.exec(rest);
  if (range) {
    const first = Number(range[2]);
    const last = Number(range[4]);
    if (first < 1 || first >= last) return undefined;
    const end = endOf(Number(range[1]), last);
    const from = oracleDay(Number(range[1]), first, 1);
    return end === undefined || from === undefined
      ? undefined
      : { day: end.day, firstMonth: first, from };
  }
  return undefined;
}

/** A quarter's or a half year's last day, and the first day of the months it names. */
function covering(year: number, first: number, last: number) {
  const end = endOf(year, last);
  const covers = oracleDay(year, first, 1);
  return end === undefined || covers === undefined ? undefined : { day: end.day, covers };
}

/** A form that names one day: `2022-03-31` (and 2022/3/31, 2022.3.31), `2022年3月31日`, `20220331`. */
function oracleFullDate(text: string): number | undefined {
  const parts =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  // One separator throughout: 2022-03/31 is no date.
  if (!parts || (new Set(text.replace(/\d/g, "")).size > 1 && !text.includes("年")))
    return undefined;
  return oracleDay(Number(parts[1]), Number(parts[2]), Number(parts[3]));
}

function endOf(year: number, month: number): { day: number } | undefined {
  if (year < 1) return undefined;
  const day = lastDayOfMonth(year, month);
  return day === undefined ? undefined : { day };
}

/**
 * A plain decimal: optional sign, digits (grouped by three with commas, or not), optional
 * decimals; within ±1e15. Never an exponent, `Infinity`, hex, or a digit of another script.
 */
export function oracleNumber(text: string): number | undefined {
  let rest = text;
  let sign = "";
  if (rest.startsWith("+") || rest.startsWith("-")) {
    sign = rest[0] as string;
    rest = rest.slice(1);
  }
  const parts = rest.split(".");
  if (parts.length > 2) return undefined;
  const [whole = "", fraction] = parts;
  if (fraction !== undefined && !/^[0-9]+$/.test(fraction)) return undefined;
  let digits: string;
  if (whole.includes(",")) {
    const groups = whole.split(",");
    if (!/^[0-9]{1,3}$/.test(groups[0] as string)) return undefined;
    if (groups.slice(1).some((group) => !/^[0-9]{3}$/.test(group))) return undefined;
    digits = groups.join("");
  } else {
    if (!/^[0-9]+$/.test(whole)) return undefined;
    digits = whole;
  }
  const value = Number(`${sign}${digits}${fraction === undefined ? "" : `.${fraction}`}`);
  if (!Number.isFinite(value) || Math.abs(value) > 1e15) return undefined;
  return value === 0 ? 0 : value; // -0 is the amount 0
}

const DONE = ["1", "true", "yes", "done", "y", "是", "完成", "已完成"];
const NOT_DONE = ["0", "false", "no", "n", "否", "未完成"];

/** A value for a target: a number, a `%` number for `%` targets, or done / not done. */
export function oracleValue(text: string, target: Target): number | boolean | undefined {
  // Full-width digits, signs and commas are their ASCII forms (SPEC 3, v2).
  const trimmed = text.trim().normalize("NFKC").trim();
  if (target.kind === "milestone") {
    const word = trimmed.toLowerCase();
    if (DONE.includes(word)) return true;
    if (NOT_DONE.includes(word)) return false;
    return undefined;
  }
  if (trimmed.endsWith("%")) {
    if (target.unit !== "%") return undefined;
    return oracleNumber(trimmed.slice(0, -1).trimEnd());
  }
  return oracleNumber(trimmed);
}

/** What reading a set of data files must give. */
export interface OracleReading {
  /** Each known target's rows, one per date: [day, value, "file:line"]. */
  observations: Map<string, [number, number | boolean, string][]>;
  /** Every error, as "file:line" (`file:*` when the line is not pinned down). */
  errors: string[];
  /** Every warning, as "file:line". */
  warnings: string[];
  /** Files whose text is not plain RFC 4180: only "at least one error" is sure there. */
  irregular: Set<string>;
}

/**
 * Read decoded data files (in the order given, which is path order) as SPEC section 3 says, with
 * the reader's documented choices: the separator and the header as the SPEC finds them (v2), title
 * rows above the header skipped, a file without a header one error; a row with more fields than
 * the header is an error; an unknown id is one error (with `allowUnknown` one warning) per file at its first row (its rows are not
 * read further); the first of two disagreeing rows is kept.
 */
export function oracleRead(
  files: readonly ({ file: string; text: string } | { file: string; mixedLine: number })[],
  targets: ReadonlyMap<string, Target>,
  options: { allowUnknown?: boolean } = {},
): OracleReading {
  const byTitle = new Map<string, Target[]>();
  for (const target of targets.values())
    byTitle.set(target.title, [...(byTitle.get(target.title) ?? []), target]);
  const byIdOrTitle = (cell: string): Target | "shared" | undefined => {
    const byId = targets.get(cell);
    if (byId !== undefined) return byId;
    const titled = byTitle.get(cell) ?? [];
    return titled.length > 1 ? "shared" : titled[0];
  };
  const errors: string[] = [];
  const warnings: string[] = [];
  const irregular = new Set<string>();
  const rows: {
    id: string;
    day: number;
    value: number | boolean;
    place: string;
    /** A later month range's first day: the months whose rows it would add again. */
    from?: number;
  }[] = [];
  for (const source of files) {
    const { file } = source;
    // A mixed file is one error at its first line that is not UTF-8, and no row.
    if (!("text" in source)) {
      errors.push(`${file}:${source.mixedLine}`);
      continue;
    }
    const { text } = source;
    const csv = oracleCsv(text, oracleSeparator(text));
    if (!csv.regular) irregular.add(file);
    let columns: Record<string, number> | null = null;
    let width = 0;
    const unknown = new Set<string>();
    // The header: the first of the first 10 records with text that names the three columns.
    const withText = csv.records.filter(({ fields }) => !isBlank(fields));
    const header = withText.slice(0, 10).find(({ fields }) => isHeader(fields));
    if (header === undefined) {
      // No header: one error, and no row is read.
      errors.push(`${file}:*`);
      continue;
    }
    {
      const place = `${file}:${header.line}`;
      const found = namesOf(header.fields);
      let usable = true;
      // Only the columns that are read may not repeat: two notes are fine.
      for (const column of ["target", "date", "value"]) {
        const indexes = found[column] ?? [];
        for (let i = 1; i < indexes.length; i++) errors.push(place);
        if (indexes.length > 1) usable = false;
      }
      if (usable)
        columns = Object.fromEntries(
          Object.entries(found).map(([column, [index]]) => [column, index as number]),
        );
      width = header.fields.length;
    }
    for (const { line, fields } of withText.slice(withText.indexOf(header) + 1)) {
      const place = `${file}:${line}`;
      if (columns === null) continue; // an unusable header: the rest is not read
      if (fields.length > width) {
        errors.push(place);
        continue;
      }
      const id = (fields[columns.target as number] ?? "").trim();
      if (id === "") {
        errors.push(place);
        continue;
      }
      // A row of an unknown id is ignored whole, whatever its date: one error (with
      // allowUnknown a warning) per id and file. A target is named by its id, else by its
      // title when no other target has it (v2). An unknown id with full-width commas is a line
      // typed with them between its fields, an error.
      const named = byIdOrTitle(id) ?? byIdOrTitle(id.normalize("NFC"));
      if (named === "shared") {
        errors.push(place);
        continue;
      }
      const target = named;
      if (target === undefined && id.includes("\uFF0C")) {
        errors.push(place);
        continue;
      }
      if (target === undefined) {
        if (!unknown.has(id)) (options.allowUnknown ? warnings : errors).push(place);
        unknown.add(id);
        continue;
      }
      const date = oracleDateOf(fields[columns.date as number] ?? "");
      if (date === undefined) {
        errors.push(place);
        continue;
      }
      // A month range from January is a total to date, a later one a period's own amount.
      if (date.firstMonth !== undefined) {
        const needs = date.firstMonth === 1 ? "last" : "sum";
        if (target.kind !== "progress" || target.aggregate !== needs) {
          errors.push(place);
          continue;
        }
      }
      const { day } = date;
      const valueText = (fields[columns.value as number] ?? "").trim();
      if (valueText === "") {
        warnings.push(place);
        continue;
      }
      const value = oracleValue(valueText, target);
      if (value === undefined) {
        errors.push(place);
        continue;
      }
      // A number followed by a field of digits in the note or a column not read: `1,200` unquoted.
      const next = (columns.value as number) + 1;
      const read = [columns.target, columns.date];
      if (
        typeof value === "number" &&
        next < width &&
        !read.includes(next) &&
        /^[0-9]+(\.[0-9]+)?%?$/.test((fields[next] ?? "").trim())
      ) {
        errors.push(place);
        continue;
      }
      rows.push({
        id: target.id,
        day,
        value,
        place,
        ...(date.firstMonth !== undefined && date.firstMonth > 1 ? { from: date.from } : {}),
        // A quarter or a half year, for a target that adds up its rows: its months' amount.
        ...(date.covers !== undefined && target.kind === "progress" && target.aggregate === "sum"
          ? { from: date.covers }
          : {}),
      });
    }
  }
  // A later month range holds no other row of its target dated before its end.
  for (const row of rows) {
    const { from } = row;
    if (from === undefined) continue;
    if (rows.some((other) => other.id === row.id && other.day >= from && other.day < row.day))
      errors.push(row.place);
  }
  // Rows of one target and date must agree; the first one is kept.
  const first = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const key = `${row.id}\u0000${row.day}`;
    const kept = first.get(key);
    if (kept === undefined) first.set(key, row);
    else if (kept.value !== row.value) errors.push(row.place);
  }
  const observations = new Map<string, [number, number | boolean, string][]>();
  for (const row of first.values()) {
    const list = observations.get(row.id) ?? [];
    list.push([row.day, row.value, row.place]);
    observations.set(row.id, list);
  }
  for (const list of observations.values()) list.sort((a, b) => a[0] - b[0]);
  return { observations, errors, warnings, irregular };
}

// ---------------------------------------------------------------------------------------------
// Generators

/** The targets every data generator writes rows for. */
export const DATA_TARGETS_YAML = `
year: 2022
targets:
  - { id: invest, title: 固投, target: 130, unit: 个 }
  - { id: rate, title: 开工率, target: 85, unit: "%" }
  - { id: holdouts, title: 拔钉清零, baseline: 98, target: 0, deadline: 2022-03-31 }
  - { id: rank, kind: level, title: 排名, max: 2, stretch: 1 }
  - { id: hall, kind: milestone, title: 篮球馆, deadline: 2022-03-31 }
  - { id: sales, title: 社零额, target: 1200, unit: 万元, aggregate: sum }
`;
export const DATA_IDS = ["invest", "rate", "holdouts", "rank", "hall", "sales"] as const;

/** Text a department might type in a free-text column: quotes, commas, line breaks, escapes. */
export const hostileText = fc.oneof(
  fc.constantFrom(
    "",
    "示例数据，非官方统计",
    'said "ok"',
    "a,b",
    "two\nlines",
    "crlf\r\ninside",
    "| pipe | table |",
    "<script>alert(1)</script>",
    "[link](javascript:alert(1))",
    "\u001b[31mred\u001b[0m",
    "\u001b]0;title\u0007",
    "\u0000nul",
    "\u202eevil",
    "=cmd|' /C calc'!A0",
    "💥",
  ),
  fc.string({ maxLength: 12, unit: "binary" }),
);

const digits = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n));

/** Digits, signs, commas and % as their full-width forms (SPEC 3, v2: read as ASCII). */
export function fullWidth(text: string): string {
  return text.replace(/[0-9%+,.-]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

const pad = (number: number) => String(number).padStart(2, "0");

/** Date texts in every form of SPEC section 3, valid or not, hostile ones included. */
export const dateText = fc.oneof(
  fc
    .tuple(fc.integer({ min: 2021, max: 2023 }), fc.integer({ min: 1, max: 12 }), digits(1, 31))
    .chain(([year, month, day]) =>
      fc.constantFrom(
        `${year}-${pad(month)}-${day.padStart(2, "0")}`,
        `${year}/${month}/${day}`,
        `${year}年${month}月${day}日`,
        `${year}-${month}-${day}`,
        `${year}-${pad(month)}`,
        `${year}/${pad(month)}`,
        `${year}年${month}月`,
        `${year}-Q${((month - 1) >> 2) + 1}`,
        `${year}Q${((month - 1) >> 2) + 1}`,
        ` ${year}-${pad(month)}-${day.padStart(2, "0")} `,
        // v2
        `${year}.${month}.${day}`,
        `${year}${pad(month)}${day.padStart(2, "0")}`,
        `${year}/${month}/${day} 0:00`,
        `${year}-${pad(month)}-${day.padStart(2, "0")} 00:00:00`,
        `${year}-${pad(month)}-${day.padStart(2, "0")}T00:00:00.000`,
        `${year}-${pad(month)}-${day.padStart(2, "0")} 08:30`,
        `${year}年${QUARTER_NUMERALS[(month - 1) % 4]}季度`,
        `${year}年第${((month - 1) % 4) + 1}季度`,
        `${year}年${month % 2 === 0 ? "上" : "下"}半年`,
        `${year}年1-${month}月`,
        `${year}年${month}至12月`,
        `${year}年${month}—${Math.min(12, month + 2)}月`,
        fullWidth(`${year}-${pad(month)}-${day.padStart(2, "0")}`),
        `${String(year).slice(2)}-${month}-${day}`,
        `${month}/${day}/${year}`,
      ),
    ),
  fc.constantFrom(
    "2022-02-29",
    "2022-02-30",
    "2024-02-29",
    "2022-13-01",
    "2022-00",
    "2022-Q0",
    "2022Q5",
    "0000-01-01",
    "9999-12-31",
    "2022年2月29日",
    "2022/2/30",
    "2022-03-31T00:00",
    "31/03/2022",
    "２０２２-03-31",
    "44651",
    "2022年3-1月",
    "2022年五季度",
    "2022-03-31T00:00:00Z",
    "",
  ),
);

/** Value texts: numbers in every spelling, done words, and the hostile ones of issue 7. */
export const valueText = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((value) => String(value)),
  fc.integer({ min: -2_000_000, max: 2_000_000 }).map((value) => value.toLocaleString("en-US")),
  fc.integer({ min: 0, max: 100 }).map((value) => `${value}%`),
  fc.constantFrom(...DONE, ...NOT_DONE, "YES", " 是 ", "maybe"),
  fc.constantFrom(
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "-1e999",
    "1e3",
    "-0",
    "+0",
    "-0%",
    "0x10",
    "1.",
    ".5",
    "1,20",
    "1_000",
    "١٢",
    "１２",
    "9".repeat(400),
    "999999999999999",
    "1000000000000000",
    "1000000000000001",
    "-1,000,000,000,000,000",
    "9007199254740993",
    "12 %",
    " 36 ",
    "",
    // v2: full-width forms are read; units and words are refused.
    "１２０",
    "３０％",
    "1，200",
    "－５",
    "约30",
    "30个",
    "12.5万",
  ),
);

/** A date in a form of SPEC section 3 that names a real day (a range only where it is read). */
const validDate = fc
  .tuple(
    fc.integer({ min: 2021, max: 2023 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .chain(([year, month, day]) =>
    fc.constantFrom(
      `${year}-${pad(month)}-${pad(day)}`,
      `${year}/${month}/${day}`,
      `${year}年${month}月${day}日`,
      `${year}-${pad(month)}`,
      `${year}-Q${((month - 1) >> 2) + 1}`,
      `${year}.${month}.${day}`,
      `${year}${pad(month)}${pad(day)}`,
      `${year}-${pad(month)}-${pad(day)} 00:00`,
      `${year}年第${((month - 1) % 4) + 1}季度`,
      fullWidth(`${year}-${pad(month)}-${pad(day)}`),
    ),
  );

/** A month range a target reads: from January for aggregate: last, a later one for sum. */
function validRangeFor(id: (typeof DATA_IDS)[number]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 2021, max: 2023 }), fc.integer({ min: 2, max: 12 }))
    .map(([year, last]) =>
      id === "sales" ? `${year}年${last - 1}-${last}月` : `${year}年1-${last}月`,
    );
}

const plainNumber = fc.oneof(
  fc.integer({ min: -5000, max: 5000 }).map(String),
  fc.integer({ min: -2_000_000, max: 2_000_000 }).map((value) => value.toLocaleString("en-US")),
  fc
    .tuple(fc.integer({ min: -999, max: 999 }), fc.integer({ min: 0, max: 999 }))
    .map(([whole, fraction]) => `${whole}.${fraction}`),
);

/** A value that its target takes: a number, a % number for the % target, a word for milestones. */
function validValueFor(id: (typeof DATA_IDS)[number]): fc.Arbitrary<string> {
  if (id === "hall") return fc.constantFrom(...DONE, ...NOT_DONE, "YES", " 是 ", "Done");
  const numbers = fc.oneof(
    { weight: 4, arbitrary: plainNumber },
    { weight: 1, arbitrary: plainNumber.map(fullWidth) },
  );
  if (id === "rate")
    return fc.oneof(
      numbers,
      numbers.map((value) => `${value}%`),
    );
  return numbers;
}

/** A row as fields: target, date, value, note (before quoting); mostly valid, some hostile. */
export const rowFields = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(...DATA_IDS)
      .chain((id) =>
        fc.tuple(
          fc.constant(id),
          id === "invest" || id === "sales"
            ? fc.oneof(
                { weight: 4, arbitrary: validDate },
                { weight: 1, arbitrary: validRangeFor(id) },
              )
            : validDate,
          validValueFor(id),
          hostileText,
        ),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.oneof(
        fc.constantFrom(...DATA_IDS),
        fc.constantFrom("nobody", " invest ", "", "INVEST", "固投", " 开工率 ", "篮球"),
      ),
      dateText,
      valueText,
      hostileText,
    ),
  },
);

/**
 * A field as CSV writes it: quoted when it must be (it holds a quote, the separator, a comma or a
 * line break), and sometimes when it need not be.
 */
export function quoteField(field: string, always: boolean, separator = ","): string {
  if (always || /[",\r\n]/.test(field) || field.includes(separator) || field.startsWith(" "))
    return `"${field.replaceAll('"', '""')}"`;
  return field;
}

/** The title rows an Excel report has above its table (SPEC 3, v2), a blank one among them. */
const titleRow = fc.constantFrom(
  "2022年3月固定资产投资统计表",
  "填报单位：发改局,,,",
  "单位：万元",
  "",
  ",,,",
  "说明：示例数据，非官方统计",
);

/**
 * A whole data file: title rows (a few, now and then many), a header in any alias, case and order, rows, LF or
 * CRLF, maybe a BOM; separated by commas, or by tabs or semicolons (v2).
 */
export const csvFile = fc
  .record({
    // Now and then so many that the header falls below the 10th row with text.
    titles: fc.oneof(
      { weight: 9, arbitrary: fc.array(titleRow, { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.array(titleRow, { minLength: 8, maxLength: 14 }) },
    ),
    header: fc.tuple(
      fc.constantFrom("target", "ID", "指标", " Target ", "编号"),
      fc.constantFrom("date", "Period", "日期"),
      fc.constantFrom("value", "数值", "值", "VALUE"),
      fc.constantFrom("note", "备注", "dept"),
    ),
    order: fc.constantFrom([0, 1, 2, 3], [3, 0, 1, 2], [2, 1, 0, 3], [0, 1, 2]),
    rows: fc.array(rowFields, { maxLength: 25 }),
    separator: fc.constantFrom(",", ",", ",", "\t", ";"),
    newline: fc.constantFrom("\n", "\r\n"),
    bom: fc.boolean(),
    quoteAll: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ titles, header, order, rows, separator, newline, bom, quoteAll, finalNewline }) => {
    const line = (fields: readonly string[]) =>
      order
        .map((index) => quoteField(fields[index] as string, quoteAll, separator))
        .join(separator);
    const text =
      (bom ? "\uFEFF" : "") +
      [...titles, line(header), ...rows.map(line)].join(newline) +
      (finalNewline ? newline : "");
    return text;
  });

/** Byte mutations of a valid file: what a crash, a bad copy or a hand edit leave behind. */
export type Mutation =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "truncate"; at: number }
  | { kind: "duplicate-line"; at: number }
  | { kind: "delete-range"; at: number; length: number }
  | { kind: "insert"; at: number; bytes: readonly number[] };

const insertions = fc.oneof(
  fc.constantFrom(
    [0x22], // "
    [0x2c], // ,
    [0x0a], // LF
    [0x0d], // CR
    [0xff], // never UTF-8
    [0xc3], // a lead byte alone
    [0xe4, 0xb8], // a cut-off 3-byte sequence
    [0xb0, 0xa1], // 啊 in GB18030
    [0xef, 0xbb, 0xbf], // a BOM in the middle
    [0x00],
    [0x1b, 0x5b, 0x33, 0x31, 0x6d], // ESC[31m
  ),
  fc.string({ unit: "grapheme", maxLength: 4 }).map((text) => [...Buffer.from(text, "utf8")]),
  fc.uint8Array({ maxLength: 4 }).map((bytes) => [...bytes]),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("flip" as const),
    at: fc.nat(),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("delete-range" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: insertions }),
);

/** Apply mutations to bytes; positions wrap around the current length. */
export function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = Buffer.from(bytes);
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    switch (m.kind) {
      case "flip":
        if (out.length > 0) {
          const index = at % out.length;
          out[index] = (out[index] as number) ^ (1 << m.bit);
        }
        break;
      case "truncate":
        out = out.subarray(0, at);
        break;
      case "delete-range":
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)]);
        break;
      case "insert":
        out = Buffer.concat([out.subarray(0, at), Buffer.from(m.bytes), out.subarray(at)]);
        break;
      case "duplicate-line": {
        const start = out.lastIndexOf(0x0a, Math.max(0, at - 1)) + 1;
        let end = out.indexOf(0x0a, at);
        end = end === -1 ? out.length : end + 1;
        const lineBytes = out.subarray(start, end);
        out = Buffer.concat([out.subarray(0, end), lineBytes, out.subarray(end)]);
        break;
      }
    }
  }
  return out;
}

/**
 * The text of a data file as the SPEC reads its bytes: UTF-16 after its byte order mark, else
 * UTF-8, else GB18030; one BOM dropped; a carriage return alone is a line end (v2), a line feed to
 * the readers that follow. A mixed file (below) is read as GB18030 here: see `specDecoding`.
 */
export function decodeAsSpec(bytes: Uint8Array): string {
  let text: string;
  const bom =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "be"
        : null;
  if (bom !== null) text = new TextDecoder(`utf-16${bom}`, { ignoreBOM: true }).decode(bytes);
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      text = new TextDecoder("gb18030", { ignoreBOM: true }).decode(bytes);
    }
  }
  return (text.startsWith("\uFEFF") ? text.slice(1) : text).replace(/\r(?!\n)/g, "\n");
}

/**
 * A data file's bytes as the SPEC reads them: its text, or, for a mixed file (one line valid
 * UTF-8 with a character of three bytes, U+0800 to U+FFFF, and another line not UTF-8), the first
 * line that is not UTF-8, where the one error of the file is.
 */
export function specDecoding(bytes: Uint8Array): { text: string } | { mixedLine: number } {
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16 || isValidUtf8(bytes)) return { text: decodeAsSpec(bytes) };
  // Lines end at LF, CRLF or CR alone.
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let at = 0; at < bytes.length; at++) {
    if (bytes[at] !== 0x0a && bytes[at] !== 0x0d) continue;
    lines.push(bytes.subarray(start, at));
    if (bytes[at] === 0x0d && bytes[at + 1] === 0x0a) at++;
    start = at + 1;
  }
  lines.push(bytes.subarray(start));
  const invalid = lines.findIndex((line) => !isValidUtf8(line));
  const threeBytes = lines.some(
    (line) =>
      isValidUtf8(line) &&
      /[\u0800-\uD7FF\uE000-\uFFFF]/.test(
        new TextDecoder("utf-8", { ignoreBOM: true }).decode(line),
      ),
  );
  return threeBytes ? { mixedLine: invalid + 1 } : { text: decodeAsSpec(bytes) };
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Cut a text into at most `parts` chunks at the given positions. */
export function chunksOf(text: string, cuts: readonly number[]): string[] {
  const positions = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let start = 0;
  for (const position of positions) {
    chunks.push(text.slice(start, position));
    start = position;
  }
  chunks.push(text.slice(start));
  return chunks.filter((chunk) => chunk !== "");
}
