/**
 * Applies the pending migrations to the PostgreSQL store at DATABASE_URL and prints each one's name and the wall
 * time of the whole run (for a migration's cost on a copy of a big store). `node bench/migrate-latest.ts`.
 */
import { openDb } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const db = await openDb({ kind: 'postgres', url });
const t = performance.now();
const applied = await migrateToLatest(db);
console.log(`${applied.join(', ') || '(none)'}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
await db.destroy();
