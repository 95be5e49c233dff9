import { dateParts, fromDayNumber } from './local-date.ts';

/**
 * Conversions between instants and wall-clock time in an IANA time zone, using only Intl. DST gaps and
 * overlaps are resolved like Temporal's 'compatible' mode: a wall time skipped by a spring-forward is moved
 * forward by the gap, and a wall time that occurs twice resolves to the earlier instant.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone name Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (
      p.type === 'year' ||
      p.type === 'month' ||
      p.type === 'day' ||
      p.type === 'hour' ||
      p.type === 'minute' ||
      p.type === 'second'
    ) {
      out[p.type] = Number(p.value);
    }
  }
  return out;
}

/** Offset of the zone from UTC at instant `ms`, in milliseconds (local = utc + offset), straight from Intl. */
function exactOffsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

// Intl formatting costs tens of microseconds, and response times convert millions of instants, so offsets are
// cached per 6-hour bucket. A bucket whose two ends agree has one offset throughout (zones never change
// twice within 6 hours); a bucket holding a transition is marked and resolved exactly each time.
const BUCKET_MS = 6 * 3_600_000;
const MIXED = Number.NaN;
const offsetCache = new Map<string, Map<number, number>>();

function offsetAt(ms: number, timeZone: string): number {
  let zone = offsetCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsetCache.set(timeZone, zone);
  }
  const bucket = Math.floor(ms / BUCKET_MS);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    const start = exactOffsetAt(bucket * BUCKET_MS, timeZone);
    const end = exactOffsetAt((bucket + 1) * BUCKET_MS - 1000, timeZone);
    offset = start === end ? start : MIXED;
    if (zone.size > 500_000) zone.clear();
    zone.set(bucket, offset);
  }
  return Number.isNaN(offset) ? exactOffsetAt(ms, timeZone) : offset;
}

const DAY_MS = 86_400_000;

/** The instant at which the wall clock in `timeZone` shows `date` plus `minuteOfDay` minutes (may exceed 1440). */
export function localDateToInstant(date: string, timeZone: string, minuteOfDay = 0): Date {
  const { year, month, day } = dateParts(date);
  const wall = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  // Offsets a day either side bracket any single transition near this wall time.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const early = wall - before;
  const late = wall - after;
  const earlyOk = offsetAt(early, timeZone) === before;
  const lateOk = offsetAt(late, timeZone) === after;
  if (earlyOk && lateOk) return new Date(Math.min(early, late));
  if (earlyOk) return new Date(early);
  if (lateOk) return new Date(late);
  // A spring-forward gap: read the wall time with the offset in force before it, which lands after the gap.
  return new Date(early);
}

/** The day number (local-date.ts's dayNumber) of the local date on which instant `ms` falls in `timeZone`. */
export function localDayNumber(ms: number, timeZone: string): number {
  return Math.floor((ms + offsetAt(ms, timeZone)) / DAY_MS);
}

/** The local date, minute of the day and ISO weekday at which instant `d` falls in `timeZone`. */
export function instantToLocal(
  d: Date,
  timeZone: string,
): { date: string; minuteOfDay: number; isoWeekday: number } {
  const local = d.getTime() + offsetAt(d.getTime(), timeZone);
  const day = Math.floor(local / DAY_MS);
  return {
    date: fromDayNumber(day),
    minuteOfDay: Math.floor((local - day * DAY_MS) / 60_000),
    // Day 0 (1970-01-01) was a Thursday.
    isoWeekday: ((((day + 3) % 7) + 7) % 7) + 1,
  };
}
