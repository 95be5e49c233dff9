import { describe, expect, it } from 'vitest';
import { parseDateTime } from './date-time.ts';

const iso = (r: ReturnType<typeof parseDateTime>) =>
  typeof r === 'string' ? r : [r.instant.toISOString(), r.localDate];

describe('parseDateTime', () => {
  it('reads Salesforce M/D/YYYY (with and without a 12-hour time) as local time', () => {
    expect(iso(parseDateTime('2/14/2024', ['M/D/YYYY'], 'UTC'))).toEqual([
      '2024-02-14T00:00:00.000Z',
      '2024-02-14',
    ]);
    expect(iso(parseDateTime('12/1/2024 3:05 PM', ['M/D/YYYY', 'M/D/YYYY h:mm A'], 'UTC'))).toEqual([
      '2024-12-01T15:05:00.000Z',
      '2024-12-01',
    ]);
    expect(iso(parseDateTime('1/1/2024 12:30 AM', ['M/D/YYYY h:mm A'], 'UTC'))).toEqual([
      '2024-01-01T00:30:00.000Z',
      '2024-01-01',
    ]);
  });

  it('applies the time zone, including daylight saving time', () => {
    // New York is UTC-5 in January and UTC-4 in July.
    expect(iso(parseDateTime('2024-01-15 09:00', ['YYYY-MM-DD HH:mm'], 'America/New_York'))[0]).toBe(
      '2024-01-15T14:00:00.000Z',
    );
    expect(iso(parseDateTime('2024-07-15 09:00:30', ['YYYY-MM-DD HH:mm:ss'], 'America/New_York'))[0]).toBe(
      '2024-07-15T13:00:30.000Z',
    );
    expect(iso(parseDateTime('3.1.2024', ['D.M.YYYY'], 'Europe/Berlin'))).toEqual([
      '2024-01-02T23:00:00.000Z',
      '2024-01-03',
    ]);
  });

  it('accepts ISO 8601 with an offset whatever the formats', () => {
    expect(iso(parseDateTime('2024-02-01T09:30:00.000Z', ['M/D/YYYY'], 'Asia/Tokyo'))[0]).toBe(
      '2024-02-01T09:30:00.000Z',
    );
  });

  it('explains what is wrong', () => {
    expect(parseDateTime('2/30/2024', ['M/D/YYYY'], 'UTC')).toBe('day 30 does not exist in 2024-02');
    expect(parseDateTime('13/1/2024', ['M/D/YYYY'], 'UTC')).toMatch(/month 13 is out of range/);
    expect(parseDateTime('yesterday', ['M/D/YYYY', 'YYYY-MM-DD'], 'UTC')).toBe(
      "'yesterday' is not a date in the expected format (M/D/YYYY or YYYY-MM-DD)",
    );
    expect(parseDateTime('2024-01-01 25:00', ['YYYY-MM-DD HH:mm'], 'UTC')).toMatch(
      /time of day is out of range/,
    );
  });
});
