import { businessDaysInRange, workingWindow, type BusinessCalendar } from '../calendar/business-time.ts';
import type { Period } from '../calendar/period.ts';
import { instantToLocal } from '../calendar/zoned.ts';

/** Business days of a period: in total, and elapsed at `now` (the current day counts by working hours passed). */
export interface BusinessDayProgress {
  total: number;
  elapsed: number;
}

/**
 * Counts the period's business days (holidays and non-working weekdays excluded) and how many have passed at
 * `now`: whole days before today, plus the share of today's working hours already behind us (0 before opening,
 * 1 after closing), so pacing does not call a rep behind at 09:05 for calls not yet due.
 */
export function businessDayProgress(period: Period, now: Date, cal: BusinessCalendar): BusinessDayProgress {
  const total = businessDaysInRange(period.start, period.end, cal);
  const today = instantToLocal(now, cal.timeZone).date;
  if (today < period.start) return { total, elapsed: 0 };
  if (today >= period.end) return { total, elapsed: total };
  const before = businessDaysInRange(period.start, today, cal);
  const w = workingWindow(today, cal);
  let todayShare = 0;
  if (w) {
    const [open, close] = w;
    todayShare = Math.min(1, Math.max(0, (now.getTime() - open) / (close - open)));
  }
  return { total, elapsed: before + todayShare };
}
