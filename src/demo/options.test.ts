import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { sameDayMonthsLater } from './dates.ts';
import { demoStartDate, validateDemoOptions } from './options.ts';

describe('demo options', () => {
  it('starts the window the day after the same date `months` earlier', () => {
    expect(demoStartDate({ seed: 1, until: '2026-11-23', reps: 4, months: 12 })).toBe('2025-11-24');
    expect(demoStartDate({ seed: 1, until: '2026-05-31', reps: 4, months: 3 })).toBe('2026-03-01');
    // Feb 2024 has no 31st: the clamp lands on the 29th, so the window starts on March 1st.
    expect(demoStartDate({ seed: 1, until: '2024-05-31', reps: 4, months: 3 })).toBe('2024-03-01');
  });

  it('clamps month arithmetic to the last day of the target month', () => {
    expect(sameDayMonthsLater('2026-01-31', 1)).toBe('2026-02-28');
    expect(sameDayMonthsLater('2024-02-29', 12)).toBe('2025-02-28');
    expect(sameDayMonthsLater('2026-11-23', -12)).toBe('2025-11-23');
  });

  it('parses CLI strings into numbers', () => {
    expect(validateDemoOptions({ seed: '42', until: '2026-11-23', reps: '12', months: '12' })).toEqual({
      seed: 42,
      until: '2026-11-23',
      reps: 12,
      months: 12,
    });
  });

  it('reports every bad option at once, naming the field', () => {
    let caught: unknown;
    try {
      validateDemoOptions({ seed: '-1', until: '2026-02-30', reps: '1', months: 'twelve' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    const e = caught as AppError;
    expect(e.code).toBe('validation');
    expect(e.details.map((d) => d.field)).toEqual(['seed', 'reps', 'months', 'until']);
  });
});
