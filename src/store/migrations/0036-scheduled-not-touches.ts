import { sql, type Kysely } from 'kysely';
import { businessMinutesBetween, type BusinessCalendar } from '../../domain/calendar/business-time.ts';
import { publicHolidays } from '../../domain/calendar/holidays.ts';

/*
 * An activity whose outcome is 'scheduled' (a quick-log next step, a calendar meeting still ahead, a planned call
 * from an import) is a plan, not work: the metrics already left it out of calls, emails, meetings and activities,
 * but the derived touch rule counted it, so a person touched only by a next step was a unique contact and a next
 * step could be a person's first touch (its later real call then a follow-up). From here on it is no touch
 * anywhere (docs/metrics.md, "Touches"):
 *
 * - the rollup functions of 0010 (triggers and activity_rollups_add_range) and 0019 (activity_rollups_fill) are
 *   redefined so activity_month_people.touches leaves scheduled rows out, and the stored counters lose the
 *   scheduled rows they held;
 * - activities.is_new_prospect, contacts/leads.first_touch_at, leads.first_response_at and
 *   response_business_minutes are recomputed for the people who had a scheduled touch (nobody else's can move).
 *   The rollups follow the flag updates through their triggers.
 *
 * Set-based: one read of the scheduled rows, one pass over the activities of their people; a store without
 * scheduled touches reads the activities once and writes nothing. The SQL is written out here, not imported,
 * because a migration must not change when the code does; only the pure business-minute arithmetic is shared.
 */

/** A touch as the derived columns define it from now on, over alias `d` (activities columns). */
const isTouch = (d: string) =>
  `((${d}.direction = 'outbound' or ${d}.type = 'meeting') and ${d}.outcome is distinct from 'scheduled')`;

