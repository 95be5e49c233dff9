import { describe, expect, it } from 'vitest';
import {
  amounts,
  creditedDeal,
  expectAddsUp,
  november,
  novemberInput,
  planRules,
} from '../../../test/support/commission-fixtures.ts';
import { priorPeriodAdjustments } from './adjustments.ts';
import { computeStatement } from './compute-statement.ts';
import type { StatementResult } from './types.ts';

// Money in cents, rates in basis points; 10% on everything, target 10,000.00 unless said.

describe('clawbacks', () => {
  const churned = {
    customerId: 7,
    customerName: 'Acme',
    startedOn: '2026-09-01',
    endedOn: '2026-11-15',
    paidByDeal: [
      { opportunityId: 41, name: 'Acme platform', paidMinor: 120_000 },
      { opportunityId: 42, name: 'Acme pilot', paidMinor: 0 },
    ],
  };

  it('takes back what was paid on the deals of a customer that ended within clawbackDays', () => {
    // Started 2026-09-01, ended 2026-11-15: 75 days <= 90. Deal 41 paid 1,200.00 -> -1,200.00; deal 42 paid 0:
    // no line. With this month's 5,000.00 deal at 10% (500.00) the payout is 500.00 - 1,200.00 = -700.00.
    const r = november(planRules({ clawbackDays: 90 }), 1_000_000, [creditedDeal(1, '2026-11-03', 500_000)], {
      clawbacks: [churned],
    });
    expect(amounts(r)).toEqual([
      ['commission', 50_000],
      ['clawback', -120_000],
    ]);
    expect(r.lines[1]).toMatchObject({ opportunityId: 41, label: 'Acme platform', segment: 0 });
    expect(r.lines[1]?.explanation).toBe(
      'Customer Acme ended on 2026-11-15, 75 days after it started on 2026-09-01 (the plan claws back within ' +
        '90 days): the 1,200.00 paid on this deal in locked statements is taken back.',
    );
    expect(r.totals).toMatchObject({ clawbackMinor: -120_000, payoutMinor: -70_000 });
    expect(r.warnings[0]).toContain('negative');
  });

  it('keeps the commission when the customer lasted longer, or the plan has no clawback', () => {
    // 75 days > 60: no clawback. clawbackDays null: never.
    expect(november(planRules({ clawbackDays: 60 }), 1_000_000, [], { clawbacks: [churned] }).lines).toEqual(
      [],
    );
    expect(november(planRules(), 1_000_000, [], { clawbacks: [churned] }).lines).toEqual([]);
  });

  it('uses the clawbackDays of the rules in effect on the end date', () => {
    // Plan until 11-10 claws back within 90 days, plan from 11-10 never: the churn on 11-15 falls in the second.
    const before = planRules({ clawbackDays: 90 });
    const after = planRules();
    const segments = [
      {
        from: '2026-11-01',
        to: '2026-11-10',
        planId: 1,
        planVersionId: 1,
        rules: before,
        targetMinor: 300_000,
      },
      {
        from: '2026-11-10',
        to: '2026-12-01',
        planId: 1,
        planVersionId: 2,
        rules: after,
        targetMinor: 700_000,
      },
    ];
    expect(november(before, 0, [], { segments, clawbacks: [churned] }).lines).toEqual([]);
    const earlyChurn = { ...churned, endedOn: '2026-11-05' };
    expect(amounts(november(before, 0, [], { segments, clawbacks: [earlyChurn] }))).toEqual([
      ['clawback', -120_000],
    ]);
  });
});

