import { AppError, type ErrorRule } from '../../errors.ts';
import { addDays, addMonths, dateParts, dayNumber, isLocalDate, isoWeekday, ymd } from './local-date.ts';

/** The bucket sizes reports group by. */
export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * A span of local dates in the workspace time zone: `start` inclusive, `end` EXCLUSIVE, both 'YYYY-MM-DD'.
 * Keys: '2026-11-23', '2026-W47' (week), '2026-11', '2026-Q3', '2026', 'FY2027', 'FY2027-Q1', and
 * '2026-07-01..2026-09-30' for custom ranges.
 *
 * Weeks start on the workspace's first day of the week (PeriodCalendar.weekStartDay) and are NAMED BY THE ISO
 * WEEK OF THE MONDAY THEY CONTAIN: any seven consecutive days hold exactly one Monday. With a Monday start the
 * key is the ISO week itself; with a Sunday start '2026-W47' is Sun 2026-11-15 .. Sat 2026-11-21; with a
 * Saturday start it is Sat 2026-11-14 .. Fri 2026-11-20. So a key keeps meaning "the week around that ISO
 * week's Monday" whatever the start day, and keys saved under a Monday start keep their meaning.
 */
export interface Period {
  key: string;
  grain: Grain | 'custom';
  start: string;
  end: string;
}

/**
 * What period math needs to know about the workspace calendar. WorkspaceSettings satisfies it, so callers
 * pass their settings object.
 */
export interface PeriodCalendar {
  /** Month (1-12) in which the fiscal year starts. */
  fiscalYearStartMonth: number;
  /** ISO weekday (1 = Monday ... 7 = Sunday) on which weeks start. */
  weekStartDay: number;
}

/** The grains, in order, for validation and UI lists. */
export const GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year'];

/*
 * Fiscal years are named after the calendar year in which they END (the common CRM convention): with a
 * fiscal year starting in February, FY2027 runs 2026-02-01 .. 2027-01-31. With a January start, FY2027 is
 * simply 2027. Quarter and year periods use fiscal keys ('FY2027-Q1') whenever the fiscal year does not start
 * in January, so buckets line up with how the business plans.
 */

function invalid(key: string, reason: string, field = 'period', rule?: ErrorRule): AppError {
  return new AppError('validation', `Invalid ${field} '${key}': ${reason}`, [
    { field, value: key, reason, ...(rule ? { rule } : {}) },
  ]);
}

/**
 * Years a period or report date may name. Sales data lives well inside them, and the bound keeps every
 * derived date (the period's end, the previous period, the workspace time zone shift) a valid four-digit
 * date for JavaScript and PostgreSQL alike: year 0 does not exist there and year 10000 does not parse.
 */
export const PERIOD_YEARS = { min: 1900, max: 2999 } as const;

function checkYear(year: number, key: string, field = 'period'): void {
  if (year < PERIOD_YEARS.min || year > PERIOD_YEARS.max) {
    throw invalid(key, `years ${PERIOD_YEARS.min}-${PERIOD_YEARS.max} only`, field, 'year_range');
  }
}

/**
 * A report date given on its own ('from', 'to'): a real YYYY-MM-DD date within PERIOD_YEARS, else a
 * validation error naming `field`.
 */
export function checkReportDate(date: string, field: string): void {
  if (!isLocalDate(date))
    throw invalid(date, 'expected a YYYY-MM-DD date that exists', field, 'invalid_date');
  checkYear(dateParts(date).year, date, field);
}

function checkCalendar(cal: PeriodCalendar): void {
  const { fiscalYearStartMonth, weekStartDay } = cal;
  if (!Number.isInteger(fiscalYearStartMonth) || fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
    throw new Error(`fiscalYearStartMonth must be 1-12, got ${fiscalYearStartMonth}`);
  }
  if (!Number.isInteger(weekStartDay) || weekStartDay < 1 || weekStartDay > 7) {
    throw new Error(`weekStartDay must be 1-7, got ${weekStartDay}`);
  }
}

/** First day of fiscal year `fy` (named by the year it ends in). */
export function fiscalYearStart(fy: number, fiscalYearStartMonth: number): string {
  return fiscalYearStartMonth === 1 ? ymd(fy, 1, 1) : ymd(fy - 1, fiscalYearStartMonth, 1);
}

