/**
 * Every problem kpi can report, by code, with the values its message is made of. Values, never
 * sentences: each language words every code (src/i18n/en-messages.ts, zh-messages.ts), and the
 * compiler refuses a code that one of them leaves out.
 */
import type { Kind } from "./model.js";
import type { Place } from "./problems.js";

/** What a field of a target file must be, in the schema's "must be …" problems. */
export type Expectation =
  | "text"
  | "number"
  | "date"
  | "percentage"
  | "tolerance"
  | "milestone"
  | "id"
  | "id-characters"
  | "names"
  | "schedule"
  | "schedule-list"
  | "interpolation"
  | "aggregate"
  | "whole-days"
  | "frequency"
  | "weight"
  | "month-day"
  | "year"
  | "target-fields"
  | "targets"
  | "file"
  | "kind"
  | "reference"
  | "number-or-reference"
  | "bound"
  | "growth-input"
  | "breach-after"
  // The project file's fields (SPEC 7).
  | "project-file"
  | "owner-list"
  | "scores"
  | "non-negative-number"
  | "boolean"
  | "lang"
  | "as-of"
  | "issue"
  | "timezone"
  | "contacts"
  | "contact"
  | "contact-ids"
  | "contact-id"
  /** What zod says with words of its own: no expectation of kpi's. */
  | "valid";

/**
 * A value found where another was expected, as a problem shows it: the value as written (a quoted
 * text, a number), or the shape of a value too large to quote.
 */
export type Shown = { text: string } | { shape: "list" | "mapping" | "invalid-date" };

/** Which file a YAML problem is in: a target file, or the project file (kpi.yaml). */
export type YamlFileRole = "target" | "project";

/** The character used to indent a line where YAML allows spaces only. */
export type IndentCharacter = "tab" | "no-break-space" | "ideographic-space";

/** Why a file could not be written. */
export type WriteReason =
  | "folder-missing"
  | "permission-denied"
  | "is-folder"
  | "path-through-file"
  | "disk-full"
  | "disk-quota"
  /** The file reached the largest size the system allows it (a limit such as `ulimit -f`). */
  | "file-too-large"
  /** The folder takes no new file (/proc): the new content is written beside a file first. */
  | "no-new-file"
  /** The same, for a file that exists: it cannot be replaced. */
  | "cannot-replace"
  /** A path that does not exist and ends in `/`. */
  | "names-folder"
  | { system: string; code: string | null };

/** A data column that kpi reads. */
export type DataColumn = "target" | "date" | "value";

/** A data column and the header names that mean it. */
/** Why a file is no workbook kpi can read. */
export type WorkbookReason =
  | "not-zip"
  | "encrypted"
  | "not-workbook"
  | "corrupt-zip"
  | "unsupported-zip"
  | "bad-xml"
  | "dtd"
  | "entity"
  | "bad-cell"
  | "bad-string";

export interface ColumnNames {
  column: DataColumn;
  names: string[];
}

export interface ProblemParams {
  // Files and folders: finding and reading them.
  "path.not-found": { paths: string[] };
  "path.folder-unreadable": { code: string };
  /** A folder given for target files (or data files) holds none: `extensions` are theirs. */
  "path.no-target-files": { extensions: string[] };
  "path.no-data-files": { extensions: string[] };
  "file.unreadable": { code: string };
  /** A target file, or the project file (`role`), larger than a hand-written one ever is. */
  "file.target-too-large": { maxBytes: number; role: YamlFileRole };
  "file.more-errors": { count: number };
  "file.more-warnings": { count: number };

  // Target files: YAML that cannot be read. Each hint names the character at fault.
  "yaml.invalid": Record<string, never>;
  "yaml.nested-too-deeply": Record<string, never>;
  "yaml.indent-character": { character: IndentCharacter };
  "yaml.full-width-colon": Record<string, never>;
  "yaml.plain-value-start": { character: string; key: string | null; value: string };
  "yaml.colon-in-value": { key: string; value: string };
  "yaml.bad-indent": Record<string, never>;
  "yaml.multiline-key": Record<string, never>;
  "yaml.missing-colon": Record<string, never>;
  "yaml.unclosed-quote": { quote: string };
  "yaml.unclosed-bracket": { bracket: string };
  "yaml.several-documents": { role: YamlFileRole };
  "yaml.bad-escape": { sequence: string };
  "yaml.duplicate-key": { key: string };
  "yaml.unknown-tag": { tag: string; role: YamlFileRole };
  "yaml.unknown-alias": { alias: string };
  "yaml.too-many-aliases": { max: number; role: YamlFileRole };
  /** (v2) `<<:` names something other than a mapping, an alias of one, or a list of those. */
  "yaml.merge-not-mapping": Record<string, never>;
  "yaml.mapping-too-large": { keys: number; max: number };
  "yaml.list-too-long": { items: number; max: number; role: YamlFileRole };

