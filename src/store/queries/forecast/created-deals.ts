import { sql } from 'kysely';
import { fromDayNumber } from '../../../domain/calendar/local-date.ts';
import { localDayNumber } from '../../../domain/calendar/zoned.ts';
import type { CreatedDeal } from '../../../domain/forecast/new-pipeline.ts';
import { ownerKey } from '../../../domain/forecast/scope.ts';
import type { Db } from '../../db.ts';
import { toWorkspaceCurrency } from '../money/to-workspace-currency.ts';

/** What the new-pipeline model learns from, as of one instant. */
export interface CreatedDeals {
  deals: CreatedDeal[];
  firstDate: string | null;
}

/**
 * Deals created in [from, at) with their local creation day, the local day they were won when that was before
 * `at` (a later win is not known at `at`, so it reads as not won), and their amount (in the workspace currency by
 * the rate of their close date, or creation date while open; 0 without a rate): what the new-pipeline model
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
      won_ms: string | null;
      amount_minor: number;
    }>`
      select owner_id, floor(extract(epoch from created_at) * 1000)::text as created_ms,
        case when status = 'won' then floor(extract(epoch from closed_at) * 1000)::text end as won_ms,
        coalesce(${toWorkspaceCurrency(
          sql`o.amount_minor`,
          sql`o.currency`,
          sql`(coalesce(o.closed_at, o.created_at) at time zone ${timeZone})::date`,
        )}, 0)::bigint as amount_minor
      from opportunities o
      where created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz
      order by id`.execute(db),
    sql<{ first: string | null }>`
      select to_char((min(created_at) at time zone ${timeZone})::date, 'YYYY-MM-DD') as first
      from opportunities`.execute(db),
  ]);
  // The local days are found here rather than in the query: converting every row's instants to the zone and
  // formatting them cost the database more than reading the rows (60-80 ms for 51k deals on the 200-rep store).
  // A floored millisecond falls on the same local day as the exact instant (days start on whole ones). Rows are
  // read once into arrays, with one string per day and per owner, since the garbage collector was the largest
  // cost of this loader.
  const dates = new Map<number, string>();
  const dateOf = (day: number) => {
    let date = dates.get(day);
    if (date === undefined) {
      date = fromDayNumber(day);
      dates.set(day, date);
    }
    return date;
  };
  const owners = new Map<number | null, string>();
  const n = rows.rows.length;
  const created = new Float64Array(n);
  const won = new Float64Array(n);
  const amount = new Float64Array(n);
  const ownerKeys: string[] = new Array<string>(n);
  const createdDays = new Float64Array(n);
  const wonDays = new Float64Array(n);
  const createdDates: string[] = new Array<string>(n);
  const wonDates: (string | null)[] = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const r = rows.rows[i] as (typeof rows.rows)[number];
    created[i] = Number(r.created_ms);
    won[i] = r.won_ms === null ? Number.NaN : Number(r.won_ms);
    amount[i] = Number(r.amount_minor);
    let key = owners.get(r.owner_id);
    if (key === undefined) {
      key = ownerKey(r.owner_id);
      owners.set(r.owner_id, key);
    }
    ownerKeys[i] = key;
    createdDays[i] = localDayNumber(created[i] as number, timeZone);
    createdDates[i] = dateOf(createdDays[i] as number);
    if (r.won_ms !== null) wonDays[i] = localDayNumber(won[i] as number, timeZone);
    wonDates[i] = r.won_ms === null ? null : dateOf(wonDays[i] as number);
  }
  const firstDate = first.rows[0]?.first ?? null;
  // A deal is in most windows, with its win known (won before the window's end) or not: each of the two objects is
  // made once and shared by the windows' lists (the model only reads them), not once per window.
  const withWin: (CreatedDeal | undefined)[] = new Array<CreatedDeal | undefined>(n);
  const withoutWin: (CreatedDeal | undefined)[] = new Array<CreatedDeal | undefined>(n);
  const dealOf = (i: number, wonKnown: boolean): CreatedDeal => {
    const wonDate = wonKnown ? (wonDates[i] as string | null) : null;
    const cache = wonDate === null ? withoutWin : withWin;
    let deal = cache[i];
    if (deal === undefined) {
      deal = {
        ownerKey: ownerKeys[i] as string,
        createdDate: createdDates[i] as string,
        wonDate,
        amount: amount[i] as number,
        createdDay: createdDays[i] as number,
        wonDay: wonDate === null ? null : (wonDays[i] as number),
      };
      cache[i] = deal;
    }
    return deal;
  };
  return windows.map((w) => {
    const lo = w.from.getTime();
    const hi = w.at.getTime();
    const deals: CreatedDeal[] = [];
    for (let i = 0; i < n; i++) {
      const c = created[i] as number;
      if (c < lo || c >= hi) continue;
      // A win after `hi` is not known at `hi` (NaN, not won, compares false).
      deals.push(dealOf(i, (won[i] as number) < hi));
    }
    return { deals, firstDate };
  });
}
