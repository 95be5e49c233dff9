import { sql, type Transaction } from 'kysely';
import { withIndexesDeferred } from '../bulk/rebuild-after-load.ts';
import type { Database } from '../schema.ts';
import { executeWithWorkMem } from '../sql/work-mem.ts';

/** The activity rollups of migrations 0010 and 0014. */
const ROLLUP_TABLES = [
  'activity_day_counts',
  'activity_month_people',
  'activity_month_counts',
  'activity_month_meeting_prospects',
] as const;

/** Runs `load` with every table's keys, indexes and foreign keys set aside, re-created after it (in `tx`). */
async function withAllDeferred(
  tx: Transaction<Database>,
  tables: readonly string[],
  load: () => Promise<void>,
): Promise<void> {
  const [first, ...rest] = tables;
  if (!first) return load();
  return withIndexesDeferred(tx, first, () => withAllDeferred(tx, rest, load), { uniqueKeys: 'rebuild' });
}

/**
 * Fills the activity rollups from every activity in the workspace's time zone, inside `tx`, for a bulk load that
 * wrote activities with the rollup triggers off (the demo): what rebuildActivityRollups gives, but with the
 * rollup tables emptied, their keys and indexes dropped, one INSERT ... SELECT ... GROUP BY per table
 * (activity_rollups_fill, migration 0019) and the keys and indexes built once after. On the default demo this is
 * about half the CPU of the month-by-month upserts. The rollup tables stay locked exclusively until commit, so
 * this is for stores nobody reads yet; the zone rebuild job of a live store keeps rebuildActivityRollups.
 */
export async function fillActivityRollups(tx: Transaction<Database>): Promise<void> {
  await sql`update settings set rollup_time_zone = time_zone where id = 1`.execute(tx);
  await fillActivityRollupsInZone(tx);
}

/**
 * fillActivityRollups in the zone the rollups are kept in now (settings.rollup_time_zone), which it leaves as it
 * is: for a first import, whose store may have opportunity rollups in that zone and a zone rebuild still to run.
 */
export async function fillActivityRollupsInZone(tx: Transaction<Database>): Promise<void> {
  await sql`lock table activities in share mode`.execute(tx);
  for (const table of ROLLUP_TABLES) await sql`delete from ${sql.table(table)}`.execute(tx);
  await withAllDeferred(tx, ROLLUP_TABLES, async () => {
    // Its two hash aggregates (about 1M groups each at the 200-rep size) spill in many batches with 4 MB. At least
    // 64 MB for this statement only: on PGlite the memory is this process's, and its WebAssembly heap never
    // shrinks (measured at 100 reps: the fill 11.1 s -> 7.5 s of CPU, the heap 272 -> 326 MB; the peak RSS, which
    // comes during the COPY, 1.26-1.37 GB with or without).
    await executeWithWorkMem(tx, 64, sql`select activity_rollups_fill()`);
  });
  // Distinct people per rep and run of months (0039), from the month rows just filled: one GROUP BY, as its
  // triggers on activities were off with the others (it sorts about 4M (rep, run, person) rows at the 200-rep
  // size, hence the same work_mem).
  await executeWithWorkMem(tx, 64, sql`select activity_people_runs_refill()`);
}
