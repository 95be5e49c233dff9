import { AppError, type ErrorDetail } from '../errors.ts';
import { addDays, isLocalDate } from '../domain/calendar/local-date.ts';
import { sameDayMonthsLater } from './dates.ts';
import { localeWeekStart } from '../domain/calendar/week-start.ts';
import { DEMO_LOCALES, type DemoLocale } from './locales.ts';

/** What `pacesetter demo` generates: everything else follows deterministically from these four values. */
export interface DemoOptions {
  /** Seed of the pseudo-random source; the same seed and end date give the same data. */
  seed: number;
  /** Last local day with data (the workspace's "today" by default), 'YYYY-MM-DD'. */
  until: string;
  /** Number of sales reps (managers, a director and an admin come on top). */
  reps: number;
  /** Months of history before `until`. */
  months: number;
  /** Issue 19: the company's country (names, currency, zone, holidays, working week); absent = 'en'. */
  locale?: DemoLocale;
}

/** Defaults of the CLI flags (the end date defaults to today and is filled in by the caller). */
export const DEMO_DEFAULTS = { seed: 42, reps: 12, months: 12 } as const;

/** The workspace the demo configures: a US team in New York with a February fiscal year. */
export const DEMO_WORKSPACE = {
  locale: 'en-US',
  // No choice is stored: weeks start on en-US's first day, Sunday.
  weekStartDay: localeWeekStart('en-US'),
  timeZone: 'America/New_York',
  currency: 'USD',
  workingDays: [1, 2, 3, 4, 5],
  workStartMinute: 9 * 60,
  workEndMinute: 18 * 60,
  holidayCountry: 'US',
  fiscalYearStartMonth: 2,
} as const;

/** Fixed demo sign-ins (demo data only; documented in README). */
export const DEMO_LOGINS = {
  admin: 'admin@demo.pacesetter.test',
  manager: 'manager@demo.pacesetter.test',
  rep: 'rep@demo.pacesetter.test',
  password: 'pacesetter-demo',
} as const;

/** First local day with data. */
export function demoStartDate(opts: DemoOptions): string {
  return addDays(sameDayMonthsLater(opts.until, -opts.months), 1);
}

/** Checks the options together and reports every bad one at once. */
export function validateDemoOptions(raw: {
  seed: unknown;
  until: unknown;
  reps: unknown;
  months: unknown;
  locale?: unknown;
}): DemoOptions {
  const details: ErrorDetail[] = [];
  const int = (field: string, value: unknown, min: number, max: number): number => {
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      details.push({ field, value: String(value), reason: `must be a whole number from ${min} to ${max}` });
      return min;
    }
    return n;
  };
  const seed = int('seed', raw.seed, 0, 2 ** 32 - 1);
  const reps = int('reps', raw.reps, 2, 500);
  const months = int('months', raw.months, 1, 60);
  const until = String(raw.until);
  if (!isLocalDate(until))
    details.push({ field: 'until', value: until, reason: 'must be a calendar date YYYY-MM-DD' });
  const locale = raw.locale === undefined ? 'en' : String(raw.locale);
  if (!(DEMO_LOCALES as readonly string[]).includes(locale))
    details.push({ field: 'locale', value: locale, reason: `must be one of ${DEMO_LOCALES.join(', ')}` });
  if (details.length > 0) throw new AppError('validation', 'Invalid demo options', details);
  // 'en' is left out, so the default demo's options (and its audit entry) read as before.
  return locale === 'en'
    ? { seed, until, reps, months }
    : { seed, until, reps, months, locale: locale as DemoLocale };
}
