import { z } from 'zod';
import { listRoutingReps } from '../../../store/tables/routing-reps.ts';
import type { RouteModule } from '../../app-types.ts';
import { RepProfileSchema } from './schemas.ts';

/** GET /api/routing/reps: routing profiles (weight, cap, hours) of the users the viewer may see. */
const listRepsRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/routing/reps',
    {
      schema: {
        tags: ['routing'],
        summary: 'Routing profiles of visible users',
        response: { 200: z.object({ reps: z.array(RepProfileSchema) }) },
      },
    },
    async (request) => {
      const visible = request.viewer.visibleUserIds;
      return { reps: await listRoutingReps(db, visible === null ? undefined : visible) };
    },
  );
};
export default listRepsRoute;
