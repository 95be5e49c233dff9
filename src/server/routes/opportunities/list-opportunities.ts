import { z } from 'zod';
import { listOpportunities } from '../../../store/queries/records/list-opportunities.ts';
import type { RouteModule } from '../../app-types.ts';
import { OpportunityFilterQuery, OpportunitySchema, PageQuery, opportunityFilter } from './schemas.ts';

/** GET /api/opportunities: the opportunities you may see (reps: own; managers: subtree; admins: all), paged. */
const listOpportunitiesRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/opportunities',
    {
      schema: {
        tags: ['records'],
        summary: 'List opportunities visible to you',
        querystring: OpportunityFilterQuery.extend(PageQuery.shape),
        response: {
          200: z.object({
            items: z.array(OpportunitySchema),
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const filter = await opportunityFilter(db, request.query);
      const result = await listOpportunities(db, request.viewer, filter, { limit, offset });
      return { ...result, limit, offset };
    },
  );
};
export default listOpportunitiesRoute;
