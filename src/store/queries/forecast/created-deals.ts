import { sql } from 'kysely';
import type { CreatedDeal } from '../../../domain/forecast/new-pipeline.ts';
import { ownerKey } from '../../../domain/forecast/scope.ts';
import type { Db } from '../../db.ts';

/** What the new-pipeline model learns from, as of one instant. */
export interface CreatedDeals {
  deals: CreatedDeal[];
  firstDate: string | null;
}

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
): Promise<CreatedDeals> {
  return (await createdDealsBeforeMany(db, [{ from, at }], timeZone))[0] ?? { deals: [], firstDate: null };
}

/**
 * createdDealsBefore for several windows (a backtest's checkpoints): the deals of the union of the windows are
 * read once, with their instants as whole epoch milliseconds (floored), and each window picks its own. Comparing
 * a floored instant with a whole-millisecond bound gives the same answer as comparing the exact timestamptz, so
 * each window gets the rows its own query would have returned, in the same order.
 */
export async function createdDealsBeforeMany(
  db: Db,
  windows: readonly { from: Date; at: Date }[],
  timeZone: string,
): Promise<CreatedDeals[]> {
  if (windows.length === 0) return [];
  const from = new Date(Math.min(...windows.map((w) => w.from.getTime())));
  const to = new Date(Math.max(...windows.map((w) => w.at.getTime())));
  const [rows, first] = await Promise.all([
    sql<{
      owner_id: number | null;
      created_ms: string;
      closed_ms: string | null;
      won: boolean;
      created_date: string;
      closed_date: string | null;
      amount_minor: number;
    }>`
      select owner_id, floor(extract(epoch from created_at) * 1000)::text as created_ms,
        floor(extract(epoch from closed_at) * 1000)::text as closed_ms, status = 'won' as won,
        to_char((created_at at time zone ${timeZone})::date, 'YYYY-MM-DD') as created_date,
        to_char((closed_at at time zone ${timeZone})::date, 'YYYY-MM-DD') as closed_date,
        amount_minor
      from opportunities
      where created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz
      order by id`.execute(db),
    sql<{ first: string | null }>`
      select to_char((min(created_at) at time zone ${timeZone})::date, 'YYYY-MM-DD') as first
      from opportunities`.execute(db),
  ]);
  const parsed = rows.rows.map((r) => ({
    ...r,
    created: Number(r.created_ms),
    closed: r.closed_ms === null ? null : Number(r.closed_ms),
  }));
  const firstDate = first.rows[0]?.first ?? null;
  return windows.map((w) => {
    const lo = w.from.getTime();
    const hi = w.at.getTime();
    return {
      deals: parsed
        .filter((r) => r.created >= lo && r.created < hi)
        .map((r) => ({
          ownerKey: ownerKey(r.owner_id),
          createdDate: r.created_date,
          wonDate: r.won && r.closed !== null && r.closed < hi ? r.closed_date : null,
          amount: Number(r.amount_minor),
        })),
      firstDate,
    };
  });
}
