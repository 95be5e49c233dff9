import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Db } from '../db.ts';
import type { Database } from '../schema.ts';
import { idArray } from '../sql/lists.ts';

/** A handle that may or may not be a transaction: derived columns are refreshed inside the writer's. */
export type DbOrTx = Db | Transaction<Database>;

/** Which people to recompute: the contacts and leads given, or everyone. */
export interface RefreshRequest {
  contactIds?: number[];
  leadIds?: number[];
  all?: boolean;
  /**
   * Activities this write INSERTED (new rows only). Their people are refreshed incrementally, from the stored
   * first touches (see added-touches.ts), instead of over all their activities. A row that was updated or
   * deleted is not an addition (see changedActivityIds). People in contactIds/leadIds are recomputed in full
   * whatever else is given.
   */
  addedActivityIds?: number[];
  /**
   * Activities this write UPDATED. Their people as they are now are recomputed in full, and so are the rows
   * themselves (a row that lost its contact and lead loses its flag). Their people BEFORE the update, which the
   * store no longer holds, must be in contactIds/leadIds, as must the people of deleted activities.
   */
  changedActivityIds?: number[];
  /**
   * Only business time or the lead SLA settings changed (time zone, working days or hours, holidays, SLA
   * minutes or same-day rule): touches and first responses cannot have moved, so only
   * response_business_minutes and sla_deadline_at are recomputed.
   */
  responseMinutesOnly?: boolean;
}

/**
 * The people closed over lead conversion: a converted lead and its contact are one person, so recomputing
 * either recomputes both. `null` means everyone.
 */
export interface AffectedPeople {
  contactIds: number[];
  leadIds: number[];
  /** Activities to re-flag whatever their person (updated rows: one may have lost its person). */
  activityIds?: number[];
}

/** Expands the given ids with the other side of every lead conversion; null for `all`. */
export async function resolveAffectedPeople(
  db: DbOrTx,
  request: RefreshRequest,
): Promise<AffectedPeople | null> {
  if (request.all) return null;
  const contacts = new Set((request.contactIds ?? []).map(Number));
  const leads = new Set((request.leadIds ?? []).map(Number));
  const changed = (request.changedActivityIds ?? []).map(Number);
  if (changed.length > 0) {
    const now = await sql<{ contact_id: number | null; lead_id: number | null }>`
      select distinct contact_id, lead_id from activities where id = any(${idArray(changed)})`.execute(db);
    for (const r of now.rows) {
      if (r.contact_id !== null) contacts.add(Number(r.contact_id));
      if (r.lead_id !== null) leads.add(Number(r.lead_id));
    }
  }
  if (leads.size > 0) {
    const converted = await sql<{ c: number }>`
      select distinct converted_contact_id as c from leads
      where id = any(${idArray([...leads])}) and converted_contact_id is not null`.execute(db);
    for (const r of converted.rows) contacts.add(Number(r.c));
  }
  if (contacts.size > 0) {
    const convertedTo = await sql<{ id: number }>`
      select id from leads where converted_contact_id = any(${idArray([...contacts])})`.execute(db);
    for (const r of convertedTo.rows) leads.add(Number(r.id));
  }
  return { contactIds: [...contacts], leadIds: [...leads], activityIds: changed };
}

/**
 * The kind of work that touches a person: outbound work or any meeting, done rather than planned. An activity
 * whose outcome is 'scheduled' (a quick-log next step, a calendar meeting still ahead, a planned call from an
 * import) is no touch until it gets another outcome, as it is no call or meeting in the metrics (NOT_SCHEDULED).
 * `alias` is a table with activities' direction, type and outcome columns (activities, or an import's staging
 * table, see fresh-first-touches.ts).
 */
export const touchKind = (alias: string) =>
  sql`((${sql.ref(`${alias}.direction`)} = 'outbound' or ${sql.ref(`${alias}.type`)} = 'meeting')
    and ${sql.ref(`${alias}.outcome`)} is distinct from 'scheduled')`;

/** True when activity `a` is a touch: outbound work or any meeting, not only scheduled, towards a contact or lead. */
export const touchCondition = sql`(${touchKind('a')} and (a.contact_id is not null or a.lead_id is not null))`;

/** The person key of activity `a` joined to its lead `l` (see touchesOf). */
export const activityPersonKey = sql`coalesce(coalesce(a.contact_id, l.converted_contact_id) * 2, a.lead_id * 2 + 1)`;

/**
 * The touches of the affected people, as a derived table (id, occurred_at, direction, person).
 *
 * `person` folds the two kinds of person into one bigint key so joins stay hash joins: a contact c is 2c, a
 * lead l that was never converted is 2l+1, and a converted lead is its contact. An activity names its
 * contact first, else its lead. A touch is outbound work or any meeting, not only scheduled; inbound emails and
 * calls are not.
 */
export function touchesOf(people: AffectedPeople | null): RawBuilder<unknown> {
  const affected =
    people === null
      ? sql``
      : sql`and (a.contact_id = any(${idArray(people.contactIds)}) or a.lead_id = any(${idArray(people.leadIds)}))`;
  return sql`(
    select a.id, a.occurred_at, a.direction, ${activityPersonKey} as person
    from activities a left join leads l on l.id = a.lead_id
    where ${touchCondition} ${affected}
  )`;
}

/** The person key of a lead row aliased `l` (see touchesOf). */
export const leadPersonKey = sql`coalesce(l.converted_contact_id * 2, l.id * 2 + 1)`;

/** SQL condition restricting person keys to the people (true for `all`). */
export function personAffected(
  column: RawBuilder<unknown>,
  people: AffectedPeople | null,
): RawBuilder<unknown> {
  if (people === null) return sql`true`;
  return sql`((${column} % 2 = 0 and ${column} / 2 = any(${idArray(people.contactIds)}))
    or (${column} % 2 = 1 and (${column} - 1) / 2 = any(${idArray(people.leadIds)})))`;
}
