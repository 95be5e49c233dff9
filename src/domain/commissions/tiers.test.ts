import { describe, expect, it } from 'vitest';
import { amounts, creditedDeal, november, planRules } from '../../../test/support/commission-fixtures.ts';
import { sliceAtTiers, thresholdMinor } from './tiers.ts';

// Money in cents: 10,000.00 = 1_000_000. Rates in basis points: 1000 = 10%.

/**
 * The brief: "a junior with a 10,000 monthly target earns 10% when they reach it; a senior with 25,000 also earns
 * 10%". Modelled as retroactive tiers: 0% below 100% of target, 10% from 100%; once the target is reached, the
 * final attainment's 10% applies to every deal of the month, and below it nothing is paid.
 */
const briefPlan = planRules({
  tierMode: 'retroactive',
  tiers: [
    { fromPct: 0, rateBp: 0 },
    { fromPct: 100, rateBp: 1000 },
  ],
});

describe('the brief: junior (10,000 target) and senior (25,000 target) plans, 10% on reaching target', () => {
  it('junior selling 4,000 + 7,000 = 11,000 (110%) earns 10% of both deals: 400.00 + 700.00 = 1,100.00', () => {
    const r = november(briefPlan, 1_000_000, [
      creditedDeal(1, '2026-11-05', 400_000),
      creditedDeal(2, '2026-11-20', 700_000),
    ]);
    expect(amounts(r)).toEqual([
      ['commission', 40_000],
      ['commission', 70_000],
    ]);
    expect(r.lines.map((l) => l.tier)).toEqual([1, 1]);
    expect(r.totals).toMatchObject({ creditedMinor: 1_100_000, attainmentPct: 110, payoutMinor: 110_000 });
    expect(r.lines[0]?.explanation).toBe(
      '10.00% of 4,000.00: final attainment 110.00% is in tier 2: from 100% of target, whose rate applies to ' +
        'every deal (retroactive tiers).',
    );
  });

  it('junior at 4,000 + 5,000 = 9,000 (90%) earns nothing: both deals at tier 1, 0%', () => {
    const r = november(briefPlan, 1_000_000, [
      creditedDeal(1, '2026-11-05', 400_000),
      creditedDeal(2, '2026-11-20', 500_000),
    ]);
    expect(amounts(r)).toEqual([
      ['commission', 0],
      ['commission', 0],
    ]);
    expect(r.totals.attainmentPct).toBe(90);
  });

  it('junior at exactly 10,000 reaches the target: 10% = 1,000.00', () => {
    const r = november(briefPlan, 1_000_000, [creditedDeal(1, '2026-11-30', 1_000_000)]);
    expect(r.totals.payoutMinor).toBe(100_000);
  });

  it('senior with 12,000 + 14,000 = 26,000 of 25,000 (104%) earns 10%: 1,200.00 + 1,400.00 = 2,600.00', () => {
    const r = november(briefPlan, 2_500_000, [
      creditedDeal(1, '2026-11-03', 1_200_000),
      creditedDeal(2, '2026-11-17', 1_400_000),
    ]);
    expect(r.totals).toMatchObject({ attainmentPct: 104, payoutMinor: 260_000 });
  });

  it('senior with the junior-winning 11,000 (44% of 25,000) earns nothing', () => {
    const r = november(briefPlan, 2_500_000, [creditedDeal(1, '2026-11-03', 1_100_000)]);
    expect(r.totals).toMatchObject({ attainmentPct: 44, payoutMinor: 0 });
  });
});

