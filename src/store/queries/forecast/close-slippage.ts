import { sql } from 'kysely';
import type { SlipHistogram } from '../../../domain/forecast/monte-carlo.ts';
import type { Db } from '../../db.ts';
import { historyWindows } from './cycle-stats.ts';

/**
 * How far won deals closed from the close date first recorded for them (local days; positive = later), as a
 * histogram over deals won in the HISTORY_DAYS before `at`. The first recorded date is the oldest history row
 * with a close date, else the deal's own close date.
 */
export async function slipHistogramBefore(db: Db, at: Date, timeZone: string): Promise<SlipHistogram> {
  return (await slipHistogramBeforeMany(db, [at], timeZone))[0] ?? { days: [], counts: [] };
}

/**
 * slipHistogramBefore for several instants: each won deal's slip is computed once over the union of the
 * windows, then counted per window. The first history row with a close date is flagged first_close_date in
 * opportunity_stage_spans (one index lookup per deal instead of a sort of its history). Element i answers `ats[i]`.
 */
export async function slipHistogramBeforeMany(
  db: Db,
  ats: readonly Date[],
  timeZone: string,
): Promise<SlipHistogram[]> {
  const out = ats.map(() => ({ days: [] as number[], counts: [] as number[] }));
  if (ats.length === 0) return out;
  const w = historyWindows(ats);
  const r = await sql<{ i: number; slip: number; n: number }>`
    with c as (
      select * from unnest(${w.from}::timestamptz[], ${w.to}::timestamptz[]) with ordinality c(from_at, at, i)
    ), won as (
      select o.closed_at,
        ((o.closed_at at time zone ${timeZone})::date - coalesce(fh.expected_close_date, o.expected_close_date)) as slip
      from opportunities o
      left join opportunity_stage_spans fh on fh.opportunity_id = o.id and fh.first_close_date
      where o.status = 'won' and o.closed_at < (select max(at) from c) and o.closed_at >= (select min(from_at) from c)
        and coalesce(fh.expected_close_date, o.expected_close_date) is not null
    )
    select c.i, won.slip, count(*) as n
    from c join won on won.closed_at < c.at and won.closed_at >= c.from_at
    group by c.i, won.slip order by c.i, won.slip`.execute(db);
  for (const row of r.rows) {
    const h = out[Number(row.i) - 1];
    h?.days.push(Number(row.slip));
    h?.counts.push(Number(row.n));
  }
  return out;
}