/** The fiscal year (named by the year it ends in) that contains `date`. */
export function fiscalYearOf(date: string, fiscalYearStartMonth: number): number {
  const { year, month } = dateParts(date);
  return fiscalYearStartMonth === 1 || month < fiscalYearStartMonth ? year : year + 1;
}

/** Monday of the ISO week containing `date`. */
function isoWeekMonday(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** Days from the first day of a week starting on `weekStartDay` to the Monday inside it (0-6). */
export function mondayOffset(weekStartDay: number): number {
  return (8 - weekStartDay) % 7;
}

/** First day of the week (starting on ISO weekday `weekStartDay`) that contains `date`. */
export function weekStart(date: string, weekStartDay: number): string {
  return addDays(date, -((isoWeekday(date) - weekStartDay + 7) % 7));
}

/** ISO week-numbering year and week of `date`. */
export function isoWeekOf(date: string): { year: number; week: number } {
  const thursday = addDays(isoWeekMonday(date), 3);
  const year = dateParts(thursday).year;
  const week = Math.floor((dayNumber(thursday) - dayNumber(ymd(year, 1, 1))) / 7) + 1;
  return { year, week };
}

/** Number of ISO weeks (52 or 53) in ISO year `year`: Dec 28 always lies in the last week. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(ymd(year, 12, 28)).week;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function dayPeriod(date: string): Period {
  return { key: date, grain: 'day', start: date, end: addDays(date, 1) };
}

function weekPeriod(date: string, weekStartDay: number): Period {
  const start = weekStart(date, weekStartDay);
  // The week is named by the ISO week of its Monday (see Period).
  const { year, week } = isoWeekOf(addDays(start, mondayOffset(weekStartDay)));
  return { key: `${year}-W${pad2(week)}`, grain: 'week', start, end: addDays(start, 7) };
}

function monthPeriod(date: string): Period {
  const { year, month } = dateParts(date);
  const start = ymd(year, month, 1);
  return { key: `${year}-${pad2(month)}`, grain: 'month', start, end: addMonths(start, 1) };
}

function calendarQuarter(date: string): Period {
  const { year, month } = dateParts(date);
  const q = Math.floor((month - 1) / 3) + 1;
  const start = ymd(year, (q - 1) * 3 + 1, 1);
  return { key: `${year}-Q${q}`, grain: 'quarter', start, end: addMonths(start, 3) };
}

function calendarYear(date: string): Period {
  const { year } = dateParts(date);
  return { key: String(year), grain: 'year', start: ymd(year, 1, 1), end: ymd(year + 1, 1, 1) };
}

function fiscalQuarter(date: string, fiscalYearStartMonth: number): Period {
  const fy = fiscalYearOf(date, fiscalYearStartMonth);
  const fyStart = fiscalYearStart(fy, fiscalYearStartMonth);
  const { year, month } = dateParts(date);
  const s = dateParts(fyStart);
  const monthsIn = (year - s.year) * 12 + (month - s.month);
  const q = Math.floor(monthsIn / 3) + 1;
  const start = addMonths(fyStart, (q - 1) * 3);
  return { key: `FY${fy}-Q${q}`, grain: 'quarter', start, end: addMonths(start, 3) };
}

function fiscalYear(date: string, fiscalYearStartMonth: number): Period {
  const fy = fiscalYearOf(date, fiscalYearStartMonth);
  const start = fiscalYearStart(fy, fiscalYearStartMonth);
  return { key: `FY${fy}`, grain: 'year', start, end: addMonths(start, 12) };
}

/** Whether quarters and years follow the fiscal calendar for this start month. */
function usesFiscal(fiscalYearStartMonth: number): boolean {
  return fiscalYearStartMonth !== 1;
}

function containing(date: string, grain: Grain, cal: PeriodCalendar, fiscal: boolean): Period {
  const { fiscalYearStartMonth } = cal;
  switch (grain) {
    case 'day':
      return dayPeriod(date);
    case 'week':
      return weekPeriod(date, cal.weekStartDay);
    case 'month':
      return monthPeriod(date);
    case 'quarter':
      return fiscal ? fiscalQuarter(date, fiscalYearStartMonth) : calendarQuarter(date);
    case 'year':
      return fiscal ? fiscalYear(date, fiscalYearStartMonth) : calendarYear(date);
  }
}

/** The period of `grain` containing local date `date` (quarters/years are fiscal when the year starts after January). */
export function periodContaining(date: string, grain: Grain, cal: PeriodCalendar): Period {
  checkCalendar(cal);
  if (!isLocalDate(date)) throw invalid(date, 'expected a YYYY-MM-DD date', 'period', 'invalid_date');
  return containing(date, grain, cal, usesFiscal(cal.fiscalYearStartMonth));
}

/** A custom period from `from` to `toInclusive` (both local dates). */
export function customPeriod(from: string, toInclusive: string): Period {
  const key = `${from}..${toInclusive}`;
  if (!isLocalDate(from) || !isLocalDate(toInclusive)) throw invalid(key, 'expected YYYY-MM-DD dates');
  checkYear(dateParts(from).year, key);
  checkYear(dateParts(toInclusive).year, key);
  if (toInclusive < from) throw invalid(key, 'the end is before the start');
  return { key, grain: 'custom', start: from, end: addDays(toInclusive, 1) };
}

/** Parses a period key (see Period); throws a validation AppError naming the key when it is not one. */
export function parsePeriod(key: string, cal: PeriodCalendar): Period {
  checkCalendar(cal);
  const { fiscalYearStartMonth } = cal;
  const k = key.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(k))) return customPeriod(m[1]!, m[2]!);
  if (/^\d{4}-\d{2}-\d{2}$/.test(k)) {
    if (!isLocalDate(k)) throw invalid(key, 'no such date');
    checkYear(dateParts(k).year, key);
    return dayPeriod(k);
  }
  // Every other key starts with its four-digit year (after 'FY' for fiscal ones).
  const leadingYear = /^(?:FY)?(\d{4})(?!\d)/.exec(k);
  if (leadingYear) checkYear(Number(leadingYear[1]), key);
  if ((m = /^(\d{4})-W(\d{2})$/.exec(k))) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (week < 1 || week > isoWeeksInYear(year))
      throw invalid(key, `ISO year ${year} has ${isoWeeksInYear(year)} weeks`);
    // 4 January always lies in ISO week 1; the week named by it is the one holding its Monday (see Period).
    const monday = addDays(isoWeekMonday(ymd(year, 1, 4)), (week - 1) * 7);
    return weekPeriod(monday, cal.weekStartDay);
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(k))) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) throw invalid(key, 'month must be 01-12');
    return monthPeriod(ymd(Number(m[1]), month, 1));
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(k)))
    return calendarQuarter(ymd(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 1));
  if ((m = /^(\d{4})$/.exec(k))) return calendarYear(ymd(Number(m[1]), 1, 1));
  if ((m = /^FY(\d{4})$/.exec(k)))
    return fiscalYear(fiscalYearStart(Number(m[1]), fiscalYearStartMonth), fiscalYearStartMonth);
  if ((m = /^FY(\d{4})-Q([1-4])$/.exec(k))) {
    const start = addMonths(fiscalYearStart(Number(m[1]), fiscalYearStartMonth), (Number(m[2]) - 1) * 3);
    return fiscalQuarter(start, fiscalYearStartMonth);
  }
  throw invalid(key, 'expected YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY-Qn, YYYY, FYyyyy, FYyyyy-Qn or FROM..TO');
}

