import { describe, expect, it } from 'vitest';
import { amounts, creditedDeal, november, planRules } from '../../../test/support/commission-fixtures.ts';
import { splitCredits } from './money.ts';

// Money in cents (1,000.00 = 100_000), rates in basis points (1000 = 10%), target 10,000.00 unless said.

describe('cap', () => {
  it('commission above the cap gives one negative cap line', () => {
    // 10% of 3,000 + 4,000 = 300.00 + 400.00 = 700.00; cap 500.00 -> cap line -200.00.
    const r = november(planRules({ capMinor: 50_000 }), 1_000_000, [
      creditedDeal(1, '2026-11-03', 300_000),
      creditedDeal(2, '2026-11-04', 400_000),
    ]);
    expect(amounts(r)).toEqual([
      ['commission', 30_000],
      ['commission', 40_000],
      ['cap', -20_000],
    ]);
    expect(r.totals.commissionMinor).toBe(50_000);
    expect(r.lines[2]?.explanation).toBe(
      'Commission of 700.00 is above the cap of 500.00: 200.00 is not paid.',
    );
    // The curve holds commission to the cap as it goes: 300.00, then min(700.00, 500.00).
    expect(r.curve.map((p) => p.commissionToDateMinor)).toEqual([30_000, 50_000]);
  });

  it('does not cap bonuses or SPIFs', () => {
    // 10% of 10,000 = 1,000.00 capped at 500.00 (-500.00); the 200.00 bonus at 100% is still paid in full.
    const r = november(
      planRules({ capMinor: 50_000, bonuses: [{ label: 'Target', atPct: 100, amountMinor: 20_000 }] }),
      1_000_000,
      [creditedDeal(1, '2026-11-03', 1_000_000)],
    );
    expect(amounts(r)).toEqual([
      ['commission', 100_000],
      ['cap', -50_000],
      ['bonus', 20_000],
    ]);
    expect(r.totals.payoutMinor).toBe(70_000);
  });
});

describe('target bonuses', () => {
  const plan = planRules({
    bonuses: [
      { label: 'On target', atPct: 100, amountMinor: 50_000 },
      { label: 'Club', atPct: 150, amountMinor: 100_000 },
    ],
  });

  it('pays each bonus whose attainment is reached, once', () => {
    // 6,000 + 5,000 = 11,000 of 10,000 = 110%: "On target" (100%) 500.00 paid, "Club" (150%) not.
    // Commission 10% of 11,000 = 1,100.00 (600.00 + 500.00). Payout 1,600.00.
    const r = november(plan, 1_000_000, [
      creditedDeal(1, '2026-11-03', 600_000),
      creditedDeal(2, '2026-11-13', 500_000),
    ]);
    expect(amounts(r)).toEqual([
      ['commission', 60_000],
      ['commission', 50_000],
      ['bonus', 50_000],
    ]);
    expect(r.totals).toMatchObject({ bonusMinor: 50_000, payoutMinor: 160_000 });
  });

  it('one cent short of the target pays no bonus', () => {
    const r = november(plan, 1_000_000, [creditedDeal(1, '2026-11-03', 999_999)]);
    expect(r.totals.bonusMinor).toBe(0);
    expect(r.totals.attainmentPct).toBe(100); // 99.9999% shows as 100.00 but does not reach it
  });
});

describe('SPIFs', () => {
  const spif = {
    label: 'Widget push',
    from: '2026-11-10',
    to: '2026-11-20',
    product: 'Widget',
    dealType: null,
    amountMinor: 30_000,
  };

  it("pays per matching deal in the window, times the person's share of a split deal", () => {
    // Deal 1: Widget 9,000.00 split in thirds; this person's share 3333 bp:
    //   credited round(900,000 x 3333 / 10000) = round(299,970) = 299,970 -> 10% = 29,997 (299.97);
    //   SPIF round(30,000 x 3333 / 10000) = round(9,999) = 9,999 (99.99).
    // Deal 2: Widget on 2026-11-20, outside [11-10, 11-20): no SPIF. Deal 3: Gadget: no SPIF.
    const r = november(planRules({ spifs: [spif] }), 1_000_000, [
      creditedDeal(1, '2026-11-12', 900_000, {
        product: 'Widget',
        shareBp: 3333,
        creditedMinor: 299_970,
        role: 'split',
      }),
      creditedDeal(2, '2026-11-20', 100_000, { product: 'Widget' }),
      creditedDeal(3, '2026-11-15', 100_000, { product: 'Gadget' }),
    ]);
    expect(amounts(r)).toEqual([
      ['commission', 29_997],
      ['commission', 10_000],
      ['commission', 10_000],
      ['spif', 9_999],
    ]);
    expect(r.lines[0]?.explanation).toBe(
      '10.00% on 2,999.70, your 33.33% share of 9,000.00 (tier 1: from 0% of target; attainment 0.00% -> 30.00%).',
    );
    expect(r.lines[3]?.explanation).toBe(
      'SPIF "Widget push": 300.00 per Widget deal credited 2026-11-10 to 2026-11-19 x your 33.33% share = 99.99.',
    );
  });

  it('a half-share of an odd cent amount rounds half away from zero', () => {
    // 300.01 x 5000 / 10000 = 150.005 -> 150.01.
    const r = november(planRules({ spifs: [{ ...spif, amountMinor: 30_001 }] }), 1_000_000, [
      creditedDeal(1, '2026-11-12', 200_000, { product: 'Widget', shareBp: 5000, creditedMinor: 100_000 }),
    ]);
    expect(r.lines.find((l) => l.kind === 'spif')?.amountMinor).toBe(15_001);
  });

  it('a SPIF on a deal type matches every product of that type', () => {
    const r = november(
      planRules({ spifs: [{ ...spif, product: null, dealType: 'upsell', amountMinor: 5_000 }] }),
      1_000_000,
      [
        creditedDeal(1, '2026-11-12', 100_000, { type: 'upsell', product: 'Gadget' }),
        creditedDeal(2, '2026-11-13', 100_000, { type: 'new_business' }),
      ],
    );
    expect(r.totals.spifMinor).toBe(5_000);
  });
});

