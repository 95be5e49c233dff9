import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, fromDayNumber, isLocalDate, isoWeekday } from './local-date.ts';

describe('local dates', () => {
  it('numbers days from 1970-01-01 and back, across leap days and centuries', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    // 56 years of 365 days plus 14 leap days to 2026-01-01, then 326 more days.
    expect(dayNumber('2026-11-23')).toBe(56 * 365 + 14 + 326);
    expect(fromDayNumber(20780)).toBe('2026-11-23');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
  });

  it('agrees with Date for every day of 1999-2041', () => {
    const bad: string[] = [];
    for (let n = dayNumber('1999-01-01'); n < dayNumber('2042-01-01'); n += 1) {
      const viaDate = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(n) !== viaDate || dayNumber(viaDate) !== n) bad.push(viaDate);
    }
    expect(bad).toEqual([]);
  });

  it('gives ISO weekdays and rejects impossible dates', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(() => dayNumber('2026-1-1')).toThrow();
  });
});
