/**
 * The manager dashboard: every KPI of docs/metrics.md for one quarter by rep, through the engine (runMetrics)
 * and through the hand-written baseline, checked equal value by value.
 */
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import type { MetricQuery, MetricRow } from '../../src/domain/metrics/query.ts';
import { metricIds } from '../../src/domain/metrics/registry.ts';
import type { Db } from '../../src/store/db.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { baselineParams, runBaseline } from './baseline.ts';
import { measure, type Timing } from './measure.ts';

export interface DashboardResult {
  engine_ms: Timing;
  raw_sql_ms: Timing;
  /** raw_sql_ms / engine_ms, on the medians. */
  speedup: number;
  reps: number;
  /** Metrics in the engine's run (every registry metric). */
  metrics: number;
  values_compared: number;
  /**
   * Values that differ (at most 20 listed); empty when the two agree everywhere. A registry metric without a
   * baseline shows here as "baseline has no such rep/metric" on every row, so the speedup is always like for like.
   */
  mismatches: string[];
  mismatch_count: number;
}

export function dashboardQuery(from: string, to: string): MetricQuery {
  return { metricIds: metricIds(), from, to, groupBy: 'rep' };
}

/** Equal within floating-point noise: the engine may divide in JS what the baseline divides in SQL. */
function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function compareDashboard(
  engine: MetricRow[],
  baseline: Map<string, number | null>,
): { compared: number; mismatches: string[] } {
  const mismatches: string[] = [];
  let compared = 0;
  const seen = new Set<string>();
  for (const row of engine) {
    for (const [metric, v] of Object.entries(row.values)) {
      const key = `${row.groupId}:${metric}`;
      seen.add(key);
      compared += 1;
      if (!baseline.has(key)) {
        mismatches.push(`${key}: engine ${v.value}, baseline has no such rep/metric`);
        continue;
      }
      const b = baseline.get(key) ?? null;
      if (!same(v.value, b)) mismatches.push(`${key}: engine ${v.value}, baseline ${b}`);
    }
  }
  for (const key of baseline.keys())
    if (!seen.has(key))
      mismatches.push(`${key}: baseline ${baseline.get(key)}, engine has no such rep/metric`);
  return { compared, mismatches };
}

export async function benchDashboard(
  db: Db,
  o: { from: string; to: string; now: Date; runs: number },
): Promise<DashboardResult> {
  const query = dashboardQuery(o.from, o.to);
  const params = await baselineParams(db, o.from, o.to, o.now);
  let engineRows: MetricRow[] = [];
  let baseline = new Map<string, number | null>();
  // Alternate the two so both see the same machine load and cache state.
  const engineTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    let t = performance.now();
    engineRows = await runMetrics(db, SYSTEM_VIEWER, query, { now: o.now });
    engineTimes.push(performance.now() - t);
    t = performance.now();
    baseline = await runBaseline(db, params);
    rawTimes.push(performance.now() - t);
  }
  const engine_ms = measure.summarise(engineTimes);
  const raw_sql_ms = measure.summarise(rawTimes);
  const { compared, mismatches } = compareDashboard(engineRows, baseline);
  return {
    engine_ms,
    raw_sql_ms,
    speedup: raw_sql_ms.median / engine_ms.median,
    reps: engineRows.length,
    metrics: query.metricIds.length,
    values_compared: compared,
    mismatches: mismatches.slice(0, 20),
    mismatch_count: mismatches.length,
  };
}
