import type { Config } from '../config.ts';
import { failAbandonedImportRuns } from '../import/run-lock.ts';
import { openDb, type Db, type StoreTarget } from '../store/db.ts';
import { migrateToLatest } from '../store/migrate.ts';

/** The store the configuration points at: PostgreSQL when DATABASE_URL is set, else PGlite in the data dir. */
export function targetFromConfig(config: Config): StoreTarget {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: config.dataDir };
}

/**
 * Opens and migrates the configured store; every CLI command (serve included) starts here. It also closes the
 * books on imports whose process died: any process that opens the store may be the first one after a crash, the
 * sweep is one statement, and it cannot touch a live run (see import/run-lock.ts).
 */
export async function openConfiguredStore(config: Config): Promise<Db> {
  const db = await openDb(targetFromConfig(config));
  await migrateToLatest(db, {
    onWait: () => console.error('Another process is migrating the store; waiting for it to finish.'),
  });
  const abandoned = await failAbandonedImportRuns(db);
  if (abandoned.length > 0)
    console.error(
      `Import run${abandoned.length > 1 ? 's' : ''} ${abandoned.join(', ')} had stopped without finishing: marked failed.`,
    );
  return db;
}

/**
 * The store report queries read: the replica at DATABASE_READ_URL when set (never migrated: it follows the
 * primary), else the primary itself. The caller closes it when it differs from the primary.
 */
export async function openReportStore(config: Config, primary: Db): Promise<Db> {
  if (!config.databaseReadUrl) return primary;
  return openDb({ kind: 'postgres', url: config.databaseReadUrl });
}
