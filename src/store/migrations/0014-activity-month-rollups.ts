import { sql, type Kysely } from 'kysely';

/*
 * Month-grain aggregates of activities for the dashboard's quarter and month questions (docs/performance.md,
 * "Maintained aggregates"), beside migration 0010's day and people tables:
 *
 * - activity_month_counts: activity_day_counts per local month instead of day (same key otherwise). A quarter by
 *   rep reads about 7,000 rows instead of 110,000 at the 200-rep size; ranges that are not whole months keep
 *   reading the day table.
 * - activity_month_meeting_prospects: meetings per rep, local month, outcome, account, contact and lead (other
 *   activities as one row per rep and month). The "met prospects" of close_rate_meetings (distinct account, else
 *   contact, else lead, of held meetings) is a distinct count over it; before, that one part sorted every
 *   activity of the period (448k rows for a quarter).
 * - leads.mql_at and leads.sql_at get indexes: mql_count and sql_count select leads by them, and without an index
 *   each read every lead.
 *
 * Kept like 0010's tables: statement-level AFTER triggers with transition tables on activities (insert, update,
 * delete, truncate), local dates in settings.rollup_time_zone, rows pruned when their count falls to 0, and a
 * set-based function adding the activities of an instant range (the definition a refill must equal; the equality
 * test rebuilds with it), plus a faster refill from the day table for the backfill below, the zone rebuild and the
 * demo's rebuild after its COPY (src/store/aggregates/rebuild-activity-rollups.ts).
 *
 * New rows are written in (month, rep) order: a backfill then stores each month's rows together, so a quarter
 * reads a quarter's pages, not rows scattered over the whole table (as the unordered first version did).
 *
 * The SQL is written out here, not imported, because a migration must not change when the code does.
 */

/** Upserts the aggregate of `rows` (activities columns plus `sign`, +1 or -1) into both tables, in zone `tz`. */
function applyRows(rows: string): string[] {
  const month = `date_trunc('month', (d.occurred_at at time zone tz))::date`;
  return [
    `insert into activity_month_counts as r
       (month, user_id, type, direction, outcome, has_person, is_new_prospect, n, duration_minutes)
     select ${month}, d.user_id, d.type, d.direction, d.outcome,
       (d.contact_id is not null or d.lead_id is not null), d.is_new_prospect,
       sum(d.sign), coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0)
     from ${rows} d
     group by 1, 2, 3, 4, 5, 6, 7
     having sum(d.sign) <> 0 or coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0) <> 0
     order by 1, 2
     on conflict on constraint activity_month_counts_key do update
       set n = r.n + excluded.n, duration_minutes = r.duration_minutes + excluded.duration_minutes`,
    // Other activities collapse to one row per rep and month: they only keep the rep's month visible, as the raw
    // rows would (a report lists every group that has facts).
    `insert into activity_month_meeting_prospects as r
       (month, user_id, is_meeting, outcome, account_id, contact_id, lead_id, n)
     select ${month}, d.user_id, d.type = 'meeting',
       case when d.type = 'meeting' then d.outcome end, case when d.type = 'meeting' then d.account_id end,
       case when d.type = 'meeting' then d.contact_id end, case when d.type = 'meeting' then d.lead_id end,
       sum(d.sign)
     from ${rows} d
     group by 1, 2, 3, 4, 5, 6, 7
     having sum(d.sign) <> 0
     order by 1, 2
     on conflict on constraint activity_month_meeting_prospects_key do update set n = r.n + excluded.n`,
  ];
}

/** Rows left with no activities after an update or delete; only the months the statement touched are looked at. */
function pruneEmpty(rows: string): string[] {
  const months = `(select distinct date_trunc('month', (d.occurred_at at time zone tz))::date from ${rows} d)`;
  return [
    `delete from activity_month_counts where n = 0 and month in ${months}`,
    `delete from activity_month_meeting_prospects where n = 0 and month in ${months}`,
  ];
}

function triggerFunction(name: string, statements: string[]): string {
  return `create function ${name}() returns trigger language plpgsql as $fn$
    declare tz text := (select rollup_time_zone from settings where id = 1);
    begin
      ${statements.join(';\n      ')};
      return null;
    end
    $fn$`;
}

