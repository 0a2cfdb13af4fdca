/** The English words of every problem kpi reports. */

import { codePointName } from "../core/invisible-characters.js";
import { KINDS } from "../core/model.js";
import type {
  Expectation,
  IndentCharacter,
  Shown,
  WriteReason,
  YamlFileRole,
} from "../core/problem-codes.js";
import { formatPlace } from "../core/problems.js";
import { PRESETS } from "../core/schedule.js";
import type { Messages } from "./labels.js";

/** ` (did you mean "target"?)`, or nothing. */
function didYouMean(suggestion: string | null): string {
  return suggestion === null ? "" : ` (did you mean ${JSON.stringify(suggestion)}?)`;
}

/** Commander's form of a suggestion, on a line of its own. */
function commanderSuggestion(suggestion: string | null): string {
  return suggestion === null ? "" : `\n(Did you mean ${suggestion}?)`;
}

const EXPECTED: Record<Expectation, string> = {
  text: "a non-empty text",
  number: "a number",
  date: "a date YYYY-MM-DD",
  percentage: 'a percentage like "30%"',
  tolerance: 'a number ≥ 0 or a percentage like "10%"',
  milestone: 'a milestone { by: DATE, progress: "30%" } or { by: DATE, value: N }',
  id: "an id",
  "id-characters": "letters, digits, '.', '_' and '-', starting with a letter or digit",
  names: "a name or a non-empty list of names",
  schedule: `${PRESETS.join(", ")} or a list of milestones`,
  "schedule-list": `${PRESETS.join(", ")} or a non-empty list of milestones`,
  interpolation: "linear or step",
  aggregate: "last or sum",
  "whole-days": "a whole number of days ≥ 0",
  issue: 'a whole number ≥ 1 or a text like "第 7 期"',
  frequency: "monthly, quarterly, half-yearly or yearly",
  weight: "a number > 0",
  "month-day": 'a month and day "MM-DD", like "02-28"',
  year: "a year like 2022",
  "target-fields": "a mapping of target fields",
  targets: "a non-empty list of targets",
  file: "a mapping with year, defaults and targets",
  kind: KINDS.join(", "),
  reference: "a reference { ref: ID } with an optional plus: N or times: N",
  "number-or-reference": "a number or a reference { ref: ID }",
  bound: "min or max",
  "growth-input": "rate or value",
  "breach-after": "a whole number ≥ 2",
  "project-file": "a mapping of project settings (office, title, owners…)",
  "owner-list": "a non-empty list of names",
  scores: "a mapping of green, yellow, red, missing and late_penalty",
  "non-negative-number": "a number ≥ 0",
  boolean: "true or false",
  lang: "en or zh",
  "as-of": "a date (2022-03-31, 2022-03, 2022-Q1), latest-data or today",
  timezone: "an IANA time zone like Asia/Shanghai",
  contacts: "a mapping of owners to their ids on each platform",
  contact: "a mapping of platforms (wecom, dingtalk, feishu, slack) to user_ids or mobiles",
  "contact-ids": "a non-empty list of ids or mobile numbers",
  "contact-id": "an id or a mobile number, of letters, digits and _ . @ + - only",
  valid: "a valid value",
};

function shown(got: Shown): string {
  if ("text" in got) return got.text;
  return { list: "a list", mapping: "a mapping", "invalid-date": "an invalid date" }[got.shape];
}

/** The file a YAML problem is in, as a sentence names it. */
const FILE_ROLE: Record<YamlFileRole, string> = {
  target: "a target file",
  project: "the project file",
};

/** The names of the characters that are most often found in ids unseen. */
const CHARACTER_NAMES: Readonly<Record<number, string>> = {
  160: "a no-break space",
  173: "a soft hyphen",
  8203: "a zero-width space",
  8204: "a zero-width non-joiner",
  8205: "a zero-width joiner",
  8206: "a left-to-right mark",
  8207: "a right-to-left mark",
  8288: "a word joiner",
  12288: "an ideographic space",
  65279: "a byte order mark",
};

function characterName(codePoint: number): string {
  const name = CHARACTER_NAMES[codePoint];
  return name === undefined ? "" : ` (${name})`;
}

const INDENT_CHARACTER: Record<IndentCharacter, string> = {
  tab: "a tab",
  "no-break-space": "a no-break space (U+00A0)",
  "ideographic-space": "an ideographic space (U+3000, the full-width space)",
};

