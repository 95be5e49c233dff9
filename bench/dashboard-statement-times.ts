/**
 * Server execution time of each statement of the bench dashboard (the metrics the hand-written baseline answers,
 * DASHBOARD_QUARTER by rep) on PostgreSQL (DATABASE_URL), one at a time on one connection: `EXPLAIN (ANALYZE,
 * TIMING OFF)` repeated, min / median per statement, and the sum of the medians. `node
 * bench/dashboard-statement-times.ts [runs] [--only=<text>]`. Unlike dashboard-profile.ts (wall time of the
 * statements running in parallel, which the other statements and the machine's load blur) this isolates a statement.
 */
import { CompiledQuery, Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { SYSTEM_VIEWER } from '../src/domain/access/viewer.ts';
import type { Database } from '../src/store/schema.ts';
import { runMetrics } from '../src/store/queries/metrics/run-metrics.ts';
import { dashboardQuery } from './suite/dashboard.ts';
import { baselineParams, runBaseline } from './suite/baseline.ts';
import { DASHBOARD_QUARTER, NOW } from './suite/workspace.ts';
import { measure } from './suite/measure.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const seen: CompiledQuery[] = [];
const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (e: LogEvent) => void seen.push(e.query as CompiledQuery),
});
const params = await baselineParams(db, DASHBOARD_QUARTER.from, DASHBOARD_QUARTER.to, NOW);
const covered = new Set([...(await runBaseline(db, params)).keys()].map((k) => k.split(':')[1]!));
const all = dashboardQuery(DASHBOARD_QUARTER.from, DASHBOARD_QUARTER.to);
seen.length = 0;
await runMetrics(
  db,
  SYSTEM_VIEWER,
  { ...all, metricIds: all.metricIds.filter((id) => covered.has(id)) },
  { now: NOW },
);
const c = await pool.connect();
let total = 0;
for (const q of seen) {
  const text = q.sql.replace(/\s+/g, ' ');
  if (only && !text.includes(only)) continue;
  const ms: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const r = await c.query(`explain (analyze, timing off, format json) ${q.sql}`, [...q.parameters]);
    const plan = (r.rows[0] as { 'QUERY PLAN': [{ 'Execution Time': number }] })['QUERY PLAN'][0];
    if (i > 0) ms.push(plan['Execution Time']); // the first run warms the cache
  }
  const t = measure.summarise(ms);
  total += t.median;
  console.log(
    `${t.min.toFixed(1).padStart(8)} / ${t.median.toFixed(1).padStart(8)} ms  ${text.slice(0, 150)}`,
  );
}
console.log(
  `sum of medians ${total.toFixed(1)} ms; load average ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
c.release();
await db.destroy();
