import { z } from 'zod';
import { setOpeningStatus } from '../../../store/queries/hiring/openings.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { IdParams, OpeningSchema } from './schemas.ts';

/** PATCH /api/hiring/openings/:id: open or close an opening within reach (404 outside it). */
const updateOpeningRoute: RouteModule = (app, { db }) => {
  app.patch(
    '/api/hiring/openings/:id',
    {
      schema: {
        tags: ['hiring'],
        summary: 'Open or close a hiring opening (managers, admins)',
        params: IdParams,
        body: z.object({ status: z.enum(['open', 'closed']) }),
        response: { 200: OpeningSchema },
      },
    },
    async (request) => {
      requireWrite(request);
      const viewer = requireRole(request, 'manager');
      return setOpeningStatus(db, viewer, request.params.id, request.body.status);
    },
  );
};
export default updateOpeningRoute;
