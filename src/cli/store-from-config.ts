import type { Config } from '../config.ts';
import { openDb, type Db, type StoreTarget } from '../store/db.ts';
import { migrateToLatest } from '../store/migrate.ts';

/** The store the configuration points at: PostgreSQL when DATABASE_URL is set, else PGlite in the data dir. */
export function targetFromConfig(config: Config): StoreTarget {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: config.dataDir };
}

/** Opens and migrates the configured store; every CLI command starts here. */
export async function openConfiguredStore(config: Config): Promise<Db> {
  const db = await openDb(targetFromConfig(config));
  await migrateToLatest(db);
  return db;
}
