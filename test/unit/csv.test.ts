import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_RECORD_LENGTH, parseBlock, parseCsv } from "../../src/inputs/csv.js";

type Event = [string, number, string[] | string];

function collect() {
  const events: Event[] = [];
  return {
    events,
    handlers: {
      record: (fields: string[], line: number) => void events.push(["record", line, fields]),
      syntaxError: (error: { line: number; message: string }) =>
        void events.push(["error", error.line, error.message]),
    },
  };
}

async function parseInChunks(text: string, sizes: number[]) {
  const { events, handlers } = collect();
  async function* chunks() {
    let at = 0;
    for (const size of sizes) {
      if (at >= text.length) break;
      yield text.slice(at, at + size);
      at += size;
    }
    if (at < text.length) yield text.slice(at);
  }
  const lastLine = await parseCsv(chunks(), handlers);
  return { events, lastLine };
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
          const direct = collect();
          const general = collect();
          expect(parseBlock(block, 1, direct.handlers)).toBe(
            parseBlock(block, 1, general.handlers, true),
          );
          expect(direct.events).toEqual(general.events);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("gives every record its fields and starting line, however the text is chunked", async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 50 }),
        fc.boolean(),
        async (rows, sizes, crlf) => {
          const newline = crlf ? "\r\n" : "\n";
          const text = `${rows.map((row) => row.map(quoteField).join(",")).join(newline)}${newline}`;
          const { events, lastLine } = await parseInChunks(text, sizes);
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

  it("reads a last line without a line break", async () => {
    const { events } = await parseInChunks("a,b\n1,2", [3, 100]);
    expect(events).toEqual([
      ["record", 1, ["a", "b"]],
      ["record", 2, ["1", "2"]],
    ]);
  });

  it("reports an unclosed quote at the line of its record", async () => {
    const { events } = await parseInChunks('a,b\n1,"2\n3,4\n', [5, 5, 5]);
    expect(events).toEqual([
      ["record", 1, ["a", "b"]],
      ["error", 2, 'a quoted field is not closed: a field that starts with " must end with "'],
    ]);
  });

  it("stops at an unclosed quote early in a big file instead of reading it all as one record", async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `t,2022-01-01,${i}`).join("\n");
    const text = `target,date,value\nt,2022-01-01,"1\n${rows}\n`;
    expect(text.length).toBeGreaterThan(MAX_RECORD_LENGTH);
    const { events } = await parseInChunks(
      text,
      Array.from({ length: 100 }, () => 65_536),
    );
    expect(events).toEqual([
      ["record", 1, ["target", "date", "value"]],
      ["error", 2, 'a quoted field is not closed: a field that starts with " must end with "'],
    ]);
  });
});
