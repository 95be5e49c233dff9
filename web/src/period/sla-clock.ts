import type { BusinessCalendar } from '../../../src/domain/calendar/business-time.ts';
import type { HolidaysResponse, Settings } from '../api/types/settings.ts';

// The lead SLA deadline is computed by the one shared pure implementation in src/domain (the same code the
// server uses for alerts and response times), never re-implemented here.
export { businessMinutesBetween, leadSlaDeadline } from '../../../src/domain/calendar/business-time.ts';

/** The business calendar from /api/settings plus the resolved days off of /api/holidays. */
export function businessCalendar(settings: Settings, holidays: HolidaysResponse[]): BusinessCalendar {
  return {
    timeZone: settings.timeZone,
    workingDays: settings.workingDays,
    workStartMinute: settings.workStartMinute,
    workEndMinute: settings.workEndMinute,
    holidays: new Set(holidays.flatMap((h) => h.resolved.map((d) => d.date))),
  };
}
