/**
 * Each metric of the bench dashboard (DASHBOARD_QUARTER by rep) on its own through runMetrics on PostgreSQL
 * (DATABASE_URL), one after another, best of `runs` wall ms; statements give up after `--timeout=` seconds (20).
 * `node bench/dashboard-per-metric.ts [runs] [--timeout=20] [--only=a,b]`: finds which metrics the dashboard's
 * time goes to.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { SYSTEM_VIEWER } from '../src/domain/access/viewer.ts';
import { metricIds } from '../src/domain/metrics/registry.ts';
import type { Database } from '../src/store/schema.ts';
import { runMetrics } from '../src/store/queries/metrics/run-metrics.ts';
import { DASHBOARD_QUARTER, NOW } from './suite/workspace.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 2);
const timeout = Number(process.argv.find((a) => a.startsWith('--timeout='))?.slice(10) ?? 20);
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const pool = new pg.Pool({
  connectionString: url,
  max: 10,
  options: `-c statement_timeout=${timeout * 1000} -c jit=off`,
});
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
const out: [string, number | string][] = [];
for (const id of only ?? metricIds()) {
  let best = Infinity;
  try {
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await runMetrics(
        db,
        SYSTEM_VIEWER,
        { metricIds: [id], ...DASHBOARD_QUARTER, groupBy: 'rep' },
        { now: NOW },
      );
      best = Math.min(best, performance.now() - t);
    }
    out.push([id, Math.round(best)]);
  } catch (err) {
    out.push([id, `failed: ${(err as Error).message}`]);
  }
  console.log(`${id}: ${out[out.length - 1]![1]}`);
}
console.log('\nslowest first:');
for (const [id, v] of [...out].sort(
  (a, b) => (typeof b[1] === 'number' ? b[1] : 1e9) - (typeof a[1] === 'number' ? a[1] : 1e9),
))
  console.log(`${String(v).padStart(8)}  ${id}`);
await db.destroy();
