import { describe, expect, it } from 'vitest';
import { observedFunnelOf, type FunnelCounts } from './observed.ts';
import { planFunnel } from './plan.ts';

const counts: FunnelCounts = {
  leads: 40,
  mql: 20,
  sql: 10,
  opportunities: 8,
  won: 3,
  lost: 1,
  wonAmount: 30_000,
  winRate: 0.75,
  avgDealSize: 10_000,
};

describe('observedFunnelOf', () => {
  it('reaches each step as a share of the leads, and wins at the opportunity share x win rate', () => {
    // 40 leads over 20 days is 2 a day: 60 in a 30-day period. Won reach 8/40 x 3/4 = 0.15.
    const { funnel } = observedFunnelOf(counts, 20, 30);
    expect(funnel.stages.map((s) => s.reach)).toEqual([1, 0.5, 0.25, 0.2, (8 / 40) * (3 / 4)]);
    expect(funnel).toMatchObject({ avgDealSize: 10_000, topPerPeriod: 60 });
  });

  // Before the counts came from the registry, "no deal closed" read as a 0 win rate. The registry says null
  // (unknown); the planner turns it into an unreachable won step on purpose, and keeps the null in the counts.
  it('makes the won step unreachable when nothing closed (win rate null), so the plan has no requirement', () => {
    const unknown = { ...counts, won: 0, lost: 0, wonAmount: 0, winRate: null, avgDealSize: null };
    const observed = observedFunnelOf(unknown, 20, 30);
    expect(observed.counts.winRate).toBeNull();
    expect(observed.funnel.stages.at(-1)?.reach).toBe(0);
    expect(observed.funnel.avgDealSize).toBe(0);
    const plan = planFunnel(observed.funnel, { targetWins: 5 });
    expect(plan.required).toBeNull();
    expect(planFunnel(observed.funnel, { targetRevenue: 50_000 }).targetWins).toBeNull();
  });

  it('keeps a known 0% win rate apart from an unknown one', () => {
    const allLost = observedFunnelOf({ ...counts, won: 0, lost: 4, winRate: 0 }, 20, 30);
    expect(allLost.counts.winRate).toBe(0);
    expect(allLost.funnel.stages.at(-1)?.reach).toBe(0);
  });
});
