/**
 * Where a query process on PGlite holds its memory (issue 12: PGlite resident memory < 1 GB): on a copy of a store
 * (the bench's 200-rep workspace, say), the dashboard (every metric, the bench quarter, by rep), the 12-month
 * report, the company endpoints and the manager home, each step printed with its wall and CPU time, RSS, peak RSS
 * (VmHWM), JS heap, external memory and PGlite's WebAssembly heap. MODE=ab runs one dashboard, the report and the
 * forecast only (for A/B runs). Usage: node bench/query-memory.ts <store dir> <scratch dir for the copy>
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { SYSTEM_VIEWER } from '../src/domain/access/viewer.ts';
import { metricIds } from '../src/domain/metrics/registry.ts';
import { parseConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { openDb } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { runMetrics } from '../src/store/queries/metrics/run-metrics.ts';
import { companyEndpoints, LOGINS, managerHomeEndpoints } from './suite/manager-home.ts';
import { DASHBOARD_QUARTER, NOW, YEAR } from './suite/workspace.ts';

const [src, copy] = process.argv.slice(2);
rmSync(copy!, { recursive: true, force: true });
cpSync(src!, copy!, { recursive: true });
const mb = (b: number) => Math.round(b / 2 ** 20);
const peak = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
let wasm = () => 0;
const create = PGlite.create.bind(PGlite);
PGlite.create = (async (...args: Parameters<typeof PGlite.create>) => {
  const pg = await create(...args);
  const mod = (pg as unknown as { mod: { HEAPU8: Uint8Array } }).mod;
  wasm = () => mod.HEAPU8.buffer.byteLength;
  return pg;
}) as typeof PGlite.create;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
async function step(name: string, fn: () => Promise<unknown>) {
  const t = performance.now();
  const c = cpu();
  await fn();
  const m = process.memoryUsage();
  console.log(
    `${name.padEnd(28)} ${(performance.now() - t).toFixed(0).padStart(6)} ms wall ${(cpu() - c).toFixed(2).padStart(6)} s cpu  rss ${mb(m.rss)} peak ${mb(peak())} heap ${mb(m.heapUsed)} ext ${mb(m.external)} wasm ${mb(wasm())}`,
  );
}
const db = await openDb({ kind: 'pglite', dataDir: copy! });
await step('open+migrate', () => migrateToLatest(db));
// MODE=ab: one dashboard, the report and the forecast; MODE=home: the company endpoints and the manager home only.
const mode = process.env.MODE ?? 'all';
const AB = mode === 'ab';
for (let i = 0; i < (mode === 'home' ? 0 : AB ? 1 : 3); i++)
  await step(`dashboard ${i}`, () =>
    runMetrics(
      db,
      SYSTEM_VIEWER,
      { metricIds: metricIds(), ...DASHBOARD_QUARTER, groupBy: 'rep' },
      { now: NOW },
    ),
  );
if (mode !== 'home')
  await step('12-month report', () =>
    runMetrics(
      db,
      SYSTEM_VIEWER,
      { metricIds: metricIds(), ...YEAR, groupBy: 'rep', grain: 'month' },
      { now: NOW },
    ),
  );
const app = await buildApp({
  db,
  config: parseConfig({ PACESETTER_LOG_LEVEL: 'silent', PACESETTER_WEB_DIST: '/nonexistent' }),
});
await app.ready();
const login = async (l: { email: string; password: string }) => {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: l });
  return `pacesetter_session=${res.cookies.find((x) => x.name === 'pacesetter_session')!.value}`;
};
const admin = await login(LOGINS.admin);
for (const e of companyEndpoints(NOW))
  if (!AB || e.name.startsWith('forecast'))
    await step(e.name, () => app.inject({ method: 'GET', url: e.url, headers: { cookie: admin } }));
const manager = await login(LOGINS.manager);
for (let i = 0; i < (AB ? 0 : mode === 'home' ? 5 : 2); i++)
  await step(`manager home ${i}`, () =>
    Promise.all(
      managerHomeEndpoints(NOW).map((e) =>
        app.inject({ method: 'GET', url: e.url, headers: { cookie: manager } }),
      ),
    ),
  );
await app.close();
await db.destroy();
rmSync(copy!, { recursive: true, force: true });
console.log(
  `total cpu ${cpu().toFixed(1)} s, peak ${mb(peak())} MB, load ${readFileSync('/proc/loadavg', 'utf8').slice(0, 15)}`,
);
