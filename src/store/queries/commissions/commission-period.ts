import { parsePeriod, periodContaining, type Period } from '../../../domain/calendar/period.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { getSettings } from '../../tables/settings.ts';

/**
 * The period a run computes: a month, quarter or year key ('2026-11', '2026-Q4', '2026', 'FY2027-Q1').
 *
 * Quarters and years have one spelling per workspace: fiscal keys when the fiscal year starts after January,
 * calendar keys otherwise (as periodContaining and the estimate name them). Statements are unique per person
 * and key, so a calendar '2026-Q4' beside a fiscal 'FY2027-Q3' would pay the same deals twice; a key of the
 * other calendar is refused, and one naming the same dates ('FY2026-Q4' with a January start) is read as the
 * workspace's own key.
 */
export async function commissionPeriod(db: Db, periodKey: string): Promise<Period> {
  const settings = await getSettings(db);
  const period = parsePeriod(periodKey, settings);
  if (period.grain !== 'month' && period.grain !== 'quarter' && period.grain !== 'year') {
    throw new AppError(
      'validation',
      `Commissions are computed per month, quarter or year, not '${periodKey}'`,
      [{ field: 'period', value: periodKey, reason: "expected e.g. '2026-11', '2026-Q4' or '2026'" }],
    );
  }
  const own = periodContaining(period.start, period.grain, settings);
  if (own.start !== period.start || own.end !== period.end) {
    throw new AppError('validation', `'${periodKey}' is not a ${period.grain} of this workspace's calendar`, [
      {
        field: 'period',
        value: periodKey,
        reason: `the fiscal year starts in month ${settings.fiscalYearStartMonth}: use keys like '${own.key}'`,
      },
    ]);
  }
  return own;
}
