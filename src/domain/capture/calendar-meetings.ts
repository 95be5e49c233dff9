import type { CapturedActivity } from './captured-activity.ts';

/** One occurrence of a calendar event, as read from an ICS file (recurrences already expanded). */
export interface MeetingOccurrence {
  uid: string;
  /** The occurrence's RECURRENCE-ID (its original start), null for a one-off event. */
  recurrenceId: Date | null;
  start: Date;
  end: Date;
  summary: string | null;
  cancelled: boolean;
  attendees: Array<{ email: string; name: string | null }>;
}

/** What an import does with the occurrences: meetings to log, and stored meetings to remove. */
export interface CalendarPlan {
  meetings: CapturedActivity[];
  /** Keys of occurrences that are cancelled (or no longer have an outside attendee): removed when stored. */
  removed: string[];
  skippedInternal: number;
  skippedCancelled: number;
}

/**
 * The stored key of an occurrence, per rep (two reps importing the same meeting each log their own): UID plus
 * RECURRENCE-ID, so an occurrence moved by an override keeps its key, and a re-import updates it.
 */
export function occurrenceKey(userId: number, o: Pick<MeetingOccurrence, 'uid' | 'recurrenceId'>): string {
  return `ics:${userId}:${o.uid}${o.recurrenceId === null ? '' : `:${o.recurrenceId.toISOString()}`}`;
}

/**
 * Meetings with outside attendees become meeting activities of the rep: outcome 'held' once the meeting has ended,
 * 'scheduled' before. The contact is the first outside attendee by address (one activity per meeting, so meeting
 * counts stay meeting counts). A cancelled occurrence is not a meeting: it is not logged, and one logged by an
 * earlier import is removed (it never happened; 'no_show' would blame the other side). See docs/capture.md.
 */
export function planCalendarImport(
  occurrences: readonly MeetingOccurrence[],
  rep: { userId: number; email: string },
  isInternal: (email: string) => boolean,
  now: Date,
): CalendarPlan {
  const plan: CalendarPlan = { meetings: [], removed: [], skippedInternal: 0, skippedCancelled: 0 };
  for (const o of occurrences) {
    const key = occurrenceKey(rep.userId, o);
    if (o.cancelled) {
      plan.removed.push(key);
      plan.skippedCancelled += 1;
      continue;
    }
    const outside = o.attendees
      .filter((a) => a.email !== rep.email && !isInternal(a.email))
      .sort((a, b) => a.email.localeCompare(b.email));
    const first = outside[0];
    if (!first) {
      plan.removed.push(key);
      plan.skippedInternal += 1;
      continue;
    }
    plan.meetings.push({
      externalId: key,
      type: 'meeting',
      direction: 'outbound',
      outcome: o.end.getTime() <= now.getTime() ? 'held' : 'scheduled',
      durationSeconds: Math.min(
        86_400,
        Math.max(0, Math.round((o.end.getTime() - o.start.getTime()) / 1000)),
      ),
      occurredAt: o.start,
      subject: o.summary?.slice(0, 500) ?? null,
      user: { id: rep.userId },
      contact: { email: first.email, name: first.name },
      leadId: null,
      opportunityId: null,
      accountId: null,
    });
  }
  return plan;
}
