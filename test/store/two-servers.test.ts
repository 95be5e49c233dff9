import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDerived } from '../../src/store/derived/refresh.ts';
import { createWebhookEndpoint } from '../../src/store/queries/alerts/webhook-endpoints.ts';
import { openTestStore } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';
import type { Db } from '../../src/store/db.ts';
import { freePort } from '../support/free-port.ts';

const LEADS = 12;

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Two real `pacesetter serve` processes, jobs on, over one PostgreSQL schema: the SLA check and webhook delivery
 * are claimed through PostgreSQL, so each breach is alerted and delivered exactly once, and a session made on one
 * server works on the other (nothing lives in process memory).
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('two server processes on one PostgreSQL', () => {
  let db: Db;
  let close: () => Promise<void>;
  let url: string;
  const servers: Array<{ child: ChildProcess; base: string }> = [];
  let receiver: Server;
  const received: string[] = [];

  beforeAll(async () => {
    const store = await openTestStore('postgres');
    db = store.db;
    close = store.close;
    const schema = (
      await db
        .selectFrom('settings')
        .select((eb) => eb.fn<string>('current_schema').as('s'))
        .executeTakeFirstOrThrow()
    ).s;
    const u = new URL(process.env.TEST_DATABASE_URL ?? '');
    u.searchParams.set('options', `-c search_path=${schema}`);
    url = u.toString();

    const admin = await seedUser(db, { role: 'admin', email: 'two-servers-admin@example.test' });
    const rep = await seedUser(db, { role: 'rep' });
    // Leads created a week ago and never answered: each is one SLA breach.
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
    await db
      .insertInto('leads')
      .values(
        Array.from({ length: LEADS }, (_, i) => ({
          name: `Lead ${i}`,
          owner_id: rep.id,
          created_at: weekAgo,
        })),
      )
      .execute();
    await refreshDerived(db, { all: true });

    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'));
        res.statusCode = 204;
        res.end();
      });
    });
    const hookPort = await freePort();
    await new Promise<void>((resolve) => receiver.listen(hookPort, '127.0.0.1', resolve));
    await createWebhookEndpoint(db, { url: `http://127.0.0.1:${hookPort}/hook`, secret: 'x'.repeat(32) });

    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const child = spawn(process.execPath, ['bin/pacesetter.js', 'serve', '--port', String(port)], {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          DATABASE_URL: url,
          PACESETTER_LOG_LEVEL: 'silent',
          PACESETTER_WEB_DIST: '/nonexistent',
        },
        stdio: 'ignore',
      });
      const base = `http://127.0.0.1:${port}`;
      servers.push({ child, base });
      await until(`server ${i + 1}`, async () => (await fetch(`${base}/api/health`).catch(() => null))?.ok);
    }
    expect(admin.id).toBeGreaterThan(0);
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(
      servers.map(
        (s) =>
          new Promise((resolve) =>
            s.child.exitCode !== null ? resolve(null) : s.child.once('exit', resolve),
          ),
      ),
    );
    await new Promise((resolve) => receiver?.close(resolve));
    await close?.();
  });

  it('alerts and delivers each breach exactly once, and shares sessions', async () => {
    // Both processes run the SLA check and the dispatcher; wait until each job has run more than once in all.
    await until('the jobs to run in both processes', async () => {
      const runs = await db.selectFrom('job_runs').select(['name', 'runs']).execute();
      const count = (name: string) => Number(runs.find((r) => r.name === name)?.runs ?? 0);
      return count('sla-check') >= 1 && count('webhook-dispatch') >= 3 && received.length >= LEADS;
    });
    const alerts = await db
      .selectFrom('alerts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(alerts.n)).toBe(LEADS);
    expect(received.length).toBe(LEADS);
    expect(new Set(received).size).toBe(LEADS);

    const [a, b] = servers;
    const login = await fetch(`${a?.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'two-servers-admin@example.test', password: 'correct horse battery' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = await fetch(`${b?.base}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
  });
});
