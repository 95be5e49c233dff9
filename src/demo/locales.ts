/**
 * Issue 19: `pacesetter demo --locale en|pl|he|ro`. Each locale sets the workspace the demo configures (zone,
 * currency, working week, holidays), the names it draws (src/demo/names-local.ts) and a rough factor from the
 * US demo's dollar amounts to the local currency. 'en' is the original New York demo, unchanged.
 */
export const DEMO_LOCALES = ['en', 'pl', 'he', 'ro'] as const;
export type DemoLocale = (typeof DEMO_LOCALES)[number];

export interface DemoLocaleSpec {
  /** The workspace's BCP 47 locale: its first day of the week starts the demo's weeks (the choice is left null). */
  locale: string;
  timeZone: string;
  currency: string;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  workingDays: readonly number[];
  holidayCountry: string;
  /**
   * Local currency units per US dollar, rounded (late 2026 order of magnitude): the generator simulates in
   * dollars (its win drivers read deal sizes) and every amount is scaled once before it is written, so deal sizes,
   * MRR, quotas and costs read as a local team's would.
   */
  moneyFactor: number;
  /** users.language of the demo users (null: not set, the browser's language). */
  language: 'pl' | 'he' | 'ro' | null;
  /**
   * Whether reps also e-mail on weekends and holidays and answer off-hours leads from their phone (the US demo
   * does). Off for the other locales, so every activity falls on the locale's working days.
   */
  offDayWork: boolean;
}

export const DEMO_LOCALE_SPECS: Record<DemoLocale, DemoLocaleSpec> = {
  en: {
    locale: 'en-US',
    timeZone: 'America/New_York',
    currency: 'USD',
    workingDays: [1, 2, 3, 4, 5],
    holidayCountry: 'US',
    moneyFactor: 1,
    language: null,
    offDayWork: true,
  },
  pl: {
    locale: 'pl-PL',
    timeZone: 'Europe/Warsaw',
    currency: 'PLN',
    workingDays: [1, 2, 3, 4, 5],
    holidayCountry: 'PL',
    moneyFactor: 4,
    language: 'pl',
    offDayWork: false,
  },
  he: {
    locale: 'he-IL',
    timeZone: 'Asia/Jerusalem',
    currency: 'ILS',
    workingDays: [7, 1, 2, 3, 4],
    holidayCountry: 'IL',
    moneyFactor: 3.7,
    language: 'he',
    offDayWork: false,
  },
  ro: {
    locale: 'ro-RO',
    timeZone: 'Europe/Bucharest',
    currency: 'RON',
    workingDays: [1, 2, 3, 4, 5],
    holidayCountry: 'RO',
    moneyFactor: 4.6,
    language: 'ro',
    offDayWork: false,
  },
};

/** Scales a dollar amount in minor units to the locale's currency, rounded to whole units (cents stay 00). */
export function localMinor(amountMinor: number, factor: number): number {
  if (factor === 1) return amountMinor;
  return Math.round((amountMinor * factor) / 100) * 100;
}
