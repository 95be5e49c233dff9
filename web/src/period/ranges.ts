/** A date range with both ends inclusive, as the metrics API takes it ('YYYY-MM-DD' local dates). */
export interface DateRange {
  from: string;
  to: string;
}

/** The period choices offered on dashboards. */
export type RangeChoice = 'today' | 'week' | 'month' | 'quarter' | 'last_month' | 'last_quarter' | 'year';

export const RANGE_CHOICES: readonly RangeChoice[] = [
  'today',
  'week',
  'month',
  'quarter',
  'last_month',
  'last_quarter',
  'year',
];

/** Today's date in the workspace time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Adds whole days to a 'YYYY-MM-DD' date. */
export function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

/** Number of days in an inclusive range. */
export function rangeLength(range: DateRange): number {
  return Math.round((toDate(range.to).getTime() - toDate(range.from).getTime()) / 86_400_000) + 1;
}

function monthStart(year: number, monthIndex: number): string {
  return toIso(new Date(Date.UTC(year, monthIndex, 1)));
}

/** The calendar range for a choice, containing `today` (or the one before it for last_*). Weeks start Monday. */
export function rangeFor(choice: RangeChoice, today: string): DateRange {
  const d = toDate(today);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (choice) {
    case 'today':
      return { from: today, to: today };
    case 'week': {
      const isoWeekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
      const from = addDays(today, 1 - isoWeekday);
      return { from, to: addDays(from, 6) };
    }
    case 'month':
      return { from: monthStart(y, m), to: addDays(monthStart(y, m + 1), -1) };
    case 'last_month':
      return { from: monthStart(y, m - 1), to: addDays(monthStart(y, m), -1) };
    case 'quarter': {
      const q = m - (m % 3);
      return { from: monthStart(y, q), to: addDays(monthStart(y, q + 3), -1) };
    }
    case 'last_quarter': {
      const q = m - (m % 3) - 3;
      return { from: monthStart(y, q), to: addDays(monthStart(y, q + 3), -1) };
    }
    case 'year':
      return { from: monthStart(y, 0), to: addDays(monthStart(y + 1, 0), -1) };
  }
}

/**
 * The comparison range: the same calendar unit just before for whole months/quarters/years, otherwise the
 * same number of days immediately before.
 */
export function previousRange(choice: RangeChoice, range: DateRange): DateRange {
  switch (choice) {
    case 'month':
    case 'last_month':
      return rangeFor('month', addDays(range.from, -1));
    case 'quarter':
    case 'last_quarter':
      return rangeFor('quarter', addDays(range.from, -1));
    case 'year':
      return rangeFor('year', addDays(range.from, -1));
    case 'today':
    case 'week': {
      const days = rangeLength(range);
      return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
    }
  }
}

/** ISO 8601 week-numbering year and week of a date ('2026-W48'). */
export function isoWeekKey(iso: string): string {
  const d = toDate(iso);
  const weekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  // The Thursday of this week decides the week-numbering year.
  const thursday = toDate(addDays(iso, 4 - weekday));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The metrics API period key of a choice ('2026-11-23', '2026-W48', '2026-11', '2026-Q4', '2026'); the server
 * resolves it and its previous period, so month is compared with the whole previous month.
 */
export function periodKeyFor(choice: RangeChoice, today: string): string {
  const range = rangeFor(choice, today);
  const [y, m] = range.from.split('-');
  switch (choice) {
    case 'today':
      return today;
    case 'week':
      return isoWeekKey(today);
    case 'month':
    case 'last_month':
      return `${y}-${m}`;
    case 'quarter':
    case 'last_quarter':
      return `${y}-Q${Math.floor((Number(m) - 1) / 3) + 1}`;
    case 'year':
      return `${y}`;
  }
}
