/**
 * Workbooks through the built CLI (SPEC 3, v2): a department's workbook saved by LibreOffice is
 * read, its sheet without a header named; a workbook of bad cells is exit 2 with every problem at
 * its cell, in both languages; a hostile workbook is exit 2 with one located error, no stack trace.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runKpi } from "../run-kpi.js";
import { writeWorkbook } from "../workbook-writer.js";

const TARGETS = ["-t", "test/fixtures/workbooks/targets"];
const AS_OF = ["--as-of", "2022-07-31"];
const scratch = mkdtempSync(join(tmpdir(), "kpi-workbooks-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("workbooks through the CLI", () => {
  it("reads a department's workbook, and names its sheet without a header", () => {
    const run = runKpi(["validate", "test/fixtures/workbooks/department.xlsx", ...TARGETS]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "test/fixtures/workbooks/department.xlsx:说明!A1: warning: sheet not read: no row of its first 10 names the columns target, date, value",
    );
    const check = runKpi([
      "check",
      ...TARGETS,
      ...AS_OF,
      "test/fixtures/workbooks/department.xlsx",
      "--format",
      "json",
    ]);
    const results = JSON.parse(check.stdout).results as { id: string; actual: number }[];
    expect(results.map(({ id, actual }) => [id, actual])).toEqual([
      ["invest", 1200],
      ["count", 120],
      ["rate", 30],
    ]);
  });

  it("exits 2 with every bad cell at its place, in English and in Chinese", () => {
    const args = ["check", ...TARGETS, ...AS_OF, "test/fixtures/workbooks/bad-cells.xlsx"];
    const en = runKpi(args);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe("");
    expect(en.stderr).toContain(
      "test/fixtures/workbooks/bad-cells.xlsx:数据!C2: the cell holds the error #DIV/0!: correct the formula or write the value",
    );
    const zh = runKpi([...args, "--lang", "zh"]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(
      "test/fixtures/workbooks/bad-cells.xlsx:数据!B4: 日期单元格是数字 44804，不是日期（作为日期是 2022-08-31）：请把单元格格式设为日期，或写 2022-08-31",
    );
  });

  it("validate's JSON and JUnit give a bad cell its sheet", () => {
    const args = ["validate", "test/fixtures/workbooks/bad-cells.xlsx", ...TARGETS];
    const json = runKpi([...args, "--format", "json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).problems[0]).toEqual({
      severity: "error",
      code: "data.cell-error",
      file: "test/fixtures/workbooks/bad-cells.xlsx",
      sheet: "数据",
      line: 2,
      column: 3,
      message: "the cell holds the error #DIV/0!: correct the formula or write the value",
    });
    expect(runKpi([...args, "--format", "junit"]).stdout).toContain(
      '<testcase name="test/fixtures/workbooks/bad-cells.xlsx:数据!C2 data.cell-error" classname="kpi inputs" file="test/fixtures/workbooks/bad-cells.xlsx" line="2">',
    );
  });

  it("gives a workbook row's warning its sheet in the JSON result", () => {
    const file = join(scratch, "missing.xlsx");
    writeFileSync(
      file,
      writeWorkbook([
        {
          name: "发改局",
          rows: [
            ["target", "date", "value"],
            ["invest", "2022-07-31", { number: 10 }],
            ["invest", "2022-06-30"],
          ],
        },
      ]),
    );
    const run = runKpi(["check", ...TARGETS, ...AS_OF, file, "--format", "json"]);
    const invest = (
      JSON.parse(run.stdout).results as { id: string; warnings: { sheet?: string }[] }[]
    ).find(({ id }) => id === "invest");
    expect(invest?.warnings).toEqual([
      {
        file,
        line: 3,
        sheet: "发改局",
        message: "no value for invest on 2022-06-30: the row is skipped",
      },
    ]);
    expect(run.stderr).toBe(
      `${file}:发改局!C3: warning: no value for invest on 2022-06-30: the row is skipped\n`,
    );
  });

  it("exits 2 for a hostile workbook with one located error, never a stack trace", () => {
    const file = join(scratch, "laughs.xlsx");
    writeFileSync(
      file,
      writeWorkbook([{ name: "S", rows: [["target", "date", "value"]] }], {
        parts: {
          "xl/sharedStrings.xml": `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>`,
        },
      }),
    );
    const run = runKpi(["check", ...TARGETS, ...AS_OF, file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${file}:1:1: the workbook holds a DTD (xl/sharedStrings.xml), which no spreadsheet program writes: refused (its entities are never expanded)`,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
