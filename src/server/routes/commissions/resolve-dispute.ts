import { resolveDispute } from '../../../store/queries/commissions/disputes.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { DisputeSchema, IdParams, ResolveBody } from './schemas.ts';

/** POST /api/commissions/disputes/:id/resolve: accept (optionally with an amount) or reject; admins only. */
const resolveDisputeRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/commissions/disputes/:id/resolve',
    {
      schema: {
        tags: ['commissions'],
        summary: 'Resolve a dispute',
        params: IdParams,
        body: ResolveBody,
        response: { 200: DisputeSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      return resolveDispute(db, viewer, request.params.id, request.body);
    },
  );
};
export default resolveDisputeRoute;
