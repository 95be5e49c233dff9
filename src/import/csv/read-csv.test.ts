import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsvRows, type CsvRow } from './read-csv.ts';

async function rows(text: string, delimiter = ',') {
  const skips = { blank: 0, footer: 0 };
  const out: CsvRow[] = [];
  for await (const r of readCsvRows(
    Readable.from([text]),
    { file: 'test.csv', delimiter, encoding: 'utf-8' },
    skips,
  ))
    out.push(r);
  return { out, skips };
}

describe('readCsvRows', () => {
  it('strips the BOM, keeps physical line numbers across quoted line breaks and CRLF, and skips report footers', async () => {
    const text =
      '\ufeff"Name","Note"\r\n"A","two\r\nlines"\r\n"B","x"\r\n\r\n\r\n"Confidential Information - Do Not Distribute"\r\n' +
      '"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."\r\n"Grand Totals (2 records)"\r\n';
    const { out, skips } = await rows(text);
    expect(out).toEqual([
      { line: 1, cells: ['Name', 'Note'], raw: '"Name","Note"' },
      { line: 2, cells: ['A', 'two\r\nlines'], raw: '"A","two\r\nlines"' },
      { line: 4, cells: ['B', 'x'], raw: '"B","x"' },
    ]);
    expect(skips).toEqual({ blank: 2, footer: 3 });
  });

  it('reads other delimiters, LF files and ragged rows', async () => {
    const { out } = await rows('a;b\n1;2;3\n4\n', ';');
    expect(out).toEqual([
      { line: 1, cells: ['a', 'b'], raw: 'a;b' },
      { line: 2, cells: ['1', '2', '3'], raw: '1;2;3' },
      { line: 3, cells: ['4'], raw: '4' },
    ]);
  });
});

describe('readCsvRows errors', () => {
  async function error(text: string, delimiter = ',') {
    try {
      await rows(text, delimiter);
    } catch (err) {
      return err as { message: string; details?: unknown };
    }
    throw new Error('no error');
  }

  it('names the line an unclosed quote opens on, with both readers', async () => {
    for (const delimiter of [',', '||']) {
      const err = await error(`a${delimiter}b\n1${delimiter}2\n3${delimiter}"open\n\nmore\n`, delimiter);
      expect(err.message).toBe(`test.csv: a quoted cell opened on line 3 is never closed (a missing '"')`);
    }
  });

  it('reads a two-character delimiter with csv-parse', async () => {
    const { out } = await rows('a||b\r\n"1||x"||2\r\n', '||');
    expect(out.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['1||x', '2']],
    ]);
  });
});
