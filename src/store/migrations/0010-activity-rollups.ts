import { sql, type Kysely } from 'kysely';

/*
 * Maintained aggregates of activities (docs/performance.md, "Maintained aggregates"): activity_day_counts holds,
 * per rep, local day, type, direction, outcome, "names a person" and new-prospect flag, the number of activities
 * and the sum of duration_seconds / 60.0. Every count and duration sum of the activity metrics whose conditions use
 * only those columns is a sum over it. activity_month_people holds, per rep, local month, contact and lead, the
 * number of activities, of touches and of new-prospect flags: count(distinct person) over whole months is a
 * distinct count over it, the person key still read through the live leads join so that a lead conversion needs
 * no rewrite. (The same table per day was tried: on the 200-rep demo it held 3.20M rows for 3.22M activities and
 * answered slower than the raw rows; per month a quarter is 137k rows for 453k touches.)
 *
 * Both are kept by statement-level AFTER triggers with transition tables on activities (insert, update, delete,
 * truncate), so every writer (importer, demo COPY, derived refresh, ON CONFLICT upserts) updates them in its own
 * transaction without knowing they exist. "Local day" is the date in settings.rollup_time_zone, the zone the
 * rollups were built for; the metrics compiler uses them only while it equals settings.time_zone, and the
 * rollup-rebuild job rebuilds them after a zone change (src/store/aggregates/).
 *
 * The SQL is written out here, not imported, because a migration must not change when the code does.
 */

/** Upserts the aggregate of `rows` (activities columns plus `sign`, +1 or -1) into the rollups, in zone `tz`. */
function applyRows(rows: string): string[] {
  const day = `(d.occurred_at at time zone tz)::date`;
  return [
    `insert into activity_day_counts as r
       (day, user_id, type, direction, outcome, has_person, is_new_prospect, n, duration_minutes)
     select ${day}, d.user_id, d.type, d.direction, d.outcome,
       (d.contact_id is not null or d.lead_id is not null), d.is_new_prospect,
       sum(d.sign), coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0)
     from ${rows} d
     group by 1, 2, 3, 4, 5, 6, 7
     having sum(d.sign) <> 0 or coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0) <> 0
     on conflict on constraint activity_day_counts_key do update
       set n = r.n + excluded.n, duration_minutes = r.duration_minutes + excluded.duration_minutes`,
    `insert into activity_month_people as r (month, user_id, contact_id, lead_id, n, touches, new_prospects)
     select date_trunc('month', ${day})::date, d.user_id, d.contact_id, d.lead_id, sum(d.sign),
       coalesce(sum(d.sign) filter (where d.direction = 'outbound' or d.type = 'meeting'), 0),
       coalesce(sum(d.sign) filter (where d.is_new_prospect), 0)
     from ${rows} d
     group by 1, 2, 3, 4
     having sum(d.sign) <> 0
       or coalesce(sum(d.sign) filter (where d.direction = 'outbound' or d.type = 'meeting'), 0) <> 0
       or coalesce(sum(d.sign) filter (where d.is_new_prospect), 0) <> 0
     on conflict on constraint activity_month_people_key do update
       set n = r.n + excluded.n, touches = r.touches + excluded.touches,
         new_prospects = r.new_prospects + excluded.new_prospects`,
  ];
}

/** Rows left with no activities after an update or delete; only the days the statement touched are looked at. */
function pruneEmpty(rows: string): string[] {
  const days = `(select distinct (d.occurred_at at time zone tz)::date from ${rows} d)`;
  return [
    `delete from activity_day_counts where n = 0 and day in ${days}`,
    `delete from activity_month_people where n = 0
       and month in (select distinct date_trunc('month', x)::date from ${days} as t(x))`,
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
    `alter table settings add column rollup_time_zone text not null default 'UTC'`,
    `update settings set rollup_time_zone = time_zone`,
    `create table activity_day_counts (
      day date not null,
      user_id bigint,
      type text not null,
      direction text not null,
      outcome text,
      has_person boolean not null,
      is_new_prospect boolean not null,
      n bigint not null,
      duration_minutes numeric not null,
      constraint activity_day_counts_key
        unique nulls not distinct (day, user_id, type, direction, outcome, has_person, is_new_prospect)
    )`,
    `create index activity_day_counts_user_idx on activity_day_counts (user_id, day)`,
    `create table activity_month_people (
      month date not null,
      user_id bigint,
      contact_id bigint,
      lead_id bigint,
      n bigint not null,
      touches bigint not null,
      new_prospects bigint not null,
      constraint activity_month_people_key unique nulls not distinct (month, user_id, contact_id, lead_id)
    )`,
    `create index activity_month_people_user_idx on activity_month_people (user_id, month)`,
    triggerFunction('activity_rollups_insert', applyRows(inserted)),
    triggerFunction('activity_rollups_delete', [...applyRows(deleted), ...pruneEmpty(deleted)]),
    triggerFunction('activity_rollups_update', [...applyRows(updated), ...pruneEmpty(updated)]),
    `create function activity_rollups_truncate() returns trigger language plpgsql as $fn$
    begin
      delete from activity_day_counts;
      delete from activity_month_people;
      return null;
    end
    $fn$`,
    `create trigger activity_rollups_insert after insert on activities
      referencing new table as new_rows for each statement execute function activity_rollups_insert()`,
    `create trigger activity_rollups_update after update on activities
      referencing old table as old_rows new table as new_rows
      for each statement execute function activity_rollups_update()`,
    `create trigger activity_rollups_delete after delete on activities
      referencing old table as old_rows for each statement execute function activity_rollups_delete()`,
    `create trigger activity_rollups_truncate after truncate on activities
      for each statement execute function activity_rollups_truncate()`,
    // The rebuild after a zone change (and this backfill): the activities in [lo, hi), added in the rollup zone.
    `create function activity_rollups_add_range(lo timestamptz, hi timestamptz) returns void
    language plpgsql as $fn$
    declare tz text := (select rollup_time_zone from settings where id = 1);
    begin
      ${applyRows(`(select a.*, 1 as sign from activities a where a.occurred_at >= lo and a.occurred_at < hi)`).join(';\n      ')};
    end
    $fn$`,
    `select activity_rollups_add_range('-infinity', 'infinity')`,
  ];
  // One statement per query (PGlite's extended protocol); function bodies contain semicolons, so no splitting.
  for (const s of statements) await sql.raw(s).execute(db);
}