describe('marginal tiers', () => {
  it('an accelerator crossing in the middle of a deal gives two lines', () => {
    // Target 10,000.00; 10% up to 100%, 15% above. Deal 1: 6,000 -> 10% = 600.00 (0% -> 60%).
    // Deal 2: 6,000 takes attainment 60% -> 120%: 4,000 x 10% = 400.00 (60% -> 100%) and
    // 2,000 x 15% = 300.00 (100% -> 120%). Total 1,300.00.
    const plan = planRules({
      tiers: [
        { fromPct: 0, rateBp: 1000 },
        { fromPct: 100, rateBp: 1500 },
      ],
    });
    const r = november(plan, 1_000_000, [
      creditedDeal(2, '2026-11-20', 600_000),
      creditedDeal(1, '2026-11-05', 600_000),
    ]);
    expect(r.lines.map((l) => [l.opportunityId, l.creditedMinor, l.rateBp, l.tier, l.amountMinor])).toEqual([
      [1, 600_000, 1000, 0, 60_000],
      [2, 400_000, 1000, 0, 40_000],
      [2, 200_000, 1500, 1, 30_000],
    ]);
    expect(r.lines.map((l) => [l.attainmentFromPct, l.attainmentToPct])).toEqual([
      [0, 60],
      [60, 100],
      [100, 120],
    ]);
    expect(r.lines[2]?.explanation).toBe(
      '15.00% on 2,000.00 of the 6,000.00 credited (tier 2: from 100% of target; attainment 100.00% -> 120.00%).',
    );
    expect(r.totals.payoutMinor).toBe(130_000);
  });

  it("a decelerator: 0% under 50%, 10% to 100%, 15% above (the brief's example)", () => {
    // Target 10,000.00; one deal of 8,000.00: 5,000 x 0% = 0 (0% -> 50%), 3,000 x 10% = 300.00 (50% -> 80%).
    const plan = planRules({
      tiers: [
        { fromPct: 0, rateBp: 0 },
        { fromPct: 50, rateBp: 1000 },
        { fromPct: 100, rateBp: 1500 },
      ],
    });
    const r = november(plan, 1_000_000, [creditedDeal(1, '2026-11-10', 800_000)]);
    expect(amounts(r)).toEqual([
      ['commission', 0],
      ['commission', 30_000],
    ]);
    expect(r.lines[0]?.explanation).toContain('tier 1: 0% to 50% of target, decelerator');
    // A deal that stays under 50%: 4,000 x 0% = 0.
    expect(november(plan, 1_000_000, [creditedDeal(1, '2026-11-10', 400_000)]).totals.payoutMinor).toBe(0);
  });

  it('one deal across three tiers gives three lines', () => {
    // Target 1,000.00; tiers 0%: 5%, 50%: 10%, 100%: 20%. Deal 1,500.00: 500 x 5% = 25.00,
    // 500 x 10% = 50.00, 500 x 20% = 100.00.
    const plan = planRules({
      tiers: [
        { fromPct: 0, rateBp: 500 },
        { fromPct: 50, rateBp: 1000 },
        { fromPct: 100, rateBp: 2000 },
      ],
    });
    const r = november(plan, 100_000, [creditedDeal(1, '2026-11-10', 150_000)]);
    expect(amounts(r)).toEqual([
      ['commission', 2_500],
      ['commission', 5_000],
      ['commission', 10_000],
    ]);
  });

  it('a negative credit (a credit note) walks back down through the same tiers', () => {
    // Target 10,000.00; 10% to 100%, 15% above. Deal 1: 12,000 -> 10,000 x 10% = 1,000.00 + 2,000 x 15% = 300.00.
    // Deal 2: -4,000 takes attainment 120% -> 80%: -2,000 x 15% = -300.00 (120 -> 100%), -2,000 x 10% = -200.00.
    // Net 800.00 = 10% of the 8,000.00 that remains, as if only 8,000 had been sold.
    const plan = planRules({
      tiers: [
        { fromPct: 0, rateBp: 1000 },
        { fromPct: 100, rateBp: 1500 },
      ],
    });
    const r = november(plan, 1_000_000, [
      creditedDeal(1, '2026-11-05', 1_200_000),
      creditedDeal(2, '2026-11-06', -400_000),
    ]);
    expect(r.lines.map((l) => [l.creditedMinor, l.tier, l.amountMinor])).toEqual([
      [1_000_000, 0, 100_000],
      [200_000, 1, 30_000],
      [-200_000, 1, -30_000],
      [-200_000, 0, -20_000],
    ]);
    expect(r.totals.payoutMinor).toBe(80_000);
  });

  it('says when a credit is a roll-up of the team', () => {
    const r = november(planRules(), 1_000_000, [creditedDeal(1, '2026-11-05', 100_000, { role: 'roll_up' })]);
    expect(r.lines[0]?.explanation).toBe(
      '10.00% on 1,000.00, credited to you as a roll-up of your team (tier 1: from 0% of target; ' +
        'attainment 0.00% -> 10.00%).',
    );
  });

  it('a tier starts at the least whole cent reaching it (target 10,000.01, 50% = 5,000.005 -> 5,000.01)', () => {
    // ceil(1,000,001 x 50 / 100) = ceil(500,000.5) = 500,001.
    expect(thresholdMinor(1_000_001, 50)).toBe(500_001);
    expect(thresholdMinor(1_000_000, 62.5)).toBe(625_000);
    expect(sliceAtTiers([0, 500_001], 400_000, 600_000)).toEqual([
      { tier: 0, fromMinor: 400_000, toMinor: 500_001 },
      { tier: 1, fromMinor: 500_001, toMinor: 600_000 },
    ]);
  });
});

