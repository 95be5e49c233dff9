import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { rawClientOf } from './raw-clients.ts';

/** Below this many new rows, per-row index upkeep is cheap enough whatever the table's size. */
const DEFER_MIN_ROWS = 20_000;

/**
 * Whether a bulk write of `adding` rows into `table` should run with the table's secondary indexes and foreign
 * keys set aside and rebuilt after (withIndexesDeferred). A rebuild costs a few microseconds per row of the
 * whole table; per-row upkeep (six indexes and five foreign-key trigger queries on activities) about 100 us per
 * row written on PGlite and 20-40 us on PostgreSQL, so the rebuild wins when the write is a large share of the
 * table. The price is the exclusive lock held until commit:
 * - PGlite has one session, which the import holds anyway: nobody waits, so a twentieth of the table suffices.
 * - PostgreSQL serves other sessions meanwhile: every reader of the table (dashboards, the API) would wait for
 *   the rest of the import. That is accepted only where the write at least doubles the table, i.e. a first
 *   import into an empty or young store, whose dashboards have little to show yet; a routine import into a live
 *   store keeps its indexes and is never locked out of reads.
 * `minRows` is DEFER_MIN_ROWS but for tests, which cover the deferred paths with a file of a few thousand rows
 * (ImportRequest.deferIndexesFromRows): the shares above apply whatever the threshold.
 */
export async function shouldDeferIndexes(
  tx: Transaction<Database>,
  table: keyof Database & string,
  adding: number,
  minRows: number = DEFER_MIN_ROWS,
): Promise<boolean> {
  if (adding < minRows) return false;
  const raw = await rawClientOf(tx);
  const share = raw?.kind === 'pglite' ? 20 : 1;
  // Counting stops past the threshold: a 3M-row table is not read in full to learn that it is large.
  const r = await sql<{ n: number }>`
    select count(*)::int as n from (select 1 from ${sql.table(table)} limit ${adding * share + 1}) t`.execute(
    tx,
  );
  return (r.rows[0]?.n ?? 0) <= adding * share;
}
