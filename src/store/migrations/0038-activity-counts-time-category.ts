import { sql, type Kysely } from 'kysely';

/*
 * The activity count rollups keep the logged time category: `time_category` joins the key of
 * activity_day_counts (0010) and activity_month_counts (0014), so the selling and non-selling minutes
 * (selling_time_share, non_selling_time_share), whose effective category is a function of the logged one, the type
 * and the outcome, read the month table instead of every activity of the range (417 ms -> milliseconds for a
 * quarter by rep at 200 reps; docs/performance.md, "The dashboard of every metric"). About one activity in ten
 * carries a category, so the tables grow by little.
 *
 * The functions that write the two tables (0036's versions of 0010's triggers, activity_rollups_add_range and
 * activity_rollups_fill, and 0014's triggers, add_range and refill) are redefined with the column; the people and
 * meeting-prospect tables are written as before. Both count tables are refilled from the activities. The SQL is
 * written out here, not imported, because a migration must not change when the code does.
 */

/** A touch as the derived columns define it since 0036, over alias `d` (activities columns). */
const isTouch = (d: string) =>
  `((${d}.direction = 'outbound' or ${d}.type = 'meeting') and ${d}.outcome is distinct from 'scheduled')`;

/** 0036's applyRows (day counts and people), with time_category in the day counts' key. */
function applyDayRows(rows: string): string[] {
  const day = `(d.occurred_at at time zone tz)::date`;
  return [
    `insert into activity_day_counts as r
       (day, user_id, type, direction, outcome, has_person, is_new_prospect, time_category, n, duration_minutes)
     select ${day}, d.user_id, d.type, d.direction, d.outcome,
       (d.contact_id is not null or d.lead_id is not null), d.is_new_prospect, d.time_category,
       sum(d.sign), coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0)
     from ${rows} d
     group by 1, 2, 3, 4, 5, 6, 7, 8
     having sum(d.sign) <> 0 or coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0) <> 0
     on conflict on constraint activity_day_counts_key do update
       set n = r.n + excluded.n, duration_minutes = r.duration_minutes + excluded.duration_minutes`,
    `insert into activity_month_people as r (month, user_id, contact_id, lead_id, n, touches, new_prospects)
     select date_trunc('month', ${day})::date, d.user_id, d.contact_id, d.lead_id, sum(d.sign),
       coalesce(sum(d.sign) filter (where ${isTouch('d')}), 0),
       coalesce(sum(d.sign) filter (where d.is_new_prospect), 0)
     from ${rows} d
     group by 1, 2, 3, 4
     having sum(d.sign) <> 0
       or coalesce(sum(d.sign) filter (where ${isTouch('d')}), 0) <> 0
       or coalesce(sum(d.sign) filter (where d.is_new_prospect), 0) <> 0
     on conflict on constraint activity_month_people_key do update
       set n = r.n + excluded.n, touches = r.touches + excluded.touches,
         new_prospects = r.new_prospects + excluded.new_prospects`,
  ];
}

/** 0010's pruneEmpty, unchanged (repeated because the update and delete functions are redefined whole). */
function pruneDayEmpty(rows: string): string[] {
  const days = `(select distinct (d.occurred_at at time zone tz)::date from ${rows} d)`;
  return [
    `delete from activity_day_counts where n = 0 and day in ${days}`,
    `delete from activity_month_people where n = 0
       and month in (select distinct date_trunc('month', x)::date from ${days} as t(x))`,
  ];
}

