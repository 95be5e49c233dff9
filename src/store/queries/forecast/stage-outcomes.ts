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
  return (await stageOutcomesBeforeMany(db, [at]))[0] ?? [];
}

/**
 * stageOutcomesBefore for several instants: the (deal, stage) pairs are found once over the union of the
 * windows, then counted per window. From opportunity_stage_spans: a deal was in a stage before closing when it
 * entered the stage (an is_entry history row; its first row in a stage always is one) before closed_at, so each
 * (deal, stage) group is one pair. Its days in the stage are the sum over those entries of the time to the next
 * entry (left_at) or the close, whichever is first: consecutive history rows in one stage add up to exactly that.
 * Element i answers `ats[i]`.
 */
export async function stageOutcomesBeforeMany(db: Db, ats: readonly Date[]): Promise<StageOutcome[][]> {
  const out: StageOutcome[][] = ats.map(() => []);
  if (ats.length === 0) return out;
  const from = ats.map((at) => new Date(at.getTime() - STAGE_OUTCOME_DAYS * 86_400_000).toISOString());
  const r = await sql<{
    i: number;
    pipeline_id: number;
    stage_id: number;
    owner_id: number | null;
    closed: number;
    won: number;
    closed_days: number;
    won_days: number;
  }>`
    with c as (
      select * from unnest(${sql.val(from)}::timestamptz[], ${sql.val(ats.map((at) => at.toISOString()))}::timestamptz[])
        with ordinality c(from_at, at, i)
    ), closed as (
      select o.id, o.pipeline_id, o.owner_id, o.status = 'won' as won, o.closed_at
      from opportunities o
      where o.status in ('won', 'lost')
        and o.closed_at < (select max(at) from c) and o.closed_at >= (select min(from_at) from c)
    ), pairs as (
      select o.pipeline_id, e.stage_id, o.owner_id, o.won, o.closed_at,
        sum(extract(epoch from least(coalesce(e.left_at, o.closed_at), o.closed_at) - e.changed_at)) / 86400 as days
      from closed o
      join opportunity_stage_spans e on e.opportunity_id = o.id and e.is_entry and e.changed_at < o.closed_at
      group by o.id, o.pipeline_id, e.stage_id, o.owner_id, o.won, o.closed_at
    )
    select c.i, p.pipeline_id, p.stage_id, p.owner_id, count(*) as closed, count(*) filter (where p.won) as won,
      coalesce(sum(p.days), 0)::float8 as closed_days,
      coalesce(sum(p.days) filter (where p.won), 0)::float8 as won_days
    from c join pairs p on p.closed_at < c.at and p.closed_at >= c.from_at
    group by c.i, p.pipeline_id, p.stage_id, p.owner_id`.execute(db);
  for (const row of r.rows) {
    out[Number(row.i) - 1]?.push({
      pipelineId: row.pipeline_id,
      stageId: row.stage_id,
      ownerKey: ownerKey(row.owner_id),
      closed: Number(row.closed),
      won: Number(row.won),
      closedDays: Number(row.closed_days),
      wonDays: Number(row.won_days),
    });
  }
  return out;
}
