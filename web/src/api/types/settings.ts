/** GET/PUT /api/settings: workspace settings (mirrors src/domain/settings.ts WorkspaceSettings). */
export interface Settings {
  currency: string;
  locale: string;
  timeZone: string;
  workingDays: number[];
  workStartMinute: number;
  workEndMinute: number;
  holidayCountry: string | null;
  holidayRegion: string | null;
  fiscalYearStartMonth: number;
  /** The chosen first day of the week (ISO 1 = Monday ... 7 = Sunday); null = the locale's first day. */
  weekStartDayChoice: number | null;
  /** The first day of the week in force (read-only): every week the app shows starts on it. */
  weekStartDay: number;
  leadSlaMinutes: number;
  leadSlaSameBusinessDay: boolean;
  leadMinAttempts: number;
  followUpTarget: number;
  grossMarginPct: number;
  /** Metric ids published on leaderboards (everyone sees the whole board). */
  leaderboardMetrics: string[];
  /** Planned growth (%) the run-rate forecast applies; null = the trailing trend. */
  plannedGrowthPct: number | null;
}

/** Fields of Settings the web app reads; checked against the OpenAPI document by web/src/api/openapi-contract.test.ts. */
export const SETTINGS_FIELDS = [
  'currency',
  'locale',
  'timeZone',
  'workingDays',
  'workStartMinute',
  'workEndMinute',
  'holidayCountry',
  'holidayRegion',
  'fiscalYearStartMonth',
  'weekStartDayChoice',
  'weekStartDay',
  'leadSlaMinutes',
  'leaderboardMetrics',
  'plannedGrowthPct',
] as const satisfies readonly (keyof Settings)[];

/** One day off. */
export interface Holiday {
  date: string;
  name: string;
}

/** GET /api/holidays?year= and PUT /api/holidays ({ holidays }: replaces the custom list). */
export interface HolidaysResponse {
  year: number;
  country: string | null;
  region: string | null;
  /** The custom list, all years. */
  custom: Holiday[];
  /** Every day off in the year: custom plus the country's public holidays. */
  resolved: (Holiday & { source: 'custom' | 'country' })[];
}