  // Target files: the fields of targets and how they relate.
  "target.empty-file": Record<string, never>;
  /** (v2) The file's bytes are not UTF-8: `encoding` is what they look like (GB18030, UTF-16LE), if known. */
  "target.not-utf8": { encoding: string | null };
  /** (v2) An id holds a character that cannot be seen (U+200B): `codePoint` is the first one. */
  "target.id-invisible-character": { id: string; codePoint: number };
  "target.duplicate-id": { id: string; first: Place };
  /** (v2) A title that is another target's id (defined at `first`): a row naming it is ambiguous. */
  "target.title-is-other-id": { title: string; first: Place };
  "target.unknown-key": { key: string; suggestion: string | null };
  "target.key-of-other-kind": { key: string; kind: Kind; owners: Kind[] };
  "target.id-default": Record<string, never>;
  "target.number-too-large": { field: string | null; value: number };
  "target.more-numbers-too-large": { count: number };
  "target.date-not-calendar": { field: string; value: string };
  "target.date-needs-year": { field: string };
  "target.deadline-before-start": { deadline: string; start: string };
  "target.target-equals-baseline": { baseline: number };
  /**
   * (v2.1) A progress target's `about` (左右) as large as its whole span: any value would count
   * as achieved.
   */
  "target.about-over-span": { about: number; baseline: number; target: number };
  /**
   * (v2.1) A growth target's `about` (points, or `N%` of the rate) as large as the rate: a fall
   * would meet a rise (`rate: 2, about: 3`).
   */
  "target.about-over-rate": { about: string; rate: number };
  /** A file's `year` of one or two digits (`year: 22`): the year 22, two thousand years early. */
  "target.year-two-digit": { year: number; write: number };
  "target.milestone-needs-amount": { index: number };
  "target.milestone-both-amounts": { index: number };
  /** `index` null: a milestone of the preset schedule. */
  "target.milestone-outside-period": {
    index: number | null;
    by: string;
    start: string;
    deadline: string;
  };
  "target.milestone-out-of-order": { index: number | null; by: string };
  "target.milestone-not-between": {
    index: number | null;
    value: number;
    previous: number;
    target: number;
  };
  "target.level-needs-bound": Record<string, never>;
  /** `first_report` on a target that is not reported monthly. */
  "target.first-report-not-monthly": { frequency: string };
  "target.first-report-not-calendar": { value: string };
  "target.max-below-min": { max: number; min: number };
  "target.stretch-not-better": { stretch: number; bound: "max" | "min"; value: number };
  /** (v2.1) A growth target whose rate is below 0 without `bound` (SPEC 2.4). */
  "target.growth-needs-bound": { rate: number };
  /** (v2.1) `result_by` on or before the deadline (for a level target, its year's end). */
  "target.result-by-not-after": { resultBy: string; deadline: string };
  /** (v2.1) A reference with both `plus` and `times`. */
  "target.reference-both": Record<string, never>;
  /** (v2.1) A reference to no target; `suggestion` is the closest id. */
  "target.reference-unknown": { id: string; ref: string; suggestion: string | null };
  /** (v2.1) A reference to a milestone target (its actual is done / not done). */
  "target.reference-milestone": { id: string; ref: string };
  /** (v2.1) References that come back to this target: `cycle` from it round to it. */
  "target.reference-cycle": { id: string; ref: string; cycle: string[] };

  // Target files: the schema's checks of each field. `field` null is the file itself.
  "schema.required": { field: string | null };
  "schema.invalid": {
    field: string | null;
    expected: Expectation;
    got: Shown | null;
    suggestion: string | null;
  };

  // The project file kpi.yaml (SPEC 7). `known`: the keys of the mapping the key is in.
  "project.unknown-key": { key: string; suggestion: string | null; known: string[] };
  "project.duplicate-owner": { owner: string; first: Place };
  "project.missing-above-red": { missing: number; red: number };
  /**
   * `missing` above what a late result of `status` scores with `late_penalty` taken off (SPEC 6:
   * `late`, never below 0): an owner that sent nothing would rank above one that reported late.
   */
  "project.missing-above-late": {
    missing: number;
    status: "green" | "yellow" | "red";
    points: number;
    latePenalty: number;
    late: number;
  };
  "project.as-of-not-calendar": { value: string };
  "project.as-of-invalid": { value: string; suggestion: string | null };
  "project.timezone-unknown": { value: string; suggestion: string | null };
  /** (v2) An owner under `contacts:` that no target has and `owners:` does not list. */
  "project.unknown-contact": { owner: string; suggestion: string | null };
  /** The file's bytes are not UTF-8: `encoding` is what they look like (GB18030, UTF-16LE), if known. */
  "project.not-utf8": { encoding: string | null };

