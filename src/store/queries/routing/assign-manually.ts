import { sql } from 'kysely';
import { canSeeOwner, type Viewer } from '../../../domain/access/viewer.ts';
import { leadSlaDeadline } from '../../../domain/calendar/business-time.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { inTransaction } from '../../in-transaction.ts';
import { getBusinessCalendar } from '../../tables/calendar.ts';
import { getSettings } from '../../tables/settings.ts';

/**
 * Assigns a lead to a rep by hand (kind 'manual'): a manager within their subtree (the lead's current owner and
 * the new one), an admin anywhere. The lead row is locked, so a routing run cannot assign it at the same moment;
 * the new rep's response deadline runs from now.
 */
export async function assignManually(
  db: Db,
  viewer: Viewer,
  leadId: number,
  userId: number,
  now: Date,
): Promise<{ leadId: number; userId: number; previousUserId: number | null }> {
  return inTransaction(db, async (tx) => {
    const lead = await sql<{
      owner_id: number | null;
    }>`select owner_id from leads where id = ${leadId} for update`.execute(tx);
    const row = lead.rows[0];
    if (!row) throw new AppError('not_found', `Lead ${leadId} not found`);
    const user = await tx
      .selectFrom('users')
      .select(['id', 'active'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user)
      throw new AppError('validation', 'Invalid assignment', [
        { field: 'userId', value: String(userId), reason: 'no such user', rule: 'not_found' },
      ]);
    if (!canSeeOwner(viewer, row.owner_id) || !canSeeOwner(viewer, userId))
      throw new AppError('forbidden', 'You may assign only leads and reps in your team');
    const settings = await getSettings(tx);
    const year = now.getUTCFullYear();
    const cal = await getBusinessCalendar(tx, year - 1, year + 1, settings);
    await tx
      .updateTable('leads')
      .set({ owner_id: userId, updated_at: now })
      .where('id', '=', leadId)
      .execute();
    await tx
      .insertInto('lead_assignments')
      .values({
        lead_id: leadId,
        user_id: userId,
        previous_user_id: row.owner_id,
        kind: 'manual',
        reason:
          viewer.userId === null ? 'assigned by hand (system)' : `assigned by hand by user ${viewer.userId}`,
        assigned_at: now,
        respond_by: leadSlaDeadline(now, cal, settings.leadSlaMinutes, settings.leadSlaSameBusinessDay),
        assigned_by: viewer.userId,
      })
      .execute();
    return { leadId, userId, previousUserId: row.owner_id };
  });
}
