import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDb, type Db } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { pgliteTemplate } from './store-templates.ts';

export type StoreName = 'pglite' | 'postgres';

/** The stores this run tests against: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function storeNames(): StoreName[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A migrated, empty store; PostgreSQL gets a private schema so test files can run in parallel. */
export async function openTestStore(name: StoreName): Promise<{ db: Db; close: () => Promise<void> }> {
  if (name === 'pglite') {
    // A copy of the run's migrated template (store-templates.ts); migrateToLatest finds nothing to do.
    const db = await openDb({ kind: 'pglite', dataDir: null, loadDataDir: await pgliteTemplate() });
    await migrateToLatest(db);
    return { db, close: () => db.destroy() };
  }
  const base = process.env.TEST_DATABASE_URL as string;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = await openDb({ kind: 'postgres', url: base });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  await admin.destroy();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openDb({ kind: 'postgres', url: url.toString() });
  await migrateToLatest(db);
  return {
    db,
    // The schema is dropped by test/support/global-setup.ts once no other file can be introspecting the catalog.
    close: () => db.destroy(),
  };
}

/** Holder filled before the suite's tests run. */
export interface StoreContext {
  db: Db;
  store: StoreName;
}

/**
 * Runs the same suite once per store. The callback declares tests and reads `ctx.db` inside them.
 * Example: `describeStores('win rate', (ctx) => { it('...', async () => { await ctx.db... }) })`.
 */
export function describeStores(title: string, body: (ctx: StoreContext) => void): void {
  for (const name of storeNames()) {
    describe(`${title} [${name}]`, () => {
      const ctx = { store: name } as StoreContext;
      let close: (() => Promise<void>) | undefined;
      // No timeout of its own: vitest.config.ts's hookTimeout, which a busy machine needs for opening PGlite.
      beforeAll(async () => {
        const opened = await openTestStore(name);
        ctx.db = opened.db;
        close = opened.close;
      });
      afterAll(async () => {
        await close?.();
      });
      body(ctx);
    });
  }
}

/** Empties every data table (keeps settings and migrations) so a test can start from nothing. */
export async function truncateAll(db: Db): Promise<void> {
  const r = await sql<{ tablename: string }>`
    select tablename from pg_tables
    where schemaname = current_schema() and tablename not in ('settings', 'kysely_migration', 'kysely_migration_lock')`.execute(
    db,
  );
  if (r.rows.length === 0) return;
  await sql`truncate ${sql.join(r.rows.map((t) => sql.id(t.tablename)))} restart identity cascade`.execute(
    db,
  );
  await sql`update settings set currency = 'USD', time_zone = 'UTC', working_days = '{1,2,3,4,5}',
    work_start_minute = 540, work_end_minute = 1080, holiday_country = null, holiday_region = null,
    fiscal_year_start_month = 1, week_start_day = null, lead_sla_minutes = 60, lead_sla_same_business_day = true`.execute(
    db,
  );
}