  // Owners (SPEC 2): a name is one body, and with the project file's `owners:`, a listed one.
  /** A name that joins several (`经信局、商务局`): `names` are the bodies it holds. */
  "owner.several-names": { name: string; names: string[] };
  /** (v2) An owner's name holding a character that cannot be seen (a zero-width space). */
  "owner.invisible-character": { name: string; codePoint: number };
  /** An owner not in the project file's `owners:`; `file` is the project file. */
  "owner.not-listed": { owner: string; suggestion: string | null; file: string };

  // Data files: encoding and CSV syntax.
  "data.not-utf8": Record<string, never>;
  /** Mixed (SPEC 3): this line is not UTF-8, while line `utf8Line` is UTF-8 with Chinese text. */
  "data.mixed-encoding": { utf8Line: number };
  "csv.unclosed-quote": Record<string, never>;
  "csv.text-after-quote": Record<string, never>;
  "csv.unreadable": { reason: string };

  // Data files: the header and the rows.
  "data.no-header": { columns: DataColumn[] };
  "data.duplicate-column": { column: DataColumn; first: string; second: string };
  /** The row that names the most of the columns, and the columns it leaves out with their names. */
  "data.missing-column": { missing: ColumnNames[] };
  /** A row names the columns, but `rowsAbove` rows with text are above it: at most `max - 1` may be. */
  "data.header-too-low": { rowsAbove: number; max: number };
  /** A header written with another separator than the one it sets (a tab header with a comma). */
  "data.header-separator": { separator: "tab" | "semicolon" | "pipe" };
  /** A line with full-width commas (，) between what look like fields: a header or a row. */
  "data.full-width-commas": Record<string, never>;
  /** The text, read as UTF-8, was in another encoding: UTF-16 without its BOM, or GB18030. */
  "data.header-encoding": { encoding: "UTF-16" | "GB18030" };
  /**
   * No row of the first `rows` names any column; `encoding` is the one the file was read in when
   * it is not UTF-8 (GB18030 for bytes that are not UTF-8), which may be the wrong one.
   */
  "data.header-not-found": { rows: number; columns: ColumnNames[]; encoding: string | null };

  // Data folders: files that are not read (SPEC 3, v2: nothing is skipped without a word).
  /** A `.txt` or `.tsv` in a folder whose first `rows` rows with text name no `columns`. */
  "data.text-not-data": { rows: number; columns: DataColumn[] };
  /** A file in a folder of a kind kpi does not read; `extensions` are the kinds it reads. */
  "data.file-not-read": { extensions: string[] };
  /** The files not read of a folder past the first 50, counted. */
  "data.more-files-not-read": { count: number };
  /** A legacy workbook (`.xls`, WPS `.et`), which kpi cannot read safely. */
  "data.legacy-workbook": { extension: string };

