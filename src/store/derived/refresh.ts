import { refreshActivityFlags } from './activity-flags.ts';
import { refreshAddedTouches } from './added-touches.ts';
import { refreshAllTouches, refreshFirstTouchAndResponse, refreshNewProspectFlags } from './first-touch.ts';
import { refreshResponseMinutes } from './lead-response.ts';
import { resolveAffectedPeople, type AffectedPeople, type DbOrTx, type RefreshRequest } from './people.ts';

export type { RefreshRequest } from './people.ts';

/**
 * Recomputes the columns derived from activities for the given people: activities.is_new_prospect,
 * activities.repeat_touch and held_meeting_before (activity-flags.ts), contacts.first_touch_at, leads.first_touch_at / first_response_at / response_business_minutes / sla_deadline_at.
 * Call it inside the write transaction, after writing activities or leads (importers, demo data), and with
 * { all: true, responseMinutesOnly: true } when the time zone, working hours, holidays or lead SLA settings change. Definitions: docs/metrics.md.
 *
 * Inserted activities are best given as `addedActivityIds`: their people are then updated from the stored first
 * touches (cost in proportion to the rows added) rather than recomputed over all their activities; the people
 * in contactIds/leadIds, and any whose stored values do not hold together, are recomputed in full.
 */
export async function refreshDerived(db: DbOrTx, request: RefreshRequest): Promise<void> {
  const resolved = await resolveAffectedPeople(db, request);
  if (request.responseMinutesOnly) {
    await refreshResponseMinutes(db, resolved);
    return;
  }
  let full = resolved;
  let responded: number[] = [];
  if (resolved !== null && request.addedActivityIds && request.addedActivityIds.length > 0) {
    const added = await refreshAddedTouches(db, request.addedActivityIds, resolved);
    responded = added.respondedLeadIds;
    const { suspects } = added;
    if (suspects.contactIds.length > 0 || suspects.leadIds.length > 0)
      full = joinPeople(resolved, await resolveAffectedPeople(db, suspects));
  }
  if (full === null) {
    // Everyone: flags and first touches from one read of the touches.
    await refreshAllTouches(db);
  } else {
    await refreshNewProspectFlags(db, full);
    await refreshFirstTouchAndResponse(db, full);
  }
  // The full set's leads, and the leads whose first response the added touches moved.
  await refreshResponseMinutes(
    db,
    full === null ? null : { contactIds: [], leadIds: [...new Set([...full.leadIds, ...responded])] },
  );
  // Migration 0041's per-row signals (repeat_touch, held_meeting_before): their own pass, in their own file.
  await refreshActivityFlags(db, full, request.addedActivityIds ?? []);
}

function joinPeople(a: AffectedPeople, b: AffectedPeople | null): AffectedPeople {
  return {
    contactIds: [...new Set([...a.contactIds, ...(b?.contactIds ?? [])])],
    leadIds: [...new Set([...a.leadIds, ...(b?.leadIds ?? [])])],
    activityIds: a.activityIds,
  };
}
