import { sql, type Kysely } from 'kysely';

/*
 * Two per-row signals of the activities become derived columns kept at write time (like is_new_prospect), and
 * join the key of the count rollups, so the metrics that read them count rollup rows instead of probing the raw
 * activities per row (docs/performance.md, "Signals kept at write time"):
 *
 * - activities.held_meeting_before: the activity's person had a held meeting (with anyone) strictly before it:
 *   a meeting naming the same contact (the activity's contact, else its lead's converted contact), or the same
 *   lead (follow_ups_after_meeting, prospecting_activities, meetings_per_prospecting_activity).
 * - activities.repeat_touch: the touch is the 3rd or later touch of the same person (the contact, else the lead
 *   with no contact) by the same rep on the same local day, ordered by (occurred_at, id), days in
 *   settings.rollup_time_zone like the rollups' own days (repeat_touch_share).
 *
 * Both are set here for every activity (the rollup update triggers are off meanwhile: the count tables are
 * refilled after), then activity_day_counts and activity_month_counts gain them as key columns: their triggers,
 * range, fill and refill functions (0038's) are redefined with them, and both tables are refilled. The SQL is
 * written out here, not imported, because a migration must not change when the code does.
 */

/** A touch as the derived columns define it since 0036, over alias `d` (activities columns). */
const isTouch = (d: string) =>
  `((${d}.direction = 'outbound' or ${d}.type = 'meeting') and ${d}.outcome is distinct from 'scheduled')`;

/** The count tables' key columns after the period and the rep, as written from alias `d`. */
const KEY = `type, direction, outcome, has_person, is_new_prospect, time_category, repeat_touch, held_meeting_before`;
const keyFrom = (d: string) =>
  `${d}.type, ${d}.direction, ${d}.outcome, (${d}.contact_id is not null or ${d}.lead_id is not null),
   ${d}.is_new_prospect, ${d}.time_category, ${d}.repeat_touch, ${d}.held_meeting_before`;
const GROUP = `group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`;

