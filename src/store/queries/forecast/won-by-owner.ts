import { sql } from 'kysely';
import type { WonTotals } from '../../../domain/forecast/inputs.ts';
import { ownerKey } from '../../../domain/forecast/scope.ts';
import type { Db } from '../../db.ts';
import { toWorkspaceCurrency } from '../money/to-workspace-currency.ts';

/**
 * Revenue and deals won in [from, to), by owner key; empty when the range is empty. Revenue is in the workspace
 * currency, each deal converted by the rate of its local close date (a deal without one adds no revenue but counts).
 */
export async function wonByOwner(db: Db, from: Date, to: Date): Promise<Map<string, WonTotals>> {
  return (await wonByOwnerMany(db, [{ from, to }]))[0] ?? new Map();
}

/** wonByOwner for several ranges in one query (a backtest's checkpoints); element i answers `ranges[i]`. */
export async function wonByOwnerMany(
  db: Db,
  ranges: readonly { from: Date; to: Date }[],
): Promise<Map<string, WonTotals>[]> {
  const out = ranges.map(() => new Map<string, WonTotals>());
  if (ranges.length === 0) return out;
  const r = await sql<{ i: number; owner_id: number | null; amount: number; count: number }>`
    select r.i, o.owner_id, coalesce(sum(${toWorkspaceCurrency(sql`o.amount_minor`, sql`o.currency`, sql`(o.closed_at at time zone z.tz)::date`)}), 0) as amount,
      count(*) as count
    from unnest(${sql.val(ranges.map((x) => x.from.toISOString()))}::timestamptz[],
      ${sql.val(ranges.map((x) => x.to.toISOString()))}::timestamptz[]) with ordinality r(from_at, to_at, i)
    join opportunities o on o.status = 'won' and o.closed_at >= r.from_at and o.closed_at < r.to_at
    cross join (select time_zone as tz from settings where id = 1) z
    group by r.i, o.owner_id`.execute(db);
  for (const row of r.rows) {
    out[Number(row.i) - 1]?.set(ownerKey(row.owner_id), {
      amount: Number(row.amount),
      count: Number(row.count),
    });
  }
  return out;
}
