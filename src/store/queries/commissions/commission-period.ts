import { parsePeriod, type Period } from '../../../domain/calendar/period.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { getSettings } from '../../tables/settings.ts';

/** The period a run computes: a month, quarter or year key ('2026-11', '2026-Q4', '2026', 'FY2027-Q1'). */
export async function commissionPeriod(db: Db, periodKey: string): Promise<Period> {
  const settings = await getSettings(db);
  const period = parsePeriod(periodKey, settings.fiscalYearStartMonth);
  if (period.grain !== 'month' && period.grain !== 'quarter' && period.grain !== 'year') {
    throw new AppError(
      'validation',
      `Commissions are computed per month, quarter or year, not '${periodKey}'`,
      [{ field: 'period', value: periodKey, reason: "expected e.g. '2026-11', '2026-Q4' or '2026'" }],
    );
  }
  return period;
}
