import { sql, type QueryResult, type RawBuilder } from 'kysely';
import type { Db } from '../db.ts';
import { inTransaction } from '../in-transaction.ts';

/**
 * Runs one aggregate query with `work_mem` raised to at least `megabytes` for it alone: set transaction-locally
 * (in a transaction of its own, or the caller's when `db` is one) and put back right after, so the rest of a
 * caller's transaction keeps its own setting, and a larger one it already set (the demo load's) is not lowered.
 * At the server's default 4 MB the planner sorts large aggregates and spills them to disk; with room for them in
 * memory it hashes them, several times faster. On PGlite the memory is this process's, and its WebAssembly heap
 * never shrinks, so callers ask only for what their aggregate needs. Only for queries whose results do not depend
 * on the order rows are aggregated in (counts, exact numeric sums).
 */
export async function executeWithWorkMem<R>(
  db: Db,
  megabytes: number,
  query: RawBuilder<R>,
): Promise<QueryResult<R>> {
  return inTransaction(db, async (tx) => {
    const old = await sql<{ old: string }>`select current_setting('work_mem') as old, set_config('work_mem',
      (greatest(pg_size_bytes(current_setting('work_mem')), ${Math.trunc(megabytes)} * 1024 * 1024) / 1024)::text
        || 'kB', true)`.execute(tx);
    const result = await query.execute(tx);
    await sql`select set_config('work_mem', ${old.rows[0]?.old ?? '4MB'}, true)`.execute(tx);
    return result;
  });
}
