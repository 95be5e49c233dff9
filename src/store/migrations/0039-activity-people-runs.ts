import { sql, type Kysely } from 'kysely';

/*
 * Distinct people at the report's grain (issue 12; docs/performance.md, "Distinct people per rep and run of
 * months"). unique_contacts and new_prospects for a quarter by rep read 134k rows of activity_month_people and hash
 * all 88k leads (about 190 ms at the 200-rep size). activity_people_runs keeps, per rep and run of whole local
 * months (1 month, and 3 months starting at every month), the number of distinct people touched and of new
 * prospects, so the same request reads 200 rows.
 *
 * Runs of 3 months starting at EVERY month, not fiscal quarters: any quarter, whatever the fiscal year's start
 * month, is one of them, so a fiscal-year change needs no rebuild (and the week start does not enter: weeks stay
 * on the raw rows). A year (12 months) is not kept: it would make every change recount 23 months per rep.
 *
 * Maintenance, per person and proportional to what changed (the first version recounted whole runs from
 * activity_month_people in its own statement triggers: a write touching most reps and months, an import spread over
 * two years, recounted nearly the whole table, twice, since its upsert fires both the INSERT and the UPDATE
 * trigger; 22 s for 1,000 activities). Now statement triggers on activities, named to fire after the rollup
 * triggers of 0010 / 0014 that write activity_month_people (same-event triggers fire in name order), take the
 * statement's change per (month, rep, contact, lead) from the transition tables, the month rows as they are now
 * (S2) and as they were (S0 = S2 minus the change), and for each person whose month rows changed, whether the
 * person was touched / a new prospect in each run holding a changed month before and after: the runs' counts move
 * by the difference. It reads only those people's rows in the two months either side (index probes), so a
 * single activity, a day's import and an import spread over two years cost in proportion to their rows. A second
 * touch of a person in a month changes no flag and moves nothing. One firing per statement: the upsert into
 * activity_month_people is one statement of the rollup trigger, and this trigger sees all of its effect at once.
 * Writers of activity_month_people that bypass the activity triggers refill this table in one statement after
 * them: the demo and a first import (fillActivityRollupsInZone), the zone rebuild (rebuildActivityRollups).
 *
 * The deltas assume serial writers per rep: the trigger takes a transaction advisory lock per rep it changes, so
 * a concurrent writer to the same rep reads the month rows after this one commits (READ COMMITTED, the app's
 * level). A lead conversion (leads.converted_contact_id, which merges two people) recounts the reps and months
 * naming the lead, through a row trigger that fires only when that column changes (index on
 * activity_month_people.lead_id). Deleting a converted lead sets its activities' lead_id to null after the lead is
 * gone, so their old person reads as the lead's own: the runs may then count that person once too many or too few
 * until a refill (activity_people_runs_refill).
 *
 * Rows: one per rep and run with any activity in it (touched and new_prospects may be 0), like the raw rows,
 * which list a rep with activities and no touches. Activities without a rep are left out: the table answers only
 * a grouping by rep (a distinct count per rep cannot be added up for a team).
 *
 * Not tracked by metrics_data_version (0023) itself: every statement that writes it writes activities,
 * activity_month_people or leads, which are. The SQL is written out here, not imported, because a migration
 * must not change when the code does.
 */

/** The run lengths a month belongs to: (length, months since the run's start). */
const RUNS = `(values (1, 0), (3, 0), (3, 1), (3, 2))`;

/** The person of a month row `p` whose lead is `l`: contact c is 2c, a converted lead its contact, a lead l 2l+1. */
const person = (p: string, l: string) =>
  `coalesce(coalesce(${p}.contact_id, ${l}.converted_contact_id) * 2, ${p}.lead_id * 2 + 1)`;

/** Serialises writers per rep (see the header): in rep order, so two writers cannot wait on each other. */
const lockReps = (users: string) =>
  `perform pg_advisory_xact_lock(hashtext('activity_people_runs'), u.user_id::int)
   from (select distinct user_id from (${users}) x where user_id is not null order by 1) u`;

/**
 * The upsert of the recounted runs of (rep, month) pairs (arrays dirty_users, dirty_months), from their months'
 * rows of activity_month_people probed by its (user_id, month) index: for a lead conversion, which names few
 * months.
 */
