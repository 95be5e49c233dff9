import { sql, type Transaction } from 'kysely';
import { openCopy, type CopyProgress } from '../../store/bulk/copy-rows.ts';
import { rawClientOf } from '../../store/bulk/raw-clients.ts';
import { withIndexesDeferred } from '../../store/bulk/rebuild-after-load.ts';
import type { Database } from '../../store/schema.ts';
import type { ActivityRecord } from '../records/activity-record.ts';
import type { RejectedRow } from '../run-import.ts';
import type { References } from '../write/references.ts';
import { createStagingTable, STAGING_COLUMNS, STAGING_TABLE, stagingRow } from './activity-staging.ts';
import { mergeStagedActivities, type MergeResult } from './merge-activities.ts';
import { findDuplicates, resolveStagedReferences } from './resolve-staged-references.ts';
import { stagedRejects } from './staged-rejects.ts';

/** A valid row on its way to staging: the record and the row's text in the file. */
export interface StagedRecord {
  record: ActivityRecord;
  raw: string;
}

/**
 * An activities import in three set-based steps inside the import transaction: load (COPY every valid row into
 * the staging table as the file streams by), check (resolve names to ids and list every row that cannot be
 * written), merge (one upsert from staging). Nothing reaches the store's tables before merge, and merge runs
 * only when the caller accepts the rejects, so the whole-file-or-nothing rule is the caller's, as before.
 */
export interface StagedActivities {
  load(rows: AsyncIterable<StagedRecord>, onProgress?: CopyProgress): Promise<number>;
  check(refs: References, delimiter: string): Promise<RejectedRow[]>;
  /** `rejected`: lines to leave out (skipInvalid), or empty. */
  merge(rejected: readonly number[]): Promise<MergeResult>;
}

async function* toStagingRows(rows: AsyncIterable<StagedRecord>): AsyncGenerator<unknown[]> {
  for await (const r of rows) yield stagingRow(r.record, r.raw);
}

/** Below this many staged rows, per-row index upkeep is cheap enough whatever the table's size. */
const DEFER_MIN_ROWS = 20_000;

/**
 * On PGlite, a merge that adds at least a twentieth of activities' rows runs with the table's secondary indexes
 * and foreign keys set aside and rebuilt after (withIndexesDeferred): per-row upkeep of six indexes and four
 * foreign-key checks costs about 100 us a row there, a rebuild a few us per row of the table, and the foreign
 * keys are still checked for every row, in one query each. PGlite has one session, which the import holds, so
 * the exclusive lock keeps nobody waiting. PostgreSQL serves other sessions meanwhile and keeps its indexes.
 */
async function defersIndexes(tx: Transaction<Database>): Promise<boolean> {
  const raw = await rawClientOf(tx);
  if (raw?.kind !== 'pglite') return false;
  const r = await sql<{ staged: number; stored: number }>`
    select (select count(*) from ${sql.table(STAGING_TABLE)})::int as staged,
      (select count(*) from activities)::int as stored`.execute(tx);
  const { staged, stored } = r.rows[0] ?? { staged: 0, stored: 0 };
  return staged >= DEFER_MIN_ROWS && staged * 20 >= stored;
}

/**
 * Opens a staged activities import in `tx`, or null when COPY is not available on this connection (a pooler
 * sharing server sessions, see raw-clients.ts): the caller then writes in batches of INSERTs.
 */
export async function openStagedActivities(tx: Transaction<Database>): Promise<StagedActivities | null> {
  const writer = await openCopy(tx);
  if (!writer) return null;
  await createStagingTable(tx);
  return {
    load: (rows, onProgress) => writer.copy(STAGING_TABLE, STAGING_COLUMNS, toStagingRows(rows), onProgress),
    async check(refs, delimiter) {
      // The planner knows nothing of a table filled in this transaction; a sample makes its joins hash joins.
      await sql`analyze ${sql.table(STAGING_TABLE)}`.execute(tx);
      await findDuplicates(tx);
      await resolveStagedReferences(tx, refs);
      return stagedRejects(tx, refs, delimiter);
    },
    async merge(rejected) {
      if (rejected.length > 0) {
        await sql`create temporary table import_rejected (line int4 primary key) on commit drop`.execute(tx);
        await sql`insert into import_rejected select unnest(${[...rejected]}::int4[])`.execute(tx);
      }
      const merge = () => mergeStagedActivities(tx, rejected.length > 0);
      return (await defersIndexes(tx)) ? withIndexesDeferred(tx, 'activities', merge) : merge();
    },
  };
}
