import { addPlanVersion } from '../../../store/queries/commissions/plans.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { CreateVersionBody, IdParams, PlanSchema } from './schemas.ts';

/** POST /api/commissions/plans/:id/versions: the plan's next version from a date; admins only. */
const createVersionRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/commissions/plans/:id/versions',
    {
      schema: {
        tags: ['commissions'],
        summary: 'Add a version of a commission plan, in effect from a date',
        params: IdParams,
        body: CreateVersionBody,
        response: { 201: PlanSchema },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      return reply.status(201).send(await addPlanVersion(db, viewer, request.params.id, request.body));
    },
  );
};
export default createVersionRoute;