const RECOUNT = `create function activity_people_runs_recount(dirty_users bigint[], dirty_months date[]) returns void
  language plpgsql as $fn$
  begin
    ${lockReps('select unnest(dirty_users) as user_id')};
    insert into activity_people_runs as t (month, months, user_id, touched, new_prospects)
    with dirty as (
      select distinct u as user_id, m as month from unnest(dirty_users, dirty_months) as d(u, m) where u is not null
    ),
    runs as (
      select distinct d.user_id, (d.month - make_interval(months => v.k))::date as start, v.len
      from dirty d cross join ${RUNS} as v(len, k)
    ),
    -- Every month of those runs: two months either side of each.
    wanted as (
      select distinct d.user_id, (d.month + make_interval(months => o.k))::date as month
      from dirty d cross join (values (-2), (-1), (0), (1), (2)) as o(k)
    ),
    people as (
      select p.user_id, p.month, ${person('p', 'l')} as person,
        p.touches > 0 as touched, p.new_prospects > 0 as fresh
      from wanted x join activity_month_people p on p.user_id = x.user_id and p.month = x.month
      left join leads l on l.id = p.lead_id
      where p.n > 0
    ),
    counted as (
      select x.user_id, (x.month - make_interval(months => v.k))::date as start, v.len,
        count(distinct x.person) filter (where x.touched) as touched,
        count(distinct x.person) filter (where x.fresh) as fresh
      from people x cross join ${RUNS} as v(len, k)
      group by 1, 2, 3
    )
    select c.start, c.len, c.user_id, c.touched, c.fresh
    from counted c join runs r on r.user_id = c.user_id and r.start = c.start and r.len = c.len
    order by 1, 2, 3
    on conflict (month, months, user_id) do update
      set touched = excluded.touched, new_prospects = excluded.new_prospects
      where (t.touched, t.new_prospects) is distinct from (excluded.touched, excluded.new_prospects);
    -- Runs of these months left without any activity of the rep.
    delete from activity_people_runs t
    using (select distinct u as user_id, m as month from unnest(dirty_users, dirty_months) as d(u, m)) d, ${RUNS} as v(len, k)
    where t.user_id = d.user_id and t.months = v.len
      and t.month = (d.month - make_interval(months => v.k))::date
      and not exists (select 1 from activity_month_people p
        where p.user_id = t.user_id and p.month >= t.month
          and p.month < (t.month + make_interval(months => t.months))::date and p.n > 0);
  end
  $fn$`;

/**
 * Every run counted from activity_month_people in one GROUP BY into the emptied table: the backfill, the demo, a
 * first import and the zone rebuild (after they fill activity_month_people with the activity triggers set aside),
 * and a test's rebuild from scratch.
 */
const REFILL = `create function activity_people_runs_refill() returns void language plpgsql as $fn$
  begin
    delete from activity_people_runs;
    insert into activity_people_runs (month, months, user_id, touched, new_prospects)
    select (x.month - make_interval(months => v.k))::date, v.len, x.user_id,
      count(distinct x.person) filter (where x.touched), count(distinct x.person) filter (where x.fresh)
    from (
      select p.user_id, p.month, ${person('p', 'l')} as person, p.touches > 0 as touched, p.new_prospects > 0 as fresh
      from activity_month_people p left join leads l on l.id = p.lead_id
      where p.n > 0 and p.user_id is not null
    ) x cross join ${RUNS} as v(len, k)
    group by 1, 2, 3
    order by 1, 2, 3;
  end
  $fn$`;

const isTouch = (d: string) =>
  `((${d}.direction = 'outbound' or ${d}.type = 'meeting') and ${d}.outcome is distinct from 'scheduled')`;

/**
 * The statement's change per month row, as the rollup triggers of 0036 / 0038 applied it to activity_month_people
 * (same month, touch rule and sums): `rows` are the transition rows with a sign.
 */
const delta = (
  rows: string,
) => `select date_trunc('month', (d.occurred_at at time zone tz)::date)::date as month,
    d.user_id, d.contact_id, d.lead_id, sum(d.sign) as dn,
    coalesce(sum(d.sign) filter (where ${isTouch('d')}), 0) as dt,
    coalesce(sum(d.sign) filter (where d.is_new_prospect), 0) as dp
  from ${rows} d
  where d.user_id is not null
  group by 1, 2, 3, 4
  having sum(d.sign) <> 0 or coalesce(sum(d.sign) filter (where ${isTouch('d')}), 0) <> 0
    or coalesce(sum(d.sign) filter (where d.is_new_prospect), 0) <> 0`;

/**
 * The changed people's month rows now (from `around`: rep, person, month), found by the key's index: by contact,
 * by the leads converted to the contact (naming no contact), by an unconverted lead. Five probes per changed row.
 */
