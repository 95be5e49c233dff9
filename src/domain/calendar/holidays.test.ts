import { describe, expect, it } from 'vitest';
import { isKnownHolidayCalendar, publicHolidays } from './holidays.ts';

describe('publicHolidays', () => {
  it('lists US public holidays for 2026, including the observed Independence Day, without observances', () => {
    const days = publicHolidays('US', null, 2026, 2026).map((h) => h.date);
    expect(days).toContain('2026-11-26'); // Thanksgiving
    expect(days).toContain('2026-07-03'); // 4 July falls on a Saturday, observed Friday
    expect(days).not.toContain('2026-02-14'); // Valentine's Day is an observance
    expect(days).not.toContain('2026-03-31'); // César Chávez Day is California only
  });

  it('adds regional holidays for US/CA', () => {
    expect(publicHolidays('US', 'CA', 2026, 2026).map((h) => h.date)).toContain('2026-03-31');
  });

  it('covers a span of years in date order (Poland: Independence Day 11 November)', () => {
    const pl = publicHolidays('PL', null, 2025, 2026).filter((h) => h.date.endsWith('-11-11'));
    expect(pl.map((h) => h.date)).toEqual(['2025-11-11', '2026-11-11']);
  });
});

describe('isKnownHolidayCalendar', () => {
  it('knows countries and regions date-holidays supports', () => {
    expect(isKnownHolidayCalendar('US', 'CA')).toBe(true);
    expect(isKnownHolidayCalendar('PL', null)).toBe(true);
    expect(isKnownHolidayCalendar('XX', null)).toBe(false);
    expect(isKnownHolidayCalendar('US', 'ZZ')).toBe(false);
  });
});
