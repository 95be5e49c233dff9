import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { goalPacing } from '../../../store/queries/goals/goal-pacing.ts';
import type { RouteModule } from '../../app-types.ts';
import { GoalPacingSchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

/**
 * GET /api/goals/pacing?period=2026-11&user=me: pacing of the viewer's visible goals for the current period
 * of each goal (as of today, or the last day of `period` when it is over); `user` narrows to the goals that
 * apply to one rep (personal, their team, company).
 */
const goalPacingRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/goals/pacing',
    {
      schema: {
        tags: ['goals'],
        summary: 'Goal pacing: actual vs expected-to-date by business days',
        querystring: z.object({
          period: z.string().max(40).optional(),
          user: z.union([z.literal('me'), IdField]).optional(),
        }),
        response: { 200: z.object({ goals: z.array(GoalPacingSchema) }) },
      },
    },
    async (request) => {
      const viewer = request.viewer;
      let forUserId: number | undefined;
      if (request.query.user === 'me') {
        if (viewer.userId === null) {
          throw new AppError('validation', 'user=me needs a signed-in user', [
            { field: 'user', reason: 'no user' },
          ]);
        }
        forUserId = viewer.userId;
      } else if (request.query.user !== undefined) {
        forUserId = request.query.user;
        if (viewer.visibleUserIds !== null && !viewer.visibleUserIds.includes(forUserId)) {
          throw new AppError('not_found', 'No such user', [
            { field: 'user', value: String(forUserId), reason: 'not found', rule: 'not_found' },
          ]);
        }
      }
      const goals = await goalPacing(db, viewer, {
        now: new Date(),
        periodKey: request.query.period,
        forUserId,
      });
      return { goals };
    },
  );
};
export default goalPacingRoute;
