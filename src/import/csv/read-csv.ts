import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '../../errors.ts';
import { CsvTokenizer, CsvTokenizerError } from './csv-tokenizer.ts';
import { decodeText, type ImportEncoding } from './decode-text.ts';
import { isBlankRow, isFooterRow } from './footer.ts';

/** One CSV record with the physical line it starts on (1-based, counting every line break in the file). */
export interface CsvRow {
  line: number;
  cells: string[];
  /** The record as it stands in the (decoded) file, inner line breaks included, its own end of line not: a staged row keeps it for its reject. */
  raw: string;
}

/** What the reader skipped, for the summary. */
export interface CsvSkips {
  blank: number;
  footer: number;
}

/** How to read the file, and its name for errors. */
export interface CsvSource {
  file: string;
  delimiter: string;
  encoding: ImportEncoding;
}

/** One record (with its line breaks) may hold at most this many characters; beyond, the file is refused. */
export const MAX_RECORD_CHARS = 1_000_000;

const LINE_BREAK = /\r\n|\r|\n/g;
const TRAILING_BREAK = /(\r\n|\r|\n)$/;
const LINE_BREAK_CHAR = /[\r\n]/;

/** A CSV syntax error (an unterminated quote, a giant record) as a user error naming the line it starts on. */
function syntaxError(err: CsvError | CsvTokenizerError, file: string, line: number): AppError {
  const reason =
    err.code === 'CSV_QUOTE_NOT_CLOSED'
      ? `a quoted cell opened on line ${line} is never closed (a missing '"')`
      : err.code === 'CSV_MAX_RECORD_SIZE'
        ? `the record starting on line ${line} is longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters`
        : `the CSV cannot be read from line ${line}: ${err.message}`;
  return new AppError('import_rejected', `${file}: ${reason}`, [{ file, line, field: 'csv', reason }]);
}

/** What the tokenizers give: cells, and the record's text without its record delimiter. */
interface RawRecord {
  cells: string[];
  body: string;
}

/** The records of the decoded text with the hand-written tokenizer (single-character delimiters). */
async function* tokenized(text: AsyncIterable<string>, delimiter: string): AsyncGenerator<RawRecord[]> {
  const tokenizer = new CsvTokenizer(delimiter, MAX_RECORD_CHARS);
  for await (const chunk of text) {
    const records = tokenizer.push(chunk);
    if (records.length > 0) yield records;
  }
  const last = tokenizer.end();
  if (last.length > 0) yield last;
}

/** The records of the decoded text with csv-parse, for delimiters of two characters. */
async function* parsed(text: AsyncIterable<string>, delimiter: string): AsyncGenerator<RawRecord[]> {
  const parser = Readable.from(text).pipe(
    parse({
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: MAX_RECORD_CHARS,
      raw: true,
    }),
  );
  for await (const rec of parser as AsyncIterable<{ record: string[]; raw: string }>)
    yield [{ cells: rec.record, body: rec.raw.replace(TRAILING_BREAK, '') }];
}

/**
 * Streams records from a CSV of any size: decoded from `encoding` (invalid bytes are refused, see decodeText),
 * BOM stripped, quoted cells (with embedded line breaks), CRLF or LF, ragged rows allowed (the mapping reports
 * missing cells). Blank rows and report footers are skipped and counted. The first yielded row is the header.
 * Syntax errors become `import_rejected` with the line, never a bare parser error. A single-character delimiter
 * (every mapping we ship) is read by csv-tokenizer.ts, which reads as csv-parse did, several times faster.
 */
export async function* readCsvRows(
  input: Readable,
  source: CsvSource,
  skips: CsvSkips,
): AsyncGenerator<CsvRow> {
  const text = decodeText(input, source.encoding, source.file);
  const batches =
    source.delimiter.length === 1 ? tokenized(text, source.delimiter) : parsed(text, source.delimiter);
  let line = 1;
  let headerSeen = false;
  for (;;) {
    let next: IteratorResult<RawRecord[]>;
    try {
      next = await batches.next();
    } catch (err) {
      if (err instanceof CsvError || err instanceof CsvTokenizerError)
        throw syntaxError(err, source.file, line);
      throw err;
    }
    if (next.done) break;
    for (const rec of next.value) {
      const start = line;
      const body = rec.body;
      line += 1 + (LINE_BREAK_CHAR.test(body) ? (body.match(LINE_BREAK)?.length ?? 0) : 0);
      if (isBlankRow(rec.cells)) {
        skips.blank += 1;
        continue;
      }
      if (headerSeen && isFooterRow(rec.cells)) {
        skips.footer += 1;
        continue;
      }
      headerSeen = true;
      yield { line: start, cells: rec.cells, raw: body };
    }
  }
}
