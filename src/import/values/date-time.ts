import { localDateToInstant } from '../../domain/calendar/zoned.ts';

/** A parsed timestamp: the instant plus the local calendar day as written (for date columns and day counts). */
export interface ParsedDateTime {
  instant: Date;
  localDate: string;
}

interface CompiledFormat {
  regex: RegExp;
  groups: string[];
}

// Tokens a mapping may use; longest first so 'YYYY' wins over 'YY' and 'MM' over 'M'.
const TOKENS: Array<[string, string]> = [
  ['YYYY', '(\\d{4})'],
  ['MM', '(\\d{2})'],
  ['DD', '(\\d{2})'],
  ['HH', '(\\d{2})'],
  ['hh', '(\\d{1,2})'],
  ['mm', '(\\d{2})'],
  ['ss', '(\\d{2})'],
  ['M', '(\\d{1,2})'],
  ['D', '(\\d{1,2})'],
  ['H', '(\\d{1,2})'],
  ['h', '(\\d{1,2})'],
  ['A', '([AaPp][Mm])'],
];

const compiled = new Map<string, CompiledFormat>();

/** Turns 'M/D/YYYY h:mm A' into a regex; every other character matches itself. */
export function compileDateFormat(format: string): CompiledFormat {
  const cached = compiled.get(format);
  if (cached) return cached;
  let pattern = '';
  const groups: string[] = [];
  let i = 0;
  outer: while (i < format.length) {
    for (const [token, re] of TOKENS) {
      if (format.startsWith(token, i)) {
        pattern += re;
        groups.push(token);
        i += token.length;
        continue outer;
      }
    }
    pattern += format[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    i += 1;
  }
  const result = { regex: new RegExp(`^${pattern}$`), groups };
  compiled.set(format, result);
  return result;
}

/** True when the format string uses only known tokens for a complete date (year, month and day). */
export function isUsableDateFormat(format: string): boolean {
  const { groups } = compileDateFormat(format);
  return (
    groups.includes('YYYY') &&
    groups.some((g) => g === 'M' || g === 'MM') &&
    groups.some((g) => g === 'D' || g === 'DD')
  );
}

// Zone offsets change at most on hour boundaries in practice, so one conversion per local hour serves every row in
// it; a 200k-row file then costs a few thousand Intl calls instead of a million.
const offsetCache = new Map<string, number>();

function offsetForHour(localDate: string, hour: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const key = `${timeZone}|${localDate}|${hour}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const instant = localDateToInstant(localDate, timeZone, hour * 60);
    offset = Date.parse(`${localDate}T00:00:00Z`) + hour * 3_600_000 - instant.getTime();
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1-12) of `year`, Gregorian; arithmetic, as it runs for every date cell of a file. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1] ?? 0;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Years a CRM record can plausibly carry; outside them a date is a typo (0024) or a placeholder (9999). */
export const YEAR_RANGE = { min: 1900, max: 2999 } as const;

/**
 * Parses a timestamp written in one of `formats` (tried in order) as local time in `timeZone`. ISO 8601 with an
 * explicit offset is always accepted and needs no zone. Returns a reason string when nothing fits or the year is
 * outside YEAR_RANGE (the store and the calendar code would otherwise get year 24 or 275760).
 */
export function parseDateTime(
  text: string,
  formats: readonly string[],
  timeZone: string,
): ParsedDateTime | string {
  const parsed = parseAnyYear(text, formats, timeZone);
  if (typeof parsed === 'string') return parsed;
  const year = Number(parsed.localDate.slice(0, 4));
  const utcYear = parsed.instant.getUTCFullYear();
  if ([year, utcYear].some((y) => !(y >= YEAR_RANGE.min && y <= YEAR_RANGE.max)))
    return `'${text.trim()}' is outside the years ${YEAR_RANGE.min}-${YEAR_RANGE.max}`;
  return parsed;
}

function parseAnyYear(text: string, formats: readonly string[], timeZone: string): ParsedDateTime | string {
  const value = text.trim();
  if (ISO_WITH_ZONE.test(value)) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) return { instant, localDate: value.slice(0, 10) };
  }
  for (const format of formats) {
    const { regex, groups } = compileDateFormat(format);
    const m = regex.exec(value);
    if (!m) continue;
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let meridiem: string | null = null;
    groups.forEach((g, idx) => {
      const raw = m[idx + 1]!;
      switch (g) {
        case 'YYYY':
          year = Number(raw);
          break;
        case 'MM':
        case 'M':
          month = Number(raw);
          break;
        case 'DD':
        case 'D':
          day = Number(raw);
          break;
        case 'HH':
        case 'H':
        case 'hh':
        case 'h':
          hour = Number(raw);
          break;
        case 'mm':
          minute = Number(raw);
          break;
        case 'ss':
          second = Number(raw);
          break;
        case 'A':
          meridiem = raw.toUpperCase();
          break;
      }
    });
    if (meridiem !== null) {
      if (hour < 1 || hour > 12) return `hour ${hour} is not valid with AM/PM in '${value}'`;
      hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
    }
    if (month < 1 || month > 12) return `month ${month} is out of range in '${value}' (format ${format})`;
    if (day < 1 || day > daysInMonth(year, month))
      return `day ${day} does not exist in ${year}-${pad(month)}`;
    if (hour > 23 || minute > 59 || second > 59) return `time of day is out of range in '${value}'`;
    const localDate = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    return { instant: new Date(wall - offsetForHour(localDate, hour, timeZone)), localDate };
  }
  return `'${value}' is not a date in the expected format (${formats.join(' or ')})`;
}
