/**
 * The first day of the week a locale's readers expect, from CLDR through Intl: he-IL and en-US start on Sunday,
 * pl, ro and en-GB on Monday, ar-EG on Saturday. ISO weekday numbers (1 = Monday ... 7 = Sunday).
 */

interface WeekInfo {
  firstDay?: number;
}

/** Intl.Locale with the week data Node 24 has as getWeekInfo() (older engines had a weekInfo getter). */
type LocaleWithWeekInfo = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

/** Used when the engine has no week data or the locale does not parse: ISO 8601's Monday. */
export const ISO_WEEK_START = 1;

/** The locale's first day of the week (1-7); ISO Monday when Intl cannot tell. */
export function localeWeekStart(locale: string): number {
  let loc: LocaleWithWeekInfo;
  try {
    loc = new Intl.Locale(locale);
  } catch {
    return ISO_WEEK_START;
  }
  const info = typeof loc.getWeekInfo === 'function' ? loc.getWeekInfo() : loc.weekInfo;
  const day = info?.firstDay;
  return typeof day === 'number' && Number.isInteger(day) && day >= 1 && day <= 7 ? day : ISO_WEEK_START;
}

/** The week start a workspace uses: its stored choice, or its locale's first day when it made none (null). */
export function effectiveWeekStart(choice: number | null, locale: string): number {
  return choice ?? localeWeekStart(locale);
}
