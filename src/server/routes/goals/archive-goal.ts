import { z } from 'zod';
import { archiveGoal } from '../../../store/queries/goals/save-goal.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireWrite } from '../../auth/guards.ts';
import { GoalSchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

/** POST /api/goals/:id/archive: hide a goal from pacing; history and badges stay. */
const archiveGoalRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/goals/:id/archive',
    {
      schema: {
        tags: ['goals'],
        summary: 'Archive a goal',
        params: z.object({ id: IdField }),
        response: { 200: GoalSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      return archiveGoal(db, viewer, request.params.id, new Date());
    },
  );
};
export default archiveGoalRoute;
