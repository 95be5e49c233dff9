import { describe, expect, it } from 'vitest';
import {
  addDays,
  isoWeekKey,
  periodKeyFor,
  previousRange,
  rangeFor,
  rangeLength,
  todayIn,
} from './ranges.ts';

describe('date ranges', () => {
  it('finds the ISO week (Monday to Sunday) containing a Sunday', () => {
    // 2026-11-29 is a Sunday.
    expect(rangeFor('week', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });
  it('computes month, quarter and the ones before across a year boundary', () => {
    expect(rangeFor('month', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(rangeFor('last_month', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(rangeFor('quarter', '2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(rangeFor('last_quarter', '2026-02-01')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });
  it('compares a month with the whole previous month, not the same number of days', () => {
    expect(previousRange('month', { from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
  });
  it('compares a week with the seven days before', () => {
    const week = rangeFor('week', '2026-11-23');
    expect(rangeLength(week)).toBe(7);
    expect(previousRange('week', week)).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });
  it('reads today in the workspace time zone', () => {
    const instant = new Date('2026-11-23T23:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-11-23');
    expect(todayIn('Europe/Warsaw', instant)).toBe('2026-11-24');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('period keys for the metrics API', () => {
  it('names ISO weeks by their Thursday, across a year boundary', () => {
    // 2026-12-31 is a Thursday: week 53 of 2026. 2027-01-03 (Sunday) belongs to it too.
    expect(isoWeekKey('2026-12-31')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-03')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-04')).toBe('2027-W01');
    expect(isoWeekKey('2026-11-23')).toBe('2026-W48');
  });
  it('names months, quarters and years', () => {
    expect(periodKeyFor('month', '2026-11-23')).toBe('2026-11');
    expect(periodKeyFor('last_month', '2026-01-10')).toBe('2025-12');
    expect(periodKeyFor('quarter', '2026-11-23')).toBe('2026-Q4');
    expect(periodKeyFor('last_quarter', '2026-02-01')).toBe('2025-Q4');
    expect(periodKeyFor('year', '2026-11-23')).toBe('2026');
    expect(periodKeyFor('today', '2026-11-23')).toBe('2026-11-23');
  });
});
