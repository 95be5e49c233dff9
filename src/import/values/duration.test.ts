import { describe, expect, it } from 'vitest';
import { parseDurationSeconds } from './duration.ts';

describe('parseDurationSeconds', () => {
  it('reads clock spans and plain numbers in the given unit', () => {
    expect(parseDurationSeconds('00:15', 'seconds')).toBe(900);
    expect(parseDurationSeconds('1:02:03', 'seconds')).toBe(3723);
    expect(parseDurationSeconds('30', 'minutes')).toBe(1800);
    expect(parseDurationSeconds('90500', 'milliseconds')).toBe(91);
    expect(parseDurationSeconds('45', 'seconds')).toBe(45);
  });

  it('rejects what is not a duration', () => {
    expect(parseDurationSeconds('00:75', 'seconds')).toMatch(/not a valid time span/);
    expect(parseDurationSeconds('half an hour', 'minutes')).toMatch(/not a number or HH:MM/);
  });
});
