import { getQuadrantThresholds } from '../../../store/tables/quadrant-settings.ts';
import type { RouteModule } from '../../app-types.ts';
import { ThresholdsSchema } from './schemas.ts';

/** GET /api/coaching/quadrant-settings: the thresholds that place reps in the groups (anyone signed in). */
const getQuadrantSettingsRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/coaching/quadrant-settings',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Quadrant thresholds',
        response: { 200: ThresholdsSchema },
      },
    },
    async () => getQuadrantThresholds(db),
  );
};
export default getQuadrantSettingsRoute;
