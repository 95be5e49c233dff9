import { describe, expect, it } from 'vitest';
import { dayNumber } from './local-date.ts';
import { instantToLocal, isValidTimeZone, localDateToInstant, localDayNumber } from './zoned.ts';

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

describe('localDayNumber', () => {
  it('is the day number of the local date, on both sides of a transition and of local midnight', () => {
    // Every 37 minutes over the 2026 transitions in New York and Kolkata's +05:30 (midnight at 18:30 UTC).
    for (const zone of ['America/New_York', 'Asia/Kolkata', 'UTC']) {
      for (const [from, to] of [
        ['2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z'],
        ['2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z'],
      ]) {
        for (let ms = Date.parse(from as string); ms < Date.parse(to as string); ms += 37 * 60_000) {
          expect(localDayNumber(ms, zone), `${zone} ${new Date(ms).toISOString()}`).toBe(
            dayNumber(instantToLocal(new Date(ms), zone).date),
          );
        }
      }
    }
    // 04:59:59.999 UTC is still the previous day in New York (EST), 05:00 the next.
    expect(localDayNumber(Date.parse('2026-01-15T04:59:59.999Z'), 'America/New_York')).toBe(
      dayNumber('2026-01-14'),
    );
    expect(localDayNumber(Date.parse('2026-01-15T05:00:00.000Z'), 'America/New_York')).toBe(
      dayNumber('2026-01-15'),
    );
  });
});
