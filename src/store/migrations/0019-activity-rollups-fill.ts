import { sql, type Kysely } from 'kysely';

/*
 * activity_rollups_fill(): the activity rollups of 0010 (day counts, month people) filled from every activity by
 * one INSERT ... SELECT ... GROUP BY per table, for tables that are EMPTY (the demo after its COPY, a first bulk
 * load): no upsert, no conflicts to look for, so the caller can drop the tables' keys and indexes first and build
 * them once after (src/store/aggregates/fill-activity-rollups.ts). Then the month tables of 0014 from the day
 * table (activity_month_rollups_refill). The demo's rebuild before this was activity_rollups_add_range once per
 * month of activities: 13 upserts into indexed tables for the default demo, 25 on the 200-rep store.
 *
 * The SELECTs are 0010's applyRows over `(select a.*, 1 as sign from activities a)`, the statement
 * activity_rollups_add_range runs, word for word but for the ON CONFLICT clause (never taken on empty tables) and
 * the row order (day or month, then rep, as 0014 writes its rows, so a period's rows are stored together).
 * test/metrics/rollup-equality.test.ts compares the demo's rollups with activity_rollups_add_range on both stores.
 *
 * The SQL is written out here, not imported, because a migration must not change when the code does.
 */

const rows = `(select a.*, 1 as sign from activities a)`;
const day = `(d.occurred_at at time zone tz)::date`;

const FILL = `create function activity_rollups_fill() returns void language plpgsql as $fn$
    declare tz text := (select rollup_time_zone from settings where id = 1);
    begin
      insert into activity_day_counts
        (day, user_id, type, direction, outcome, has_person, is_new_prospect, n, duration_minutes)
      select ${day}, d.user_id, d.type, d.direction, d.outcome,
        (d.contact_id is not null or d.lead_id is not null), d.is_new_prospect,
        sum(d.sign), coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0)
      from ${rows} d
      group by 1, 2, 3, 4, 5, 6, 7
      having sum(d.sign) <> 0 or coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0) <> 0
      order by 1, 2;
      insert into activity_month_people (month, user_id, contact_id, lead_id, n, touches, new_prospects)
      select date_trunc('month', ${day})::date, d.user_id, d.contact_id, d.lead_id, sum(d.sign),
        coalesce(sum(d.sign) filter (where d.direction = 'outbound' or d.type = 'meeting'), 0),
        coalesce(sum(d.sign) filter (where d.is_new_prospect), 0)
      from ${rows} d
      group by 1, 2, 3, 4
      having sum(d.sign) <> 0
        or coalesce(sum(d.sign) filter (where d.direction = 'outbound' or d.type = 'meeting'), 0) <> 0
        or coalesce(sum(d.sign) filter (where d.is_new_prospect), 0) <> 0
      order by 1, 2;
      perform activity_month_rollups_refill();
    end
    $fn$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(FILL).execute(db);
}
