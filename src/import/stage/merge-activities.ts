import { sql } from 'kysely';
import type { Db } from '../../store/db.ts';
import { ACTIVITY_IMPORT_COLUMNS } from '../write/activity-columns.ts';
import { changedColumns, takeExcluded } from '../write/batch-result.ts';
import { STAGING_TABLE } from './activity-staging.ts';
import { firstTouchJoin, notFresh } from './fresh-first-touches.ts';

const COLUMNS = ACTIVITY_IMPORT_COLUMNS;

const ids = (v: (number | string)[] | null | undefined) => (v ?? []).map(Number);

/** Rows listed in import_rejected (skipInvalid) stay out of the merge. */
const keepClause = (skipRejected: boolean) =>
  skipRejected ? sql`where not exists (select 1 from import_rejected r where r.line = s.line)` : sql``;

/**
 * The staged rows with their references resolved, as activities columns (external_id first, is_new_prospect
 * last: set on the first touches of people with no history, see fresh-first-touches.ts; an update leaves it).
 */
const resolvedRows = (skipRejected: boolean) => sql`
  select s.external_id, s.type, s.direction, s.outcome, s.duration_seconds, u.id, a.id, c.id, o.id,
    s.subject, s.occurred_at, s.time_category, s.booked_at, s.note, 'import', ft.line is not null
  from ${sql.table(STAGING_TABLE)} s
  left join import_users u on u.key = s.owner_key
  left join import_accounts a on a.key = s.account_key
  left join import_contacts c on c.key = s.contact_key
  left join import_opps o on o.key = s.opportunity_key
  ${firstTouchJoin}
  ${keepClause(skipRejected)}
  order by s.line`;

/**
 * The merge into an EMPTY activities table, which the caller holds exclusively (withIndexesDeferred): nothing can
 * conflict (repeated external ids of the file are refused by the checks, so the rows kept are unique), so this
 * is a plain insert, without the upsert's probe of the external-id index per row, its `old` join and its xmax
 * test. Every row is created; the counts and ids are those the upsert would return.
 */
export async function insertStagedActivities(tx: Db, skipRejected: boolean): Promise<MergeResult> {
  const list = sql.raw(COLUMNS.join(', '));
  const r = await sql<{ created: number; added: (number | string)[] | null }>`
    with up as (
      insert into activities (external_id, ${list}, is_new_prospect)
      ${resolvedRows(skipRejected)}
      returning id, contact_id
    )
    -- One hash anti join with the fresh people, not a lookup per inserted row (a million of them).
    select count(*)::int as created, array_agg(up.id) filter (where f.id is null) as added
    from up left join import_fresh f on f.id = up.contact_id`.execute(tx);
  const addedActivityIds = ids(r.rows[0]?.added);
  return {
    created: Number(r.rows[0]?.created ?? 0),
    updated: 0,
    addedActivityIds,
    changedActivityIds: [],
    previousContactIds: [],
  };
}

/** What the merge did, for the run's counts and the derived refresh. */
export interface MergeResult {
  created: number;
  updated: number;
  /**
   * Rows inserted, but those of people with no history, which the merge flagged itself (fresh-first-touches.ts):
   * the derived refresh folds them into the stored first touches (added-touches.ts).
   */
  addedActivityIds: number[];
  /** Rows updated: their people as they are now are recomputed in full. */
  changedActivityIds: number[];
  /** The contacts updated rows had before this merge, which may have lost their first touch. */
  previousContactIds: number[];
}

/**
 * Upserts the staged rows into activities by external id in ONE statement (so statement-level triggers on
 * activities run once for the whole file), in file order so new ids follow the lines. Rows listed in
 * import_rejected (with skipInvalid) are left out. `xmax = 0` tells an inserted row from an updated one: an
 * updated row version carries the updating transaction in xmax; an unchanged row is not returned at all.
 */
export async function mergeStagedActivities(tx: Db, skipRejected: boolean): Promise<MergeResult> {
  const list = sql.raw(COLUMNS.join(', '));
  const changed = sql.raw(changedColumns('activities', COLUMNS));
  // The data-modifying CTE's siblings read the table as it was before the statement: `old` is each updated row's
  // contact before the merge.
  const r = await sql<{
    created: number;
    added: (number | string)[] | null;
    changed: (number | string)[] | null;
    previous: (number | string)[] | null;
  }>`
    with old as (
      select a.id, a.contact_id from activities a
      join ${sql.table(STAGING_TABLE)} s on s.external_id = a.external_id
    ),
    up as (
      insert into activities (external_id, ${list}, is_new_prospect)
      ${resolvedRows(skipRejected)}
      on conflict (external_id) do update set ${sql.raw(takeExcluded(COLUMNS))}
      where ${changed}
      returning id, contact_id, xmax = 0 as created
    )
    select
      (select count(*)::int from up where created) as created,
      (select array_agg(id) from up where created and ${notFresh}) as added,
      (select array_agg(id) from up where not created) as changed,
      (select array_agg(distinct old.contact_id) from up join old on old.id = up.id
        where not up.created and old.contact_id is not null) as previous`.execute(tx);
  const row = r.rows[0];
  const addedActivityIds = ids(row?.added);
  const changedActivityIds = ids(row?.changed);
  return {
    created: Number(row?.created ?? 0),
    updated: changedActivityIds.length,
    addedActivityIds,
    changedActivityIds,
    previousContactIds: ids(row?.previous),
  };
}
