import { sql } from 'kysely';
import type { Db } from '../../src/store/db.ts';

/** Every rollup table (activities and opportunities) as text, in key order. */
export async function rollupRows(db: Db): Promise<string[]> {
  const r = await sql<{ row: string }>`
    select format('c|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s', day, user_id, type, direction, outcome, has_person,
      is_new_prospect, time_category, repeat_touch, held_meeting_before, has_duration, zero_length, typed_in, n,
      duration_minutes::float8) as row
    from activity_day_counts
    union all
    select format('p|%s|%s|%s|%s|%s|%s|%s', month, user_id, contact_id, lead_id, n, touches, new_prospects)
    from activity_month_people
    union all
    select format('m|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s', month, user_id, type, direction, outcome, has_person,
      is_new_prospect, time_category, repeat_touch, held_meeting_before, has_duration, zero_length, typed_in, n,
      duration_minutes::float8) as row
    from activity_month_counts
    union all
    select format('q|%s|%s|%s|%s|%s|%s|%s|%s', month, user_id, is_meeting, outcome, account_id, contact_id, lead_id, n)
    from activity_month_meeting_prospects
    union all
    select format('o|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s', day, owner_id, status, type, pipeline_id, lead_source, currency,
      cycle_days, n, amount_minor) from opportunity_closed_days
    union all
    select format('g|%s|%s|%s|%s|%s|%s', month, owner_id, type, pipeline_id, lead_source, n)
    from opportunity_created_months
    union all
    select format('r|%s|%s|%s|%s|%s', month, months, user_id, touched, new_prospects) from activity_people_runs
    order by 1`.execute(db);
  return r.rows.map((x) => x.row);
}

/** Every rollup table rebuilt from the facts, as rollupRows lists them (in a transaction rolled back). */
export async function rebuiltRollupRows(db: Db): Promise<string[]> {
  return db
    .transaction()
    .execute(async (tx) => {
      await sql`delete from activity_day_counts`.execute(tx);
      await sql`delete from activity_month_people`.execute(tx);
      await sql`delete from activity_month_counts`.execute(tx);
      await sql`delete from activity_month_meeting_prospects`.execute(tx);
      await sql`select activity_rollups_add_range('-infinity', 'infinity')`.execute(tx);
      await sql`select activity_month_rollups_add_range('-infinity', 'infinity')`.execute(tx);
      // The people runs (0039) counted from scratch (add_range fires no trigger on activities).
      await sql`select activity_people_runs_refill()`.execute(tx);
      await sql`delete from opportunity_closed_days`.execute(tx);
      await sql`delete from opportunity_created_months`.execute(tx);
      await sql`select opportunity_rollups_add_all()`.execute(tx);
      const rows = await rollupRows(tx);
      throw Object.assign(new Error('rollback'), { rows });
    })
    .catch((e: Error & { rows?: string[] }) => {
      if (!e.rows) throw e;
      return e.rows;
    });
}
