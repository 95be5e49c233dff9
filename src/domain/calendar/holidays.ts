import Holidays from 'date-holidays';

/** A day off: local date and a display name. */
export interface Holiday {
  date: string;
  name: string;
}

// Building a date-holidays instance parses its rule data; one per country/region is enough.
const instances = new Map<string, Holidays>();

function instance(country: string, region: string | null): Holidays {
  const key = `${country}/${region ?? ''}`;
  let hd = instances.get(key);
  if (!hd) {
    hd = region
      ? new Holidays(country, region, { languages: ['en'], types: ['public'] })
      : new Holidays(country, { languages: ['en'], types: ['public'] });
    instances.set(key, hd);
  }
  return hd;
}

/** True when date-holidays knows the country (ISO 3166-1 alpha-2) and, if given, its region/state code. */
export function isKnownHolidayCalendar(country: string, region: string | null): boolean {
  const countries = new Holidays().getCountries();
  if (!Object.hasOwn(countries, country)) return false;
  if (!region) return true;
  const states = new Holidays().getStates(country) ?? {};
  return Object.hasOwn(states, region);
}

/**
 * Public holidays (type 'public' only: no observances, school or bank days) of a country/region for the years
 * fromYear..toYear inclusive, sorted by date. Dates are the local dates date-holidays reports.
 */
export function publicHolidays(
  country: string,
  region: string | null,
  fromYear: number,
  toYear: number,
): Holiday[] {
  const hd = instance(country, region);
  const byDate = new Map<string, string>();
  for (let year = fromYear; year <= toYear; year += 1) {
    for (const h of hd.getHolidays(year)) {
      if (h.type !== 'public') continue;
      const date = h.date.slice(0, 10);
      // Two public holidays on one day (e.g. a substitute) are shown together.
      const prior = byDate.get(date);
      byDate.set(date, prior ? `${prior} / ${h.name}` : h.name);
    }
  }
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, name]) => ({ date, name }));
}
