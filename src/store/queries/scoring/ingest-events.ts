import { AppError, type ErrorDetail } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { insertLeadEvents, resolveLeadRefs, type NewLeadEvent } from '../../tables/lead-events.ts';
import { getActiveRuleSet } from '../../tables/scoring-rule-sets.ts';
import { scoreLeads } from './score-leads.ts';

/** An event as received (API body item or CSV row), its lead named by id or by external id. */
export interface IncomingEvent {
  id: string;
  leadId?: number | undefined;
  leadExternalId?: string | undefined;
  type: string;
  url?: string | null | undefined;
  occurredAt: Date;
  properties?: Record<string, unknown> | undefined;
}

/** Where an item came from, for error details: the API's `events[3]` or a CSV file's line. */
export type Locate = (index: number) => {
  field: string;
  line?: number | undefined;
  file?: string | undefined;
};

export interface IngestResult {
  received: number;
  inserted: number;
  duplicates: number;
  leadsScored: number;
  promoted: number;
}

/** How far in the future an event may be dated (clock skew between the sender and this server). */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * Stores a batch of events all-or-nothing: every lead reference must resolve and no event may lie in the
 * future, else nothing is written and every problem is reported (naming the item and field). Events whose id is
 * stored already are skipped (idempotent re-sends). The leads that received new events are then scored with the
 * active rule set at `now`, in the same transaction, and promoted across the thresholds.
 */
export async function ingestEvents(
  db: Db,
  items: readonly IncomingEvent[],
  now: Date,
  locate: Locate,
): Promise<IngestResult> {
  const errors: ErrorDetail[] = [];
  const where = (i: number, field: string, reason: string, value?: string) => {
    const loc = locate(i);
    errors.push({
      ...(loc.file === undefined ? {} : { file: loc.file }),
      ...(loc.line === undefined ? {} : { line: loc.line }),
      field: `${loc.field}${field}`,
      reason,
      ...(value === undefined ? {} : { value }),
    });
  };
  items.forEach((e, i) => {
    if ((e.leadId === undefined) === (e.leadExternalId === undefined))
      where(i, 'leadId', 'give exactly one of leadId and leadExternalId');
    if (e.occurredAt.getTime() > now.getTime() + FUTURE_SLACK_MS)
      where(i, 'occurredAt', 'is in the future', e.occurredAt.toISOString());
  });
  const ids = items.flatMap((e) => (e.leadId === undefined ? [] : [e.leadId]));
  const externalIds = items.flatMap((e) => (e.leadExternalId === undefined ? [] : [e.leadExternalId]));
  return db.transaction().execute(async (tx) => {
    const refs = await resolveLeadRefs(tx, ids, externalIds);
    const resolved: NewLeadEvent[] = [];
    items.forEach((e, i) => {
      let leadId: number | undefined;
      if (e.leadId !== undefined) {
        if (refs.byId.has(e.leadId)) leadId = e.leadId;
        else where(i, 'leadId', 'no lead with this id', String(e.leadId));
      } else if (e.leadExternalId !== undefined) {
        leadId = refs.byExternalId.get(e.leadExternalId);
        if (leadId === undefined)
          where(i, 'leadExternalId', 'no lead with this external id', e.leadExternalId);
      }
      if (leadId !== undefined)
        resolved.push({
          externalId: e.id,
          leadId,
          type: e.type,
          url: e.url ?? null,
          occurredAt: e.occurredAt,
          properties: e.properties ?? {},
        });
    });
    if (errors.length > 0) {
      const shown = errors.slice(0, 100);
      throw new AppError(
        'validation',
        `${errors.length} problem${errors.length === 1 ? '' : 's'} in the events; nothing was stored`,
        shown,
      );
    }
    const { inserted, leadIds } = await insertLeadEvents(tx, resolved);
    const rs = await getActiveRuleSet(tx);
    const out = await scoreLeads(tx, rs, now, { leadIds });
    return {
      received: items.length,
      inserted,
      duplicates: items.length - inserted,
      leadsScored: out.scored,
      promoted: out.promoted,
    };
  });
}
