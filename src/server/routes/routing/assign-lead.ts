import { z } from 'zod';
import { assignManually } from '../../../store/queries/routing/assign-manually.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';

/** POST /api/routing/assignments: a manager (within their subtree) or an admin assigns a lead by hand. */
const assignLeadRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/routing/assignments',
    {
      schema: {
        tags: ['routing'],
        summary: 'Assign a lead to a rep by hand (managers, admins)',
        body: z.object({ leadId: z.number().int().positive(), userId: z.number().int().positive() }),
        response: {
          201: z.object({ leadId: z.number(), userId: z.number(), previousUserId: z.number().nullable() }),
        },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      requireRole(request, 'manager');
      const r = await assignManually(db, viewer, request.body.leadId, request.body.userId, new Date());
      return reply.code(201).send(r);
    },
  );
};
export default assignLeadRoute;
