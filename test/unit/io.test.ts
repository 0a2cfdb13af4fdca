/**
 * Reading data files in chunks: a UTF-8 character cut by the end of a chunk is read whole, bytes
 * that are not UTF-8 are found wherever they fall, the encoding is decided from the whole file
 * before any row is read, and the rows read are the ones the text holds.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { labelsFor } from "../../src/i18n/language.js";
import { formatProblem } from "../../src/i18n/problem-text.js";
import { readData } from "../../src/io/read-inputs.js";
import { formatDay, targetsFrom } from "../helpers.js";

const scratch = mkdtempSync(join(tmpdir(), "kpi-io-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const targets = targetsFrom(`
year: 2022
targets:
  - { id: invest, title: 固投, target: 130 }
`);

/** The size of a chunk read from a file (src/io/read-inputs.ts). */
const CHUNK = 1 << 16;

let fileNumber = 0;
async function readBytes(bytes: Buffer, encoding?: string) {
  const file = join(scratch, `f${fileNumber++}.csv`);
  writeFileSync(file, bytes);
  const data = await readData([file], targets, encoding === undefined ? {} : { encoding });
  const words = (language: "en" | "zh") =>
    data.problems.map((problem) =>
      formatProblem(problem, labelsFor(language)).replace(file, "f.csv"),
    );
  return {
    rows: data.observations.get("invest")?.length ?? 0,
    values:
      data.observations
        .get("invest")
        ?.observations()
        .map((row) => row.value) ?? [],
    problems: words("en"),
    chinese: words("zh"),
  };
}

describe("reading UTF-8 in chunks", () => {
  it("reads a character cut by the end of a chunk, at every place in it", async () => {
    for (const character of ["é", "项", "😀"]) {
      const width = Buffer.byteLength(character);
      for (let shift = 0; shift < width; shift++) {
        // A note column of padding puts the character across the chunk boundary.
        const header = "target,date,value,note\n";
        const before = CHUNK - header.length - "invest,2022-01-01,1,".length - shift - 1;
        const text = `${header}invest,2022-01-01,1,${"x".repeat(before)}${character}\ninvest,2022-01-02,2,${character}\n`;
        const result = await readBytes(Buffer.from(text, "utf8"));
        expect(result, `${character} shifted ${shift}`).toMatchObject({ rows: 2, problems: [] });
      }
    }
  });

  it("finds bytes that are not UTF-8 at a chunk boundary, and at the end of the file", async () => {
    const header = Buffer.from("target,date,value,note\ninvest,2022-01-01,1,", "utf8");
    const padding = Buffer.alloc(CHUNK - header.length - 1, "x");
    // A lead byte at the end of the first chunk, and no continuation after it.
    const cut = Buffer.concat([header, padding, Buffer.from([0xe9]), Buffer.from("\n")]);
    // A lead byte as the very last byte of the file.
    const truncated = Buffer.concat([
      Buffer.from("target,date,value\ninvest,2022-01-01,1\n"),
      Buffer.from([0xe9]),
    ]);
    for (const [bytes, line] of [
      [cut, 2],
      [truncated, 3],
    ] as const) {
      const result = await readBytes(bytes, "utf-8");
      expect(result.problems).toEqual([
        `f.csv:${line}:1: the file is not valid UTF-8 (try --encoding gb18030)`,
      ]);
    }
  });
});

describe("the encoding, decided before any row is read", () => {
  it("reads a file whole as GB18030 when its only GB18030 bytes come after the first chunks", async () => {
    const [invest, hall] = targetsFrom(`
year: 2022
targets:
  - { id: invest, title: 固投, target: 130 }
  - { id: hall, kind: milestone, title: 篮球馆, deadline: 2022-03-31 }
`);
    // 5,000 ASCII rows (over 100 KB), then a milestone done in GB18030's 完成: read as UTF-8,
    // it would be no done word.
    const { default: iconv } = await import("iconv-lite");
    const rows = Array.from({ length: 5000 }, (_, i) => `invest,${formatDay(14000 + i)},1`);
    const text = `target,date,value\n${rows.join("\n")}\nhall,2022-03-31,完成\n`;
    const file = join(scratch, `gb${fileNumber++}.csv`);
    writeFileSync(file, iconv.encode(text, "gb18030"));
    expect(text.length).toBeGreaterThan(CHUNK);
    const data = await readData([file], [invest, hall] as never);
    expect(data.problems).toEqual([]);
    expect(data.observations.get("invest")).toHaveLength(5000);
    expect(data.observations.get("hall")?.value(0)).toBe(true);
  });
});

