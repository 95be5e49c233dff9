import type { StatementInput, StatementResult } from '../../src/domain/commissions/types.ts';
import type { Db } from '../../src/store/db.ts';

/**
 * Writes a statement with lines straight into the store (no engine): access and workflow tests need statements
 * in each status, not a computation. Locking goes through an UPDATE, as the store does, so the 0030 trigger sees
 * the same transitions as in production.
 */
export async function insertStatement(
  db: Db,
  s: {
    userId: number;
    periodKey: string;
    periodStart: string;
    periodEnd: string;
    status: 'draft' | 'locked' | 'paid';
    payoutMinor: number;
    lines?: Array<{
      kind: 'commission' | 'bonus';
      opportunityId?: number | null;
      label: string;
      amountMinor: number;
    }>;
  },
): Promise<{ id: number; lineIds: number[] }> {
  const lines = s.lines ?? [{ kind: 'commission' as const, label: 'Deal', amountMinor: s.payoutMinor }];
  const input: StatementInput = {
    userId: s.userId,
    periodKey: s.periodKey,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    segments: [],
    deals: [],
    clawbacks: [],
    adjustments: [],
    drawBalanceMinor: 0,
  };
  const result: StatementResult = {
    currency: 'USD',
    lines: [],
    totals: {
      creditedMinor: 0,
      targetMinor: 0,
      attainmentPct: 0,
      commissionMinor: s.payoutMinor,
      bonusMinor: 0,
      spifMinor: 0,
      clawbackMinor: 0,
      adjustmentMinor: 0,
      drawMinor: 0,
      payoutMinor: s.payoutMinor,
    },
    curve: [],
    drawBalanceMinor: 0,
    warnings: [],
  };
  const row = await db
    .insertInto('commission_statements')
    .values({
      user_id: s.userId,
      period_key: s.periodKey,
      period_start: s.periodStart,
      period_end: s.periodEnd,
      currency: 'USD',
      inputs: JSON.stringify(input),
      result: JSON.stringify(result),
      credited_minor: 0,
      target_minor: 0,
      attainment_pct: 0,
      payout_minor: s.payoutMinor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const inserted = await db
    .insertInto('commission_statement_lines')
    .values(
      lines.map((l, i) => ({
        statement_id: row.id,
        line_no: i + 1,
        kind: l.kind,
        opportunity_id: l.opportunityId ?? null,
        label: l.label,
        amount_minor: l.amountMinor,
      })),
    )
    .returning('id')
    .execute();
  if (s.status !== 'draft') {
    await db
      .updateTable('commission_statements')
      .set({ status: 'locked', locked_at: new Date('2026-12-02T09:00:00Z') })
      .where('id', '=', row.id)
      .execute();
  }
  if (s.status === 'paid') {
    await db
      .updateTable('commission_statements')
      .set({ status: 'paid', paid_at: new Date('2026-12-05T09:00:00Z') })
      .where('id', '=', row.id)
      .execute();
  }
  return { id: row.id, lineIds: inserted.map((l) => l.id) };
}
