/** Roles, from most to least privileged. */
export type Role = 'admin' | 'manager' | 'rep';

/**
 * Who is asking. Every store query that returns row-level data takes a Viewer and filters by
 * `visibleUserIds`, so a new endpoint cannot forget access control.
 */
export interface Viewer {
  /** The signed-in user (for an API token: the admin who created it), or null for the system (CLI, scheduled jobs). */
  userId: number | null;
  role: Role;
  /** Users whose row-level data (opportunities, activities, leads, evaluations, pay) this viewer may read; null = everyone. */
  visibleUserIds: readonly number[] | null;
  /** Set for API-token callers: what the token may do. */
  tokenScope?: 'read' | 'write';
  /** Set for API-token callers: which token, so the audit log can name it. */
  tokenId?: number;
}

/** The viewer used by the CLI and background jobs: sees and may change everything. */
export const SYSTEM_VIEWER: Viewer = { userId: null, role: 'admin', visibleUserIds: null };

/** True when the viewer may read row-level data owned by `ownerId` (null owner = unassigned, admins/managers only). */
export function canSeeOwner(viewer: Viewer, ownerId: number | null): boolean {
  if (viewer.visibleUserIds === null) return true;
  if (ownerId === null) return viewer.role !== 'rep';
  return viewer.visibleUserIds.includes(ownerId);
}
