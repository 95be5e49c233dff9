import { z } from 'zod';
import { deleteAssignment } from '../../../store/queries/commissions/plans.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { IdParams } from './schemas.ts';

/** DELETE /api/commissions/assignments/:id: refused (409) when a locked statement was computed under it. */
const deleteAssignmentRoute: RouteModule = (app, { db }) => {
  app.delete(
    '/api/commissions/assignments/:id',
    {
      schema: {
        tags: ['commissions'],
        summary: 'Remove a commission plan assignment',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      await deleteAssignment(db, viewer, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
export default deleteAssignmentRoute;
