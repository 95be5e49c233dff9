import { sql } from 'kysely';
import type { Db } from '../../store/db.ts';
import { touchKind } from '../../store/derived/people.ts';
import { STAGING_TABLE } from './activity-staging.ts';
import { refreshActivityFlags } from '../../store/derived/activity-flags.ts';

/*
 * First touches of the people an import brings in with no history: contacts it creates (--create-missing), and
 * contacts of the store with no activity yet and no lead converted to them. Every activity such a person will
 * have after the merge is a row of this file, so their first touch (docs/metrics.md: the earliest touch by
 * occurred_at, then id) is known from the staged rows before anything is written: the merge inserts the rows with
 * their new-prospect flag already set, created contacts are inserted with their first touch and one update after
 * the merge writes it where it still differs, so the derived refresh does not see those rows at all. On a first import that is every row: the refresh used to flag them afterwards
 * with a second `update activities` of every first touch, firing the rollups' update triggers on transition
 * tables as large, and a lookup per person of a flagged touch that could not exist.
 *
 * Ties on occurred_at go to the lower line: the merge inserts in file order, so ids follow the lines. A staged row
 * that turns out to update an existing row (same external id) makes its contact a person of that updated row,
 * which the refresh recomputes in full over all their activities, so a flag set here on that person's rows is
 * checked again there.
 */

const staged = sql.table(STAGING_TABLE);

/** Rows the merge leaves out (skipInvalid): listed in import_rejected when there are any. */
const kept = (skipRejected: boolean) =>
  skipRejected ? sql`not exists (select 1 from import_rejected r where r.line = s.line)` : sql`true`;

/**
 * Builds import_fresh (the contacts with no history, by id) and import_first_touches (contact_id, line,
 * occurred_at: the staged line of each one's first touch), for the merge (firstTouchJoin) and writeFreshFirstTouches.
 * Call it after resolveStagedReferences and before the merge, while activities holds its indexes.
 */
export async function stageFreshFirstTouches(tx: Db, skipRejected: boolean): Promise<void> {
  // Created contacts have nothing; an existing one is fresh when no activity names it and no lead became it
  // (leads have no index on converted_contact_id: at top level these are anti joins, one pass over leads).
  await sql`
    create temporary table import_fresh on commit drop as
    select id from import_contacts where created
    union
    select k.id from import_contacts k
    where not k.created and k.id is not null
      and not exists (select 1 from activities a where a.contact_id = k.id)
      and not exists (select 1 from leads l where l.converted_contact_id = k.id)`.execute(tx);
  await sql`alter table import_fresh add primary key (id)`.execute(tx);
  // A touch is a staged row of the touch kind whose contact resolved. Rows refused as repeats of an earlier
  // external id are in import_rejected when the merge skips them and roll the whole file back otherwise, as
  // every refused row does.
  await sql`
    create temporary table import_first_touches on commit drop as
    select distinct on (f.id) f.id as contact_id, s.line, s.occurred_at
    from ${staged} s
    join import_contacts k on k.key = s.contact_key
    join import_fresh f on f.id = k.id
    where ${touchKind('s')} and ${kept(skipRejected)}
    order by f.id, s.occurred_at, s.line`.execute(tx);
  await sql`analyze import_first_touches`.execute(tx);
}

/** Joined to staged row `s` by the merge: `ft.line is not null` on a fresh person's first touch. */
export const firstTouchJoin = sql`left join import_first_touches ft on ft.line = s.line`;

/**
 * The first touch of each contact key of the staged rows, as (contact_key, first_touch): for the contacts
 * --create-missing creates, which are inserted with it (resolve-staged-references.ts) before the checks know
 * which rows they refuse. Repeated external ids are left out here already; writeFreshFirstTouches corrects the
 * few a refused row would move (skipInvalid), so a first import does not update every contact it created.
 */
export const stagedFirstTouchByKey = sql`(
  select s.contact_key, min(s.occurred_at) as first_touch from ${staged} s
  where s.contact_key is not null and ${touchKind('s')}
    and not exists (select 1 from import_dups d where d.line = s.line)
  group by s.contact_key
)`;

/**
 * contacts.first_touch_at of every fresh person after the merge: the staged first touch, or null when the file
 * holds none (as a full recompute would write it). Only contacts whose value differs are written: after a first
 * import, whose created contacts carry their first touch from the start, that is none.
 */
export async function writeFreshFirstTouches(tx: Db): Promise<void> {
  await sql`
    update contacts c set first_touch_at = x.first_touch
    from (
      select f.id, ft.occurred_at as first_touch
      from import_fresh f left join import_first_touches ft on ft.contact_id = f.id
    ) x
    where c.id = x.id and c.first_touch_at is distinct from x.first_touch`.execute(tx);
}

/**
 * activities.repeat_touch and held_meeting_before (migration 0041) of the fresh people's rows: the derived refresh
 * never sees those rows (notFresh), and both flags of a person's row depend only on that person's activities, all
 * of them in this import, so one pass over the fresh people sets them as a full recompute would.
 */
export async function writeFreshActivityFlags(tx: Db): Promise<void> {
  const fresh = await sql<{ id: number }>`select id from import_fresh`.execute(tx);
  if (fresh.rows.length === 0) return;
  await refreshActivityFlags(tx, { contactIds: fresh.rows.map((r) => Number(r.id)), leadIds: [] }, []);
}

/** SQL keeping only the merged rows (alias `up`, with contact_id) the refresh must still see: not fresh people's. */
export const notFresh = sql`not exists (select 1 from import_fresh f where f.id = up.contact_id)`;
