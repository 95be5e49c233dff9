/**
 * Arithmetic on local calendar dates written 'YYYY-MM-DD'. A date is mapped to a day number (days since
 * 1970-01-01) through UTC, which has no DST, so adding days never drifts by an hour.
 */

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date in 'YYYY-MM-DD' form (rejects 2026-02-30). */
export function isLocalDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

// Day numbers use Howard Hinnant's days-from-civil algorithms: pure integer arithmetic, no Date objects or
// regular expressions, because response-time refreshes convert millions of dates.

/** Days since 1970-01-01 for a proleptic Gregorian year, month (1-12) and day. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date; throws on malformed input (an internal invariant). */
export function dayNumber(date: string): number {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-')
    throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31))
    throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  return daysFromCivil(year, month, day);
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** The 'YYYY-MM-DD' date of a day number (years 0-9999). */
export function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Builds 'YYYY-MM-DD' from numeric parts (month 1-12); months and days outside range roll over like Date.UTC. */
export function ymd(year: number, month: number, day: number): string {
  // Date.UTC normalises out-of-range months and days (month 13 = January next year).
  return fromDayNumber(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The date `days` days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** The first day of the month `months` months after the month of `date`. */
export function addMonths(date: string, months: number): string {
  const { year, month } = dateParts(date);
  return ymd(year, month + months, 1);
}

/** Number of days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** Year, month (1-12) and day of a date. */
export function dateParts(date: string): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}
