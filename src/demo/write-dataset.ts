import { sql, type Transaction } from 'kysely';
import { fillActivityRollups } from '../store/aggregates/fill-activity-rollups.ts';
import { refreshDealFollowUps } from '../store/derived/deal-follow-ups.ts';
import { rebuildOpportunityRollups } from '../store/aggregates/rebuild-opportunity-rollups.ts';
import { copyFileChunks } from '../store/bulk/copy-file-chunks.ts';
import type { CopyRow, CopySource, CopyWriter } from '../store/bulk/copy-rows.ts';
import { freshenEmptyTables } from '../store/bulk/fresh-tables.ts';
import { loadWithIndexesDeferred } from '../store/bulk/rebuild-after-load.ts';
import type { Database } from '../store/schema.ts';
import { insertRows, type ColumnTypes } from './bulk-insert.ts';
import {
  copyFileOf,
  DEMO_TABLE_COLUMNS,
  DEMO_TABLES,
  datasetCopyText,
  teamManagers,
  type DemoTable,
} from './dataset-copy-text.ts';
import type { DemoDataset } from './dataset.ts';
import { releaseGarbage } from './release-garbage.ts';
import type { StageTimer } from './stage-timer.ts';

// Every table the demo writes is a table of the store.
DEMO_TABLES satisfies readonly (keyof Database)[];

/** Rows per INSERT statement (when COPY is not used): big enough to amortise round trips, small enough to keep each statement's arrays modest. */
const BATCH = 1_000;

/** Reports write progress: rows written so far out of the total. */
export type DemoProgress = (written: number, total: number) => void;

/**
 * Where the rows of each table come from: the dataset generated in this process (COPY lines or, without COPY,
 * rows for INSERT batches), or the COPY files the generator child wrote (see generate-in-child.ts).
 */
export interface DatasetSource {
  total: number;
  teamManagers: { id: number; managerId: number | null }[];
  tables: { table: DemoTable; columns: ColumnTypes; rows: () => CopySource }[];
}

/** The dataset of this process as a source; its tables are emptied as they are written (count them first). */
export function inProcessSource(ds: DemoDataset, total: number): DatasetSource {
  return {
    total,
    teamManagers: teamManagers(ds),
    tables: datasetCopyText(ds).map((t) => ({
      table: t.table,
      columns: t.columns,
      rows: () => ({ encodedLines: t.lines() }),
    })),
  };
}

/** The dataset as rows for INSERT batches (the path without COPY), emptied as it is written. */
export function insertRowsSource(ds: DemoDataset, total: number): DatasetSource {
  const text = datasetCopyText(ds);
  const rowsOf: Record<DemoTable, () => Iterable<CopyRow>> = {
    teams: () => ds.teams.map((t) => ({ ...t, manager_id: null })),
    users: () => ds.users,
    accounts: () => ds.accounts.rows(),
    contacts: () => ds.contacts.rows(),
    leads: () => ds.leads,
    lead_events: () => ds.leadEvents,
    opportunities: () => ds.opportunities,
    opportunity_history: () => ds.opportunityHistory.rows(),
    activities: () => ds.activities.rows(),
    customers: () => ds.customers,
    subscriptions: () => ds.subscriptions,
    goals: () => ds.goals,
    acquisition_costs: () => ds.acquisitionCosts,
  };
  return {
    total,
    teamManagers: teamManagers(ds),
    tables: text.map((t) => ({ table: t.table, columns: t.columns, rows: rowsOf[t.table] })),
  };
}

// PGlite's COPY chunks (src/store/bulk/copy-rows.ts); PostgreSQL takes them as CopyData messages of that size.
const FILE_CHUNK_BYTES = 1024 * 1024;

/** The COPY files the generator child wrote into `dir`. */
export function filesSource(
  dir: string,
  total: number,
  managers: { id: number; managerId: number | null }[],
): DatasetSource {
  return {
    total,
    teamManagers: managers,
    tables: DEMO_TABLES.map((table) => ({
      table,
      columns: DEMO_TABLE_COLUMNS[table],
      rows: () => ({ encodedChunks: copyFileChunks(copyFileOf(dir, table), FILE_CHUNK_BYTES) }),
    })),
  };
}

