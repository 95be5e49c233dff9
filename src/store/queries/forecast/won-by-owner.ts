import { sql } from 'kysely';
import type { WonTotals } from '../../../domain/forecast/inputs.ts';
import { ownerKey } from '../../../domain/forecast/scope.ts';
import type { Db } from '../../db.ts';

/** Revenue and deals won in [from, to), by owner key; empty when the range is empty. */
export async function wonByOwner(db: Db, from: Date, to: Date): Promise<Map<string, WonTotals>> {
  const out = new Map<string, WonTotals>();
  if (to.getTime() <= from.getTime()) return out;
  const rows = await db
    .selectFrom('opportunities')
    .select([
      'owner_id',
      sql<number>`coalesce(sum(amount_minor), 0)`.as('amount'),
      sql<number>`count(*)`.as('count'),
    ])
    .where('status', '=', 'won')
    .where('closed_at', '>=', from)
    .where('closed_at', '<', to)
    .groupBy('owner_id')
    .execute();
  for (const r of rows) out.set(ownerKey(r.owner_id), { amount: Number(r.amount), count: Number(r.count) });
  return out;
}
