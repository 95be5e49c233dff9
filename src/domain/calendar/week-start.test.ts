import { describe, expect, it } from 'vitest';
import { effectiveWeekStart, localeWeekStart } from './week-start.ts';

describe('localeWeekStart', () => {
  it('gives the CLDR first day: Sunday for he-IL and en-US, Monday for pl, ro and en-GB, Saturday for ar-EG', () => {
    expect(localeWeekStart('he-IL')).toBe(7);
    expect(localeWeekStart('he')).toBe(7);
    expect(localeWeekStart('en-US')).toBe(7);
    expect(localeWeekStart('pl-PL')).toBe(1);
    expect(localeWeekStart('ro')).toBe(1);
    expect(localeWeekStart('en-GB')).toBe(1);
    expect(localeWeekStart('ar-EG')).toBe(6);
  });

  it('honours a -u-fw- extension and falls back to Monday for a locale that does not parse', () => {
    expect(localeWeekStart('en-US-u-fw-mon')).toBe(1);
    expect(localeWeekStart('not a locale!')).toBe(1);
  });
});

describe('effectiveWeekStart', () => {
  it('prefers the stored choice and asks the locale only when there is none', () => {
    expect(effectiveWeekStart(6, 'he-IL')).toBe(6);
    expect(effectiveWeekStart(null, 'he-IL')).toBe(7);
    expect(effectiveWeekStart(null, 'pl-PL')).toBe(1);
  });
});
