import { describe, expect, it } from 'vitest';
import { stageWeightedForecast } from './stage-weighted.ts';
import { deal } from './test-deal.ts';

const window = { start: '2026-11-01', end: '2026-12-01', asOfDate: '2026-11-10' };

describe('stage-weighted forecast', () => {
  it('adds won to date to amount x probability of deals closing in the period', () => {
    const r = stageWeightedForecast(
      [
        deal({ id: 1, amount: 10_000, probability: 0.1, expectedCloseDate: '2026-11-20' }), // 1,000
        deal({ id: 2, amount: 50_000, probability: 0.6, expectedCloseDate: '2026-11-30' }), // 30,000
        deal({ id: 3, amount: 20_000, probability: 0.8, expectedCloseDate: '2026-11-02' }), // overdue -> today: 16,000
        deal({ id: 4, amount: 99_000, probability: 0.8, expectedCloseDate: '2026-12-01' }), // next period
        deal({ id: 5, amount: 99_000, probability: 0.8, expectedCloseDate: null }), // no date: left out
      ],
      window,
      7_000,
    );
    expect(r.projected).toBe(47_000);
    expect(r.value).toBe(54_000);
    expect(r.breakdown).toMatchObject({ deals: 3, openAmount: 80_000 });
  });

  it('counts overdue deals in a future period only once that period has started', () => {
    const future = { start: '2026-12-01', end: '2027-01-01', asOfDate: '2026-11-10' };
    const r = stageWeightedForecast([deal({ id: 1, expectedCloseDate: '2026-11-01' })], future, 0);
    expect(r.value).toBe(0);
  });
});
