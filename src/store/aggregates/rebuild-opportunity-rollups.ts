import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Rebuilds the opportunity rollups (migration 0015) from every deal in settings.rollup_time_zone, inside `tx`, for
 * the zone rebuild (after rebuildActivityRollups has set that zone) and the demo's load (triggers off during its
 * COPY). Writers to opportunities wait (SHARE lock) so no trigger files a deal under another zone meanwhile; a
 * failure rolls back to the rollups as they were. One statement per table: 68k deals at the 200-rep size.
 */
export async function rebuildOpportunityRollups(tx: Transaction<Database>): Promise<void> {
  await sql`lock table opportunities in share mode`.execute(tx);
  await sql`delete from opportunity_closed_days`.execute(tx);
  await sql`delete from opportunity_created_months`.execute(tx);
  await sql`select opportunity_rollups_add_all()`.execute(tx);
}
