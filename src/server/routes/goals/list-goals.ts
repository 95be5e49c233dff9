import { z } from 'zod';
import { listGoals } from '../../../store/queries/goals/list-goals.ts';
import type { RouteModule } from '../../app-types.ts';
import { GoalSchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

/** GET /api/goals: goals the viewer can see (company, visible users, visible teams). */
const listGoalsRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/goals',
    {
      schema: {
        tags: ['goals'],
        summary: 'List goals',
        querystring: z.object({
          scopeType: z.enum(['user', 'team', 'company']).optional(),
          scopeId: IdField.optional(),
          metricId: z.string().optional(),
          includeArchived: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: z.object({ goals: z.array(GoalSchema) }) },
      },
    },
    async (request) => {
      const q = request.query;
      const goals = await listGoals(db, request.viewer, {
        scopeType: q.scopeType,
        scopeId: q.scopeId,
        metricId: q.metricId,
        includeArchived: q.includeArchived === 'true',
      });
      return { goals };
    },
  );
};
export default listGoalsRoute;
