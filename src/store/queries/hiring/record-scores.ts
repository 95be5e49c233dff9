import { scoreOnScale } from '../../../domain/coaching/hiring.ts';
import type { Viewer } from '../../../domain/access/viewer.ts';
import { AppError, type ErrorDetail } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { inTransaction } from '../../in-transaction.ts';
import { recordAudit } from '../../tables/audit-log.ts';
import { hiringReach, requireCandidateInReach } from './access.ts';

export interface ScoreInput {
  criterionId: number;
  score: number;
  note: string | null;
}

/**
 * Records one interviewer's scores for a candidate: one per criterion, scoring a criterion again replaces the
 * earlier score. Every entry is checked first (the criterion belongs to the candidate's opening, the score is an
 * integer on its scale, no criterion twice) and all problems are reported together; nothing is written on error.
 */
export async function recordScores(
  db: Db,
  viewer: Viewer,
  candidateId: number,
  interviewerId: number,
  entries: readonly ScoreInput[],
): Promise<number> {
  const reach = await hiringReach(db, viewer);
  const openingId = await requireCandidateInReach(db, reach, candidateId);
  const opening = await db
    .selectFrom('hiring_openings')
    .select(['scale_min', 'scale_max'])
    .where('id', '=', openingId)
    .executeTakeFirstOrThrow();
  const criteria = new Set(
    (await db.selectFrom('hiring_criteria').select('id').where('opening_id', '=', openingId).execute()).map(
      (c) => Number(c.id),
    ),
  );
  const interviewer = await db
    .selectFrom('users')
    .select(['role', 'active'])
    .where('id', '=', interviewerId)
    .executeTakeFirst();
  const problems: ErrorDetail[] = [];
  if (!interviewer || interviewer.role === 'rep' || !interviewer.active)
    problems.push({
      field: 'interviewerId',
      value: String(interviewerId),
      reason: 'must be an active manager or admin',
    });
  if (entries.length === 0) problems.push({ field: 'scores', reason: 'at least one score' });
  const seen = new Set<number>();
  entries.forEach((e, i) => {
    if (!criteria.has(e.criterionId))
      problems.push({
        field: `scores[${i}].criterionId`,
        value: String(e.criterionId),
        reason: 'not a criterion of this opening',
      });
    if (seen.has(e.criterionId))
      problems.push({
        field: `scores[${i}].criterionId`,
        value: String(e.criterionId),
        reason: 'scored twice',
      });
    seen.add(e.criterionId);
    if (!scoreOnScale(e.score, { min: opening.scale_min, max: opening.scale_max }))
      problems.push({
        field: `scores[${i}].score`,
        value: String(e.score),
        reason: `must be a whole number from ${opening.scale_min} to ${opening.scale_max}`,
      });
  });
  if (problems.length > 0) throw new AppError('validation', 'Invalid scores', problems);
  const now = new Date();
  await inTransaction(db, async (tx) => {
    await tx
      .insertInto('hiring_scores')
      .values(
        entries.map((e) => ({
          candidate_id: candidateId,
          criterion_id: e.criterionId,
          interviewer_id: interviewerId,
          score: e.score,
          note: e.note,
          scored_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['candidate_id', 'criterion_id', 'interviewer_id']).doUpdateSet((eb) => ({
          score: eb.ref('excluded.score'),
          note: eb.ref('excluded.note'),
          scored_at: eb.ref('excluded.scored_at'),
        })),
      )
      .execute();
    await tx
      .updateTable('hiring_candidates')
      .set({ status: 'interviewing', updated_at: now })
      .where('id', '=', candidateId)
      .where('status', '=', 'applied')
      .execute();
    await recordAudit(tx, viewer, {
      action: 'score',
      entity: 'hiring_candidate',
      entityId: candidateId,
      after: { interviewerId, scores: entries },
    });
  });
  return entries.length;
}
