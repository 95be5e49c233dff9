import { describe, expect, it } from 'vitest';
import { instantToLocal, isValidTimeZone, localDateToInstant } from './zoned.ts';

describe('localDateToInstant', () => {
  it('uses the offset in force on that day in America/New_York (EST before, EDT after 2026-03-08)', () => {
    expect(localDateToInstant('2026-03-06', 'America/New_York', 9 * 60).toISOString()).toBe(
      '2026-03-06T14:00:00.000Z',
    );
    expect(localDateToInstant('2026-03-09', 'America/New_York', 9 * 60).toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
  });

  it('moves a wall time skipped by spring-forward past the gap (02:30 -> 03:30 EDT)', () => {
    expect(localDateToInstant('2026-03-08', 'America/New_York', 150).toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('resolves a repeated wall time to the earlier instant (01:30 EDT on 2026-11-01)', () => {
    expect(localDateToInstant('2026-11-01', 'America/New_York', 90).toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('handles Europe/Warsaw on both sides of its 2026 changes', () => {
    expect(localDateToInstant('2026-03-27', 'Europe/Warsaw', 540).toISOString()).toBe(
      '2026-03-27T08:00:00.000Z',
    );
    expect(localDateToInstant('2026-03-30', 'Europe/Warsaw', 540).toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    expect(localDateToInstant('2026-10-26', 'Europe/Warsaw', 540).toISOString()).toBe(
      '2026-10-26T08:00:00.000Z',
    );
  });

  it('treats local midnight as minute 0 and accepts minute 1440 as the next midnight', () => {
    expect(localDateToInstant('2026-11-23', 'Asia/Tokyo').toISOString()).toBe('2026-11-22T15:00:00.000Z');
    expect(localDateToInstant('2026-11-23', 'UTC', 1440).toISOString()).toBe('2026-11-24T00:00:00.000Z');
  });
});

describe('instantToLocal', () => {
  it('gives local date, minute of day and ISO weekday', () => {
    expect(instantToLocal(new Date('2026-11-23T14:10:00Z'), 'Europe/Warsaw')).toEqual({
      date: '2026-11-23',
      minuteOfDay: 910,
      isoWeekday: 1,
    });
  });

  it('crosses the date line backwards in America/New_York (04:30Z is 23:30 the day before)', () => {
    expect(instantToLocal(new Date('2026-11-24T04:30:00Z'), 'America/New_York')).toEqual({
      date: '2026-11-23',
      minuteOfDay: 1410,
      isoWeekday: 1,
    });
  });

  it('round-trips with localDateToInstant through a fall-back day', () => {
    const at = localDateToInstant('2026-10-25', 'Europe/Warsaw', 600);
    expect(at.toISOString()).toBe('2026-10-25T09:00:00.000Z');
    expect(instantToLocal(at, 'Europe/Warsaw')).toEqual({
      date: '2026-10-25',
      minuteOfDay: 600,
      isoWeekday: 7,
    });
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and rejects others', () => {
    expect(isValidTimeZone('Europe/Warsaw')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
