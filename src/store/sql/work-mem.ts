import { sql, type QueryResult, type RawBuilder } from 'kysely';
import type { Db } from '../db.ts';
import { inTransaction } from '../in-transaction.ts';

/**
 * Runs one aggregate query with `work_mem` raised for it alone (`set local`, in a transaction of its own, or the
 * caller's when `db` is one: then it holds to that transaction's end). At the server's default 4 MB the planner
 * sorts the forecast's per-segment aggregates and spills them to disk; with room for them in memory it hashes them,
 * several times faster. Only for queries whose results do not depend on the order rows are aggregated in (counts,
 * exact numeric sums).
 */
export async function executeWithWorkMem<R>(
  db: Db,
  megabytes: number,
  query: RawBuilder<R>,
): Promise<QueryResult<R>> {
  return inTransaction(db, async (tx) => {
    await sql.raw(`set local work_mem = '${Math.trunc(megabytes)}MB'`).execute(tx);
    return query.execute(tx);
  });
}
