import { describe, expect, it } from 'vitest';
import { costOfSalesPct, nearestRank, scenarioTotals, summarizePeriod } from './what-if-summary.ts';

describe('what-if summary', () => {
  const nov = { key: '2026-11', start: '2026-11-01', end: '2026-12-01' };

  it('sums a period: revenue, payout, cost of sales and reps at or over a target they have', () => {
    const p = summarizePeriod(nov, [
      { userId: 1, revenueMinor: 100_000, payoutMinor: 10_000, targetMinor: 100_000, attainmentPct: 100 },
      { userId: 2, revenueMinor: 50_000, payoutMinor: 2_500, targetMinor: 80_000, attainmentPct: 62.5 },
      // No target: 0% of nothing is not "over target".
      { userId: 3, revenueMinor: 30_000, payoutMinor: 3_000, targetMinor: 0, attainmentPct: 0 },
    ]);
    expect(p).toEqual({
      periodKey: '2026-11',
      periodStart: '2026-11-01',
      periodEnd: '2026-12-01',
      revenueMinor: 180_000,
      payoutMinor: 15_500,
      // 15,500 / 180,000 = 8.6111...%
      costOfSalesPct: 8.61,
      repsOverTarget: 1,
      reps: 3,
    });
  });

  it('recomputes totals from summed parts, not the mean of the periods percentages', () => {
    const a = summarizePeriod(nov, [
      { userId: 1, revenueMinor: 100_000, payoutMinor: 10_000, targetMinor: 1, attainmentPct: 0 },
    ]);
    const b = summarizePeriod({ ...nov, key: '2026-12' }, [
      { userId: 1, revenueMinor: 300_000, payoutMinor: 15_000, targetMinor: 1, attainmentPct: 0 },
    ]);
    // 10% and 5%: the mean would say 7.5%, the total is 25,000 / 400,000 = 6.25%.
    expect(scenarioTotals([a, b])).toEqual({
      revenueMinor: 400_000,
      payoutMinor: 25_000,
      costOfSalesPct: 6.25,
      repsOverTarget: 0,
      reps: 2,
    });
    expect(costOfSalesPct(5, 0)).toBeNull();
  });

  it('takes percentiles by nearest rank', () => {
    const v = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100];
    expect(nearestRank(v, 0.1)).toBe(10);
    expect(nearestRank(v, 0.5)).toBe(50);
    expect(nearestRank(v, 0.9)).toBe(90);
    expect(nearestRank([7], 0.9)).toBe(7);
    expect(nearestRank([], 0.5)).toBeNull();
  });
});
