import type { Role, Viewer } from '../../domain/access/viewer.ts';
import type { Db } from '../db.ts';
import { visibleUserIdsFor } from './visible-users.ts';

/** Builds the Viewer for a signed-in user (or an API token acting as its creator): one query for managers. */
export async function viewerForUser(
  db: Db,
  user: { userId: number; role: Role },
  token?: { tokenId: number; scope: 'read' | 'write' },
): Promise<Viewer> {
  const visibleUserIds = await visibleUserIdsFor(db, user.userId, user.role);
  const viewer: Viewer = { userId: user.userId, role: user.role, visibleUserIds };
  if (token) {
    viewer.tokenId = token.tokenId;
    viewer.tokenScope = token.scope;
  }
  return viewer;
}