  // Excel workbooks (SPEC 3, v2).
  /** A sheet whose first `rows` rows with text name no `columns`: not read, a notice. */
  "data.sheet-not-read": { rows: number; columns: DataColumn[] };
  /** A workbook none of whose sheets has a header: an error, its sheets' notices beside it. */
  "data.workbook-no-header": { rows: number; columns: ColumnNames[] };
  /** The file cannot be read as a workbook; `part`, the part of the package at fault. */
  "data.workbook-unreadable": {
    reason: WorkbookReason;
    part: string | null;
    /** The entity, for `entity`; the cell reference, for `bad-cell` and `bad-string`. */
    detail: string | null;
  };
  /**
   * More rows in one run than the row store numbers (`rows`), or more files and sheets with rows
   * (`files`): the rows from the place on are not read.
   */
  "data.too-much-data": { rows: number; files: number };
  /** A part that inflates past `maxBytes` (a zip bomb), or a file past it (`part` null). */
  "data.workbook-too-large": { part: string | null; maxBytes: number };
  /** An error value in a cell that is read (`#N/A`, `#DIV/0!`). */
  "data.cell-error": { value: string };
  /** A formula cell without a cached result: saved without calculating. */
  "data.cell-no-value": Record<string, never>;
  /** A number without a date format in the date column; `date`, what it is as a date. */
  "data.cell-number-not-date": { value: string; date: string | null };
  "data.row-too-wide": { fields: number; header: number };
  /** A number, then a field of digits after it: `1,200` or `30,5%` written without quotes. */
  "data.value-split": { value: string; next: string };
  "data.target-empty": Record<string, never>;
  /**
   * A row whose target cell is no target's id nor unique title; `allowed`: with allow_unknown, a
   * warning (its rows ignored), else an error. `suggestion` is the closest id or title.
   */
  "data.unknown-id": { id: string; rows: number; suggestion: string | null; allowed: boolean };
  /** (v2) A target cell that is the title of several targets: `ids` are theirs. */
  "data.title-shared": { title: string; ids: string[] };
  /** The rows of the unknown ids of a file past the first 50, which are not told apart. */
  "data.more-unknown-ids": { rows: number; allowed: boolean };
  "data.date-not-calendar": { value: string };
  "data.date-invalid": { value: string };
  /** (v2) A date with a time of day other than midnight; `date` is the day alone. */
  "data.date-time-of-day": { value: string; date: string };
  /** (v2) `22-3-31`: `date` is the day it reads as with the year in full, if it is one. */
  "data.date-two-digit-year": { value: string; date: string | null };
  /** (v2) `3/31/2022`: `date` is the day when a number past 12 tells day from month. */
  "data.date-year-last": { value: string; date: string | null };
  /** (v2) `44651` in a CSV: `date` is the day it is as Excel's serial number, if a likely one. */
  "data.date-bare-number": { value: string; date: string | null };
  /**
   * (v2) A month range (`2022年4-6月`) for a target that does not read one: a range from January
   * is a total to date (aggregate: last), a later one a period's own amount (aggregate: sum); a
   * growth target takes only a range from January (1–N月 cumulative growth, SPEC 2.4).
   * `date` is the range's last day; `aggregate` is null for a target that has none.
   */
  "data.date-range-aggregate": {
    value: string;
    id: string;
    first: number;
    last: number;
    date: string;
    kind: Kind;
    aggregate: "last" | "sum" | null;
  };
  "data.value-missing": { id: string; date: string };
  /** `done` and `notDone`: the words a milestone's value may be. */
  "data.value-not-done": { value: string; done: string[]; notDone: string[] };
  "data.value-percent-unit": { value: string; id: string };
  "data.value-not-number": { value: string };
  /** (v2) A number with a unit or a word (`30个`, `约30`, `12.5万`): `write` is what to write. */
  "data.value-with-word": { value: string; write: string };
  "data.value-too-large": { value: string };
  /** (v2.1) A `base` cell that is no number (SPEC 2.4). */
  "data.base-not-number": { value: string };
  /** (v2.1) A `base` of 0 or less: growth cannot be computed, the result is grey `no-base`. */
  "data.base-not-positive": { id: string; date: string; base: number };
  /** Two rows of one target and date with different values; `first` is the earlier row. */
  "data.conflict": {
    id: string;
    date: string;
    here: number | boolean;
    there: number | boolean;
    first: Place;
  };
  /**
   * (v2.1) Two rows of one growth target (`input: value`) and date with the same value but
   * different bases, or one with a base and one without (null); `first` is the earlier row.
   */
  "data.base-conflict": {
    id: string;
    date: string;
    here: number | null;
    there: number | null;
    first: Place;
  };
  /**
   * A row of a month range of an `aggregate: sum` target (`2022年5-7月`, SPEC 3) whose months hold
   * another row of the target (`other`, dated `otherDate`): its amount would be added twice.
   */
  "data.range-overlaps": {
    id: string;
    from: string;
    date: string;
    otherDate: string;
    other: Place;
  };
  "data.more-conflicts": { count: number };
  /**
   * (v2) A correction (a row whose note begins with 修正, 更正 or correction) replaces the unmarked
   * row of its target and date: `value` is the correction's, `replaced` the row's at `first`.
   */
  "data.correction": {
    id: string;
    date: string;
    value: number | boolean;
    replaced: number | boolean;
    first: Place;
  };
  /** (v2) Corrections of a file past the cap of those listed. */
  "data.more-corrections": { count: number };
  /**
   * (v2) Plausibility: a progress value farther from the baseline than 10 × the span (a unit
   * slip: 125000 万元 for a target of 60 亿元).
   */
  /**
   * Plausibility, not in the SPEC: a growth target's value (`input: value`) more than 10 times last
   * year's figure `base`, or less than a tenth of it; `growth` is the G they make.
   */
  "data.implausible-growth": {
    id: string;
    date: string;
    value: number;
    base: number;
    growth: number;
  };
  "data.implausible-size": {
    id: string;
    date: string;
    value: number;
    target: number;
    baseline: number;
    unit: string | null;
  };
  /**
   * (v2) Plausibility: with `aggregate: last`, the running total moves against the target's
   * direction (`direction` 1: it should grow) by more than the tolerance from the row of
   * `previousDate` to this one: a period's own amount written where the total to date belongs.
   */
  "data.total-reversed": {
    id: string;
    date: string;
    previousDate: string;
    from: number;
    to: number;
    direction: 1 | -1;
  };
  /**
   * (v2) Plausibility: a value above 0 and at most 1, written with a decimal point, for a `%`
   * target of at least 5: a share written as a fraction. `write` is the percentage.
   */
  "data.percent-fraction": { id: string; date: string; value: number; write: number };
  /** (v2) Plausibility warnings of a file past the cap of those listed. */
  "data.more-implausible": { count: number };
  /** (v2) A row dated after today (SPEC 4): `today` in the project file's time zone. */
  "data.date-after-today": { id: string; date: string; today: string };
  "data.more-after-today": { count: number };
  /** (v2) A row's reported date (the `reported` column) is before the row's own date. */
  "data.reported-before-date": { id: string; date: string; reported: string };

