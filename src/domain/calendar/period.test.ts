import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import {
  customPeriod,
  isoWeeksInYear,
  parsePeriod,
  periodContaining,
  periodsBetween,
  nextPeriod,
  previousPeriod,
  weekStart,
} from './period.ts';

/** A calendar year with ISO (Monday) weeks, and a fiscal year starting in February with the same weeks. */
const MONDAY = { fiscalYearStartMonth: 1, weekStartDay: 1 };
const FEB_MONDAY = { fiscalYearStartMonth: 2, weekStartDay: 1 };
const SUNDAY = { fiscalYearStartMonth: 1, weekStartDay: 7 };
const SATURDAY = { fiscalYearStartMonth: 1, weekStartDay: 6 };

const range = (p: { key: string; start: string; end: string }) => [p.key, p.start, p.end];

describe('parsePeriod', () => {
  it('parses day, month, calendar quarter and year keys (end exclusive)', () => {
    expect(range(parsePeriod('2026-11-23', MONDAY))).toEqual(['2026-11-23', '2026-11-23', '2026-11-24']);
    expect(range(parsePeriod('2026-02', MONDAY))).toEqual(['2026-02', '2026-02-01', '2026-03-01']);
    expect(range(parsePeriod('2026-Q3', MONDAY))).toEqual(['2026-Q3', '2026-07-01', '2026-10-01']);
    expect(range(parsePeriod('2026', MONDAY))).toEqual(['2026', '2026-01-01', '2027-01-01']);
  });

  it('parses ISO weeks: 2026-W47 is Monday 16 November to Sunday 22 November', () => {
    expect(parsePeriod('2026-W47', MONDAY)).toEqual({
      key: '2026-W47',
      grain: 'week',
      start: '2026-11-16',
      end: '2026-11-23',
    });
  });

  it('knows ISO week 53: 2026 starts on a Thursday so it has 53 weeks; 2025 has 52', () => {
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(range(parsePeriod('2026-W53', MONDAY))).toEqual(['2026-W53', '2026-12-28', '2027-01-04']);
    expect(periodContaining('2027-01-03', 'week', MONDAY).key).toBe('2026-W53');
    expect(periodContaining('2027-01-04', 'week', MONDAY).key).toBe('2027-W01');
    expect(() => parsePeriod('2025-W53', MONDAY)).toThrow(AppError);
  });

  it('names fiscal years by the year they end in: with a February start FY2027 is Feb 2026 - Jan 2027', () => {
    expect(range(parsePeriod('FY2027', FEB_MONDAY))).toEqual(['FY2027', '2026-02-01', '2027-02-01']);
    expect(range(parsePeriod('FY2027-Q1', FEB_MONDAY))).toEqual(['FY2027-Q1', '2026-02-01', '2026-05-01']);
    expect(range(parsePeriod('FY2027-Q4', FEB_MONDAY))).toEqual(['FY2027-Q4', '2026-11-01', '2027-02-01']);
    expect(range(parsePeriod('FY2027', MONDAY))).toEqual(['FY2027', '2027-01-01', '2028-01-01']);
  });

  it('parses a custom range with an inclusive end', () => {
    expect(parsePeriod('2026-07-01..2026-09-30', MONDAY)).toEqual({
      key: '2026-07-01..2026-09-30',
      grain: 'custom',
      start: '2026-07-01',
      end: '2026-10-01',
    });
  });

  it('rejects malformed keys with a validation error naming the key', () => {
    for (const bad of ['2026-13', '2026-02-30', '2026-Q5', 'FY27', 'last week', '2026-09-30..2026-07-01']) {
      try {
        parsePeriod(bad, MONDAY);
        expect.fail(`${bad} was accepted`);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe('validation');
        expect((e as AppError).details[0]?.value).toBe(bad);
      }
    }
  });
});

describe('periodContaining', () => {
  it('uses fiscal quarters and years when the fiscal year starts in February', () => {
    expect(range(periodContaining('2026-11-23', 'quarter', FEB_MONDAY))).toEqual([
      'FY2027-Q4',
      '2026-11-01',
      '2027-02-01',
    ]);
    expect(range(periodContaining('2026-01-15', 'quarter', FEB_MONDAY))).toEqual([
      'FY2026-Q4',
      '2025-11-01',
      '2026-02-01',
    ]);
    expect(range(periodContaining('2026-02-01', 'year', FEB_MONDAY))).toEqual([
      'FY2027',
      '2026-02-01',
      '2027-02-01',
    ]);
  });

  it('uses calendar quarters with a January fiscal start', () => {
    expect(range(periodContaining('2026-11-23', 'quarter', MONDAY))).toEqual([
      '2026-Q4',
      '2026-10-01',
      '2027-01-01',
    ]);
    expect(range(periodContaining('2026-11-23', 'month', MONDAY))).toEqual([
      '2026-11',
      '2026-11-01',
      '2026-12-01',
    ]);
    expect(periodContaining('2026-11-23', 'week', MONDAY).key).toBe('2026-W48');
  });
});

