import { planStatusFor } from '../../../store/queries/coaching/plans-status.ts';
import type { RouteModule } from '../../app-types.ts';
import { PlanParams, PlanStatusSchema } from './schemas.ts';

/** GET /api/coaching/plans/:id/status: each target's actual vs its pro-rated target, per window; 404 out of reach. */
const planStatusRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/coaching/plans/:id/status',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Computed status of a plan (on track / behind / met / not met per target)',
        params: PlanParams,
        response: { 200: PlanStatusSchema },
      },
    },
    async (request) => planStatusFor(db, request.viewer, request.params.id),
  );
};
export default planStatusRoute;
