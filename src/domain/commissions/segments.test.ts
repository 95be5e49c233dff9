import { describe, expect, it } from 'vitest';
import { amounts, creditedDeal, november, planRules } from '../../../test/support/commission-fixtures.ts';
import { rampFactor, segmentTargetMinor } from './targets.ts';

// Money in cents, rates in basis points. November 2026 has 30 days.

describe('a mid-period plan change', () => {
  it('cuts the period into segments, each with its own target, tiers, cap and bonuses', () => {
    // Period target 9,000.00. Plan A from 11-01 to 11-11 (10 days), plan B from 11-11 (20 days).
    //   target A = 900,000 x 10/30 = 300,000 (3,000.00); target B = 900,000 x 20/30 = 600,000 (6,000.00).
    //   cap A = 1,000.00 x 10/30 = 333.333 -> 333.33.
    // Deal 1 (11-05, plan A, 4,000.00): 10% = 400.00, above the 333.33 cap -> cap line -66.67.
    // Deal 2 (11-20, plan B, 7,000.00): 6,000 x 5% = 300.00 (0% -> 100%), 1,000 x 20% = 200.00 (100% -> 116.67%);
    //   B's attainment 116.67% reaches its 100% bonus: 200.00.
    // Payout 400.00 - 66.67 + 300.00 + 200.00 + 200.00 = 1,033.33.
    const planA = planRules({ capMinor: 100_000 });
    const planB = planRules({
      tiers: [
        { fromPct: 0, rateBp: 500 },
        { fromPct: 100, rateBp: 2000 },
      ],
      bonuses: [{ label: 'Target', atPct: 100, amountMinor: 20_000 }],
    });
    const targetA = segmentTargetMinor(900_000, 10, 30, 1);
    const targetB = segmentTargetMinor(900_000, 20, 30, 1);
    expect([targetA, targetB]).toEqual([300_000, 600_000]);
    const r = november(
      planA,
      0,
      [creditedDeal(1, '2026-11-05', 400_000), creditedDeal(2, '2026-11-20', 700_000)],
      {
        segments: [
          {
            from: '2026-11-01',
            to: '2026-11-11',
            planId: 1,
            planVersionId: 1,
            rules: planA,
            targetMinor: targetA,
          },
          {
            from: '2026-11-11',
            to: '2026-12-01',
            planId: 2,
            planVersionId: 2,
            rules: planB,
            targetMinor: targetB,
          },
        ],
      },
    );
    expect(r.lines.map((l) => [l.segment, l.kind, l.amountMinor])).toEqual([
      [0, 'commission', 40_000],
      [0, 'cap', -6_667],
      [1, 'commission', 30_000],
      [1, 'commission', 20_000],
      [1, 'bonus', 20_000],
    ]);
    expect(r.lines[1]?.explanation).toBe(
      'Commission of 400.00 is above the cap of 333.33 (1,000.00 x 10/30 days of the period): 66.67 is not paid.',
    );
    // Whole period: 11,000 credited against 9,000 = 122.22%.
    expect(r.totals).toMatchObject({
      targetMinor: 900_000,
      creditedMinor: 1_100_000,
      attainmentPct: 122.22,
      payoutMinor: 103_333,
    });
  });

  it('pays a bonus of the same label once in the period, even if both segments reach it', () => {
    // Both halves (15 days each, 4,500.00 targets) reach 100%: the "Target" bonus is paid in the first only.
    const plan = planRules({ bonuses: [{ label: 'Target', atPct: 100, amountMinor: 20_000 }] });
    const r = november(
      plan,
      0,
      [creditedDeal(1, '2026-11-05', 450_000), creditedDeal(2, '2026-11-20', 450_000)],
      {
        segments: [
          {
            from: '2026-11-01',
            to: '2026-11-16',
            planId: 1,
            planVersionId: 1,
            rules: plan,
            targetMinor: 450_000,
          },
          {
            from: '2026-11-16',
            to: '2026-12-01',
            planId: 1,
            planVersionId: 2,
            rules: plan,
            targetMinor: 450_000,
          },
        ],
      },
    );
    expect(r.lines.filter((l) => l.kind === 'bonus')).toHaveLength(1);
    expect(r.warnings[0]).toContain('paid once per period');
  });
});

