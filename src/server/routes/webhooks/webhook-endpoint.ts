import { z } from 'zod';
import {
  deleteWebhookEndpoint,
  updateWebhookEndpoint,
} from '../../../store/queries/alerts/webhook-endpoints.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { WebhookEndpointSchema, WebhookUrl } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

const Params = z.object({ id: IdField });

/** PATCH and DELETE /api/webhooks/:id: admins change (URL, secret, active) or remove an endpoint. */
const webhookEndpointRoute: RouteModule = (app, { db }) => {
  app.patch(
    '/api/webhooks/:id',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Change a webhook endpoint (admins)',
        params: Params,
        body: z.object({
          url: WebhookUrl.optional(),
          secret: z.string().min(16).max(200).optional(),
          description: z.string().max(200).nullable().optional(),
          active: z.boolean().optional(),
        }),
        response: { 200: WebhookEndpointSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      const after = await updateWebhookEndpoint(db, request.params.id, request.body);
      const { secret, ...changed } = request.body;
      await recordAudit(db, viewer, {
        action: 'update',
        entity: 'webhook_endpoint',
        entityId: after.id,
        after: { ...changed, secretChanged: secret !== undefined },
      });
      return after;
    },
  );
  app.delete(
    '/api/webhooks/:id',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Remove a webhook endpoint and its pending deliveries (admins)',
        params: Params,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      await deleteWebhookEndpoint(db, request.params.id);
      await recordAudit(db, viewer, {
        action: 'delete',
        entity: 'webhook_endpoint',
        entityId: request.params.id,
      });
      return reply.status(204).send(null);
    },
  );
};
export default webhookEndpointRoute;
