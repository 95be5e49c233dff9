import { z } from 'zod';
import { deleteRoutingRule } from '../../../store/tables/routing-rules.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { IdField } from '../../input-schemas.ts';

/** DELETE /api/routing/rules/:id: an admin removes a rule; its assignments keep their reason text. */
const deleteRuleRoute: RouteModule = (app, { db }) => {
  app.delete(
    '/api/routing/rules/:id',
    {
      schema: {
        tags: ['routing'],
        summary: 'Delete a routing rule (admins)',
        params: z.object({ id: IdField }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      requireWrite(request);
      requireRole(request, 'admin');
      await deleteRoutingRule(db, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
export default deleteRuleRoute;
