import { setSplits } from '../../../store/queries/commissions/splits.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { DealSplitsSchema, SplitsBody, SplitsParams } from './splits-schemas.ts';

/**
 * PUT /api/opportunities/:id/splits: replaces a deal's splits (shares sum to 10000, active users); admins, or
 * managers for deals owned by someone below them. Audited.
 */
const putSplitsRoute: RouteModule = (app, { db }) => {
  app.put(
    '/api/opportunities/:id/splits',
    {
      schema: {
        tags: ['commissions'],
        summary: "Replace a deal's commission splits",
        params: SplitsParams,
        body: SplitsBody,
        response: { 200: DealSplitsSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'manager');
      return setSplits(db, viewer, request.params.id, request.body.splits);
    },
  );
};
export default putSplitsRoute;
