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
  leadSlaMinutes: number;
  leadSlaSameBusinessDay: boolean;
  leadMinAttempts: number;
  followUpTarget: number;
  grossMarginPct: number;
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
  'leadSlaMinutes',
] as const satisfies readonly (keyof Settings)[];

/** One custom holiday (GET /api/holidays). */
export interface Holiday {
  day: string;
  name: string;
}