  // Options and arguments.
  "option.as-of-not-calendar": { value: string };
  "option.as-of-invalid": { value: string };
  "option.lang-invalid": { value: string };
  /** `--issue` written as a number that is no whole number ≥ 1 (`0`, `-1`, `1.5`). */
  "option.issue-invalid": { value: string };
  "option.fail-on-invalid": { value: string; statuses: string[] };
  "option.encoding-unknown": { encoding: string };
  "option.config-not-found": { path: string };
  "option.unknown-target-id": { id: string; suggestion: string | null };
  /** `kpi template --owner` names no owner of the targets; `suggestion` is the closest one. */
  "option.unknown-owner": { owner: string; suggestion: string | null; owners: string[] };
  /** `kpi template` without --owner or --all, or with both. */
  "option.owner-missing": { both: boolean };
  /** `kpi template` without --period, or with one that is no date, month or quarter. */
  "option.period-missing": Record<string, never>;
  "option.period-invalid": { value: string };
  /** `kpi template --all` without `-o FOLDER`. */
  "option.all-needs-folder": Record<string, never>;

  // The command line as commander reads it.
  "usage.unknown-command": { command: string; suggestion: string | null };
  "usage.unknown-option": { option: string; suggestion: string | null };
  "usage.missing-argument": { argument: string };
  "usage.option-missing-value": { option: string };
  "usage.invalid-choice": { option: string; value: string; choices: string[] };
  "usage.too-many-arguments": { command: string | null; expected: number; got: number };
  "usage.invalid": Record<string, never>;

  // Output: writing reports and new repositories.
  "output.write-failed": { path: string; reason: WriteReason; nothingWritten: boolean };
  "output.append-failed": { path: string; code: string };
  /** `-o ""`. */
  "output.empty-path": Record<string, never>;
  /** `-o` names a file the run reads (`input`, as the run found it). */
  "output.is-input": { path: string; input: string };
  /** stdout could not be written (stderr is where this is said). */
  "output.stdout-failed": { reason: WriteReason };
  /** A format that is bytes, not text (a Word document), asked for on a terminal without -o. */
  "output.binary-to-terminal": { format: string; extension: string };
  "output.init-files-exist": { paths: string[] };
  /** `kpi template`'s files exist already (a form may have come back filled in). */
  "output.template-files-exist": { paths: string[] };

  // kpi diff's results files.
  /** The file is not JSON at all. */
  "diff.not-json": { path: string };
  /** JSON, but not results of kpi check --format json (schemaVersion 2): `field` is wrong. */
  "diff.not-results": { path: string; field: string };

  // kpi notify.
  /** Neither --webhook nor KPI_WEBHOOK. */
  "notify.no-webhook": Record<string, never>;
  /** The webhook is not an http(s) URL (never shown: its token is a password). */
  "notify.bad-webhook": Record<string, never>;
  /** A message could not be posted: `posted` of `total` had been. */
  "notify.post-failed": {
    platform: string;
    attempts: number;
    detail: string;
    posted: number;
    total: number;
  };
}

export type ProblemCode = keyof ProblemParams;
