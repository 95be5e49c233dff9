import type { Viewer } from '../../domain/access/viewer.ts';
import type { Db } from '../db.ts';
import { visibleUserIdsFor } from './visible-users.ts';

/**
 * Whether `viewer`, built when the request was authenticated, is still what the store says now: the user active
 * with the same role and the same visible users. A request's viewer is built before the route reads anything else,
 * so a write landing in between (a role or team change) leaves it one state behind; whatever is recorded for the
 * current state in the viewer's name (a stored answer's alias) must be checked with this first.
 */
export async function viewerUnchanged(db: Db, viewer: Viewer): Promise<boolean> {
  if (viewer.userId === null) return false;
  const user = await db
    .selectFrom('users')
    .select(['role', 'active'])
    .where('id', '=', viewer.userId)
    .executeTakeFirst();
  if (!user || !user.active || user.role !== viewer.role) return false;
  const visible = await visibleUserIdsFor(db, viewer.userId, viewer.role);
  if (visible === null || viewer.visibleUserIds === null) return visible === viewer.visibleUserIds;
  return (
    visible.length === viewer.visibleUserIds.length &&
    visible.every((id, i) => viewer.visibleUserIds?.[i] === id)
  );
}
