import type { Db } from '../../src/store/db.ts';

/** One history row of a hand-built deal: what changed at `at` (stage name, amount, close date, owner). */
export interface Step {
  at: string;
  stage: string;
  amount: number;
  close: string | null;
  owner: number;
}

/**
 * Inserts a deal whose current values are its last step's, and one opportunity_history row per step (the first at
 * creation). `closedAt` and `status` close it; `currency` defaults to USD.
 */
export async function dealWithHistory(
  db: Db,
  p: { id: number; stage: (name: string) => number },
  d: { name: string; steps: Step[]; status?: 'open' | 'won' | 'lost'; closedAt?: string; currency?: string },
): Promise<number> {
  const first = d.steps[0]!;
  const last = d.steps[d.steps.length - 1]!;
  const { id } = await db
    .insertInto('opportunities')
    .values({
      name: d.name,
      owner_id: last.owner,
      pipeline_id: p.id,
      stage_id: p.stage(last.stage),
      status: d.status ?? 'open',
      amount_minor: last.amount,
      currency: d.currency ?? 'USD',
      expected_close_date: last.close,
      created_at: first.at,
      closed_at: d.closedAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('opportunity_history')
    .values(
      d.steps.map((s) => ({
        opportunity_id: id,
        changed_at: s.at,
        stage_id: p.stage(s.stage),
        amount_minor: s.amount,
        expected_close_date: s.close,
        owner_id: s.owner,
      })),
    )
    .execute();
  return id;
}
