import { refreshFirstTouchAndResponse, refreshNewProspectFlags } from './first-touch.ts';
import { refreshResponseMinutes } from './lead-response.ts';
import { resolveAffectedPeople, type DbOrTx, type RefreshRequest } from './people.ts';

export type { RefreshRequest } from './people.ts';

/**
 * Recomputes the columns derived from activities for the given people: activities.is_new_prospect,
 * contacts.first_touch_at, leads.first_touch_at / first_response_at / response_business_minutes / sla_deadline_at.
 * Call it inside the write transaction, after writing activities or leads (importers, demo data), and with
 * { all: true, responseMinutesOnly: true } when the time zone, working hours, holidays or lead SLA settings change. Definitions: docs/metrics.md.
 */
export async function refreshDerived(db: DbOrTx, request: RefreshRequest): Promise<void> {
  const resolved = await resolveAffectedPeople(db, request);
  if (request.responseMinutesOnly) {
    await refreshResponseMinutes(db, resolved);
    return;
  }
  await refreshNewProspectFlags(db, resolved);
  await refreshFirstTouchAndResponse(db, resolved);
  await refreshResponseMinutes(db, resolved);
}
