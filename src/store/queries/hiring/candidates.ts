import type { Viewer } from '../../../domain/access/viewer.ts';
import { AppError, type ErrorDetail } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import type { CandidateStatus } from '../../tables/hiring.ts';
import { normalizeEmail } from '../../tables/users.ts';
import { inTransaction } from '../../in-transaction.ts';
import { recordAudit } from '../../tables/audit-log.ts';
import { hiringReach, requireCandidateInReach, requireOpeningInReach } from './access.ts';

export interface Candidate {
  id: number;
  openingId: number;
  name: string;
  email: string | null;
  status: CandidateStatus;
  hiredUserId: number | null;
}

function toCandidate(row: {
  id: number;
  opening_id: number;
  name: string;
  email: string | null;
  status: CandidateStatus;
  hired_user_id: number | null;
}): Candidate {
  return {
    id: Number(row.id),
    openingId: Number(row.opening_id),
    name: row.name,
    email: row.email,
    status: row.status,
    hiredUserId: row.hired_user_id === null ? null : Number(row.hired_user_id),
  };
}

/** Adds a candidate to an opening within the viewer's reach. */
export async function createCandidate(
  db: Db,
  viewer: Viewer,
  input: { openingId: number; name: string; email: string | null; status?: CandidateStatus },
): Promise<Candidate> {
  const reach = await hiringReach(db, viewer);
  await requireOpeningInReach(db, reach, input.openingId);
  if (input.status === 'hired')
    throw new AppError('validation', 'Mark a candidate hired with PATCH, naming the user', [
      { field: 'status', value: 'hired', reason: 'set with hiredUserId' },
    ]);
  return inTransaction(db, async (tx) => {
    const row = await tx
      .insertInto('hiring_candidates')
      .values({
        opening_id: input.openingId,
        name: input.name.trim(),
        email: input.email === null ? null : normalizeEmail(input.email),
        status: input.status ?? 'applied',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const candidate = toCandidate(row);
    await recordAudit(tx, viewer, {
      action: 'create',
      entity: 'hiring_candidate',
      entityId: candidate.id,
      after: candidate,
    });
    return candidate;
  });
}

/**
 * Changes a candidate's status. 'hired' needs hiredUserId: a user the viewer may see who is not already linked
 * to another candidate; any other status unlinks the user.
 */
export async function updateCandidate(
  db: Db,
  viewer: Viewer,
  id: number,
  patch: { status?: CandidateStatus; hiredUserId?: number | null; name?: string },
): Promise<Candidate> {
  const reach = await hiringReach(db, viewer);
  await requireCandidateInReach(db, reach, id);
  const current = await db
    .selectFrom('hiring_candidates')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const status = patch.status ?? current.status;
  const hiredUserId =
    status === 'hired' ? (patch.hiredUserId !== undefined ? patch.hiredUserId : current.hired_user_id) : null;
  const problems: ErrorDetail[] = [];
  if (status !== 'hired' && patch.hiredUserId != null)
    problems.push({ field: 'hiredUserId', reason: "only with status 'hired'" });
  if (status === 'hired' && hiredUserId === null)
    problems.push({ field: 'hiredUserId', reason: "required with status 'hired'" });
  if (hiredUserId !== null) {
    const user = await db.selectFrom('users').select('id').where('id', '=', hiredUserId).executeTakeFirst();
    const visible = viewer.visibleUserIds === null || viewer.visibleUserIds.includes(hiredUserId);
    if (!user || !visible)
      problems.push({
        field: 'hiredUserId',
        value: String(hiredUserId),
        reason: 'no such user in your teams',
        rule: 'not_found',
      });
    else {
      const other = await db
        .selectFrom('hiring_candidates')
        .select('id')
        .where('hired_user_id', '=', hiredUserId)
        .where('id', '!=', id)
        .executeTakeFirst();
      if (other)
        problems.push({
          field: 'hiredUserId',
          value: String(hiredUserId),
          reason: 'already linked to another candidate',
        });
    }
  }
  if (problems.length > 0) throw new AppError('validation', 'Invalid candidate change', problems);
  return inTransaction(db, async (tx) => {
    const row = await tx
      .updateTable('hiring_candidates')
      .set({
        status,
        hired_user_id: hiredUserId,
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toCandidate(row);
    await recordAudit(tx, viewer, {
      action: 'update',
      entity: 'hiring_candidate',
      entityId: id,
      before: toCandidate(current),
      after,
    });
    return after;
  });
}
