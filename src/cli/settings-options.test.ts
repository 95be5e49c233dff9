import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../domain/settings.ts';
import { AppError } from '../errors.ts';
import { formatSettings, settingsPatchFromOptions } from './settings-options.ts';

describe('settingsPatchFromOptions', () => {
  it('maps every option onto the settings fields', () => {
    expect(
      settingsPatchFromOptions({
        timeZone: 'Europe/Warsaw',
        currency: 'pln',
        hours: '08:30-17:00',
        days: 'mon-thu',
        holidays: 'us/ca',
        fiscalStart: '2',
        weekStart: 'Sun',
        slaMinutes: '30',
        slaSameDay: 'no',
        leaderboardMetrics: 'calls, won_revenue',
      }),
    ).toEqual({
      timeZone: 'Europe/Warsaw',
      currency: 'PLN',
      workStartMinute: 510,
      workEndMinute: 1020,
      workingDays: [1, 2, 3, 4],
      holidayCountry: 'US',
      holidayRegion: 'CA',
      fiscalYearStartMonth: 2,
      weekStartDayChoice: 7,
      leadSlaMinutes: 30,
      leadSlaSameBusinessDay: false,
      leaderboardMetrics: ['calls', 'won_revenue'],
    });
    expect(settingsPatchFromOptions({ leaderboardMetrics: 'none' })).toEqual({ leaderboardMetrics: [] });
    expect(settingsPatchFromOptions({ weekStart: 'locale' })).toEqual({ weekStartDayChoice: null });
    expect(settingsPatchFromOptions({ weekStart: '6' })).toEqual({ weekStartDayChoice: 6 });
    expect(settingsPatchFromOptions({ holidays: 'none' })).toEqual({
      holidayCountry: null,
      holidayRegion: null,
    });
  });

  it('collects every malformed option', () => {
    try {
      settingsPatchFromOptions({
        hours: '9-5',
        days: 'weekdays',
        fiscalStart: 'feb',
        weekStart: 'mon-fri',
        slaSameDay: 'maybe',
        leaderboardMetrics: 'calls,,won_revenue',
      });
      expect.fail('accepted malformed options');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).details.map((d) => d.field)).toEqual([
        '--hours',
        '--days',
        '--fiscal-start',
        '--week-start',
        '--sla-same-day',
        '--leaderboard-metrics',
      ]);
    }
  });
});

describe('formatSettings', () => {
  it('prints hours, days and SLA readably', () => {
    const text = formatSettings({ ...DEFAULT_SETTINGS, holidayCountry: 'US', holidayRegion: 'CA' });
    expect(text).toContain('working hours       09:00-18:00');
    expect(text).toContain('working days        mon,tue,wed,thu,fri');
    expect(text).toContain('holidays            US/CA');
    expect(text).toContain('lead SLA            60 business minutes, same business day');
    expect(text).toContain('leaderboards        calls,emails,');
    expect(formatSettings({ ...DEFAULT_SETTINGS, leaderboardMetrics: [] })).toContain('none published');
    expect(text).toContain('weeks start         sun (the first day of en-US)');
    expect(formatSettings({ ...DEFAULT_SETTINGS, weekStartDayChoice: 1, weekStartDay: 1 })).toContain(
      'weeks start         mon\n',
    );
  });
});
