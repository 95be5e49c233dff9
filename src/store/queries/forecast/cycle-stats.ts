import { sql } from 'kysely';
import type { CycleStats } from '../../../domain/forecast/cycle-age.ts';
import type { Db } from '../../db.ts';

/** Days of won-deal history the cycle and slippage statistics look back over. */
export const HISTORY_DAYS = 730;

/**
 * Median and P90 cycle length (created to won, days) per 'pipelineId:type', over deals won in the
 * HISTORY_DAYS before `at` (only what was known at `at`, so backtests do not look ahead).
 */
export async function cycleStatsBefore(db: Db, at: Date): Promise<Map<string, CycleStats>> {
  const from = new Date(at.getTime() - HISTORY_DAYS * 86_400_000);
  const r = await sql<{ pipeline_id: number; type: string; samples: number; median: number; p90: number }>`
    select pipeline_id, type, count(*) as samples,
      percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at)::float8 / 86400) as median,
      percentile_cont(0.9) within group (order by extract(epoch from closed_at - created_at)::float8 / 86400) as p90
    from opportunities
    where status = 'won' and closed_at < ${at.toISOString()}::timestamptz and closed_at >= ${from.toISOString()}::timestamptz
    group by pipeline_id, type`.execute(db);
  const out = new Map<string, CycleStats>();
  for (const row of r.rows) {
    out.set(`${row.pipeline_id}:${row.type}`, {
      medianDays: Number(row.median),
      p90Days: Number(row.p90),
      samples: Number(row.samples),
    });
  }
  return out;
}
