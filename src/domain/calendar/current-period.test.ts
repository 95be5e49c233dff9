import { describe, expect, it } from 'vitest';
import { currentPeriod } from './current-period.ts';

describe('currentPeriod', () => {
  const newYorkFebruaryFy = { timeZone: 'America/New_York', fiscalYearStartMonth: 2, weekStartDay: 1 };

  it('uses the local date, not the UTC one, at a fiscal-year boundary', () => {
    // 04:30 UTC on 1 February is still 23:30 on 31 January in New York (EST, UTC-5): last fiscal quarter of FY2026.
    expect(currentPeriod(new Date('2026-02-01T04:30:00Z'), 'quarter', newYorkFebruaryFy)).toMatchObject({
      key: 'FY2026-Q4',
      start: '2025-11-01',
      end: '2026-02-01',
    });
    // 06:00 UTC is 01:00 on 1 February local: the first quarter of FY2027 (fiscal years are named for the year they end in).
    expect(currentPeriod(new Date('2026-02-01T06:00:00Z'), 'quarter', newYorkFebruaryFy)).toMatchObject({
      key: 'FY2027-Q1',
      start: '2026-02-01',
      end: '2026-05-01',
    });
  });

  it('gives calendar months and ISO weeks in the workspace zone', () => {
    const utc = { timeZone: 'UTC', fiscalYearStartMonth: 1, weekStartDay: 1 };
    expect(currentPeriod(new Date('2026-11-23T12:00:00Z'), 'month', utc).key).toBe('2026-11');
    expect(currentPeriod(new Date('2026-11-23T12:00:00Z'), 'week', utc).key).toBe('2026-W48');
  });

  it("gives the workspace's week: Sunday 2026-11-22 starts 2026-W48 in Jerusalem, and is the end of W47 on Monday weeks", () => {
    // 22:30 UTC on Saturday 21 November is 00:30 on Sunday 22 November in Jerusalem (IST, UTC+2).
    const now = new Date('2026-11-21T22:30:00Z');
    const jerusalem = { timeZone: 'Asia/Jerusalem', fiscalYearStartMonth: 1 };
    expect(currentPeriod(now, 'week', { ...jerusalem, weekStartDay: 7 })).toMatchObject({
      key: '2026-W48',
      start: '2026-11-22',
      end: '2026-11-29',
    });
    expect(currentPeriod(now, 'week', { ...jerusalem, weekStartDay: 1 })).toMatchObject({
      key: '2026-W47',
      start: '2026-11-16',
      end: '2026-11-23',
    });
  });
});
