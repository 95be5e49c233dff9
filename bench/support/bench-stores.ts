import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openDb, type Db } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';

/** A PostgreSQL bench store's private database and a connection outside it (for pg_stat_activity and the drop). */
export interface PostgresBenchStore {
  admin: Db;
  database: string;
}

/**
 * Runs a bench on a fresh in-memory PGlite store, then, when DATABASE_URL is set, on a fresh PostgreSQL database
 * that is dropped afterwards. A private database rather than a schema: Kysely's migrator looks for its tables in
 * every schema of a database, so a long-lived bench schema would disturb test stores migrating beside it.
 */
export async function forEachBenchStore(
  prefix: string,
  run: (db: Db, store: 'pglite' | 'postgres', postgres: PostgresBenchStore | null) => Promise<void>,
): Promise<void> {
  const pglite = await openDb({ kind: 'pglite', dataDir: null });
  try {
    await migrateToLatest(pglite);
    await run(pglite, 'pglite', null);
  } finally {
    await pglite.destroy();
  }

  const url = process.env.DATABASE_URL;
  if (!url) return;
  const database = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = await openDb({ kind: 'postgres', url });
  await sql`create database ${sql.id(database)}`.execute(admin);
  const u = new URL(url);
  u.pathname = `/${database}`;
  const pg = await openDb({ kind: 'postgres', url: u.toString() });
  try {
    await migrateToLatest(pg);
    await run(pg, 'postgres', { admin, database });
  } finally {
    await pg.destroy();
    await sql`drop database ${sql.id(database)}`.execute(admin);
    await admin.destroy();
  }
}
