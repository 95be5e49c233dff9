import { sql } from 'kysely';
import { stageStep, type StageStep } from '../../../domain/funnel/funnel.ts';
import type { Db } from '../../db.ts';
import type { Scope } from '../../../domain/access/scope.ts';
import { opportunityWhere, scopeWhere } from './funnel-scope.ts';

/**
 * Stage-to-stage conversion and time in stage from opportunity_history, for one pipeline. A stage is *entered*
 * by a history row whose stage differs from the opportunity's previous row (its first row enters the first stage
 * it was seen in); it is *left* at the next entry. Of the opportunities that entered a stage in the period,
 * `advanced` counts those that later entered a stage further down the pipeline (or a won stage; lost is not
 * advancing), `won` those that later entered a won stage. Days in stage are measured to leaving, whenever that
 * was, over entries that have left. Entries are ordered by (changed_at, id); "later" means a strictly later
 * changed_at for `advanced` and the same or a later changed_at for `won` (an entry into a won stage wins itself).
 *
 * Both flags are window aggregates over the opportunity's own entries (a RANGE frame on changed_at from the
 * current row on, with or without its peers), so the query is one sort of the history, not a lookup per entry:
 * `advanced` is "a later entry is won, or the furthest later non-lost position is beyond this one".
 */
export async function stageFunnel(
  db: Db,
  pipelineId: number,
  range: { from: string; toExclusive: string; timeZone: string },
  scope: Scope,
): Promise<StageStep[]> {
  const tz = range.timeZone;
  const r = await sql<{
    stage_id: number;
    name: string;
    position: number;
    entered: number | null;
    advanced: number | null;
    won: number | null;
    avg_days: number | null;
    median_days: number | null;
  }>`
    with h as (
      select oh.id, oh.opportunity_id, oh.stage_id, oh.changed_at,
        lag(oh.stage_id) over (partition by oh.opportunity_id order by oh.changed_at, oh.id) as prev_stage
      from opportunity_history oh
      join opportunities o on o.id = oh.opportunity_id
      left join users u on u.id = o.owner_id
      where o.pipeline_id = ${pipelineId} and ${scopeWhere(scope)} and ${opportunityWhere(scope)}
    ), entries as (
      select h.opportunity_id, h.stage_id, h.changed_at, s.position, s.is_won, s.is_lost,
        lead(h.changed_at) over (partition by h.opportunity_id order by h.changed_at, h.id) as left_at
      from h join stages s on s.id = h.stage_id
      where h.prev_stage is distinct from h.stage_id
    ), flagged as (
      select e.*,
        bool_or(e.is_won) over later as later_won,
        max(case when not e.is_lost then e.position end) over later as later_position,
        bool_or(e.is_won) over (partition by e.opportunity_id order by e.changed_at
          range between current row and unbounded following) as won
      from entries e
      window later as (partition by e.opportunity_id order by e.changed_at
        range between current row and unbounded following exclude group)
    ), period_entries as (
      select f.*, coalesce(f.later_won or f.later_position > f.position, false) as advanced
      from flagged f
      where f.changed_at >= (${range.from}::date)::timestamp at time zone ${tz}
        and f.changed_at < (${range.toExclusive}::date)::timestamp at time zone ${tz}
    )
    select s.id as stage_id, s.name, s.position,
      count(distinct p.opportunity_id) as entered,
      count(distinct p.opportunity_id) filter (where p.advanced) as advanced,
      count(distinct p.opportunity_id) filter (where p.won) as won,
      avg(extract(epoch from (p.left_at - p.changed_at)) / 86400.0) filter (where p.left_at is not null) as avg_days,
      percentile_cont(0.5) within group (order by extract(epoch from (p.left_at - p.changed_at)) / 86400.0)
        filter (where p.left_at is not null) as median_days
    from stages s
    left join period_entries p on p.stage_id = s.id
    where s.pipeline_id = ${pipelineId} and not s.is_lost
    group by s.id, s.name, s.position
    order by s.position, s.id`.execute(db);
  return r.rows.map((row) =>
    stageStep({
      stageId: row.stage_id,
      name: row.name,
      position: Number(row.position),
      entered: Number(row.entered ?? 0),
      advanced: Number(row.advanced ?? 0),
      won: Number(row.won ?? 0),
      avgDays: row.avg_days === null ? null : Number(row.avg_days),
      medianDays: row.median_days === null ? null : Number(row.median_days),
    }),
  );
}
