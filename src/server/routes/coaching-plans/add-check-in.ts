import { addCheckIn } from '../../../store/queries/coaching/plans-write.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireWrite } from '../../auth/guards.ts';
import { CheckInBody, PlanParams, PlanSchema } from './schemas.ts';

/** POST /api/coaching/plans/:id/check-ins: a dated note by the rep (own plan), their manager or an admin. */
const addCheckInRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/coaching/plans/:id/check-ins',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Add a check-in note to a plan',
        params: PlanParams,
        body: CheckInBody,
        response: { 201: PlanSchema },
      },
    },
    async (request, reply) => {
      const plan = await addCheckIn(db, requireWrite(request), request.params.id, request.body);
      return reply.status(201).send(plan);
    },
  );
};
export default addCheckInRoute;
