import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { rejectsCsv, toStoredReject } from './rejects-csv.ts';

describe('rejectsCsv', () => {
  it('neutralises every cell a spreadsheet would run as a formula, header included, as the exporter does', () => {
    const header = ['Name', '=HEADER()', 'Amount'];
    const cells = [`=cmd|' /C calc'!A0`, '+1 555', '-2', '@SUM(A1)', '\tcmd', '\rcmd', 'Acme = good'];
    const rejects = cells.map((c, i) =>
      toStoredReject(header, {
        line: i + 2,
        cells: [c, 'x', '1'],
        errors: [{ field: 'name', reason: 'bad' }],
      }),
    );
    const rows = parse(rejectsCsv(header, rejects)) as string[][];
    expect(rows[0]).toEqual(['Name', `'=HEADER()`, 'Amount', 'line', 'field', 'reason']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      `'=cmd|' /C calc'!A0`,
      `'+1 555`,
      `'-2`,
      `'@SUM(A1)`,
      `'\tcmd`,
      `'\rcmd`,
      'Acme = good',
    ]);
  });
});
