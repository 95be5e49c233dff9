import { sql } from 'kysely';
import type { Db } from '../../store/db.ts';
import { ACTIVITY_IMPORT_COLUMNS } from '../write/activity-columns.ts';
import { changedColumns } from '../write/batch-result.ts';
import { STAGING_TABLE } from './activity-staging.ts';

const COLUMNS = ACTIVITY_IMPORT_COLUMNS;

/** What the merge did, for the run's counts and the derived refresh. */
export interface MergeResult {
  created: number;
  updated: number;
  /** Contacts of the rows written (created or changed): whose first touch and flags may have moved. */
  contactIds: number[];
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
  const keep = skipRejected
    ? sql`where not exists (select 1 from import_rejected r where r.line = s.line)`
    : sql``;
  await sql`create temporary table import_touched (contact_id bigint) on commit drop`.execute(tx);
  const r = await sql<{ created: number | string; updated: number | string }>`
    with up as (
      insert into activities (external_id, ${list})
      select s.external_id, s.type, s.direction, s.outcome, s.duration_seconds, u.id, a.id, c.id, o.id,
        s.subject, s.occurred_at
      from ${sql.table(STAGING_TABLE)} s
      left join import_users u on u.key = s.owner_key
      left join import_accounts a on a.key = s.account_key
      left join import_contacts c on c.key = s.contact_key
      left join import_opps o on o.key = s.opportunity_key
      ${keep}
      order by s.line
      on conflict (external_id) do update set ${sql.raw(COLUMNS.map((c) => `${c} = excluded.${c}`).join(', '))}
      where ${changed}
      returning xmax = 0 as created, contact_id
    ),
    touched as (
      insert into import_touched (contact_id)
      select distinct contact_id from up where contact_id is not null
    )
    select count(*) filter (where created) as created, count(*) filter (where not created) as updated
    from up`.execute(tx);
  const touched = await sql<{ contact_id: number | string }>`select contact_id from import_touched`.execute(
    tx,
  );
  return {
    created: Number(r.rows[0]?.created ?? 0),
    updated: Number(r.rows[0]?.updated ?? 0),
    contactIds: touched.rows.map((t) => Number(t.contact_id)),
  };
}
