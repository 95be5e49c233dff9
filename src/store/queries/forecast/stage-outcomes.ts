import { sql } from 'kysely';
import type { StageOutcome } from '../../../domain/forecast/learned-probability.ts';
import type { StageDurationBucket, StayKind } from '../../../domain/forecast/stage-age.ts';
import { ownerKey } from '../../../domain/forecast/scope.ts';
import type { Db } from '../../db.ts';
import { executeWithWorkMem } from '../../sql/work-mem.ts';
import { FORECAST_AGGREGATE_WORK_MEM_MB, windowSegmentsCtes, windowStarts } from './window-segments.ts';

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
 * stageOutcomesBefore for several instants, in one query: from opportunity_stage_outcomes (migration 0016), one row
 * per closed deal and stage it entered before closing (an is_entry history row dated before closed_at), with its
 * days in the stage (the sum over those entries of the time to the next entry or the close, whichever is first;
 * numeric, so the sums are exact whatever their order). The table's rows in the union of the windows are
 * aggregated once per segment of the windows' bounds and the segments added up per window (window-segments.ts):
 * exact counts and numeric sums, so the same values as one aggregate per window, for a fraction of the rows read.
 * Element i answers `ats[i]`.
 */
export async function stageOutcomesBeforeMany(db: Db, ats: readonly Date[]): Promise<StageOutcome[][]> {
  const out: StageOutcome[][] = ats.map(() => []);
  if (ats.length === 0) return out;
  const from = windowStarts(ats, STAGE_OUTCOME_DAYS);
  const r = await executeWithWorkMem(
    db,
    FORECAST_AGGREGATE_WORK_MEM_MB,
    sql<{
      i: number;
      pipeline_id: number;
      stage_id: number;
      owner_id: number | null;
      closed: number;
      won: number;
      closed_days: number;
      won_days: number;
    }>`
    with ${windowSegmentsCtes(from, ats)}, seg as (
      select width_bucket(p.closed_at, b.b) as s, p.pipeline_id, p.stage_id, p.owner_id, count(*) as closed,
        count(*) filter (where p.won) as won, sum(p.days) as closed_days, sum(p.days) filter (where p.won) as won_days
      from b join opportunity_stage_outcomes p
        on p.closed_at >= b.b[1] and p.closed_at < b.b[array_length(b.b, 1)]
      group by 1, 2, 3, 4
    )
    select cw.i, seg.pipeline_id, seg.stage_id, seg.owner_id, sum(seg.closed) as closed, sum(seg.won) as won,
      coalesce(sum(seg.closed_days), 0)::float8 as closed_days, coalesce(sum(seg.won_days), 0)::float8 as won_days
    from cw join seg on seg.s >= cw.lo and seg.s < cw.hi
    group by cw.i, seg.pipeline_id, seg.stage_id, seg.owner_id
    order by cw.i, seg.pipeline_id, seg.stage_id, seg.owner_id`,
  );
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

/**
 * For each instant, pipeline and stage (company-wide): the stays in the stage that began in the STAGE_OUTCOME_DAYS
 * before it (one per entry), by whole days in the stage as known at the instant, in three kinds: 'won' (left the
 * stage, and the deal was won before the instant), 'ended' (left the stage or closed, any other way) and 'open'
 * (still in the stage at the instant: its length so far, censored). See stage-age.ts. Element i answers `ats[i]`.
 *
 * One classification per stay and instant would read each stay once per window containing its entry (1.2M pairs
 * at 200 reps for 12 checkpoints). But a stay's (day, kind) stops changing once the instant is past its end and,
 * for a won deal, its close: `settled` = greatest(entry, end, win). So each stay is read once: with the windows
 * sorted by instant (w.j; their starts sort the same way, every window being STAGE_OUTCOME_DAYS long), the windows
 * containing its entry are j in (count of ats <= entry, count of froms <= entry], those past `settled` are
 * j > count of ats <= settled (`width_bucket` over a sorted array counts the elements <= its operand). The settled
 * stays are counted once per (first window past settled, last window containing the entry, stage, day, kind) and
 * the counts added to each window of that range; only the pairs not yet settled (open, or ended before a later
 * win) are classified per instant, each unsettled stay reading just its windows (a slice of the sorted instants:
 * a join to the windows rescanned every stay once per window). Counts, so the same rows as classifying every pair.
 */
export async function stageDurationsBeforeMany(
  db: Db,
  ats: readonly Date[],
): Promise<StageDurationBucket[][]> {
  const out: StageDurationBucket[][] = ats.map(() => []);
  if (ats.length === 0) return out;
  const from = windowStarts(ats, STAGE_OUTCOME_DAYS).map((d) => d.toISOString());
  const r = await executeWithWorkMem(
    db,
    FORECAST_AGGREGATE_WORK_MEM_MB,
    sql<{
      i: number;
      pipeline_id: number;
      stage_id: number;
      day: number;
      kind: StayKind;
      n: number;
    }>`
    with w as (
      select c.*, row_number() over (order by c.at, c.i) as j
      from unnest(${sql.val(from)}::timestamptz[], ${sql.val(ats.map((at) => at.toISOString()))}::timestamptz[])
        with ordinality c(from_at, at, i)
    ), b as (
      select array_agg(from_at order by j) as f, array_agg(at order by j) as a, array_agg(i order by j) as wi,
        min(from_at) as lo, max(at) as hi
      from w
    ), stays as materialized (
      select e.pipeline_id, e.stage_id, e.changed_at as entered_at, least(e.left_at, o.closed_at) as ended_at,
        case when o.status = 'won' then o.closed_at end as won_at,
        width_bucket(e.changed_at, b.a) as after_entry, width_bucket(e.changed_at, b.f) as last_window,
        case when least(e.left_at, o.closed_at) is not null then width_bucket(
          greatest(e.changed_at, least(e.left_at, o.closed_at), case when o.status = 'won' then o.closed_at end), b.a)
        end as before_settled
      from b join opportunity_stage_spans e on e.is_entry and e.changed_at >= b.lo and e.changed_at < b.hi
      join opportunities o on o.id = e.opportunity_id
      where o.closed_at is null or e.changed_at < o.closed_at
    ), settled as (
      select before_settled, last_window, pipeline_id, stage_id,
        floor(extract(epoch from ended_at - entered_at) / 86400)::int as day,
        case when won_at is not null then 'won' else 'ended' end as kind, count(*) as n
      from stays where before_settled < last_window
      group by 1, 2, 3, 4, 5, 6
    ), pairs as (
      select w.i, s.pipeline_id, s.stage_id, s.day, s.kind, s.n
      from w join settled s on w.j > s.before_settled and w.j <= s.last_window
      union all
      select u.i, s.pipeline_id, s.stage_id,
        floor(extract(epoch from (case when s.ended_at < u.at then s.ended_at else u.at end) - s.entered_at) / 86400)::int,
        case when s.ended_at >= u.at or s.ended_at is null then 'open' when s.won_at < u.at then 'won' else 'ended' end,
        1
      from stays s, b, unnest(b.a[s.after_entry + 1 : least(s.last_window, s.before_settled)],
        b.wi[s.after_entry + 1 : least(s.last_window, s.before_settled)]) u(at, i)
      where least(s.last_window, s.before_settled) > s.after_entry
    )
    select i, pipeline_id, stage_id, day, kind, sum(n) as n from pairs group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  );
  for (const row of r.rows) {
    out[Number(row.i) - 1]?.push({
      pipelineId: row.pipeline_id,
      stageId: row.stage_id,
      day: Number(row.day),
      kind: row.kind,
      n: Number(row.n),
    });
  }
  return out;
}
