import { describe, expect, it } from 'vitest';
import { csvCell } from './csv-cell.ts';

describe('csvCell', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(csvCell('+1 555')).toBe(`'+1 555`);
    expect(csvCell('-2')).toBe(`'-2`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvCell('\tcmd')).toBe(`'\tcmd`);
  });

  it('keeps ordinary values, numbers (even negative), dates and nulls readable', () => {
    expect(csvCell('Acme = good')).toBe('Acme = good');
    expect(csvCell(-1500)).toBe(-1500);
    expect(csvCell(new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-23T10:00:00.000Z');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});
