import { createReadStream, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { runImport } from '../../src/import/run-import.ts';
import { runJobOnce } from '../../src/jobs/runner.ts';
import { openDb, type Db } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { findPgBouncer, startPgBouncer, type RunningPgBouncer } from '../support/pgbouncer.ts';

const bin = findPgBouncer();
const url = process.env.TEST_DATABASE_URL;
const FIXTURES = new URL('../fixtures/crm-exports/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', FIXTURES), 'utf8')) as Record<
  string,
  Record<string, number>
>;

// PgBouncer in transaction mode hands each transaction (or lone statement) any server connection: nothing may
// rely on session state. Skipped without PgBouncer or without the test PostgreSQL.
describe.skipIf(bin === null || !url)('through PgBouncer in transaction pooling mode', () => {
  let bouncer: RunningPgBouncer;
  let admin: Db;
  let db: Db;
  const database = `pgb_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    const direct = new URL(url ?? '');
    admin = await openDb({ kind: 'postgres', url: direct.toString() });
    await sql`create database ${sql.id(database)}`.execute(admin);
    bouncer = await startPgBouncer(bin ?? '', { host: direct.hostname, port: Number(direct.port || 5432) });
    const viaBouncer = new URL(direct);
    viaBouncer.port = String(bouncer.port);
    viaBouncer.pathname = `/${database}`;
    db = await openDb({ kind: 'postgres', url: viaBouncer.toString() });
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await bouncer?.stop();
    await sql`drop database if exists ${sql.id(database)} with (force)`.execute(admin);
    await admin?.destroy();
  });

  it('migrates, imports, runs a job and reports, leaving no lock behind', async () => {
    await migrateToLatest(db);
    const summary = await runImport(db, SYSTEM_VIEWER, {
      fileName: 'hubspot-deals.csv',
      input: createReadStream(new URL('hubspot-deals.csv', FIXTURES)),
      createMissing: true,
    });
    expect(summary.rejected).toBe(0);
    const ran = await runJobOnce(
      db,
      { name: 'pgbouncer-probe', everyMs: 1000, run: async () => 'ok' },
      new Date(),
    );
    expect(ran.ran).toBe(true);

    const rows = await runMetrics(db, SYSTEM_VIEWER, {
      metricIds: ['won_count'],
      groupBy: 'company',
      from: '2000-01-01',
      to: '2099-12-31',
    });
    expect(rows[0]?.values.won_count?.value).toBe(expected['hubspot-deals.csv']?.won_count);

    // A session-level lock taken through the pooler would stay on whichever server connection ran it.
    const locks = await sql<{ n: number }>`
      select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
      where l.locktype = 'advisory' and d.datname = ${database}`.execute(admin);
    expect(locks.rows[0]?.n).toBe(0);
    const runs = await db.selectFrom('imports').select('status').execute();
    expect(runs.map((r) => r.status)).toEqual(['succeeded']);
  });
});
