import { sql } from 'kysely';
import type { GapBucket, StageWinTiming } from '../../../domain/forecast/stage-timing.ts';
import type { Db } from '../../db.ts';
import { STAGE_OUTCOME_DAYS } from './stage-outcomes.ts';
import { executeWithWorkMem } from '../../sql/work-mem.ts';
import { FORECAST_AGGREGATE_WORK_MEM_MB, windowSegmentsCtes, windowStarts } from './window-segments.ts';

/** Gaps of this many days or more are left out of the histograms: no period is that long, so they add 0. */
const MAX_GAP_DAYS = 400;

/**
 * For each instant, pipeline and stage (company-wide): the deals won in the STAGE_OUTCOME_DAYS before it that
 * were in the stage, their days in it, and the histograms of the gaps from each stay's end and start to the win
 * (src/domain/forecast/stage-timing.ts). The same spans as the learned stage probabilities (stage-outcomes.ts):
 * each is-entry row before the win, lasting to the next entry or the win, kept with both gaps per row in
 * opportunity_won_stage_entries (migration 0018), so the window is one index range instead of a lookup of the
 * spans per won deal. The rows of the union of the windows are aggregated once per segment of the windows' bounds
 * (window-segments.ts: the counts are those of one aggregate per window; a deal's entries share its win instant, so
 * its distinct count per segment adds up) and each window adds its segments' sums in segment order. Those float
 * sums are thus associated per segment: they can differ from one sum over a window's rows in the last digit, as
 * the old query's already did with the server's work_mem (its count(distinct) sort, spilled or not, fed the rows
 * in another order). The buckets come in day order: the model adds them up in the order given, and hash
 * aggregation returns its groups in no set order, so without it the same data could give other last digits.
 * Element i answers `ats[i]`.
 */
export async function stageWinTimingMany(db: Db, ats: readonly Date[]): Promise<StageWinTiming[][]> {
  const out: StageWinTiming[][] = ats.map(() => []);
  if (ats.length === 0) return out;
  const from = windowStarts(ats, STAGE_OUTCOME_DAYS);
  const r = await executeWithWorkMem(
    db,
    FORECAST_AGGREGATE_WORK_MEM_MB,
    sql<{
      i: number;
      pipeline_id: number;
      stage_id: number;
      kind: 'total' | 'end' | 'start';
      day: number;
      count: number;
      sum: number;
    }>`
    with ${windowSegmentsCtes(from, ats)}, rows as (
      select width_bucket(w.closed_at, b.b) as s, w.opportunity_id as id, w.pipeline_id, w.stage_id, w.ge, w.gs
      from b join opportunity_won_stage_entries w
        on w.closed_at >= b.b[1] and w.closed_at < b.b[array_length(b.b, 1)]
    ), seg as (
      select s, pipeline_id, stage_id, 'total' as kind, 0 as day, count(distinct id) as count, sum(gs - ge) as sum
        from rows group by s, pipeline_id, stage_id
      union all
      select s, pipeline_id, stage_id, 'end', floor(ge)::int, count(*), sum(ge)
        from rows where ge < ${MAX_GAP_DAYS} group by s, pipeline_id, stage_id, floor(ge)::int
      union all
      select s, pipeline_id, stage_id, 'start', floor(gs)::int, count(*), sum(gs)
        from rows where gs < ${MAX_GAP_DAYS} group by s, pipeline_id, stage_id, floor(gs)::int
    )
    select cw.i, seg.pipeline_id, seg.stage_id, seg.kind, seg.day, sum(seg.count) as count,
        sum(seg.sum order by seg.s) as sum
    from cw join seg on seg.s >= cw.lo and seg.s < cw.hi
    group by cw.i, seg.pipeline_id, seg.stage_id, seg.kind, seg.day
    order by i, pipeline_id, stage_id, kind, day`,
  );
  const byKey = ats.map(
    () => new Map<string, StageWinTiming & { endGaps: GapBucket[]; startGaps: GapBucket[] }>(),
  );
  for (const row of r.rows) {
    const m = byKey[Number(row.i) - 1];
    if (!m) continue;
    const key = `${row.pipeline_id}:${row.stage_id}`;
    let t = m.get(key);
    if (!t) {
      t = {
        pipelineId: row.pipeline_id,
        stageId: row.stage_id,
        wonDeals: 0,
        wonDays: 0,
        endGaps: [],
        startGaps: [],
      };
      m.set(key, t);
    }
    const bucket = { day: Number(row.day), count: Number(row.count), sum: Number(row.sum) };
    if (row.kind === 'total') {
      t.wonDeals = bucket.count;
      t.wonDays = bucket.sum;
    } else if (row.kind === 'end') t.endGaps.push(bucket);
    else t.startGaps.push(bucket);
  }
  byKey.forEach((m, i) => out[i]?.push(...m.values()));
  return out;
}
