import type { ColumnType, Generated } from 'kysely';
import {
  DEFAULT_QUADRANT_THRESHOLDS,
  thresholdProblems,
  type QuadrantThresholds,
} from '../../domain/coaching/quadrants.ts';
import { AppError } from '../../errors.ts';
import type { Db } from '../db.ts';

/** quadrant_settings (0026): one row of thresholds. */
export interface QuadrantSettingsTable {
  id: Generated<number>;
  level_percentile: number;
  trend_slope: number;
  min_periods: number;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export async function getQuadrantThresholds(db: Db): Promise<QuadrantThresholds> {
  const row = await db.selectFrom('quadrant_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return { ...DEFAULT_QUADRANT_THRESHOLDS };
  return {
    levelPercentile: Number(row.level_percentile),
    trendSlope: Number(row.trend_slope),
    minPeriods: Number(row.min_periods),
  };
}

/** Changes some thresholds (checked first, all problems named); returns the whole. */
export async function updateQuadrantThresholds(
  db: Db,
  patch: Partial<QuadrantThresholds>,
): Promise<QuadrantThresholds> {
  const next = { ...(await getQuadrantThresholds(db)), ...patch };
  const problems = thresholdProblems(next);
  if (problems.length > 0) throw new AppError('validation', 'Invalid quadrant thresholds', problems);
  const values = {
    level_percentile: next.levelPercentile,
    trend_slope: next.trendSlope,
    min_periods: next.minPeriods,
    updated_at: new Date(),
  };
  await db
    .insertInto('quadrant_settings')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  return next;
}
