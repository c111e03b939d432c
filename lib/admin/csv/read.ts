import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";

/** One parsed CSV record and the line it starts on (the header is line 1). */
export type CsvRecord = { line: number; values: string[] };

/** The file as a whole cannot be read: not UTF-8, too large, a quote never closed, no header. */
export class CsvFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
    readonly code: "invalid" | "too_large" = "invalid",
  ) {
    super(message);
  }
}

/** Where an import reads from: a request body, a file stream, or chunks in a test. */
export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

async function* chunksOf(source: ByteSource): AsyncGenerator<Uint8Array | string> {
  if ("getReader" in source) {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      // Stops the upload when the import ends early (a too-large file).
      await reader.cancel().catch(() => {});
    }
  }
  yield* source;
}

// A header line longer than this is not a header of ours (and is never buffered further).
const MAX_HEADER_CHARS = 64 * 1024;

/**
 * The UTF-8 text of a byte source, chunk by chunk: invalid UTF-8 (a file saved as Latin-1 or
 * Windows-1252) is refused rather than turned into replacement characters, a BOM is dropped, and
 * reading stops as soon as the source passes `maxBytes`.
 */
async function* utf8Text(source: ByteSource, maxBytes: number): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const encoder = new TextEncoder();
  let size = 0;
  let newlines = 0;
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new CsvFileError(newlines + 1, "The file is not UTF-8 text. Save it as “CSV UTF-8” (in Excel: Save as → CSV UTF-8) and import it again.");
    }
  };
  for await (const chunk of chunksOf(source)) {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    size += bytes.byteLength;
    if (size > maxBytes) throw new CsvFileError(newlines + 1, `The file is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB. Split it into smaller files.`, "too_large");
    const text = decode(bytes);
    if (text) {
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) newlines++;
      yield text;
    }
  }
  const rest = decode();
  if (rest) yield rest;
}

/** The header names the delimiter: `;` (Excel in most of Europe) or `,`, whichever it uses. */
export function detectDelimiter(headerLine: string): ";" | "," {
  const semicolons = headerLine.split(";").length - 1;
  const commas = headerLine.split(",").length - 1;
  return commas > semicolons ? "," : ";";
}

const PARSE_MESSAGES: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: "A quoted value is never closed: a \" is missing.",
  CSV_INVALID_OPENING_QUOTE: "A value contains a quotation mark: put the whole value in quotation marks and double the one inside (\"\").",
  CSV_INVALID_CLOSING_QUOTE: "A quotation mark inside a quoted value must be doubled (\"\").",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "Text follows a closing quotation mark; a quotation mark inside a quoted value must be doubled (\"\").",
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "The line has a different number of values than the header.",
};

/**
 * Streams the records of a CSV file (header included) with the line each starts on. Memory stays
 * bounded whatever the file's size: the parser holds one record at a time and reads on only as
 * fast as the caller takes records.
 */
export async function* csvRecords(source: ByteSource, maxBytes: number): AsyncGenerator<CsvRecord> {
  const text = utf8Text(source, maxBytes);
  // Read until the header line is complete, to learn the delimiter before parsing starts.
  let head = "";
  let ended = false;
  while (!head.includes("\n")) {
    const next = await text.next();
    if (next.done) {
      ended = true;
      break;
    }
    head += next.value;
    if (head.length > MAX_HEADER_CHARS && !head.includes("\n")) throw new CsvFileError(1, "The first line is too long to be the header of column names.");
  }
  if (head.trim() === "") throw new CsvFileError(1, "The file is empty: its first line must name the columns.");
  const headerEnd = head.indexOf("\n");
  const delimiter = detectDelimiter(headerEnd < 0 ? head : head.slice(0, headerEnd));

  // The last line of the last record the parser produced (the reader may not have taken it yet).
  let producedEnd = 0;
  const parser = parse({
    delimiter,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
    on_record: (record, context) => {
      producedEnd = context.lines;
      return record;
    },
  });
  const input = Readable.from(
    (async function* () {
      yield head;
      if (!ended) yield* text;
    })(),
    { objectMode: false },
  );
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);

  // info.lines is the line a record ends on; it starts after the previous one and any skipped empty lines.
  let previousEnd = 0;
  let previousEmpty = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
      const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
      previousEnd = info.lines;
      previousEmpty = info.empty_lines;
      yield { line, values: record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      // An unclosed quote is found at the end of the file; the record it opens starts after the last good one.
      const reported = (error as { lines?: unknown }).lines;
      const line = error.code === "CSV_QUOTE_NOT_CLOSED" || typeof reported !== "number" ? producedEnd + 1 : reported;
      throw new CsvFileError(line, PARSE_MESSAGES[error.code] ?? error.message);
    }
    throw error;
  } finally {
    input.destroy();
    parser.destroy();
  }
}

/**
 * Maps the header's names to their positions. Names are compared trimmed and case-insensitively;
 * every expected column must be there, once, and nothing else.
 */
export function headerIndex(values: string[], expected: readonly string[]): { index: Map<string, number> } | { message: string } {
  const names = values.map((v) => v.trim().toLowerCase());
  const unknown = names.filter((n) => !expected.includes(n));
  const missing = expected.filter((c) => !names.includes(c));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  const problems: string[] = [];
  if (unknown.length) problems.push(`unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => `“${n || "(empty)"}”`).join(", ")}`);
  if (missing.length) problems.push(`missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  if (repeated.length) problems.push(`column${repeated.length > 1 ? "s" : ""} ${[...new Set(repeated)].join(", ")} named twice`);
  if (problems.length) return { message: `The header does not match: ${problems.join("; ")}. Expected the columns ${expected.join(";")}.` };
  return { index: new Map(names.map((n, i) => [n, i])) };
}
