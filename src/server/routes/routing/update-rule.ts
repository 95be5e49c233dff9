import { z } from 'zod';
import { updateRoutingRule } from '../../../store/tables/routing-rules.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { RoutingRuleFields, RoutingRuleSchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

/** PATCH /api/routing/rules/:id: an admin changes some fields of a rule; the result is checked as a whole. */
const updateRuleRoute: RouteModule = (app, { db }) => {
  app.patch(
    '/api/routing/rules/:id',
    {
      schema: {
        tags: ['routing'],
        summary: 'Change a routing rule (admins)',
        params: z.object({ id: IdField }),
        body: RoutingRuleFields.partial(),
        response: { 200: RoutingRuleSchema },
      },
    },
    async (request) => {
      requireWrite(request);
      requireRole(request, 'admin');
      return updateRoutingRule(db, request.params.id, request.body);
    },
  );
};
export default updateRuleRoute;
