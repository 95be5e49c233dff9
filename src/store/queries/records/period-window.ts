import { parsePeriod } from '../../../domain/calendar/period.ts';
import { localDateToInstant } from '../../../domain/calendar/zoned.ts';
import type { Db } from '../../db.ts';
import { getSettings } from '../../tables/settings.ts';

/** A period key resolved for filtering: local dates [startDate, endDate) and the instants bounding them. */
export interface PeriodWindow {
  startDate: string;
  endDate: string;
  from: Date;
  to: Date;
}

/**
 * Resolves a period key ('2026-11', '2026-W47', 'FY2027-Q1', '2026-11-01..2026-11-15', ...) in the workspace
 * time zone and fiscal year, so "November" means local November for every list and export.
 */
export async function periodWindow(db: Db, key: string): Promise<PeriodWindow> {
  const settings = await getSettings(db);
  const p = parsePeriod(key, settings);
  return {
    startDate: p.start,
    endDate: p.end,
    from: localDateToInstant(p.start, settings.timeZone),
    to: localDateToInstant(p.end, settings.timeZone),
  };
}
