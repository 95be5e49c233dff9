import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { refreshActivityFlags } from '../derived/activity-flags.ts';

/** Progress of a rebuild: months of activities done out of the total. */
export type RebuildProgress = (done: number, total: number) => void;

/** First instants of the UTC months from the month of `lo` up to and including the month after `hi`. */
function monthStarts(lo: Date, hi: Date): Date[] {
  const out: Date[] = [];
  const d = new Date(Date.UTC(lo.getUTCFullYear(), lo.getUTCMonth(), 1));
  while (d <= hi) {
    out.push(new Date(d));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  out.push(new Date(d));
  return out;
}

/**
 * Rebuilds the activity rollups (migrations 0010 and 0014) in the workspace's current time zone, inside `tx`:
 * readers keep the old rollups until commit, and a failure leaves them as they were, never half rebuilt. Writers to
 * activities wait (SHARE lock) so no trigger files a row under the old zone meanwhile. The day and people tables
 * are refilled by the SQL function activity_rollups_add_range, one UTC month of activities per call so progress
 * can be reported (a local day split over two calls is merged by its upsert); the month tables of 0014 then come
 * from the finished day table in one call (activity_month_rollups_refill), and the people runs of 0039 from the
 * people table (activity_people_runs_refill). Returns the number of months read.
 */
export async function rebuildActivityRollups(
  tx: Transaction<Database>,
  onProgress: RebuildProgress = () => {},
): Promise<number> {
  await sql`lock table activities in share mode`.execute(tx);
  await sql`update settings set rollup_time_zone = time_zone where id = 1`.execute(tx);
  // activities.repeat_touch counts touches per local day of this zone (migration 0041): recomputed in the new one
  // first (the update triggers file its changes into the old tables, emptied next).
  await refreshActivityFlags(tx, null, []);
  await sql`delete from activity_day_counts`.execute(tx);
  await sql`delete from activity_month_people`.execute(tx);
  const span = await sql<{ lo: Date | null; hi: Date | null }>`
    select min(occurred_at) as lo, max(occurred_at) as hi from activities`.execute(tx);
  const lo = span.rows[0]?.lo;
  const hi = span.rows[0]?.hi;
  if (!lo || !hi) {
    await sql`select activity_month_rollups_refill()`.execute(tx); // empties them
    await sql`select activity_people_runs_refill()`.execute(tx);
    return 0;
  }
  const starts = monthStarts(new Date(lo), new Date(hi));
  const total = starts.length - 1;
  for (let i = 0; i < total; i++) {
    const [lo, hi] = [starts[i]!.toISOString(), starts[i + 1]!.toISOString()];
    await sql`select activity_rollups_add_range(${lo}::timestamptz, ${hi}::timestamptz)`.execute(tx);
    onProgress(i + 1, total);
  }
  // The month tables of 0014 from the day table just filled (and the meetings), in one pass.
  await sql`select activity_month_rollups_refill()`.execute(tx);
  // Distinct people per rep and run of months (0039) from the refilled month rows: its triggers are on activities,
  // which the rebuild does not write.
  await sql`select activity_people_runs_refill()`.execute(tx);
  return total;
}
