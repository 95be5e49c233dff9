import { sql } from 'kysely';
import type { CreatedDeal } from '../../../domain/forecast/new-pipeline.ts';
import { ownerKey } from '../../../domain/forecast/scope.ts';
import type { Db } from '../../db.ts';

/**
 * Deals created in [from, at) with their local creation day, the local day they were won when that was before
 * `at` (a later win is not known at `at`, so it reads as not won), and their amount: what the new-pipeline model
 * learns from. Also the local day of the first deal ever recorded, so days before it are not read as quiet days.
 */
export async function createdDealsBefore(
  db: Db,
  from: Date,
  at: Date,
  timeZone: string,
): Promise<{ deals: CreatedDeal[]; firstDate: string | null }> {
  const [rows, first] = await Promise.all([
    sql<{ owner_id: number | null; created_date: string; won_date: string | null; amount_minor: number }>`
      select owner_id, to_char((created_at at time zone ${timeZone})::date, 'YYYY-MM-DD') as created_date,
        case when status = 'won' and closed_at < ${at.toISOString()}::timestamptz
          then to_char((closed_at at time zone ${timeZone})::date, 'YYYY-MM-DD') end as won_date,
        amount_minor
      from opportunities
      where created_at >= ${from.toISOString()}::timestamptz and created_at < ${at.toISOString()}::timestamptz`.execute(
      db,
    ),
    sql<{ first: string | null }>`
      select to_char((min(created_at) at time zone ${timeZone})::date, 'YYYY-MM-DD') as first
      from opportunities`.execute(db),
  ]);
  return {
    deals: rows.rows.map((r) => ({
      ownerKey: ownerKey(r.owner_id),
      createdDate: r.created_date,
      wonDate: r.won_date,
      amount: Number(r.amount_minor),
    })),
    firstDate: first.rows[0]?.first ?? null,
  };
}