function writeReason(reason: WriteReason): string {
  if (typeof reason === "object") return reason.system;
  return {
    "folder-missing": "its folder does not exist",
    "permission-denied": "permission denied",
    "is-folder": "it is a folder",
    "path-through-file": "a part of its path is a file, not a folder",
    "disk-quota": "the disk quota is used up",
    "file-too-large": "the file has reached the largest size allowed",
    "no-new-file": "no new file can be created in its folder",
    "cannot-replace":
      "it cannot be replaced, for no new file can be created in its folder (kpi writes the new content beside it, then renames it over)",
    "names-folder": "a path ending in / names a folder, not a file",
    "disk-full": "the disk is full",
  }[reason];
}

function milestoneName(index: number | null): string {
  return index === null ? "preset milestone" : `schedule[${index}]`;
}

function quoteFix(key: string | null, value: string): string {
  return key === null ? JSON.stringify(value) : `${key}: ${JSON.stringify(value)}`;
}

export const enMessages: Messages = {
  "path.not-found": ({ paths }) => `no such file or folder: ${paths.join(", ")}`,
  "path.folder-unreadable": ({ code }) => `cannot read the folder: ${code}`,
  "path.no-target-files": ({ extensions }) =>
    `no target file (${extensions.join(", ")}) in this folder`,
  "path.no-data-files": ({ extensions }) =>
    `no data file (${extensions.join(", ")}) in this folder`,
  "file.unreadable": ({ code }) => `cannot read the file: ${code}`,
  "file.target-too-large": ({ maxBytes, role }) =>
    `the file is larger than ${maxBytes / 2 ** 20} MiB, the limit for ${FILE_ROLE[role]}`,
  "file.more-errors": ({ count }) => `${count} more errors in this file`,
  "file.more-warnings": ({ count }) => `${count} more warnings in this file`,

  "yaml.invalid": () =>
    'invalid YAML: check the indentation, the ": " after each key and the quotes here',
  "yaml.nested-too-deeply": () => "invalid YAML: the file is nested too deeply",
  "yaml.indent-character": ({ character }) =>
    `invalid YAML: the line is indented with ${INDENT_CHARACTER[character]}; indent with spaces only`,
  "yaml.full-width-colon": () =>
    'invalid YAML: "：" is a full-width colon; after a key, write ":" and a space',
  "yaml.plain-value-start": ({ character, key, value }) =>
    `invalid YAML: a value cannot start with ${JSON.stringify(character)} unless it is quoted; quote it: ${quoteFix(key, value)}`,
  "yaml.colon-in-value": ({ key, value }) =>
    `invalid YAML: the value of ${key} holds ": ", which YAML reads as one more key; quote it: ${quoteFix(key, value)}`,
  "yaml.bad-indent": () =>
    "invalid YAML: the indentation is wrong here: the items of one list or mapping start at the same column",
  "yaml.multiline-key": () =>
    'invalid YAML: a key must be on one line, followed by ": " (is a colon missing?)',
  "yaml.missing-colon": () => 'invalid YAML: a key must be followed by ":" and its value',
  "yaml.unclosed-quote": ({ quote }) =>
    `invalid YAML: a quoted value is not closed: a value that starts with ${quote} must end with ${quote}`,
  "yaml.unclosed-bracket": ({ bracket }) =>
    `invalid YAML: "${bracket}" is not closed: a list in [ ] or a mapping in { } must end with "${bracket === "[" ? "]" : "}"}"`,
  "yaml.several-documents": ({ role }) =>
    `invalid YAML: the file holds several documents (a "---" line); ${FILE_ROLE[role]} is one document`,
  "yaml.bad-escape": ({ sequence }) =>
    `invalid YAML: "${sequence}" is not an escape sequence: in double quotes, write "\\\\" for a backslash (or use single quotes)`,
  "yaml.duplicate-key": ({ key }) => `duplicate key "${key}"`,
  "yaml.unknown-tag": ({ tag, role }) =>
    `unknown tag ${tag}: ${FILE_ROLE[role]} holds plain values, and kpi runs no code from it`,
  "yaml.unknown-alias": ({ alias }) =>
    `cannot expand the file's aliases: no anchor &${alias} is set before the alias *${alias}`,
  "yaml.too-many-aliases": ({ max, role }) =>
    `cannot expand the file's aliases: they expand to more than ${max} nodes, far more than ${FILE_ROLE[role]} needs`,
  "yaml.merge-not-mapping": () =>
    "a merge key (<<) takes a mapping, an alias of one (*name) or a list of those",
  "yaml.mapping-too-large": ({ keys, max }) =>
    `a mapping of ${keys} keys: kpi reads at most ${max}`,
  "yaml.list-too-long": ({ items, max, role }) =>
    `a list of ${items} items: kpi reads at most ${max} in one list${role === "target" ? " (split a longer list of targets into several files)" : ""}`,

  "target.empty-file": () => "empty target file: expected a mapping with a list of targets",
  "target.not-utf8": ({ encoding }) =>
    `the file is not UTF-8${encoding === null ? "" : ` but ${encoding}`}: save it as UTF-8`,
  "target.id-invisible-character": ({ id, codePoint }) =>
    `the id "${id}" holds ${codePointName(codePoint)}${characterName(codePoint)}, a character that cannot be seen: delete it (or type the id again)`,
  "target.duplicate-id": ({ id, first }) =>
    `duplicate id "${id}", first defined at ${formatPlace(first)}`,
  "target.title-is-other-id": ({ title, first }) =>
    `the title "${title}" is the id of the target at ${formatPlace(first)}: a data row that names "${title}" would be that target's; give this target another title`,
  "target.unknown-key": ({ key, suggestion }) => `unknown key "${key}"${didYouMean(suggestion)}`,
  "target.key-of-other-kind": ({ key, kind, owners }) =>
    `unknown key "${key}": ${kind} targets have no ${key} (${owners.join(" and ")} targets do)`,
  "target.id-default": () => "the id cannot have a default: each target needs its own",
  "target.number-too-large": ({ field, value }) =>
    `${field ?? "the file"} ${value} is too large: numbers must lie within ±1e15`,
  "target.more-numbers-too-large": ({ count }) => `${count} more numbers are too large`,
  "target.date-not-calendar": ({ field, value }) => `${field} ${value} is not a calendar date`,
  "target.date-needs-year": ({ field }) => `${field} is required when the file has no year`,
  "target.deadline-before-start": ({ deadline, start }) =>
    `deadline ${deadline} is before start ${start}`,
  "target.about-over-span": ({ about, baseline, target }) =>
    `about ${about} is as large as the whole way from the baseline ${baseline} to the target ${target}: any value would count as achieved; 左右 is a small slack beside the target (2 for a target of 80)`,
  "target.about-over-rate": ({ about, rate }) =>
    `about ${about} is as large as the rate ${rate} itself: the bound would reach 0 or pass it, and no change, or one the other way, would meet it; 左右 is a small slack (0.5 for a rate of 7)`,
  "target.year-two-digit": ({ year, write }) =>
    `year ${year} has one or two digits: write the whole year, ${write}`,
  "target.target-equals-baseline": ({ baseline }) =>
    `target equals baseline (${baseline}): there is no way to go`,
  "target.milestone-needs-amount": ({ index }) =>
    `schedule[${index}] needs progress ("30%") or value`,
  "target.milestone-both-amounts": ({ index }) =>
    `schedule[${index}] has both progress and value: give one`,
  "target.milestone-outside-period": ({ index, by, start, deadline }) =>
    `${milestoneName(index)} on ${by} is outside the period ${start} to ${deadline} (the deadline is always the last milestone)`,
  "target.milestone-out-of-order": ({ index, by }) =>
    `${milestoneName(index)} on ${by} is out of order: milestones must be in date order`,
  "target.milestone-not-between": ({ index, value, previous, target }) =>
    `${milestoneName(index)} value ${value} must lie between the previous value ${previous} and the target ${target}`,
  "target.level-needs-bound": () => "a level target needs min, max or both",
  "target.first-report-not-monthly": ({ frequency }) =>
    `first_report is for a target reported monthly; this one is ${frequency}`,
  "target.first-report-not-calendar": ({ value }) =>
    `first_report ${JSON.stringify(value)} is not a day of the year (MM-DD)`,
  "target.max-below-min": ({ max, min }) => `max ${max} is below min ${min}`,
  "target.growth-needs-bound": ({ rate }) =>
    `rate ${rate} is a fall: say whether it is the most (bound: max, "下降3%") or the least (bound: min) allowed`,
  "target.result-by-not-after": ({ resultBy, deadline }) =>
    `result_by ${resultBy} is not after the deadline ${deadline}`,
  "target.reference-both": () => "a reference takes plus or times, not both",
  "target.reference-unknown": ({ id, ref, suggestion }) =>
    `${id} refers to ${ref}, which is no target's id${didYouMean(suggestion)}`,
  "target.reference-milestone": ({ id, ref }) =>
    `${id} refers to ${ref}, a milestone target: its actual is done or not done, not a number`,
  "target.reference-cycle": ({ id, ref, cycle }) =>
    `${id} refers to ${ref}, and the references go round in a circle: ${cycle.join(" → ")}`,
  "target.stretch-not-better": ({ stretch, bound, value }) =>
    `stretch ${stretch} must be a better value than the bound: at or ${bound === "max" ? "below" : "above"} ${bound} ${value}`,

  "schema.required": ({ field }) => `${field ?? "the file"} is required`,
  "schema.invalid": ({ field, expected, got, suggestion }) =>
    `${field ?? "the file"} must be ${EXPECTED[expected]}${got === null ? "" : `, got ${shown(got)}`}${didYouMean(suggestion)}`,

  "project.unknown-key": ({ key, suggestion, known }) =>
    `unknown key "${key}"${suggestion === null ? ` (the keys are ${known.join(", ")})` : didYouMean(suggestion)}`,
  "project.duplicate-owner": ({ owner, first }) =>
    `owner "${owner}" is listed twice, first at ${formatPlace(first)}`,
  "project.missing-above-red": ({ missing, red }) =>
    `scores.missing (${missing}) is above scores.red (${red}): a missing report must never score more than a red one`,
  "project.missing-above-late": ({ missing, status, points, latePenalty, late }) =>
    `scores.missing (${missing}) is above what a late ${status} result scores (${points} less late_penalty ${latePenalty}: ${late}): a missing report must never score more than a reported one; lower missing or late_penalty`,
  "project.as-of-not-calendar": ({ value }) =>
    `as_of ${JSON.stringify(value)} is not a calendar date`,
  "project.as-of-invalid": ({ value, suggestion }) =>
    `as_of ${JSON.stringify(value)} is not a date (2022-03-31, 2022-03, 2022-Q1), latest-data or today${didYouMean(suggestion)}`,
  "project.timezone-unknown": ({ value, suggestion }) =>
    `timezone ${JSON.stringify(value)} is not an IANA time zone${suggestion === null ? " (like Asia/Shanghai)" : didYouMean(suggestion)}`,
  "project.unknown-contact": ({ owner, suggestion }) =>
    `contacts names owner ${JSON.stringify(owner)}, which owns no target and is not in owners${suggestion === null ? "" : didYouMean(suggestion)}`,
  "project.not-utf8": ({ encoding }) =>
    `the file is not UTF-8${encoding === null ? "" : ` but ${encoding}`}: save it as UTF-8`,

  "owner.several-names": ({ name, names }) =>
    `owner "${name}" names several bodies: write them as a list, [${names.join(", ")}]`,
  "owner.invisible-character": ({ name, codePoint }) =>
    `owner "${name}" holds ${codePointName(codePoint)}${characterName(codePoint)}, a character that cannot be seen: delete it (or type the name again)`,
  "owner.not-listed": ({ owner, suggestion, file }) =>
    `owner "${owner}" is not in the owners of ${file}${didYouMean(suggestion)}`,

  "data.not-utf8": () => "the file is not valid UTF-8 (try --encoding gb18030)",
  "data.mixed-encoding": ({ utf8Line }) =>
    `this line is not UTF-8, while line ${utf8Line} is UTF-8 with Chinese text: a cell pasted from a GBK (GB18030) source? Retype this line's text, or save the whole file in one encoding (UTF-8)`,
  "csv.unclosed-quote": () =>
    'a quoted field is not closed: a field that starts with " must end with "',
  "csv.text-after-quote": () =>
    'a closing quote is followed by something other than a comma or the end of the line (write "" for a quote inside a quoted field)',
  "csv.unreadable": ({ reason }) => `the CSV cannot be read (${reason})`,

  "data.no-header": ({ columns }) =>
    `the file has no header row (${columns.join(",")}): write one above the table`,
  "data.duplicate-column": ({ column, first, second }) =>
    `two columns mean ${column}: "${first}" and "${second}": keep one of them`,
  "data.missing-column": ({ missing }) =>
    `the header has ${missing.map(({ column, names }) => `no ${column} column (one of: ${names.join(", ")})`).join(" and ")}: add ${missing.length === 1 ? "it" : "them"} to the header`,
  "data.header-too-low": ({ rowsAbove, max }) =>
    `this row names the columns, but ${rowsAbove} rows with text are above it: the header must be one of the first ${max} rows; delete the title rows above it`,
  "data.header-separator": ({ separator }) =>
    separator === "pipe"
      ? 'this row looks like a header separated by "|": save the file as CSV (comma-separated)'
      : `this row looks like a header separated by ${separator === "tab" ? "tabs" : "semicolons"} that also holds a comma: take the comma out of the header, or save the file as CSV (comma-separated)`,
  "data.full-width-commas": () =>
    "this line uses full-width commas (，) between fields: write commas (,) instead",
  "data.header-encoding": ({ encoding }) =>
    encoding === "UTF-16"
      ? 'the file looks UTF-16 without its byte order mark: save it as UTF-8 (CSV UTF-8), or as "Unicode text" with its byte order mark'
      : "the file looks GB18030 (GBK) read as UTF-8: give --encoding gb18030, or save it as UTF-8",
  "data.header-not-found": ({ rows, columns, encoding }) =>
    `no row of the first ${rows} names the columns ${columns.map(({ column, names }) => `${column} (${names.join(", ")})`).join(", ")}: write a header row above the table${encoding === null ? "" : `; the file was read as ${encoding}: if it is in another encoding, give it with --encoding`}`,
  "data.text-not-data": ({ rows, columns }) =>
    `not read: no row of its first ${rows} names the columns ${columns.join(", ")} (a .txt or .tsv file in a data folder is read only when one does)`,
  "data.file-not-read": ({ extensions }) =>
    `not read: kpi reads ${extensions.join(", ")} files in a data folder; save it as CSV (UTF-8) to have it read, or move it out of the folder`,
  "data.more-files-not-read": ({ count }) => `${count} more files in this folder are not read`,
  "data.legacy-workbook": ({ extension }) =>
    `kpi cannot read ${extension} workbooks: open it in Excel or WPS and save it as .xlsx (Excel Workbook) or as CSV UTF-8`,
  "data.sheet-not-read": ({ rows, columns }) =>
    `sheet not read: no row of its first ${rows} names the columns ${columns.join(", ")}`,
  "data.workbook-no-header": ({ rows, columns }) =>
    `no sheet of this workbook has a header: no row of the first ${rows} of any sheet names the columns ${columns.map(({ column, names }) => `${column} (${names.join(", ")})`).join(", ")}: write a header row above the table`,
  "data.workbook-unreadable": ({ reason, part, detail }) => {
    const where = part === null ? "" : ` (${part})`;
    switch (reason) {
      case "not-zip":
        return "not an .xlsx workbook (not a zip file): open it in Excel or WPS and save it as .xlsx (Excel Workbook)";
      case "encrypted":
        return "the workbook is password-protected, or a legacy .xls under another name: save it as .xlsx without a password";
      case "not-workbook":
        return "a zip file but not an Excel workbook (no xl/workbook.xml): save it as .xlsx (Excel Workbook)";
      case "corrupt-zip":
        return `the workbook is damaged: its zip structure is broken${where}; save it again from Excel or WPS`;
      case "unsupported-zip":
        return `the workbook is compressed or encrypted in a way kpi does not read${where}: save it again as .xlsx without a password`;
      case "bad-xml":
        return `the workbook is damaged: malformed or truncated XML${where}; save it again from Excel or WPS`;
      case "dtd":
        return `the workbook holds a DTD${where}, which no spreadsheet program writes: refused (its entities are never expanded)`;
      case "entity":
        return `the workbook uses the entity ${detail ?? ""}${where}, which no spreadsheet program writes: refused`;
      case "bad-cell":
        return `the workbook is damaged: ${JSON.stringify(detail ?? "")} is no cell reference within the sheet's grid${where}`;
      case "bad-string":
        return `the workbook is damaged: cell ${detail ?? ""} names a shared string that is not there${where}`;
    }
  },
  "data.too-much-data": ({ rows, files }) =>
    `too much data for one run: more than ${rows} rows, or more than ${files} files and sheets with rows; the rows from here on are not read: check the data in parts`,
  "data.workbook-too-large": ({ part, maxBytes }) =>
    part === null
      ? `the workbook is larger than ${maxBytes / (1 << 20)} MiB: split it, or save its tables as CSV`
      : `the workbook's part ${part} inflates past ${maxBytes / (1 << 20)} MiB: a damaged file or a zip bomb, refused`,
  "data.cell-error": ({ value }) =>
    `the cell holds the error ${value}: correct the formula or write the value`,
  "data.cell-no-value": () =>
    "the cell is a formula with no saved result: open the file in Excel or WPS, let it calculate, and save it",
  "data.cell-number-not-date": ({ value, date }) =>
    date === null
      ? `the date cell holds the number ${value}, not a date: format the cell as a date, or write the date as text, YYYY-MM-DD`
      : `the date cell holds the number ${value}, not a date (as a date it is ${date}): format the cell as a date, or write ${date}`,
  "data.row-too-wide": ({ fields, header }) =>
    `the row has ${fields} fields but the header has ${header}; a value with a thousands separator must be quoted ("1,200")`,
  "data.value-split": ({ value, next }) =>
    `value ${JSON.stringify(value)} is followed by a field of digits, ${JSON.stringify(next)}: a thousands separator or a decimal comma without quotes? Quote the number ("1,200") or write it without the comma`,
  "data.target-empty": () => "the target is empty: write the target's id or title",
  "data.unknown-id": ({ id, rows, suggestion, allowed }) =>
    allowed
      ? `no target has the id "${id}"${rows > 1 ? ` (${rows} rows)` : ""}: its rows are ignored${didYouMean(suggestion)}`
      : `no target has the id or title "${id}"${rows > 1 ? ` (${rows} rows)` : ""}${didYouMean(suggestion)}`,
  "data.title-shared": ({ title, ids }) =>
    `"${title}" is the title of several targets (${ids.join(", ")}): name the target by its id`,
  "data.more-unknown-ids": ({ rows, allowed }) =>
    `${rows} more rows in this file have ids that no target has${allowed ? ": they are ignored" : ""}`,
  "data.date-not-calendar": ({ value }) => `date ${JSON.stringify(value)} is not a calendar date`,
  "data.date-invalid": ({ value }) =>
    `date ${JSON.stringify(value)} is not a date (2022-03-31, 2022/3/31, 2022年3月31日, 2022-03 or 2022-Q1)`,
  "data.date-time-of-day": ({ value, date }) =>
    `date ${JSON.stringify(value)} has a time of day: write the date alone, ${date}`,
  "data.date-two-digit-year": ({ value, date }) =>
    `date ${JSON.stringify(value)} has a two-digit year: write the year in full${date === null ? "" : `, ${date}`}`,
  "data.date-year-last": ({ value, date }) =>
    date === null
      ? `date ${JSON.stringify(value)} puts the year last, and its day and month could be read either way: write the year first, YYYY-MM-DD`
      : `date ${JSON.stringify(value)} puts the year last: write the year first, ${date}`,
  "data.date-bare-number": ({ value, date }) =>
    date === null
      ? `date ${JSON.stringify(value)} is a bare number, not a date: write the date, YYYY-MM-DD`
      : `date ${JSON.stringify(value)} is a bare number, not a date (as a spreadsheet's day number it is ${date}): write the date, ${date}`,
  "data.date-range-aggregate": ({ value, id, first, last, date, kind, aggregate }) =>
    kind === "growth"
      ? `date ${JSON.stringify(value)} covers months ${first} to ${last}, a period's own figure, and ${id} is a growth target, which takes the cumulative growth from January (1–N月): write months 1 to ${last} (${date.slice(0, 4)}年1-${last}月) or the date alone, ${date}, with the growth to date`
      : kind !== "progress"
        ? `date ${JSON.stringify(value)} covers months ${first} to ${last}, and ${id} is a ${kind} target, which takes a date, not a range: write the date alone, ${date}`
        : first === 1
          ? `date ${JSON.stringify(value)} covers months 1 to ${last}, a total to date, which only a target with aggregate: last takes; ${id} adds up its rows (aggregate: ${aggregate}): write the date alone, ${date}, with that period's own amount`
          : `date ${JSON.stringify(value)} covers months ${first} to ${last}, a period's own amount, which only a target with aggregate: sum takes; ${id} takes totals to date (aggregate: ${aggregate}): write the date alone, ${date}, with the total to date`,
  "data.base-not-number": ({ value }) =>
    `base ${JSON.stringify(value)} is not a number (last year's figure for the same period)`,
  "data.base-not-positive": ({ id, date, base }) =>
    `base ${base} of ${id} on ${date} is not above 0: no growth can be computed from it`,
  "data.value-missing": ({ id, date }) => `no value for ${id} on ${date}: the row is skipped`,
  "data.value-not-done": ({ value, done, notDone }) =>
    `value ${JSON.stringify(value)} is not done / not done: write one of ${done.join(" ")}, or one of ${notDone.join(" ")}`,
  "data.value-percent-unit": ({ value, id }) =>
    `value ${JSON.stringify(value)} has a % sign but the unit of ${id} is not %: write the number without it`,
  "data.value-not-number": ({ value }) =>
    `value ${JSON.stringify(value)} is not a number: write a number (36, -3.5 or 1200)`,
  "data.value-with-word": ({ value, write }) =>
    `value ${JSON.stringify(value)} is not a number: write ${write}`,
  "data.value-too-large": ({ value }) =>
    `value ${JSON.stringify(value)} is too large: numbers must lie within ±1e15`,
  "data.conflict": ({ id, date, here, there, first }) =>
    `${id} on ${date} is ${here} here but ${there} at ${formatPlace(first, "line")}: delete the wrong row, or mark the right row as a correction (a note that begins with 更正 or correction)`,
  "data.base-conflict": ({ id, date, here, there, first }) =>
    `${id} on ${date} has the same value here as at ${formatPlace(first, "line")} but ${here === null ? "no base" : `base ${here}`} here and ${there === null ? "no base" : `base ${there}`} there, so the growth would differ: delete the wrong row, or mark the right row as a correction (a note that begins with 更正 or correction)`,
  "data.range-overlaps": ({ id, from, date, otherDate, other }) =>
    `${id}: this row's amount is for ${from} to ${date}, which holds ${otherDate}, given already at ${formatPlace(other, "line")}: summed, that period would be counted twice; give the months not yet reported alone, or delete the rows this one covers`,
  "data.more-conflicts": ({ count }) =>
    `${count} more rows in this file disagree with earlier rows`,
  "data.correction": ({ id, date, value, replaced, first }) =>
    `${id} on ${date}: the correction ${value} replaces ${replaced} at ${formatPlace(first, "line")}`,
  "data.more-corrections": ({ count }) => `${count} more corrections in this file`,
  "data.implausible-growth": ({ id, date, value, base, growth }) =>
    `${id} on ${date}: ${value} against last year's ${base} is a growth of ${growth}%: a unit slip in one of them? (write both in the target's unit)`,
  "data.implausible-size": ({ id, date, value, target, unit }) =>
    `${id} on ${date}: ${value} for a target of ${target}: a unit slip? (it is more than 10 times as far from the baseline as the target${unit === null ? "" : `; write it in ${unit}`})`,
  "data.total-reversed": ({ id, date, previousDate, from, to, direction }) =>
    direction === 1
      ? `${id} fell from ${from} (${previousDate}) to ${to} (${date}): a month's own amount instead of the total to date?`
      : `${id} rose from ${from} (${previousDate}) to ${to} (${date}), against its target: a month's own amount instead of the total to date?`,
  "data.percent-fraction": ({ id, date, value, write }) =>
    `${id} on ${date}: ${value} means ${value}%; write ${write} for ${write}%`,
  "data.more-implausible": ({ count }) => `${count} more values to check in this file`,
  "data.date-after-today": ({ id, date, today }) =>
    `${id} has a row dated ${date}, after today (${today}): it is not used while the as-of date is before it. A slip of the year or the month?`,
  "data.more-after-today": ({ count }) => `${count} more rows in this file are dated after today`,
  "data.reported-before-date": ({ id, date, reported }) =>
    `${id} on ${date} is reported on ${reported}, before its own date: one of the two dates is wrong`,

  "option.as-of-not-calendar": ({ value }) =>
    `--as-of ${JSON.stringify(value)} is not a calendar date`,
  "option.as-of-invalid": ({ value }) =>
    `--as-of ${JSON.stringify(value)} is not a date (2022-03-31, 2022-03, 2022-Q1 or today)`,
  "option.lang-invalid": ({ value }) => `--lang must be en or zh, got ${JSON.stringify(value)}`,
  "option.issue-invalid": ({ value }) =>
    `--issue must be a whole number of at least 1 (7 for No. 7) or the issue line as printed, got ${JSON.stringify(value)}`,
  "option.fail-on-invalid": ({ value, statuses }) =>
    `--fail-on must be none or a comma list of ${statuses.join(", ")}, got ${JSON.stringify(value)}`,
  "option.encoding-unknown": ({ encoding }) => `unknown encoding "${encoding}"`,
  "option.config-not-found": ({ path }) => `--config ${path}: no such file`,
  "option.unknown-target-id": ({ id, suggestion }) =>
    `no target has the id ${JSON.stringify(id)}${suggestion === null ? "; kpi list shows them all" : didYouMean(suggestion)}`,

  "option.unknown-owner": ({ owner, suggestion, owners }) =>
    `no target has the owner ${JSON.stringify(owner)}${suggestion === null ? `; the owners are ${owners.join(", ")}` : didYouMean(suggestion)}`,
  "option.owner-missing": ({ both }) =>
    both
      ? "give --owner NAME for one owner's form, or --all for every owner's, not both"
      : "give --owner NAME for one owner's form, or --all -o FOLDER for every owner's",
  "option.period-missing": () => "give the period the form is for: --period 2022-07 (or 2022-Q3)",
  "option.period-invalid": ({ value }) =>
    `--period ${JSON.stringify(value)} is not a month, quarter or date (2022-07, 2022-Q3, 2022-07-31)`,
  "option.all-needs-folder": () =>
    "--all writes a file for each owner: give the folder with -o FOLDER",

  "usage.unknown-command": ({ command, suggestion }) =>
    `error: unknown command '${command}'${commanderSuggestion(suggestion)}`,
  "usage.unknown-option": ({ option, suggestion }) =>
    `error: unknown option '${option}'${commanderSuggestion(suggestion)}`,
  "usage.missing-argument": ({ argument }) => `error: missing required argument '${argument}'`,
  "usage.option-missing-value": ({ option }) => `error: option '${option}' argument missing`,
  "usage.invalid-choice": ({ option, value, choices }) =>
    `error: option '${option}' argument '${value}' is invalid. Allowed choices are ${choices.join(", ")}.`,
  "usage.too-many-arguments": ({ command, expected, got }) =>
    `error: too many arguments${command === null ? "" : ` for '${command}'`}. Expected ${expected} argument${expected === 1 ? "" : "s"} but got ${got}.`,
  "usage.invalid": () =>
    "error: the command line is not valid (kpi --help lists the commands and options)",

  "output.write-failed": ({ path, reason, nothingWritten }) =>
    `cannot write ${path}: ${writeReason(reason)}${nothingWritten ? "; nothing was written" : ""}`,
  "output.append-failed": ({ path, code }) => `cannot append to ${path}: ${code}`,
  "notify.no-webhook": () =>
    "no webhook: give its URL with --webhook or in KPI_WEBHOOK (a secret, never in a file of the repository)",
  "notify.bad-webhook": () => "the webhook is not an http:// or https:// URL",
  "notify.post-failed": ({ platform, attempts, detail, posted, total }) =>
    `the post to ${platform} failed after ${attempts} ${attempts === 1 ? "attempt" : "attempts"} (${detail}); ${posted} of ${total} ${total === 1 ? "message was" : "messages were"} posted`,
  "diff.not-json": ({ path }) =>
    `${path} is not JSON: kpi diff compares the output of kpi check --format json`,
  "diff.not-results": ({ path, field }) =>
    `${path} is not the output of kpi check --format json (schemaVersion 2): ${field} is missing or wrong`,
  "output.empty-path": () => '-o must be a file name, got ""',
  "output.is-input": ({ path, input }) => `cannot write ${path}: it is the input file ${input}`,
  "output.stdout-failed": ({ reason }) => `cannot write to stdout: ${writeReason(reason)}`,
  "output.binary-to-terminal": ({ format, extension }) =>
    `--format ${format} is a file, not text for a terminal: write it with -o, like -o report${extension}`,
  "output.template-files-exist": ({ paths }) =>
    `${paths.length === 1 ? "the form exists already" : `${paths.length} of the forms exist already`}; nothing was written (--force overwrites, and a form may have come back filled in):${paths.map((path) => `\n  ${path}`).join("")}`,
  "output.init-files-exist": ({ paths }) =>
    `${paths.length} of the files init writes exist already; nothing was written (--force overwrites them):${paths.map((path) => `\n  ${path}`).join("")}`,
};
