/**
 * RFC 4180 records from a stream of text, by papaparse (the faster of the two maintained parsers
 * measured on a million rows), with the 1-based line each record starts on.
 */
import { Readable } from "node:stream";
import Papa from "papaparse";

/** A quoting mistake papaparse found, on the line of the record it spoiled. */
export interface CsvSyntaxError {
  line: number;
  message: string;
}

export interface CsvHandlers {
  record: (fields: string[], line: number) => void;
  syntaxError: (error: CsvSyntaxError) => void;
}

/** Chunks a single record may span (with 64 KiB chunks, about 1 MiB). */
const MAX_CHUNKS_PER_RECORD = 16;

/** Parse the text chunks; resolves to the number of the last line read. */
export function parseCsv(chunks: AsyncIterable<string>, handlers: CsvHandlers): Promise<number> {
  let line = 1;
  let chunksWithoutRecord = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(Readable.from(chunks, { objectMode: true }), {
      delimiter: ",",
      // Always LF: a CRLF file leaves a "\r" at the end of each line's last field, taken off
      // below, so files whose lines end both ways read alike.
      newline: "\n",
      quoteChar: '"',
      skipEmptyLines: false,
      chunk: (results, parser) => {
        const rows = results.data;
        // papaparse parses an unfinished record again from its start with every new chunk: an
        // unclosed quote early in a big file would take quadratic time. A record longer than
        // this many chunks is an unclosed quote; stop there.
        chunksWithoutRecord = rows.length === 0 ? chunksWithoutRecord + 1 : 0;
        if (chunksWithoutRecord > MAX_CHUNKS_PER_RECORD) {
          handlers.syntaxError({ line, message: describe("MissingQuotes") });
          parser.abort();
          return;
        }
        const errorRows = new Map<number, string>();
        for (const error of results.errors) errorRows.set(error.row ?? 0, describe(error.code));
        for (let index = 0; index < rows.length; index++) {
          const fields = rows[index] as string[];
          const last = fields.length - 1;
          const lastField = fields[last];
          if (lastField?.endsWith("\r")) fields[last] = lastField.slice(0, -1);
          const error = errorRows.get(index);
          if (error !== undefined) handlers.syntaxError({ line, message: error });
          else handlers.record(fields, line);
          // A record spans one line more for each line break inside its quoted fields.
          line += 1;
          for (const field of fields)
            if (field.length > 0 && field.includes("\n")) line += countLineBreaks(field);
        }
      },
      complete: () => resolve(line - 1),
      error: (cause: Error) => reject(cause),
    });
  });
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

function describe(code: string): string {
  switch (code) {
    case "MissingQuotes":
      return 'a quoted field is not closed: a field that starts with " must end with "';
    case "InvalidQuotes":
      return 'a closing quote is followed by something other than a comma or the end of the line (write "" for a quote inside a quoted field)';
    default:
      return `the CSV cannot be read (${code})`;
  }
}
