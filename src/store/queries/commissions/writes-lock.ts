import { sql } from 'kysely';
import type { Db } from '../../db.ts';

/**
 * Runs, locks, pays and assignment removals take this transaction-scoped lock, so none of them interleave: a
 * second run waits and then sees the first one's statements instead of both writing drafts for the period, and
 * a lock never freezes a draft computed under an assignment that a concurrent removal is deleting.
 */
export async function lockCommissionWrites(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('commission_statements'))`.execute(db);
}
