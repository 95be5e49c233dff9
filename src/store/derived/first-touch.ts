import { sql, type RawBuilder } from 'kysely';
import {
  activityPersonKey,
  leadPersonKey,
  personAffected,
  touchCondition,
  touchesOf,
  type DbOrTx,
  type AffectedPeople,
} from './people.ts';
import { idArray } from '../sql/lists.ts';

/*
 * Set-based: one window query flags new-prospect touches and one statement writes first touches and responses.
 * Only rows whose value changes are written, so a re-import that changes nothing writes nothing.
 */

/**
 * activities.is_new_prospect: true on each person's first-ever touch (ties broken by occurred_at, then id),
 * false on every other activity of the affected people.
 */
export async function refreshNewProspectFlags(db: DbOrTx, people: AffectedPeople | null): Promise<void> {
  if (
    people !== null &&
    people.contactIds.length === 0 &&
    people.leadIds.length === 0 &&
    (people.activityIds ?? []).length === 0
  )
    return;
  // Updated rows are re-flagged whatever their person now (one may have lost its contact and lead).
  const changedRows =
    people !== null && (people.activityIds ?? []).length > 0
      ? sql` or a.id = any(${idArray(people.activityIds ?? [])})`
      : sql``;
  const candidates =
    people === null
      ? sql`true`
      : sql`(a.contact_id = any(${idArray(people.contactIds)}) or a.lead_id = any(${idArray(people.leadIds)})${changedRows})`;
  // One pass over the activities of the affected people: touches are ranked per person, everything else reads false (which
  // also clears a stale flag on an activity that stopped being a touch). A touch whose person is outside the
  // affected people (an activity naming an affected lead but another contact) is left alone.
  await sql`
    with classified as (
      select a.id, a.occurred_at, a.is_new_prospect as current, ${touchCondition} as is_touch,
        ${activityPersonKey} as person
      from activities a left join leads l on l.id = a.lead_id
      where ${candidates}
    ),
    ranked as (
      select id, current,
        is_touch and row_number() over (partition by is_touch, person order by occurred_at, id) = 1 as first
      from classified c
      where not c.is_touch or ${personAffected(sql`c.person`, people)}
    )
    -- Only changed rows are written (a changed flag is the negation of the current one), so an unchanged store is
    -- a read-only pass. They are found by primary key from an array: a join here was planned as a hash of every
    -- activity in the store (3.4M rows hashed to update 631 after a 200k-row import), the changed share being
    -- unknowable to the planner.
    update activities as a set is_new_prospect = not a.is_new_prospect
    where a.id = any(array(select id from ranked where first <> current))`.execute(db);
}

/**
 * contacts.first_touch_at, leads.first_touch_at (when the person was first touched; null if never) and
 * leads.first_response_at (the first OUTBOUND touch of the lead's person at or after the lead was created; an
 * inbound meeting the lead booked is a touch but not a response). One statement, so the touches are read once.
 */
export async function refreshFirstTouchAndResponse(db: DbOrTx, people: AffectedPeople | null): Promise<void> {
  if (people !== null && people.contactIds.length === 0 && people.leadIds.length === 0) return;
  await writeFirstTouches(
    db,
    people,
    sql`t as materialized (
      select * from ${touchesOf(people)} t0 where ${personAffected(sql`t0.person`, people)}
    ),
    firsts as (
      select person, min(occurred_at) as first_touch from t group by person
    )`,
  );
}

/**
 * Everyone's flags, first touches and first responses in ONE statement (refreshDerived with { all: true }: the
 * demo, a full recompute): the touches are read and sorted once, per person by (occurred_at, id); the first of each
 * person is both the flagged row and the person's first touch, so the flag pass and the first-touch pass share it.
 * Activities that are not touches are read only where a flag is set (to clear a stale one). The same values as
 * refreshNewProspectFlags then refreshFirstTouchAndResponse over everyone, with one pass over the touches instead of
 * a sort of every activity and a second read of the touches.
 */
export async function refreshAllTouches(db: DbOrTx): Promise<void> {
  await writeFirstTouches(
    db,
    null,
    sql`t as materialized (
      select a.id, a.occurred_at, a.direction, a.is_new_prospect as current, ${activityPersonKey} as person
      from activities a left join leads l on l.id = a.lead_id
      where ${touchCondition}
    ),
    ranked as (
      select id, current, person, occurred_at,
        row_number() over (partition by person order by occurred_at, id) = 1 as first
      from t
    ),
    -- Changed flags only, by primary key (see refreshNewProspectFlags); runs whether or not anything reads it.
    flags as (
      update activities as target set is_new_prospect = not target.is_new_prospect
      where target.id = any(array(
        select id from ranked where first <> current
        union all
        select a.id from activities a where a.is_new_prospect and not ${touchCondition}
      ))
      returning 1
    ),
    firsts as (
      select person, occurred_at as first_touch from ranked where first
    )`,
  );
}

/**
 * Writes contacts' and leads' first touches and leads' first responses from `ctes`, which must define `t` (the
 * touches: id, occurred_at, direction, person) and `firsts` (person, first_touch). Only changed rows are written.
 */
async function writeFirstTouches(
  db: DbOrTx,
  people: AffectedPeople | null,
  ctes: RawBuilder<unknown>,
): Promise<void> {
  const contactFilter = people === null ? sql`true` : sql`c.id = any(${idArray(people.contactIds)})`;
  const leadFilter = people === null ? sql`true` : sql`l.id = any(${idArray(people.leadIds)})`;
  await sql`
    with ${ctes},
    responses as (
      select l.id, min(t.occurred_at) as first_response
      from leads l join t on t.person = ${leadPersonKey} and t.direction = 'outbound' and t.occurred_at >= l.created_at
      where ${leadFilter}
      group by l.id
    ),
    contact_updates as (
      update contacts as target set first_touch_at = x.first_touch
      from (
        select c.id, f.first_touch from contacts c left join firsts f on f.person = c.id * 2
        where ${contactFilter} and c.first_touch_at is distinct from f.first_touch
      ) x
      where target.id = x.id
      returning 1
    )
    update leads as target set first_touch_at = x.first_touch, first_response_at = x.first_response
    from (
      select l.id, f.first_touch, r.first_response
      from leads l
      left join firsts f on f.person = ${leadPersonKey}
      left join responses r on r.id = l.id
      where ${leadFilter}
        -- Only changed rows reach the update join.
        and (l.first_touch_at is distinct from f.first_touch or l.first_response_at is distinct from r.first_response)
    ) x
    where target.id = x.id`.execute(db);
}
