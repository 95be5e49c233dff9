/**
 * Measures one engine on a working copy of the cached workspace, in its own process (so its peak RSS is the
 * engine's, and PGlite's memory is returned when it ends), and writes the figures as JSON. Usage:
 *   node bench/suite/run-engine.ts pglite|postgres <out.json> [--quick]
 * PostgreSQL needs BENCH_DATABASE_URL (a database on the server used for administration: the suite creates and
 * drops its own databases beside it).
 */
import { writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { metricIds } from '../../src/domain/metrics/registry.ts';
import { parseConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { openDb, type Db } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { benchDashboard } from './dashboard.ts';
import { runLoad, signIn, startServer, stopServer, type LoadResult } from './http-load.ts';
import { benchDashboardApi } from './dashboard-api.ts';
import { companyEndpoints, LOGINS, managerHomeEndpoints } from './manager-home.ts';
import { measure, type Timing } from './measure.ts';
import { postgresWorkspace, pgliteWorkspace } from './stores.ts';
import { DASHBOARD_QUARTER, NOW, YEAR } from './workspace.ts';

const [kind, out] = process.argv.slice(2);
const quick = process.argv.includes('--quick');
if ((kind !== 'pglite' && kind !== 'postgres') || !out) {
  console.error('usage: run-engine.ts pglite|postgres <out.json> [--quick]');
  process.exit(2);
}
const log = (s: string) => console.log(`[${kind}] ${s}`);
const RUNS = quick ? 2 : 3;
const DASHBOARD_RUNS = quick ? 2 : 5;
const BUDGET_MS = quick ? 20_000 : 45_000;
const LOAD_SECONDS = quick ? 5 : 20;

type App = Awaited<ReturnType<typeof buildApp>>;

async function inject(app: App, cookie: string, url: string): Promise<void> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
}

async function cookieFor(app: App, login: { email: string; password: string }): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: login });
  const c = res.cookies.find((x) => x.name === 'pacesetter_session');
  if (!c) throw new Error(`sign-in as ${login.email} failed: ${res.statusCode}`);
  return `pacesetter_session=${c.value}`;
}

