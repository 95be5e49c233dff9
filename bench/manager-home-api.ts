// Each request of the manager home (bench/suite/manager-home.ts), one by one, through the whole Fastify app
// (`app.inject`) against an existing store, as the demo manager: min / median wall time and the process's CPU per
// request. The suite does the same on its cached workspace; this runs on any store, e.g. a copy of a 200-rep demo.
//
//   DATABASE_URL=postgres://... node bench/manager-home-api.ts [runs] [name filter] [--cold=day|write]
//
// The forecast is kept per scope, period and as-of day (stored-live-results.ts), so after the warm-up it is served
// from the store. --cold=day removes the stored live reports before each run (the first request of a day: the
// track record's checkpoints stay stored); --cold=write makes an empty write to a table the forecast reads before
// each run (the first request after a data change: everything is computed again). Both leave the data as it was.
//
// "now" for the URLs is the store's last day of data, as in the suite; the server reads the clock itself.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { targetFromConfig } from '../src/cli/store-from-config.ts';
import { openDb } from '../src/store/db.ts';
import { sql } from 'kysely';
import { LOGINS, managerHomeEndpoints } from './suite/manager-home.ts';
import { measure } from './suite/measure.ts';
import { NOW } from './suite/workspace.ts';

const config = parseConfig(process.env);
const runs = Number(process.argv[2] ?? 5);
const only = process.argv[3]?.startsWith('--') ? undefined : process.argv[3];
const cold = process.argv.find((a) => a.startsWith('--cold='))?.slice('--cold='.length);
if (cold !== undefined && cold !== 'day' && cold !== 'write') throw new Error('--cold=day or --cold=write');
const db = await openDb(targetFromConfig(config));
const app = await buildApp({
  db,
  config: parseConfig({
    ...process.env,
    PACESETTER_LOG_LEVEL: 'silent',
    PACESETTER_WEB_DIST: '/nonexistent',
  }),
});
await app.ready();
// CPU of this store's PostgreSQL backends (same machine only): utime + stime from /proc, in ms. Wall time is noisy
// on the shared 2 cores; node CPU + database CPU is what a request costs.
const ticksMs = 1000 / 100;
const dbCpuMs = async () => {
  const r = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database()`.execute(db);
  let total = 0;
  for (const { pid } of r.rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      total += (Number(fields[11]) + Number(fields[12])) * ticksMs;
    } catch {
      // Not on this machine, or the backend ended.
    }
  }
  return total;
};
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
try {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: LOGINS.manager });
  const session = login.cookies.find((c) => c.name === 'pacesetter_session');
  if (!session) throw new Error(`sign-in failed: ${login.statusCode}`);
  const cookie = `pacesetter_session=${session.value}`;
  const get = async (url: string) => {
    if (cold === 'day') await sql`delete from forecast_live_results`.execute(db);
    // A statement-level trigger bumps the data version even when no row changes.
    if (cold === 'write') await sql`update stages set name = name where false`.execute(db);
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  };
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const e of managerHomeEndpoints(NOW)) {
    if (only && !e.name.includes(only)) continue;
    await get(e.url); // warm-up
    const cpu0 = cpuMs();
    const dbCpu0 = await dbCpuMs();
    const t = await measure.time(() => get(e.url), { runs });
    const cpu = (cpuMs() - cpu0) / t.runs;
    const dbCpu = ((await dbCpuMs()) - dbCpu0) / t.runs;
    console.log(
      `${e.name.padEnd(40)} min ${String(t.min).padStart(8)} ms  median ${String(t.median).padStart(8)} ms  node CPU ${cpu.toFixed(0).padStart(6)} ms  db CPU ${dbCpu.toFixed(0).padStart(6)} ms`,
    );
  }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await app.close();
  await db.destroy();
}
