import { describe, expect, it } from 'vitest';
import { calendarChanged, isKnownCurrency, validateSettings } from './settings-validation.ts';
import { DEFAULT_SETTINGS } from './settings.ts';

const fields = (s: Partial<typeof DEFAULT_SETTINGS>) =>
  validateSettings({ ...DEFAULT_SETTINGS, ...s }).map((e) => e.field);

describe('validateSettings', () => {
  it('accepts the defaults and a full realistic change', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual([]);
    expect(
      fields({
        currency: 'PLN',
        timeZone: 'Europe/Warsaw',
        holidayCountry: 'US',
        holidayRegion: 'CA',
        fiscalYearStartMonth: 2,
      }),
    ).toEqual([]);
  });

  it('collects every problem at once', () => {
    expect(
      fields({
        currency: 'usd',
        timeZone: 'Europe/Atlantis',
        workingDays: [],
        workStartMinute: 1080,
        workEndMinute: 540,
        holidayCountry: 'XX',
        fiscalYearStartMonth: 13,
      }),
    ).toEqual([
      'currency',
      'timeZone',
      'workingDays',
      'workEndMinute',
      'holidayCountry',
      'fiscalYearStartMonth',
    ]);
  });

  it('takes a week start of 1-7 or null (the locale decides) and refuses anything else, naming the field', () => {
    for (const ok of [1, 6, 7, null]) expect(fields({ weekStartDayChoice: ok })).toEqual([]);
    for (const bad of [0, 8, 1.5])
      expect(fields({ weekStartDayChoice: bad })).toEqual(['weekStartDayChoice']);
  });

  it('rejects unknown regions, regions without a country and made-up currencies', () => {
    expect(fields({ holidayCountry: 'US', holidayRegion: 'ZZ' })).toEqual(['holidayRegion']);
    expect(fields({ holidayRegion: 'CA' })).toEqual(['holidayRegion']);
    expect(isKnownCurrency('EUR')).toBe(true);
    expect(isKnownCurrency('ABC')).toBe(false);
  });

  it('accepts only registered, distinct metric ids as leaderboard metrics (an empty list publishes none)', () => {
    expect(fields({ leaderboardMetrics: [] })).toEqual([]);
    expect(fields({ leaderboardMetrics: ['calls', 'quota_attainment'] })).toEqual([]);
    expect(
      validateSettings({ ...DEFAULT_SETTINGS, leaderboardMetrics: ['calls', 'nope', 'calls'] }).map((e) => [
        e.field,
        e.value,
      ]),
    ).toEqual([
      ['leaderboardMetrics', '"nope"'],
      ['leaderboardMetrics', '["calls","nope","calls"]'],
    ]);
  });
});

describe('calendarChanged', () => {
  it('is true only for fields that move business time', () => {
    expect(calendarChanged(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, workingDays: [1, 2, 3, 4] })).toBe(true);
    expect(
      calendarChanged(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, currency: 'EUR', leadSlaMinutes: 30 }),
    ).toBe(false);
  });
});
