import { runCommissions } from '../../../store/queries/commissions/run.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { RunBody, RunResultSchema } from './schemas.ts';

/** POST /api/commissions/runs: recomputes the period's drafts (locked statements untouched); admins only. */
const runCommissionsRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/commissions/runs',
    {
      schema: {
        tags: ['commissions'],
        summary: "Compute a period's commission statements",
        body: RunBody,
        response: { 200: RunResultSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      return runCommissions(db, viewer, request.body.period);
    },
  );
};
export default runCommissionsRoute;
