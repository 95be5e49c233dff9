import { z } from 'zod';

/** The workspace settings in API responses (see src/domain/settings.ts for the meaning of each field). */
export const SettingsSchema = z.object({
  currency: z.string().describe('ISO 4217 reporting currency'),
  locale: z.string().describe('BCP 47 locale for formatting'),
  timeZone: z.string().describe('IANA time zone for days, weeks and working hours'),
  workingDays: z.array(z.number().int()).describe('ISO weekdays worked: 1 = Monday ... 7 = Sunday'),
  workStartMinute: z.number().int().describe('Start of the working day, minutes after midnight'),
  workEndMinute: z.number().int().describe('End of the working day, minutes after midnight'),
  holidayCountry: z.string().nullable().describe('Country code for public holidays (date-holidays)'),
  holidayRegion: z.string().nullable().describe('Region/state code within the country'),
  fiscalYearStartMonth: z
    .number()
    .int()
    .describe('Month (1-12) the fiscal year starts; FY named by its end year'),
  weekStartDayChoice: z
    .number()
    .int()
    .nullable()
    .describe("The chosen first day of the week, ISO weekday 1 = Monday ... 7 = Sunday; null = the locale's"),
  weekStartDay: z
    .number()
    .int()
    .describe(
      "The first day of the week in force (read-only): the choice, or the locale's first day. Week keys YYYY-Www name the ISO week of the Monday the week contains",
    ),
  leadSlaMinutes: z.number().int().describe('Lead response SLA in business minutes'),
  leadSlaSameBusinessDay: z.boolean(),
  leadMinAttempts: z.number().int(),
  followUpTarget: z.number().int(),
  grossMarginPct: z.number(),
  leaderboardMetrics: z
    .array(z.string())
    .describe(
      'Metric ids published on leaderboards: everyone sees the whole board; other boards show only visible reps',
    ),
  plannedGrowthPct: z
    .number()
    .nullable()
    .describe('Planned growth of won revenue in percent for the run-rate forecast; null = trailing trend'),
});

/** A settings change: any subset of the fields; the merged result is validated as a whole. */
export const SettingsPatchSchema = z
  .object({
    currency: z.string().trim().toUpperCase(),
    locale: z.string().trim(),
    timeZone: z.string().trim(),
    workingDays: z.array(z.number().int()),
    workStartMinute: z.number().int(),
    workEndMinute: z.number().int(),
    holidayCountry: z.string().trim().toUpperCase().nullable(),
    holidayRegion: z.string().trim().toUpperCase().nullable(),
    fiscalYearStartMonth: z.number().int(),
    weekStartDayChoice: z.number().int().nullable(),
    leadSlaMinutes: z.number().int(),
    leadSlaSameBusinessDay: z.boolean(),
    leadMinAttempts: z.number().int(),
    followUpTarget: z.number().int(),
    grossMarginPct: z.number(),
    leaderboardMetrics: z.array(z.string().trim().max(100)).max(200),
    plannedGrowthPct: z.number().nullable(),
  })
  .partial()
  .strict();

/** One day off. */
export const HolidaySchema = z.object({ date: z.string(), name: z.string().max(200) });

/** GET/PUT /api/holidays response: the custom list and every day off of one year. */
export const HolidaysResponseSchema = z.object({
  year: z.number().int(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  custom: z.array(HolidaySchema).describe('The custom list, all years'),
  resolved: z
    .array(HolidaySchema.extend({ source: z.enum(['custom', 'country']) }))
    .describe('Every day off in the year: custom plus the country/region public holidays'),
});
