import { sql } from 'kysely';
import type { LineKind } from '../../src/domain/commissions/types.ts';
import type { Db } from '../../src/store/db.ts';

/** A hand-made commission statement (the engine is not involved), as pay metrics read it. */
export interface StatementRow {
  userId: number;
  periodKey: string;
  start: string;
  end: string;
  status: 'draft' | 'locked' | 'paid';
  currency?: string;
  credited: number;
  lines: Array<{ kind: LineKind; opp: number | null; amount: number }>;
}

/** Inserts a statement as a draft with its lines, then locks (and pays) it: the 0030 guard refuses lines after. */
export async function statement(db: Db, s: StatementRow): Promise<void> {
  const payout = s.lines.reduce((sum, l) => sum + l.amount, 0);
  const { id } = await db
    .insertInto('commission_statements')
    .values({
      user_id: s.userId,
      period_key: s.periodKey,
      period_start: s.start,
      period_end: s.end,
      currency: s.currency ?? 'USD',
      inputs: '{}',
      result: '{}',
      credited_minor: s.credited,
      target_minor: 0,
      attainment_pct: 0,
      payout_minor: payout,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('commission_statement_lines')
    .values(
      s.lines.map((l, i) => ({
        statement_id: id,
        line_no: i + 1,
        kind: l.kind,
        opportunity_id: l.opp,
        label: `${l.kind} ${i + 1}`,
        amount_minor: l.amount,
      })),
    )
    .execute();
  if (s.status !== 'draft')
    await sql`update commission_statements set status = 'locked', locked_at = now() where id = ${id}`.execute(
      db,
    );
  if (s.status === 'paid')
    await sql`update commission_statements set status = 'paid', paid_at = now() where id = ${id}`.execute(db);
}
