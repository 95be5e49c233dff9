import { sql, type RawBuilder } from 'kysely';
import { REPEAT_TOUCH_NTH } from '../../domain/integrity/thresholds.ts';
import { idArray } from '../sql/lists.ts';
import { resolveAffectedPeople, touchCondition, type AffectedPeople, type DbOrTx } from './people.ts';

/*
 * activities.repeat_touch and activities.held_meeting_before (migration 0041): per-row signals kept at write time so
 * the count rollups can hold them (docs/metrics.md has the definitions; the activities source computes the same
 * from the raw rows, activity-integrity-columns.ts and activities.ts):
 *
 * - held_meeting_before: a held meeting naming the activity's contact (else its lead's converted contact), or its
 *   lead, strictly before it. It moves for every activity of a person when that person's first held meeting moves.
 * - repeat_touch: the touch is the REPEAT_TOUCH_NTH-th or later touch of its person (the contact, else the lead with
 *   no contact) by its rep on its local day (settings.rollup_time_zone, the rollups' own days; the metrics read the
 *   rollups only while that is the workspace zone), ordered by (occurred_at, id); never for a row without a rep. It
 *   moves for the other touches of a (rep, person, day) group when a touch joins or leaves it.
 *
 * So a write recomputes: the rows it added or changed; every activity of the people it names in full (the people of
 * deleted and moved rows, whose groups lost a row); every row of each (person, local day) group those rows are in;
 * and every activity of the people of added held meetings (their first held meeting may have moved). Only rows whose
 * flags change are written; the rollup triggers follow them.
 */

const NTH = sql.lit(REPEAT_TOUCH_NTH);
const tz = sql`(select rollup_time_zone from settings where id = 1)`;
const isHeldMeeting = (alias: string) =>
  sql`(${sql.ref(`${alias}.type`)} = 'meeting' and ${sql.ref(`${alias}.outcome`)} = 'held')`;

/** Recomputes both flags for the affected rows (see above); `people` null: every activity. */
export async function refreshActivityFlags(
  db: DbOrTx,
  people: AffectedPeople | null,
  addedIds: readonly number[],
): Promise<void> {
  if (people === null) return refreshAllActivityFlags(db);
  const rowIds = [...new Set([...addedIds, ...(people.activityIds ?? [])].map(Number))];
  const met = await peopleOfAddedHeldMeetings(db, addedIds);
  const contactIds = [...new Set([...people.contactIds, ...(met?.contactIds ?? [])])];
  const leadIds = [...new Set([...people.leadIds, ...(met?.leadIds ?? [])])];
  if (rowIds.length === 0 && contactIds.length === 0 && leadIds.length === 0) return;
  const changed = await sql<{ id: number; repeat: boolean; held: boolean }>`
    with seed as materialized (
      select a.id, a.contact_id, a.lead_id, a.occurred_at
      from unnest(${idArray(rowIds)}) as x(id) join activities a on a.id = x.id
      union
      select a.id, a.contact_id, a.lead_id, a.occurred_at from activities a where a.contact_id = any(${idArray(contactIds)})
      union
      select a.id, a.contact_id, a.lead_id, a.occurred_at from activities a where a.lead_id = any(${idArray(leadIds)})
    ),
    -- The (person, local day) groups of the seed rows, as instant ranges for the person indexes.
    groups as (
      select distinct s.contact_id as c, case when s.contact_id is null then s.lead_id end as l,
        d::timestamp at time zone ${tz} as lo, (d + 1)::timestamp at time zone ${tz} as hi
      from seed s cross join lateral (select (s.occurred_at at time zone ${tz})::date as d) day
      where s.contact_id is not null or s.lead_id is not null
    ),
    rows as materialized (
      select id from seed
      union
      select b.id from groups g join activities b on b.contact_id = g.c and b.occurred_at >= g.lo and b.occurred_at < g.hi
      where g.c is not null
      union
      select b.id from groups g join activities b on b.lead_id = g.l and b.occurred_at >= g.lo and b.occurred_at < g.hi
      where g.l is not null and b.contact_id is null
    ),
    ${flagsOf(sql`(select a.* from rows r join activities a on a.id = r.id)`)}
    select id, repeat, held from computed
    where repeat <> current_repeat or held <> current_held`.execute(db);
  if (changed.rows.length === 0) return;
  // Written by primary key from arrays: a join of the computed rows was planned as a hash of every activity.
  await sql`
    update activities as a set repeat_touch = v.repeat, held_meeting_before = v.held
    from unnest(${idArray(changed.rows.map((r) => Number(r.id)))}, ${changed.rows.map((r) => r.repeat)}::boolean[],
      ${changed.rows.map((r) => r.held)}::boolean[]) as v(id, repeat, held)
    where a.id = v.id`.execute(db);
}

