/**
 * Prints the statements the engine's dashboard (every metric, DASHBOARD_QUARTER by rep) would run on PostgreSQL
 * (DATABASE_URL), each with EXPLAIN (or EXPLAIN ANALYZE, BUFFERS with --analyze) under a statement timeout, so a
 * plan gone wrong shows without waiting for it: `node bench/dashboard-statements.ts [--analyze] [--only=<text>]`.
 */
import { CompiledQuery, Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { SYSTEM_VIEWER } from '../src/domain/access/viewer.ts';
import type { Database } from '../src/store/schema.ts';
import { runMetrics } from '../src/store/queries/metrics/run-metrics.ts';
import { dashboardQuery } from './suite/dashboard.ts';
import { DASHBOARD_QUARTER, NOW } from './suite/workspace.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const analyze = process.argv.includes('--analyze');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const seen: CompiledQuery[] = [];
// The capture run gives up on any statement after 30 s: only the texts are wanted from it.
const pool = new pg.Pool({
  connectionString: url,
  max: 10,
  options: '-c statement_timeout=30000 -c jit=off',
});
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (e: LogEvent) => {
    seen.push(e.query as CompiledQuery);
    console.log(
      `${e.level} ${e.queryDurationMillis.toFixed(0)} ms: ${e.query.sql.replace(/\s+/g, ' ').slice(0, 120)}`,
    );
  },
});
await runMetrics(db, SYSTEM_VIEWER, dashboardQuery(DASHBOARD_QUARTER.from, DASHBOARD_QUARTER.to), {
  now: NOW,
}).catch((err: Error) => console.log('run: ' + err.message));
for (const q of seen) {
  const text = q.sql.replace(/\s+/g, ' ');
  if (only && !text.includes(only)) continue;
  console.log('\n=== ' + text.slice(0, 400));
  const c = await pool.connect();
  try {
    await c.query(`set statement_timeout = '60s'; set jit = off`);
    const t = performance.now();
    const r = await c.query(`explain ${analyze ? '(analyze, buffers)' : ''} ${q.sql}`, [...q.parameters]);
    for (const row of r.rows) console.log(row['QUERY PLAN']);
    console.log(`(${(performance.now() - t).toFixed(0)} ms)`);
  } catch (err) {
    console.log('failed: ' + (err as Error).message);
  } finally {
    c.release();
  }
}
await db.destroy();