describe('ramp', () => {
  it('month k of n carries k/n of the target; a quarter the mean of its months', () => {
    // Hired 2026-10-01, 3 ramp months: October is month 1 (1/3), November month 2 (2/3), December month 3 (1).
    const args = { hireDate: '2026-10-01', rampMonths: 3 };
    expect(rampFactor({ ...args, periodStart: '2026-10-01', periodEnd: '2026-11-01' })).toBeCloseTo(
      1 / 3,
      12,
    );
    expect(rampFactor({ ...args, periodStart: '2026-11-01', periodEnd: '2026-12-01' })).toBeCloseTo(
      2 / 3,
      12,
    );
    expect(rampFactor({ ...args, periodStart: '2026-12-01', periodEnd: '2027-01-01' })).toBe(1);
    // Q4 = (1/3 + 2/3 + 1) / 3 = 2/3.
    expect(rampFactor({ ...args, periodStart: '2026-10-01', periodEnd: '2027-01-01' })).toBeCloseTo(
      2 / 3,
      12,
    );
    // Months before the hire date carry 0: September is 0, so Q3 with an October hire = 0.
    expect(rampFactor({ ...args, periodStart: '2026-07-01', periodEnd: '2026-10-01' })).toBe(0);
    // No hire date, or no ramp: 1.
    expect(
      rampFactor({ hireDate: null, rampMonths: 3, periodStart: '2026-11-01', periodEnd: '2026-12-01' }),
    ).toBe(1);
    expect(
      rampFactor({
        hireDate: '2026-11-01',
        rampMonths: 0,
        periodStart: '2026-11-01',
        periodEnd: '2026-12-01',
      }),
    ).toBe(1);
  });

  it('a hire in the middle of a month carries 0 before the hire date', () => {
    // Hired 2026-11-16, 2 ramp months: November 1-15 carry 0, 16-30 carry 1/2: (15 x 0 + 15 x 1/2) / 30 = 0.25.
    expect(
      rampFactor({
        hireDate: '2026-11-16',
        rampMonths: 2,
        periodStart: '2026-11-01',
        periodEnd: '2026-12-01',
      }),
    ).toBe(0.25);
    // 9,000.00 x 0.25 = 2,250.00.
    expect(segmentTargetMinor(900_000, 30, 30, 0.25)).toBe(225_000);
  });

  it('a ramped target drives the statement: month 2 of 3 holds the junior to 2/3 of 10,000', () => {
    // Target 1,000,000 x 30/30 x 2/3 = 666,666.67 -> 666,667 (6,666.67). A 7,000.00 deal reaches 105.00%:
    // junior plan (retroactive, 10% from 100%) pays 700.00.
    const ramp = rampFactor({
      hireDate: '2026-10-01',
      rampMonths: 3,
      periodStart: '2026-11-01',
      periodEnd: '2026-12-01',
    });
    const target = segmentTargetMinor(1_000_000, 30, 30, ramp);
    expect(target).toBe(666_667);
    const junior = planRules({
      tierMode: 'retroactive',
      tiers: [
        { fromPct: 0, rateBp: 0 },
        { fromPct: 100, rateBp: 1000 },
      ],
      ramp: true,
    });
    const r = november(junior, target, [creditedDeal(1, '2026-11-10', 700_000)]);
    expect(amounts(r)).toEqual([['commission', 70_000]]);
    expect(r.totals.attainmentPct).toBe(105);
  });

  it('segment targets round half away from zero', () => {
    // 1,000.01 x 15/30 = 500.005 -> 500.01; 3 cents x 1/2 = 1.5 -> 2.
    expect(segmentTargetMinor(100_001, 15, 30, 1)).toBe(50_001);
    expect(segmentTargetMinor(3, 30, 30, 0.5)).toBe(2);
  });
});