describe('prior-period adjustments', () => {
  it('recomputes a locked period and turns per-deal differences into adjustment lines', () => {
    // October, locked: target 10,000.00, 10% and a 500.00 bonus at 100%.
    //   Deal 7: 6,000.00 -> 600.00; deal 8: 4,000.00 -> 400.00; attainment 100% -> bonus 500.00. Paid 1,500.00.
    // After lock deal 7 is corrected to 5,000.00. Recomputed: deal 7 500.00, deal 8 400.00, attainment 90%: no bonus.
    // An earlier adjustment already took back 20.00 on deal 7 (a dispute), in a later locked statement.
    //   Deal 7: 500.00 - 600.00 - (-20.00) = -80.00. Deal 8: 400.00 - 400.00 = 0 (no line).
    //   Bonus: 0 - 500.00 = -500.00.
    const plan = planRules({ bonuses: [{ label: 'On target', atPct: 100, amountMinor: 50_000 }] });
    const october = (amount7: number) =>
      computeStatement(
        novemberInput(
          plan,
          1_000_000,
          [
            creditedDeal(7, '2026-10-05', amount7, { name: 'Globex' }),
            creditedDeal(8, '2026-10-20', 400_000, { name: 'Initech' }),
          ],
          {
            periodKey: '2026-10',
            periodStart: '2026-10-01',
            periodEnd: '2026-11-01',
            segments: [
              {
                from: '2026-10-01',
                to: '2026-11-01',
                planId: 1,
                planVersionId: 1,
                rules: plan,
                targetMinor: 1_000_000,
              },
            ],
          },
        ),
      );
    const byDeal = (r: StatementResult) =>
      r.lines.map((l) => ({ opportunityId: l.opportunityId, name: l.label, amountMinor: l.amountMinor }));
    const locked = october(600_000);
    expect(locked.totals.payoutMinor).toBe(150_000);
    const adjustments = priorPeriodAdjustments({
      fromPeriodKey: '2026-10',
      locked: byDeal(locked),
      recomputed: byDeal(october(500_000)),
      alreadyAdjusted: [{ opportunityId: 7, name: 'Globex', amountMinor: -2_000 }],
    });
    expect(adjustments).toEqual([
      {
        fromPeriodKey: '2026-10',
        opportunityId: 7,
        label: 'Globex (2026-10 recomputed)',
        amountMinor: -8_000,
        source: 'recompute',
        disputeId: null,
      },
      {
        fromPeriodKey: '2026-10',
        opportunityId: null,
        label: 'On target (2026-10 recomputed)',
        amountMinor: -50_000,
        source: 'recompute',
        disputeId: null,
      },
    ]);

    // November: a 3,000.00 deal at 10% = 300.00, minus the two adjustments: 300.00 - 80.00 - 500.00 = -280.00.
    const r = november(plan, 1_000_000, [creditedDeal(9, '2026-11-02', 300_000)], { adjustments });
    expect(r.lines.map((l) => [l.kind, l.fromPeriodKey, l.amountMinor])).toEqual([
      ['commission', null, 30_000],
      ['adjustment', '2026-10', -8_000],
      ['adjustment', '2026-10', -50_000],
    ]);
    expect(r.totals).toMatchObject({ adjustmentMinor: -58_000, payoutMinor: -28_000 });
    expect(r.lines[1]?.explanation).toContain('The locked 2026-10 statement, recomputed with today');
  });

  it('gives nothing when the recomputed period matches what was paid and adjusted', () => {
    const rows = [{ opportunityId: 1, name: 'A', amountMinor: 100 }];
    expect(
      priorPeriodAdjustments({
        fromPeriodKey: '2026-10',
        locked: rows,
        recomputed: rows,
        alreadyAdjusted: [],
      }),
    ).toEqual([]);
    // A deal paid 1.00 in October, recomputed at 1.50, already adjusted by +0.50: nothing more owed.
    expect(
      priorPeriodAdjustments({
        fromPeriodKey: '2026-10',
        locked: rows,
        recomputed: [{ opportunityId: 1, name: 'A', amountMinor: 150 }],
        alreadyAdjusted: [{ opportunityId: 1, name: 'A', amountMinor: 50 }],
      }),
    ).toEqual([]);
  });

  it('shows an accepted dispute as an adjustment line', () => {
    const r = november(planRules(), 1_000_000, [], {
      adjustments: [
        {
          fromPeriodKey: '2026-10',
          opportunityId: 3,
          label: 'Dispute: split',
          amountMinor: 12_345,
          source: 'dispute',
          disputeId: 4,
        },
      ],
    });
    expect(r.lines[0]?.explanation).toBe('Accepted dispute #4 on the locked 2026-10 statement: 123.45.');
  });
});

