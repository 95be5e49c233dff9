import { estimateDeal } from '../../../store/queries/commissions/estimate.ts';
import type { RouteModule } from '../../app-types.ts';
import { EstimateQuery, EstimateSchema } from './schemas.ts';

/** GET /api/commissions/estimate?opportunityId=: what closing an open deal today would add to this period's pay. */
const estimateRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/commissions/estimate',
    {
      schema: {
        tags: ['commissions'],
        summary: 'What I earn if I close this deal today',
        querystring: EstimateQuery,
        response: { 200: EstimateSchema },
      },
    },
    async (request) => estimateDeal(db, request.viewer, request.query.opportunityId),
  );
};
export default estimateRoute;
