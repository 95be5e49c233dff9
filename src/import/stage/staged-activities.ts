import { sql, type Transaction } from 'kysely';
import { openCopy, type CopyProgress } from '../../store/bulk/copy-rows.ts';
import { shouldDeferIndexes } from '../../store/bulk/defer-indexes.ts';
import { withIndexesDeferred } from '../../store/bulk/rebuild-after-load.ts';
import { fillActivityRollupsInZone } from '../../store/aggregates/fill-activity-rollups.ts';
import type { Database } from '../../store/schema.ts';
import type { ActivityRecord } from '../records/activity-record.ts';
import type { RejectedRow } from '../run/import-request.ts';
import type { References } from '../write/references.ts';
import { createStagingTable, STAGING_COLUMNS, STAGING_TABLE, stagingLine } from './activity-staging.ts';
import { insertStagedActivities, mergeStagedActivities, type MergeResult } from './merge-activities.ts';
import {
  stageFreshFirstTouches,
  writeFreshActivityFlags,
  writeFreshFirstTouches,
} from './fresh-first-touches.ts';
import { findDuplicates, resolveStagedReferences } from './resolve-staged-references.ts';
import { raiseImportMemory } from './session-settings.ts';
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

async function activitiesEmpty(tx: Transaction<Database>): Promise<boolean> {
  const r = await sql<{ any: boolean }>`select exists (select 1 from activities) as any`.execute(tx);
  return r.rows[0]?.any === false;
}

async function* toStagingLines(rows: AsyncIterable<StagedRecord>): AsyncGenerator<string> {
  for await (const r of rows) yield stagingLine(r.record, r.raw);
}

/** The merge proper: an upsert, or a plain insert into an empty table, with indexes deferred or not. */
async function mergeRows(
  tx: Transaction<Database>,
  skip: boolean,
  rows: number,
  deferMinRows: number | undefined,
): Promise<MergeResult> {
  // A merge that is a large share of activities rebuilds its indexes and foreign keys once instead of
  // upkeeping them per row (see shouldDeferIndexes for when, and the lock it costs on PostgreSQL).
  if (!(await shouldDeferIndexes(tx, 'activities', rows, deferMinRows)))
    return mergeStagedActivities(tx, skip);
  // Dropping the indexes took the table's exclusive lock, so an empty table stays empty until the insert:
  // a first import needs no upsert.
  return withIndexesDeferred(tx, 'activities', async () =>
    (await activitiesEmpty(tx)) ? insertIntoEmpty(tx, skip) : mergeStagedActivities(tx, skip),
  );
}

/**
 * The activity rollups' INSERT triggers (migrations 0010, 0014 and 0039's people runs); their update and delete
 * ones stay on.
 */
const ROLLUP_INSERT_TRIGGERS = [
  'activity_rollups_insert',
  'activity_month_rollups_insert',
  'activity_runs_people_insert',
] as const;

/**
 * The plain insert of a first import, with the activity rollups filled once after it from the whole table
 * (fillActivityRollupsInZone, the demo's fill) instead of by the insert triggers aggregating the transition
 * table, which took about half the merge's wall time of a first import (the fill costs some of it back: a
 * quarter of the merge's CPU saved on PostgreSQL, a fifth on PGlite, docs/performance.md). Turning them off is
 * ALTER TABLE ... DISABLE TRIGGER, the demo's way, whose ACCESS EXCLUSIVE lock on activities lasts until commit;
 * the caller holds that lock already (withIndexesDeferred) and the table was empty at the start of the import,
 * so no reader loses anything it could see. The fill locks the rollup tables exclusively too: they are empty as
 * activities is. It runs before anything else updates activities in this import (writeFreshFirstTouches, the
 * derived refresh), whose update triggers then adjust filled rollups. Triggers on other tables (the opportunity
 * rollups) are not touched.
 */
async function insertIntoEmpty(tx: Transaction<Database>, skip: boolean): Promise<MergeResult> {
  for (const t of ROLLUP_INSERT_TRIGGERS)
    await sql`alter table activities disable trigger ${sql.id(t)}`.execute(tx);
  const merged = await insertStagedActivities(tx, skip);
  for (const t of ROLLUP_INSERT_TRIGGERS)
    await sql`alter table activities enable trigger ${sql.id(t)}`.execute(tx);
  await fillActivityRollupsInZone(tx);
  return merged;
}

/**
 * Opens a staged activities import in `tx`, or null when COPY is not available on this connection (a pooler
 * sharing server sessions, see raw-clients.ts): the caller then writes in batches of INSERTs.
 */
export async function openStagedActivities(
  tx: Transaction<Database>,
  deferMinRows?: number,
): Promise<StagedActivities | null> {
  const writer = await openCopy(tx);
  if (!writer) return null;
  await raiseImportMemory(tx);
  await createStagingTable(tx);
  let loaded = 0;
  return {
    async load(rows, onProgress) {
      loaded = await writer.copy(
        STAGING_TABLE,
        STAGING_COLUMNS,
        { encodedLines: toStagingLines(rows) },
        onProgress,
      );
      return loaded;
    },
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
      const skip = rejected.length > 0;
      // The first touches of people with no history are set by the merge itself, not by the derived refresh.
      await stageFreshFirstTouches(tx, skip);
      const merged = await mergeRows(tx, skip, loaded - rejected.length, deferMinRows);
      await writeFreshFirstTouches(tx);
      await writeFreshActivityFlags(tx);
      return merged;
    },
  };
}
