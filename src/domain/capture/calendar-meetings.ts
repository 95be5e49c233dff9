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
  /** When the event was set: its CREATED, else its DTSTAMP; null when the file gives neither. */
  created: Date | null;
}

/** What an import does with the occurrences: activities to log, and stored ones to remove. */
export interface CalendarPlan {
  /** Meetings with outside attendees, and internal meetings logged as internal time (type other). */
  meetings: CapturedActivity[];
  /** Keys of occurrences that are cancelled: removed when stored. */
  removed: string[];
  /** Occurrences with no outside attendee, logged as internal_meetings time, not as meetings. */
  internal: number;
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
 * When a meeting was set (activities.booked_at, meetings_booked): the event's CREATED, else DTSTAMP, unless that is
 * after the meeting began: a stamp after the start is an edit or the feed's export time, not the booking.
 */
export function bookedAtOf(o: Pick<MeetingOccurrence, 'created' | 'start'>): Date | null {
  if (o.created === null || Number.isNaN(o.created.getTime())) return null;
  return o.created.getTime() <= o.start.getTime() ? o.created : null;
}

/**
 * Meetings with outside attendees become meeting activities of the rep: outcome 'held' once the meeting has ended,
 * 'scheduled' before; time category 'selling'; booked_at from the event (bookedAtOf). The contact is the first
 * outside attendee by address (one activity per meeting, so meeting counts stay meeting counts). An occurrence with
 * no outside attendee is an internal meeting: logged as type 'other' with time category 'internal_meetings' and no
 * person, so its time counts in the selling-time metrics and it is no meeting, touch or follow-up in any metric. A
 * cancelled occurrence is not logged, and one logged by an earlier import is removed (it never happened; 'no_show'
 * would blame the other side). Both kinds share the occurrence's key, so an event that gains or loses its outside
 * attendees is updated in place. See docs/capture.md.
 */
export function planCalendarImport(
  occurrences: readonly MeetingOccurrence[],
  rep: { userId: number; email: string },
  isInternal: (email: string) => boolean,
  now: Date,
): CalendarPlan {
  const plan: CalendarPlan = { meetings: [], removed: [], internal: 0, skippedCancelled: 0 };
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
    const ended = o.end.getTime() <= now.getTime();
    const common = {
      externalId: key,
      direction: 'outbound' as const,
      durationSeconds: Math.min(
        86_400,
        Math.max(0, Math.round((o.end.getTime() - o.start.getTime()) / 1000)),
      ),
      occurredAt: o.start,
      subject: o.summary?.slice(0, 500) ?? null,
      user: { id: rep.userId },
      leadId: null,
      opportunityId: null,
      accountId: null,
    };
    if (!first) {
      plan.internal += 1;
      // Only 'scheduled' may lie in the future (log-activities.ts); a past internal meeting has no outcome.
      plan.meetings.push({
        ...common,
        type: 'other',
        outcome: ended ? null : 'scheduled',
        contact: null,
        timeCategory: 'internal_meetings',
        bookedAt: null,
      });
      continue;
    }
    plan.meetings.push({
      ...common,
      type: 'meeting',
      outcome: ended ? 'held' : 'scheduled',
      contact: { email: first.email, name: first.name },
      timeCategory: 'selling',
      bookedAt: bookedAtOf(o),
    });
  }
  return plan;
}
