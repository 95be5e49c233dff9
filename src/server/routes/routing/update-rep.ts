import { z } from 'zod';
import { saveRoutingRep } from '../../../store/tables/routing-reps.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { RepProfileSchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

/** PUT /api/routing/reps/:userId: an admin sets a rep's weight, open-lead cap and working hours. */
const updateRepRoute: RouteModule = (app, { db }) => {
  app.put(
    '/api/routing/reps/:userId',
    {
      schema: {
        tags: ['routing'],
        summary: "Set a rep's routing profile (admins)",
        params: z.object({ userId: IdField }),
        body: RepProfileSchema.omit({ userId: true }),
        response: { 200: RepProfileSchema },
      },
    },
    async (request) => {
      requireWrite(request);
      requireRole(request, 'admin');
      return saveRoutingRep(db, { userId: request.params.userId, ...request.body });
    },
  );
};
export default updateRepRoute;
