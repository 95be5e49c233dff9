import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import {
  customPeriod,
  isoWeeksInYear,
  parsePeriod,
  periodContaining,
  periodsBetween,
  previousPeriod,
} from './period.ts';

const range = (p: { key: string; start: string; end: string }) => [p.key, p.start, p.end];

describe('parsePeriod', () => {
  it('parses day, month, calendar quarter and year keys (end exclusive)', () => {
    expect(range(parsePeriod('2026-11-23', { fiscalYearStartMonth: 1, weekStartDay: 1 }))).toEqual(['2026-11-23', '2026-11-23', '2026-11-24']);
    expect(range(parsePeriod('2026-02', { fiscalYearStartMonth: 1, weekStartDay: 1 }))).toEqual(['2026-02', '2026-02-01', '2026-03-01']);
    expect(range(parsePeriod('2026-Q3', { fiscalYearStartMonth: 1, weekStartDay: 1 }))).toEqual(['2026-Q3', '2026-07-01', '2026-10-01']);
    expect(range(parsePeriod('2026', { fiscalYearStartMonth: 1, weekStartDay: 1 }))).toEqual(['2026', '2026-01-01', '2027-01-01']);
  });

  it('parses ISO weeks: 2026-W47 is Monday 16 November to Sunday 22 November', () => {
    expect(parsePeriod('2026-W47', { fiscalYearStartMonth: 1, weekStartDay: 1 })).toEqual({
      key: '2026-W47',
      grain: 'week',
      start: '2026-11-16',
      end: '2026-11-23',
    });
  });

  it('knows ISO week 53: 2026 starts on a Thursday so it has 53 weeks; 2025 has 52', () => {
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(range(parsePeriod('2026-W53', { fiscalYearStartMonth: 1, weekStartDay: 1 }))).toEqual(['2026-W53', '2026-12-28', '2027-01-04']);
    expect(periodContaining('2027-01-03', 'week', { fiscalYearStartMonth: 1, weekStartDay: 1 }).key).toBe('2026-W53');
    expect(periodContaining('2027-01-04', 'week', { fiscalYearStartMonth: 1, weekStartDay: 1 }).key).toBe('2027-W01');
    expect(() => parsePeriod('2025-W53', { fiscalYearStartMonth: 1, weekStartDay: 1 })).toThrow(AppError);
  });

  it('names fiscal years by the year they end in: with a February start FY2027 is Feb 2026 - Jan 2027', () => {
    expect(range(parsePeriod('FY2027', { fiscalYearStartMonth: 2, weekStartDay: 1 }))).toEqual(['FY2027', '2026-02-01', '2027-02-01']);
    expect(range(parsePeriod('FY2027-Q1', { fiscalYearStartMonth: 2, weekStartDay: 1 }))).toEqual(['FY2027-Q1', '2026-02-01', '2026-05-01']);
    expect(range(parsePeriod('FY2027-Q4', { fiscalYearStartMonth: 2, weekStartDay: 1 }))).toEqual(['FY2027-Q4', '2026-11-01', '2027-02-01']);
    expect(range(parsePeriod('FY2027', { fiscalYearStartMonth: 1, weekStartDay: 1 }))).toEqual(['FY2027', '2027-01-01', '2028-01-01']);
  });

  it('parses a custom range with an inclusive end', () => {
    expect(parsePeriod('2026-07-01..2026-09-30', { fiscalYearStartMonth: 1, weekStartDay: 1 })).toEqual({
      key: '2026-07-01..2026-09-30',
      grain: 'custom',
      start: '2026-07-01',
      end: '2026-10-01',
    });
  });

  it('rejects malformed keys with a validation error naming the key', () => {
    for (const bad of ['2026-13', '2026-02-30', '2026-Q5', 'FY27', 'last week', '2026-09-30..2026-07-01']) {
      try {
        parsePeriod(bad, { fiscalYearStartMonth: 1, weekStartDay: 1 });
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
    expect(range(periodContaining('2026-11-23', 'quarter', { fiscalYearStartMonth: 2, weekStartDay: 1 }))).toEqual([
      'FY2027-Q4',
      '2026-11-01',
      '2027-02-01',
    ]);
    expect(range(periodContaining('2026-01-15', 'quarter', { fiscalYearStartMonth: 2, weekStartDay: 1 }))).toEqual([
      'FY2026-Q4',
      '2025-11-01',
      '2026-02-01',
    ]);
    expect(range(periodContaining('2026-02-01', 'year', { fiscalYearStartMonth: 2, weekStartDay: 1 }))).toEqual(['FY2027', '2026-02-01', '2027-02-01']);
  });

  it('uses calendar quarters with a January fiscal start', () => {
    expect(range(periodContaining('2026-11-23', 'quarter', { fiscalYearStartMonth: 1, weekStartDay: 1 }))).toEqual([
      '2026-Q4',
      '2026-10-01',
      '2027-01-01',
    ]);
    expect(range(periodContaining('2026-11-23', 'month', { fiscalYearStartMonth: 1, weekStartDay: 1 }))).toEqual([
      '2026-11',
      '2026-11-01',
      '2026-12-01',
    ]);
    expect(periodContaining('2026-11-23', 'week', { fiscalYearStartMonth: 1, weekStartDay: 1 }).key).toBe('2026-W48');
  });
});

describe('previousPeriod', () => {
  it('steps back one period of the same kind', () => {
    expect(previousPeriod(parsePeriod('2026-03', { fiscalYearStartMonth: 1, weekStartDay: 1 }), { fiscalYearStartMonth: 1, weekStartDay: 1 }).key).toBe('2026-02');
    expect(previousPeriod(parsePeriod('2026-W01', { fiscalYearStartMonth: 1, weekStartDay: 1 }), { fiscalYearStartMonth: 1, weekStartDay: 1 }).key).toBe('2025-W52');
    expect(previousPeriod(parsePeriod('2027-W01', { fiscalYearStartMonth: 1, weekStartDay: 1 }), { fiscalYearStartMonth: 1, weekStartDay: 1 }).key).toBe('2026-W53');
    expect(range(previousPeriod(parsePeriod('FY2027-Q1', { fiscalYearStartMonth: 2, weekStartDay: 1 }), { fiscalYearStartMonth: 2, weekStartDay: 1 }))).toEqual([
      'FY2026-Q4',
      '2025-11-01',
      '2026-02-01',
    ]);
    expect(previousPeriod(parsePeriod('2026-Q1', { fiscalYearStartMonth: 2, weekStartDay: 1 }), { fiscalYearStartMonth: 2, weekStartDay: 1 }).key).toBe('2025-Q4');
  });

  it('gives a custom range of the same length ending the day before', () => {
    // 1 July - 30 September is 92 days; the 92 days before start on 31 March.
    expect(range(previousPeriod(customPeriod('2026-07-01', '2026-09-30'), { fiscalYearStartMonth: 1, weekStartDay: 1 }))).toEqual([
      '2026-03-31..2026-06-30',
      '2026-03-31',
      '2026-07-01',
    ]);
  });
});

describe('periodsBetween', () => {
  it('lists the whole buckets overlapping the range', () => {
    expect(periodsBetween('2026-11-20', '2026-12-08', 'week', { fiscalYearStartMonth: 1, weekStartDay: 1 }).map((p) => p.key)).toEqual([
      '2026-W47',
      '2026-W48',
      '2026-W49',
      '2026-W50',
    ]);
    expect(periodsBetween('2026-01-15', '2026-06-01', 'quarter', { fiscalYearStartMonth: 2, weekStartDay: 1 }).map((p) => p.key)).toEqual([
      'FY2026-Q4',
      'FY2027-Q1',
      'FY2027-Q2',
    ]);
    expect(periodsBetween('2026-05-01', '2026-05-01', 'day', { fiscalYearStartMonth: 1, weekStartDay: 1 })).toEqual([]);
  });
});
