import type { Viewer } from '../../../domain/access/viewer.ts';
import { AppError } from '../../../errors.ts';

/**
 * Who may set or remove a rep's out-of-office dates: the rep themselves, a manager for their subtree, an admin for
 * anyone. Anything else is forbidden (a read-only token is stopped before this by requireWrite).
 */
export function requireOutOfOfficeAccess(viewer: Viewer, userId: number): void {
  if (viewer.role === 'admin' && viewer.visibleUserIds === null) return;
  if (viewer.userId === userId) return;
  if (viewer.role === 'manager' && viewer.visibleUserIds?.includes(userId)) return;
  throw new AppError('forbidden', "You may not change this rep's out-of-office dates");
}
