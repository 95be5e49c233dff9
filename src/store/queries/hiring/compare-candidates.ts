import { rankByScore, scoreCandidate, type CriterionResult } from '../../../domain/coaching/hiring.ts';
import type { Viewer } from '../../../domain/access/viewer.ts';
import type { Db } from '../../db.ts';
import type { CandidateStatus } from '../../tables/hiring.ts';
import { getOpening, type Opening } from './openings.ts';

export interface RankedCandidate {
  id: number;
  name: string;
  email: string | null;
  status: CandidateStatus;
  hiredUserId: number | null;
  rank: number | null;
  total: number | null;
  complete: boolean;
  interviewers: number;
  maxSpread: number | null;
  criteria: CriterionResult[];
  /** The signed-in viewer's own scores (criterion id -> score), for the score entry form. */
  myScores: Record<string, number>;
}

export interface CandidateComparison {
  opening: Opening;
  candidates: RankedCandidate[];
}

/**
 * The ranked comparison of one opening's candidates (docs/coaching.md, "Hiring scorecards"): each candidate's
 * weighted score with its per-criterion means, interviewer counts and spread, highest score first (unscored last,
 * then by name).
 */
export async function compareCandidates(
  db: Db,
  viewer: Viewer,
  openingId: number,
): Promise<CandidateComparison> {
  const opening = await getOpening(db, viewer, openingId);
  const candidates = await db
    .selectFrom('hiring_candidates')
    .selectAll()
    .where('opening_id', '=', openingId)
    .orderBy('id')
    .execute();
  const scores =
    candidates.length === 0
      ? []
      : await db
          .selectFrom('hiring_scores')
          .select(['candidate_id', 'criterion_id', 'interviewer_id', 'score'])
          .where(
            'candidate_id',
            'in',
            candidates.map((c) => c.id),
          )
          .execute();
  const criteria = opening.criteria.map((c) => ({ id: c.id, weight: c.weight }));
  const cards = candidates.map((c) =>
    scoreCandidate(
      criteria,
      scores
        .filter((s) => Number(s.candidate_id) === Number(c.id))
        .map((s) => ({
          criterionId: Number(s.criterion_id),
          interviewerId: Number(s.interviewer_id),
          score: s.score,
        })),
    ),
  );
  const ranks = rankByScore(cards.map((c) => c.total));
  const out = candidates.map((c, i): RankedCandidate => {
    const card = cards[i]!;
    const mine: Record<string, number> = {};
    for (const s of scores)
      if (
        Number(s.candidate_id) === Number(c.id) &&
        viewer.userId !== null &&
        Number(s.interviewer_id) === viewer.userId
      )
        mine[String(Number(s.criterion_id))] = s.score;
    return {
      id: Number(c.id),
      name: c.name,
      email: c.email,
      status: c.status,
      hiredUserId: c.hired_user_id === null ? null : Number(c.hired_user_id),
      rank: ranks[i] ?? null,
      total: card.total,
      complete: card.complete,
      interviewers: card.interviewers,
      maxSpread: card.maxSpread,
      criteria: card.criteria,
      myScores: mine,
    };
  });
  out.sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      a.name.localeCompare(b.name),
  );
  return { opening, candidates: out };
}
