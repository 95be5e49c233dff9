import type { BusinessCalendar } from '../../domain/calendar/business-time.ts';
import { publicHolidays, type Holiday } from '../../domain/calendar/holidays.ts';
import type { Db } from '../db.ts';
import type { WorkspaceSettings } from '../../domain/settings.ts';
import { getSettings } from './settings.ts';

/** Where a resolved holiday comes from: the custom list or the country/region calendar. */
export interface ResolvedHoliday extends Holiday {
  source: 'custom' | 'country';
}

/** Years of holidays loaded when the caller does not say: enough for recent history and the year ahead. */
function defaultYears(): { fromYear: number; toYear: number } {
  const year = new Date().getUTCFullYear();
  return { fromYear: year - 5, toYear: year + 1 };
}

/** The custom holidays (the `holidays` table), by date. */
export async function listCustomHolidays(db: Db): Promise<Holiday[]> {
  const rows = await db.selectFrom('holidays').select(['day', 'name']).orderBy('day').execute();
  return rows.map((r) => ({ date: r.day, name: r.name }));
}

/** Replaces the custom holiday list with `holidays` (callers run it in their transaction). */
export async function replaceCustomHolidays(db: Db, holidays: readonly Holiday[]): Promise<void> {
  await db.deleteFrom('holidays').execute();
  if (holidays.length === 0) return;
  await db
    .insertInto('holidays')
    .values(holidays.map((h) => ({ day: h.date, name: h.name })))
    .execute();
}

/**
 * Every day off in fromYear..toYear: the custom list plus the public holidays of the configured
 * country/region. A custom entry wins when both name the same day. A caller that has read the settings passes
 * them, which saves a statement.
 */
export async function resolveHolidays(
  db: Db,
  fromYear: number,
  toYear: number,
  known?: WorkspaceSettings,
): Promise<ResolvedHoliday[]> {
  const settings = known ?? (await getSettings(db));
  const byDate = new Map<string, ResolvedHoliday>();
  if (settings.holidayCountry) {
    for (const h of publicHolidays(settings.holidayCountry, settings.holidayRegion, fromYear, toYear)) {
      byDate.set(h.date, { ...h, source: 'country' });
    }
  }
  const from = `${String(fromYear).padStart(4, '0')}-01-01`;
  const to = `${String(toYear + 1).padStart(4, '0')}-01-01`;
  const custom = await db
    .selectFrom('holidays')
    .select(['day', 'name'])
    .where('day', '>=', from)
    .where('day', '<', to)
    .execute();
  for (const r of custom) byDate.set(r.day, { date: r.day, name: r.name, source: 'custom' });
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * The workspace business calendar: settings' time zone, working days and hours, plus the holidays of
 * fromYear..toYear (default: five years back to next year). Pass the years your data spans, and the settings if
 * you have read them (the function then reads only the custom holidays).
 */
export async function getBusinessCalendar(
  db: Db,
  fromYear?: number,
  toYear?: number,
  known?: WorkspaceSettings,
): Promise<BusinessCalendar> {
  const years = defaultYears();
  const settings = known ?? (await getSettings(db));
  const holidays = await resolveHolidays(db, fromYear ?? years.fromYear, toYear ?? years.toYear, settings);
  return {
    timeZone: settings.timeZone,
    workingDays: [...settings.workingDays].sort((a, b) => a - b),
    workStartMinute: settings.workStartMinute,
    workEndMinute: settings.workEndMinute,
    holidays: new Set(holidays.map((h) => h.date)),
  };
}
