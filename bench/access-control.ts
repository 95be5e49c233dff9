/**
 * Benchmark: what access control costs per request and per list/export.
 * Usage: node bench/access-control.ts [opportunities=200000] [postgres-url]   (PGlite in memory without a URL)
 * Org: 1 top team -> 8 regions -> 4 squads each (41 teams), 6 reps per squad (192 reps), 41 managers.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { parseConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { viewerForUser } from '../src/store/access/viewer-for-user.ts';
import { openDb, type Db } from '../src/store/db.ts';
import { migrationProvider } from '../src/store/migrations/index.ts';
import { iterateOpportunities, listOpportunities } from '../src/store/queries/records/list-opportunities.ts';
import { ensureDefaultPipeline } from '../src/store/tables/pipelines.ts';
import { hashPassword } from '../src/auth/password.ts';

const opportunities = Number(process.argv[2] ?? 200_000);
const url = process.argv[3];

async function timed<T>(label: string, runs: number, fn: () => Promise<T>): Promise<T> {
  let r: T | undefined;
  const t = performance.now();
  for (let i = 0; i < runs; i++) r = await fn();
  const ms = (performance.now() - t) / runs;
  console.log(`${label.padEnd(46)} ${ms.toFixed(2)} ms${runs > 1 ? ` (mean of ${runs})` : ''}`);
  return r as T;
}

async function seed(db: Db): Promise<{ top: number; squadManager: number; rep: number }> {
  const pipelineId = await ensureDefaultPipeline(db);
  const hash = await hashPassword('bench-password-123');
  await sql`insert into users (name, email, role, password_hash)
    select 'M' || i, 'm' || i || '@bench.test', 'manager', ${hash} from generate_series(1, 41) i`.execute(db);
  await sql`insert into teams (name, manager_id) values ('Top', 1)`.execute(db);
  await sql`insert into teams (name, manager_id, parent_team_id) select 'Region ' || i, 1 + i, 1 from generate_series(1, 8) i`.execute(
    db,
  );
  await sql`insert into teams (name, manager_id, parent_team_id)
    select 'Squad ' || i, 9 + i, 2 + (i - 1) / 4 from generate_series(1, 32) i`.execute(db);
  await sql`insert into users (name, email, role, team_id, password_hash)
    select 'R' || i, 'r' || i || '@bench.test', 'rep', 10 + (i - 1) / 6, ${hash} from generate_series(1, 192) i`.execute(
    db,
  );
  const stage = await db
    .selectFrom('stages')
    .select('id')
    .where('pipeline_id', '=', pipelineId)
    .executeTakeFirstOrThrow();
  await sql`insert into opportunities (name, owner_id, pipeline_id, stage_id, amount_minor, currency, created_at)
    select 'O' || i, 42 + i % 192, ${pipelineId}, ${stage.id}, 1000 * (i % 97), 'USD',
      timestamptz '2025-01-01 00:00:00+00' + (i * 7919 % 700) * interval '1 day'
    from generate_series(1, ${opportunities}::bigint) i`.execute(db);
  await sql`analyze`.execute(db);
  return { top: 1, squadManager: 10, rep: 42 };
}

async function main(): Promise<void> {
  let db: Db;
  let schemaName: string | undefined;
  let cleanup = async () => {};
  if (url) {
    schemaName = `bench_${randomBytes(4).toString('hex')}`;
    const admin = await openDb({ kind: 'postgres', url });
    await sql`create schema ${sql.id(schemaName)}`.execute(admin);
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${schemaName}`);
    db = await openDb({ kind: 'postgres', url: u.toString() });
    const s = schemaName;
    cleanup = async () => {
      await sql`drop schema ${sql.id(s)} cascade`.execute(admin);
      await admin.destroy();
    };
  } else {
    db = await openDb({ kind: 'pglite', dataDir: null });
  }
  try {
    const { error } = await new Migrator({
      db,
      provider: migrationProvider,
      migrationTableSchema: schemaName,
    }).migrateToLatest();
    if (error) throw error;
    console.log(`${url ? 'PostgreSQL' : 'PGlite'}: ${opportunities} opportunities, 233 users, 41 teams`);
    const ids = await seed(db);
    const top = await timed('viewer for top manager (recursive CTE)', 50, () =>
      viewerForUser(db, { userId: ids.top, role: 'manager' }),
    );
    const squad = await viewerForUser(db, { userId: ids.squadManager, role: 'manager' });
    const rep = await viewerForUser(db, { userId: ids.rep, role: 'rep' });
    const admin = await viewerForUser(db, { userId: 1, role: 'admin' });
    console.log(
      `  top manager sees ${top.visibleUserIds?.length} users, squad manager ${squad.visibleUserIds?.length}`,
    );
    const page = { limit: 50, offset: 0 };
    for (const [name, v] of [
      ['admin', admin],
      ['top manager', top],
      ['squad manager', squad],
      ['rep', rep],
    ] as const) {
      const r = await timed(`list page + total, ${name}`, 10, () => listOpportunities(db, v, {}, page));
      console.log(`  total visible: ${r.total}`);
    }
    await timed('CSV-export iteration, top manager (all rows)', 1, async () => {
      let n = 0;
      for await (const batch of iterateOpportunities(db, top, {})) n += batch.length;
      console.log(`  exported rows: ${n}`);
    });

    const app = await buildApp({
      db,
      config: parseConfig({ PACESETTER_LOG_LEVEL: 'silent', PACESETTER_WEB_DIST: '/nonexistent' }),
    });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'm1@bench.test', password: 'bench-password-123' },
    });
    const cookie = `pacesetter_session=${login.cookies.find((c) => c.name === 'pacesetter_session')?.value}`;
    await timed('GET /api/auth/me as top manager (hook total)', 200, async () => {
      const r = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      if (r.statusCode !== 200) throw new Error(r.body);
    });
    await timed('GET /api/health (no auth, baseline)', 200, () =>
      app.inject({ method: 'GET', url: '/api/health' }),
    );
    await app.close();
  } finally {
    await db.destroy();
    await cleanup();
  }
}

await main();
