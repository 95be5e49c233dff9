import type { Selectable } from 'kysely';
import { effectiveWeekStart } from '../../domain/calendar/week-start.ts';
import type { WorkspaceSettings } from '../../domain/settings.ts';
import type { Db } from '../db.ts';
import type { SettingsTable } from '../schema.ts';

/** Maps the single settings row to the domain type. */
export function toSettings(row: Selectable<SettingsTable>): WorkspaceSettings {
  return {
    currency: row.currency.trim(),
    locale: row.locale,
    timeZone: row.time_zone,
    workingDays: row.working_days.map(Number),
    workStartMinute: row.work_start_minute,
    workEndMinute: row.work_end_minute,
    holidayCountry: row.holiday_country,
    holidayRegion: row.holiday_region,
    fiscalYearStartMonth: row.fiscal_year_start_month,
    weekStartDayChoice: row.week_start_day,
    weekStartDay: effectiveWeekStart(row.week_start_day, row.locale),
    leadSlaMinutes: row.lead_sla_minutes,
    leadSlaSameBusinessDay: row.lead_sla_same_business_day,
    leadMinAttempts: row.lead_min_attempts,
    followUpTarget: row.follow_up_target,
    grossMarginPct: Number(row.gross_margin_pct),
    leaderboardMetrics: [...row.leaderboard_metrics],
    plannedGrowthPct: row.planned_growth_pct === null ? null : Number(row.planned_growth_pct),
  };
}

/** The workspace settings together with the activity rollups' zone (settings.rollup_time_zone). */
export interface SettingsRead {
  settings: WorkspaceSettings;
  rollupTimeZone: string;
}

/**
 * Both from one read of the settings row: the metrics engine needs the two on every request, and each read is a
 * statement (a dashboard request used to read the row six times).
 */
export async function getSettingsWithRollupZone(db: Db): Promise<SettingsRead> {
  const row = await db.selectFrom('settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return { settings: toSettings(row), rollupTimeZone: row.rollup_time_zone };
}

/** Reads the workspace settings. */
export async function getSettings(db: Db): Promise<WorkspaceSettings> {
  const row = await db.selectFrom('settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return toSettings(row);
}

/** Updates some settings; returns the new whole. */
export async function updateSettings(db: Db, patch: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
  const values: Record<string, unknown> = {};
  if (patch.currency !== undefined) values.currency = patch.currency;
  if (patch.locale !== undefined) values.locale = patch.locale;
  if (patch.timeZone !== undefined) values.time_zone = patch.timeZone;
  if (patch.workingDays !== undefined) values.working_days = patch.workingDays;
  if (patch.workStartMinute !== undefined) values.work_start_minute = patch.workStartMinute;
  if (patch.workEndMinute !== undefined) values.work_end_minute = patch.workEndMinute;
  if (patch.holidayCountry !== undefined) values.holiday_country = patch.holidayCountry;
  if (patch.holidayRegion !== undefined) values.holiday_region = patch.holidayRegion;
  if (patch.fiscalYearStartMonth !== undefined) values.fiscal_year_start_month = patch.fiscalYearStartMonth;
  // weekStartDay itself is derived on read: only the choice is stored.
  if (patch.weekStartDayChoice !== undefined) values.week_start_day = patch.weekStartDayChoice;
  if (patch.leadSlaMinutes !== undefined) values.lead_sla_minutes = patch.leadSlaMinutes;
  if (patch.leadSlaSameBusinessDay !== undefined)
    values.lead_sla_same_business_day = patch.leadSlaSameBusinessDay;
  if (patch.leadMinAttempts !== undefined) values.lead_min_attempts = patch.leadMinAttempts;
  if (patch.followUpTarget !== undefined) values.follow_up_target = patch.followUpTarget;
  if (patch.grossMarginPct !== undefined) values.gross_margin_pct = patch.grossMarginPct;
  if (patch.leaderboardMetrics !== undefined) values.leaderboard_metrics = patch.leaderboardMetrics;
  if (patch.plannedGrowthPct !== undefined) values.planned_growth_pct = patch.plannedGrowthPct;
  if (Object.keys(values).length > 0) {
    await db
      .updateTable('settings')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', 1)
      .execute();
  }
  return getSettings(db);
}
