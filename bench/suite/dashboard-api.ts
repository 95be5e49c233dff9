/**
 * The dashboard API (GET /api/metrics, every KPI for a quarter by rep) against `pacesetter serve` processes, with
 * the stored answer (src/store/queries/metrics/stored-results.ts): one request just after a write (the cold
 * figure: the engine computes and keeps it), one repeated (served from the store), 50 connections asking the same
 * question, and a mix where 50 connections, each its own viewer (admin, managers, reps), cycle through different
 * quarters from an empty store (the first request of each viewer and quarter computes), accepting gzip as a
 * browser does. Server CPU is read from
 * /proc for each phase, so the figures say how much of the 2 cores the answers cost.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import type { Db } from '../../src/store/db.ts';
import { runClients, runLoad, signIn, type LoadResult, type Server } from './http-load.ts';
import { dashboardApiUrl, LOGINS } from './manager-home.ts';
import { measure, type Timing } from './measure.ts';

/** The calendar quarters of the workspace's data, newest first (the mix cycles through them). */
export const MIX_QUARTERS = [
  { from: '2026-07-01', to: '2026-09-30' },
  { from: '2026-04-01', to: '2026-06-30' },
  { from: '2026-01-01', to: '2026-03-31' },
  { from: '2025-10-01', to: '2025-12-31' },
  { from: '2025-07-01', to: '2025-09-30' },
  { from: '2025-04-01', to: '2025-06-30' },
  { from: '2025-01-01', to: '2025-03-31' },
  { from: '2024-10-01', to: '2024-12-31' },
] as const;

/**
 * One write every 5 s: the workspace's 3.24M activities over 24 months are about 6,400 a working day, one every 5 s
 * in a 9-hour day.
 */
const WRITE_EVERY_MS = 5_000;

/** What a browser sends (the mix is the web app's viewers). */
const GZIP = { 'accept-encoding': 'gzip, deflate, br' };

/** Sign-ins of the mix: the admin, the demo's managers and reps (demo emails, one password). */
export function mixLogins(n: number): { email: string; password: string }[] {
  const [local, domain] = LOGINS.manager.email.split('@') as [string, string];
  const password = LOGINS.manager.password;
  const managers = [
    LOGINS.admin.email,
    `director@${domain}`,
    LOGINS.manager.email,
    `${local}2@${domain}`,
    `${local}3@${domain}`,
  ];
  const out = managers.map((email) => ({ email, password }));
  for (let i = 1; out.length < n; i++)
    out.push({ email: i === 1 ? `rep@${domain}` : `rep${i}@${domain}`, password });
  return out.slice(0, n);
}

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
export function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "pid (comm) ".
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export interface DashboardApiResult {
  /** One request just after a write the metrics read: the engine computes and keeps the answer. */
  cold_ms: Timing;
  cold_server_cpu_ms: number;
  /** The same request again: the kept answer. */
  stored_ms: Timing;
  stored_server_cpu_ms: number;
  /** 50 connections, the same request, the answer kept, without and with Accept-Encoding: gzip (as a browser). */
  load_stored: LoadResult & { server_cpu_s: number; load_average: number[] };
  load_stored_gzip: LoadResult & { server_cpu_s: number; load_average: number[] };
  /**
   * The same with gzip, while a write the metrics read lands every WRITE_EVERY_MS (the workspace's activity rate in
   * working hours): each moves the data version, and the next requests compute the answer again (once per server).
   */
  load_with_writes: LoadResult & { server_cpu_s: number; load_average: number[]; writes: number };
  /** 50 connections, each its own viewer, cycling through the quarters, from an empty store. */
  load_mix: LoadResult & {
    server_cpu_s: number;
    load_average: number[];
    answers_kept: number;
    viewers: number;
  };
}

const serverCpu = (servers: Server[]) =>
  servers.reduce((n, s) => n + (s.process.pid ? processCpuSeconds(s.process.pid) : 0), 0);

