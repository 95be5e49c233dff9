import { expect } from 'vitest';
import { computeStatement } from '../../src/domain/commissions/compute-statement.ts';
import type {
  CreditedDeal,
  PlanRules,
  StatementInput,
  StatementResult,
} from '../../src/domain/commissions/types.ts';

/**
 * Builders for hand-computed commission cases: a USD plan paying 10% on everything unless told otherwise, deals
 * owned whole, and a November 2026 statement (30 days) with one segment.
 */
export function planRules(over: Partial<PlanRules> = {}): PlanRules {
  return {
    currency: 'USD',
    period: 'month',
    creditOn: 'close',
    tierMode: 'marginal',
    tiers: [{ fromPct: 0, rateBp: 1000 }],
    typeRates: {},
    attainmentTypes: ['new_business', 'upsell', 'renewal'],
    capMinor: null,
    bonuses: [],
    spifs: [],
    draw: null,
    ramp: false,
    rollUp: false,
    clawbackDays: null,
    ...over,
  };
}

export function creditedDeal(
  opportunityId: number,
  creditedOn: string,
  amountMinor: number,
  over: Partial<CreditedDeal> = {},
): CreditedDeal {
  return {
    opportunityId,
    name: `Deal ${opportunityId}`,
    creditedOn,
    type: 'new_business',
    product: null,
    currency: 'USD',
    amountMinor,
    shareBp: 10_000,
    creditedMinor: amountMinor,
    role: 'owner',
    ...over,
  };
}

export function novemberInput(
  rules: PlanRules,
  targetMinor: number,
  deals: CreditedDeal[],
  over: Partial<StatementInput> = {},
): StatementInput {
  return {
    userId: 1,
    periodKey: '2026-11',
    periodStart: '2026-11-01',
    periodEnd: '2026-12-01',
    segments: [{ from: '2026-11-01', to: '2026-12-01', planId: 1, planVersionId: 1, rules, targetMinor }],
    deals,
    clawbacks: [],
    adjustments: [],
    drawBalanceMinor: 0,
    ...over,
  };
}

/** Computes a November statement and checks it adds up: payout = sum of lines = sum of the totals' parts. */
export function november(
  rules: PlanRules,
  targetMinor: number,
  deals: CreditedDeal[],
  over: Partial<StatementInput> = {},
): StatementResult {
  return expectAddsUp(computeStatement(novemberInput(rules, targetMinor, deals, over)));
}

export function expectAddsUp(result: StatementResult): StatementResult {
  const t = result.totals;
  expect(t.payoutMinor).toBe(result.lines.reduce((s, l) => s + l.amountMinor, 0));
  expect(
    t.commissionMinor + t.bonusMinor + t.spifMinor + t.clawbackMinor + t.adjustmentMinor + t.drawMinor,
  ).toBe(t.payoutMinor);
  for (const line of result.lines) {
    expect(Number.isSafeInteger(line.amountMinor)).toBe(true);
    expect(line.explanation.length).toBeGreaterThan(10);
  }
  return result;
}

/** The lines' amounts, for compact assertions. */
export const amounts = (r: StatementResult) => r.lines.map((l) => [l.kind, l.amountMinor]);
