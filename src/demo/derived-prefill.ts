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
 * quarter of the default demo's time). Expects activities sorted by occurred_at, in insert (= id) order.
 */
export function prefillDerived(ds: DemoDataset, cal: BusinessCalendar, sla: LeadSlaRule): void {
  const convertedContact = new Map<number, number>();
  for (const l of ds.leads) if (l.converted_contact_id) convertedContact.set(l.id, l.converted_contact_id);
  // A person is a contact, or a lead never converted; a converted lead's touches belong to its contact.
  const personOf = (
    contactId: number | null | undefined,
    leadId: number | null | undefined,
  ): string | null => {
    const contact = contactId ?? (leadId ? convertedContact.get(leadId) : undefined);
    if (contact) return `c${contact}`;
    return leadId ? `l${leadId}` : null;
  };
  const firstTouch = new Map<string, Date>();
  const outboundTouches = new Map<string, Date[]>();
  for (const a of ds.activities) {
    a.is_new_prospect = false;
    const isTouch = a.direction === 'outbound' || a.type === 'meeting';
    const person = isTouch ? personOf(a.contact_id, a.lead_id) : null;
    if (!person) continue;
    const at = a.occurred_at as Date;
    if (!firstTouch.has(person)) {
      firstTouch.set(person, at);
      a.is_new_prospect = true;
    }
    if (a.direction === 'outbound') {
      const list = outboundTouches.get(person);
      if (list) list.push(at);
      else outboundTouches.set(person, [at]);
    }
  }
  for (const c of ds.contacts) c.first_touch_at = firstTouch.get(`c${c.id}`) ?? null;
  for (const l of ds.leads) {
    const person = personOf(null, l.id) as string;
    l.first_touch_at = firstTouch.get(person) ?? null;
    const created = l.created_at as Date;
    const response = outboundTouches.get(person)?.find((t) => t.getTime() >= created.getTime()) ?? null;
    l.first_response_at = response;
    l.response_business_minutes = response ? businessMinutesBetween(created, response, cal) : null;
    l.sla_deadline_at = leadSlaDeadline(created, cal, sla.minutes, sla.sameBusinessDay);
  }
}