describe('draws', () => {
  const recoverable = planRules({ draw: { amountMinor: 100_000, recoverable: true } });

  it('a recoverable draw over three periods: topped up, then paid back from earnings above the draw', () => {
    // Draw 1,000.00 recoverable, 10% on everything.
    // Month 1: deal 3,000.00 -> 300.00 earned < 1,000.00: draw line 700.00, balance 0 + 700.00 = 700.00. Paid 1,000.00.
    const m1 = november(recoverable, 1_000_000, [creditedDeal(1, '2026-11-05', 300_000)]);
    expect(amounts(m1)).toEqual([
      ['commission', 30_000],
      ['draw', 70_000],
    ]);
    expect([m1.drawBalanceMinor, m1.totals.payoutMinor, m1.totals.drawMinor]).toEqual([
      70_000, 100_000, 70_000,
    ]);
    // Month 2: 15,000.00 -> 1,500.00 earned, 500.00 above the draw: recovery -min(700.00, 500.00) = -500.00,
    // balance 200.00. Paid 1,000.00.
    const m2 = next(m1, 1_500_000);
    expect(amounts(m2)).toEqual([
      ['commission', 150_000],
      ['draw_recovery', -50_000],
    ]);
    expect([m2.drawBalanceMinor, m2.totals.payoutMinor]).toEqual([20_000, 100_000]);
    expect(m2.lines[1]?.explanation).toBe(
      'Earnings of 1,500.00 exceed the 1,000.00 draw by 500.00: 500.00 of the 700.00 recoverable draw balance is ' +
        'paid back (balance now 200.00).',
    );
    // Month 3: 20,000.00 -> 2,000.00 earned, 1,000.00 above: recovery -min(200.00, 1,000.00) = -200.00, balance 0.
    // Paid 1,800.00.
    const m3 = next(m2, 2_000_000);
    expect(amounts(m3)).toEqual([
      ['commission', 200_000],
      ['draw_recovery', -20_000],
    ]);
    expect([m3.drawBalanceMinor, m3.totals.payoutMinor]).toEqual([0, 180_000]);

    function next(prev: StatementResult, amount: number): StatementResult {
      return november(recoverable, 1_000_000, [creditedDeal(2, '2026-11-05', amount)], {
        drawBalanceMinor: prev.drawBalanceMinor,
      });
    }
  });

  it('a non-recoverable draw tops up and is never paid back', () => {
    // 300.00 earned, draw 1,000.00: top-up 700.00, balance stays 0; next month 1,500.00 earned: no recovery.
    const plan = planRules({ draw: { amountMinor: 100_000, recoverable: false } });
    const m1 = november(plan, 1_000_000, [creditedDeal(1, '2026-11-05', 300_000)]);
    expect(amounts(m1)).toEqual([
      ['commission', 30_000],
      ['draw', 70_000],
    ]);
    expect(m1.drawBalanceMinor).toBe(0);
    const m2 = november(plan, 1_000_000, [creditedDeal(1, '2026-11-05', 1_500_000)]);
    expect(amounts(m2)).toEqual([['commission', 150_000]]);
  });

  it('counts clawbacks and adjustments in the earnings the draw tops up', () => {
    // 300.00 commission - 500.00 adjustment = -200.00 earned: the top-up to a 1,000.00 draw is 1,200.00.
    const r = november(recoverable, 1_000_000, [creditedDeal(1, '2026-11-05', 300_000)], {
      adjustments: [
        {
          fromPeriodKey: '2026-10',
          opportunityId: null,
          label: 'Bonus',
          amountMinor: -50_000,
          source: 'recompute',
          disputeId: null,
        },
      ],
    });
    expect(amounts(expectAddsUp(r))).toEqual([
      ['commission', 30_000],
      ['adjustment', -50_000],
      ['draw', 120_000],
    ]);
    expect(r.drawBalanceMinor).toBe(120_000);
  });
});