/** The period of the same kind and length immediately before `p` (keeps calendar vs fiscal keys as given). */
export function previousPeriod(p: Period, cal: PeriodCalendar): Period {
  checkCalendar(cal);
  if (p.grain === 'custom') {
    const length = dayNumber(p.end) - dayNumber(p.start);
    return customPeriod(addDays(p.start, -length), addDays(p.start, -1));
  }
  return containing(addDays(p.start, -1), p.grain, cal, p.key.startsWith('FY'));
}

/** The period of the same kind immediately after `p`. */
export function nextPeriod(p: Period, cal: PeriodCalendar): Period {
  checkCalendar(cal);
  if (p.grain === 'custom') {
    const length = dayNumber(p.end) - dayNumber(p.start);
    return customPeriod(p.end, addDays(p.end, length - 1));
  }
  return containing(p.end, p.grain, cal, p.key.startsWith('FY'));
}

/**
 * The `grain` buckets that overlap [start, endExclusive), in order. Buckets are whole periods (the first and
 * last may extend past the range); callers clip them to the range when they count.
 */
export function periodsBetween(
  start: string,
  endExclusive: string,
  grain: Grain,
  cal: PeriodCalendar,
): Period[] {
  const out: Period[] = [];
  if (endExclusive <= start) return out;
  let p = periodContaining(start, grain, cal);
  while (p.start < endExclusive) {
    out.push(p);
    p = nextPeriod(p, cal);
  }
  return out;
}
