import { periodContaining } from '../../../src/domain/calendar/period.ts';

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

/**
 * The workspace week containing `date` (weeks start on ISO weekday `weekStartDay`, the workspace's first day of the
 * week), with its key: the server's own calendar (src/domain/calendar/period.ts), so page and API agree on weeks.
 */
export function weekOf(date: string, weekStartDay: number): DateRange & { key: string } {
  // Weeks do not depend on the fiscal year; the month is only there to complete the calendar.
  const p = periodContaining(date, 'week', { fiscalYearStartMonth: 1, weekStartDay });
  return { key: p.key, from: p.start, to: addDays(p.end, -1) };
}

/** Choices whose range does not depend on the first day of the week. */
type WeekFree = Exclude<RangeChoice, 'week'>;

function needWeekStart(weekStartDay: number | undefined): number {
  if (weekStartDay === undefined) throw new Error('a week needs the workspace weekStartDay');
  return weekStartDay;
}

/**
 * The calendar range for a choice, containing `today` (or the one before it for last_*). Weeks start on the
 * workspace's first day of the week (`weekStartDay`, ISO 1 = Monday ... 7 = Sunday), which any choice that may be
 * a week must pass.
 */
export function rangeFor(choice: WeekFree, today: string, weekStartDay?: number): DateRange;
export function rangeFor(choice: RangeChoice, today: string, weekStartDay: number): DateRange;
export function rangeFor(choice: RangeChoice, today: string, weekStartDay?: number): DateRange {
  const d = toDate(today);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (choice) {
    case 'today':
      return { from: today, to: today };
    case 'week': {
      const { from, to } = weekOf(today, needWeekStart(weekStartDay));
      return { from, to };
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

/**
 * The metrics API period key of a choice ('2026-11-23', '2026-W48', '2026-11', '2026-Q4', '2026'); the server
 * resolves it and its previous period, so month is compared with the whole previous month. A week's key names
 * the ISO week of the Monday inside it (see Period in src/domain/calendar/period.ts).
 */
export function periodKeyFor(choice: WeekFree, today: string, weekStartDay?: number): string;
export function periodKeyFor(choice: RangeChoice, today: string, weekStartDay: number): string;
export function periodKeyFor(choice: RangeChoice, today: string, weekStartDay?: number): string {
  if (choice === 'week') return weekOf(today, needWeekStart(weekStartDay)).key;
  const range = rangeFor(choice, today);
  const [y, m] = range.from.split('-');
  switch (choice) {
    case 'today':
      return today;
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
