import { describe, expect, it } from 'vitest';
import { addDays, periodKeyFor, previousRange, rangeFor, rangeLength, todayIn, weekOf } from './ranges.ts';

const MONDAY = 1;
const SUNDAY = 7;
const SATURDAY = 6;

describe('date ranges', () => {
  it("finds the workspace's week containing a date: Monday, Sunday or Saturday start", () => {
    // 2026-11-29 is a Sunday: the last day of a Monday week, the first of a Sunday week.
    expect(rangeFor('week', '2026-11-29', MONDAY)).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(rangeFor('week', '2026-11-29', SUNDAY)).toEqual({ from: '2026-11-29', to: '2026-12-05' });
    expect(rangeFor('week', '2026-11-29', SATURDAY)).toEqual({ from: '2026-11-28', to: '2026-12-04' });
    // Friday 27 November: Sunday and Saturday weeks hold it with the days before.
    expect(rangeFor('week', '2026-11-27', SUNDAY)).toEqual({ from: '2026-11-22', to: '2026-11-28' });
    expect(rangeFor('week', '2026-11-27', SATURDAY)).toEqual({ from: '2026-11-21', to: '2026-11-27' });
  });
  it('refuses to compute a week without the week start', () => {
    const choice = 'week' as string as 'month';
    expect(() => rangeFor(choice, '2026-11-29')).toThrow('weekStartDay');
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
    const week = rangeFor('week', '2026-11-23', MONDAY);
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
  it('names Monday weeks by their ISO week, across a year boundary', () => {
    // 2026-12-31 is a Thursday: week 53 of 2026. 2027-01-03 (Sunday) belongs to it too.
    expect(periodKeyFor('week', '2026-12-31', MONDAY)).toBe('2026-W53');
    expect(periodKeyFor('week', '2027-01-03', MONDAY)).toBe('2026-W53');
    expect(periodKeyFor('week', '2027-01-04', MONDAY)).toBe('2027-W01');
    expect(periodKeyFor('week', '2026-11-23', MONDAY)).toBe('2026-W48');
  });
  it('names Sunday and Saturday weeks by the ISO week of the Monday inside them', () => {
    // Sunday 3 January 2027 opens the Sunday week holding Monday 4 January: 2027-W01.
    expect(weekOf('2027-01-03', SUNDAY)).toEqual({ key: '2027-W01', from: '2027-01-03', to: '2027-01-09' });
    expect(periodKeyFor('week', '2027-01-02', SUNDAY)).toBe('2026-W53');
    // Saturday 2 January 2027 opens the Saturday week holding Monday 4 January.
    expect(weekOf('2027-01-02', SATURDAY)).toEqual({ key: '2027-W01', from: '2027-01-02', to: '2027-01-08' });
    expect(weekOf('2026-11-15', SUNDAY)).toEqual({ key: '2026-W47', from: '2026-11-15', to: '2026-11-21' });
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
