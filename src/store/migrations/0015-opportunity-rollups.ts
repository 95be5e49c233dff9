import { sql, type Kysely } from 'kysely';

/*
 * Maintained aggregates of opportunities for the dashboard (docs/performance.md, "Maintained aggregates"):
 *
 * - opportunity_closed_days: deals won or lost per local close day, owner, status, type, pipeline, lead source,
 *   currency and cycle days (local close date - local creation date), with their count and summed amount_minor.
 *   Counts, amounts, the mean cycle and its percentiles (from the count of each cycle length) of the closed-deal
 *   metrics are sums over it. Keeping the cycle length in the key leaves about one row per deal, but about 80
 *   bytes instead of a whole opportunity row, stored in close-day order instead of scattered over the table.
 * - opportunity_created_months: deals per local creation month, owner, type, pipeline and lead source, with
 *   their count (opportunities_created): 22k rows for 68k deals at the 200-rep size.
 *
 * Kept like the activity rollups (0010, 0014): statement-level AFTER triggers with transition tables on
 * opportunities (insert, update, delete, truncate), local dates in settings.rollup_time_zone, rows pruned when their
 * count falls to 0, and a set-based function adding every deal (the backfill below, the zone rebuild and the demo's
 * rebuild after its COPY, src/store/aggregates/rebuild-opportunity-rollups.ts). An update that changes nothing the
 * rollups read adds and removes the same keys, which cancel out before anything is written.
 *
 * New rows are written in (day or month, owner) order, so a backfill stores a period's rows together.
 *
 * The SQL is written out here, not imported, because a migration must not change when the code does.
 */

/** Upserts the aggregate of `rows` (opportunities columns plus `sign`, +1 or -1) into both tables, in zone `tz`. */
function applyRows(rows: string): string[] {
  const closedDay = `(d.closed_at at time zone tz)::date`;
  const createdDay = `(d.created_at at time zone tz)::date`;
  return [
    `insert into opportunity_closed_days as r
       (day, owner_id, status, type, pipeline_id, lead_source, currency, cycle_days, n, amount_minor)
     select ${closedDay}, d.owner_id, d.status, d.type, d.pipeline_id, d.lead_source, d.currency,
       ${closedDay} - ${createdDay}, sum(d.sign), sum(d.sign * d.amount_minor)
     from ${rows} d
     where d.status in ('won', 'lost') and d.closed_at is not null
     group by 1, 2, 3, 4, 5, 6, 7, 8
     having sum(d.sign) <> 0 or sum(d.sign * d.amount_minor) <> 0
     order by 1, 2
     on conflict on constraint opportunity_closed_days_key do update
       set n = r.n + excluded.n, amount_minor = r.amount_minor + excluded.amount_minor`,
    `insert into opportunity_created_months as r (month, owner_id, type, pipeline_id, lead_source, n)
     select date_trunc('month', ${createdDay})::date, d.owner_id, d.type, d.pipeline_id, d.lead_source, sum(d.sign)
     from ${rows} d
     group by 1, 2, 3, 4, 5
     having sum(d.sign) <> 0
     order by 1, 2
     on conflict on constraint opportunity_created_months_key do update set n = r.n + excluded.n`,
  ];
}

/** Rows left with no deals after an update or delete; only the days and months the statement touched are read. */
function pruneEmpty(rows: string): string[] {
  return [
    `delete from opportunity_closed_days where n = 0
       and day in (select distinct (d.closed_at at time zone tz)::date from ${rows} d where d.closed_at is not null)`,
    `delete from opportunity_created_months where n = 0
       and month in (select distinct date_trunc('month', (d.created_at at time zone tz))::date from ${rows} d)`,
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
    `create table opportunity_closed_days (
      day date not null,
      owner_id bigint,
      status text not null,
      type text not null,
      pipeline_id bigint not null,
      lead_source text,
      currency character(3) not null,
      cycle_days integer not null,
      n bigint not null,
      amount_minor numeric not null,
      constraint opportunity_closed_days_key unique nulls not distinct
        (day, owner_id, status, type, pipeline_id, lead_source, currency, cycle_days)
    )`,
    `create table opportunity_created_months (
      month date not null,
      owner_id bigint,
      type text not null,
      pipeline_id bigint not null,
      lead_source text,
      n bigint not null,
      constraint opportunity_created_months_key unique nulls not distinct
        (month, owner_id, type, pipeline_id, lead_source)
    )`,
    triggerFunction('opportunity_rollups_insert', applyRows(inserted)),
    triggerFunction('opportunity_rollups_delete', [...applyRows(deleted), ...pruneEmpty(deleted)]),
    triggerFunction('opportunity_rollups_update', [...applyRows(updated), ...pruneEmpty(updated)]),
    `create function opportunity_rollups_truncate() returns trigger language plpgsql as $fn$
    begin
      delete from opportunity_closed_days;
      delete from opportunity_created_months;
      return null;
    end
    $fn$`,
    `create trigger opportunity_rollups_insert after insert on opportunities
      referencing new table as new_rows for each statement execute function opportunity_rollups_insert()`,
    `create trigger opportunity_rollups_update after update on opportunities
      referencing old table as old_rows new table as new_rows
      for each statement execute function opportunity_rollups_update()`,
    `create trigger opportunity_rollups_delete after delete on opportunities
      referencing old table as old_rows for each statement execute function opportunity_rollups_delete()`,
    `create trigger opportunity_rollups_truncate after truncate on opportunities
      for each statement execute function opportunity_rollups_truncate()`,
    `create function opportunity_rollups_add_all() returns void language plpgsql as $fn$
    declare tz text := (select rollup_time_zone from settings where id = 1);
    begin
      ${applyRows(`(select o.*, 1 as sign from opportunities o)`).join(';\n      ')};
    end
    $fn$`,
    `select opportunity_rollups_add_all()`,
  ];
  // One statement per query (PGlite's extended protocol); function bodies contain semicolons, so no splitting.
  for (const s of statements) await sql.raw(s).execute(db);
}
