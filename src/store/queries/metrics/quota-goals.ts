import {
  parsePeriod,
  periodsBetween,
  type Grain,
  type PeriodCalendar,
} from '../../../domain/calendar/period.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';

/** The metric a goal must track to count as a quota. */
export const QUOTA_METRIC = 'won_revenue';

/**
 * Loads the active per-user quota goals (a small configuration table) and returns a function giving, for a range
 * of local dates, which goals count and how often: a goal for one period counts once when its period lies within
 * the range; a recurring goal (no period key) counts once for each whole period of its grain within the range.
 */
export async function quotaGoalWeights(
  db: Db,
  cal: PeriodCalendar,
): Promise<(start: string, endExclusive: string) => Array<{ goalId: number; weight: number }>> {
  const goals = await db
    .selectFrom('goals')
    .select(['id', 'grain', 'period_key'])
    .where('metric_id', '=', QUOTA_METRIC)
    .where('scope_type', '=', 'user')
    .where('archived_at', 'is', null)
    .execute();
  const parsed = goals.map((g) => {
    if (g.period_key === null) return { id: g.id, grain: g.grain as Grain, period: null };
    try {
      return { id: g.id, grain: g.grain as Grain, period: parsePeriod(g.period_key, cal) };
    } catch (err) {
      // A goal with a key the calendar cannot read never counts; the goals API validates keys on entry.
      if (err instanceof AppError) return null;
      throw err;
    }
  });
  return (start, end) => {
    const out: Array<{ goalId: number; weight: number }> = [];
    for (const g of parsed) {
      if (!g) continue;
      if (g.period) {
        if (g.period.start >= start && g.period.end <= end) out.push({ goalId: g.id, weight: 1 });
        continue;
      }
      const whole = periodsBetween(start, end, g.grain, cal).filter(
        (p) => p.start >= start && p.end <= end,
      ).length;
      if (whole > 0) out.push({ goalId: g.id, weight: whole });
    }
    return out;
  };
}
