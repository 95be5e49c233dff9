/**
 * Benchmark: refreshDerived({ all: true }) over a synthetic store, the path a settings change takes.
 * Usage: node bench/refresh-derived.ts [activities=1000000] [postgres-url|''] [work_mem]   (PGlite without a URL)
 * Seeds in a private schema (PostgreSQL) and drops it afterwards.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openDb, type Db } from '../src/store/db.ts';
import { refreshFirstTouchAndResponse, refreshNewProspectFlags } from '../src/store/derived/first-touch.ts';
import { refreshResponseMinutes } from '../src/store/derived/lead-response.ts';
import { resolveAffectedPeople } from '../src/store/derived/people.ts';
import { Migrator } from 'kysely/migration';
import { migrationProvider } from '../src/store/migrations/index.ts';

const activities = Number(process.argv[2] ?? 1_000_000);
const url = process.argv[3] || undefined;
// Optional third argument: a work_mem to set for the refresh transactions (e.g. 64MB), to compare sort spills.
const workMem = process.argv[4];
const contacts = Math.max(10, Math.round(activities / 15));
const leads = Math.max(10, Math.round(activities / 30));

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const r = await fn();
  console.log(`${label.padEnd(34)} ${((performance.now() - t) / 1000).toFixed(2)} s`);
  return r;
}

async function seed(db: Db): Promise<void> {
  await sql`insert into contacts (name) select 'c' || i from generate_series(1, ${contacts}::int) i`.execute(
    db,
  );
  // A third of the leads are converted to a contact; leads arrive over two years at any hour.
  await sql`insert into leads (name, created_at, converted_contact_id)
    select 'l' || i, timestamptz '2024-11-01 00:00:00+00' + (i * 7919 % 730) * interval '1 day' + (i * 104729 % 1440) * interval '1 minute',
      case when i % 3 = 0 then 1 + (i * 31 % ${contacts}::int) end
    from generate_series(1, ${leads}::bigint) i`.execute(db);
  await sql`insert into activities (type, direction, contact_id, lead_id, occurred_at)
    select (array['call','email','meeting','linkedin','other'])[1 + i % 5],
      case when i % 7 = 0 then 'inbound' else 'outbound' end,
      case when i % 10 < 7 then 1 + (i * 13 % ${contacts}::int) end,
      case when i % 10 >= 7 then 1 + (i * 17 % ${leads}::int) end,
      timestamptz '2024-11-01 00:00:00+00' + (i * 6151 % 760) * interval '1 day' + (i * 3571 % 1440) * interval '1 minute'
    from generate_series(1, ${activities}::bigint) i`.execute(db);
  await sql`analyze`.execute(db);
}

async function main(): Promise<void> {
  let db: Db;
  let cleanup = async () => {};
  let schemaName: string | undefined;
  if (url) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    schemaName = schema;
    const admin = await openDb({ kind: 'postgres', url });
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${schema}`);
    db = await openDb({ kind: 'postgres', url: u.toString() });
    cleanup = async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    };
  } else {
    db = await openDb({ kind: 'pglite', dataDir: null });
  }
  try {
    // The migration tables are named by schema: Kysely otherwise sees another schema's tables mid-race.
    const migrator = new Migrator({ db, provider: migrationProvider, migrationTableSchema: schemaName });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
    console.log(
      `${url ? 'PostgreSQL' : 'PGlite'}: ${activities} activities, ${contacts} contacts, ${leads} leads`,
    );
    await timed('seed', () => seed(db));
    const scope = await resolveAffectedPeople(db, { all: true });
    await db.transaction().execute(async (tx) => {
      if (workMem) await sql`select set_config('work_mem', ${workMem}, true)`.execute(tx);
      await timed('new-prospect flags (window)', () => refreshNewProspectFlags(tx, scope));
      await timed('first touch and first response', () => refreshFirstTouchAndResponse(tx, scope));
      const n = await timed('response minutes (JS, chunks)', () => refreshResponseMinutes(tx, scope));
      console.log(`  leads with a changed response time: ${n}`);
    });
    await db.transaction().execute(async (tx) => {
      if (workMem) await sql`select set_config('work_mem', ${workMem}, true)`.execute(tx);
      await timed('second full refresh (no changes)', async () => {
        await refreshNewProspectFlags(tx, scope);
        await refreshFirstTouchAndResponse(tx, scope);
        await refreshResponseMinutes(tx, scope);
      });
    });
    const flagged = await sql<{
      n: number;
    }>`select count(*)::bigint as n from activities where is_new_prospect`.execute(db);
    console.log(`  new-prospect touches: ${flagged.rows[0]?.n}`);
  } finally {
    await db.destroy();
    await cleanup();
  }
}

await main();
