import { formatDays, formatMinute, parseDays, parseHours } from '../domain/settings-text.ts';
import type { WorkspaceSettings } from '../domain/settings.ts';
import { AppError, type ErrorDetail } from '../errors.ts';

/** The options `pacesetter settings set` accepts, as commander hands them over (all strings). */
export interface SettingsSetOptions {
  timeZone?: string;
  currency?: string;
  locale?: string;
  hours?: string;
  days?: string;
  holidays?: string;
  fiscalStart?: string;
  weekStart?: string;
  slaMinutes?: string;
  slaSameDay?: string;
  leaderboardMetrics?: string;
  plannedGrowth?: string;
}

function int(text: string, field: string, errors: ErrorDetail[]): number | undefined {
  if (!/^\d+$/.test(text.trim())) {
    errors.push({ field, value: text, reason: 'expected a whole number' });
    return undefined;
  }
  return Number(text);
}

/**
 * Turns command-line options into a settings change; format problems are collected and thrown together
 * (range checks such as a known time zone happen in saveSettings, on the merged settings).
 */
export function settingsPatchFromOptions(o: SettingsSetOptions): Partial<WorkspaceSettings> {
  const patch: Partial<WorkspaceSettings> = {};
  const errors: ErrorDetail[] = [];
  if (o.timeZone !== undefined) patch.timeZone = o.timeZone.trim();
  if (o.currency !== undefined) patch.currency = o.currency.trim().toUpperCase();
  if (o.locale !== undefined) patch.locale = o.locale.trim();
  if (o.hours !== undefined) {
    const h = parseHours(o.hours);
    if (h) {
      patch.workStartMinute = h.start;
      patch.workEndMinute = h.end;
    } else
      errors.push({ field: '--hours', value: o.hours, reason: 'expected HH:MM-HH:MM, e.g. 09:00-18:00' });
  }
  if (o.days !== undefined) {
    const d = parseDays(o.days);
    if (d) patch.workingDays = d;
    else
      errors.push({ field: '--days', value: o.days, reason: 'expected days such as mon-fri or mon,wed,fri' });
  }
  if (o.holidays !== undefined) {
    const text = o.holidays.trim();
    if (text.toLowerCase() === 'none') {
      patch.holidayCountry = null;
      patch.holidayRegion = null;
    } else {
      const [country, region, ...rest] = text.toUpperCase().split('/');
      if (!country || rest.length > 0) {
        errors.push({
          field: '--holidays',
          value: o.holidays,
          reason: 'expected COUNTRY or COUNTRY/REGION, or none',
        });
      } else {
        patch.holidayCountry = country;
        patch.holidayRegion = region || null;
      }
    }
  }
  if (o.fiscalStart !== undefined) {
    const m = int(o.fiscalStart, '--fiscal-start', errors);
    if (m !== undefined) patch.fiscalYearStartMonth = m;
  }
  if (o.weekStart !== undefined) {
    const text = o.weekStart.trim().toLowerCase();
    // One day: 'sun', 'monday' or '7'; 'locale' hands the choice back to the workspace locale.
    const days = /^[a-z]+$|^[1-7]$/.test(text) ? parseDays(text) : null;
    if (text === 'locale') patch.weekStartDayChoice = null;
    else if (days?.length === 1) patch.weekStartDayChoice = days[0]!;
    else
      errors.push({
        field: '--week-start',
        value: o.weekStart,
        reason: 'expected one day such as mon or sun (or 1-7, 1 = Monday), or locale',
      });
  }
  if (o.slaMinutes !== undefined) {
    const m = int(o.slaMinutes, '--sla-minutes', errors);
    if (m !== undefined) patch.leadSlaMinutes = m;
  }
  if (o.slaSameDay !== undefined) {
    const v = o.slaSameDay.trim().toLowerCase();
    if (['yes', 'true', 'on'].includes(v)) patch.leadSlaSameBusinessDay = true;
    else if (['no', 'false', 'off'].includes(v)) patch.leadSlaSameBusinessDay = false;
    else errors.push({ field: '--sla-same-day', value: o.slaSameDay, reason: 'expected yes or no' });
  }
  if (o.leaderboardMetrics !== undefined) {
    const text = o.leaderboardMetrics.trim();
    const ids = text.split(',').map((id) => id.trim());
    if (text.toLowerCase() === 'none') patch.leaderboardMetrics = [];
    else if (ids.some((id) => id === ''))
      errors.push({
        field: '--leaderboard-metrics',
        value: o.leaderboardMetrics,
        reason: 'expected metric ids separated by commas, e.g. calls,won_revenue, or none',
      });
    // Unknown ids are reported by saveSettings, which checks them against the metric registry.
    else patch.leaderboardMetrics = ids;
  }
  if (o.plannedGrowth !== undefined) {
    const text = o.plannedGrowth.trim().replace(/%$/, '');
    if (text.toLowerCase() === 'trend') patch.plannedGrowthPct = null;
    else if (/^[-+]?\d+(\.\d+)?$/.test(text)) patch.plannedGrowthPct = Number(text);
    else
      errors.push({
        field: '--planned-growth',
        value: o.plannedGrowth,
        reason: 'expected a percentage such as 5 or -2.5, or trend',
      });
  }
  if (errors.length > 0) throw new AppError('validation', 'Some options are invalid', errors);
  return patch;
}

/** The settings as the aligned "name  value" lines `settings show` prints. */
export function formatSettings(s: WorkspaceSettings): string {
  const rows: [string, string][] = [
    ['currency', s.currency],
    ['locale', s.locale],
    ['time zone', s.timeZone],
    ['working days', formatDays(s.workingDays)],
    ['working hours', `${formatMinute(s.workStartMinute)}-${formatMinute(s.workEndMinute)}`],
    [
      'holidays',
      s.holidayCountry
        ? [s.holidayCountry, s.holidayRegion].filter(Boolean).join('/')
        : 'none (custom list only)',
    ],
    ['fiscal year starts', `month ${s.fiscalYearStartMonth} (FY named by the year it ends in)`],
    [
      'weeks start',
      `${formatDays([s.weekStartDay])}${s.weekStartDayChoice === null ? ` (the first day of ${s.locale})` : ''}`,
    ],
    [
      'lead SLA',
      `${s.leadSlaMinutes} business minutes${s.leadSlaSameBusinessDay ? ', same business day' : ''}`,
    ],
    ['lead min attempts', String(s.leadMinAttempts)],
    ['follow-up target', String(s.followUpTarget)],
    ['gross margin', `${s.grossMarginPct}%`],
    [
      'planned growth',
      s.plannedGrowthPct === null ? 'none (run-rate uses the trailing trend)' : `${s.plannedGrowthPct}%`,
    ],
    [
      'leaderboards',
      s.leaderboardMetrics.length > 0
        ? s.leaderboardMetrics.join(',')
        : 'none published (each sees their own)',
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}
