import { z } from 'zod';
import { GOAL_TEMPLATES } from '../../../domain/goals/templates.ts';
import type { RouteModule } from '../../app-types.ts';

const TemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  metricId: z.string(),
  grain: z.enum(['day', 'week', 'month', 'quarter', 'year']),
  direction: z.enum(['at_least', 'at_most']),
  defaultTarget: z.number(),
});

/** GET /api/goals/templates: the brief's micro-goals and quotas, ready to create. */
const goalTemplatesRoute: RouteModule = (app) => {
  app.get(
    '/api/goals/templates',
    {
      schema: {
        tags: ['goals'],
        summary: 'Goal templates (micro-goals and quotas)',
        response: { 200: z.object({ templates: z.array(TemplateSchema) }) },
      },
    },
    async () => ({ templates: [...GOAL_TEMPLATES] }),
  );
};
export default goalTemplatesRoute;
