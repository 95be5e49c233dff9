import { sql } from 'kysely';
import {
  activityPersonKey,
  idArray,
  leadPersonKey,
  personInScope,
  touchCondition,
  touchesOf,
  type DbOrTx,
  type ResolvedScope,
} from './scope.ts';

/*
 * Set-based: one window query flags new-prospect touches and one statement writes first touches and responses.
 * Only rows whose value changes are written, so a re-import that changes nothing writes nothing.
 */

/**
 * activities.is_new_prospect: true on each person's first-ever touch (ties broken by occurred_at, then id),
 * false on every other activity of the people in scope.
 */
export async function refreshNewProspectFlags(db: DbOrTx, scope: ResolvedScope | null): Promise<void> {
  if (scope !== null && scope.contactIds.length === 0 && scope.leadIds.length === 0) return;
  const candidates =
    scope === null
      ? sql`true`
      : sql`(a.contact_id = any(${idArray(scope.contactIds)}) or a.lead_id = any(${idArray(scope.leadIds)}))`;
  // One pass over the activities in scope: touches are ranked per person, everything else reads false (which
  // also clears a stale flag on an activity that stopped being a touch). A touch whose person is outside the
  // scope (an activity naming an in-scope lead but another contact) is left alone.
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
      where not c.is_touch or ${personInScope(sql`c.person`, scope)}
    )
    -- Only changed rows are written (a changed flag is the negation of the stored one), so an unchanged store
    -- is a read-only pass. The ids go in as one array looked up in the primary key: as a join, the planner
    -- hashed the whole table first even when nothing had changed (a third of the pass at 3M activities).
    update activities as a set is_new_prospect = not a.is_new_prospect
    where a.id = any(array(select id from ranked where first <> current))`.execute(db);
}

/**
 * contacts.first_touch_at, leads.first_touch_at (when the person was first touched; null if never) and
 * leads.first_response_at (the first OUTBOUND touch of the lead's person at or after the lead was created; an
 * inbound meeting the lead booked is a touch but not a response). One statement, so the touches are read once.
 */
export async function refreshFirstTouchAndResponse(db: DbOrTx, scope: ResolvedScope | null): Promise<void> {
  if (scope !== null && scope.contactIds.length === 0 && scope.leadIds.length === 0) return;
  const contactFilter = scope === null ? sql`true` : sql`c.id = any(${idArray(scope.contactIds)})`;
  const leadFilter = scope === null ? sql`true` : sql`l.id = any(${idArray(scope.leadIds)})`;
  await sql`
    with t as materialized (
      select * from ${touchesOf(scope)} t0 where ${personInScope(sql`t0.person`, scope)}
    ),
    firsts as (
      select person, min(occurred_at) as first_touch from t group by person
    ),
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
