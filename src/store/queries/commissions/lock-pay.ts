import type { Viewer } from '../../../domain/access/viewer.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { inTransaction } from '../../in-transaction.ts';
import { recordAudit } from '../../tables/audit-log.ts';
import { commissionPeriod } from './commission-period.ts';
import { requireCommissionsAdmin } from './plans.ts';
import { lockCommissionWrites } from './writes-lock.ts';

/** Which statements a lock or pay acts on: one by id, or a period's (optionally some people's). */
export type StatementTarget = { statementId: number } | { periodKey: string; userIds?: readonly number[] };

async function targetIds(db: Db, target: StatementTarget, status: 'draft' | 'locked'): Promise<number[]> {
  if ('statementId' in target) {
    const s = await db
      .selectFrom('commission_statements')
      .select(['id', 'status'])
      .where('id', '=', target.statementId)
      .executeTakeFirst();
    if (!s) {
      throw new AppError('not_found', `Statement ${target.statementId} not found`, [
        { field: 'id', value: String(target.statementId), reason: 'no such statement', rule: 'not_found' },
      ]);
    }
    if (s.status !== status) {
      throw new AppError('conflict', `Statement ${s.id} is ${s.status}, not ${status}`, [
        {
          field: 'id',
          value: String(s.id),
          reason: status === 'draft' ? 'only a draft can be locked' : 'only a locked statement can be paid',
        },
      ]);
    }
    return [s.id];
  }
  const period = await commissionPeriod(db, target.periodKey);
  let q = db
    .selectFrom('commission_statements')
    .select('id')
    .where('period_key', '=', period.key)
    .where('status', '=', status);
  if (target.userIds) q = q.where('user_id', 'in', target.userIds.length > 0 ? [...target.userIds] : [-1]);
  return (await q.orderBy('id').execute()).map((r) => r.id);
}

/**
 * Locks drafts: from now on the statement and its lines are an immutable snapshot (the 0030 trigger refuses any
 * change); later changes to its deals are paid as prior-period adjustments. Admins only; audited per statement.
 */
export async function lockStatements(
  db: Db,
  viewer: Viewer,
  target: StatementTarget,
  now = new Date(),
): Promise<number[]> {
  requireCommissionsAdmin(viewer, 'lock statements');
  return inTransaction(db, async (tx) => {
    await lockCommissionWrites(tx);
    const ids = await targetIds(tx, target, 'draft');
    if (ids.length === 0) return [];
    await tx
      .updateTable('commission_statements')
      .set({ status: 'locked', locked_at: now, locked_by: viewer.userId })
      .where('id', 'in', ids)
      .where('status', '=', 'draft')
      .execute();
    for (const id of ids) {
      await recordAudit(tx, viewer, { action: 'lock', entity: 'commission_statement', entityId: id });
    }
    return ids;
  });
}

/** Marks locked statements paid (the one change the trigger allows). Admins only; audited per statement. */
export async function payStatements(
  db: Db,
  viewer: Viewer,
  target: StatementTarget,
  now = new Date(),
): Promise<number[]> {
  requireCommissionsAdmin(viewer, 'mark statements paid');
  return inTransaction(db, async (tx) => {
    await lockCommissionWrites(tx);
    const ids = await targetIds(tx, target, 'locked');
    if (ids.length === 0) return [];
    await tx
      .updateTable('commission_statements')
      .set({ status: 'paid', paid_at: now, paid_by: viewer.userId })
      .where('id', 'in', ids)
      .where('status', '=', 'locked')
      .execute();
    for (const id of ids) {
      await recordAudit(tx, viewer, { action: 'pay', entity: 'commission_statement', entityId: id });
    }
    return ids;
  });
}
