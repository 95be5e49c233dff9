import ical, { type Attendee, type VEvent } from 'node-ical';
import type { MeetingOccurrence } from '../../domain/capture/calendar-meetings.ts';
import { AppError } from '../../errors.ts';

/**
 * Reads the timed events of an ICS text as occurrences in [from, to]: recurring events are expanded (EXDATEs left
 * out, RECURRENCE-ID overrides applied), TZID zones resolved by node-ical to instants. All-day events are not
 * meetings and are skipped. `file` names the source in errors.
 */
export function readIcsOccurrences(
  text: string,
  window: { from: Date; to: Date },
  file: string,
): MeetingOccurrence[] {
  let parsed: ReturnType<typeof ical.sync.parseICS>;
  try {
    parsed = ical.sync.parseICS(text);
  } catch (err) {
    throw new AppError('validation', `${file} is not a readable ICS calendar`, [
      { file, reason: err instanceof Error ? err.message : String(err) },
    ]);
  }
  const out: MeetingOccurrence[] = [];
  for (const component of Object.values(parsed)) {
    if (component?.type !== 'VEVENT') continue;
    const event = component as VEvent;
    if (!event.start || event.datetype === 'date' || event.start.dateOnly) continue;
    // Overrides parsed as their own VEVENTs are reached through their master's `recurrences`.
    if (event.recurrenceid && !event.rrule) {
      if (isOverrideOfMaster(parsed, event)) continue;
    }
    const instances = ical.expandRecurringEvent(event, { from: window.from, to: window.to });
    for (const inst of instances) {
      if (inst.isFullDay) continue;
      const ev = inst.event;
      const recurrenceId = ev.recurrenceid
        ? new Date(ev.recurrenceid)
        : event.rrule
          ? new Date(inst.start)
          : null;
      out.push({
        uid: event.uid,
        recurrenceId,
        start: new Date(inst.start),
        end: new Date(inst.end ?? inst.start),
        summary: text_(ev.summary ?? event.summary),
        cancelled: (ev.status ?? event.status) === 'CANCELLED',
        attendees: attendeesOf(ev.attendee ?? event.attendee),
        created: createdOf(ev) ?? createdOf(event),
      });
    }
  }
  return out;
}

/** When the event was set: CREATED, else DTSTAMP (an override's own, else its master's). */
function createdOf(ev: VEvent): Date | null {
  const d = ev.created ?? ev.dtstamp;
  if (!d) return null;
  const t = new Date(d);
  return Number.isNaN(t.getTime()) ? null : t;
}

function isOverrideOfMaster(parsed: Record<string, unknown>, event: VEvent): boolean {
  const master = parsed[event.uid] as VEvent | undefined;
  return master !== undefined && master !== event && master.rrule !== undefined;
}

function text_(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'val' in v && typeof v.val === 'string') return v.val;
  return null;
}

function attendeesOf(a: Attendee | Attendee[] | undefined): Array<{ email: string; name: string | null }> {
  const list = a === undefined ? [] : Array.isArray(a) ? a : [a];
  return list.flatMap((x) => {
    const raw = typeof x === 'string' ? x : (x as { val?: string }).val;
    const params =
      typeof x === 'object' && x !== null && 'params' in x ? (x.params as { CN?: string }) : undefined;
    const email = raw
      ?.replace(/^mailto:/i, '')
      .trim()
      .toLowerCase();
    if (!email || !email.includes('@')) return [];
    const cn = params?.CN?.replace(/^"|"$/g, '') ?? null;
    return [{ email, name: cn }];
  });
}
