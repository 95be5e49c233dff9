import { instantToLocal } from '../calendar/zoned.ts';
import type { RepState, SkippedRep } from './types.ts';

/**
 * Why the rep cannot take a lead at `now`, or null when they can. Checked in a fixed order (inactive, weight,
 * out of office, working hours, cap) so the recorded reason is the same on every run. Out-of-office dates and
 * working hours are read in the rep's zone; workspace holidays (local dates) count as non-working days.
 */
export function unavailability(
  rep: RepState,
  now: Date,
  holidays: ReadonlySet<string>,
): Omit<SkippedRep, 'userId'> | null {
  if (!rep.active) return { reason: 'inactive', detail: 'user is inactive' };
  if (rep.weight <= 0) return { reason: 'zero_weight', detail: 'routing weight is 0' };
  const local = instantToLocal(now, rep.hours.timeZone);
  const away = rep.outOfOffice.find((p) => p.from <= local.date && local.date <= p.to);
  if (away) return { reason: 'out_of_office', detail: `out of office ${away.from}..${away.to}` };
  const hh = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const hours = `${hh(rep.hours.startMinute)}-${hh(rep.hours.endMinute)} ${rep.hours.timeZone}`;
  if (!rep.hours.workingDays.includes(local.isoWeekday))
    return { reason: 'outside_hours', detail: `${local.date} is not a working day (${hours})` };
  if (holidays.has(local.date)) return { reason: 'outside_hours', detail: `${local.date} is a holiday` };
  if (local.minuteOfDay < rep.hours.startMinute || local.minuteOfDay >= rep.hours.endMinute)
    return { reason: 'outside_hours', detail: `${hh(local.minuteOfDay)} is outside ${hours}` };
  if (rep.maxOpenLeads !== null && rep.openLeads >= rep.maxOpenLeads)
    return { reason: 'at_cap', detail: `${rep.openLeads} open leads, cap ${rep.maxOpenLeads}` };
  return null;
}
