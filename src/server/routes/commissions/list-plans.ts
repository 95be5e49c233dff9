import { listPlans } from '../../../store/queries/commissions/plans.ts';
import type { RouteModule } from '../../app-types.ts';
import { PlanListSchema } from './schemas.ts';

/** GET /api/commissions/plans: admins and managers read every plan, a rep the plans they are assigned to. */
const listPlansRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/commissions/plans',
    {
      schema: {
        tags: ['commissions'],
        summary: 'Commission plans with their versions and assignments',
        response: { 200: PlanListSchema },
      },
    },
    async (request) => ({ plans: await listPlans(db, request.viewer) }),
  );
};
export default listPlansRoute;
