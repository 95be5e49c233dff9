import { updatePlan } from '../../../store/queries/coaching/plans-write.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireWrite } from '../../auth/guards.ts';
import { PlanParams, PlanPatchBody, PlanSchema } from './schemas.ts';

/**
 * PATCH /api/coaching/plans/:id: title, summary, end, or a whole list (skills, actions, targets; new targets
 * are resolved again). 404 out of reach, 403 for the rep themself, 409 once closed.
 */
const updatePlanRoute: RouteModule = (app, { db }) => {
  app.patch(
    '/api/coaching/plans/:id',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Change a plan',
        params: PlanParams,
        body: PlanPatchBody,
        response: { 200: PlanSchema },
      },
    },
    async (request) => updatePlan(db, requireWrite(request), request.params.id, request.body),
  );
};
export default updatePlanRoute;
