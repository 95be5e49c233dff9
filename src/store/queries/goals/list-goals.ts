import { sql, type SqlBool } from 'kysely';
import type { Viewer } from '../../../domain/access/viewer.ts';
import type { Goal, GoalScopeType } from '../../../domain/goals/goal.ts';
import { visibleTeamIdsFor } from '../../access/visible-users.ts';
import type { Db } from '../../db.ts';
import { inList } from '../../sql/lists.ts';
import { toGoal } from './goal-row.ts';

/** Narrows the goal list. */
export interface GoalFilter {
  includeArchived?: boolean;
  scopeType?: GoalScopeType;
  scopeId?: number;
  metricId?: string;
  /** Goals that apply to this user: their personal goals, their team's goals and company goals. */
  forUserId?: number;
}

/**
 * Goals the viewer may see: company goals, personal goals of visible users, and goals of visible teams (a
 * manager's subtree, a rep's own team).
 */
export async function listGoals(db: Db, viewer: Viewer, filter: GoalFilter = {}): Promise<Goal[]> {
  const teamIds =
    viewer.visibleUserIds === null || viewer.userId === null
      ? null
      : await visibleTeamIdsFor(db, viewer.userId, viewer.role);
  let q = db.selectFrom('goals').selectAll();
  if (viewer.visibleUserIds !== null) {
    const users = viewer.visibleUserIds;
    const teams = teamIds ?? [];
    q = q.where(
      sql<SqlBool>`(scope_type = 'company'
        or (scope_type = 'user' and ${inList('scope_id', users)})
        or (scope_type = 'team' and ${inList('scope_id', teams)}))`,
    );
  }
  if (!filter.includeArchived) q = q.where('archived_at', 'is', null);
  if (filter.scopeType) q = q.where('scope_type', '=', filter.scopeType);
  if (filter.scopeId !== undefined) q = q.where('scope_id', '=', filter.scopeId);
  if (filter.metricId) q = q.where('metric_id', '=', filter.metricId);
  if (filter.forUserId !== undefined) {
    const uid = filter.forUserId;
    q = q.where((eb) =>
      eb.or([
        eb('scope_type', '=', 'company'),
        eb.and([eb('scope_type', '=', 'user'), eb('scope_id', '=', uid)]),
        eb.and([
          eb('scope_type', '=', 'team'),
          eb('scope_id', 'in', eb.selectFrom('users').select('team_id').where('id', '=', uid)),
        ]),
      ]),
    );
  }
  const rows = await q.orderBy('scope_type').orderBy('scope_id').orderBy('id').execute();
  return rows.map(toGoal);
}

/** One goal if the viewer may see it (same rule as listGoals), else undefined. */
export async function getGoal(db: Db, viewer: Viewer, goalId: number): Promise<Goal | undefined> {
  const row = await db.selectFrom('goals').selectAll().where('id', '=', goalId).executeTakeFirst();
  if (!row) return undefined;
  const goal = toGoal(row);
  if (viewer.visibleUserIds === null || goal.scopeType === 'company' || goal.scopeId === null) return goal;
  if (goal.scopeType === 'user') return viewer.visibleUserIds.includes(goal.scopeId) ? goal : undefined;
  const teams =
    viewer.userId === null ? [] : ((await visibleTeamIdsFor(db, viewer.userId, viewer.role)) ?? []);
  return teams.includes(goal.scopeId) ? goal : undefined;
}
