import { sql } from 'kysely';
import type { StageOutcome } from '../../../domain/forecast/learned-probability.ts';
import { ownerKey } from '../../../domain/forecast/scope.ts';
import type { Db } from '../../db.ts';

/** Days of closed deals the learned stage probabilities look back over. */
export const STAGE_OUTCOME_DAYS = 365;

/**
 * For each pipeline, stage and owner: the deals that were in the stage (a history row dated before the deal
 * closed) and closed, won or lost, in the STAGE_OUTCOME_DAYS before `at`, and how many of them were won. Only
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
  }>`
    select o.pipeline_id, h.stage_id, o.owner_id, count(distinct o.id) as closed,
      count(distinct case when o.status = 'won' then o.id end) as won
    from opportunity_history h join opportunities o on o.id = h.opportunity_id
    where o.status in ('won', 'lost') and h.changed_at < o.closed_at
      and o.closed_at < ${at.toISOString()}::timestamptz and o.closed_at >= ${from.toISOString()}::timestamptz
    group by o.pipeline_id, h.stage_id, o.owner_id`.execute(db);
  return r.rows.map((row) => ({
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    ownerKey: ownerKey(row.owner_id),
    closed: Number(row.closed),
    won: Number(row.won),
  }));
}
