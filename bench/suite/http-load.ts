/**
 * HTTP load with autocannon against `pacesetter serve` processes on 127.0.0.1 (never another host), bounded in
 * time. With two servers the connections are split between them (one autocannon instance per server, run
 * together); latencies are collected per response so p50/p95/p99 cover both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { measure } from './measure.ts';
import { ROOT } from './workspace.ts';

export interface LoadResult {
  servers: number;
  connections: number;
  seconds: number;
  /** Responses received before the end. */
  requests: number;
  requests_per_s: number;
  /**
   * Requests still waiting when the time ran out (one per busy connection). They enter the percentiles as if
   * answered at the end, so a percentile they reach is a lower bound, not a measurement.
   */
  unfinished: number;
  errors: number;
  non_2xx: number;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
}

export interface Server {
  origin: string;
  process: ChildProcess;
}

/** Starts `pacesetter serve` on a port of 127.0.0.1 against the database, without background jobs. */
export async function startServer(databaseUrl: string, port: number): Promise<Server> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'pacesetter.js'), 'serve', '--host', '127.0.0.1', '--port', String(port), '--no-jobs'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        // Requests still running when the load ends fail as the server shuts down; not worth a log line each.
        PACESETTER_LOG_LEVEL: 'fatal',
        PACESETTER_WEB_DIST: '/nonexistent',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`pacesetter serve on port ${port} exited (${child.exitCode})`);
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000)
      throw new Error(`pacesetter serve on port ${port} did not start`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { origin, process: child };
}

export async function stopServer(s: Server): Promise<void> {
  if (s.process.exitCode !== null) return;
  s.process.kill('SIGTERM');
  await once(s.process, 'exit');
}

/** Signs in through the API and returns the session cookie header. */
export async function signIn(origin: string, login: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(login),
  });
  if (!res.ok) throw new Error(`sign-in as ${login.email} failed: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('pacesetter_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return measure.round(sorted[Math.max(0, i)]!);
}

/** One autocannon instance: its server, session and paths, cycled by its connections in order. */
export interface LoadClient {
  origin: string;
  cookie: string;
  paths: string[];
  connections: number;
  /** Sent besides the cookie (e.g. the Accept-Encoding a browser sends). */
  headers?: Record<string, string>;
}

/**
 * `connections` concurrent connections cycling through `paths` for `seconds`, spread over the servers. Each
 * server gets its own session cookie (sessions live in the shared database, so one would do; this keeps the
 * sign-in off the measured path).
 */
export async function runLoad(
  servers: { origin: string; cookie: string }[],
  paths: string[],
  o: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const per = servers.map(
    (_, i) => Math.floor(o.connections / servers.length) + (i < o.connections % servers.length ? 1 : 0),
  );
  const r = await runClients(
    servers.map((s, i) => ({ ...s, paths, connections: per[i]!, headers: o.headers })),
    o.seconds,
  );
  return { ...r, servers: servers.length };
}

/**
 * Several autocannon instances at once (each its own viewer and paths), for `seconds`: a load mix where the
 * connections ask different questions. Latencies are collected per response over all of them.
 */
export async function runClients(clients: LoadClient[], seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let non2xx = 0;
  const connections = clients.reduce((n, c) => n + c.connections, 0);
  const results = await Promise.all(
    clients.map(
      (c) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon(
            {
              url: c.origin,
              connections: c.connections,
              duration: seconds,
              headers: { ...c.headers, cookie: c.cookie },
              requests: c.paths.map((path) => ({ method: 'GET', path })),
              timeout: Math.max(30, seconds),
            },
            (err, result) => (err ? reject(err) : resolve(result)),
          );
          instance.on('response', (_client, statusCode, _bytes, responseTime) => {
            latencies.push(responseTime);
            if (statusCode < 200 || statusCode >= 300) non2xx += 1;
          });
        }),
    ),
  );
  const received = latencies.length;
  const answered = results.reduce((n, r) => n + r.requests.total, 0);
  // autocannon counts a request when its response arrives; whatever is missing from connections x cycles is
  // the request each busy connection was still waiting for.
  const unfinished = Math.max(
    0,
    Math.min(connections, results.reduce((n, r) => n + r.requests.sent, 0) - answered),
  );
  for (let i = 0; i < unfinished; i++) latencies.push(seconds * 1000);
  latencies.sort((a, b) => a - b);
  const errors = results.reduce((n, r) => n + r.errors + r.timeouts, 0);
  return {
    servers: new Set(clients.map((c) => c.origin)).size,
    connections,
    seconds,
    requests: received,
    requests_per_s: measure.round(received / seconds),
    unfinished,
    errors,
    non_2xx: non2xx,
    p50_ms: percentile(latencies, 50),
    p95_ms: percentile(latencies, 95),
    p99_ms: percentile(latencies, 99),
  };
}