describe('retroactive accelerator', () => {
  it('final attainment 120% puts every deal at the accelerated rate', () => {
    // Target 10,000.00; 5% below 100%, 10% from 100%. Deals 5,000 + 7,000 = 12,000 (120%):
    // 5,000 x 10% = 500.00, 7,000 x 10% = 700.00.
    const plan = planRules({
      tierMode: 'retroactive',
      tiers: [
        { fromPct: 0, rateBp: 500 },
        { fromPct: 100, rateBp: 1000 },
      ],
    });
    const r = november(plan, 1_000_000, [
      creditedDeal(1, '2026-11-05', 500_000),
      creditedDeal(2, '2026-11-25', 700_000),
    ]);
    expect(amounts(r)).toEqual([
      ['commission', 50_000],
      ['commission', 70_000],
    ]);
  });
});

describe('type rates and attainment types', () => {
  it('renewals at a flat 3% outside attainment; upsells at 5% inside attainment', () => {
    // Target 10,000.00; tiers 10% to 100%, 20% above; attainment counts new business and upsell.
    // Deal 1 new business 8,000: 10% = 800.00 (0% -> 80%).
    // Deal 2 renewal 5,000: type rate 3% = 150.00; attainment stays 80%.
    // Deal 3 upsell 4,000: type rate 5% = 200.00; attainment 80% -> 120%.
    // Deal 4 new business 1,000: 20% (above 100%) = 200.00 (120% -> 130%).
    const plan = planRules({
      tiers: [
        { fromPct: 0, rateBp: 1000 },
        { fromPct: 100, rateBp: 2000 },
      ],
      typeRates: { renewal: 300, upsell: 500 },
      attainmentTypes: ['new_business', 'upsell'],
    });
    const r = november(plan, 1_000_000, [
      creditedDeal(1, '2026-11-01', 800_000),
      creditedDeal(2, '2026-11-02', 500_000, { type: 'renewal' }),
      creditedDeal(3, '2026-11-03', 400_000, { type: 'upsell' }),
      creditedDeal(4, '2026-11-04', 100_000),
    ]);
    expect(amounts(r)).toEqual([
      ['commission', 80_000],
      ['type_rate', 15_000],
      ['type_rate', 20_000],
      ['commission', 20_000],
    ]);
    expect(r.totals).toMatchObject({
      creditedMinor: 1_800_000,
      attainmentPct: 130,
      commissionMinor: 135_000,
    });
    expect(r.lines[1]?.explanation).toBe('renewal deals earn a flat 3.00%: 3.00% of 5,000.00.');
  });

  it('a tiered deal of a type outside attainment earns the rate where attainment stands', () => {
    // Attainment counts new business only. Deal 1 new business 12,000 of 10,000 -> 120%
    // (10,000 x 10% = 1,000.00 + 2,000 x 20% = 400.00). Deal 2 renewal 1,000, tiered, not counted: 20% = 200.00.
    const plan = planRules({
      tiers: [
        { fromPct: 0, rateBp: 1000 },
        { fromPct: 100, rateBp: 2000 },
      ],
      attainmentTypes: ['new_business'],
    });
    const r = november(plan, 1_000_000, [
      creditedDeal(1, '2026-11-01', 1_200_000),
      creditedDeal(2, '2026-11-02', 100_000, { type: 'renewal' }),
    ]);
    expect(amounts(r)).toEqual([
      ['commission', 100_000],
      ['commission', 40_000],
      ['commission', 20_000],
    ]);
  });
});

describe('no target', () => {
  it('pays every tiered deal the on-target rate, pays no bonus and says so', () => {
    // Target 0; tiers 0%: 0, 50%: 10%, 100%: 15% -> the tier containing 100% is tier 3 (15%).
    // Deal 1,000.00 x 15% = 150.00; the 100.00 bonus at 100% is not paid.
    const plan = planRules({
      tiers: [
        { fromPct: 0, rateBp: 0 },
        { fromPct: 50, rateBp: 1000 },
        { fromPct: 100, rateBp: 1500 },
      ],
      bonuses: [{ label: 'On target', atPct: 100, amountMinor: 10_000 }],
    });
    const r = november(plan, 0, [creditedDeal(1, '2026-11-10', 100_000)]);
    expect(amounts(r)).toEqual([['commission', 15_000]]);
    expect(r.lines[0]?.tier).toBe(2);
    expect(r.totals.attainmentPct).toBe(0);
    expect(r.warnings).toEqual([
      'This period: no target, so attainment cannot be computed; tiered deals earn the on-target rate ' +
        '(15.00%, tier 3: from 100% of target) and target bonuses are not paid.',
    ]);
  });
});
