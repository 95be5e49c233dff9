import type { Viewer } from '../../../domain/access/viewer.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { toAlert, type Alert } from '../../tables/alerts.ts';
import { listAlertById } from './alert-by-id.ts';

/**
 * Acknowledges an alert the viewer can see (owner, their managers, admins). Acknowledging twice keeps the first
 * acknowledgement. Throws not_found for alerts the viewer cannot see, so ids do not leak.
 */
export async function ackAlert(db: Db, viewer: Viewer, alertId: number, now: Date): Promise<Alert> {
  const existing = await listAlertById(db, viewer, alertId);
  if (!existing)
    throw new AppError('not_found', `Alert ${alertId} not found`, [
      { field: 'id', reason: 'no such alert', rule: 'not_found' },
    ]);
  if (existing.acknowledgedAt) return existing;
  const row = await db
    .updateTable('alerts')
    .set({ acknowledged_at: now, acknowledged_by: viewer.userId })
    .where('id', '=', alertId)
    .where('acknowledged_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row ? toAlert(row) : ((await listAlertById(db, viewer, alertId)) as Alert);
}
