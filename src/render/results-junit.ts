/**
 * `--format junit`: JUnit XML for CI test reports. One testsuite per section (targets without a
 * section: one per file), one testcase per target; red is a failure, yellow a passed case with a
 * warning in system-out, grey skipped, green passed.
 */

import type { Report, Result } from "../core/model.js";
import type { Labels } from "../i18n/labels.js";
import { describeResult, formatReason } from "./format.js";

/** Text safe in XML content and attributes: the five entities, and no character XML forbids. */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join("");
}

interface Suite {
  name: string;
  results: Result[];
}

/** Suites in the order their first target appears in the files. */
function suitesOf(results: readonly Result[]): Suite[] {
  const suites = new Map<string, Suite>();
  for (const result of results) {
    const name = result.target.section ?? result.target.place.file;
    const suite = suites.get(name);
    if (suite === undefined) suites.set(name, { name, results: [result] });
    else suite.results.push(result);
  }
  return [...suites.values()];
}

function count(results: readonly Result[], status: Result["status"]): number {
  return results.filter((result) => result.status === status).length;
}

function testcase(result: Result, suite: string, labels: Labels): string {
  const { target } = result;
  const open = `    <testcase${attributes({
    classname: suite,
    name: `${target.id}: ${target.title}`,
    file: target.place.file,
    line: target.place.line,
    time: 0,
  })}`;
  const status = labels.statusReason(labels.status[result.status], formatReason(result, labels));
  const detail = escapeXml(describeResult(result, labels));
  switch (result.status) {
    case "red":
      return `${open}>\n      <failure${attributes({ message: status, type: result.reason })}>${detail}</failure>\n    </testcase>`;
    case "yellow":
      return `${open}>\n      <system-out>${escapeXml(status)}${escapeXml(labels.listSeparator)}${detail}</system-out>\n    </testcase>`;
    case "grey":
      return `${open}>\n      <skipped${attributes({ message: status })}/>\n    </testcase>`;
    case "green":
      return `${open}/>`;
  }
}

/** The report as JUnit XML, the words (messages, details) in the labels' language. */
export function renderJunit(report: Report, options: { labels: Labels }): string {
  const { labels } = options;
  const { results } = report;
  const suites = suitesOf(results).map((suite) =>
    [
      `  <testsuite${attributes({
        name: suite.name,
        tests: suite.results.length,
        failures: count(suite.results, "red"),
        errors: 0,
        skipped: count(suite.results, "grey"),
        time: 0,
      })}>`,
      ...suite.results.map((result) => testcase(result, suite.name, labels)),
      "  </testsuite>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({
      name: "kpi",
      tests: results.length,
      failures: count(results, "red"),
      errors: 0,
      skipped: count(results, "grey"),
      time: 0,
    })}>`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}
