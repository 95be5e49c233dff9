import { describe, expect, it } from 'vitest';
import { creditedDeal, november, planRules } from '../../../test/support/commission-fixtures.ts';
import { englishExplanation } from './line-reasons.ts';
import type { StatementResult } from './types.ts';

// Every line carries its reason as data, and the English explanation is exactly that reason rendered: so a
// reader in another language gets the same numbers (issue 19). Money in cents, rates in basis points.

/** Checks every line has a reason that reproduces its explanation, and returns the reasons. */
function reasonsOf(r: StatementResult) {
  return r.lines.map((l) => {
    expect(l.reason, `line ${l.kind} ${l.label} has no reason`).toBeDefined();
    expect(englishExplanation(l.reason!, 'USD')).toBe(l.explanation);
    return l.reason!;
  });
}

describe('structured line reasons', () => {
  it('tier slices, cap and bonus carry rate, tier bounds, attainment and amounts', () => {
    // Target 10,000.00; tiers 0-50% at 5%, from 50% at 10%. One 8,000.00 deal: 5,000.00 at 5% (0 -> 50%) =
    // 250.00, 3,000.00 at 10% (50 -> 80%) = 300.00; earned 550.00 over the 500.00 cap: -50.00. Bonus at 75%: 100.00.
    const rules = planRules({
      tiers: [
        { fromPct: 0, rateBp: 500 },
        { fromPct: 50, rateBp: 1000 },
      ],
      capMinor: 50_000,
      bonuses: [{ label: 'Three quarters', atPct: 75, amountMinor: 10_000 }],
    });
    const r = november(rules, 1_000_000, [creditedDeal(1, '2026-11-03', 800_000)]);
    expect(reasonsOf(r)).toEqual([
      {
        code: 'tier_slice',
        rateBp: 500,
        sliceMinor: 500_000,
        ofCreditedMinor: 800_000,
        credit: null,
        tier: { number: 1, fromPct: 0, toPct: 50, decelerator: false },
        fromPct: 0,
        toPct: 50,
      },
      {
        code: 'tier_slice',
        rateBp: 1000,
        sliceMinor: 300_000,
        ofCreditedMinor: 800_000,
        credit: null,
        tier: { number: 2, fromPct: 50, toPct: null, decelerator: false },
        fromPct: 50,
        toPct: 80,
      },
      { code: 'cap', earnedMinor: 55_000, capMinor: 50_000, prorated: null, unpaidMinor: 5_000 },
      { code: 'bonus', attainmentPct: 80, atPct: 75, amountMinor: 10_000 },
    ]);
    expect(r.lines[1]?.explanation).toBe(
      '10.00% on 3,000.00 of the 8,000.00 credited (tier 2: from 50% of target; attainment 50.00% -> 80.00%).',
    );
  });

  it('a split deal keeps its share in the credit note and the SPIF share', () => {
    // A third (3333 bp) of 9,000.00 = 2,999.70 credited; SPIF 300.00 x 33.33% = 99.99.
    const spif = {
      label: 'Widget push',
      from: '2026-11-10',
      to: '2026-11-20',
      product: 'Widget',
      dealType: null,
      amountMinor: 30_000,
    };
    const r = november(planRules({ spifs: [spif] }), 1_000_000, [
      creditedDeal(1, '2026-11-12', 900_000, { shareBp: 3333, creditedMinor: 299_970, product: 'Widget' }),
    ]);
    const [commission, spifLine] = reasonsOf(r);
    expect(commission).toMatchObject({
      code: 'tier_slice',
      sliceMinor: 299_970,
      ofCreditedMinor: null,
      credit: { share: { shareBp: 3333, dealAmountMinor: 900_000 }, rollUp: false, converted: null },
    });
    expect(spifLine).toEqual({
      code: 'spif',
      label: 'Widget push',
      perDealMinor: 30_000,
      product: 'Widget',
      dealType: null,
      from: '2026-11-10',
      through: '2026-11-19',
      share: { shareBp: 3333, amountMinor: 9_999 },
    });
  });

  it('type rates, retroactive tiers, excluded deals and no target', () => {
    // Renewals at a flat 4%: 4% of 1,000.00 = 40.00 and attainment 0 -> 10%.
    const typed = november(planRules({ typeRates: { renewal: 400 } }), 1_000_000, [
      creditedDeal(1, '2026-11-03', 100_000, { type: 'renewal' }),
      creditedDeal(2, '2026-11-04', 500_000, { currency: 'EUR' }),
    ]);
    expect(reasonsOf(typed)).toEqual([
      {
        code: 'type_rate',
        dealType: 'renewal',
        rateBp: 400,
        creditedMinor: 100_000,
        credit: null,
        attainment: { fromPct: 0, toPct: 10 },
      },
      {
        code: 'excluded_currency',
        dealCurrency: 'EUR',
        planCurrency: 'USD',
        creditedOn: '2026-11-04',
        creditedMinor: 500_000,
      },
    ]);

    // Retroactive: 6,000.00 of 10,000.00 = 60% is in tier 2 (from 50%, 8%), paid on the whole deal.
    const retro = november(
      planRules({
        tierMode: 'retroactive',
        tiers: [
          { fromPct: 0, rateBp: 500 },
          { fromPct: 50, rateBp: 800 },
        ],
      }),
      1_000_000,
      [creditedDeal(1, '2026-11-03', 600_000)],
    );
    expect(reasonsOf(retro)).toEqual([
      {
        code: 'retroactive',
        rateBp: 800,
        creditedMinor: 600_000,
        credit: null,
        finalPct: 60,
        tier: { number: 2, fromPct: 50, toPct: null, decelerator: false },
      },
    ]);

    // No target: the on-target rate (tier 1 here, 10%).
    const none = november(planRules(), 0, [creditedDeal(1, '2026-11-03', 100_000)]);
    expect(reasonsOf(none)).toEqual([
      {
        code: 'no_target',
        rateBp: 1000,
        creditedMinor: 100_000,
        credit: null,
        tier: { number: 1, fromPct: 0, toPct: null, decelerator: false },
      },
    ]);
  });

  it('a tiered deal whose type does not count earns the rate where attainment stands', () => {
    // 6,000.00 new business brings attainment to 60% (tier 2 from 50%, 8%); a 1,000.00 renewal that does not count
    // toward attainment earns 8% there: 80.00.
    const r = november(
      planRules({
        tiers: [
          { fromPct: 0, rateBp: 500 },
          { fromPct: 50, rateBp: 800 },
        ],
        attainmentTypes: ['new_business'],
      }),
      1_000_000,
      [creditedDeal(1, '2026-11-03', 600_000), creditedDeal(2, '2026-11-04', 100_000, { type: 'renewal' })],
    );
    const reasons = reasonsOf(r);
    expect(reasons[2]).toEqual({
      code: 'not_counted_type',
      rateBp: 800,
      creditedMinor: 100_000,
      credit: null,
      tier: { number: 2, fromPct: 50, toPct: null, decelerator: false },
      standsAtPct: 60,
      dealType: 'renewal',
    });
    expect(r.lines[2]?.amountMinor).toBe(8_000);
  });

  it('clawbacks, adjustments and draws', () => {
    // Customer started 2026-09-01, ended 2026-11-15: 75 days within 90; 1,200.00 paid is taken back.
    // Adjustments: dispute #9 from October +50.00, a recompute of a deal -20.00. Earnings -1,170.00 < 1,000.00
    // recoverable draw: topped up by 2,170.00, balance 2,170.00.
    const r = november(
      planRules({ clawbackDays: 90, draw: { amountMinor: 100_000, recoverable: true } }),
      1_000_000,
      [],
      {
        clawbacks: [
          {
            customerId: 7,
            customerName: 'Acme',
            startedOn: '2026-09-01',
            endedOn: '2026-11-15',
            paidByDeal: [{ opportunityId: 41, name: 'Acme platform', paidMinor: 120_000 }],
          },
        ],
        adjustments: [
          {
            fromPeriodKey: '2026-10',
            opportunityId: null,
            label: 'Dispute',
            amountMinor: 5_000,
            source: 'dispute',
            disputeId: 9,
          },
          {
            fromPeriodKey: '2026-10',
            opportunityId: 5,
            label: 'Deal 5 (2026-10 recomputed)',
            amountMinor: -2_000,
            source: 'recompute',
            disputeId: null,
          },
        ],
      },
    );
    expect(reasonsOf(r)).toEqual([
      {
        code: 'clawback',
        customer: 'Acme',
        startedOn: '2026-09-01',
        endedOn: '2026-11-15',
        days: 75,
        limitDays: 90,
        paidMinor: 120_000,
      },
      { code: 'adjustment_dispute', disputeId: 9, periodKey: '2026-10', amountMinor: 5_000 },
      { code: 'adjustment_recompute', periodKey: '2026-10', amountMinor: -2_000, perDeal: true },
      {
        code: 'draw',
        earnedMinor: -117_000,
        drawMinor: 100_000,
        topUpMinor: 217_000,
        recoverable: true,
        balanceMinor: 217_000,
      },
    ]);

    // A later month earning 1,500.00 against the 1,000.00 draw pays back 500.00 of a 700.00 balance.
    const later = november(
      planRules({ draw: { amountMinor: 100_000, recoverable: true } }),
      1_000_000,
      [creditedDeal(1, '2026-11-03', 1_500_000)],
      { drawBalanceMinor: 70_000 },
    );
    expect(reasonsOf(later)[1]).toEqual({
      code: 'draw_recovery',
      earnedMinor: 150_000,
      drawMinor: 100_000,
      excessMinor: 50_000,
      recoveredMinor: 50_000,
      balanceBeforeMinor: 70_000,
      balanceMinor: 20_000,
    });
  });

  it('a deal on a day without a plan names its credit date', () => {
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
    expect(reasonsOf(r)).toEqual([{ code: 'excluded_no_plan', creditedOn: '2026-11-03' }]);
  });
});
