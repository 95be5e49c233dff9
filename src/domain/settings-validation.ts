import { isKnownHolidayCalendar } from './calendar/holidays.ts';
import { isValidTimeZone } from './calendar/zoned.ts';
import { getMetric } from './metrics/registry.ts';
import type { WorkspaceSettings } from './settings.ts';
import type { ErrorDetail } from '../errors.ts';

let currencies: ReadonlySet<string> | undefined;

/** True for an ISO 4217 code Intl knows ('USD', 'EUR', ...): three upper-case letters. */
export function isKnownCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return /^[A-Z]{3}$/.test(code) && currencies.has(code);
}

/** The settings whose change alters business time, and so every derived response time. */
export const CALENDAR_FIELDS = [
  'timeZone',
  'workingDays',
  'workStartMinute',
  'workEndMinute',
  'holidayCountry',
  'holidayRegion',
] as const satisfies readonly (keyof WorkspaceSettings)[];

/** True when going from `before` to `after` changes business time. */
export function calendarChanged(before: WorkspaceSettings, after: WorkspaceSettings): boolean {
  return CALENDAR_FIELDS.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

const MAX_SLA_MINUTES = 525_600;
const MAX_COUNT_SETTING = 1000;
const wholeIn = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/**
 * Every problem with the settings that would result from applying a change, collected so the user fixes
 * them in one pass. Checks the merged whole, so hours 10:00-09:00 are caught whichever half was changed.
 */
export function validateSettings(s: WorkspaceSettings): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const bad = (field: string, value: unknown, reason: string) =>
    errors.push({ field, value: JSON.stringify(value), reason });
  if (!isKnownCurrency(s.currency))
    bad('currency', s.currency, 'not an ISO 4217 currency code (e.g. USD, EUR)');
  if (!isValidTimeZone(s.timeZone)) bad('timeZone', s.timeZone, 'not an IANA time zone (e.g. Europe/Warsaw)');
  try {
    if (Intl.getCanonicalLocales(s.locale).length !== 1)
      bad('locale', s.locale, 'expected one BCP 47 locale');
  } catch {
    bad('locale', s.locale, 'not a BCP 47 locale (e.g. en-US)');
  }
  if (s.workingDays.length === 0) bad('workingDays', s.workingDays, 'at least one working day is needed');
  if (s.workingDays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    bad('workingDays', s.workingDays, 'days are ISO weekdays 1 (Monday) to 7 (Sunday)');
  }
  if (new Set(s.workingDays).size !== s.workingDays.length)
    bad('workingDays', s.workingDays, 'a day is listed twice');
  const minute = (m: number) => Number.isInteger(m) && m >= 0 && m <= 1440;
  if (!minute(s.workStartMinute)) bad('workStartMinute', s.workStartMinute, 'minutes after midnight, 0-1440');
  if (!minute(s.workEndMinute)) bad('workEndMinute', s.workEndMinute, 'minutes after midnight, 0-1440');
  if (s.workStartMinute >= s.workEndMinute) {
    bad('workEndMinute', s.workEndMinute, 'working hours must end after they start');
  }
  if (s.holidayRegion && !s.holidayCountry) bad('holidayRegion', s.holidayRegion, 'a region needs a country');
  if (s.holidayCountry && !isKnownHolidayCalendar(s.holidayCountry, s.holidayRegion)) {
    const where = s.holidayRegion ? `${s.holidayCountry}/${s.holidayRegion}` : s.holidayCountry;
    bad(
      s.holidayRegion ? 'holidayRegion' : 'holidayCountry',
      where,
      'no holiday calendar for this country/region',
    );
  }
  if (
    !Number.isInteger(s.fiscalYearStartMonth) ||
    s.fiscalYearStartMonth < 1 ||
    s.fiscalYearStartMonth > 12
  ) {
    bad('fiscalYearStartMonth', s.fiscalYearStartMonth, 'a month number, 1-12');
  }
  if (s.weekStartDayChoice !== null && !wholeIn(s.weekStartDayChoice, 1, 7))
    bad(
      'weekStartDayChoice',
      s.weekStartDayChoice,
      'an ISO weekday, 1 (Monday) to 7 (Sunday), or null for the locale',
    );
  // Upper bounds keep the values inside their columns (integer, smallint) and sensible.
  if (!wholeIn(s.leadSlaMinutes, 1, MAX_SLA_MINUTES))
    bad('leadSlaMinutes', s.leadSlaMinutes, `a whole number of minutes, 1-${MAX_SLA_MINUTES} (a year)`);
  if (!wholeIn(s.leadMinAttempts, 0, MAX_COUNT_SETTING))
    bad('leadMinAttempts', s.leadMinAttempts, `0-${MAX_COUNT_SETTING}`);
  if (!wholeIn(s.followUpTarget, 0, MAX_COUNT_SETTING))
    bad('followUpTarget', s.followUpTarget, `0-${MAX_COUNT_SETTING}`);
  if (!(s.grossMarginPct >= 0 && s.grossMarginPct <= 100))
    bad('grossMarginPct', s.grossMarginPct, 'a percentage, 0-100');
  if (s.plannedGrowthPct !== null && !(s.plannedGrowthPct >= -100 && s.plannedGrowthPct <= 1000))
    bad('plannedGrowthPct', s.plannedGrowthPct, 'a percentage, -100 to 1000, or null for the trailing trend');
  for (const id of s.leaderboardMetrics.filter((m) => !getMetric(m)))
    bad('leaderboardMetrics', id, `no metric with id "${id}" (see GET /api/metrics/definitions)`);
  for (const id of s.leaderboardMetrics.filter((m) => getMetric(m)?.pay))
    bad('leaderboardMetrics', id, `"${id}" is pay, which is private: it is never ranked`);
  if (new Set(s.leaderboardMetrics).size !== s.leaderboardMetrics.length)
    bad('leaderboardMetrics', s.leaderboardMetrics, 'a metric is listed twice');
  return errors;
}
