import { z } from 'zod';
import { listOpportunities } from '../../../store/queries/records/list-opportunities.ts';
import { rateNotice } from '../../../store/queries/money/listed-amounts.ts';
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
            currenciesWithoutRate: z.array(z.string()).describe('currencies of listed deals without a rate'),
            warnings: z.array(z.string()),
          }),
        },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const filter = await opportunityFilter(db, request.query);
      const result = await listOpportunities(db, request.viewer, filter, { limit, offset });
      return { ...result, limit, offset, ...rateNotice(result.items) };
    },
  );
};
export default listOpportunitiesRoute;
