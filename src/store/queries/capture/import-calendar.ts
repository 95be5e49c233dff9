import { sql } from 'kysely';
import { SYSTEM_VIEWER } from '../../../domain/access/viewer.ts';
import { planCalendarImport, type MeetingOccurrence } from '../../../domain/capture/calendar-meetings.ts';
import { MAX_CAPTURED_PER_REQUEST } from '../../../domain/capture/captured-activity.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { refreshDerived } from '../../derived/refresh.ts';
import { getCaptureSettings } from '../../tables/capture-settings.ts';
import { logActivities } from './log-activities.ts';

export interface CalendarImportSummary {
  occurrences: number;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Occurrences without an outside attendee, logged as internal_meetings time (type other), not as meetings. */
  internal: number;
  skippedCancelled: number;
}

/**
 * Logs a rep's calendar occurrences (read-ics.ts) in one transaction: meetings with outside attendees as meetings,
 * the others as internal meeting time (planCalendarImport), upserted by UID + RECURRENCE-ID (a re-import updates,
 * never duplicates); stored occurrences now cancelled are removed. Internal: a user's address or one in the
 * capture settings' domains.
 */
export async function importCalendar(
  db: Db,
  input: { userEmail: string; occurrences: readonly MeetingOccurrence[]; now: Date },
): Promise<CalendarImportSummary> {
  const email = input.userEmail.trim().toLowerCase();
  return db.transaction().execute(async (tx) => {
    const rep = await tx
      .selectFrom('users')
      .select('id')
      .where(sql<string>`lower(email)`, '=', email)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!rep)
      throw new AppError('validation', `No active user ${input.userEmail}`, [
        { field: 'user', value: input.userEmail, reason: 'no active user with this e-mail' },
      ]);
    const users = new Set(
      (
        await tx
          .selectFrom('users')
          .select(sql<string>`lower(email)`.as('email'))
          .execute()
      ).map((u) => u.email),
    );
    const { allowedDomains } = await getCaptureSettings(tx);
    const isInternal = (a: string) =>
      users.has(a) || allowedDomains.includes(a.slice(a.lastIndexOf('@') + 1));
    const plan = planCalendarImport(input.occurrences, { userId: rep.id, email }, isInternal, input.now);
    let removed = 0;
    if (plan.removed.length > 0) {
      const gone = await tx
        .deleteFrom('activities')
        .where('external_id', 'in', plan.removed)
        .returning(['contact_id', 'lead_id'])
        .execute();
      removed = gone.length;
      if (gone.length > 0)
        await refreshDerived(tx, {
          contactIds: gone.flatMap((g) => (g.contact_id === null ? [] : [g.contact_id])),
          leadIds: gone.flatMap((g) => (g.lead_id === null ? [] : [g.lead_id])),
        });
    }
    const totals = { created: 0, updated: 0, unchanged: 0 };
    for (let i = 0; i < plan.meetings.length; i += MAX_CAPTURED_PER_REQUEST) {
      const chunk = plan.meetings.slice(i, i + MAX_CAPTURED_PER_REQUEST);
      const r = await logActivities(
        tx,
        SYSTEM_VIEWER,
        chunk,
        (j) => `events[${i + j}].`,
        {
          createContacts: true,
          channel: 'calendar',
          loggedVia: 'calendar',
        },
        input.now,
      );
      totals.created += r.created;
      totals.updated += r.updated;
      totals.unchanged += r.unchanged;
    }
    return {
      occurrences: input.occurrences.length,
      ...totals,
      removed,
      internal: plan.internal,
      skippedCancelled: plan.skippedCancelled,
    };
  });
}
