import type { Period } from '../../../domain/calendar/period.ts';
import type { Db } from '../../db.ts';
import { quotaGoalWeights, QUOTA_METRIC } from '../metrics/quota-goals.ts';

/**
 * Each person's quota per period: their won_revenue goals (docs/goals.md) counted in the period as the metrics
 * engine counts them (a goal for a period inside it once, a recurring goal once per whole period of its grain), in
 * minor units. Keyed by period key, then user id; people without a quota are absent.
 */
export async function quotaTargetsByPeriod(
  db: Db,
  periods: readonly Period[],
  userIds: readonly number[],
  fiscalYearStartMonth: number,
): Promise<Map<string, Map<number, number>>> {
  const out = new Map<string, Map<number, number>>(periods.map((p) => [p.key, new Map()]));
  if (userIds.length === 0) return out;
  const weigh = await quotaGoalWeights(db, fiscalYearStartMonth);
  const goals = await db
    .selectFrom('goals')
    .select(['id', 'scope_id', 'target'])
    .where('metric_id', '=', QUOTA_METRIC)
    .where('scope_type', '=', 'user')
    .where('archived_at', 'is', null)
    .where('scope_id', 'in', [...userIds])
    .execute();
  for (const p of periods) {
    const weights = new Map(weigh(p.start, p.end).map((w) => [w.goalId, w.weight]));
    const targets = out.get(p.key)!;
    for (const g of goals) {
      const w = weights.get(g.id);
      if (g.scope_id === null || w === undefined) continue;
      targets.set(g.scope_id, (targets.get(g.scope_id) ?? 0) + Math.round(Number(g.target) * w));
    }
  }
  return out;
}
