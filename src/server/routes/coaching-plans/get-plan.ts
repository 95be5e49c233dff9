import { AppError } from '../../../errors.ts';
import { getPlan } from '../../../store/queries/coaching/plans-read.ts';
import { computePlanStatus } from '../../../store/queries/coaching/plans-status.ts';
import type { RouteModule } from '../../app-types.ts';
import { PlanParams, PlanWithStatusSchema } from './schemas.ts';

/** GET /api/coaching/plans/:id: one plan with its status; 404 for a plan that does not exist or is out of reach. */
const getPlanRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/coaching/plans/:id',
    {
      schema: {
        tags: ['coaching'],
        summary: 'One development plan or PIP with its computed status',
        params: PlanParams,
        response: { 200: PlanWithStatusSchema },
      },
    },
    async (request) => {
      const plan = await getPlan(db, request.viewer, request.params.id);
      if (!plan) {
        throw new AppError('not_found', `Plan ${request.params.id} not found`, [
          { field: 'id', value: String(request.params.id), reason: 'no such plan', rule: 'not_found' },
        ]);
      }
      return { ...plan, status: await computePlanStatus(db, plan, new Date()) };
    },
  );
};
export default getPlanRoute;
