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
 * The entries, their leaving time and both flags are maintained per history row in opportunity_stage_spans
 * (migration 0011 derives them with window frames over each deal's own entries: `advanced` is "a later entry is
 * won, or the furthest later non-lost position is beyond this one"), so a period is one index range scan.
 */
export async function stageFunnel(
  db: Db,
  pipelineId: number,
  range: { from: string; toExclusive: string; timeZone: string },
  scope: Scope,
): Promise<StageStep[]> {
  const tz = range.timeZone;
  // The deal's current owner, team, type and lead source narrow the funnel; company-wide, the spans alone answer
  // (every span has its deal, so the join would only cost a hash of all deals).
  const scoped =
    scope.ownerIds !== null || scope.teamIds !== null || !!scope.opportunityTypes || !!scope.leadSources;
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
    with p as (
      select sp.opportunity_id, sp.stage_id, sp.changed_at, sp.left_at, sp.advanced, sp.won
      from opportunity_stage_spans sp
      ${scoped ? sql`join opportunities o on o.id = sp.opportunity_id left join users u on u.id = o.owner_id` : sql``}
      where sp.is_entry and sp.pipeline_id = ${pipelineId}
        and sp.changed_at >= (${range.from}::date)::timestamp at time zone ${tz}
        and sp.changed_at < (${range.toExclusive}::date)::timestamp at time zone ${tz}
        and ${scoped ? sql`${scopeWhere(scope)} and ${opportunityWhere(scope)}` : sql`true`}
    )
    select s.id as stage_id, s.name, s.position,
      count(distinct p.opportunity_id) as entered,
      count(distinct p.opportunity_id) filter (where p.advanced) as advanced,
      count(distinct p.opportunity_id) filter (where p.won) as won,
      avg(extract(epoch from (p.left_at - p.changed_at)) / 86400.0) filter (where p.left_at is not null) as avg_days,
      percentile_cont(0.5) within group (order by extract(epoch from (p.left_at - p.changed_at)) / 86400.0)
        filter (where p.left_at is not null) as median_days
    from stages s
    left join p on p.stage_id = s.id
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
