import { describe, expect, it } from 'vitest';
import { formatDays, formatMinute, parseDays, parseHours } from './settings-text.ts';

describe('parseHours', () => {
  it('reads HH:MM-HH:MM as minutes after midnight', () => {
    expect(parseHours('09:00-18:00')).toEqual({ start: 540, end: 1080 });
    expect(parseHours('8:30 - 24:00')).toEqual({ start: 510, end: 1440 });
    expect(parseHours('9-18')).toBeNull();
    expect(parseHours('09:75-18:00')).toBeNull();
  });

  it('formats minutes back', () => {
    expect(formatMinute(510)).toBe('08:30');
    expect(formatMinute(1440)).toBe('24:00');
  });
});

describe('parseDays', () => {
  it('reads ranges, lists, numbers and wrapping ranges', () => {
    expect(parseDays('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('Monday,wed,fri')).toEqual([1, 3, 5]);
    expect(parseDays('1-5,7')).toEqual([1, 2, 3, 4, 5, 7]);
    expect(parseDays('sun-thu')).toEqual([1, 2, 3, 4, 7]);
    expect(parseDays('mo-fr')).toBeNull();
    expect(parseDays('mon-fri-sat')).toBeNull();
  });

  it('formats ISO weekdays as short names', () => {
    expect(formatDays([1, 2, 3, 4, 5])).toBe('mon,tue,wed,thu,fri');
  });
});