/**
 * How the rollup tables kept by statement-level triggers on activities, opportunities and opportunity_history
 * follow the demo load. null: the triggers fire, once per COPY statement (one for PostgreSQL, one per 1 MB
 * chunk on PGlite), each aggregating its statement's rows. A function: the triggers are off while each table is
 * loaded, and the function rebuilds the rollups once, from the loaded tables, before the derived refresh (whose
 * updates the re-enabled triggers follow). The setting used: the activity rollups filled by one
 * INSERT ... SELECT ... GROUP BY per table into the emptied rollup tables, keys and indexes built after
 * (fillActivityRollups), instead of upserting rollup rows COPY chunk after COPY chunk or month after month.
 */
const REBUILD_ROLLUPS_AFTER_LOAD:
  ((tx: Transaction<Database>, timer: StageTimer) => Promise<void>) | null = async (tx, timer) => {
  await timer.time('activity rollups', () => fillActivityRollups(tx));
  await timer.time('opportunity rollups', () => rebuildOpportunityRollups(tx));
  // The stage intervals of every deal, once, instead of once per COPY of opportunities and again of history; into
  // the empty table with its indexes (a GiST one among them) built after, not updated row by row.
  await timer.time('stage spans', () =>
    loadWithIndexesDeferred(tx, 'opportunity_stage_spans', () =>
      sql`select opportunity_stage_spans_refresh(array(select id from opportunities))`.execute(tx),
    ),
  );
  // Each closed deal's follow-ups after its last held meeting (migration 0043), once, from the loaded tables.
  await timer.time('deal follow-ups', () => refreshDealFollowUps(tx, 'all'));
};

/**
 * Writes the tables in dependency order, with COPY when `copier` is given (else 1,000 rows per INSERT); teams
 * get their managers and leads their opportunities afterwards. Both ways store the same bytes
 * (test/demo-copy.test.ts compares them table by table).
 */
export async function writeDataset(
  tx: Transaction<Database>,
  source: DatasetSource,
  copier: CopyWriter | null,
  timer: StageTimer,
  onProgress?: DemoProgress,
): Promise<void> {
  let written = 0;
  const progress = (n: number) => {
    written += n;
    onProgress?.(written, source.total);
  };
  // The demo only writes into empty tables (it refuses a store with data, or empties it first); those whose
  // storage is replaced here take their rows frozen (and, on PGlite, without write-ahead log).
  const fresh = copier ? await freshenEmptyTables(tx, DEMO_TABLES) : new Set<string>();
  const writeTable = async (table: DemoTable, columns: ColumnTypes, rows: CopySource) => {
    if (copier) {
      await loadWithIndexesDeferred(
        tx,
        table,
        () => copier.copy(table, columns, rows, progress, { freeze: fresh.has(table) }),
        { userTriggers: REBUILD_ROLLUPS_AFTER_LOAD ? 'disable' : 'fire', uniqueKeys: 'rebuild' },
      );
      return;
    }
    if ('encodedLines' in rows || 'encodedChunks' in rows || Symbol.asyncIterator in rows)
      throw new Error('INSERT batches need the rows, not COPY text');
    let batch: CopyRow[] = [];
    const flush = async () => {
      await insertRows(tx, table, columns, batch);
      progress(batch.length);
      batch = [];
    };
    for (const row of rows) {
      batch.push(row);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0) await flush();
  };
  for (const { table, columns, rows } of source.tables) {
    // The generator's garbage (and the COPYs' so far) collected before the largest table goes in.
    if (table === 'activities') releaseGarbage();
    await timer.time(table, () => writeTable(table, columns, rows()));
    if (table === 'users') {
      for (const t of source.teamManagers) {
        await tx.updateTable('teams').set({ manager_id: t.managerId }).where('id', '=', t.id).execute();
      }
    }
    if (table === 'opportunities') {
      // Leads and opportunities point at each other; the lead side is filled in one statement once both exist.
      await sql`update leads l set converted_opportunity_id = o.id
        from opportunities o where o.lead_id = l.id and l.status = 'converted'`.execute(tx);
    }
  }
  // Ids were chosen by the generator; move each identity past them so later inserts do not collide.
  for (const table of [
    'teams',
    'users',
    'accounts',
    'contacts',
    'leads',
    'lead_events',
    'opportunities',
    'customers',
  ]) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest((select max(id) from ${sql.table(table)}), 1))`.execute(
      tx,
    );
  }
  // Every row is in: what the JS side held for them goes before PGlite's heap grows for the rollups.
  releaseGarbage();
  if (REBUILD_ROLLUPS_AFTER_LOAD) await REBUILD_ROLLUPS_AFTER_LOAD(tx, timer);
}
