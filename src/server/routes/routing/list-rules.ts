import { z } from 'zod';
import { listRoutingRules } from '../../../store/tables/routing-rules.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { RoutingRuleSchema } from './schemas.ts';

/** GET /api/routing/rules: the territory rules in priority order (managers and admins). */
const listRulesRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/routing/rules',
    {
      schema: {
        tags: ['routing'],
        summary: 'List routing rules in priority order',
        response: { 200: z.object({ rules: z.array(RoutingRuleSchema) }) },
      },
    },
    async (request) => {
      requireRole(request, 'manager');
      return { rules: await listRoutingRules(db) };
    },
  );
};
export default listRulesRoute;
