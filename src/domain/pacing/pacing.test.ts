import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../calendar/business-time.ts';
import { parsePeriod } from '../calendar/period.ts';
import { businessDayProgress } from './elapsed.ts';
import { computePacing } from './pacing.ts';

// November 2026 in UTC, Monday-Friday 09:00-18:00, Thanksgiving Thursday and Friday (26th, 27th) off.
const thanksgiving: BusinessCalendar = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  workStartMinute: 540,
  workEndMinute: 1080,
  holidays: new Set(['2026-11-26', '2026-11-27']),
};
const noHolidays: BusinessCalendar = { ...thanksgiving, holidays: new Set() };

describe('business-day progress', () => {
  it('counts November 2026 as 21 weekdays minus 2 holidays = 19, 18 elapsed after Wednesday 25th closes', () => {
    const p = businessDayProgress(
      parsePeriod('2026-11', { fiscalYearStartMonth: 1, weekStartDay: 1 }),
      new Date('2026-11-25T18:30:00Z'),
      thanksgiving,
    );
    expect(p).toEqual({ total: 19, elapsed: 18 });
  });

  it('counts the current day by working hours passed: Tuesday 13:30 of the holiday week is 1.5 of 3', () => {
    const p = businessDayProgress(
      parsePeriod('2026-W48', { fiscalYearStartMonth: 1, weekStartDay: 1 }),
      new Date('2026-11-24T13:30:00Z'),
      thanksgiving,
    );
    expect(p).toEqual({ total: 3, elapsed: 1.5 });
    const before = businessDayProgress(
      parsePeriod('2026-W48', { fiscalYearStartMonth: 1, weekStartDay: 1 }),
      new Date('2026-11-24T08:00:00Z'),
      thanksgiving,
    );
    expect(before.elapsed).toBe(1);
  });

  it('a holiday adds no elapsed time and periods outside now are all or nothing', () => {
    const w = parsePeriod('2026-W48', { fiscalYearStartMonth: 1, weekStartDay: 1 });
    expect(businessDayProgress(w, new Date('2026-11-26T12:00:00Z'), thanksgiving)).toEqual({
      total: 3,
      elapsed: 3,
    });
    expect(businessDayProgress(w, new Date('2026-11-20T12:00:00Z'), thanksgiving)).toEqual({
      total: 3,
      elapsed: 0,
    });
    expect(businessDayProgress(w, new Date('2026-12-01T12:00:00Z'), thanksgiving)).toEqual({
      total: 3,
      elapsed: 3,
    });
  });
});

describe('computePacing', () => {
  it('pro-rates a monthly call goal by business days across the Thanksgiving week', () => {
    // 190 calls in 19 business days; 18 elapsed: expected 180; 171 done is 95% of that (at risk);
    // projection 171 / (18/19) = 180.5; 19 calls needed on the one remaining day (Monday 30th).
    const r = computePacing({
      target: 190,
      direction: 'at_least',
      additive: true,
      actual: 171,
      totalBusinessDays: 19,
      elapsedBusinessDays: 18,
    });
    expect(r.expectedToDate).toBe(180);
    expect(r.projected).toBeCloseTo(180.5, 10);
    expect(r.remainingBusinessDays).toBe(1);
    expect(r.requiredPerBusinessDay).toBe(19);
    expect(r.status).toBe('at_risk');
  });

  it('the same actual is on track in a normal week and at risk in the 3-day holiday week', () => {
    const now = new Date('2026-11-24T13:30:00Z');
    const week = parsePeriod('2026-W48', { fiscalYearStartMonth: 1, weekStartDay: 1 });
    const run = (cal: BusinessCalendar) => {
      const p = businessDayProgress(week, now, cal);
      return computePacing({
        target: 60,
        direction: 'at_least',
        additive: true,
        actual: 28,
        totalBusinessDays: p.total,
        elapsedBusinessDays: p.elapsed,
      });
    };
    // Holiday week: 1.5 of 3 days, expected 30, 28 >= 27 (90%) is at risk; 32 left over today and tomorrow = 16/day.
    const holiday = run(thanksgiving);
    expect(holiday.expectedToDate).toBe(30);
    expect(holiday.projected).toBe(56);
    expect(holiday.requiredPerBusinessDay).toBe(16);
    expect(holiday.status).toBe('at_risk');
    // Normal week: 1.5 of 5 days, expected 18, 28 is on track; 32 left over 3.5 days (today + 3) = 8/day.
    const normal = run(noHolidays);
    expect(normal.expectedToDate).toBe(18);
    expect(normal.requiredPerBusinessDay).toBe(8);
    expect(normal.status).toBe('on_track');
  });

  it('is behind below 90% of expected, and needs nothing more once the target is reached', () => {
    const behind = computePacing({
      target: 60,
      direction: 'at_least',
      additive: true,
      actual: 45,
      totalBusinessDays: 3,
      elapsedBusinessDays: 3,
    });
    expect(behind.status).toBe('behind');
    expect(behind.requiredPerBusinessDay).toBeNull();
    const done = computePacing({
      target: 60,
      direction: 'at_least',
      additive: true,
      actual: 61,
      totalBusinessDays: 5,
      elapsedBusinessDays: 2,
    });
    expect(done.requiredPerBusinessDay).toBe(0);
    expect(done.status).toBe('on_track');
  });

  it('does not pro-rate ratios and inverts at_most: p90 response time 60 minutes', () => {
    const base = {
      target: 60,
      direction: 'at_most' as const,
      additive: false,
      totalBusinessDays: 19,
      elapsedBusinessDays: 5,
    };
    expect(computePacing({ ...base, actual: 55 })).toMatchObject({
      status: 'on_track',
      expectedToDate: 60,
      projected: 55,
      requiredPerBusinessDay: null,
    });
    expect(computePacing({ ...base, actual: 66 }).status).toBe('at_risk');
    expect(computePacing({ ...base, actual: 66.5 }).status).toBe('behind');
    expect(computePacing({ ...base, actual: null }).status).toBe('no_data');
    // A win rate goal of 30%: 28% is at risk, 26% behind, regardless of days elapsed.
    const win = {
      target: 0.3,
      direction: 'at_least' as const,
      additive: false,
      totalBusinessDays: 19,
      elapsedBusinessDays: 1,
    };
    expect(computePacing({ ...win, actual: 0.28 }).status).toBe('at_risk');
    expect(computePacing({ ...win, actual: 0.26 }).status).toBe('behind');
  });

  it('at_most additive goals allow the remaining budget per day', () => {
    // At most 100 discount approvals in 10 days; 5 days in: 50 allowed so far, 52 used is within 10% (at risk),
    // 48 remain for 5 days = 9.6 a day.
    const r = computePacing({
      target: 100,
      direction: 'at_most',
      additive: true,
      actual: 52,
      totalBusinessDays: 10,
      elapsedBusinessDays: 5,
    });
    expect(r.status).toBe('at_risk');
    expect(r.requiredPerBusinessDay).toBe(9.6);
    expect(
      computePacing({
        ...r,
        additive: true,
        direction: 'at_most',
        totalBusinessDays: 10,
        elapsedBusinessDays: 5,
        actual: 56,
      }).status,
    ).toBe('behind');
  });

  it('expects nothing of an additive goal in a period without business days (a daily goal on Saturday)', () => {
    const r = computePacing({
      target: 40,
      direction: 'at_least',
      additive: true,
      actual: 0,
      totalBusinessDays: 0,
      elapsedBusinessDays: 0,
    });
    expect(r).toMatchObject({ expectedToDate: 0, requiredPerBusinessDay: null, status: 'on_track' });
  });
});
