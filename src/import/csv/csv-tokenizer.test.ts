import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, CsvTokenizerError, type CsvRecord } from './csv-tokenizer.ts';

const TRAILING_BREAK = /(\r\n|\r|\n)$/;

/** What read-csv got from csv-parse before the tokenizer: cells, and the raw text less one trailing line break. */
function csvParse(text: string, delimiter = ','): CsvRecord[] | string {
  try {
    const records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: 1_000_000,
      raw: true,
    }) as unknown as { record: string[]; raw: string }[];
    return records.map((r) => ({ cells: r.record, body: r.raw.replace(TRAILING_BREAK, '') }));
  } catch (err) {
    return (err as { code: string }).code;
  }
}

/** The tokenizer fed `text` in chunks of `size` characters. */
function tokenize(text: string, size: number, delimiter = ',', max = 1_000_000): CsvRecord[] | string {
  try {
    const t = new CsvTokenizer(delimiter, max);
    const out: CsvRecord[] = [];
    for (let i = 0; i < text.length; i += size) out.push(...t.push(text.slice(i, i + size)));
    out.push(...t.end());
    return out;
  } catch (err) {
    if (err instanceof CsvTokenizerError) return err.code;
    throw err;
  }
}

describe('CsvTokenizer', () => {
  it('reads every file into the same cells and record text as csv-parse did, however the text is chunked', () => {
    // Files made of the characters that matter: delimiters, quotes, every kind of line break, spaces, NUL, BOM.
    const piece = fc.constantFrom(
      'a',
      'b',
      ',',
      ';',
      '"',
      '"',
      '""',
      '\n',
      '\r',
      '\r\n',
      ' ',
      '\0',
      'é',
      '\ufeff',
    );
    fc.assert(
      fc.property(
        // A NUL right after a closing quote is the one place they differ (csv-parse drops the quotes then); the
        // importer refuses every row holding a NUL anyway (nulErrors), naming the same columns.
        fc
          .array(piece, { maxLength: 40 })
          .map((p) => p.join(''))
          .filter((text) => !text.includes('"\0')),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom(',', ';'),
        (text, size, delimiter) => {
          expect(tokenize(text, size, delimiter)).toEqual(csvParse(text, delimiter));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('reads quoted cells with delimiters, escaped quotes and line breaks, CRLF records and a BOM', () => {
    const text = '\ufeffid,note\r\n1,"a, ""b""\r\nc"\r\n2,plain "quote"\r\n3,"x"y,z\r\n';
    expect(tokenize(text, 7)).toEqual([
      { cells: ['id', 'note'], body: 'id,note' },
      { cells: ['1', 'a, "b"\r\nc'], body: '1,"a, ""b""\r\nc"' },
      { cells: ['2', 'plain "quote"'], body: '2,plain "quote"' },
      // relax_quotes: text after a closing quote makes the cell literal text.
      { cells: ['3', '"x"y', 'z'], body: '3,"x"y,z' },
    ]);
  });

  it('keeps empty lines as empty records, ragged rows, a last record without a line break, and NUL characters', () => {
    expect(tokenize('a,b\n\n1\n2,3,\0\n4', 3)).toEqual([
      { cells: ['a', 'b'], body: 'a,b' },
      { cells: [''], body: '' },
      { cells: ['1'], body: '1' },
      { cells: ['2', '3', '\0'], body: '2,3,\0' },
      { cells: ['4'], body: '4' },
    ]);
  });

  it('takes the first line break as the record delimiter: CR alone, and a CRLF split across chunks', () => {
    expect(tokenize('a\rb\r', 1)).toEqual([
      { cells: ['a'], body: 'a' },
      { cells: ['b'], body: 'b' },
    ]);
    expect(tokenize('a\r\nb\r\n', 2)).toEqual([
      { cells: ['a'], body: 'a' },
      { cells: ['b'], body: 'b' },
    ]);
  });

  it('refuses a quote left open at the end of the file and a record over the size limit', () => {
    expect(tokenize('a\n"open\nstill open', 4)).toBe('CSV_QUOTE_NOT_CLOSED');
    expect(tokenize(`a\n${'x'.repeat(50)}\n`, 8, ',', 20)).toBe('CSV_MAX_RECORD_SIZE');
    // An unterminated quote is refused at the limit, not after reading the whole rest of the file.
    const t = new CsvTokenizer(',', 20);
    expect(() => t.push(`"${'x'.repeat(30)}`)).toThrow(CsvTokenizerError);
  });
});
