import { createPlan } from '../../../store/queries/coaching/plans-write.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { PlanBody, PlanSchema } from './schemas.ts';

/** POST /api/coaching/plans: managers for their subtree (not themselves), admins for anyone; reps 403. */
const createPlanRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/coaching/plans',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Create a development plan or a 30-day PIP',
        body: PlanBody,
        response: { 201: PlanSchema },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      requireRole(request, 'manager');
      const plan = await createPlan(db, viewer, request.body);
      return reply.status(201).send(plan);
    },
  );
};
export default createPlanRoute;
