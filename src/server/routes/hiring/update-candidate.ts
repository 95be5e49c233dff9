import { updateCandidate } from '../../../store/queries/hiring/candidates.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { CandidatePatch, CandidateSchema, IdParams } from './schemas.ts';

/** PATCH /api/hiring/candidates/:id: change status; 'hired' links the user the candidate became. */
const updateCandidateRoute: RouteModule = (app, { db }) => {
  app.patch(
    '/api/hiring/candidates/:id',
    {
      schema: {
        tags: ['hiring'],
        summary: "Change a candidate's status, or mark them hired as a user (managers, admins)",
        params: IdParams,
        body: CandidatePatch,
        response: { 200: CandidateSchema },
      },
    },
    async (request) => {
      requireWrite(request);
      const viewer = requireRole(request, 'manager');
      const b = request.body;
      return updateCandidate(db, viewer, request.params.id, {
        ...(b.name !== undefined ? { name: b.name } : {}),
        ...(b.status !== undefined ? { status: b.status } : {}),
        ...(b.hiredUserId !== undefined ? { hiredUserId: b.hiredUserId } : {}),
      });
    },
  );
};
export default updateCandidateRoute;
