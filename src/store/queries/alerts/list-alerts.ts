import type { Viewer } from '../../../domain/access/viewer.ts';
import type { Db } from '../../db.ts';
import { toAlert, type Alert } from '../../tables/alerts.ts';

/** Filters for the alert list. */
export interface AlertFilter {
  /** Only unacknowledged alerts. */
  openOnly?: boolean;
  /** Alerts whose owner is this user (managers narrowing to one rep). */
  ownerId?: number;
  limit?: number;
}

/**
 * Alerts the viewer may see: those on leads owned by a visible user, plus those where the viewer is the manager
 * recipient. Reps see their own; managers their subtree; admins everything.
 */
export async function listAlerts(db: Db, viewer: Viewer, filter: AlertFilter = {}): Promise<Alert[]> {
  let q = db.selectFrom('alerts').selectAll();
  const visible = viewer.visibleUserIds;
  if (visible !== null) {
    q = q.where((eb) => {
      const ors = [];
      if (visible.length > 0) ors.push(eb('owner_id', 'in', visible));
      if (viewer.userId !== null) ors.push(eb('manager_id', '=', viewer.userId));
      return ors.length > 0 ? eb.or(ors) : eb.val(false);
    });
  }
  if (filter.openOnly) q = q.where('acknowledged_at', 'is', null);
  if (filter.ownerId !== undefined) q = q.where('owner_id', '=', filter.ownerId);
  const rows = await q
    .orderBy('raised_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map(toAlert);
}
