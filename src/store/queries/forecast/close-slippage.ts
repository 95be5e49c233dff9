import { sql } from 'kysely';
import type { SlipHistogram } from '../../../domain/forecast/monte-carlo.ts';
import type { Db } from '../../db.ts';
import { HISTORY_DAYS } from './cycle-stats.ts';

/**
 * How far won deals closed from the close date first recorded for them (local days; positive = later), as a
 * histogram over deals won in the HISTORY_DAYS before `at`. The first recorded date is the oldest history row
 * with a close date, else the deal's own close date.
 */
export async function slipHistogramBefore(db: Db, at: Date, timeZone: string): Promise<SlipHistogram> {
  const from = new Date(at.getTime() - HISTORY_DAYS * 86_400_000);
  const r = await sql<{ slip: number; n: number }>`
    select slip, count(*) as n from (
      select ((o.closed_at at time zone ${timeZone})::date - coalesce(fh.expected_close_date, o.expected_close_date)) as slip
      from opportunities o
      left join lateral (
        select h.expected_close_date from opportunity_history h
        where h.opportunity_id = o.id and h.expected_close_date is not null
        order by h.changed_at, h.id limit 1
      ) fh on true
      where o.status = 'won' and o.closed_at < ${at.toISOString()}::timestamptz
        and o.closed_at >= ${from.toISOString()}::timestamptz
        and coalesce(fh.expected_close_date, o.expected_close_date) is not null
    ) s
    group by slip order by slip`.execute(db);
  return { days: r.rows.map((x) => Number(x.slip)), counts: r.rows.map((x) => Number(x.n)) };
}
