import { addDays, dayNumber, fromDayNumber, isoWeekday } from './local-date.ts';
import { instantToLocal, localDateToInstant } from './zoned.ts';

/** When the team works: the workspace's zone, working weekdays and hours, and the holidays taken off. */
export interface BusinessCalendar {
  timeZone: string;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  workingDays: number[];
  /** Minutes after local midnight. */
  workStartMinute: number;
  workEndMinute: number;
  /** Local 'YYYY-MM-DD' dates that are not worked even on a working weekday. */
  holidays: ReadonlySet<string>;
}

const MINUTE_MS = 60_000;
/** addBusinessMinutes gives up after this many calendar days: a calendar with no working time is a bug. */
const MAX_SCAN_DAYS = 3_700;

// Working windows are the same for every lead on a given day, so they are computed once per calendar and day.
// Calendars are treated as immutable values.
const windowCache = new WeakMap<BusinessCalendar, Map<string, readonly [number, number] | null>>();

/** True when `date` is a working weekday that is not a holiday. */
export function isBusinessDay(date: string, cal: BusinessCalendar): boolean {
  return cal.workingDays.includes(isoWeekday(date)) && !cal.holidays.has(date);
}

/**
 * The working window of local date `date` as epoch milliseconds [open, close), or null on a non-business day.
 * Measured in real elapsed time, so a window spanning a DST change is an hour shorter or longer.
 */
export function workingWindow(date: string, cal: BusinessCalendar): readonly [number, number] | null {
  let days = windowCache.get(cal);
  if (!days) {
    days = new Map();
    windowCache.set(cal, days);
  }
  const cached = days.get(date);
  if (cached !== undefined) return cached;
  const window = isBusinessDay(date, cal)
    ? ([
        localDateToInstant(date, cal.timeZone, cal.workStartMinute).getTime(),
        localDateToInstant(date, cal.timeZone, cal.workEndMinute).getTime(),
      ] as const)
    : null;
  days.set(date, window);
  return window;
}

// Prefix sums of working milliseconds per day, so a span of months costs two look-ups instead of a day loop.
// cum[i] = working ms of days base .. base+i-1.
const prefixCache = new WeakMap<BusinessCalendar, { base: number; cum: number[] }>();

/** Working milliseconds in the whole local days [fromDay, toDay) (day numbers). */
function workingMsInDays(fromDay: number, toDay: number, cal: BusinessCalendar): number {
  if (toDay <= fromDay) return 0;
  let p = prefixCache.get(cal);
  if (!p || fromDay < p.base || toDay > p.base + p.cum.length - 1) {
    // Rebuild covering the old range and the new one, with a year of slack each way.
    const base = Math.min(fromDay, p?.base ?? fromDay) - 366;
    const end = Math.max(toDay, p ? p.base + p.cum.length - 1 : toDay) + 366;
    const cum = [0];
    for (let d = base; d < end; d += 1) {
      const w = workingWindow(fromDayNumber(d), cal);
      cum.push(cum[cum.length - 1]! + (w ? w[1] - w[0] : 0));
    }
    p = { base, cum };
    prefixCache.set(cal, p);
  }
  return p.cum[toDay - p.base]! - p.cum[fromDay - p.base]!;
}

/** Working milliseconds of local date `date` that fall inside [a, b). */
function workingMsOfDayWithin(date: string, a: number, b: number, cal: BusinessCalendar): number {
  const w = workingWindow(date, cal);
  if (!w) return 0;
  const s = Math.max(w[0], a);
  const e = Math.min(w[1], b);
  return e > s ? e - s : 0;
}

/**
 * Whole business minutes between two instants (0 when `to` is not after `from`): the working time inside
 * [from, to), summed in milliseconds and rounded down, so a reply after 59 seconds counts 0 minutes.
 */
export function businessMinutesBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return 0;
  const first = instantToLocal(from, cal.timeZone).date;
  const last = instantToLocal(to, cal.timeZone).date;
  let total = workingMsOfDayWithin(first, a, b, cal);
  if (last !== first) {
    total += workingMsInDays(dayNumber(first) + 1, dayNumber(last), cal);
    total += workingMsOfDayWithin(last, a, b, cal);
  }
  return Math.floor(total / MINUTE_MS);
}

/**
 * The instant `minutes` business minutes after `from`. Time before opening, after closing and on non-business
 * days does not count; with 0 minutes the result is the next instant business time runs (or `from` itself).
 */
export function addBusinessMinutes(from: Date, minutes: number, cal: BusinessCalendar): Date {
  if (!(minutes >= 0)) throw new Error(`addBusinessMinutes needs minutes >= 0, got ${minutes}`);
  const a = from.getTime();
  let remaining = minutes * MINUTE_MS;
  let d = instantToLocal(from, cal.timeZone).date;
  for (let i = 0; i < MAX_SCAN_DAYS; i += 1, d = addDays(d, 1)) {
    const w = workingWindow(d, cal);
    if (!w || w[1] <= a) continue;
    const s = Math.max(w[0], a);
    const available = w[1] - s;
    if (remaining <= available) return new Date(s + remaining);
    remaining -= available;
  }
  throw new Error(
    'The business calendar has no working time in ten years (no working days, or all holidays)',
  );
}

/** Number of business days among the local dates [start, endExclusive). */
export function businessDaysInRange(start: string, endExclusive: string, cal: BusinessCalendar): number {
  let n = 0;
  for (let d = start; d < endExclusive; d = addDays(d, 1)) if (isBusinessDay(d, cal)) n += 1;
  return n;
}

/**
 * When a lead created at `createdAt` must have been contacted.
 *
 * The SLA clock starts at `createdAt` when that is inside working hours, else at the next working-day opening,
 * and runs for `slaMinutes` business minutes (carrying over closings, weekends and holidays). With
 * `sameBusinessDay` the deadline is also capped at the close of the working day the clock started on, so a lead
 * arriving at 17:30 with a 60-minute SLA and an 18:00 close is due at 18:00 that day (09:30 the next business
 * day without the rule); a lead arriving after hours starts its clock at the next opening either way.
 */
export function leadSlaDeadline(
  createdAt: Date,
  cal: BusinessCalendar,
  slaMinutes: number,
  sameBusinessDay: boolean,
): Date {
  const deadline = addBusinessMinutes(createdAt, slaMinutes, cal);
  if (!sameBusinessDay) return deadline;
  const clockStart = addBusinessMinutes(createdAt, 0, cal);
  const w = workingWindow(instantToLocal(clockStart, cal.timeZone).date, cal);
  // The clock always starts inside a working window; the guard only keeps the types honest.
  if (!w) return deadline;
  return deadline.getTime() > w[1] ? new Date(w[1]) : deadline;
}
