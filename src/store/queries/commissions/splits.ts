import { canSeeOwner, type Viewer } from '../../../domain/access/viewer.ts';
import { AppError, type ErrorDetail } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { inTransaction } from '../../in-transaction.ts';
import { recordAudit } from '../../tables/audit-log.ts';

/** One person's share of a deal's credit, in basis points (10000 = the whole deal). */
export interface SplitShare {
  userId: number;
  shareBp: number;
}

/** A deal's crediting as the splits page shows it: no splits means the owner is credited with all of it. */
export interface DealSplits {
  opportunityId: number;
  ownerId: number | null;
  splits: Array<SplitShare & { userName: string }>;
}

function notFound(opportunityId: number): AppError {
  return new AppError('not_found', `Opportunity ${opportunityId} not found`, [
    { field: 'id', value: String(opportunityId), reason: 'no such opportunity', rule: 'not_found' },
  ]);
}

async function readSplits(db: Db, opportunityId: number, ownerId: number | null): Promise<DealSplits> {
  const rows = await db
    .selectFrom('opportunity_splits as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.user_id', 's.share_bp', 'u.name'])
    .where('s.opportunity_id', '=', opportunityId)
    .orderBy('s.user_id')
    .execute();
  return {
    opportunityId,
    ownerId,
    splits: rows.map((r) => ({ userId: Number(r.user_id), shareBp: r.share_bp, userName: r.name })),
  };
}

/** The deal's splits, or undefined when the deal does not exist or the viewer may not see it (no existence leak). */
export async function getSplits(
  db: Db,
  viewer: Viewer,
  opportunityId: number,
): Promise<DealSplits | undefined> {
  const deal = await db
    .selectFrom('opportunities')
    .select(['id', 'owner_id'])
    .where('id', '=', opportunityId)
    .executeTakeFirst();
  if (!deal || !canSeeOwner(viewer, deal.owner_id)) return undefined;
  return readSplits(db, opportunityId, deal.owner_id);
}

/** Problems with the shares themselves, each naming its field; an empty list of splits is valid (owner 100%). */
export function splitProblems(splits: readonly SplitShare[]): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const seen = new Set<number>();
  splits.forEach((s, i) => {
    if (!Number.isSafeInteger(s.userId) || s.userId <= 0)
      errors.push({ field: `splits.${i}.userId`, value: String(s.userId), reason: 'must be a user id' });
    else if (seen.has(s.userId))
      errors.push({ field: `splits.${i}.userId`, value: String(s.userId), reason: 'appears twice' });
    seen.add(s.userId);
    if (!Number.isInteger(s.shareBp) || s.shareBp < 1 || s.shareBp > 10000)
      errors.push({
        field: `splits.${i}.shareBp`,
        value: String(s.shareBp),
        reason: 'must be a whole number of basis points from 1 to 10000',
      });
  });
  const total = splits.reduce((sum, s) => sum + s.shareBp, 0);
  if (splits.length > 0 && errors.length === 0 && total !== 10000)
    errors.push({ field: 'splits', value: String(total), reason: 'shares must sum to 10000 (100%)' });
  return errors;
}

/**
 * Replaces a deal's splits (empty: back to the owner alone), in one transaction with its audit entry. Admins may
 * split any deal; a manager only deals owned by someone below them (not their own, as with coaching plans), and
 * never with themself as a sharer.
 * A deal the viewer cannot see is not_found; one they see but may not split is forbidden. Every sharer must be an
 * active user. A deal already in a locked statement may still be re-split: the next open period picks up the
 * difference as a prior-period adjustment (docs/commissions.md).
 */
export async function setSplits(
  db: Db,
  viewer: Viewer,
  opportunityId: number,
  splits: readonly SplitShare[],
): Promise<DealSplits> {
  const errors = splitProblems(splits);
  if (errors.length > 0) throw new AppError('validation', 'The splits are invalid', errors);
  return inTransaction(db, async (tx) => {
    // Row lock: two concurrent edits of one deal's splits apply one after the other, never interleaved.
    const deal = await tx
      .selectFrom('opportunities')
      .select(['id', 'owner_id'])
      .where('id', '=', opportunityId)
      .forUpdate()
      .executeTakeFirst();
    if (!deal || !canSeeOwner(viewer, deal.owner_id)) throw notFound(opportunityId);
    const mayEdit =
      viewer.role === 'admin' ||
      (viewer.role === 'manager' && deal.owner_id !== null && deal.owner_id !== viewer.userId);
    if (!mayEdit) throw new AppError('forbidden', "Only admins and the owner's managers may split a deal");
    // A manager may not split their own deals, nor pay themself by crediting themself with a deal of their people.
    const self = splits.findIndex((s) => s.userId === viewer.userId);
    if (viewer.role === 'manager' && self >= 0) {
      throw new AppError('forbidden', 'A manager may not credit themself with a deal; ask an admin', [
        { field: `splits.${self}.userId`, value: String(viewer.userId), reason: 'that is you' },
      ]);
    }
    const ids = splits.map((s) => s.userId);
    const users =
      ids.length === 0
        ? []
        : await tx.selectFrom('users').select(['id', 'active']).where('id', 'in', ids).execute();
    splits.forEach((s, i) => {
      const u = users.find((row) => Number(row.id) === s.userId);
      if (!u)
        errors.push({ field: `splits.${i}.userId`, value: String(s.userId), reason: 'no user with this id' });
      else if (!u.active)
        errors.push({ field: `splits.${i}.userId`, value: String(s.userId), reason: 'user is not active' });
    });
    if (errors.length > 0) throw new AppError('validation', 'The splits are invalid', errors);
    const before = await readSplits(tx, opportunityId, deal.owner_id);
    await tx.deleteFrom('opportunity_splits').where('opportunity_id', '=', opportunityId).execute();
    if (splits.length > 0) {
      await tx
        .insertInto('opportunity_splits')
        .values(
          splits.map((s) => ({ opportunity_id: opportunityId, user_id: s.userId, share_bp: s.shareBp })),
        )
        .execute();
    }
    const after = await readSplits(tx, opportunityId, deal.owner_id);
    await recordAudit(tx, viewer, {
      action: 'update',
      entity: 'opportunity_splits',
      entityId: opportunityId,
      before: before.splits.map(({ userId, shareBp }) => ({ userId, shareBp })),
      after: after.splits.map(({ userId, shareBp }) => ({ userId, shareBp })),
    });
    return after;
  });
}