/** 0010's applyRows with the new touch rule: upserts the aggregate of `rows` into the day and people tables. */
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
function pruneEmpty(rows: string): string[] {
  const days = `(select distinct (d.occurred_at at time zone tz)::date from ${rows} d)`;
  return [
    `delete from activity_day_counts where n = 0 and day in ${days}`,
    `delete from activity_month_people where n = 0
       and month in (select distinct date_trunc('month', x)::date from ${days} as t(x))`,
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

const inserted = `(select n.*, 1 as sign from new_rows n)`;
const deleted = `(select o.*, -1 as sign from old_rows o)`;
const updated = `(select n.*, 1 as sign from new_rows n union all select o.*, -1 as sign from old_rows o)`;
const all = `(select a.*, 1 as sign from activities a)`;

/** 0019's fill: applyRows over every activity into empty tables (no conflicts), rows in (period, rep) order. */
const FILL = `create or replace function activity_rollups_fill() returns void language plpgsql as $fn$
    declare tz text := (select rollup_time_zone from settings where id = 1);
    begin
      insert into activity_day_counts
        (day, user_id, type, direction, outcome, has_person, is_new_prospect, n, duration_minutes)
      select (d.occurred_at at time zone tz)::date, d.user_id, d.type, d.direction, d.outcome,
        (d.contact_id is not null or d.lead_id is not null), d.is_new_prospect,
        sum(d.sign), coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0)
      from ${all} d
      group by 1, 2, 3, 4, 5, 6, 7
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

const FUNCTIONS = [
  triggerFunction('activity_rollups_insert', applyRows(inserted)),
  triggerFunction('activity_rollups_delete', [...applyRows(deleted), ...pruneEmpty(deleted)]),
  triggerFunction('activity_rollups_update', [...applyRows(updated), ...pruneEmpty(updated)]),
  `create or replace function activity_rollups_add_range(lo timestamptz, hi timestamptz) returns void
    language plpgsql as $fn$
    declare tz text := (select rollup_time_zone from settings where id = 1);
    begin
      ${applyRows(`(select a.*, 1 as sign from activities a where a.occurred_at >= lo and a.occurred_at < hi)`).join(';\n      ')};
    end
    $fn$`,
  FILL,
];

/** The person key of activity `a` joined to its lead `l`: contact c is 2c, an unconverted lead l is 2l+1. */
const personKey = `coalesce(coalesce(a.contact_id, l.converted_contact_id) * 2, a.lead_id * 2 + 1)`;
/** The person key of lead `l`. */
const leadKey = `coalesce(l.converted_contact_id * 2, l.id * 2 + 1)`;

/** The stored counters lose the scheduled rows they counted as touches (the old rule: outbound or a meeting). */
const FIX_TOUCH_COUNTERS = `
  update activity_month_people as r set touches = r.touches - s.n
  from (
    select date_trunc('month', (a.occurred_at at time zone (select rollup_time_zone from settings where id = 1)))::date
        as month,
      a.user_id, a.contact_id, a.lead_id, count(*) as n
    from activities a
    where a.outcome = 'scheduled' and (a.direction = 'outbound' or a.type = 'meeting')
    group by 1, 2, 3, 4
  ) s
  -- coalesce to -1 (ids are positive) so the join is an equality the planner can hash; the key is nulls-not-distinct.
  where r.month = s.month and coalesce(r.user_id, -1) = coalesce(s.user_id, -1)
    and coalesce(r.contact_id, -1) = coalesce(s.contact_id, -1) and coalesce(r.lead_id, -1) = coalesce(s.lead_id, -1)`;

/** The people who had a scheduled touch under the old rule: only theirs can change. */
const AFFECTED = `
  create temporary table m0036_people as
  select distinct ${personKey} as person
  from activities a left join leads l on l.id = a.lead_id
  where a.outcome = 'scheduled' and (a.direction = 'outbound' or a.type = 'meeting')
    and (a.contact_id is not null or a.lead_id is not null)`;

/** Their activities' new-prospect flags: the first touch of each (occurred_at, then id) set, every other row clear. */
const FLAGS = `
  with classified as materialized (
    select a.id, a.occurred_at, a.is_new_prospect as current, ${isTouch('a')} as is_touch, ${personKey} as person
    from activities a left join leads l on l.id = a.lead_id
    where (a.contact_id is not null or a.lead_id is not null)
      and ${personKey} in (select person from m0036_people)
  ),
  ranked as (
    select id, current,
      is_touch and row_number() over (partition by is_touch, person order by occurred_at, id) = 1 as first
    from classified
  )
  update activities as a set is_new_prospect = not a.is_new_prospect
  where a.id = any(array(select id from ranked where first <> current))`;

/** Their contacts' and leads' first touches and leads' first responses; returns the leads whose response moved. */
const FIRST_TOUCHES = `
  with t as materialized (
    select a.occurred_at, a.direction, ${personKey} as person
    from activities a left join leads l on l.id = a.lead_id
    where ${isTouch('a')} and (a.contact_id is not null or a.lead_id is not null)
      and ${personKey} in (select person from m0036_people)
  ),
  firsts as (
    select person, min(occurred_at) as first_touch from t group by person
  ),
  affected_leads as materialized (
    select l.id, l.created_at, l.first_touch_at, l.first_response_at, ${leadKey} as person
    from leads l where ${leadKey} in (select person from m0036_people)
  ),
  responses as (
    select al.id, min(t.occurred_at) as first_response
    from affected_leads al join t on t.person = al.person and t.direction = 'outbound' and t.occurred_at >= al.created_at
    group by al.id
  ),
  contact_updates as (
    update contacts as target set first_touch_at = x.first_touch
    from (
      select c.id, f.first_touch
      from contacts c join m0036_people p on p.person = c.id * 2 left join firsts f on f.person = p.person
      where c.first_touch_at is distinct from f.first_touch
    ) x
    where target.id = x.id
    returning 1
  )
  update leads as target set first_touch_at = x.first_touch, first_response_at = x.first_response
  from (
    select al.id, f.first_touch, r.first_response, al.first_response_at as old_response
    from affected_leads al left join firsts f on f.person = al.person left join responses r on r.id = al.id
    where al.first_touch_at is distinct from f.first_touch or al.first_response_at is distinct from r.first_response
  ) x
  where target.id = x.id
  returning target.id, target.created_at, target.first_response_at,
    x.old_response is distinct from x.first_response as responded`;

interface MovedLead {
  id: number | string;
  created_at: Date | string;
  first_response_at: Date | string | null;
  responded: boolean;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per query (PGlite's extended protocol); function bodies contain semicolons, so no splitting.
  for (const f of FUNCTIONS) await sql.raw(f).execute(db);
  await sql.raw(FIX_TOUCH_COUNTERS).execute(db);
  await sql.raw(AFFECTED).execute(db);
  const people = await sql<{ n: number | string }>`select count(*) as n from m0036_people`.execute(db);
  if (Number(people.rows[0]?.n ?? 0) > 0) {
    await sql.raw(FLAGS).execute(db);
    const moved = await sql.raw<MovedLead>(FIRST_TOUCHES).execute(db);
    await writeResponseMinutes(
      db,
      moved.rows.filter((r) => r.responded),
    );
  }
  await sql.raw(`drop table m0036_people`).execute(db);
}

/**
 * leads.response_business_minutes of the leads whose first response moved: business minutes from created_at to
 * first_response_at on the workspace calendar (settings and holidays as this migration finds them), null when
 * never answered. sla_deadline_at does not depend on touches.
 */
async function writeResponseMinutes(db: Kysely<unknown>, leads: readonly MovedLead[]): Promise<void> {
  if (leads.length === 0) return;
  const s = await sql<{
    time_zone: string;
    working_days: number[];
    work_start_minute: number;
    work_end_minute: number;
    holiday_country: string | null;
    holiday_region: string | null;
  }>`select time_zone, working_days, work_start_minute, work_end_minute, holiday_country, holiday_region
     from settings where id = 1`.execute(db);
  const settings = s.rows[0];
  if (!settings) return;
  // One year of margin each side: holidays are local dates and the zone may sit across a year boundary.
  let fromYear = Infinity;
  let toYear = -Infinity;
  for (const l of leads)
    for (const d of [l.created_at, l.first_response_at ?? l.created_at]) {
      const year = new Date(d).getUTCFullYear();
      fromYear = Math.min(fromYear, year - 1);
      toYear = Math.max(toYear, year + 1);
    }
  const holidays = new Set<string>();
  if (settings.holiday_country)
    for (const h of publicHolidays(settings.holiday_country, settings.holiday_region, fromYear, toYear))
      holidays.add(h.date);
  const custom = await sql<{ day: string }>`select to_char(day, 'YYYY-MM-DD') as day from holidays`.execute(
    db,
  );
  for (const h of custom.rows) holidays.add(h.day);
  const cal: BusinessCalendar = {
    timeZone: settings.time_zone,
    workingDays: [...settings.working_days].map(Number).sort((a, b) => a - b),
    workStartMinute: Number(settings.work_start_minute),
    workEndMinute: Number(settings.work_end_minute),
    holidays,
  };
  const CHUNK = 5_000;
  for (let i = 0; i < leads.length; i += CHUNK) {
    const values = sql.join(
      leads.slice(i, i + CHUNK).map((l) => {
        const minutes =
          l.first_response_at === null
            ? null
            : businessMinutesBetween(new Date(l.created_at), new Date(l.first_response_at), cal);
        return sql`(${Number(l.id)}::bigint, ${minutes}::integer)`;
      }),
    );
    await sql`update leads set response_business_minutes = v.minutes
      from (values ${values}) as v(id, minutes) where leads.id = v.id`.execute(db);
  }
}