describe("SPEC 3 (v2): line ends of a carriage return alone, as old Mac Excel saves", () => {
  it("reads every row of a CR-only file, with its line numbers, in UTF-8 and GB18030", async () => {
    const text = "target,date,value,note\rinvest,2022-01-31,10,\rinvest,2022-02-28,x,\r";
    const utf8 = await readBytes(Buffer.from(text, "utf8"));
    expect(utf8.problems).toEqual([
      'f.csv:3:19: value "x" is not a number: write a number (36, -3.5 or 1200)',
    ]);
    const gb18030 = await readBytes(
      Buffer.from(
        `${text.replace("x", "20").replace("note", "备注")}invest,2022-03-31,30,说明`,
        "utf8",
      ),
      "gb18030",
    );
    expect(gb18030).toMatchObject({ rows: 3, problems: [] });
  });

  it("keeps CRLF as one line end, also when a chunk ends between the CR and the LF", async () => {
    const header = "target,date,value,note\r\ninvest,2022-01-31,1,";
    const padding = "x".repeat(CHUNK - header.length - 1);
    const text = `${header}${padding}\r\ninvest,2022-02-28,2,\r\nnope,2022-02-28,2,\r\n`;
    const result = await readBytes(Buffer.from(text, "utf8"));
    // The unknown id is on line 4: the CR and LF cut by the chunk made one line end, not two.
    expect(result.rows).toBe(2);
    expect(result.problems).toEqual(['f.csv:4:1: no target has the id or title "nope"']);
  });

  it("reads a CR alone at a chunk's end, and at the file's end, as a line end", async () => {
    const header = "target,date,value\rinvest,2022-01-31,";
    const first = `${header}1`;
    const text = `${first}${" ".repeat(CHUNK - first.length - 1)}\rinvest,2022-02-28,2\r`;
    const result = await readBytes(Buffer.from(text, "utf8"));
    expect(result).toMatchObject({ rows: 2, problems: [] });
  });
});

describe("the line of bytes that are not UTF-8, whatever the line ends", () => {
  it("is counted by LF, CRLF and CR alone, also across a chunk boundary", async () => {
    const bad = Buffer.from([0xd5, 0xfd]);
    for (const end of ["\n", "\r\n", "\r"]) {
      const lines = ["target,date,value,note", "invest,2022-01-31,1,a", "invest,2022-02-28,2,b"];
      const text = Buffer.from(`${lines.join(end) + end}invest,2022-03-31,3,`, "utf8");
      const result = await readBytes(Buffer.concat([text, bad, Buffer.from(end)]), "utf-8");
      expect(result.problems, JSON.stringify(end)).toEqual([
        "f.csv:4:1: the file is not valid UTF-8 (try --encoding gb18030)",
      ]);
    }
    // A CRLF whose CR ends the first chunk: one line end, not two.
    const first = "target,date,value,note\r\ninvest,2022-01-31,1,";
    const text = `${first}${"x".repeat(CHUNK - first.length - 1)}\r\ninvest,2022-02-28,2,`;
    const result = await readBytes(
      Buffer.concat([Buffer.from(text, "utf8"), bad, Buffer.from("\r\n")]),
      "utf-8",
    );
    expect(result.problems).toEqual([
      "f.csv:3:1: the file is not valid UTF-8 (try --encoding gb18030)",
    ]);
  });
});

/** UTF-16 of a text with its byte order mark, as Excel saves "Unicode text". */
function utf16(text: string, order: "le" | "be"): Buffer {
  const bytes = Buffer.from(`\uFEFF${text}`, "utf16le");
  return order === "le" ? bytes : bytes.swap16();
}

