import { hiringPredictors } from '../../../store/queries/hiring/predictors.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { PredictorsSchema } from './schemas.ts';

/** GET /api/hiring/predictors: hires' scorecards beside first-year attainment, and which criteria predicted it. */
const predictorsRoute: RouteModule = (app, { db, reportDb }) => {
  app.get(
    '/api/hiring/predictors',
    {
      schema: {
        tags: ['hiring'],
        summary: 'Which hiring criteria predicted first-year attainment (managers, admins)',
        response: { 200: PredictorsSchema },
      },
    },
    async (request) => {
      const viewer = requireRole(request, 'manager');
      return hiringPredictors(reportDb ?? db, viewer, new Date());
    },
  );
};
export default predictorsRoute;
