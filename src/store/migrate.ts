import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider, migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

/**
 * First key of the PostgreSQL advisory lock that migrating processes take; the second is the hash of the schema,
 * so stores in different schemas of one database (test runs) migrate independently.
 */
export const MIGRATION_LOCK_NAME = 'pacesetter.migrate';

export interface MigrateOptions {
  /** Called once when another process is migrating the same store and this one waits for it. */
  onWait?: () => void;
}

/**
 * Applies every pending migration; throws with the failing migration's name. Returns the names it applied (none
 * when another process had already applied them).
 *
 * On PostgreSQL several servers may start at once on one database: they take an advisory lock per schema (held by an open transaction, see below),
 * and whoever gets it second finds the store up to date and applies nothing. Kysely's Migrator has a lock of its
 * own too, but only around running the migrations, not around creating its bookkeeping tables, and its key is one
 * for the whole database. All pending migrations run in one transaction (Kysely's), so a process killed
 * mid-migration leaves the schema as it was and releases the lock with its connection. PGlite needs no lock: the
 * data-directory lock (data-dir-lock.ts) already makes the opening process the only one.
 */
export async function migrateToLatest(db: Kysely<Database>, options: MigrateOptions = {}): Promise<string[]> {
  if (await isUpToDate(db)) return [];
  if (db.getExecutor().adapter.supportsMultipleConnections === false) return runMigrator(db);
  // The lock lives in an open transaction on one reserved connection while the migrator works on others. A
  // transaction-scoped lock rather than a session one: behind PgBouncer in transaction mode an open transaction
  // keeps its server connection, whereas a session lock could be taken on one server connection and "released"
  // on another, leaving every later start waiting.
  return db.connection().execute((conn) =>
    conn.transaction().execute(async (tx) => {
      const key = sql`hashtext(${MIGRATION_LOCK_NAME}), hashtext(current_schema())`;
      const got = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${key}) as ok`.execute(tx);
      if (!got.rows[0]?.ok) {
        options.onWait?.();
        await sql`select pg_advisory_xact_lock(${key})`.execute(tx);
      }
      if (await isUpToDate(db)) return [];
      return runMigrator(db);
    }),
  );
}

async function runMigrator(db: Kysely<Database>): Promise<string[]> {
  // Name the schema: without it Kysely finds its bookkeeping tables in ANY schema of the database (another
  // app's, or a parallel test's) and then fails to read them through search_path.
  const current = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrationTableSchema = current.rows[0]?.schema;
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * True when every known migration is recorded in this schema. Checked with to_regclass instead of Kysely's
 * introspection, which scans every schema's catalog and can fail while another process drops a schema; it also
 * keeps start-up of every CLI command and server process to one cheap query.
 */
async function isUpToDate(db: Kysely<Database>): Promise<boolean> {
  const table = await sql<{ exists: boolean }>`
    select to_regclass(format('%I.kysely_migration', current_schema())) is not null as exists`.execute(db);
  if (!table.rows[0]?.exists) return false;
  const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const names = new Set(applied.rows.map((r) => r.name));
  return Object.keys(migrations).every((name) => names.has(name));
}
