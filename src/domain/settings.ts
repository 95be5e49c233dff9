import { DEFAULT_LEADERBOARD_METRICS } from './leaderboard/published.ts';

/** Workspace-wide settings: the vocabulary for money, time and SLAs that every capability reads. */
export interface WorkspaceSettings {
  /** ISO 4217 code of the reporting currency. */
  currency: string;
  /** BCP 47 locale for formatting (e.g. en-US). */
  locale: string;
  /** IANA time zone in which days, weeks and working hours are counted. */
  timeZone: string;
  /** ISO weekdays that are working days: 1 = Monday ... 7 = Sunday. */
  workingDays: number[];
  /** Start of the working day, minutes after local midnight (540 = 09:00). */
  workStartMinute: number;
  /** End of the working day, minutes after local midnight (1080 = 18:00). */
  workEndMinute: number;
  /** Country (and optional region) for the date-holidays package, e.g. 'US' / 'CA'. */
  holidayCountry: string | null;
  holidayRegion: string | null;
  /** Month (1-12) in which the fiscal year starts. */
  fiscalYearStartMonth: number;
  /**
   * The first day of the week the workspace chose (ISO weekday 1 = Monday ... 7 = Sunday); null = the locale's
   * first day (he-IL and en-US: Sunday, pl and ro: Monday). This is what is stored and changed.
   */
  weekStartDayChoice: number | null;
  /**
   * The first day of the week in force: the choice, or the locale's first day. Read-only (derived when the
   * settings are read); every week in reports, goals and packs starts on it (see PeriodCalendar).
   */
  weekStartDay: number;
  /** Lead response SLA in business minutes. */
  leadSlaMinutes: number;
  /** Whether a lead must also be contacted on the business day it arrived. */
  leadSlaSameBusinessDay: boolean;
  /** Minimum contact attempts expected on a lead before it may be given up. */
  leadMinAttempts: number;
  /** Follow-ups expected after a meeting (the brief: 80% of sales need 5+). */
  followUpTarget: number;
  /** Gross margin percentage used by customer lifetime value. */
  grossMarginPct: number;
  /**
   * Metric ids published on leaderboards: their boards show every rep to every signed-in user. Boards of other
   * metrics show only the rows /api/metrics would show the viewer (see docs/security.md).
   */
  leaderboardMetrics: string[];
  /**
   * Planned growth of won revenue in percent (the brief's "the company grows 5%"), applied by the run-rate
   * forecast instead of the trailing trend; null = use the trailing trend.
   */
  plannedGrowthPct: number | null;
}

/** Defaults for a new workspace (matching the migration's column defaults). */
export const DEFAULT_SETTINGS: WorkspaceSettings = {
  currency: 'USD',
  locale: 'en-US',
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  workStartMinute: 540,
  workEndMinute: 1080,
  holidayCountry: null,
  holidayRegion: null,
  fiscalYearStartMonth: 1,
  // A new workspace follows its locale; en-US starts weeks on Sunday.
  weekStartDayChoice: null,
  weekStartDay: 7,
  leadSlaMinutes: 60,
  leadSlaSameBusinessDay: true,
  leadMinAttempts: 3,
  followUpTarget: 5,
  grossMarginPct: 80,
  leaderboardMetrics: [...DEFAULT_LEADERBOARD_METRICS],
  plannedGrowthPct: null,
};
