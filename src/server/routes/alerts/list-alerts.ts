import { z } from 'zod';
import { listAlerts } from '../../../store/queries/alerts/list-alerts.ts';
import type { RouteModule } from '../../app-types.ts';
import { AlertSchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

/** GET /api/alerts: SLA alerts for the viewer (own leads; a manager's subtree and alerts addressed to them). */
const listAlertsRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/alerts',
    {
      schema: {
        tags: ['alerts'],
        summary: 'List SLA alerts',
        querystring: z.object({
          open: z.enum(['true', 'false']).optional(),
          ownerId: IdField.optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
        response: { 200: z.object({ alerts: z.array(AlertSchema) }) },
      },
    },
    async (request) => ({
      alerts: await listAlerts(db, request.viewer, {
        openOnly: request.query.open === 'true',
        ownerId: request.query.ownerId,
        limit: request.query.limit,
      }),
    }),
  );
};
export default listAlertsRoute;
