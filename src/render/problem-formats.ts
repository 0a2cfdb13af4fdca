/**
 * The problems of the inputs as machines read them: `kpi validate --format json|github|junit`, and
 * `kpi check --format github|junit` on a run that input errors stop. Each problem keeps its place
 * (file, line, column) and its words; JSON's are English, never translated.
 */
import { formatPlace, type Problem } from "../core/problems.js";
import type { Labels } from "../i18n/labels.js";
import { problemWords } from "../i18n/problem-text.js";
import { escapeCommandData, escapeCommandProperty } from "./results-github.js";
import { escapeXml } from "./results-junit.js";

/** What `kpi validate` found: every problem, sorted, and what was read. */
export interface ValidationModel {
  problems: readonly Problem[];
  /** The project file read, or null. */
  projectFile: string | null;
  targets: number;
  rows: number;
  /** False when a target error kept the data from being read. */
  dataRead: boolean;
  /** The exit code's verdict: no error (and, with --strict, no warning). */
  ok: boolean;
}

/** One GitHub annotation per problem, at its place: `::error file=…,line=…,col=…::words`. */
export function problemAnnotations(problems: readonly Problem[], labels: Labels): string {
  return problems
    .map((problem) => {
      const command = problem.severity === "error" ? "error" : "warning";
      const place =
        problem.place === null
          ? []
          : [
              `file=${escapeCommandProperty(problem.place.file)}`,
              `line=${problem.place.line}`,
              `col=${problem.place.column}`,
            ];
      const properties = [...place, `title=${escapeCommandProperty(`kpi: ${problem.code}`)}`];
      return `::${command} ${properties.join(",")}::${escapeCommandData(problemWords(problem, labels))}\n`;
    })
    .join("");
}

/** `--format json`: the stable interface of validation, in English. */
export function renderValidationJson(model: ValidationModel): string {
  const errors = model.problems.filter((problem) => problem.severity === "error").length;
  const json = {
    schemaVersion: 2,
    ok: model.ok,
    projectFile: model.projectFile,
    targets: model.targets,
    rows: model.rows,
    dataRead: model.dataRead,
    summary: { errors, warnings: model.problems.length - errors },
    problems: model.problems.map((problem) => ({
      severity: problem.severity,
      code: problem.code,
      file: problem.place?.file ?? null,
      // A workbook's problem: its sheet, `line` and `column` its cell's row and column there.
      ...(problem.place?.sheet === undefined ? {} : { sheet: problem.place.sheet }),
      line: problem.place?.line ?? null,
      column: problem.place?.column ?? null,
      message: problemWords(problem),
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/**
 * `--format junit`: one suite, `kpi inputs`, with a failing case per error, a passing case per
 * warning (its words in system-out), and one passing case when there is no problem at all.
 */
export function renderProblemsJunit(problems: readonly Problem[], labels: Labels): string {
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const cases =
    problems.length === 0
      ? ['    <testcase name="inputs" classname="kpi inputs"/>']
      : problems.map((problem) => {
          const place = problem.place === null ? "" : formatPlace(problem.place);
          const name = escapeXml(place === "" ? problem.code : `${place} ${problem.code}`);
          const file = problem.place === null ? "" : ` file="${escapeXml(problem.place.file)}"`;
          const line = problem.place === null ? "" : ` line="${problem.place.line}"`;
          const words = escapeXml(problemWords(problem, labels));
          const open = `    <testcase name="${name}" classname="kpi inputs"${file}${line}>`;
          return problem.severity === "error"
            ? `${open}\n      <failure message="${words}" type="${escapeXml(problem.code)}">${words}</failure>\n    </testcase>`
            : `${open}\n      <system-out>${words}</system-out>\n    </testcase>`;
        });
  const tests = Math.max(problems.length, 1);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kpi" tests="${tests}" failures="${errors}">`,
    `  <testsuite name="kpi inputs" tests="${tests}" failures="${errors}" errors="0" skipped="0">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