const PROBED = `select p.month, p.user_id, p.contact_id, p.lead_id, a.person, p.n, p.touches, p.new_prospects
    from around a join activity_month_people p
      on p.month = a.month and p.user_id = a.user_id and p.contact_id = a.person / 2
    where a.person % 2 = 0
    union all
    select p.month, p.user_id, p.contact_id, p.lead_id, a.person, p.n, p.touches, p.new_prospects
    from around a join leads l on l.converted_contact_id = a.person / 2
      join activity_month_people p
        on p.month = a.month and p.user_id = a.user_id and p.contact_id is null and p.lead_id = l.id
    where a.person % 2 = 0
    union all
    select p.month, p.user_id, p.contact_id, p.lead_id, a.person, p.n, p.touches, p.new_prospects
    from around a join activity_month_people p
      on p.month = a.month and p.user_id = a.user_id and p.contact_id is null and p.lead_id = a.person / 2
    where a.person % 2 = 1`;

/**
 * The same rows by one scan of activity_month_people hash-joined on (month, rep, person): for a large change,
 * where half a million probes (100,000 rows spread over two years) cost more than reading the table once.
 */
const SCANNED = `select p.month, p.user_id, p.contact_id, p.lead_id, a.person, p.n, p.touches, p.new_prospects
    from activity_month_people p left join leads l on l.id = p.lead_id
      join around a on a.month = p.month and a.user_id = p.user_id and a.person = ${person('p', 'l')}`;

/** Changed rows from which the month rows are read by one scan instead of probes (see SCANNED). */
const SCAN_FROM_ROWS = 20000;

/** The runs' counts moved by the statement's change `rows`, and a row for every run that gained activity. */
const applyDelta = (
  rows: string,
  nowRows: string,
) => `insert into activity_people_runs as t (month, months, user_id, touched, new_prospects)
  with changed as (
    select k.*, ${person('k', 'l')} as person from (${delta(rows)}) k left join leads l on l.id = k.lead_id
  ),
  -- The people whose month rows changed, and the months that can share a run with a changed one.
  around as (
    select distinct k.user_id, k.person, (k.month + make_interval(months => o.k))::date as month
    from changed k cross join (values (-2), (-1), (0), (1), (2)) as o(k)
    where k.person is not null
  ),
  now_rows as (${nowRows}),
  -- Now (after) and then (before: now minus the change; a row the change emptied is gone now).
  states as (
    select month, user_id, person, true as after, n > 0 and touches > 0 as touched, n > 0 and new_prospects > 0 as fresh
    from now_rows
    union all
    select coalesce(r.month, k.month), coalesce(r.user_id, k.user_id), coalesce(r.person, k.person), false,
      coalesce(r.n, 0) - coalesce(k.dn, 0) > 0 and coalesce(r.touches, 0) - coalesce(k.dt, 0) > 0,
      coalesce(r.n, 0) - coalesce(k.dn, 0) > 0 and coalesce(r.new_prospects, 0) - coalesce(k.dp, 0) > 0
    from now_rows r full join (select * from changed where person is not null) k
      on k.month = r.month and k.user_id = r.user_id and k.person = r.person
        and coalesce(k.contact_id, -1) = coalesce(r.contact_id, -1) and coalesce(k.lead_id, -1) = coalesce(r.lead_id, -1)
  ),
  -- Each changed person's runs holding a changed month: touched / new prospect in it before and after.
  person_runs as (
    select distinct k.user_id, k.person, (k.month - make_interval(months => v.k))::date as start, v.len
    from changed k cross join ${RUNS} as v(len, k)
    where k.person is not null
  ),
  moved as (
    select r.user_id, r.start, r.len,
      coalesce(bool_or(s.touched) filter (where s.after), false)::int
        - coalesce(bool_or(s.touched) filter (where not s.after), false)::int as dt,
      coalesce(bool_or(s.fresh) filter (where s.after), false)::int
        - coalesce(bool_or(s.fresh) filter (where not s.after), false)::int as df
    from person_runs r join states s on s.user_id = r.user_id and s.person = r.person
      and s.month >= r.start and s.month < (r.start + make_interval(months => r.len))::date
    group by r.user_id, r.start, r.len, r.person
  ),
  -- A run that gained a month row has a row even when no count moved (activities naming nobody).
  gained as (
    select distinct k.user_id, (k.month - make_interval(months => v.k))::date as start, v.len, 0, 0
    from changed k cross join ${RUNS} as v(len, k)
    where k.dn > 0
  )
  select start, len, user_id, sum(dt), sum(df)
  from (select * from moved union all select * from gained) x
  group by 1, 2, 3
  order by 1, 2, 3
  on conflict (month, months, user_id) do update
    set touched = t.touched + excluded.touched, new_prospects = t.new_prospects + excluded.new_prospects
    where excluded.touched <> 0 or excluded.new_prospects <> 0`;

