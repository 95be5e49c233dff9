import type { Period, PeriodCalendar } from '../../../domain/calendar/period.ts';
import { quotaTargetsFor } from '../../../domain/commissions/quota-share.ts';
import type { Db } from '../../db.ts';
import { QUOTA_METRIC } from '../metrics/quota-goals.ts';

/**
 * Each person's quota per period, as statements take it (quotaTargetsFor: their won_revenue goals pro-rated by
 * days), from one read of the goals. Keyed by period key, then user id; people without a quota are absent.
 */
export async function quotaTargetsByPeriod(
  db: Db,
  periods: readonly Period[],
  userIds: readonly number[],
  cal: PeriodCalendar,
): Promise<Map<string, Map<number, number>>> {
  if (userIds.length === 0) return new Map(periods.map((p) => [p.key, new Map()]));
  const rows = await db
    .selectFrom('goals')
    .select(['scope_id', 'grain', 'period_key', 'target'])
    .where('metric_id', '=', QUOTA_METRIC)
    .where('scope_type', '=', 'user')
    .where('archived_at', 'is', null)
    .where('scope_id', 'in', [...userIds])
    .execute();
  const goals = rows.flatMap((g) =>
    g.scope_id === null
      ? []
      : [{ userId: g.scope_id, grain: g.grain, periodKey: g.period_key, targetMinor: Number(g.target) }],
  );
  return new Map(periods.map((p) => [p.key, quotaTargetsFor(goals, p.start, p.end, cal)]));
}