describe("SPEC 3 (v2): UTF-16 with a byte order mark is read as UTF-16", () => {
  it("reads UTF-16LE and UTF-16BE, Chinese headers and CRLF included", async () => {
    const text =
      "指标,日期,数值,备注\r\ninvest,2022-01-31,12,一月\r\ninvest,2022-02-28,20,二月\r\n";
    for (const order of ["le", "be"] as const) {
      const result = await readBytes(utf16(text, order));
      expect(result.problems, order).toEqual([]);
      expect(result.values, order).toEqual([12, 20]);
    }
  });

  it("reads a character of two UTF-16 units cut by the end of a chunk", async () => {
    // The header and the first row before the padding are 23 + 21 = 44 characters, the padding
    // 32,768 - 44 - 1 = 32,723: with the BOM, the emoji's first unit ends the first chunk of
    // 65,536 bytes (2 bytes a unit) and its second unit starts the next.
    const head = "target,date,value,note\ninvest,2022-01-31,1,";
    const text = `${head}${"x".repeat(CHUNK / 2 - head.length - 2)}😀\ninvest,2022-02-28,2,😀\n`;
    for (const order of ["le", "be"] as const) {
      const result = await readBytes(utf16(text, order));
      expect(result, order).toMatchObject({ values: [1, 2], problems: [] });
    }
  });
});

describe("SPEC 3 (v2): a mixed file is refused at its first line that is not UTF-8", () => {
  it("names the line of a GBK cell pasted into a UTF-8 file, never reading it as GB18030", async () => {
    const { default: iconv } = await import("iconv-lite");
    // Lines 1 and 2 are UTF-8 (指标 is three bytes a character), line 3 holds 说明 in GBK.
    const bytes = Buffer.concat([
      Buffer.from("指标,日期,数值,备注\ninvest,2022-01-31,12,一月\ninvest,2022-02-28,20,", "utf8"),
      iconv.encode("说明", "gbk"),
      Buffer.from("\ninvest,2022-03-31,30,\n", "utf8"),
    ]);
    const result = await readBytes(bytes);
    expect(result.rows).toBe(0);
    expect(result.problems).toEqual([
      "f.csv:3:1: this line is not UTF-8, while line 1 is UTF-8 with Chinese text: a cell pasted from a GBK (GB18030) source? Retype this line's text, or save the whole file in one encoding (UTF-8)",
    ]);
    expect(result.chinese).toEqual([
      "f.csv:3:1: 此行不是 UTF-8 编码，而第 1 行是含中文的 UTF-8：是否从 GBK（GB18030）来源粘贴了单元格？请重新输入此行文字，或将整个文件另存为同一种编码（UTF-8）",
    ]);
  });

  it("reads a GB18030 file whose only UTF-8 lines are ASCII as GB18030", async () => {
    const { default: iconv } = await import("iconv-lite");
    // The header and line 2 are ASCII (valid UTF-8 of one byte a character): not mixed.
    const text = "target,date,value,note\ninvest,2022-01-31,12,\ninvest,2022-02-28,20,说明\n";
    const result = await readBytes(iconv.encode(text, "gb18030"));
    expect(result).toMatchObject({ values: [12, 20], problems: [] });
  });

  it("finds the UTF-8 line after the first line that is not, and in another chunk", async () => {
    const { default: iconv } = await import("iconv-lite");
    // Line 2 is GBK; the UTF-8 line (一月) is line 3, past the first chunk of 65,536 bytes.
    const padding = "x".repeat(CHUNK);
    const bytes = Buffer.concat([
      Buffer.from("target,date,value,note\ninvest,2022-01-31,12,", "utf8"),
      iconv.encode("说明", "gbk"),
      Buffer.from(`${padding}\ninvest,2022-02-28,20,一月\n`, "utf8"),
    ]);
    const result = await readBytes(bytes);
    expect(result.problems).toEqual([
      expect.stringMatching(/^f\.csv:2:1: this line is not UTF-8, while line 3 is UTF-8 /),
    ]);
  });

  it("with --encoding, reads the file in the encoding given, mixed or not", async () => {
    const { default: iconv } = await import("iconv-lite");
    const bytes = Buffer.concat([
      iconv.encode("target,date,value,备注\ninvest,2022-01-31,12,说明\n", "gb18030"),
      Buffer.from("invest,2022-02-28,20,\n", "utf8"),
    ]);
    expect(await readBytes(bytes, "gb18030")).toMatchObject({ values: [12, 20], problems: [] });
  });
});

