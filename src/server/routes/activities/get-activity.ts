import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { getActivity } from '../../../store/queries/records/list-activities.ts';
import type { RouteModule } from '../../app-types.ts';
import { ActivitySchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

/** GET /api/activities/:id: one activity; 404 both when missing and when not yours to see. */
const getActivityRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/activities/:id',
    {
      schema: {
        tags: ['records'],
        summary: 'Get one activity',
        params: z.object({ id: IdField }),
        response: { 200: ActivitySchema },
      },
    },
    async (request) => {
      const found = await getActivity(db, request.viewer, request.params.id);
      if (!found) throw new AppError('not_found', 'No such activity');
      return found;
    },
  );
};
export default getActivityRoute;
