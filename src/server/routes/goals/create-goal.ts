import { createGoal } from '../../../store/queries/goals/save-goal.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireWrite } from '../../auth/guards.ts';
import { GoalFields, GoalSchema } from './schemas.ts';

/** POST /api/goals: admins for anyone, managers for their subtree, reps personal goals for themselves. */
const createGoalRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/goals',
    {
      schema: {
        tags: ['goals'],
        summary: 'Create a goal',
        body: GoalFields,
        response: { 201: GoalSchema },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      const goal = await createGoal(db, viewer, request.body);
      return reply.status(201).send(goal);
    },
  );
};
export default createGoalRoute;
