import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '../../errors.ts';
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

/** A CSV syntax error (an unterminated quote, a giant record) as a user error naming the line it starts on. */
function syntaxError(err: CsvError, file: string, line: number): AppError {
  const reason =
    err.code === 'CSV_QUOTE_NOT_CLOSED'
      ? `a quoted cell opened on line ${line} is never closed (a missing '"')`
      : err.code === 'CSV_MAX_RECORD_SIZE'
        ? `the record starting on line ${line} is longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters`
        : `the CSV cannot be read from line ${line}: ${err.message}`;
  return new AppError('import_rejected', `${file}: ${reason}`, [{ file, line, field: 'csv', reason }]);
}

/**
 * Streams records from a CSV of any size: decoded from `encoding` (invalid bytes are refused, see decodeText),
 * BOM stripped, quoted cells (with embedded line breaks), CRLF or LF, ragged rows allowed (the mapping reports
 * missing cells). Blank rows and report footers are skipped and counted. The first yielded row is the header.
 * Syntax errors become `import_rejected` with the line, never a bare parser error.
 */
export async function* readCsvRows(
  input: Readable,
  source: CsvSource,
  skips: CsvSkips,
): AsyncGenerator<CsvRow> {
  const text = Readable.from(decodeText(input, source.encoding, source.file));
  const parser = text.pipe(
    parse({
      bom: true,
      delimiter: source.delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: MAX_RECORD_CHARS,
      raw: true,
    }),
  );
  input.on('error', (err) => text.destroy(err));
  text.on('error', (err) => parser.destroy(err));
  let line = 1;
  let headerSeen = false;
  const records = (parser as AsyncIterable<{ record: string[]; raw: string }>)[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<{ record: string[]; raw: string }>;
    try {
      next = await records.next();
    } catch (err) {
      if (err instanceof CsvError) throw syntaxError(err, source.file, line);
      throw err;
    }
    if (next.done) break;
    const rec = next.value;
    const start = line;
    const body = rec.raw.replace(TRAILING_BREAK, '');
    line += 1 + (body.match(LINE_BREAK)?.length ?? 0);
    if (isBlankRow(rec.record)) {
      skips.blank += 1;
      continue;
    }
    if (headerSeen && isFooterRow(rec.record)) {
      skips.footer += 1;
      continue;
    }
    headerSeen = true;
    yield { line: start, cells: rec.record, raw: body };
  }
}
