import { describe, expect, it } from 'vitest';
import { quotaTargetsFor, type QuotaGoal } from './quota-share.ts';

const goal = (over: Partial<QuotaGoal>): QuotaGoal => ({
  userId: 1,
  grain: 'quarter',
  periodKey: '2026-Q4',
  targetMinor: 9_200_000,
  ...over,
});

describe('quotaTargetsFor: a quota counts by the share of its days inside the statement period', () => {
  it('a quarterly quota gives November 30 of the quarter 92 days: 92,000.00 x 30/92 = 30,000.00', () => {
    const t = quotaTargetsFor([goal({})], '2026-11-01', '2026-12-01', {
      fiscalYearStartMonth: 1,
      weekStartDay: 1,
    });
    expect(t.get(1)).toBe(3_000_000);
  });

  it('a recurring monthly quota of 10,000.00 gives a quarter three months: 30,000.00', () => {
    const t = quotaTargetsFor(
      [goal({ grain: 'month', periodKey: null, targetMinor: 1_000_000 })],
      '2026-10-01',
      '2027-01-01',
      { fiscalYearStartMonth: 1, weekStartDay: 1 },
    );
    expect(t.get(1)).toBe(3_000_000);
  });

  it('a quarterly quota inside a year counts whole; another person and an unreadable key stay apart', () => {
    const t = quotaTargetsFor(
      [goal({}), goal({ userId: 2, periodKey: '2026-Q1', targetMinor: 500 }), goal({ periodKey: 'soon' })],
      '2026-01-01',
      '2027-01-01',
      { fiscalYearStartMonth: 1, weekStartDay: 1 },
    );
    expect(t.get(1)).toBe(9_200_000);
    expect(t.get(2)).toBe(500);
  });

  it('a quota of another period gives nothing; a part is rounded to the unit: 1,000 x 31/92', () => {
    expect(
      quotaTargetsFor([goal({ periodKey: '2026-Q3' })], '2026-11-01', '2026-12-01', {
        fiscalYearStartMonth: 1,
        weekStartDay: 1,
      }).get(1),
    ).toBe(undefined);
    // 1,000 minor x 31/92 = 336.96 -> 337 (October has 31 of Q4's 92 days).
    expect(
      quotaTargetsFor([goal({ targetMinor: 1000 })], '2026-10-01', '2026-11-01', {
        fiscalYearStartMonth: 1,
        weekStartDay: 1,
      }).get(1),
    ).toBe(337);
  });
});
