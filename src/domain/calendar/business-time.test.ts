import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessDaysInRange,
  businessMinutesBetween,
  isBusinessDay,
  leadSlaDeadline,
  type BusinessCalendar,
} from './business-time.ts';

const utc: BusinessCalendar = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  workStartMinute: 540,
  workEndMinute: 1080,
  holidays: new Set(),
};
const at = (iso: string) => new Date(iso);

describe('businessMinutesBetween', () => {
  it("counts the brief's example: Friday 17:55 -> Monday 09:10 is 15 business minutes", () => {
    expect(businessMinutesBetween(at('2026-11-20T17:55:00Z'), at('2026-11-23T09:10:00Z'), utc)).toBe(15);
  });

  it('skips a holiday in between: Friday 17:55 -> Tuesday 09:10 with Monday off is 15, not 555', () => {
    const withHoliday = { ...utc, holidays: new Set(['2026-11-23']) };
    expect(businessMinutesBetween(at('2026-11-20T17:55:00Z'), at('2026-11-24T09:10:00Z'), withHoliday)).toBe(
      15,
    );
    expect(businessMinutesBetween(at('2026-11-20T17:55:00Z'), at('2026-11-24T09:10:00Z'), utc)).toBe(555);
  });

  it('counts inside one working day, and nothing outside hours or backwards', () => {
    expect(businessMinutesBetween(at('2026-11-23T10:00:00Z'), at('2026-11-23T10:42:30Z'), utc)).toBe(42);
    expect(businessMinutesBetween(at('2026-11-23T18:30:00Z'), at('2026-11-24T08:59:00Z'), utc)).toBe(0);
    expect(businessMinutesBetween(at('2026-11-23T12:00:00Z'), at('2026-11-23T11:00:00Z'), utc)).toBe(0);
  });

  it('follows local hours across the America/New_York spring-forward weekend', () => {
    const ny = { ...utc, timeZone: 'America/New_York' };
    // Fri 2026-03-06 17:00 EST (22:00Z) -> Mon 2026-03-09 10:00 EDT (14:00Z): 60 + 60 minutes.
    expect(businessMinutesBetween(at('2026-03-06T22:00:00Z'), at('2026-03-09T14:00:00Z'), ny)).toBe(120);
    const allDay = { ...ny, workingDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 0, workEndMinute: 1440 };
    // The changeover Sundays last 23 and 25 hours.
    expect(businessMinutesBetween(at('2026-03-08T05:00:00Z'), at('2026-03-09T04:00:00Z'), allDay)).toBe(
      23 * 60,
    );
    expect(businessMinutesBetween(at('2026-11-01T04:00:00Z'), at('2026-11-02T05:00:00Z'), allDay)).toBe(
      25 * 60,
    );
  });

  it('follows local hours across both Europe/Warsaw changes', () => {
    const waw = { ...utc, timeZone: 'Europe/Warsaw' };
    // Fri 2026-03-27 17:30 CET (16:30Z) -> Mon 2026-03-30 09:30 CEST (07:30Z).
    expect(businessMinutesBetween(at('2026-03-27T16:30:00Z'), at('2026-03-30T07:30:00Z'), waw)).toBe(60);
    // Fri 2026-10-23 17:30 CEST (15:30Z) -> Mon 2026-10-26 09:30 CET (08:30Z).
    expect(businessMinutesBetween(at('2026-10-23T15:30:00Z'), at('2026-10-26T08:30:00Z'), waw)).toBe(60);
  });
  it('sums whole years: 2026 has 261 weekdays of 540 minutes, and a New York year is 365 x 24 hours', () => {
    expect(businessMinutesBetween(at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'), utc)).toBe(
      261 * 540,
    );
    const twoOff = { ...utc, holidays: new Set(['2026-07-03', '2026-12-25', '2026-12-26']) }; // 26 Dec is a Saturday
    expect(businessMinutesBetween(at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'), twoOff)).toBe(
      259 * 540,
    );
    const ny = {
      ...utc,
      timeZone: 'America/New_York',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      workStartMinute: 0,
      workEndMinute: 1440,
    };
    // Local midnight to local midnight: the 23- and 25-hour changeover days cancel out.
    expect(businessMinutesBetween(at('2026-01-01T05:00:00Z'), at('2027-01-01T05:00:00Z'), ny)).toBe(
      365 * 1440,
    );
  });
});

describe('addBusinessMinutes', () => {
  it('carries minutes over the weekend and holidays', () => {
    expect(addBusinessMinutes(at('2026-11-20T17:55:00Z'), 15, utc).toISOString()).toBe(
      '2026-11-23T09:10:00.000Z',
    );
    const withHoliday = { ...utc, holidays: new Set(['2026-11-23']) };
    expect(addBusinessMinutes(at('2026-11-20T17:55:00Z'), 15, withHoliday).toISOString()).toBe(
      '2026-11-24T09:10:00.000Z',
    );
  });

  it('starts counting at the next opening for an after-hours start; 0 minutes gives that opening', () => {
    expect(addBusinessMinutes(at('2026-11-21T12:00:00Z'), 0, utc).toISOString()).toBe(
      '2026-11-23T09:00:00.000Z',
    );
    expect(addBusinessMinutes(at('2026-11-23T11:00:00Z'), 0, utc).toISOString()).toBe(
      '2026-11-23T11:00:00.000Z',
    );
    expect(addBusinessMinutes(at('2026-11-23T06:00:00Z'), 90, utc).toISOString()).toBe(
      '2026-11-23T10:30:00.000Z',
    );
  });

  it('is the inverse of businessMinutesBetween in a DST week (New York)', () => {
    const ny = { ...utc, timeZone: 'America/New_York' };
    const from = at('2026-03-06T21:00:00Z'); // Fri 16:00 EST
    const to = addBusinessMinutes(from, 600, ny); // 120 on Friday, 480 on Monday -> Mon 17:00 EDT
    expect(to.toISOString()).toBe('2026-03-09T21:00:00.000Z');
    expect(businessMinutesBetween(from, to, ny)).toBe(600);
  });

  it('refuses a calendar with no working time', () => {
    expect(() => addBusinessMinutes(at('2026-11-23T10:00:00Z'), 5, { ...utc, workingDays: [] })).toThrow(
      /no working time/,
    );
  });
});

describe('business days', () => {
  it('isBusinessDay excludes weekends and holidays', () => {
    const cal = { ...utc, holidays: new Set(['2026-11-26']) };
    expect(isBusinessDay('2026-11-25', cal)).toBe(true);
    expect(isBusinessDay('2026-11-26', cal)).toBe(false);
    expect(isBusinessDay('2026-11-28', cal)).toBe(false);
  });

  it('November 2026 has 21 weekdays, 20 with Thanksgiving off', () => {
    expect(businessDaysInRange('2026-11-01', '2026-12-01', utc)).toBe(21);
    expect(
      businessDaysInRange('2026-11-01', '2026-12-01', { ...utc, holidays: new Set(['2026-11-26']) }),
    ).toBe(20);
  });
});

describe('leadSlaDeadline (60 minutes, 09:00-18:00)', () => {
  it('is 60 business minutes after a lead arriving mid-morning, with or without the same-day rule', () => {
    expect(leadSlaDeadline(at('2026-11-23T10:00:00Z'), utc, 60, true).toISOString()).toBe(
      '2026-11-23T11:00:00.000Z',
    );
    expect(leadSlaDeadline(at('2026-11-23T10:00:00Z'), utc, 60, false).toISOString()).toBe(
      '2026-11-23T11:00:00.000Z',
    );
  });

  it('a lead at 17:30 Wednesday is due at 18:00 the same day with the rule, Thursday 09:30 without', () => {
    expect(leadSlaDeadline(at('2026-11-25T17:30:00Z'), utc, 60, true).toISOString()).toBe(
      '2026-11-25T18:00:00.000Z',
    );
    expect(leadSlaDeadline(at('2026-11-25T17:30:00Z'), utc, 60, false).toISOString()).toBe(
      '2026-11-26T09:30:00.000Z',
    );
    // Friday 17:30 without the rule rolls over the weekend: 30 minutes Friday, 30 minutes Monday.
    expect(leadSlaDeadline(at('2026-11-20T17:30:00Z'), utc, 60, false).toISOString()).toBe(
      '2026-11-23T09:30:00.000Z',
    );
    expect(leadSlaDeadline(at('2026-11-20T17:30:00Z'), utc, 60, true).toISOString()).toBe(
      '2026-11-20T18:00:00.000Z',
    );
    // Exactly 60 minutes before close: the cap and the SLA coincide.
    expect(leadSlaDeadline(at('2026-11-25T17:00:00Z'), utc, 60, true).toISOString()).toBe(
      '2026-11-25T18:00:00.000Z',
    );
  });

  it('a lead arriving outside hours gets 60 minutes from the next opening either way', () => {
    // Friday 20:00 -> Monday 09:00 + 60.
    for (const sameDay of [true, false]) {
      expect(leadSlaDeadline(at('2026-11-20T20:00:00Z'), utc, 60, sameDay).toISOString()).toBe(
        '2026-11-23T10:00:00.000Z',
      );
    }
    expect(leadSlaDeadline(at('2026-11-23T20:00:00Z'), utc, 60, true).toISOString()).toBe(
      '2026-11-24T10:00:00.000Z',
    );
    expect(leadSlaDeadline(at('2026-11-21T12:00:00Z'), utc, 60, true).toISOString()).toBe(
      '2026-11-23T10:00:00.000Z',
    );
  });

  it('a lead arriving before opening is capped at the close of that day', () => {
    // 07:00 with a 600-minute SLA: 09:00 + 540 fills the day, so the rule caps at 18:00; without it 10:00 next day.
    expect(leadSlaDeadline(at('2026-11-25T07:00:00Z'), utc, 600, true).toISOString()).toBe(
      '2026-11-25T18:00:00.000Z',
    );
    expect(leadSlaDeadline(at('2026-11-25T07:00:00Z'), utc, 600, false).toISOString()).toBe(
      '2026-11-26T10:00:00.000Z',
    );
  });
});
