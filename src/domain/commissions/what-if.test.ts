import { describe, expect, it } from 'vitest';
import { creditedDeal, november, planRules } from '../../../test/support/commission-fixtures.ts';
import { AppError } from '../../errors.ts';
import { payoutCurve, planPayoutMinor, simulatePayouts } from './what-if.ts';

// Money in cents, rates in basis points.
const junior = planRules({
  tierMode: 'retroactive',
  tiers: [
    { fromPct: 0, rateBp: 0 },
    { fromPct: 100, rateBp: 1000 },
  ],
});
const accelerated = planRules({
  tiers: [
    { fromPct: 0, rateBp: 0 },
    { fromPct: 50, rateBp: 1000 },
    { fromPct: 100, rateBp: 1500 },
  ],
  capMinor: 300_000,
  bonuses: [{ label: 'Club', atPct: 120, amountMinor: 50_000 }],
});

describe('payoutCurve', () => {
  it('the junior plan pays nothing below 100% and 10% of everything from it', () => {
    // Target 10,000.00: 99% -> 0; 100% -> 10% of 10,000.00 = 1,000.00; 150% -> 10% of 15,000.00 = 1,500.00.
    expect(payoutCurve(junior, 1_000_000, [0, 99, 100, 150])).toEqual([
      { attainmentPct: 0, payoutMinor: 0 },
      { attainmentPct: 99, payoutMinor: 0 },
      { attainmentPct: 100, payoutMinor: 100_000 },
      { attainmentPct: 150, payoutMinor: 150_000 },
    ]);
  });

  it('an accelerated, capped plan with a bonus', () => {
    // Target 10,000.00; 0% to 50%, 10% to 100%, 15% above; cap 3,000.00; 500.00 bonus at 120%.
    // 80%: 0 on the first 5,000 (0% to 50%), then 3,000 x 10% = 300.00.
    // 120%: 5,000 x 10% + 2,000 x 15% = 500.00 + 300.00 = 800.00, + bonus 500.00 = 1,300.00.
    // 400%: 500.00 + 30,000 x 15% = 5,000.00, capped at 3,000.00, + bonus 500.00 = 3,500.00.
    expect(payoutCurve(accelerated, 1_000_000, [80, 120, 400]).map((p) => p.payoutMinor)).toEqual([
      30_000, 130_000, 350_000,
    ]);
  });

  it('agrees with computeStatement at every point of a grid', () => {
    const grid = [0, 10, 33.33, 49.99, 50, 50.01, 99.99, 100, 119.99, 120, 150, 250, 400];
    for (const rules of [
      junior,
      accelerated,
      planRules({ typeRates: { new_business: 700, upsell: 700, renewal: 700 } }),
    ]) {
      for (const target of [0, 1_000_000, 2_500_001]) {
        for (const point of payoutCurve(rules, target, grid)) {
          const credited = Math.round((target * point.attainmentPct) / 100);
          const statement = november(
            rules,
            target,
            credited > 0 ? [creditedDeal(1, '2026-11-10', credited)] : [],
          );
          expect(point.payoutMinor).toBe(statement.totals.payoutMinor);
        }
      }
    }
    expect(planPayoutMinor(junior, 0, 500_000)).toBe(50_000); // no target: the on-target rate, 10%
  });
});

describe('simulatePayouts', () => {
  it('with no spread every person reaches the mean: junior and senior at 110% (hand check)', () => {
    // Junior 10,000.00 at 110% = 11,000.00 -> 1,100.00; senior 25,000.00 at 110% = 27,500.00 -> 2,750.00.
    const r = simulatePayouts({
      rules: junior,
      targets: [1_000_000, 2_500_000],
      runs: 3,
      meanPct: 110,
      sdPct: 0,
      seed: 1,
    });
    expect(r).toEqual({ payouts: [385_000, 385_000, 385_000], revenue: [3_850_000, 3_850_000, 3_850_000] });
  });

  it('is deterministic for a seed and moves with it', () => {
    const args = {
      rules: accelerated,
      targets: [1_000_000, 1_000_000, 2_500_000],
      runs: 200,
      meanPct: 95,
      sdPct: 30,
      seed: 42,
    };
    const a = simulatePayouts(args);
    expect(simulatePayouts(args)).toEqual(a);
    expect(simulatePayouts({ ...args, seed: 43 })).not.toEqual(a);
    expect(a.payouts).toHaveLength(200);
    // Every run's payout is what the plan pays some attainment: between 0 and 3 x (cap + bonus).
    for (const p of a.payouts) expect(p).toBeGreaterThanOrEqual(0);
    for (const p of a.payouts) expect(p).toBeLessThanOrEqual(3 * 350_000);
    // The mean credited revenue is near 95% of the 45,000.00 total target (sd of the mean ~ 2% of target).
    const meanRevenue = a.revenue.reduce((s, x) => s + x, 0) / a.revenue.length;
    expect(Math.abs(meanRevenue / 4_500_000 - 0.95)).toBeLessThan(0.06);
  });

  it('refuses bad arguments naming the field', () => {
    try {
      simulatePayouts({ rules: junior, targets: [-1], runs: 0, meanPct: 100, sdPct: -1, seed: 1.5 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).details.map((d) => d.field)).toEqual([
        'simulation.runs',
        'simulation.sdPct',
        'simulation.seed',
        'targets[0]',
      ]);
    }
  });
});
