import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { recordScores } from '../../../store/queries/hiring/record-scores.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { IdParams, ScoresBody } from './schemas.ts';

/**
 * PUT /api/hiring/candidates/:id/scores: the signed-in interviewer scores a candidate, one score per criterion;
 * scoring a criterion again replaces their earlier score. Scores must be whole numbers on the opening's scale.
 */
const recordScoresRoute: RouteModule = (app, { db }) => {
  app.put(
    '/api/hiring/candidates/:id/scores',
    {
      schema: {
        tags: ['hiring'],
        summary: 'Score a candidate as the signed-in interviewer (managers, admins)',
        params: IdParams,
        body: ScoresBody,
        response: { 200: z.object({ recorded: z.number() }) },
      },
    },
    async (request) => {
      requireWrite(request);
      const viewer = requireRole(request, 'manager');
      if (viewer.userId === null)
        throw new AppError('forbidden', 'Scores are recorded by a signed-in interviewer');
      const recorded = await recordScores(
        db,
        viewer,
        request.params.id,
        viewer.userId,
        request.body.scores.map((s) => ({
          criterionId: s.criterionId,
          score: s.score,
          note: s.note ?? null,
        })),
      );
      return { recorded };
    },
  );
};
export default recordScoresRoute;