describe("SPEC 3 (v2): nothing in a data folder is skipped without a word", () => {
  /** A folder of files (name → text or bytes), read as a data folder. */
  async function readFolder(files: Record<string, string | Buffer>) {
    const folder = join(scratch, `folder${fileNumber++}`);
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(folder, name)), { recursive: true });
      writeFileSync(join(folder, name), content);
    }
    const data = await readData([folder], targets);
    const words = (language: "en" | "zh") =>
      data.problems.map((problem) =>
        formatProblem(problem, labelsFor(language)).replaceAll(folder, "data"),
      );
    const rows = data.observations.get("invest");
    return {
      rows: rows?.observations().map((row) => [row.value, row.file.replace(folder, "data")]) ?? [],
      en: words("en").sort(),
      zh: words("zh").sort(),
    };
  }

  it("reads .tsv and .txt files whose header names the columns, Excel's Unicode text included", async () => {
    const result = await readFolder({
      "a.csv": "target,date,value\ninvest,2022-01-31,1\n",
      "b.tsv": "target\tdate\tvalue\ninvest\t2022-02-28\t2\n",
      "c.txt": utf16("标题\r\n指标\t日期\t数值\r\ninvest\t2022-03-31\t3\r\n", "le"),
      "d.csv.txt": "target,date,value\ninvest,2022-04-30,4\n",
    });
    expect(result).toEqual({
      rows: [
        [1, "data/a.csv"],
        [2, "data/b.tsv"],
        [3, "data/c.txt"],
        [4, "data/d.csv.txt"],
      ],
      en: [],
      zh: [],
    });
  });

  it("lists every other file in a notice at its path, and says nothing of hidden and lock files", async () => {
    const result = await readFolder({
      "a.csv": "target,date,value\ninvest,2022-01-31,1\n",
      "说明.txt": "本文件夹存放各部门报送的数据。\n",
      "3月.numbers": "PK\u0003\u0004",
      "3月.pdf": "%PDF",
      ".DS_Store": "\u0000\u0000",
      "~$3月.xlsx": "lock",
      "targets.yaml": "targets: []\n",
      ".cache/x.bin": "x",
    });
    expect(result.rows).toEqual([[1, "data/a.csv"]]);
    expect(result.en).toEqual([
      "data/3月.numbers:1:1: warning: not read: kpi reads .csv, .xlsx, .tsv, .txt files in a data folder; save it as CSV (UTF-8) to have it read, or move it out of the folder",
      "data/3月.pdf:1:1: warning: not read: kpi reads .csv, .xlsx, .tsv, .txt files in a data folder; save it as CSV (UTF-8) to have it read, or move it out of the folder",
      "data/说明.txt:1:1: warning: not read: no row of its first 10 names the columns target, date, value (a .txt or .tsv file in a data folder is read only when one does)",
    ]);
    expect(result.zh).toEqual([
      "data/3月.numbers:1:1: 警告：未读取：数据文件夹中只读取 .csv、.xlsx、.tsv、.txt 文件；如需读取，请另存为 CSV（UTF-8），或将其移出此文件夹",
      "data/3月.pdf:1:1: 警告：未读取：数据文件夹中只读取 .csv、.xlsx、.tsv、.txt 文件；如需读取，请另存为 CSV（UTF-8），或将其移出此文件夹",
      "data/说明.txt:1:1: 警告：未读取：前 10 行中没有一行写明 target、date、value 列（数据文件夹中的 .txt 或 .tsv 文件只有写明这些列时才读取）",
    ]);
  });

  it("is an error for a folder of files none of which is read, each listed", async () => {
    const result = await readFolder({
      "d.csv.txt": "指标，日期，数值\ninvest，2022-01-31，1\n",
      "x.numbers": "PK",
    });
    expect(result.en).toEqual([
      "data/d.csv.txt:1:1: warning: not read: no row of its first 10 names the columns target, date, value (a .txt or .tsv file in a data folder is read only when one does)",
      "data/x.numbers:1:1: warning: not read: kpi reads .csv, .xlsx, .tsv, .txt files in a data folder; save it as CSV (UTF-8) to have it read, or move it out of the folder",
      "data:1:1: no data file (.csv, .xlsx, .tsv, .txt) in this folder",
    ]);
    expect(result.zh[2]).toBe("data:1:1: 此文件夹中没有数据文件（.csv、.xlsx、.tsv、.txt）");
  });

  it("refuses a legacy workbook with what to save it as", async () => {
    const result = await readFolder({ "3月.xls": "\u00d0\u00cf\u0011\u00e0", "a.et": "x" });
    expect(result.en).toEqual([
      "data/3月.xls:1:1: kpi cannot read .xls workbooks: open it in Excel or WPS and save it as .xlsx (Excel Workbook) or as CSV UTF-8",
      "data/a.et:1:1: kpi cannot read .et workbooks: open it in Excel or WPS and save it as .xlsx (Excel Workbook) or as CSV UTF-8",
    ]);
    expect(result.zh[0]).toBe(
      "data/3月.xls:1:1: 无法读取 .xls 工作簿：请在 Excel 或 WPS 中打开，另存为 .xlsx（Excel 工作簿）或 CSV UTF-8",
    );
  });

  it("lists the first 50 files not read of a folder, and counts the others in one line", async () => {
    // 60 files not read: 50 listed, 60 - 50 = 10 counted.
    const files: Record<string, string> = { "a.csv": "target,date,value\ninvest,2022-01-31,1\n" };
    for (let i = 0; i < 60; i++) files[`f${String(i).padStart(2, "0")}.pdf`] = "%PDF";
    const result = await readFolder(files);
    expect(result.en).toHaveLength(51);
    expect(result.en[0]).toMatch(/^data\/f00\.pdf:1:1: warning: not read: /);
    expect(result.en[49]).toMatch(/^data\/f49\.pdf:1:1: warning: not read: /);
    expect(result.en[50]).toBe("data:1:1: warning: 10 more files in this folder are not read");
    expect(result.zh[50]).toBe("data:1:1: 警告：此文件夹中另有 10 个文件未读取");
  });

  it("reads no more of a .txt that is no data file than its first rows, and closes it", async () => {
    // Three files of 20,000 lines (over three chunks each) with no header in their first 10 rows.
    const big = `${Array.from({ length: 20_000 }, (_, i) => `日志 ${i}`).join("\n")}\n`;
    const openFiles = () => (existsSync("/proc/self/fd") ? readdirSync("/proc/self/fd").length : 0);
    const before = openFiles();
    const result = await readFolder({
      "a.csv": "target,date,value\n",
      "1.txt": big,
      "2.txt": big,
      "3.txt": big,
    });
    expect(result.en).toHaveLength(3);
    expect(openFiles()).toBe(before);
  });

  it("reads a file named whatever its extension, and refuses it when it has no header", async () => {
    const named = join(scratch, `named${fileNumber++}.dat`);
    writeFileSync(named, "target,date,value\ninvest,2022-01-31,1\n");
    const text = join(scratch, `notes${fileNumber++}.txt`);
    writeFileSync(text, "本文件夹存放各部门报送的数据。\n");
    const data = await readData([named, text], targets);
    expect(data.observations.get("invest")?.length).toBe(1);
    expect(
      data.problems.map((problem) => formatProblem(problem).replace(text, "notes.txt")),
    ).toEqual([
      "notes.txt:1:1: no row of the first 10 names the columns target (target, id, 指标, 编号), date (date, period, 日期), value (value, 数值, 值): write a header row above the table",
    ]);
  });
});
