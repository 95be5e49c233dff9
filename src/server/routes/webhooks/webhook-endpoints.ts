import { z } from 'zod';
import {
  createWebhookEndpoint,
  listWebhookEndpoints,
} from '../../../store/queries/alerts/webhook-endpoints.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { WebhookEndpointSchema, WebhookUrl } from './schemas.ts';

/** GET and POST /api/webhooks: admins list and add webhook endpoints for alert delivery. */
const webhookEndpointsRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/webhooks',
    {
      schema: {
        tags: ['alerts'],
        summary: 'List webhook endpoints (admins)',
        response: { 200: z.object({ endpoints: z.array(WebhookEndpointSchema) }) },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      return { endpoints: await listWebhookEndpoints(db) };
    },
  );
  app.post(
    '/api/webhooks',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Add a webhook endpoint (admins)',
        body: z.object({
          url: WebhookUrl,
          secret: z.string().min(16).max(200),
          description: z.string().max(200).nullable().optional(),
          active: z.boolean().optional(),
        }),
        response: { 201: WebhookEndpointSchema },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      const endpoint = await createWebhookEndpoint(db, request.body);
      await recordAudit(db, viewer, {
        action: 'create',
        entity: 'webhook_endpoint',
        entityId: endpoint.id,
        after: endpoint,
      });
      return reply.status(201).send(endpoint);
    },
  );
};
export default webhookEndpointsRoute;
