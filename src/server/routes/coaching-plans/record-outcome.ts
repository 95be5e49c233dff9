import { recordOutcome } from '../../../store/queries/coaching/plans-write.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireWrite } from '../../auth/guards.ts';
import { OutcomeBody, PlanParams, PlanSchema } from './schemas.ts';

/** POST /api/coaching/plans/:id/outcome: managers and admins record passed / extended / failed / withdrawn / completed. */
const recordOutcomeRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/coaching/plans/:id/outcome',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Record a plan outcome',
        params: PlanParams,
        body: OutcomeBody,
        response: { 200: PlanSchema },
      },
    },
    async (request) => recordOutcome(db, requireWrite(request), request.params.id, request.body),
  );
};
export default recordOutcomeRoute;
