import { describe, expect, it } from 'vitest';
import { csvFormat, csvNumber, separatorForLocale } from './csv-format.ts';

describe('CSV format for the reader', () => {
  it('uses semicolons where the decimal mark is a comma', () => {
    expect(separatorForLocale('pl-PL')).toBe('semicolon');
    expect(separatorForLocale('ro-RO')).toBe('semicolon');
    expect(separatorForLocale('de-DE')).toBe('semicolon');
    expect(separatorForLocale('en-US')).toBe('comma');
    expect(separatorForLocale('he-IL')).toBe('comma');
  });

  it('writes decimals with the mark that goes with the separator', () => {
    expect(csvNumber(0.667, csvFormat('semicolon'))).toBe('0,667');
    expect(csvNumber('-1234.56', csvFormat('semicolon'))).toBe('-1234,56');
    expect(csvNumber(0.667, csvFormat('comma'))).toBe('0.667');
    expect(csvNumber(120000, csvFormat('semicolon'))).toBe('120000');
  });
});
