import type { Viewer } from '../../../domain/access/viewer.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';

/** A badge as the rep's page shows it. */
export interface Badge {
  id: number;
  kind: 'goal_streak' | 'personal_best' | 'goal_met';
  metricId: string;
  goalId: number | null;
  periodKey: string;
  value: number | null;
  details: Record<string, unknown>;
  awardedAt: Date;
}

/** A user's badges, newest first; not_found when the viewer may not see that user. */
export async function listBadges(db: Db, viewer: Viewer, userId: number): Promise<Badge[]> {
  if (viewer.visibleUserIds !== null && !viewer.visibleUserIds.includes(userId)) {
    throw new AppError('not_found', `User ${userId} not found`, [
      { field: 'id', reason: 'no such user', rule: 'not_found' },
    ]);
  }
  const rows = await db
    .selectFrom('badges')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('awarded_at', 'desc')
    .orderBy('period_key', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    metricId: r.metric_id,
    goalId: r.goal_id,
    periodKey: r.period_key,
    value: r.value === null ? null : Number(r.value),
    details: (r.details ?? {}) as Record<string, unknown>,
    awardedAt: r.awarded_at,
  }));
}
