import { raiseDispute } from '../../../store/queries/commissions/disputes.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireWrite } from '../../auth/guards.ts';
import { DisputeBody, DisputeSchema, IdParams } from './schemas.ts';

/** POST /api/commissions/statements/:id/disputes: the statement's owner disputes a line once it is locked. */
const raiseDisputeRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/commissions/statements/:id/disputes',
    {
      schema: {
        tags: ['commissions'],
        summary: 'Dispute a line of my locked statement',
        params: IdParams,
        body: DisputeBody,
        response: { 201: DisputeSchema },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      return reply.status(201).send(await raiseDispute(db, viewer, request.params.id, request.body));
    },
  );
};
export default raiseDisputeRoute;
