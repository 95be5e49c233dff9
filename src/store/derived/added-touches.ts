import { sql } from 'kysely';
import { leadPersonKey, personAffected, touchCondition, type DbOrTx } from './people.ts';
import type { AffectedPeople } from './people.ts';
import { idArray } from '../sql/lists.ts';

/** What the incremental pass could not decide, and what it changed that the response-minute step must follow. */
export interface AddedTouchesResult {
  /** People whose stored state did not hold together (no single flagged touch at the stored first touch). */
  suspects: AffectedPeople;
  /** Leads whose first_response_at moved, so their business minutes must be recomputed. */
  respondedLeadIds: number[];
}

/**
 * Folds activities that were ADDED since the last refresh into the stored derived columns, without ranking
 * the people's other activities again. With only additions, each person's first touch is the earlier of the
 * stored one and the earliest added touch (ties to the lower id), and each lead's first response the earlier of
 * the stored one and the earliest added outbound touch at or after the lead was created. So:
 *
 * - an added touch later than its person's stored first touch changes nothing (the common case: one read of
 *   the added rows, one lookup of the person's row);
 * - an earlier one (or a tie, or a person never touched) becomes the first touch: the person's flagged touch at
 *   the stored instant is looked up by index and unflagged, contacts/leads.first_touch_at move to it;
 * - a person whose flagged touch is not found exactly once at its stored first touch is not trusted: returned
 *   as a suspect for the full recompute, and nothing of theirs is written here.
 *
 * People in `full` are skipped (the caller recomputes them in full). The added rows' own flags may be unset (an
 * import) or already computed (a prefill): both give the same result. Only changed rows are written.
 */
