import { createCommissionPlan } from '../../../store/queries/commissions/plans.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { CreatePlanBody, PlanSchema } from './schemas.ts';

/** POST /api/commissions/plans: a new plan with its version 1; admins only. */
const createPlanRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/commissions/plans',
    {
      schema: {
        tags: ['commissions'],
        summary: 'Create a commission plan (version 1)',
        body: CreatePlanBody,
        response: { 201: PlanSchema },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      return reply.status(201).send(await createCommissionPlan(db, viewer, request.body));
    },
  );
};
export default createPlanRoute;