/** 0014's applyRows (month counts and meeting prospects), with time_category in the month counts' key. */
function applyMonthRows(rows: string): string[] {
  const month = `date_trunc('month', (d.occurred_at at time zone tz))::date`;
  return [
    `insert into activity_month_counts as r
       (month, user_id, type, direction, outcome, has_person, is_new_prospect, time_category, n, duration_minutes)
     select ${month}, d.user_id, d.type, d.direction, d.outcome,
       (d.contact_id is not null or d.lead_id is not null), d.is_new_prospect, d.time_category,
       sum(d.sign), coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0)
     from ${rows} d
     group by 1, 2, 3, 4, 5, 6, 7, 8
     having sum(d.sign) <> 0 or coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0) <> 0
     order by 1, 2
     on conflict on constraint activity_month_counts_key do update
       set n = r.n + excluded.n, duration_minutes = r.duration_minutes + excluded.duration_minutes`,
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

/** 0014's pruneEmpty, unchanged. */
function pruneMonthEmpty(rows: string): string[] {
  const months = `(select distinct date_trunc('month', (d.occurred_at at time zone tz))::date from ${rows} d)`;
  return [
    `delete from activity_month_counts where n = 0 and month in ${months}`,
    `delete from activity_month_meeting_prospects where n = 0 and month in ${months}`,
  ];
}

function triggerFunction(name: string, statements: string[]): string {
  return `create or replace function ${name}() returns trigger language plpgsql as $fn$
    declare tz text := (select rollup_time_zone from settings where id = 1);
    begin
      ${statements.join(';\n      ')};
      return null;
    end
    $fn$`;
}

function rangeFunction(name: string, statements: string[]): string {
  return `create or replace function ${name}(lo timestamptz, hi timestamptz) returns void
    language plpgsql as $fn$
    declare tz text := (select rollup_time_zone from settings where id = 1);
    begin
      ${statements.join(';\n      ')};
    end
    $fn$`;
}

const inserted = `(select n.*, 1 as sign from new_rows n)`;
const deleted = `(select o.*, -1 as sign from old_rows o)`;
const updated = `(select n.*, 1 as sign from new_rows n union all select o.*, -1 as sign from old_rows o)`;
const all = `(select a.*, 1 as sign from activities a)`;
const inRange = `(select a.*, 1 as sign from activities a where a.occurred_at >= lo and a.occurred_at < hi)`;

/** 0036's fill (0019's): the day and people tables from every activity into empty tables, then the month refill. */
const FILL = `create or replace function activity_rollups_fill() returns void language plpgsql as $fn$
    declare tz text := (select rollup_time_zone from settings where id = 1);
    begin
      insert into activity_day_counts
        (day, user_id, type, direction, outcome, has_person, is_new_prospect, time_category, n, duration_minutes)
      select (d.occurred_at at time zone tz)::date, d.user_id, d.type, d.direction, d.outcome,
        (d.contact_id is not null or d.lead_id is not null), d.is_new_prospect, d.time_category,
        sum(d.sign), coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0)
      from ${all} d
      group by 1, 2, 3, 4, 5, 6, 7, 8
      having sum(d.sign) <> 0 or coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0) <> 0
      order by 1, 2;
      insert into activity_month_people (month, user_id, contact_id, lead_id, n, touches, new_prospects)
      select date_trunc('month', (d.occurred_at at time zone tz)::date)::date, d.user_id, d.contact_id, d.lead_id,
        sum(d.sign),
        coalesce(sum(d.sign) filter (where ${isTouch('d')}), 0),
        coalesce(sum(d.sign) filter (where d.is_new_prospect), 0)
      from ${all} d
      group by 1, 2, 3, 4
      having sum(d.sign) <> 0
        or coalesce(sum(d.sign) filter (where ${isTouch('d')}), 0) <> 0
        or coalesce(sum(d.sign) filter (where d.is_new_prospect), 0) <> 0
      order by 1, 2;
      perform activity_month_rollups_refill();
    end
    $fn$`;

/** 0014's refill: the month counts are the day counts summed per month (now per time category too). */
const MONTH_REFILL = `create or replace function activity_month_rollups_refill() returns void language plpgsql as $fn$
    declare tz text := (select rollup_time_zone from settings where id = 1);
    begin
      delete from activity_month_counts;
      delete from activity_month_meeting_prospects;
      insert into activity_month_counts
        (month, user_id, type, direction, outcome, has_person, is_new_prospect, time_category, n, duration_minutes)
      select date_trunc('month', c.day)::date, c.user_id, c.type, c.direction, c.outcome, c.has_person,
        c.is_new_prospect, c.time_category, sum(c.n), sum(c.duration_minutes)
      from activity_day_counts c
      group by 1, 2, 3, 4, 5, 6, 7, 8
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
    $fn$`;

const STATEMENTS = [
  `alter table activity_day_counts add column time_category text`,
  `alter table activity_day_counts drop constraint activity_day_counts_key`,
  `alter table activity_day_counts add constraint activity_day_counts_key unique nulls not distinct
    (day, user_id, type, direction, outcome, has_person, is_new_prospect, time_category)`,
  `alter table activity_month_counts add column time_category text`,
  `alter table activity_month_counts drop constraint activity_month_counts_key`,
  `alter table activity_month_counts add constraint activity_month_counts_key unique nulls not distinct
    (month, user_id, type, direction, outcome, has_person, is_new_prospect, time_category)`,
  triggerFunction('activity_rollups_insert', applyDayRows(inserted)),
  triggerFunction('activity_rollups_delete', [...applyDayRows(deleted), ...pruneDayEmpty(deleted)]),
  triggerFunction('activity_rollups_update', [...applyDayRows(updated), ...pruneDayEmpty(updated)]),
  rangeFunction('activity_rollups_add_range', applyDayRows(inRange)),
  triggerFunction('activity_month_rollups_insert', applyMonthRows(inserted)),
  triggerFunction('activity_month_rollups_delete', [...applyMonthRows(deleted), ...pruneMonthEmpty(deleted)]),
  triggerFunction('activity_month_rollups_update', [...applyMonthRows(updated), ...pruneMonthEmpty(updated)]),
  rangeFunction('activity_month_rollups_add_range', applyMonthRows(inRange)),
  FILL,
  MONTH_REFILL,
  // The day counts from every activity (the people rows are unchanged: the day part of the fill, alone), then the
  // month tables from them.
  `delete from activity_day_counts`,
  `insert into activity_day_counts
     (day, user_id, type, direction, outcome, has_person, is_new_prospect, time_category, n, duration_minutes)
   select (d.occurred_at at time zone (select rollup_time_zone from settings where id = 1))::date, d.user_id,
     d.type, d.direction, d.outcome, (d.contact_id is not null or d.lead_id is not null), d.is_new_prospect,
     d.time_category, sum(d.sign), coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0)
   from ${all} d
   group by 1, 2, 3, 4, 5, 6, 7, 8
   order by 1, 2`,
  `select activity_month_rollups_refill()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per query (PGlite's extended protocol); function bodies contain semicolons, so no splitting.
  for (const s of STATEMENTS) await sql.raw(s).execute(db);
}
