import { sql } from 'kysely';
import type { SlipHistogram } from '../../../domain/forecast/monte-carlo.ts';
import type { Db } from '../../db.ts';
import { executeWithWorkMem } from '../../sql/work-mem.ts';
import { HISTORY_DAYS } from './cycle-stats.ts';
import { FORECAST_AGGREGATE_WORK_MEM_MB, windowSegmentsCtes, windowStarts } from './window-segments.ts';

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
 * windows and counted per segment of the windows' bounds, then the segments' counts are added up per window
 * (window-segments.ts). The first history row with a close date is flagged first_close_date in
 * opportunity_stage_spans (one index lookup per deal instead of a sort of its history). Element i answers `ats[i]`.
 */
export async function slipHistogramBeforeMany(
  db: Db,
  ats: readonly Date[],
  timeZone: string,
): Promise<SlipHistogram[]> {
  const out = ats.map(() => ({ days: [] as number[], counts: [] as number[] }));
  if (ats.length === 0) return out;
  const from = windowStarts(ats, HISTORY_DAYS);
  const r = await executeWithWorkMem(
    db,
    FORECAST_AGGREGATE_WORK_MEM_MB,
    sql<{ i: number; slip: number; n: number }>`
      with ${windowSegmentsCtes(from, ats)}, won as (
        select width_bucket(o.closed_at, b.b) as s,
          ((o.closed_at at time zone ${timeZone})::date - coalesce(fh.expected_close_date, o.expected_close_date)) as slip
        from b join opportunities o
          on o.status = 'won' and o.closed_at >= b.b[1] and o.closed_at < b.b[array_length(b.b, 1)]
        left join opportunity_stage_spans fh on fh.opportunity_id = o.id and fh.first_close_date
        where coalesce(fh.expected_close_date, o.expected_close_date) is not null
      ), seg as (
        select s, slip, count(*) as n from won group by s, slip
      )
      select cw.i, seg.slip, sum(seg.n) as n
      from cw join seg on seg.s >= cw.lo and seg.s < cw.hi
      group by cw.i, seg.slip order by cw.i, seg.slip`,
  );
  for (const row of r.rows) {
    const h = out[Number(row.i) - 1];
    h?.days.push(Number(row.slip));
    h?.counts.push(Number(row.n));
  }
  return out;
}
