import { createOpening } from '../../../store/queries/hiring/openings.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { OpeningBody, OpeningSchema } from './schemas.ts';

/** POST /api/hiring/openings: an admin, or a manager for a team in their subtree (they own it), opens a role. */
const createOpeningRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/hiring/openings',
    {
      schema: {
        tags: ['hiring'],
        summary: 'Create a hiring opening with weighted criteria (managers, admins)',
        body: OpeningBody,
        response: { 201: OpeningSchema },
      },
    },
    async (request, reply) => {
      requireWrite(request);
      const viewer = requireRole(request, 'manager');
      const b = request.body;
      const opening = await createOpening(db, viewer, {
        name: b.name,
        teamId: b.teamId ?? null,
        ownerId: b.ownerId ?? viewer.userId,
        scaleMin: b.scaleMin ?? 1,
        scaleMax: b.scaleMax ?? 5,
        criteria: b.criteria,
      });
      return reply.code(201).send(opening);
    },
  );
};
export default createOpeningRoute;
