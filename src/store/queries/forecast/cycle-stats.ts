import { sql } from 'kysely';
import type { CycleStats } from '../../../domain/forecast/cycle-age.ts';
import type { Db } from '../../db.ts';
import { windowStarts } from './window-segments.ts';

/** Days of won-deal history the cycle and slippage statistics look back over. */
export const HISTORY_DAYS = 730;

/** The HISTORY_DAYS window before each instant, as parallel ISO arrays for unnest. */
export function historyWindows(ats: readonly Date[]) {
  return {
    from: sql.val(windowStarts(ats, HISTORY_DAYS).map((d) => d.toISOString())),
    to: sql.val(ats.map((at) => at.toISOString())),
  };
}

/**
 * Median and P90 cycle length (created to won, days) per 'pipelineId:type', over deals won in the
 * HISTORY_DAYS before `at` (only what was known at `at`, so backtests do not look ahead).
 */
export async function cycleStatsBefore(db: Db, at: Date): Promise<Map<string, CycleStats>> {
  return (await cycleStatsBeforeMany(db, [at]))[0] ?? new Map();
}

/** cycleStatsBefore for several instants in one query; element i answers `ats[i]`. */
export async function cycleStatsBeforeMany(db: Db, ats: readonly Date[]): Promise<Map<string, CycleStats>[]> {
  const out = ats.map(() => new Map<string, CycleStats>());
  if (ats.length === 0) return out;
  const w = historyWindows(ats);
  const r = await sql<{
    i: number;
    pipeline_id: number;
    type: string;
    samples: number;
    median: number;
    p90: number;
  }>`
    select c.i, o.pipeline_id, o.type, count(*) as samples,
      percentile_cont(0.5) within group (order by extract(epoch from o.closed_at - o.created_at)::float8 / 86400) as median,
      percentile_cont(0.9) within group (order by extract(epoch from o.closed_at - o.created_at)::float8 / 86400) as p90
    from unnest(${w.from}::timestamptz[], ${w.to}::timestamptz[]) with ordinality c(from_at, at, i)
    join opportunities o on o.status = 'won' and o.closed_at < c.at and o.closed_at >= c.from_at
    group by c.i, o.pipeline_id, o.type`.execute(db);
  for (const row of r.rows) {
    out[Number(row.i) - 1]?.set(`${row.pipeline_id}:${row.type}`, {
      medianDays: Number(row.median),
      p90Days: Number(row.p90),
      samples: Number(row.samples),
    });
  }
  return out;
}
