import { sql, type Kysely } from 'kysely';

/*
 * lost_deals_few_follow_ups read each closed deal's activities per dashboard request (a correlated subquery over
 * two index ranges per deal: ~205 ms quiet for a quarter at the 200-rep size, seconds under load). Its inputs only
 * change when activities or deals are written, so the count is kept at write time instead
 * (docs/performance.md, "Follow-ups after the meeting kept at write time"):
 *
 * - opportunity_follow_ups: one row per deal won or lost that had a held meeting at or before closing, holding
 *   the number of follow-ups after its last held meeting up to closing: outbound activities other than meetings,
 *   not only scheduled. A deal's activities are those logged on it and those on its contact naming no
 *   opportunity (the cadence rule). The follow-up target is compared at read time, so a settings change
 *   rebuilds nothing.
 * - opportunity_follow_ups_refresh(ids): recomputes the rows of the given deals (deletes those that no longer
 *   qualify, writes only changed counts).
 * - Statement-level AFTER triggers with transition tables on activities (insert, update, delete, truncate) and
 *   on opportunities (insert, update; delete cascades) refresh the deals the written rows can change: for
 *   activities, only held meetings and follow-ups (in their old or new state) at or before the deal's closing;
 *   an update is reduced to the (deal, contact, time, kind) tuples it changed (EXCEPT ALL), so the derived
 *   refresh's flag updates of activities cost a set operation and nothing else. For deals, the rows whose
 *   status, closed_at or contact changed.
 *
 * The demo load turns the user triggers off and rebuilds after (src/demo/write-dataset.ts). The SQL is written
 * out here, not imported, because a migration must not change when the code does.
 */

/** A held meeting or a follow-up, over activities alias `d`: the only rows the count reads. */
const held = (d: string) => `(${d}.type = 'meeting' and ${d}.outcome = 'held')`;
const followUp = (d: string) =>
  `(${d}.direction = 'outbound' and ${d}.type <> 'meeting' and coalesce(${d}.outcome, '') <> 'scheduled')`;
const relevant = (d: string) => `(${held(d)} or ${followUp(d)})`;

/** The closed deals whose count rows `d` (opportunity_id, contact_id, occurred_at) can change. */
const dealsOf = (d: string) => `array(
    select o.id from (select opportunity_id as id, min(occurred_at) as first_at from ${d} x
        where opportunity_id is not null group by 1) x
      join opportunities o on o.id = x.id
    where o.status in ('won', 'lost') and x.first_at <= o.closed_at
    union
    select o.id from (select contact_id as id, min(occurred_at) as first_at from ${d} x
        where opportunity_id is null and contact_id is not null group by 1) x
      join opportunities o on o.contact_id = x.id
    where o.status in ('won', 'lost') and x.first_at <= o.closed_at)`;

const REFRESH = `create function opportunity_follow_ups_refresh(ids bigint[]) returns void language sql as $fn$
  with deals as (
    select o.id, o.contact_id, o.closed_at
    from (select distinct unnest(ids) as id) x join opportunities o on o.id = x.id
    where o.status in ('won', 'lost') and o.closed_at is not null
  ),
  met as (
    select d.*, greatest(
        (select max(a.occurred_at) from activities a
          where a.opportunity_id = d.id and a.occurred_at <= d.closed_at and ${held('a')}),
        (select max(a.occurred_at) from activities a
          where a.contact_id = d.contact_id and a.opportunity_id is null and a.occurred_at <= d.closed_at
            and ${held('a')})) as last_at
    from deals d
  ),
  wanted as (
    select m.id,
      (select count(*) from activities a
        where a.opportunity_id = m.id and a.occurred_at > m.last_at and a.occurred_at <= m.closed_at
          and ${followUp('a')})
      + (select count(*) from activities a
        where a.contact_id = m.contact_id and a.opportunity_id is null and a.occurred_at > m.last_at
          and a.occurred_at <= m.closed_at and ${followUp('a')}) as n
    from met m where m.last_at is not null
  ),
  gone as (
    delete from opportunity_follow_ups f
    where f.opportunity_id in (select unnest(ids))
      and not exists (select 1 from wanted w where w.id = f.opportunity_id)
  )
  insert into opportunity_follow_ups as f (opportunity_id, follow_ups)
  select id, n from wanted order by id
  on conflict (opportunity_id) do update set follow_ups = excluded.follow_ups
    where f.follow_ups <> excluded.follow_ups
  $fn$`;

function triggerFunction(name: string, ids: string): string {
  return `create function ${name}() returns trigger language plpgsql as $fn$
    begin
      perform opportunity_follow_ups_refresh(${ids});
      return null;
    end
    $fn$`;
}

/** The (deal, contact, time, kind) tuples of the relevant rows of a transition table. */
const tuples = (t: string) =>
  `select opportunity_id, contact_id, occurred_at, ${held('r')} as held, ${followUp('r')} as follow_up
   from ${t} r where ${relevant('r')}`;

const STATEMENTS = [
  `create table opportunity_follow_ups (
    opportunity_id bigint primary key references opportunities(id) on delete cascade,
    follow_ups integer not null
  )`,
  // The activities trigger finds a contact's closed deals by it (no index on opportunities.contact_id before).
  `create index opportunities_closed_contact_idx on opportunities (contact_id)
    where status in ('won', 'lost') and contact_id is not null`,
  REFRESH,
  triggerFunction('opportunity_follow_ups_activities_insert', dealsOf(`(${tuples('new_rows')})`)),
  triggerFunction('opportunity_follow_ups_activities_delete', dealsOf(`(${tuples('old_rows')})`)),
  triggerFunction(
    'opportunity_follow_ups_activities_update',
    dealsOf(`((${tuples('new_rows')} except all ${tuples('old_rows')})
      union all (${tuples('old_rows')} except all ${tuples('new_rows')}))`),
  ),
  `create function opportunity_follow_ups_activities_truncate() returns trigger language plpgsql as $fn$
    begin
      delete from opportunity_follow_ups;
      return null;
    end
    $fn$`,
  triggerFunction(
    'opportunity_follow_ups_deals_insert',
    `array(select id from new_rows where status in ('won', 'lost'))`,
  ),
  triggerFunction(
    'opportunity_follow_ups_deals_update',
    `array(select id from (select id, status, closed_at, contact_id from new_rows
      except all select id, status, closed_at, contact_id from old_rows) c)`,
  ),
  `create trigger opportunity_follow_ups_insert after insert on activities
    referencing new table as new_rows for each statement execute function opportunity_follow_ups_activities_insert()`,
  `create trigger opportunity_follow_ups_update after update on activities
    referencing old table as old_rows new table as new_rows
    for each statement execute function opportunity_follow_ups_activities_update()`,
  `create trigger opportunity_follow_ups_delete after delete on activities
    referencing old table as old_rows for each statement execute function opportunity_follow_ups_activities_delete()`,
  `create trigger opportunity_follow_ups_truncate after truncate on activities
    for each statement execute function opportunity_follow_ups_activities_truncate()`,
  `create trigger opportunity_follow_ups_insert after insert on opportunities
    referencing new table as new_rows for each statement execute function opportunity_follow_ups_deals_insert()`,
  `create trigger opportunity_follow_ups_update after update on opportunities
    referencing old table as old_rows new table as new_rows
    for each statement execute function opportunity_follow_ups_deals_update()`,
  // Every closed deal, once.
  `select opportunity_follow_ups_refresh(array(select id from opportunities where status in ('won', 'lost')))`,
  `analyze opportunity_follow_ups`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of STATEMENTS) await sql.raw(s).execute(db);
}
