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
 * Maintenance: activity_month_people (0010, per rep, local month, contact and lead, maintained by the activity
 * triggers in the writer's transaction) is the source. Its own statement triggers find the (rep, month) pairs
 * whose rows appeared, vanished, or whose touches / new_prospects went from 0 to more or back (the 0 -> 1
 * transitions; a second touch of a person in a month changes no flag and costs nothing more here), and recount
 * the runs holding those months from activity_month_people with the metrics' person formula over the live leads
 * table. Every writer of activities (import, API, demo fill, derived refresh, the zone rebuild) writes
 * activity_month_people, so all are covered without knowing this table. A lead conversion (leads
 * .converted_contact_id, which merges two people) recounts the reps and months naming the lead, through a row
 * trigger that fires only when that column changes (its own index on activity_month_people.lead_id).
 *
 * Rows: one per rep and run with any activity in it (touched and new_prospects may be 0), like the raw rows,
 * which list a rep with activities and no touches. Activities without a rep are left out: the table answers only
 * a grouping by rep (a distinct count per rep cannot be added up for a team).
 *
 * Not tracked by metrics_data_version (0023) itself: every statement that writes it writes activity_month_people
 * or leads, which are. The SQL is written out here, not imported, because a migration must not change when the
 * code does.
 */

/** The run lengths a month belongs to: (length, months since the run's start). */
const RUNS = `(values (1, 0), (3, 0), (3, 1), (3, 2))`;

/**
 * The upsert of the recounted runs, reading the month rows of `people` (a FROM clause over activity_month_people
 * `p` that keeps every month of the dirty runs). The person is the activities source's: contact c is 2c, an
 * unconverted lead l is 2l+1.
 */
function upsertRuns(people: string): string {
  return `insert into activity_people_runs as t (month, months, user_id, touched, new_prospects)
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
      select p.user_id, p.month,
        coalesce(coalesce(p.contact_id, l.converted_contact_id) * 2, p.lead_id * 2 + 1) as person,
        p.touches > 0 as touched, p.new_prospects > 0 as fresh
      from ${people}
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
      where (t.touched, t.new_prospects) is distinct from (excluded.touched, excluded.new_prospects)`;
}

/**
 * Recounts the runs holding the given (rep, month) pairs: upserts their counts, deletes those left without
 * activities. A few pairs (an API write, a lead conversion, a day's import) probe the (user_id, month) index for
 * their months (a conversion 600 -> 20 ms against a scan); many (a fill, an import spread over the years) scan the
 * table once and hash-join (probing for every rep and month of the 200-rep store took 36 s, the scan 16-28 s,
 * at load average 15-20).
 */
const RECOUNT = `create function activity_people_runs_recount(dirty_users bigint[], dirty_months date[]) returns void
  language plpgsql as $fn$
  begin
    if cardinality(dirty_users) <= 500 then
      ${upsertRuns(`wanted x join activity_month_people p on p.user_id = x.user_id and p.month = x.month`)};
    else
      -- generate_series is estimated at 1,000 rows a call: the planner scans the table and hash-joins it.
      ${upsertRuns(`(select distinct r.user_id, (r.start + make_interval(months => j))::date as month
        from runs r cross join lateral generate_series(0, r.len - 1) as j) x
        join activity_month_people p on p.user_id = x.user_id and p.month = x.month`)};
    end if;
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

/** Every run recounted from activity_month_people: the backfill, and a test's rebuild from scratch. */
const REFILL = `create function activity_people_runs_refill() returns void language plpgsql as $fn$
  declare u bigint[];
  declare m date[];
  begin
    delete from activity_people_runs;
    select array_agg(user_id), array_agg(month) into u, m
    from (select distinct user_id, month from activity_month_people where user_id is not null) d;
    if u is not null then perform activity_people_runs_recount(u, m); end if;
  end
  $fn$`;

/** A trigger function recounting the (rep, month) pairs of `pairs` (a query over the transition tables). */
function triggerFunction(name: string, pairs: string): string {
  return `create function ${name}() returns trigger language plpgsql as $fn$
  declare u bigint[];
  declare m date[];
  begin
    select array_agg(user_id), array_agg(month) into u, m
    from (select distinct user_id, month from (${pairs}) x where user_id is not null) d;
    if u is not null then perform activity_people_runs_recount(u, m); end if;
    return null;
  end
  $fn$`;
}

/** What the recount reads of a month row: its key and whether it has activities, touches, new prospects. */
const flags = (t: string) =>
  `select month, user_id, contact_id, lead_id, n > 0 as any, touches > 0 as touched, new_prospects > 0 as fresh
   from ${t}`;

/** Rows that changed what the recount reads (EXCEPT compares nulls as equal): both sides of a flip. */
const CHANGED = `(${flags('new_rows')} except all ${flags('old_rows')})
  union all (${flags('old_rows')} except all ${flags('new_rows')})`;

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
  RECOUNT,
  REFILL,
  triggerFunction('activity_people_runs_insert', `select month, user_id from new_rows`),
  triggerFunction('activity_people_runs_delete', `select month, user_id from old_rows`),
  triggerFunction('activity_people_runs_update', `select month, user_id from (${CHANGED}) c`),
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
  `create trigger activity_people_runs_insert after insert on activity_month_people
    referencing new table as new_rows for each statement execute function activity_people_runs_insert()`,
  `create trigger activity_people_runs_update after update on activity_month_people
    referencing old table as old_rows new table as new_rows
    for each statement execute function activity_people_runs_update()`,
  `create trigger activity_people_runs_delete after delete on activity_month_people
    referencing old table as old_rows for each statement execute function activity_people_runs_delete()`,
  `create trigger activity_people_runs_truncate after truncate on activity_month_people
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
