import { sql } from 'kysely';
import type { Generated, Insertable, Kysely } from 'kysely';
import type { Db } from '../../store/db.ts';
import type { Database } from '../../store/schema.ts';
import { changedColumns, type BatchResult } from './batch-result.ts';

/** Tables whose import is a plain upsert by external id (deals add history, so they write their own statement). */
export type KeyedImportTable = 'contacts' | 'leads' | 'opportunity_history';

// The statement only touches id, external_id and the listed columns; Kysely cannot check a query over a table
// chosen by a type parameter, so the body sees each keyed table as this shape and the signature keeps the real types.
interface KeyedRow {
  id: Generated<number>;
  external_id: string | null;
  [column: string]: unknown;
}

/** A row the upsert created (old_id null) or really changed. */
export interface WrittenRow {
  id: number;
  old_id: number | null;
}

/**
 * Inserts or updates rows by external id in one statement. An existing row is updated (and, when asked, its
 * updated_at touched) only when one of `columns` really changed, so rows left as they were are not returned:
 * that is how a re-import reports them as unchanged.
 */
export async function upsertByExternalId<T extends KeyedImportTable>(
  tx: Db,
  table: T,
  rows: Array<Insertable<Database[T]> & { external_id: string }>,
  columns: ReadonlyArray<keyof Database[T] & string>,
  options: { touchUpdatedAt: boolean },
): Promise<WrittenRow[]> {
  const keyed = tx as unknown as Kysely<Record<KeyedImportTable, KeyedRow>>;
  return keyed
    .with('old', (db) =>
      db
        .selectFrom(table as KeyedImportTable)
        .select(['id', 'external_id'])
        .where(
          'external_id',
          'in',
          rows.map((r) => r.external_id),
        ),
    )
    .with('up', (db) =>
      db
        .insertInto(table as KeyedImportTable)
        .values(rows)
        .onConflict((oc) =>
          oc
            .column('external_id')
            .doUpdateSet((eb) => ({
              ...Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)])),
              ...(options.touchUpdatedAt ? { updated_at: sql`now()` } : {}),
            }))
            .where(sql.raw<boolean>(changedColumns(table, columns))),
        )
        .returning(['id', 'external_id']),
    )
    .selectFrom('up')
    .leftJoin('old', 'old.external_id', 'up.external_id')
    .select(['up.id', 'old.id as old_id'])
    .execute();
}

/** Adds what an upsert wrote to the batch counts (optionally collecting the ids); rows it skipped were unchanged. */
export function countWritten(
  result: BatchResult,
  attempted: number,
  written: WrittenRow[],
  ids?: number[],
): void {
  for (const w of written) {
    if (w.old_id === null) result.created += 1;
    else result.updated += 1;
    ids?.push(w.id);
  }
  result.unchanged = attempted - written.length;
}
