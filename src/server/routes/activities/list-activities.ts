import { z } from 'zod';
import { listActivities } from '../../../store/queries/records/list-activities.ts';
import type { RouteModule } from '../../app-types.ts';
import { PageQuery } from '../opportunities/schemas.ts';
import { ActivityFilterQuery, ActivitySchema, activityFilter } from './schemas.ts';

/** GET /api/activities: the activities you may see (reps: own; managers: subtree; admins: all), paged. */
const listActivitiesRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/activities',
    {
      schema: {
        tags: ['records'],
        summary: 'List activities visible to you',
        querystring: ActivityFilterQuery.extend(PageQuery.shape),
        response: {
          200: z.object({
            items: z.array(ActivitySchema),
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const filter = await activityFilter(db, request.query);
      const result = await listActivities(db, request.viewer, filter, { limit, offset });
      return { ...result, limit, offset };
    },
  );
};
export default listActivitiesRoute;
