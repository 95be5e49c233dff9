import type { Transaction } from 'kysely';
import type { Db } from '../db.ts';
import type { Database } from '../schema.ts';

/**
 * The zone the activity rollups' local days are in (settings.rollup_time_zone). The triggers file new rows under
 * it, so a rollup is always consistent with itself; metrics read a rollup only while this equals the workspace
 * zone, and the rollup-rebuild job brings it back in line after a zone change.
 */
export async function getRollupTimeZone(db: Db | Transaction<Database>): Promise<string> {
  const row = await db
    .selectFrom('settings')
    .select('rollup_time_zone')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return row.rollup_time_zone;
}
