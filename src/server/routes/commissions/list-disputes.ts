import { listDisputes } from '../../../store/queries/commissions/disputes.ts';
import type { RouteModule } from '../../app-types.ts';
import { DisputeListQuery, DisputeListSchema } from './schemas.ts';

/** GET /api/commissions/disputes: disputes on statements the viewer may read. */
const listDisputesRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/commissions/disputes',
    {
      schema: {
        tags: ['commissions'],
        summary: 'Disputes on commission statements the viewer may read',
        querystring: DisputeListQuery,
        response: { 200: DisputeListSchema },
      },
    },
    async (request) => ({
      disputes: await listDisputes(db, request.viewer, { status: request.query.status }),
    }),
  );
};
export default listDisputesRoute;
