import { createCandidate } from '../../../store/queries/hiring/candidates.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { CandidateBody, CandidateSchema } from './schemas.ts';

/** POST /api/hiring/candidates: add a candidate to an opening within reach. */
const createCandidateRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/hiring/candidates',
    {
      schema: {
        tags: ['hiring'],
        summary: 'Add a candidate (managers, admins)',
        body: CandidateBody,
        response: { 201: CandidateSchema },
      },
    },
    async (request, reply) => {
      requireWrite(request);
      const viewer = requireRole(request, 'manager');
      const b = request.body;
      const candidate = await createCandidate(db, viewer, {
        openingId: b.openingId,
        name: b.name,
        email: b.email ?? null,
        ...(b.status !== undefined ? { status: b.status } : {}),
      });
      return reply.code(201).send(candidate);
    },
  );
};
export default createCandidateRoute;
