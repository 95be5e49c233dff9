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
  const firstTouch = new Map<number, number>();
  const log = ds.activities;
  log.forEachInOrder((i) => {
    const a = log.at(i);
    log.newProspect[i] = 0;
    const isTouch = a.direction === 'outbound' || a.type === 'meeting';
    const person = isTouch ? personOf(a.contactId, a.leadId) : 0;
    if (person === 0) return;
    if (!firstTouch.has(person)) {
      firstTouch.set(person, a.occurredAt);
      log.newProspect[i] = 1;
    }
    if (a.direction === 'outbound') outboundTouches.get(person)?.push(a.occurredAt);
  });
  const instant = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));
  for (let id = 1; id <= ds.contacts.length; id += 1) ds.contacts.setFirstTouch(id, firstTouch.get(id * 2));
  for (const l of ds.leads) {
    const person = personOf(null, l.id);
    l.first_touch_at = instant(firstTouch.get(person));
    const created = l.created_at as Date;
    const response = instant(outboundTouches.get(person)?.find((t) => t >= created.getTime()));
    l.first_response_at = response;
    l.response_business_minutes = response ? businessMinutesBetween(created, response, cal) : null;
    l.sla_deadline_at = leadSlaDeadline(created, cal, sla.minutes, sla.sameBusinessDay);
  }
}
