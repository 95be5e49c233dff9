import type { Transaction } from 'kysely';
import type { Db } from './db.ts';
import type { Database } from './schema.ts';

/**
 * Runs `fn` in a transaction: the caller's when `db` already is one (jobs run inside the runner's advisory-lock
 * transaction, and Kysely cannot nest transactions), otherwise a new one.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return db.transaction().execute(fn);
}
