/**
 * The metrics that read the signals kept at write time (migration 0041: activities.repeat_touch and
 * held_meeting_before) for the bench dashboard's quarter by rep on PostgreSQL (DATABASE_URL): the default path
 * (the count rollups) against the raw definitions (strategy raw, the per-row probes), value by value, and each
 * path's wall time, min / median of `runs`. `node bench/signal-flags.ts [runs] [--ids=a,b]` (other metric ids, e.g.
 * zero_length_call_share,bulk_logged_share for migration 0042's keys).
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { SYSTEM_VIEWER } from '../src/domain/access/viewer.ts';
import type { MetricRow } from '../src/domain/metrics/query.ts';
import type { Database } from '../src/store/schema.ts';
import { runMetrics } from '../src/store/queries/metrics/run-metrics.ts';
import { DASHBOARD_QUARTER, NOW } from './suite/workspace.ts';

const IDS = process.argv
  .find((a) => a.startsWith('--ids='))
  ?.slice('--ids='.length)
  .split(',') ?? [
  'repeat_touch_share',
  'follow_ups_after_meeting',
  'prospecting_activities',
  'meetings_per_prospecting_activity',
];
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3);
const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
const query = { metricIds: IDS, groupBy: 'rep' as const, ...DASHBOARD_QUARTER };

async function timed(strategy: 'auto' | 'raw'): Promise<{ ms: number[]; rows: MetricRow[] }> {
  const ms: number[] = [];
  let rows: MetricRow[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    rows = await runMetrics(db, SYSTEM_VIEWER, query, { now: NOW, strategy });
    ms.push(performance.now() - t);
  }
  return { ms: ms.sort((a, b) => a - b), rows };
}

const show = (ms: number[]) => `${ms[0]!.toFixed(0)} / ${ms[Math.floor(ms.length / 2)]!.toFixed(0)} ms`;
const auto = await timed('auto');
const raw = await timed('raw');
const key = (r: MetricRow) => JSON.stringify([r.groupId, r.period]);
const rawBy = new Map(raw.rows.map((r) => [key(r), r.values]));
let compared = 0;
let mismatches = 0;
for (const r of auto.rows) {
  for (const id of IDS) {
    compared += 1;
    if (JSON.stringify(r.values[id]) !== JSON.stringify(rawBy.get(key(r))?.[id])) mismatches += 1;
  }
}
console.log(`rows ${auto.rows.length} / ${raw.rows.length}, values ${compared}, mismatches ${mismatches}`);
console.log(`auto (rollups) ${show(auto.ms)}; raw ${show(raw.ms)}`);
await db.destroy();
