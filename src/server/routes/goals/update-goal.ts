import { z } from 'zod';
import { updateGoal } from '../../../store/queries/goals/save-goal.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireWrite } from '../../auth/guards.ts';
import { GoalFields, GoalSchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

const Body = GoalFields.extend({
  periodKey: z.string().max(40).nullable(),
  template: z.string().max(60).nullable(),
}).partial();

/** PATCH /api/goals/:id: change a goal's fields; the result is validated and permission-checked as a whole. */
const updateGoalRoute: RouteModule = (app, { db }) => {
  app.patch(
    '/api/goals/:id',
    {
      schema: {
        tags: ['goals'],
        summary: 'Change a goal',
        params: z.object({ id: IdField }),
        body: Body,
        response: { 200: GoalSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      return updateGoal(db, viewer, request.params.id, request.body);
    },
  );
};
export default updateGoalRoute;