describe('split deals', () => {
  it('credits thirds so they add up to the deal, the highest user id taking the remainder', () => {
    // 100.00 in thirds: round(3,333.3) = 3,333; 3,333; last 10,000 - 6,666 = 3,334.
    expect([
      ...splitCredits(10_000, [
        { userId: 9, shareBp: 3334 },
        { userId: 2, shareBp: 3333 },
        { userId: 5, shareBp: 3333 },
      ]),
    ]).toEqual([
      [2, 3333],
      [5, 3333],
      [9, 3334],
    ]);
    // 0.10 in halves of 3 cents... 3 cents in halves: round(1.5) = 2, last 3 - 2 = 1.
    expect([
      ...splitCredits(3, [
        { userId: 1, shareBp: 5000 },
        { userId: 2, shareBp: 5000 },
      ]),
    ]).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(() => splitCredits(100, [{ userId: 1, shareBp: 9000 }])).toThrow(/9000 bp/);
  });
});

describe('notices: the warnings as codes and values', () => {
  it('a period without a target and deals outside the plan give one notice per warning, in order', () => {
    const r = november(planRules(), 0, [creditedDeal(1, '2026-11-03', 100_000)], {
      segments: [
        {
          from: '2026-11-10',
          to: '2026-12-01',
          planId: 1,
          planVersionId: 1,
          rules: planRules(),
          targetMinor: 0,
        },
      ],
    });
    expect(r.warnings).toHaveLength(2);
    expect(r.notices).toEqual([
      {
        code: 'no_target_segment',
        params: {
          segment: 1,
          from: '2026-11-10',
          to: '2026-12-01',
          rateBp: expect.any(Number),
          tier: expect.any(Number),
        },
      },
      { code: 'outside_plan', params: { count: 1 } },
    ]);
  });
});

describe('currencies and days without a plan', () => {
  it('lists a deal in another currency as excluded, at 0, with a warning', () => {
    const r = november(planRules(), 1_000_000, [
      creditedDeal(1, '2026-11-03', 100_000),
      creditedDeal(2, '2026-11-04', 500_000, { currency: 'EUR' }),
    ]);
    expect(amounts(r)).toEqual([
      ['commission', 10_000],
      ['excluded', 0],
    ]);
    expect(r.lines[1]?.explanation).toBe(
      'Not counted: the deal is in EUR and the plan pays in USD (deals are converted to the workspace currency by ' +
        'the exchange rate in effect on their credit date, and none was in effect on 2026-11-04); 5,000.00 EUR credited.',
    );
    expect(r.totals.creditedMinor).toBe(100_000);
    expect(r.warnings).toEqual(['1 deal(s) in another currency than USD are not counted.']);
    // The same note as a code and values, which the web app says in the reader's language.
    expect(r.notices).toEqual([{ code: 'other_currency', params: { count: 1, currency: 'USD' } }]);
  });

  it('lists a deal credited outside every segment as excluded', () => {
    const r = november(planRules(), 1_000_000, [creditedDeal(1, '2026-11-03', 100_000)], {
      segments: [
        {
          from: '2026-11-10',
          to: '2026-12-01',
          planId: 1,
          planVersionId: 1,
          rules: planRules(),
          targetMinor: 700_000,
        },
      ],
    });
    expect(amounts(r)).toEqual([['excluded', 0]]);
    expect(r.lines[0]?.explanation).toContain('no plan was assigned');
  });
});

describe('attainment curve', () => {
  it('has one point per deal in credit order with credited, attainment and commission to date', () => {
    // Target 10,000; 10% then 15% above 100%. Deals 6,000 (11-05) and 6,000 (11-20):
    // 60% and 600.00, then 120% and 600.00 + 400.00 + 300.00 = 1,300.00.
    const plan = planRules({
      tiers: [
        { fromPct: 0, rateBp: 1000 },
        { fromPct: 100, rateBp: 1500 },
      ],
    });
    const r = november(plan, 1_000_000, [
      creditedDeal(1, '2026-11-05', 600_000),
      creditedDeal(2, '2026-11-20', 600_000),
    ]);
    expect(r.curve).toEqual([
      {
        date: '2026-11-05',
        opportunityId: 1,
        creditedToDateMinor: 600_000,
        attainmentPct: 60,
        commissionToDateMinor: 60_000,
      },
      {
        date: '2026-11-20',
        opportunityId: 2,
        creditedToDateMinor: 1_200_000,
        attainmentPct: 120,
        commissionToDateMinor: 130_000,
      },
    ]);
  });
});
