import type { Viewer } from '../access/viewer.ts';

/*
 * Who may do what with plans (docs/coaching.md, "Development plans", access table). Plans are the most private
 * data of a team; every rule starts from "no".
 *
 * | action                               | the rep (subject) | their manager(s) | admin | others |
 * |--------------------------------------|-------------------|------------------|-------|--------|
 * | see the plan, its targets and status | yes               | yes              | yes   | 404    |
 * | create / change / record an outcome  | no (403)          | yes              | yes   | 404    |
 * | add a check-in note                  | yes               | yes              | yes   | 404    |
 *
 * A manager is the subject of their own plans like any rep: they read them and add notes but cannot change them.
 */

/** Whether the viewer may see plans of user `userId`: themself, a manager's subtree, everyone for admins. */
export function canSeePlansOf(viewer: Viewer, userId: number): boolean {
  if (viewer.visibleUserIds === null) return true;
  return viewer.visibleUserIds.includes(userId);
}

/** Whether the viewer may create, change and close plans of `userId`: admins; managers for their subtree but not themselves. */
export function canManagePlansOf(viewer: Viewer, userId: number): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'manager' || viewer.userId === userId) return false;
  return canSeePlansOf(viewer, userId);
}

/** Whether the viewer may add a check-in to a plan of `userId`: the rep themself or anyone who manages it. */
export function canCheckInOn(viewer: Viewer, userId: number): boolean {
  return (viewer.userId !== null && viewer.userId === userId) || canManagePlansOf(viewer, userId);
}