async function get(origin: string, cookie: string, path: string): Promise<void> {
  const res = await fetch(`${origin}${path}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
  await res.arrayBuffer();
}

/** Measures the dashboard API on running servers over `db` (the same database, for the writes and the store). */
export async function benchDashboardApi(
  db: Db,
  servers: Server[],
  o: { runs: number; seconds: number; connections: number; log: (s: string) => void },
): Promise<DashboardApiResult> {
  const origin = servers[0]!.origin;
  const admin = await signIn(origin, LOGINS.admin);
  const path = dashboardApiUrl(MIX_QUARTERS[0].from, MIX_QUARTERS[0].to);
  // A statement on a table the metrics read, even one writing nothing, moves the data version.
  const write = sql`update activities set id = id where false`;

  let cpu = 0;
  const cold = await measure.time(
    async () => {
      await write.execute(db);
      const c0 = serverCpu(servers);
      await get(origin, admin, path);
      cpu += serverCpu(servers) - c0;
    },
    { runs: o.runs },
  );
  const coldCpu = measure.round((cpu * 1000) / cold.runs);
  o.log(
    `dashboard API after a write (computed): ${JSON.stringify(cold)}, server CPU ${coldCpu} ms per request`,
  );
  cpu = 0;
  const stored = await measure.time(
    async () => {
      const c0 = serverCpu(servers);
      await get(origin, admin, path);
      cpu += serverCpu(servers) - c0;
    },
    { runs: Math.max(5, o.runs) },
  );
  const storedCpu = measure.round((cpu * 1000) / stored.runs);
  o.log(`dashboard API repeated (stored): ${JSON.stringify(stored)}, server CPU ${storedCpu} ms per request`);

  const sessions = await Promise.all(
    servers.map(async (s) => ({ origin: s.origin, cookie: await signIn(s.origin, LOGINS.admin) })),
  );
  let c0 = serverCpu(servers);
  const loadStored = await runLoad(sessions, [path], { connections: o.connections, seconds: o.seconds });
  const storedLoad = {
    ...loadStored,
    server_cpu_s: measure.round(serverCpu(servers) - c0),
    load_average: loadavg(),
  };
  o.log(`load, same request, stored: ${JSON.stringify(storedLoad)}`);
  c0 = serverCpu(servers);
  const loadGzip = await runLoad(sessions, [path], {
    connections: o.connections,
    seconds: o.seconds,
    headers: GZIP,
  });
  const gzipLoad = {
    ...loadGzip,
    server_cpu_s: measure.round(serverCpu(servers) - c0),
    load_average: loadavg(),
  };
  o.log(`load, same request, stored, gzip accepted: ${JSON.stringify(gzipLoad)}`);

  c0 = serverCpu(servers);
  let writes = 0;
  const writer = setInterval(() => {
    writes += 1;
    write.execute(db).catch((e: unknown) => o.log(`write failed: ${String(e)}`));
  }, WRITE_EVERY_MS);
  const loadWrites = await runLoad(sessions, [path], {
    connections: o.connections,
    seconds: o.seconds,
    headers: GZIP,
  }).finally(() => clearInterval(writer));
  const writesLoad = {
    ...loadWrites,
    server_cpu_s: measure.round(serverCpu(servers) - c0),
    load_average: loadavg(),
    writes,
  };
  o.log(
    `load, same request, gzip accepted, a write every ${WRITE_EVERY_MS / 1000} s: ${JSON.stringify(writesLoad)}`,
  );

  // The mix: each connection its own viewer and its own order of quarters, from nothing kept.
  const logins = mixLogins(o.connections);
  const clients = await Promise.all(
    logins.map(async (login, i) => {
      const server = servers[i % servers.length]!;
      const quarters = MIX_QUARTERS.map((_, k) => MIX_QUARTERS[(i + k) % MIX_QUARTERS.length]!);
      return {
        origin: server.origin,
        cookie: await signIn(server.origin, login),
        paths: quarters.map((q) => dashboardApiUrl(q.from, q.to)),
        connections: 1,
        headers: GZIP,
      };
    }),
  );
  await write.execute(db);
  await sql`delete from metrics_results`.execute(db);
  c0 = serverCpu(servers);
  const mix = await runClients(clients, o.seconds);
  const kept = await sql<{ n: number }>`select count(*)::int as n from metrics_results`.execute(db);
  const mixLoad = {
    ...mix,
    server_cpu_s: measure.round(serverCpu(servers) - c0),
    load_average: loadavg(),
    answers_kept: kept.rows[0]?.n ?? 0,
    viewers: logins.length,
  };
  o.log(`load, 50 viewers x quarters, from nothing kept: ${JSON.stringify(mixLoad)}`);
  return {
    cold_ms: cold,
    cold_server_cpu_ms: coldCpu,
    stored_ms: stored,
    stored_server_cpu_ms: storedCpu,
    load_stored: storedLoad,
    load_stored_gzip: gzipLoad,
    load_with_writes: writesLoad,
    load_mix: mixLoad,
  };
}
