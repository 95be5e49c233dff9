import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';

describe('CSV export', () => {
  it('quotes fields holding commas, quotes or line breaks and leaves others bare', () => {
    expect(csvField('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(null)).toBe('');
  });
  it('joins rows with CRLF and ends with one', () => {
    expect(
      toCsv([
        ['rep', 'calls'],
        ['Ann', 3],
      ]),
    ).toBe('rep,calls\r\nAnn,3\r\n');
  });
  it('writes semicolons and decimal commas for decimal-comma locales, quoting fields that hold a semicolon', () => {
    expect(
      toCsv(
        [
          ['rep', 'win_rate', 'note'],
          ['Kowalski; Jan', 0.667, 'a,b'],
        ],
        'semicolon',
      ),
    ).toBe('rep;win_rate;note\r\n"Kowalski; Jan";0,667;a,b\r\n');
    expect(toCsv([['x', 0.5]])).toBe('x,0.5\r\n');
  });
});
