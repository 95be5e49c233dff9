import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { openDb, type Db } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { opportunity, user } from '../metrics/fixtures.ts';
import { signIn, type AuthHeaders } from '../support/app.ts';
import { findPgBin, startReplicaCluster, type ReplicaCluster } from '../support/replica-cluster.ts';
import { seedUser } from '../support/users.ts';

const bin = findPgBin();

/** Waits (a condition, not a sleep) until the replica has replayed everything the primary has written. */
async function caughtUp(primary: Db, replica: Db): Promise<void> {
  const target = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(primary);
  const lsn = target.rows[0]?.lsn;
  for (let i = 0; i < 600; i++) {
    const r = await sql<{ done: boolean }>`
      select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as done`.execute(replica);
    if (r.rows[0]?.done) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the replica did not catch up within 30 s');
}

async function wonCount(app: Awaited<ReturnType<typeof buildApp>>, headers: AuthHeaders): Promise<unknown> {
  const res = await app.inject({
    method: 'GET',
    url: '/api/metrics?ids=won_count&group=company&period=2026-06',
    headers,
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { rows: Array<{ values: { won_count: { value: unknown } } }> }).rows[0]?.values
    .won_count.value;
}

// A real streaming replica: skipped where the PostgreSQL server binaries are not installed.
describe.skipIf(bin === null)('DATABASE_READ_URL: reports read a streaming replica', () => {
  let cluster: ReplicaCluster;
  let primary: Db;
  let replica: Db;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let admin: AuthHeaders;
  let repId: number;

  beforeAll(async () => {
    cluster = await startReplicaCluster(bin ?? '');
    primary = await openDb({ kind: 'postgres', url: cluster.primaryUrl });
    replica = await openDb({ kind: 'postgres', url: cluster.replicaUrl });
    await migrateToLatest(primary);
    repId = await user(primary, 'Replica Rep');
    await opportunity(primary, {
      ownerId: repId,
      status: 'won',
      amount: 100_00,
      createdAt: '2026-05-01T12:00:00Z',
      closedAt: '2026-06-15T12:00:00Z',
    });
    const config = parseConfig({
      PACESETTER_LOG_LEVEL: 'silent',
      PACESETTER_WEB_DIST: '/nonexistent',
      DATABASE_URL: cluster.primaryUrl,
      DATABASE_READ_URL: cluster.replicaUrl,
    });
    app = await buildApp({ db: primary, config, reportDb: replica });
    await app.ready();
    admin = await signIn(app, await seedUser(primary, { role: 'admin' }));
    await caughtUp(primary, replica);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await replica?.destroy();
    await primary?.destroy();
    cluster?.stop();
  });

  it('answers report routes from the replica, without writing there', async () => {
    expect(await wonCount(app, admin)).toBe(1);
    // The replica is read-only: any report route that wrote would fail here with 500.
    for (const url of [
      '/api/funnel?period=2026-06',
      '/api/forecast?period=2026-Q2&scope=company&seed=1',
      '/api/leaderboards?metric=won_count&period=2026-06&board=reps',
      '/api/plan?period=2026-Q3',
      '/api/opportunities/export.csv',
      '/api/activities/export.csv?period=2026-06-01..2026-06-30',
      '/api/leads/export.csv',
    ]) {
      const res = await app.inject({ method: 'GET', url, headers: admin });
      expect(`${url} ${res.statusCode}`).toBe(`${url} 200`);
    }
  });

  it('shows the replica lag on reports while writes and their reads stay on the primary', async () => {
    await sql`select pg_wal_replay_pause()`.execute(replica);
    try {
      const id = await opportunity(primary, {
        ownerId: repId,
        status: 'won',
        amount: 250_00,
        createdAt: '2026-05-02T12:00:00Z',
        closedAt: '2026-06-16T12:00:00Z',
      });
      // Non-report routes read the primary: the new deal is there at once.
      const deal = await app.inject({ method: 'GET', url: `/api/opportunities/${id}`, headers: admin });
      expect(deal.statusCode).toBe(200);
      // The report still shows what the paused replica has.
      expect(await wonCount(app, admin)).toBe(1);
    } finally {
      await sql`select pg_wal_replay_resume()`.execute(replica);
    }
    await caughtUp(primary, replica);
    expect(await wonCount(app, admin)).toBe(2);
  });
});
