import { z } from 'zod';
import { listLeads } from '../../../store/queries/records/list-leads.ts';
import type { RouteModule } from '../../app-types.ts';
import { PageQuery } from '../opportunities/schemas.ts';
import { LeadFilterQuery, LeadSchema, leadFilter } from './schemas.ts';

/** GET /api/leads: the leads you may see (reps: own; managers: subtree and unassigned; admins: all), paged. */
const listLeadsRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/leads',
    {
      schema: {
        tags: ['records'],
        summary: 'List leads visible to you',
        querystring: LeadFilterQuery.extend(PageQuery.shape),
        response: {
          200: z.object({
            items: z.array(LeadSchema),
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const filter = await leadFilter(db, request.query);
      const result = await listLeads(db, request.viewer, filter, { limit, offset });
      return { ...result, limit, offset };
    },
  );
};
export default listLeadsRoute;
