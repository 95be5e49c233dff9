import { dateParts, dayNumber, fromDayNumber, ymd } from '../domain/calendar/local-date.ts';

// Day arithmetic (addDays, daysBetween, isoWeekday) comes from the calendar module; these are the few extra
// helpers the demo needs on local 'YYYY-MM-DD' dates.

/** The same day `months` months later (or earlier), clamped to the target month's last day (Jan 31 + 1 = Feb 28). */
export function sameDayMonthsLater(date: string, months: number): string {
  const { year, month, day } = dateParts(date);
  const last = lastDayOfMonth(ymd(year, month + months, 1));
  return ymd(year, month + months, Math.min(day, Number(last.slice(8, 10))));
}

/** Last day of the date's month. */
export function lastDayOfMonth(date: string): string {
  const { year, month } = dateParts(date);
  return ymd(year, month + 1, 0);
}

/** Calendar quarter key of a date, e.g. '2026-Q4'. */
export function quarterKey(date: string): string {
  const { year, month } = dateParts(date);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** First day of the calendar quarter with the given key. */
export function quarterStart(key: string): string {
  const [year, q] = key.split('-Q').map(Number) as [number, number];
  return ymd(year, (q - 1) * 3 + 1, 1);
}

// The simulation does millions of day steps over a few hundred distinct dates; memoizing the string <-> day
// number conversions takes date arithmetic from most of the generation time to almost nothing.
const dayNumbers = new Map<string, number>();
const dates = new Map<number, string>();

function dayNo(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = dayNumber(date);
    dayNumbers.set(date, n);
  }
  return n;
}

/** addDays from the calendar module, memoized. */
export function plusDays(date: string, days: number): string {
  const n = dayNo(date) + days;
  let d = dates.get(n);
  if (d === undefined) {
    d = fromDayNumber(n);
    dates.set(n, d);
  }
  return d;
}

/** daysBetween from the calendar module (b - a), memoized. */
export function dayDiff(a: string, b: string): number {
  return dayNo(b) - dayNo(a);
}
