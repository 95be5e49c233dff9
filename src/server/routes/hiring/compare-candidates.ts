import { compareCandidates } from '../../../store/queries/hiring/compare-candidates.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { ComparisonSchema, IdParams } from './schemas.ts';

/** GET /api/hiring/openings/:id/candidates: the ranked comparison with per-criterion means and interviewer spread. */
const compareCandidatesRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/hiring/openings/:id/candidates',
    {
      schema: {
        tags: ['hiring'],
        summary: "An opening's candidates ranked by weighted score (managers, admins)",
        params: IdParams,
        response: { 200: ComparisonSchema },
      },
    },
    async (request) => {
      const viewer = requireRole(request, 'manager');
      return compareCandidates(db, viewer, request.params.id);
    },
  );
};
export default compareCandidatesRoute;