describe('previousPeriod', () => {
  it('steps back one period of the same kind', () => {
    expect(previousPeriod(parsePeriod('2026-03', MONDAY), MONDAY).key).toBe('2026-02');
    expect(previousPeriod(parsePeriod('2026-W01', MONDAY), MONDAY).key).toBe('2025-W52');
    expect(previousPeriod(parsePeriod('2027-W01', MONDAY), MONDAY).key).toBe('2026-W53');
    expect(range(previousPeriod(parsePeriod('FY2027-Q1', FEB_MONDAY), FEB_MONDAY))).toEqual([
      'FY2026-Q4',
      '2025-11-01',
      '2026-02-01',
    ]);
    expect(previousPeriod(parsePeriod('2026-Q1', FEB_MONDAY), FEB_MONDAY).key).toBe('2025-Q4');
  });

  it('gives a custom range of the same length ending the day before', () => {
    // 1 July - 30 September is 92 days; the 92 days before start on 31 March.
    expect(range(previousPeriod(customPeriod('2026-07-01', '2026-09-30'), MONDAY))).toEqual([
      '2026-03-31..2026-06-30',
      '2026-03-31',
      '2026-07-01',
    ]);
  });
});

describe('periodsBetween', () => {
  it('lists the whole buckets overlapping the range', () => {
    expect(periodsBetween('2026-11-20', '2026-12-08', 'week', MONDAY).map((p) => p.key)).toEqual([
      '2026-W47',
      '2026-W48',
      '2026-W49',
      '2026-W50',
    ]);
    expect(periodsBetween('2026-01-15', '2026-06-01', 'quarter', FEB_MONDAY).map((p) => p.key)).toEqual([
      'FY2026-Q4',
      'FY2027-Q1',
      'FY2027-Q2',
    ]);
    expect(periodsBetween('2026-05-01', '2026-05-01', 'day', MONDAY)).toEqual([]);
  });
});

describe('weeks starting on the workspace first day, named by the ISO week of their Monday', () => {
  it('2026-W47 is Mon 16 - Sun 22 November on Monday weeks, Sun 15 - Sat 21 on Sunday weeks, Sat 14 - Fri 20 on Saturday weeks', () => {
    expect(range(parsePeriod('2026-W47', MONDAY))).toEqual(['2026-W47', '2026-11-16', '2026-11-23']);
    expect(range(parsePeriod('2026-W47', SUNDAY))).toEqual(['2026-W47', '2026-11-15', '2026-11-22']);
    expect(range(parsePeriod('2026-W47', SATURDAY))).toEqual(['2026-W47', '2026-11-14', '2026-11-21']);
  });

  it('puts Sunday 22 November in W47 on Monday weeks but opens W48 with it on Sunday weeks', () => {
    expect(periodContaining('2026-11-22', 'week', MONDAY).key).toBe('2026-W47');
    expect(range(periodContaining('2026-11-22', 'week', SUNDAY))).toEqual([
      '2026-W48',
      '2026-11-22',
      '2026-11-29',
    ]);
    expect(range(periodContaining('2026-11-21', 'week', SUNDAY))).toEqual([
      '2026-W47',
      '2026-11-15',
      '2026-11-22',
    ]);
    expect(range(periodContaining('2026-11-21', 'week', SATURDAY))).toEqual([
      '2026-W48',
      '2026-11-21',
      '2026-11-28',
    ]);
  });

  it('names a week across the new year by its Monday: Sun 3 January 2027 opens 2027-W01 on Sunday weeks', () => {
    // ISO: Mon 28 Dec 2026 - Sun 3 Jan 2027 is 2026-W53, Mon 4 Jan opens 2027-W01.
    expect(range(periodContaining('2027-01-03', 'week', SUNDAY))).toEqual([
      '2027-W01',
      '2027-01-03',
      '2027-01-10',
    ]);
    expect(range(periodContaining('2027-01-02', 'week', SUNDAY))).toEqual([
      '2026-W53',
      '2026-12-27',
      '2027-01-03',
    ]);
    expect(range(parsePeriod('2026-W53', SATURDAY))).toEqual(['2026-W53', '2026-12-26', '2027-01-02']);
    expect(previousPeriod(parsePeriod('2027-W01', SUNDAY), SUNDAY).key).toBe('2026-W53');
    expect(nextPeriod(parsePeriod('2026-W53', SUNDAY), SUNDAY).key).toBe('2027-W01');
  });

  it('round-trips every day of two years for all seven start days: the key parses back to the same week', () => {
    for (let startDay = 1; startDay <= 7; startDay++) {
      const cal = { fiscalYearStartMonth: 1, weekStartDay: startDay };
      for (const p of periodsBetween('2025-12-20', '2028-01-10', 'day', cal)) {
        const week = periodContaining(p.start, 'week', cal);
        expect(parsePeriod(week.key, cal)).toEqual(week);
        expect(week.start).toBe(weekStart(p.start, startDay));
        expect(new Date(`${week.start}T00:00:00Z`).getUTCDay() || 7).toBe(startDay);
      }
    }
  });

  it('lists Sunday weeks between dates without gaps', () => {
    expect(periodsBetween('2026-11-20', '2026-12-08', 'week', SUNDAY).map(range)).toEqual([
      ['2026-W47', '2026-11-15', '2026-11-22'],
      ['2026-W48', '2026-11-22', '2026-11-29'],
      ['2026-W49', '2026-11-29', '2026-12-06'],
      ['2026-W50', '2026-12-06', '2026-12-13'],
    ]);
  });

  it('refuses a week start outside 1-7 (an internal invariant: settings are validated on entry)', () => {
    expect(() =>
      periodContaining('2026-11-22', 'week', { fiscalYearStartMonth: 1, weekStartDay: 0 }),
    ).toThrow('weekStartDay must be 1-7');
  });
});
