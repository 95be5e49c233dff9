import { z } from 'zod';
import { ackAlert } from '../../../store/queries/alerts/ack-alert.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireWrite } from '../../auth/guards.ts';
import { AlertSchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

/** POST /api/alerts/:id/ack: acknowledge an alert the viewer can see (idempotent). */
const ackAlertRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/alerts/:id/ack',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Acknowledge an alert',
        params: z.object({ id: IdField }),
        response: { 200: AlertSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      return ackAlert(db, viewer, request.params.id, new Date());
    },
  );
};
export default ackAlertRoute;
