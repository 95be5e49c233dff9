import { leadSlaDeadline, type BusinessCalendar } from '../calendar/business-time.ts';

const DAY_MS = 86_400_000;
/** Far enough back that any SLA deadline has passed (an SLA longer than a year of business time is not one). */
const LOOKBACK_DAYS = 800;

/**
 * The latest creation instant whose SLA deadline is at or before `now`: uncontacted leads created then or earlier
 * have missed the SLA, later ones are still within it. Deadlines never move earlier for a later lead, so a binary
 * search over creation time (to the second) finds the boundary without reading any lead.
 */
export function slaDecidedBefore(
  now: Date,
  cal: BusinessCalendar,
  slaMinutes: number,
  sameBusinessDay: boolean,
): Date {
  let lo = now.getTime() - LOOKBACK_DAYS * DAY_MS;
  let hi = now.getTime();
  const passed = (t: number) =>
    leadSlaDeadline(new Date(t), cal, slaMinutes, sameBusinessDay).getTime() <= now.getTime();
  if (passed(hi)) return new Date(hi);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (passed(mid)) lo = mid;
    else hi = mid;
  }
  return new Date(lo);
}
