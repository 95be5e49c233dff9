import {
  businessMinutesBetween,
  leadSlaDeadline,
  type BusinessCalendar,
} from '../domain/calendar/business-time.ts';
import type { DemoDataset } from './dataset.ts';

/** The workspace's lead SLA settings (leadSlaMinutes, leadSlaSameBusinessDay). */
export interface LeadSlaRule {
  minutes: number;
  sameBusinessDay: boolean;
}

/**
 * Fills the derived columns (activities.is_new_prospect, contacts/leads first_touch_at, leads first_response_at,
 * response_business_minutes and sla_deadline_at) with what refreshDerived (src/store/derived, definitions in docs/metrics.md) will
 * compute. refreshDerived still runs after the write and stays authoritative: it rewrites only rows whose value
 * differs, so a correct guess turns its pass from ~20,000 row updates into a read-only check (measured: about a
 * quarter of the default demo's time). Visits activities in write (= id) order: call it after ActivityLog.sortByTime.
 */
export function prefillDerived(ds: DemoDataset, cal: BusinessCalendar, sla: LeadSlaRule): void {
  const convertedContact = new Map<number, number>();
  for (const l of ds.leads) if (l.converted_contact_id) convertedContact.set(l.id, l.converted_contact_id);
  // A person is a contact, or a lead never converted; a converted lead's touches belong to its contact. Keys as
  // in SQL (src/store/derived/scope.ts): contact c is 2c, unconverted lead l is 2l+1; 0 is no person.
  const personOf = (contactId: number | null, leadId: number | null): number => {
    const contact = contactId ?? (leadId ? convertedContact.get(leadId) : undefined);
    if (contact) return contact * 2;
    return leadId ? leadId * 2 + 1 : 0;
  };
  // Outbound touch times are kept only for the people behind leads (first responses); in time order.
  const outboundTouches = new Map<number, number[]>();
  for (const l of ds.leads) outboundTouches.set(personOf(null, l.id), []);
  // First touch (epoch ms) per person key, NaN for none: a flat array, as the keys are dense small integers.
  const firstTouch = new Float64Array(2 * Math.max(ds.contacts.length, ds.leads.length) + 2).fill(Number.NaN);
  const firstTouchOf = (person: number) => {
    const t = firstTouch[person] as number;
    return Number.isNaN(t) ? undefined : t;
  };
  const log = ds.activities;
  // Read straight from the log's columns: an object per activity here cost a second or more at 3.2M rows.
  log.forEachInOrder((i) => {
    log.newProspect[i] = 0;
    if (!log.isTouchAt(i)) return;
    const person = personOf(log.contactAt(i) || null, log.leadAt(i) || null);
    if (person === 0) return;
    const occurredAt = log.timeAt(i);
    if (Number.isNaN(firstTouch[person])) {
      firstTouch[person] = occurredAt;
      log.newProspect[i] = 1;
    }
    if (log.isOutboundAt(i)) outboundTouches.get(person)?.push(occurredAt);
  });
  prefillHeldBefore(ds, convertedContact);
  const instant = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));
  for (let id = 1; id <= ds.contacts.length; id += 1) ds.contacts.setFirstTouch(id, firstTouchOf(id * 2));
  for (const l of ds.leads) {
    const person = personOf(null, l.id);
    l.first_touch_at = instant(firstTouchOf(person));
    const created = l.created_at as Date;
    const response = instant(outboundTouches.get(person)?.find((t) => t >= created.getTime()));
    l.first_response_at = response;
    l.response_business_minutes = response ? businessMinutesBetween(created, response, cal) : null;
    l.sla_deadline_at = leadSlaDeadline(created, cal, sla.minutes, sla.sameBusinessDay);
  }
}

/**
 * activities.held_meeting_before (migration 0041, src/store/derived/activity-flags.ts): a held meeting naming the
 * activity's contact (else its lead's converted contact) or its lead, strictly before it. About one demo activity
 * in six: set here, the refresh's update of them (600k rows at 200 reps) becomes a read-only check.
 */
function prefillHeldBefore(ds: DemoDataset, convertedContact: ReadonlyMap<number, number>): void {
  const log = ds.activities;
  const firstByContact = new Float64Array(ds.contacts.length + 2).fill(Number.POSITIVE_INFINITY);
  const firstByLead = new Float64Array(ds.leads.length + 2).fill(Number.POSITIVE_INFINITY);
  log.forEachInOrder((i) => {
    if (!log.isHeldMeetingAt(i)) return;
    const t = log.timeAt(i);
    const c = log.contactAt(i);
    const l = log.leadAt(i);
    if (c !== 0 && t < (firstByContact[c] as number)) firstByContact[c] = t;
    if (l !== 0 && t < (firstByLead[l] as number)) firstByLead[l] = t;
  });
  log.forEachInOrder((i) => {
    const t = log.timeAt(i);
    const l = log.leadAt(i);
    const c = log.contactAt(i) || (l !== 0 ? (convertedContact.get(l) ?? 0) : 0);
    const held =
      (c !== 0 && (firstByContact[c] as number) < t) || (l !== 0 && (firstByLead[l] as number) < t);
    log.heldBefore[i] = held ? 1 : 0;
  });
}
