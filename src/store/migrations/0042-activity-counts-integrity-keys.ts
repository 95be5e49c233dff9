import { sql, type Kysely } from 'kysely';

/*
 * Three more key columns of the count rollups (activity_day_counts / activity_month_counts), each a function of
 * the activity row alone (no derivation, nothing kept on activities), so the integrity parts that name them read
 * the rollups instead of the raw rows (docs/performance.md, "Integrity signals in the count rollups"):
 *
 * - has_duration: duration_seconds is not null (integrity_timed_call: an outbound call with a logged duration).
 * - zero_length: duration_seconds < 10, false when there is none (integrity_zero_length_call; 10 s is
 *   ZERO_LENGTH_CALL_SECONDS of src/domain/integrity/thresholds.ts, written out here like every migration's SQL).
 * - typed_in: logged_via in ('quick_log', 'api'), false for null (integrity_typed_in; TYPED_IN_VIA).
 *
 * 0041's trigger, range, fill and refill functions are redefined with them, and both tables refilled. The update
 * triggers now also skip the rows whose columns that feed a table did not change (the derived refresh rewrites
 * flags of rows whose people and meeting keys stay put), and every trigger prunes emptied rows only in the
 * (day or month, rep) pairs it touched: before, a 200-row flag UPDATE scanned every day count row of 200 days
 * (0.67 s) and whole months of the other tables. The SQL is written out, not imported, because a migration must not change when the code does.
 */

/** A touch as the derived columns define it since 0036, over alias `d` (activities columns). */
const isTouch = (d: string) =>
  `((${d}.direction = 'outbound' or ${d}.type = 'meeting') and ${d}.outcome is distinct from 'scheduled')`;

/** The count tables' key columns after the period and the rep, as written from alias `d`. */
const KEY = `type, direction, outcome, has_person, is_new_prospect, time_category, repeat_touch, held_meeting_before,
  has_duration, zero_length, typed_in`;
const keyFrom = (d: string) =>
  `${d}.type, ${d}.direction, ${d}.outcome, (${d}.contact_id is not null or ${d}.lead_id is not null),
   ${d}.is_new_prospect, ${d}.time_category, ${d}.repeat_touch, ${d}.held_meeting_before,
   ${d}.duration_seconds is not null, coalesce(${d}.duration_seconds < 10, false),
   coalesce(${d}.logged_via in ('quick_log', 'api'), false)`;
const GROUP = `group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13`;

/** The activities columns each table's rows are a function of (with occurred_at, the period, and user_id). */
const COUNT_INPUTS = [
  'occurred_at',
  'user_id',
  'type',
  'direction',
  'outcome',
  'contact_id',
  'lead_id',
  'is_new_prospect',
  'time_category',
  'repeat_touch',
  'held_meeting_before',
  'duration_seconds',
  'logged_via',
];
const PEOPLE_INPUTS = [
  'occurred_at',
  'user_id',
  'contact_id',
  'lead_id',
  'type',
  'direction',
  'outcome',
  'is_new_prospect',
];
const MONTH_INPUTS = [...COUNT_INPUTS, 'account_id'];

/**
 * The updated rows whose `columns` changed, old ones with sign -1 and new ones with +1: an unchanged row would add
 * and take away the same amounts. A row is unchanged when the other side has its id and the same columns (so a
 * changed id counts as a change).
 */
function changedRows(columns: readonly string[]): string {
  const same = (x: string, y: string) =>
    `${x}.id = ${y}.id and (${columns.map((c) => `${x}.${c}`).join(', ')})
      is not distinct from (${columns.map((c) => `${y}.${c}`).join(', ')})`;
  return `(select n.*, 1 as sign from new_rows n where not exists (select from old_rows o where ${same('o', 'n')})
    union all
    select o.*, -1 as sign from old_rows o where not exists (select from new_rows n where ${same('n', 'o')}))`;
}

/** 0041's day counts upsert, with the three integrity keys. */
function applyDayCounts(rows: string): string {
  const day = `(d.occurred_at at time zone tz)::date`;
  return `insert into activity_day_counts as r (day, user_id, ${KEY}, n, duration_minutes)
     select ${day}, d.user_id, ${keyFrom('d')},
       sum(d.sign), coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0)
     from ${rows} d
     ${GROUP}
     having sum(d.sign) <> 0 or coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0) <> 0
     on conflict on constraint activity_day_counts_key do update
       set n = r.n + excluded.n, duration_minutes = r.duration_minutes + excluded.duration_minutes`;
}

/** 0038's activity_month_people upsert, unchanged. */
function applyPeople(rows: string): string {
  const day = `(d.occurred_at at time zone tz)::date`;
  return `insert into activity_month_people as r (month, user_id, contact_id, lead_id, n, touches, new_prospects)
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
         new_prospects = r.new_prospects + excluded.new_prospects`;
}

/**
 * Deletes the rows of `table` emptied (n = 0) by a delta of `rows`: only those of the (period, rep) pairs the
 * delta touched, found through the key's (period, user_id) prefix. 0010 and 0014 pruned every row of the touched
 * days or months, a scan of about 1,900 day rows a day at 200 reps: 0.67 s of a 200-row flag update.
 */
