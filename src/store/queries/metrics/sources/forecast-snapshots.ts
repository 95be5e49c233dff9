import { sql } from 'kysely';
import type { SourceSpec } from '../source-spec.ts';
import { amountInCurrency } from './opportunity-amount.ts';

/**
 * Forecasts made for finished quarters, one row per rep, method and checkpoint, with what the rep then won in
 * the quarter, dated by the quarter's last day (so a range holds the quarters that ended in it). A quarter's
 * checkpoints are its earliest snapshot (scheduled or manual) in days 0-6 ("start"), in days 7-13 ("week2")
 * and in the week up to its middle ("mid"); other snapshots are not read. The forecast is the rep-scope value the
 * snapshot stored; team and company sums are their reps' forecasts and wins (deals in another currency converted
 * by the rate of their close date, as won_revenue counts them).
 */
export const forecastSnapshotsSource: SourceSpec = {
  name: 'forecast_snapshots',
  mode: 'event',
  from: (ctx) => sql`(
    select v.scope_id as owner_id, v.method, x.checkpoint, x.period_last_day,
      case when x.currency = ${ctx.currency} then v.value_minor end as forecast,
      coalesce((select sum(${amountInCurrency(ctx)}) from opportunities o
        where o.status = 'won' and o.owner_id = v.scope_id
          and o.closed_at >= (x.period_start::timestamp at time zone ${ctx.timeZone})
          and o.closed_at < (x.period_end::timestamp at time zone ${ctx.timeZone})), 0) as actual
    from (
      select distinct on (s.period_key, c.checkpoint) s.id, s.currency, s.period_start, s.period_end,
        (s.period_end - 1) as period_last_day, c.checkpoint
      from forecast_snapshots s
      cross join lateral (select ((s.as_of at time zone ${ctx.timeZone})::date - s.period_start) as day,
        (s.period_end - s.period_start) / 2 as half) d
      cross join lateral (select case when d.day between 0 and 6 then 'start'
        when d.day between 7 and 13 then 'week2'
        when d.day > d.half - 7 and d.day <= d.half then 'mid' end as checkpoint) c
      where c.checkpoint is not null and s.period_key like '%-Q_'
        and (s.period_end::timestamp at time zone ${ctx.timeZone}) <= ${ctx.now.toISOString()}::timestamptz
      order by s.period_key, c.checkpoint, s.as_of
    ) x join forecast_snapshot_values v on v.snapshot_id = x.id and v.scope_type = 'rep'
  ) f left join users u on u.id = f.owner_id`,
  // Summing forecasts of different methods or checkpoints means nothing: always narrowed to the query's one.
  where: (ctx) => [sql`f.method = ${ctx.forecastMethod}`, sql`f.checkpoint = ${ctx.forecastCheckpoint}`],
  owner: sql`f.owner_id`,
  team: sql`u.team_id`,
  timeColumns: { period_end: { expr: sql`f.period_last_day`, type: 'date' } },
  columns: () => ({ forecast: sql`f.forecast`, actual: sql`f.actual` }),
  filterColumns: {},
};
