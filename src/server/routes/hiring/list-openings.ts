import { z } from 'zod';
import { listOpenings } from '../../../store/queries/hiring/openings.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { OpeningSchema } from './schemas.ts';

/** GET /api/hiring/openings: the openings a manager owns or hires into their teams for; all for admins; 403 for reps. */
const listOpeningsRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/hiring/openings',
    {
      schema: {
        tags: ['hiring'],
        summary: 'List hiring openings (managers, admins)',
        response: { 200: z.object({ items: z.array(OpeningSchema) }) },
      },
    },
    async (request) => {
      const viewer = requireRole(request, 'manager');
      return { items: await listOpenings(db, viewer) };
    },
  );
};
export default listOpeningsRoute;
