import { sql } from 'kysely';
import type { DbOrTx } from '../derived/people.ts';
import { idArray } from '../sql/lists.ts';

/** Engagement events of leads (migration 0021); external_id makes re-sent events no-ops. */
export interface LeadEventsTable {
  id: import('kysely').Generated<number>;
  external_id: string;
  lead_id: number;
  type: string;
  url: string | null;
  occurred_at: import('kysely').ColumnType<Date, Date | string, Date | string>;
  properties: unknown;
  received_at: import('kysely').Generated<Date>;
}

/** An event to store, its lead already resolved to an id. */
export interface NewLeadEvent {
  externalId: string;
  leadId: number;
  type: string;
  url: string | null;
  occurredAt: Date;
  properties: Record<string, unknown>;
}

/** Rows per INSERT statement (7 parameters each, well under the 65,535 bind-parameter limit). */
const CHUNK = 2_000;

/**
 * Inserts the events, skipping those whose external id is stored already (idempotent re-sends); returns how many
 * were new and the leads that received a new event. Call inside the caller's transaction.
 */
export async function insertLeadEvents(
  tx: DbOrTx,
  events: readonly NewLeadEvent[],
): Promise<{ inserted: number; leadIds: number[] }> {
  const leadIds = new Set<number>();
  let inserted = 0;
  for (let i = 0; i < events.length; i += CHUNK) {
    const rows = await tx
      .insertInto('lead_events')
      .values(
        events.slice(i, i + CHUNK).map((e) => ({
          external_id: e.externalId,
          lead_id: e.leadId,
          type: e.type,
          url: e.url,
          occurred_at: e.occurredAt,
          properties: JSON.stringify(e.properties),
        })),
      )
      .onConflict((oc) => oc.column('external_id').doNothing())
      .returning('lead_id')
      .execute();
    inserted += rows.length;
    for (const r of rows) leadIds.add(Number(r.lead_id));
  }
  return { inserted, leadIds: [...leadIds] };
}

/** Resolves lead references (internal ids and external ids) to lead ids; missing ones are absent from the maps. */
export async function resolveLeadRefs(
  db: DbOrTx,
  ids: readonly number[],
  externalIds: readonly string[],
): Promise<{ byId: Set<number>; byExternalId: Map<string, number> }> {
  const byId = new Set<number>();
  const byExternalId = new Map<string, number>();
  if (ids.length > 0) {
    const r = await sql<{
      id: number;
    }>`select id from leads where id = any(${idArray([...new Set(ids)])})`.execute(db);
    for (const row of r.rows) byId.add(Number(row.id));
  }
  if (externalIds.length > 0) {
    const r = await sql<{ id: number; external_id: string }>`
      select id, external_id from leads
      where external_id in (select jsonb_array_elements_text(${JSON.stringify([...new Set(externalIds)])}::jsonb))`.execute(
      db,
    );
    for (const row of r.rows) byExternalId.set(row.external_id, Number(row.id));
  }
  return { byId, byExternalId };
}

/** One lead's events at or before `asOf`, oldest first (for its explanation). */
export async function leadEventsOf(db: DbOrTx, leadId: number) {
  return db
    .selectFrom('lead_events')
    .select(['external_id', 'type', 'url', 'occurred_at'])
    .where('lead_id', '=', leadId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}
