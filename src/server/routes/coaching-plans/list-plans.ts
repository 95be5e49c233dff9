import { z } from 'zod';
import { PLAN_KINDS } from '../../../domain/coaching/plan.ts';
import { listPlans } from '../../../store/queries/coaching/plans-read.ts';
import { computePlanStatus } from '../../../store/queries/coaching/plans-status.ts';
import type { RouteModule } from '../../app-types.ts';
import { PlanId, PlanWithStatusSchema } from './schemas.ts';

/**
 * GET /api/coaching/plans?userId=&kind=&state=&status=: the plans the viewer may see (own; a manager's subtree;
 * admins all), each with its computed status. A userId out of reach simply matches nothing.
 */
const listPlansRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/coaching/plans',
    {
      schema: {
        tags: ['coaching'],
        summary: 'List development plans and PIPs with their computed status',
        querystring: z.object({
          userId: PlanId.optional(),
          kind: z.enum(PLAN_KINDS).optional(),
          state: z.enum(['open', 'closed']).optional(),
          status: z.enum(['not_started', 'on_track', 'behind', 'met', 'not_met', 'no_data']).optional(),
        }),
        response: { 200: z.object({ plans: z.array(PlanWithStatusSchema) }) },
      },
    },
    async (request) => {
      const q = request.query;
      const now = new Date();
      const plans = await listPlans(db, request.viewer, { userId: q.userId, kind: q.kind, state: q.state });
      const out = [];
      for (const plan of plans) {
        const status = await computePlanStatus(db, plan, now);
        if (!q.status || status.status === q.status) out.push({ ...plan, status });
      }
      return { plans: out };
    },
  );
};
export default listPlansRoute;