async function counts(db: Db): Promise<Record<string, number>> {
  const tables = [
    'activities',
    'contacts',
    'opportunities',
    'opportunity_history',
    'leads',
    'teams',
  ] as const;
  const result: Record<string, number> = {};
  for (const t of tables) {
    const r = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    result[t] = Number(r.n);
  }
  result.reps = Number(
    (
      await db
        .selectFrom('users')
        .where('role', '=', 'rep')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  return result;
}

const url = process.env.BENCH_DATABASE_URL;
if (kind === 'postgres' && !url) throw new Error('BENCH_DATABASE_URL is not set');
const t0 = performance.now();
const ws = kind === 'pglite' ? await pgliteWorkspace(log) : await postgresWorkspace(url!, log);
const result: Record<string, unknown> = { engine: kind, build_seconds: measure.round(ws.builtSeconds) };
try {
  const db = await openDb(ws.target);
  try {
    await migrateToLatest(db);
    log(`workspace ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    result.workspace = await counts(db);

    log('dashboard: engine vs hand-written SQL');
    const dash = await benchDashboard(db, { ...DASHBOARD_QUARTER, now: NOW, runs: DASHBOARD_RUNS });
    result.dashboard = dash;
    log(
      `  engine ${dash.engine_ms.median} ms, raw SQL ${dash.raw_sql_ms.median} ms, speedup ${dash.speedup.toFixed(2)}, ` +
        `${dash.values_compared} values, ${dash.mismatch_count} mismatches`,
    );
    if (dash.mismatch_count > 0) for (const m of dash.mismatches) log(`  MISMATCH ${m}`);

    log('12-month report by month, by rep');
    result.report_12_months = await measure.time(
      () =>
        runMetrics(
          db,
          SYSTEM_VIEWER,
          { metricIds: metricIds(), ...YEAR, groupBy: 'rep', grain: 'month' },
          { now: NOW },
        ),
      { runs: quick ? 1 : 3, budgetMs: BUDGET_MS },
    );
    log(`  ${JSON.stringify(result.report_12_months)}`);

    const config = parseConfig({ PACESETTER_LOG_LEVEL: 'silent', PACESETTER_WEB_DIST: '/nonexistent' });
    const app = await buildApp({ db, config });
    await app.ready();
    try {
      const admin = await cookieFor(app, LOGINS.admin);
      for (const e of companyEndpoints(NOW)) {
        log(`${e.name}: GET ${e.url}`);
        result[e.name] = await measure.time(() => inject(app, admin, e.url), {
          runs: RUNS,
          budgetMs: BUDGET_MS,
        });
        log(`  ${JSON.stringify(result[e.name])}`);
      }
      // The figure above is the stored answer, which is what a page gets for the rest of the day; the first
      // request of a day and the first after a write to the deals compute it (a write bumps the data version the
      // stored answer and the track record's checkpoints are keyed by; an empty statement is enough).
      const forecast = companyEndpoints(NOW).find((e) => e.name === 'forecast_with_track_record');
      if (forecast) {
        const cold = {
          first_of_day: sql`delete from forecast_live_results`,
          after_write: sql`update opportunities set name = name where false`,
        };
        for (const [name, statement] of Object.entries(cold)) {
          const key = `forecast_with_track_record_${name}`;
          result[key] = await measure.time(
            async () => {
              await statement.execute(db);
              await inject(app, admin, forecast.url);
            },
            { runs: RUNS, budgetMs: BUDGET_MS },
          );
          log(`${key}: ${JSON.stringify(result[key])}`);
        }
      }
      const manager = await cookieFor(app, LOGINS.manager);
      const home: Record<string, Timing & { url: string }> = {};
      for (const e of managerHomeEndpoints(NOW)) {
        const t = await measure.time(() => inject(app, manager, e.url), { runs: RUNS, budgetMs: BUDGET_MS });
        home[e.name] = { ...t, url: e.url };
        log(`manager home ${e.name}: ${t.median} ms`);
      }
      result.manager_home = home;
      result.manager_home_parallel = await measure.time(
        () => Promise.all(managerHomeEndpoints(NOW).map((e) => inject(app, manager, e.url))),
        { runs: quick ? 1 : 3, budgetMs: BUDGET_MS },
      );
      log(`manager home, every request at once: ${JSON.stringify(result.manager_home_parallel)}`);
    } finally {
      await app.close();
    }
  } finally {
    await db.destroy();
  }

  if (ws.target.kind === 'postgres') {
    const load: Record<string, LoadResult> = {};
    for (const servers of [1, 2]) {
      const started = await Promise.all(
        Array.from({ length: servers }, (_, i) =>
          startServer((ws.target as { url: string }).url, 39_400 + i),
        ),
      );
      try {
        const sessions = await Promise.all(
          started.map(async (s) => ({ origin: s.origin, cookie: await signIn(s.origin, LOGINS.manager) })),
        );
        const paths = managerHomeEndpoints(NOW).map((e) => e.url);
        load[`manager_home_${servers}`] = await runLoad(sessions, paths, {
          connections: 50,
          seconds: LOAD_SECONDS,
        });
        log(`load, manager home, ${servers} server(s): ${JSON.stringify(load[`manager_home_${servers}`])}`);
        // The dashboard API: its stored answer under load (plain, and gzip accepted as a browser does), the cold
        // request after a write, and 50 viewers each asking their own quarters from nothing kept.
        const store = await openDb(ws.target);
        try {
          const api = await benchDashboardApi(store, started, {
            runs: RUNS,
            seconds: LOAD_SECONDS,
            connections: 50,
            log,
          });
          load[`dashboard_api_${servers}`] = api.load_stored;
          load[`dashboard_api_gzip_${servers}`] = api.load_stored_gzip;
          load[`dashboard_api_writes_${servers}`] = api.load_with_writes;
          load[`dashboard_api_mix_${servers}`] = api.load_mix;
          if (servers === 1) {
            result.dashboard_api_after_write = api.cold_ms;
            result.dashboard_api_stored = api.stored_ms;
          }
        } finally {
          await store.destroy();
        }
      } finally {
        await Promise.all(started.map(stopServer));
      }
    }
    result.http_load = load;
  }
  result.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
} finally {
  await ws.drop();
}
writeFileSync(out, JSON.stringify(result, null, 2));
log(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