function prune(table: string, period: string, periodOf: string, rows: string): string[] {
  return [
    `delete from ${table} c using (select distinct ${periodOf} as p, d.user_id from ${rows} d
       where d.user_id is not null) g
     where c.n = 0 and c.${period} = g.p and c.user_id = g.user_id`,
    `delete from ${table} c where c.n = 0 and c.user_id is null
       and c.${period} in (select ${periodOf} from ${rows} d where d.user_id is null)`,
  ];
}
const dayOf = `(d.occurred_at at time zone tz)::date`;
const monthOf = `date_trunc('month', (d.occurred_at at time zone tz))::date`;
const pruneDayCounts = (rows: string) => prune('activity_day_counts', 'day', dayOf, rows);
const prunePeople = (rows: string) => prune('activity_month_people', 'month', monthOf, rows);

/** 0041's applyMonthRows, with the three integrity keys in the month counts'. */
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

/** 0014's prune, over the (month, rep) pairs of `rows` only. */
function pruneMonthEmpty(rows: string): string[] {
  return [
    ...prune('activity_month_counts', 'month', monthOf, rows),
    ...prune('activity_month_meeting_prospects', 'month', monthOf, rows),
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
const all = `(select a.*, 1 as sign from activities a)`;
const inRange = `(select a.*, 1 as sign from activities a where a.occurred_at >= lo and a.occurred_at < hi)`;
const countsChanged = changedRows(COUNT_INPUTS);
const peopleChanged = changedRows(PEOPLE_INPUTS);
const monthChanged = changedRows(MONTH_INPUTS);

/** 0041's fill with the new key: the day and people tables from every activity, then the month refill. */
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

const keyOf = (alias: string) =>
  KEY.split(',')
    .map((k) => `${alias}.${k.trim()}`)
    .join(', ');

/** 0041's refill with the new key: the month counts are the day counts summed per month. */
const MONTH_REFILL = `create or replace function activity_month_rollups_refill() returns void language plpgsql as $fn$
    declare tz text := (select rollup_time_zone from settings where id = 1);
    begin
      delete from activity_month_counts;
      delete from activity_month_meeting_prospects;
      insert into activity_month_counts (month, user_id, ${KEY}, n, duration_minutes)
      select date_trunc('month', c.day)::date, c.user_id, ${keyOf('c')}, sum(c.n), sum(c.duration_minutes)
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

const NEW_KEYS = `add column has_duration boolean not null default false,
    add column zero_length boolean not null default false, add column typed_in boolean not null default false`;

const STATEMENTS = [
  `alter table activity_day_counts ${NEW_KEYS}`,
  `alter table activity_day_counts drop constraint activity_day_counts_key`,
  `alter table activity_month_counts ${NEW_KEYS}`,
  `alter table activity_month_counts drop constraint activity_month_counts_key`,
  triggerFunction('activity_rollups_insert', [applyDayCounts(inserted), applyPeople(inserted)]),
  triggerFunction('activity_rollups_delete', [
    applyDayCounts(deleted),
    applyPeople(deleted),
    ...pruneDayCounts(deleted),
    ...prunePeople(deleted),
  ]),
  triggerFunction('activity_rollups_update', [
    applyDayCounts(countsChanged),
    applyPeople(peopleChanged),
    ...pruneDayCounts(countsChanged),
    ...prunePeople(peopleChanged),
  ]),
  rangeFunction('activity_rollups_add_range', [applyDayCounts(inRange), applyPeople(inRange)]),
  triggerFunction('activity_month_rollups_insert', applyMonthRows(inserted)),
  triggerFunction('activity_month_rollups_delete', [...applyMonthRows(deleted), ...pruneMonthEmpty(deleted)]),
  triggerFunction('activity_month_rollups_update', [
    ...applyMonthRows(monthChanged),
    ...pruneMonthEmpty(monthChanged),
  ]),
  rangeFunction('activity_month_rollups_add_range', applyMonthRows(inRange)),
  FILL,
  MONTH_REFILL,
  // The day counts from every activity (the people rows are unchanged), then the month tables from them; the keys
  // are built after the rows.
  `delete from activity_day_counts`,
  `insert into activity_day_counts (day, user_id, ${KEY}, n, duration_minutes)
   select (d.occurred_at at time zone (select rollup_time_zone from settings where id = 1))::date, d.user_id,
     ${keyFrom('d')}, sum(d.sign), coalesce(sum(d.sign * (d.duration_seconds / 60.0)), 0)
   from ${all} d
   ${GROUP}
   order by 1, 2`,
  `alter table activity_day_counts add constraint activity_day_counts_key unique nulls not distinct
    (day, user_id, ${KEY})`,
  `select activity_month_rollups_refill()`,
  `alter table activity_month_counts add constraint activity_month_counts_key unique nulls not distinct
    (month, user_id, ${KEY})`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per query (PGlite's extended protocol); function bodies contain semicolons, so no splitting.
  for (const s of STATEMENTS) await sql.raw(s).execute(db);
}