/** Runs of the months where the change `rows` took month rows away, left without any activity of the rep. */
const pruneEmpty = (rows: string) => `delete from activity_people_runs t
  using (select distinct user_id, month from (${delta(rows)}) k where k.dn < 0) d, ${RUNS} as v(len, k)
  where t.user_id = d.user_id and t.months = v.len
    and t.month = (d.month - make_interval(months => v.k))::date
    and not exists (select 1 from activity_month_people p
      where p.user_id = t.user_id and p.month >= t.month
        and p.month < (t.month + make_interval(months => t.months))::date and p.n > 0)`;

/** A statement trigger on activities applying the change `rows` (transition rows with a sign). */
function triggerFunction(name: string, rows: string, takesAway: boolean): string {
  return `create function ${name}() returns trigger language plpgsql as $fn$
  declare tz text := (select rollup_time_zone from settings where id = 1);
  begin
    ${lockReps(`select user_id from ${rows} r`)};
    if (select count(*) from ${rows} r) < ${SCAN_FROM_ROWS} then
      ${applyDelta(rows, PROBED)};
    else
      ${applyDelta(rows, SCANNED)};
    end if;
    ${takesAway ? `${pruneEmpty(rows)};` : ''}
    return null;
  end
  $fn$`;
}

const inserted = `(select n.*, 1 as sign from new_rows n)`;
const deleted = `(select o.*, -1 as sign from old_rows o)`;
const updated = `(select n.*, 1 as sign from new_rows n union all select o.*, -1 as sign from old_rows o)`;

const STATEMENTS = [
  `create table activity_people_runs (
    month date not null,
    months smallint not null,
    user_id bigint not null,
    touched bigint not null,
    new_prospects bigint not null,
    primary key (month, months, user_id)
  )`,
  // The reps and months naming a lead, for its conversion (15% of the rows name a lead).
  `create index activity_month_people_lead_idx on activity_month_people (lead_id) where lead_id is not null`,
  // The leads converted to a contact, whose month rows naming no contact are that contact's too.
  `create index leads_converted_contact_idx on leads (converted_contact_id) where converted_contact_id is not null`,
  RECOUNT,
  REFILL,
  triggerFunction('activity_people_runs_insert', inserted, false),
  triggerFunction('activity_people_runs_update', updated, true),
  triggerFunction('activity_people_runs_delete', deleted, true),
  `create function activity_people_runs_truncate() returns trigger language plpgsql as $fn$
  begin
    delete from activity_people_runs;
    return null;
  end
  $fn$`,
  `create function activity_people_runs_lead() returns trigger language plpgsql as $fn$
  declare u bigint[];
  declare m date[];
  begin
    select array_agg(user_id), array_agg(month) into u, m
    from (select distinct user_id, month from activity_month_people
      where lead_id = new.id and user_id is not null) d;
    if u is not null then perform activity_people_runs_recount(u, m); end if;
    return null;
  end
  $fn$`,
  // Named to sort after activity_rollups_* and activity_month_rollups_* (triggers of one event fire in name
  // order): they read the month rows those have written.
  `create trigger activity_runs_people_insert after insert on activities
    referencing new table as new_rows for each statement execute function activity_people_runs_insert()`,
  `create trigger activity_runs_people_update after update on activities
    referencing old table as old_rows new table as new_rows
    for each statement execute function activity_people_runs_update()`,
  `create trigger activity_runs_people_delete after delete on activities
    referencing old table as old_rows for each statement execute function activity_people_runs_delete()`,
  `create trigger activity_runs_people_truncate after truncate on activities
    for each statement execute function activity_people_runs_truncate()`,
  // Per row, and only when the column changes: conversions are rare, other lead updates (first touches, scores)
  // are frequent and in bulk, and pay nothing but the WHEN test.
  `create trigger activity_people_runs_lead after update of converted_contact_id on leads
    for each row when (old.converted_contact_id is distinct from new.converted_contact_id)
    execute function activity_people_runs_lead()`,
  `select activity_people_runs_refill()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per query (PGlite's extended protocol); function bodies contain semicolons, so no splitting.
  for (const s of STATEMENTS) await sql.raw(s).execute(db);
}
