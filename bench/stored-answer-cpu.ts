/**
 * CPU per stored dashboard answer, on an existing migrated PostgreSQL store (a copy of the 200-rep workspace):
 * `node bench/stored-answer-cpu.ts <database url> [--requests=N] [--accept=gzip|br|identity]`. Builds the app in this
 * process, signs in as the demo admin, asks GET /api/metrics (quarter by rep, every metric) once to keep the
 * answer, then N times one after another through app.inject, and prints this process's CPU and PostgreSQL's
 * (its backends for this database, from /proc) per request. CPU time, unlike latency on a shared machine, does not
 * follow the other processes' load (much). Writes only the stored answer.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { parseConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { openDb } from '../src/store/db.ts';
import { dashboardApiUrl, LOGINS } from './suite/manager-home.ts';

const url = process.argv[2];
if (!url) {
  console.error(
    'usage: node bench/stored-answer-cpu.ts <database url> [--requests=N] [--accept=gzip|br|identity]',
  );
  process.exit(2);
}
const opt = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const requests = Number(opt('requests') ?? 2000);
const accept = opt('accept') ?? 'gzip';

const db = await openDb({ kind: 'postgres', url });
const app = await buildApp({
  db,
  config: parseConfig({ PACESETTER_LOG_LEVEL: 'silent', PACESETTER_WEB_DIST: '/nonexistent' }),
});
await app.ready();
const pgCpu = async () => {
  const pids = await sql<{
    pid: number;
  }>`select pid from pg_stat_activity where datname = current_database()`.execute(db);
  let s = 0;
  for (const { pid } of pids.rows) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      s += (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      // ended
    }
  }
  return s;
};
try {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: LOGINS.admin });
  const cookie = login.cookies.find((c) => c.name === 'pacesetter_session');
  if (!cookie) throw new Error(`sign-in failed: ${login.statusCode}`);
  const headers: Record<string, string> = { cookie: `pacesetter_session=${cookie.value}` };
  if (accept !== 'identity') headers['accept-encoding'] = accept;
  const path = dashboardApiUrl('2026-07-01', '2026-09-30');
  const first = await app.inject({ method: 'GET', url: path, headers });
  if (first.statusCode !== 200) throw new Error(`GET ${path}: ${first.statusCode}`);
  for (let i = 0; i < 50; i++) await app.inject({ method: 'GET', url: path, headers });
  const load0 = loadavg()[0];
  const pg0 = await pgCpu();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let bytes = 0;
  for (let i = 0; i < requests; i++) {
    const res = await app.inject({ method: 'GET', url: path, headers });
    bytes += res.rawPayload.length;
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const pg = (await pgCpu()) - pg0;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  console.log(
    JSON.stringify({
      requests,
      accept,
      bytes_per_response: Math.round(bytes / requests),
      node_cpu_ms_per_request: round((cpu.user + cpu.system) / 1000 / requests),
      postgres_cpu_ms_per_request: round((pg * 1000) / requests),
      wall_ms_per_request: round(wall / requests),
      load_average: [load0, loadavg()[0]],
    }),
  );
} finally {
  await app.close();
  await db.destroy();
}
