import { sql } from 'kysely';
import { leadSlaDeadline } from '../../../domain/calendar/business-time.ts';
import type { Db } from '../../db.ts';
import { inTransaction } from '../../in-transaction.ts';
import { getBusinessCalendar } from '../../tables/calendar.ts';
import { getSettings } from '../../tables/settings.ts';
import { enqueueDeliveries } from './deliveries.ts';

/** Leads older than this are not checked any more (an outage longer than this raises no late alerts). */
const LOOKBACK_DAYS = 14;

/** Counts from one check, for the job log and tests. */
export interface SlaCheckSummary {
  candidates: number;
  breaches: number;
  raised: number;
  deliveries: number;
}

/** The webhook body for a raised SLA alert (documented in docs/goals.md). */
export interface LeadSlaAlertPayload {
  event: 'alert.raised';
  alert: {
    id: number;
    kind: 'lead_sla';
    leadId: number;
    leadName: string;
    leadSource: string | null;
    leadCreatedAt: string;
    dueAt: string;
    raisedAt: string;
    owner: { id: number; name: string; email: string } | null;
    manager: { id: number; name: string; email: string } | null;
  };
}

/**
 * Raises one alert per lead whose first response missed its SLA deadline (settings.lead_sla_minutes business
 * minutes, optionally also the same business day; see calendar's leadSlaDeadline). The owner's team manager is
 * the second recipient (the parent team's manager when the owner manages the team). Idempotent and safe to run
 * concurrently: the alert insert is ON CONFLICT DO NOTHING on unique (kind, lead_id), and outbox rows are written
 * only for alerts this transaction actually inserted.
 */
export async function checkLeadSla(db: Db, now: Date): Promise<SlaCheckSummary> {
  const settings = await getSettings(db);
  const year = Number(now.toISOString().slice(0, 4));
  const cal = await getBusinessCalendar(db, year - 1, year + 1);
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
  // The deadline refreshDerived stored (leads.sla_deadline_at) decides in SQL; a lead not refreshed yet (null)
  // is a candidate and gets its deadline from the calendar below.
  const candidates = await db
    .selectFrom('leads as l')
    .leftJoin('users as o', 'o.id', 'l.owner_id')
    .leftJoin('teams as t', 't.id', 'o.team_id')
    .leftJoin('teams as pt', 'pt.id', 't.parent_team_id')
    .leftJoin('users as m', (j) =>
      j.onRef('m.id', '=', sql<number>`coalesce(nullif(t.manager_id, l.owner_id), pt.manager_id)`),
    )
    .select([
      'l.id',
      'l.name',
      'l.source',
      'l.created_at',
      'l.first_response_at',
      'l.sla_deadline_at',
      'l.owner_id',
      'o.name as owner_name',
      'o.email as owner_email',
      'm.id as manager_id',
      'm.name as manager_name',
      'm.email as manager_email',
    ])
    .where('l.created_at', '>=', since)
    .where('l.created_at', '<=', now)
    .where('l.status', '!=', 'disqualified')
    .where((eb) =>
      eb.or([
        eb('l.sla_deadline_at', 'is', null),
        eb.and([
          eb('l.sla_deadline_at', '<=', now),
          eb.or([
            eb('l.first_response_at', 'is', null),
            eb('l.first_response_at', '>', eb.ref('l.sla_deadline_at')),
          ]),
        ]),
      ]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('alerts as a')
            .select('a.id')
            .where('a.kind', '=', 'lead_sla')
            .whereRef('a.lead_id', '=', 'l.id'),
        ),
      ),
    )
    .orderBy('l.id')
    .execute();

  const breaches = candidates
    .map((c) => ({
      c,
      due:
        c.sla_deadline_at ??
        leadSlaDeadline(c.created_at, cal, settings.leadSlaMinutes, settings.leadSlaSameBusinessDay),
    }))
    .filter(({ c, due }) => due <= now && (c.first_response_at === null || c.first_response_at > due));

  const summary: SlaCheckSummary = {
    candidates: candidates.length,
    breaches: breaches.length,
    raised: 0,
    deliveries: 0,
  };
  if (breaches.length === 0) return summary;

  await inTransaction(db, async (tx) => {
    const inserted = await tx
      .insertInto('alerts')
      .values(
        breaches.map(({ c, due }) => ({
          kind: 'lead_sla' as const,
          lead_id: c.id,
          owner_id: c.owner_id,
          manager_id: c.manager_id,
          due_at: due,
          raised_at: now,
          details: JSON.stringify({
            slaMinutes: settings.leadSlaMinutes,
            sameBusinessDay: settings.leadSlaSameBusinessDay,
          }),
        })),
      )
      .onConflict((oc) => oc.columns(['kind', 'lead_id']).doNothing())
      .returning(['id', 'lead_id'])
      .execute();
    const byLead = new Map(breaches.map((b) => [b.c.id, b]));
    const items = inserted.flatMap((row) => {
      const b = row.lead_id === null ? undefined : byLead.get(row.lead_id);
      if (!b) return [];
      const payload: LeadSlaAlertPayload = {
        event: 'alert.raised',
        alert: {
          id: row.id,
          kind: 'lead_sla',
          leadId: b.c.id,
          leadName: b.c.name,
          leadSource: b.c.source,
          leadCreatedAt: b.c.created_at.toISOString(),
          dueAt: b.due.toISOString(),
          raisedAt: now.toISOString(),
          owner:
            b.c.owner_id !== null
              ? { id: b.c.owner_id, name: b.c.owner_name ?? '', email: b.c.owner_email ?? '' }
              : null,
          manager:
            b.c.manager_id !== null
              ? { id: b.c.manager_id, name: b.c.manager_name ?? '', email: b.c.manager_email ?? '' }
              : null,
        },
      };
      return [{ alertId: row.id, body: JSON.stringify(payload) }];
    });
    summary.deliveries = await enqueueDeliveries(tx, 'alert.raised', items, now);
    summary.raised = inserted.length;
  });
  return summary;
}
