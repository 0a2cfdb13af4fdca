import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blockRecords, type CsvItem, csvRecords, MAX_RECORD_LENGTH } from "../../src/inputs/csv.js";

type Event = [string, number, readonly string[] | string];

/** The records as events, each run of quote-free lines line by line; and the stage's result. */
function collect(records: Generator<CsvItem, number>) {
  const events: Event[] = [];
  for (let next = records.next(); ; next = records.next()) {
    if (next.done === true) return { events, lastLine: next.value };
    const item = next.value;
    if (item.kind === "error") events.push(["error", item.line, item.problem[0]]);
    else if (item.kind === "record") events.push(["record", item.line, item.fields]);
    else
      for (let index = 0; index < item.count; index++)
        events.push(["record", item.firstLine + index, item.fields(index)]);
  }
}

function parseInChunks(text: string, sizes: number[]) {
  const chunks: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= text.length) break;
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  if (at < text.length) chunks.push(text.slice(at));
  return collect(csvRecords(chunks));
}

const field = fc.oneof(
  fc.stringMatching(/^[a-z0-9 .%-]{0,6}$/),
  fc.constantFrom("", "1,200", 'say "hi"', "two\nlines", "x\r\ny"),
);
const quoteField = (text: string) =>
  /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
const table = fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), {
  minLength: 1,
  maxLength: 30,
});

describe("CSV records", () => {
  it("the direct reading gives exactly papaparse's records, line numbers and errors", () => {
    const directField = fc.oneof(
      fc.stringMatching(/^[a-z0-9 .%\r-]{0,6}$/),
      // Whole quoted fields, the kind read directly.
      fc.stringMatching(/^[a-z0-9 ,.%\r-]{0,6}$/).map((text) => `"${text}"`),
      // Quotes anywhere, with spaces, commas and line ends: for papaparse, wherever they start.
      fc.stringMatching(/^[a" ,\r\n]{0,5}$/),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(directField, { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 20,
        }),
        (rows) => {
          const block = rows.map((row) => row.join(",")).join("\n");
          // papaparse reads an empty text as no record, where it is one blank line: never asked.
          fc.pre(block !== "");
          const direct = collect(blockRecords(block, 1));
          const general = collect(blockRecords(block, 1, undefined, true));
          expect(direct).toEqual(general);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("gives every record its fields and starting line, however the text is chunked", () => {
    fc.assert(
      fc.property(
        table,
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 50 }),
        fc.boolean(),
        (rows, sizes, crlf) => {
          const newline = crlf ? "\r\n" : "\n";
          const text = `${rows.map((row) => row.map(quoteField).join(",")).join(newline)}${newline}`;
          const { events, lastLine } = parseInChunks(text, sizes);
          let line = 1;
          const expected = rows.map((row) => {
            const event: Event = ["record", line, row.map((cell) => cell)];
            line += 1 + row.join("").split("\n").length - 1;
            return event;
          });
          expect(events).toEqual(expected);
          expect(lastLine).toBe(line - 1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads a record cut by the end of a chunk, at every place of the cut, as in one chunk", () => {
    // Quote-free lines, CRLFs, a quoted field over two lines, "" inside quotes and a "1,200".
    const text = 'a,b\r\n1,2\r\n"x\r\ny",3\n4,"say ""hi"""\n"1,200",5\n6,7\n';
    const whole = parseInChunks(text, [text.length]);
    expect(whole.events.length).toBe(6);
    for (let cut = 1; cut < text.length; cut++)
      for (const second of [1, 3, text.length])
        expect(parseInChunks(text, [cut, second])).toEqual(whole);
  });

  it("reads a last line without a line break", () => {
    const { events } = parseInChunks("a,b\n1,2", [3, 100]);
    expect(events).toEqual([
      ["record", 1, ["a", "b"]],
      ["record", 2, ["1", "2"]],
    ]);
  });

  it("reports an unclosed quote at the line of its record", () => {
    const { events } = parseInChunks('a,b\n1,"2\n3,4\n', [5, 5, 5]);
    expect(events).toEqual([
      ["record", 1, ["a", "b"]],
      ["error", 2, "csv.unclosed-quote"],
    ]);
  });

  it("stops at an unclosed quote early in a big file instead of reading it all as one record", () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `t,2022-01-01,${i}`).join("\n");
    const text = `target,date,value\nt,2022-01-01,"1\n${rows}\n`;
    expect(text.length).toBeGreaterThan(MAX_RECORD_LENGTH);
    const { events } = parseInChunks(
      text,
      Array.from({ length: 100 }, () => 65_536),
    );
    expect(events).toEqual([
      ["record", 1, ["target", "date", "value"]],
      ["error", 2, "csv.unclosed-quote"],
    ]);
  });
});
