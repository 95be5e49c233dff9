/**
 * Profiles the bench dashboard (every metric, DASHBOARD_QUARTER by rep) through runMetrics on PostgreSQL
 * (DATABASE_URL): each statement with its wall time, the whole call min / median over runs, and the same for the
 * hand-written baseline in the same process, alternating. `node bench/dashboard-profile.ts [runs] [--explain]`
 * (--explain: EXPLAIN (ANALYZE, BUFFERS) of the three slowest statements of the last run; --without=a,b: leave those
 * metrics out).
 */
import { Kysely, PostgresDialect, sql, CompiledQuery, type LogEvent } from 'kysely';
import pg from 'pg';
import { SYSTEM_VIEWER } from '../src/domain/access/viewer.ts';
import type { Database } from '../src/store/schema.ts';
import { runMetrics } from '../src/store/queries/metrics/run-metrics.ts';
import { dashboardQuery, compareDashboard } from './suite/dashboard.ts';
import { baselineParams, runBaseline } from './suite/baseline.ts';
import { DASHBOARD_QUARTER, NOW } from './suite/workspace.ts';
import { measure } from './suite/measure.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 7);
const explain = process.argv.includes('--explain');

interface Logged {
  sql: string;
  params: readonly unknown[];
  ms: number;
}
let log: Logged[] | null = null;
const pool = new pg.Pool({
  connectionString: url,
  max: 10,
  types: {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === 20 || oid === 1700) return (v: string) => Number(v);
      if (oid === 1082) return (v: string) => v;
      return pg.types.getTypeParser(oid, format);
    },
  },
});
pool.on('connect', (client) => void client.query('set jit = off').catch(() => undefined));
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (e: LogEvent) => {
    log?.push({ sql: e.query.sql, params: e.query.parameters, ms: e.queryDurationMillis });
  },
});

const params = await baselineParams(db, DASHBOARD_QUARTER.from, DASHBOARD_QUARTER.to, NOW);
const inBaseline = new Set([...(await runBaseline(db, params)).keys()].map((k) => k.split(':')[1]!));
const all = dashboardQuery(DASHBOARD_QUARTER.from, DASHBOARD_QUARTER.to);
// --without=a,b: leave those metrics out (e.g. one statement that dominates the wall, to see the others move).
const without = new Set(
  process.argv
    .find((a) => a.startsWith('--without='))
    ?.slice(10)
    .split(',') ?? [],
);
const query = { ...all, metricIds: all.metricIds.filter((id) => !without.has(id)) };
console.log(`${query.metricIds.length} metrics (${inBaseline.size} in the baseline)`);
await runMetrics(db, SYSTEM_VIEWER, query, { now: NOW }); // warm-up
await runBaseline(db, params);
const eng: number[] = [];
const raw: number[] = [];
let last: Logged[] = [];
let rows = await runMetrics(db, SYSTEM_VIEWER, query, { now: NOW });
let base = await runBaseline(db, params);
for (let i = 0; i < runs; i++) {
  log = [];
  let t = performance.now();
  rows = await runMetrics(db, SYSTEM_VIEWER, query, { now: NOW });
  eng.push(performance.now() - t);
  last = log as Logged[];
  log = null;
  t = performance.now();
  base = await runBaseline(db, params);
  raw.push(performance.now() - t);
}
const e = measure.summarise(eng);
const r = measure.summarise(raw);
const cmp = compareDashboard(rows, base);
console.log(
  `load average ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(`engine   ${e.min} / ${e.median} ms`);
console.log(`raw SQL  ${r.min} / ${r.median} ms`);
console.log(
  `speedup  ${(r.median / e.median).toFixed(2)}x (medians), values ${cmp.compared}, mismatches ${cmp.mismatches.length}`,
);
for (const m of cmp.mismatches.slice(0, 5)) console.log('  ' + m);
console.log(`statements in the last run: ${last.length}`);
const sorted = [...last].sort((a, b) => b.ms - a.ms);
for (const s of sorted)
  console.log(`${s.ms.toFixed(1).padStart(8)} ms  ${s.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
if (explain) {
  for (const s of sorted.slice(0, 3)) {
    const c = await db.connection().execute(async (conn) => {
      await conn.executeQuery(CompiledQuery.raw('set jit = off'));
      return conn.executeQuery(CompiledQuery.raw(`explain (analyze, buffers) ${s.sql}`, [...s.params]));
    });
    console.log('\n--- ' + s.sql.replace(/\s+/g, ' ').slice(0, 300));
    for (const row of c.rows as Record<string, string>[]) console.log(row['QUERY PLAN']);
  }
}
void sql;
await db.destroy();