/**
 * The CTEs `firsts_c`, `firsts_l` and `computed` (id, repeat, held, current_repeat, current_held) over `rows`, a
 * derived table of activities rows that holds every row of each (rep, person, local day) group it touches.
 */
function flagsOf(rows: RawBuilder<unknown>) {
  return sql`r as materialized (
      select a.id, a.user_id, a.contact_id, a.lead_id, a.occurred_at, a.repeat_touch, a.held_meeting_before,
        ${touchCondition} as is_touch,
        coalesce(a.contact_id, (select l.converted_contact_id from leads l where l.id = a.lead_id)) as hc
      from ${rows} a
    ),
    firsts_c as (
      select p.id, (select min(m.occurred_at) from activities m where m.contact_id = p.id and ${isHeldMeeting('m')})
        as first_at
      from (select distinct hc as id from r where hc is not null) p
    ),
    firsts_l as (
      select p.id, (select min(m.occurred_at) from activities m where m.lead_id = p.id and ${isHeldMeeting('m')})
        as first_at
      from (select distinct lead_id as id from r where lead_id is not null) p
    ),
    computed as (
      select r.id, r.repeat_touch as current_repeat, r.held_meeting_before as current_held,
        coalesce(r.is_touch and r.user_id is not null and row_number() over (
          partition by r.is_touch, r.user_id, coalesce(r.contact_id * 2, r.lead_id * 2 + 1),
            (r.occurred_at at time zone ${tz})::date
          order by r.occurred_at, r.id) >= ${NTH}, false) as repeat,
        coalesce(fc.first_at < r.occurred_at, false) or coalesce(fl.first_at < r.occurred_at, false) as held
      from r left join firsts_c fc on fc.id = r.hc left join firsts_l fl on fl.id = r.lead_id
    )`;
}

/** Every activity's flags: one hash aggregate of the held meetings, one window over the touches. */
async function refreshAllActivityFlags(db: DbOrTx): Promise<void> {
  await sql`
    with firsts_c as (
      select contact_id as id, min(occurred_at) as first_at from activities a
      where ${isHeldMeeting('a')} and contact_id is not null group by contact_id
    ),
    firsts_l as (
      select lead_id as id, min(occurred_at) as first_at from activities a
      where ${isHeldMeeting('a')} and lead_id is not null group by lead_id
    ),
    held as (
      select a.id from activities a left join leads l on l.id = a.lead_id
        left join firsts_c hc on hc.id = coalesce(a.contact_id, l.converted_contact_id)
        left join firsts_l hl on hl.id = a.lead_id
      where hc.first_at < a.occurred_at or hl.first_at < a.occurred_at
    ),
    repeat as (
      select id from (
        select a.id, row_number() over (
            partition by a.user_id, coalesce(a.contact_id * 2, a.lead_id * 2 + 1), (a.occurred_at at time zone ${tz})::date
            order by a.occurred_at, a.id) as nth
        from activities a where ${touchCondition} and a.user_id is not null
      ) t where nth >= ${NTH}
    ),
    wanted as (
      select id, bool_or(repeat) as repeat, bool_or(held) as held from (
        select id, true as repeat, false as held from repeat
        union all
        select id, false, true from held
        -- Rows flagged now, so a flag that no longer holds is cleared.
        union all
        select id, false, false from activities where repeat_touch or held_meeting_before
      ) f group by id
    )
    update activities as a set repeat_touch = w.repeat, held_meeting_before = w.held
    from wanted w
    where a.id = w.id and (a.repeat_touch <> w.repeat or a.held_meeting_before <> w.held)`.execute(db);
}

/** The contacts and leads of the added rows that are held meetings, closed over lead conversion; null if none. */
async function peopleOfAddedHeldMeetings(
  db: DbOrTx,
  addedIds: readonly number[],
): Promise<AffectedPeople | null> {
  if (addedIds.length === 0) return null;
  const r = await sql<{ contact_id: number | null; lead_id: number | null }>`
    select distinct a.contact_id, a.lead_id
    from unnest(${idArray([...addedIds])}) as x(id) join activities a on a.id = x.id
    where ${isHeldMeeting('a')}`.execute(db);
  if (r.rows.length === 0) return null;
  return resolveAffectedPeople(db, {
    contactIds: r.rows.flatMap((x) => (x.contact_id === null ? [] : [Number(x.contact_id)])),
    leadIds: r.rows.flatMap((x) => (x.lead_id === null ? [] : [Number(x.lead_id)])),
  });
}