const inserted = `(select n.*, 1 as sign from new_rows n)`;
const deleted = `(select o.*, -1 as sign from old_rows o)`;
const updated = `(select n.*, 1 as sign from new_rows n union all select o.*, -1 as sign from old_rows o)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table activity_month_counts (
      month date not null,
      user_id bigint,
      type text not null,
      direction text not null,
      outcome text,
      has_person boolean not null,
      is_new_prospect boolean not null,
      n bigint not null,
      duration_minutes numeric not null,
      constraint activity_month_counts_key
        unique nulls not distinct (month, user_id, type, direction, outcome, has_person, is_new_prospect)
    )`,
    `create table activity_month_meeting_prospects (
      month date not null,
      user_id bigint,
      is_meeting boolean not null,
      outcome text,
      account_id bigint,
      contact_id bigint,
      lead_id bigint,
      n bigint not null,
      constraint activity_month_meeting_prospects_key
        unique nulls not distinct (month, user_id, is_meeting, outcome, account_id, contact_id, lead_id)
    )`,
    `create index leads_mql_idx on leads (mql_at) where mql_at is not null`,
    `create index leads_sql_idx on leads (sql_at) where sql_at is not null`,
    triggerFunction('activity_month_rollups_insert', applyRows(inserted)),
    triggerFunction('activity_month_rollups_delete', [...applyRows(deleted), ...pruneEmpty(deleted)]),
    triggerFunction('activity_month_rollups_update', [...applyRows(updated), ...pruneEmpty(updated)]),
    `create function activity_month_rollups_truncate() returns trigger language plpgsql as $fn$
    begin
      delete from activity_month_counts;
      delete from activity_month_meeting_prospects;
      return null;
    end
    $fn$`,
    `create trigger activity_month_rollups_insert after insert on activities
      referencing new table as new_rows for each statement execute function activity_month_rollups_insert()`,
    `create trigger activity_month_rollups_update after update on activities
      referencing old table as old_rows new table as new_rows
      for each statement execute function activity_month_rollups_update()`,
    `create trigger activity_month_rollups_delete after delete on activities
      referencing old table as old_rows for each statement execute function activity_month_rollups_delete()`,
    `create trigger activity_month_rollups_truncate after truncate on activities
      for each statement execute function activity_month_rollups_truncate()`,
    `create function activity_month_rollups_add_range(lo timestamptz, hi timestamptz) returns void
    language plpgsql as $fn$
    declare tz text := (select rollup_time_zone from settings where id = 1);
    begin
      ${applyRows(`(select a.*, 1 as sign from activities a where a.occurred_at >= lo and a.occurred_at < hi)`).join(';\n      ')};
    end
    $fn$`,
    // Refilling from scratch (this backfill, the zone rebuild, the demo after its COPY) reads the day table, which
    // is complete and in the same zone by then, instead of every activity again: counts are the day rows summed per
    // month, other activities one row per rep and month; only meetings are read from activities. On the 200-rep
    // store this took 26 s against 72 s for activity_month_rollups_add_range over all activities (load 33-35).
    `create function activity_month_rollups_refill() returns void language plpgsql as $fn$
    declare tz text := (select rollup_time_zone from settings where id = 1);
    begin
      delete from activity_month_counts;
      delete from activity_month_meeting_prospects;
      insert into activity_month_counts
        (month, user_id, type, direction, outcome, has_person, is_new_prospect, n, duration_minutes)
      select date_trunc('month', c.day)::date, c.user_id, c.type, c.direction, c.outcome, c.has_person,
        c.is_new_prospect, sum(c.n), sum(c.duration_minutes)
      from activity_day_counts c
      group by 1, 2, 3, 4, 5, 6, 7
      order by 1, 2;
      insert into activity_month_meeting_prospects
        (month, user_id, is_meeting, outcome, account_id, contact_id, lead_id, n)
      select date_trunc('month', (a.occurred_at at time zone tz))::date, a.user_id, true, a.outcome, a.account_id,
        a.contact_id, a.lead_id, count(*)
      from activities a where a.type = 'meeting'
      group by 1, 2, 3, 4, 5, 6, 7
      union all
      select date_trunc('month', c.day)::date, c.user_id, false, null, null, null, null, sum(c.n)
      from activity_day_counts c where c.type <> 'meeting'
      group by 1, 2
      order by 1, 2;
    end
    $fn$`,
    `select activity_month_rollups_refill()`,
  ];
  // One statement per query (PGlite's extended protocol); function bodies contain semicolons, so no splitting.
  for (const s of statements) await sql.raw(s).execute(db);
}
