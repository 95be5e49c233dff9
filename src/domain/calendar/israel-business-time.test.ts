import { describe, expect, it } from 'vitest';
import {
  businessDaysInRange,
  businessMinutesBetween,
  isBusinessDay,
  leadSlaDeadline,
  type BusinessCalendar,
} from './business-time.ts';
import { publicHolidays } from './holidays.ts';

/*
 * Issue 19: an Israeli team works Sunday to Thursday, 09:00-18:00 in Asia/Jerusalem (UTC+3 in September 2026),
 * and takes the public holidays date-holidays lists for IL. September 2026: Rosh Hashanah Saturday 12 and Sunday
 * 13, Yom Kippur Monday 21.
 */
const israel: BusinessCalendar = {
  timeZone: 'Asia/Jerusalem',
  workingDays: [7, 1, 2, 3, 4],
  workStartMinute: 9 * 60,
  workEndMinute: 18 * 60,
  holidays: new Set(publicHolidays('IL', null, 2026, 2026).map((h) => h.date)),
};
const mondayToFriday: BusinessCalendar = { ...israel, workingDays: [1, 2, 3, 4, 5], holidays: new Set() };
const at = (iso: string) => new Date(iso);

describe('business time with a Sunday-Thursday week and Israeli holidays', () => {
  it('knows the holidays and the weekend', () => {
    expect(israel.holidays.has('2026-09-13')).toBe(true);
    expect(israel.holidays.has('2026-09-21')).toBe(true);
    expect(isBusinessDay('2026-09-18', israel)).toBe(false); // Friday
    expect(isBusinessDay('2026-09-19', israel)).toBe(false); // Saturday
    expect(isBusinessDay('2026-09-20', israel)).toBe(true); // Sunday
    expect(isBusinessDay('2026-09-21', israel)).toBe(false); // Yom Kippur
  });

  it('Thursday 17:55 -> Sunday 09:10 is 15 business minutes (a Monday-Friday week would count Friday: 555)', () => {
    const from = at('2026-09-17T14:55:00Z'); // 17:55 local
    const to = at('2026-09-20T06:10:00Z'); // Sunday 09:10 local
    expect(businessMinutesBetween(from, to, israel)).toBe(15);
    expect(businessMinutesBetween(from, to, mondayToFriday)).toBe(5 + 540);
  });

  it('a lead at 17:30 on Thursday with a 60-minute SLA is due Sunday 09:30', () => {
    const deadline = leadSlaDeadline(at('2026-09-17T14:30:00Z'), israel, 60, false);
    expect(deadline.toISOString()).toBe('2026-09-20T06:30:00.000Z');
  });

  it('a lead at 17:30 on the Sunday before Yom Kippur is due Tuesday 09:30, or 18:00 that Sunday with the same-day rule', () => {
    expect(leadSlaDeadline(at('2026-09-20T14:30:00Z'), israel, 60, false).toISOString()).toBe(
      '2026-09-22T06:30:00.000Z',
    );
    expect(leadSlaDeadline(at('2026-09-20T14:30:00Z'), israel, 60, true).toISOString()).toBe(
      '2026-09-20T15:00:00.000Z',
    );
  });

  it('a lead on Friday starts its clock at Sunday 09:00', () => {
    expect(leadSlaDeadline(at('2026-09-18T08:00:00Z'), israel, 15, false).toISOString()).toBe(
      '2026-09-20T06:15:00.000Z',
    );
  });

  it('counts the business days of the Rosh Hashanah week: Sunday 13 is a holiday, so 4', () => {
    expect(businessDaysInRange('2026-09-13', '2026-09-20', israel)).toBe(4);
    expect(businessDaysInRange('2026-09-20', '2026-09-27', israel)).toBe(4); // Yom Kippur Monday
    expect(businessDaysInRange('2026-09-06', '2026-09-13', israel)).toBe(5);
  });
});
