import type { Viewer } from '../access/viewer.ts';
import type { GoalScopeType } from './goal.ts';

/**
 * Whether the viewer may create or change a goal for this scope: admins for anyone; managers for users in their
 * subtree and teams they manage (directly or through a sub-team); reps only personal goals for themselves.
 * Company goals are admin-only. `managedTeamIds` is the viewer's managed team subtree (store lookup).
 */
export function canSetGoalFor(
  viewer: Viewer,
  scope: { scopeType: GoalScopeType; scopeId: number | null },
  managedTeamIds: readonly number[],
): boolean {
  if (viewer.role === 'admin') return true;
  if (scope.scopeType === 'company' || scope.scopeId === null) return false;
  if (viewer.role === 'rep') return scope.scopeType === 'user' && scope.scopeId === viewer.userId;
  if (scope.scopeType === 'user') {
    return viewer.visibleUserIds === null || viewer.visibleUserIds.includes(scope.scopeId);
  }
  return managedTeamIds.includes(scope.scopeId);
}
