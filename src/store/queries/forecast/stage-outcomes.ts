import { sql } from 'kysely';
import type { StageOutcome } from '../../../domain/forecast/learned-probability.ts';
import { ownerKey } from '../../../domain/forecast/scope.ts';
import type { Db } from '../../db.ts';

/** Days of closed deals the learned stage probabilities look back over. */
export const STAGE_OUTCOME_DAYS = 365;

/**
 * For each pipeline, stage and owner: the deals that were in the stage (a history row dated before the deal
 * closed) and closed, won or lost, in the STAGE_OUTCOME_DAYS before `at`, how many of them were won, and the days
 * they spent in the stage (each history row lasts until the deal's next row or its close), won deals apart. Only
 * outcomes known at `at` count, so a backtest does not look ahead.
 */
export async function stageOutcomesBefore(db: Db, at: Date): Promise<StageOutcome[]> {
  const from = new Date(at.getTime() - STAGE_OUTCOME_DAYS * 86_400_000);
  const r = await sql<{
    pipeline_id: number;
    stage_id: number;
    owner_id: number | null;
    closed: number;
    won: number;
    closed_days: number;
    won_days: number;
  }>`
    with h as (
      select o.id, o.pipeline_id, h.stage_id, o.owner_id, o.status = 'won' as won,
        extract(epoch from least(coalesce(lead(h.changed_at) over (partition by h.opportunity_id
          order by h.changed_at, h.id), o.closed_at), o.closed_at) - h.changed_at) / 86400 as days
      from opportunity_history h join opportunities o on o.id = h.opportunity_id
      where o.status in ('won', 'lost') and h.changed_at < o.closed_at
        and o.closed_at < ${at.toISOString()}::timestamptz and o.closed_at >= ${from.toISOString()}::timestamptz)
    select pipeline_id, stage_id, owner_id, count(distinct id) as closed,
      count(distinct case when won then id end) as won,
      coalesce(sum(days), 0)::float8 as closed_days,
      coalesce(sum(case when won then days else 0 end), 0)::float8 as won_days
    from h group by pipeline_id, stage_id, owner_id`.execute(db);
  return r.rows.map((row) => ({
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    ownerKey: ownerKey(row.owner_id),
    closed: Number(row.closed),
    won: Number(row.won),
    closedDays: Number(row.closed_days),
    wonDays: Number(row.won_days),
  }));
}
