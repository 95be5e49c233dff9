// Child process for test/store/migration-lock.test.ts: migrates the PostgreSQL store DATABASE_URL names, printing
// "waiting" when another process holds the migration lock and then the JSON list of migrations it applied.
import { parseConfig } from '../../src/config.ts';
import { openDb } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';

const url = parseConfig(process.env).databaseUrl;
if (!url) throw new Error('DATABASE_URL is required');
const db = await openDb({ kind: 'postgres', url });
try {
  const applied = await migrateToLatest(db, { onWait: () => console.log('waiting') });
  console.log(JSON.stringify(applied));
} finally {
  await db.destroy();
}