/** 0038's applyDayRows, with the two flags in the day counts' key. */
function applyDayRows(rows: string): string[] {
  const day = `(d.occurred_at at time zone tz)::date`;
  return [
    `insert into activity_day_counts as r (day, user_id, ${KEY}, n, duration_minutes)
     select ${day}, d.user_id, ${keyFrom('d')},
       sum(d.sign), coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0)
     from ${rows} d
     ${GROUP}
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

/** 0038's applyMonthRows, with the two flags in the month counts' key. */
function applyMonthRows(rows: string): string[] {
  const month = `date_trunc('month', (d.occurred_at at time zone tz))::date`;
  return [
    `insert into activity_month_counts as r (month, user_id, ${KEY}, n, duration_minutes)
     select ${month}, d.user_id, ${keyFrom('d')},
       sum(d.sign), coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0)
     from ${rows} d
     ${GROUP}
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

/** 0038's fill: the day and people tables from every activity into empty tables, then the month refill. */
const FILL = `create or replace function activity_rollups_fill() returns void language plpgsql as $fn$
    declare tz text := (select rollup_time_zone from settings where id = 1);
    begin
      insert into activity_day_counts (day, user_id, ${KEY}, n, duration_minutes)
      select (d.occurred_at at time zone tz)::date, d.user_id, ${keyFrom('d')},
        sum(d.sign), coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0)
      from ${all} d
      ${GROUP}
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

/** 0038's refill: the month counts are the day counts summed per month (now per flag too). */
const MONTH_REFILL = `create or replace function activity_month_rollups_refill() returns void language plpgsql as $fn$
    declare tz text := (select rollup_time_zone from settings where id = 1);
    begin
      delete from activity_month_counts;
      delete from activity_month_meeting_prospects;
      insert into activity_month_counts (month, user_id, ${KEY}, n, duration_minutes)
      select date_trunc('month', c.day)::date, c.user_id, ${KEY.split(', ')
        .map((k) => `c.${k}`)
        .join(', ')}, sum(c.n), sum(c.duration_minutes)
      from activity_day_counts c
      ${GROUP}
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

/**
 * Both flags for every activity, set where true (the columns were just added, all false). The first held meeting
 * per contact and per lead by one hash aggregate of the held meetings; the repeat touches by one window over the
 * touches naming a person. Same definitions as src/store/derived/activity-flags.ts.
 */
const SET_FLAGS = `
  with tz as (select rollup_time_zone as tz from settings where id = 1),
  held_contacts as (
    select contact_id as id, min(occurred_at) as first_at from activities
    where type = 'meeting' and outcome = 'held' and contact_id is not null group by contact_id
  ),
  held_leads as (
    select lead_id as id, min(occurred_at) as first_at from activities
    where type = 'meeting' and outcome = 'held' and lead_id is not null group by lead_id
  ),
  held as (
    select a.id from activities a left join leads l on l.id = a.lead_id
      left join held_contacts hc on hc.id = coalesce(a.contact_id, l.converted_contact_id)
      left join held_leads hl on hl.id = a.lead_id
    where hc.first_at < a.occurred_at or hl.first_at < a.occurred_at
  ),
  ranked as (
    select a.id, row_number() over (
        partition by a.user_id, coalesce(a.contact_id * 2, a.lead_id * 2 + 1),
          (a.occurred_at at time zone (select tz from tz))::date
        order by a.occurred_at, a.id) as nth
    from activities a
    where ${isTouch('a')} and (a.contact_id is not null or a.lead_id is not null) and a.user_id is not null
  ),
  flags as (
    select id, bool_or(repeat) as repeat, bool_or(held) as held from (
      select id, true as repeat, false as held from ranked where nth >= 3
      union all
      select id, false, true from held
    ) f group by id
  )
  update activities a set repeat_touch = f.repeat, held_meeting_before = f.held
  from flags f where a.id = f.id`;

const STATEMENTS = [
  `alter table activities add column repeat_touch boolean not null default false,
    add column held_meeting_before boolean not null default false`,
  // Each person's first held meeting by one index-only probe (the derived refresh looks it up per person: 100k
  // probes for a 100k-row import; the raw first-held-meeting lookups of the activities source use them too).
  // Held meetings are about 4% of activities (143k of 3.6M at 200 reps: 4.4 MB and 0.5 MB).
  `create index activities_contact_held_idx on activities (contact_id, occurred_at)
    where type = 'meeting' and outcome = 'held' and contact_id is not null`,
  `create index activities_lead_held_idx on activities (lead_id, occurred_at)
    where type = 'meeting' and outcome = 'held' and lead_id is not null`,
  // The count tables are refilled below: no delta per updated row meanwhile.
  `alter table activities disable trigger activity_rollups_update`,
  `alter table activities disable trigger activity_month_rollups_update`,
  SET_FLAGS,
  `alter table activities enable trigger activity_rollups_update`,
  `alter table activities enable trigger activity_month_rollups_update`,
  `alter table activity_day_counts add column repeat_touch boolean not null default false,
    add column held_meeting_before boolean not null default false`,
  `alter table activity_day_counts drop constraint activity_day_counts_key`,
  `alter table activity_day_counts add constraint activity_day_counts_key unique nulls not distinct
    (day, user_id, ${KEY})`,
  `alter table activity_month_counts add column repeat_touch boolean not null default false,
    add column held_meeting_before boolean not null default false`,
  `alter table activity_month_counts drop constraint activity_month_counts_key`,
  `alter table activity_month_counts add constraint activity_month_counts_key unique nulls not distinct
    (month, user_id, ${KEY})`,
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
  // The day counts from every activity (the people rows are unchanged), then the month tables from them.
  `delete from activity_day_counts`,
  `insert into activity_day_counts (day, user_id, ${KEY}, n, duration_minutes)
   select (d.occurred_at at time zone (select rollup_time_zone from settings where id = 1))::date, d.user_id,
     ${keyFrom('d')}, sum(d.sign), coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0)
   from ${all} d
   ${GROUP}
   order by 1, 2`,
  `select activity_month_rollups_refill()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per query (PGlite's extended protocol); function bodies contain semicolons, so no splitting.
  for (const s of STATEMENTS) await sql.raw(s).execute(db);
}
