import type { Viewer } from '../../../domain/access/viewer.ts';
import type { Db } from '../../db.ts';
import { toAlert, type Alert } from '../../tables/alerts.ts';

/** One alert if the viewer may see it (owner visible, or the viewer is its manager recipient), else undefined. */
export async function listAlertById(db: Db, viewer: Viewer, alertId: number): Promise<Alert | undefined> {
  const row = await db.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirst();
  if (!row) return undefined;
  const visible = viewer.visibleUserIds;
  const canSee =
    visible === null ||
    (row.owner_id !== null && visible.includes(row.owner_id)) ||
    (viewer.userId !== null && row.manager_id === viewer.userId);
  return canSee ? toAlert(row) : undefined;
}
