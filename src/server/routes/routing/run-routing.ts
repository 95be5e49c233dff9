import { z } from 'zod';
import { runRouting } from '../../../store/queries/routing/run-routing.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { DecisionSchema } from './schemas.ts';

/**
 * POST /api/routing/run: an admin routes now what the lead-routing job would route at its next minute, or with
 * dryRun previews the decisions (and why each rep was skipped) without writing.
 */
const runRoutingRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/routing/run',
    {
      schema: {
        tags: ['routing'],
        summary: 'Route unassigned leads now, or preview (admins)',
        body: z.object({ dryRun: z.boolean().optional() }),
        response: {
          200: z.object({
            routed: z.number(),
            unassigned: z.number(),
            reassigned: z.number(),
            decisions: z.array(DecisionSchema),
          }),
        },
      },
    },
    async (request) => {
      requireWrite(request);
      requireRole(request, 'admin');
      return runRouting(db, new Date(), { dryRun: request.body.dryRun === true });
    },
  );
};
export default runRoutingRoute;
