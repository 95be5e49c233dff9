import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { isBlankRow, isFooterRow } from './footer.ts';

/** One CSV record with the physical line it starts on (1-based, counting every line break in the file). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** What the reader skipped, for the summary. */
export interface CsvSkips {
  blank: number;
  footer: number;
}

const LINE_BREAK = /\r\n|\r|\n/g;
const TRAILING_BREAK = /(\r\n|\r|\n)$/;

/**
 * Streams records from a CSV of any size: BOM stripped, quoted cells (with embedded line breaks), CRLF or LF,
 * ragged rows allowed (the mapping reports missing cells). Blank rows and report footers are skipped and counted.
 * The first yielded row is the header.
 */
export async function* readCsvRows(
  input: Readable,
  delimiter: string,
  skips: CsvSkips,
): AsyncGenerator<CsvRow> {
  const parser = input.pipe(
    parse({
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      raw: true,
    }),
  );
  input.on('error', (err) => parser.destroy(err));
  let line = 1;
  let headerSeen = false;
  for await (const rec of parser as AsyncIterable<{ record: string[]; raw: string }>) {
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
    yield { line: start, cells: rec.record };
  }
}