export async function refreshAddedTouches(
  db: DbOrTx,
  addedIds: readonly number[],
  full: AffectedPeople,
): Promise<AddedTouchesResult> {
  const result: AddedTouchesResult = { suspects: { contactIds: [], leadIds: [] }, respondedLeadIds: [] };
  if (addedIds.length === 0) return result;
  const r = await sql<{ kind: 'contact' | 'lead' | 'responded'; id: number | string }>`
    with added as materialized (
      -- activityPersonKey, with the lead read by primary key only for rows that name one: a join here was
      -- planned as a hash of every lead, most added rows having none.
      select a.id, a.occurred_at, a.direction, a.is_new_prospect as current, ${touchCondition} as is_touch,
        coalesce(coalesce(a.contact_id, (select l.converted_contact_id from leads l where l.id = a.lead_id)) * 2,
          a.lead_id * 2 + 1) as person
      -- Joined by primary key from the unnested list: "id = any(list)" was planned as a scan of every activity
      -- (4.6 s of 3.4M rows for a 200k-row import on PostgreSQL).
      from unnest(${idArray([...addedIds])}) as x(id) join activities a on a.id = x.id
    ),
    own as (
      select * from added where is_touch and not ${personAffected(sql`person`, full)}
    ),
    best as (
      select distinct on (person) person, id, occurred_at from own order by person, occurred_at, id
    ),
    stored as (
      select b.person, b.id as best_id, b.occurred_at as best_at,
        case when b.person % 2 = 0 then c.first_touch_at else l.first_touch_at end as stored_at
      from best b
      left join contacts c on b.person % 2 = 0 and c.id = b.person / 2
      left join leads l on b.person % 2 = 1 and l.id = (b.person - 1) / 2
    ),
    -- People the added touches may take the first touch from: never touched, or not later than the stored one.
    moved as materialized (
      select * from stored where stored_at is null or best_at <= stored_at
    ),
    -- Each such person's flagged touch at the stored instant, by the (contact_id|lead_id, occurred_at) indexes:
    -- on the contact itself, on a lead converted to it, or on an unconverted lead.
    flagged as (
      select m.person, a.id
      from moved m join activities a on a.contact_id = m.person / 2 and a.occurred_at = m.stored_at
      where m.person % 2 = 0 and a.is_new_prospect and ${touchCondition}
      union all
      select m.person, a.id
      from moved m join leads l on l.converted_contact_id = m.person / 2
        join activities a on a.lead_id = l.id and a.occurred_at = m.stored_at
      where m.person % 2 = 0 and a.contact_id is null and a.is_new_prospect and ${touchCondition}
      union all
      select m.person, a.id
      from moved m join activities a on a.lead_id = (m.person - 1) / 2 and a.occurred_at = m.stored_at
      where m.person % 2 = 1 and a.contact_id is null and a.is_new_prospect and ${touchCondition}
    ),
    judged as materialized (
      select m.person, m.best_id, m.best_at, m.stored_at, count(f.id) as n_flagged, min(f.id) as flagged_id
      from moved m left join flagged f on f.person = m.person
      group by m.person, m.best_id, m.best_at, m.stored_at
    ),
    suspects as (
      select person from judged where stored_at is not null and n_flagged <> 1
    ),
    -- People whose first touch becomes their earliest added touch.
    won as (
      select person, best_id, best_at, flagged_id from judged
      where stored_at is null or (n_flagged = 1 and (best_at, best_id) < (stored_at, flagged_id))
    ),
    -- Each trusted person's first touch after this refresh.
    firsts_now as (
      select case when w.person is not null then j.best_id else j.flagged_id end as id
      from judged j left join won w on w.person = j.person
      where j.stored_at is null or j.n_flagged = 1
    ),
    -- Flags that change: the new first touches (set), the ones they displace, and any other added row still set
    -- (a person not in the full set or suspect; an added row with no person at all is cleared here too).
    flag_changes as (
      select o.id from own o join won w on w.best_id = o.id where not o.current
      union
      select w.flagged_id from won w where w.flagged_id is not null
      union
      select a.id from added a
      where a.current and not exists (select 1 from firsts_now f where f.id = a.id)
        and not coalesce(${personAffected(sql`a.person`, full)}, false)
        and not exists (select 1 from suspects s where s.person = a.person)
    ),
    flags as (
      update activities as a set is_new_prospect = not a.is_new_prospect
      where a.id = any(array(select id from flag_changes))
    ),
    contact_touches as (
      update contacts as c set first_touch_at = w.best_at
      from won w
      where w.person % 2 = 0 and c.id = w.person / 2 and c.first_touch_at is distinct from w.best_at
    ),
    -- Leads of the people with added touches (the unconverted lead itself, or every lead converted to the contact).
    lead_people as (
      select l.id, l.created_at, l.first_touch_at, l.first_response_at, p.person
      from leads l join (select distinct person from own) p on p.person = ${leadPersonKey}
      where not exists (select 1 from suspects s where s.person = p.person)
    ),
    added_responses as (
      select lp.id, min(o.occurred_at) as first_response
      from lead_people lp join own o on o.person = lp.person and o.direction = 'outbound' and o.occurred_at >= lp.created_at
      group by lp.id
    ),
    lead_values as materialized (
      -- least() skips nulls: a lead never answered takes the added response.
      select lp.id, coalesce(w.best_at, lp.first_touch_at) as first_touch,
        least(lp.first_response_at, r.first_response) as first_response,
        lp.first_response_at as old_response, lp.first_touch_at as old_touch
      from lead_people lp left join won w on w.person = lp.person left join added_responses r on r.id = lp.id
    ),
    -- Only changed leads, found by primary key from an array (a join was planned as a hash of every lead).
    lead_updates as (
      update leads as l set first_touch_at = v.first_touch, first_response_at = v.first_response
      from lead_values v
      where l.id = any(array(
          select id from lead_values
          where old_touch is distinct from first_touch or old_response is distinct from first_response))
        and l.id = v.id
      returning l.id, v.old_response is distinct from v.first_response as responded
    )
    -- The updates above run whether or not they are read (data-modifying CTEs always do).
    select 'contact' as kind, person / 2 as id from suspects where person % 2 = 0
    union all
    select 'lead', (person - 1) / 2 from suspects where person % 2 = 1
    union all
    select 'responded', id from lead_updates where responded`.execute(db);
  for (const row of r.rows) {
    const id = Number(row.id);
    if (row.kind === 'contact') result.suspects.contactIds.push(id);
    else if (row.kind === 'lead') result.suspects.leadIds.push(id);
    else result.respondedLeadIds.push(id);
  }
  return result;
}
