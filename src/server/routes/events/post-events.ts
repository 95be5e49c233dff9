import { z } from 'zod';
import { EVENT_TYPE } from '../../../domain/scoring/validate-rule-set.ts';
import { ingestEvents } from '../../../store/queries/scoring/ingest-events.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { IngestSummarySchema } from './schemas.ts';
import { InstantField } from '../../input-schemas.ts';

/** Events per request; larger histories go through `pacesetter events import`. */
export const MAX_EVENTS_PER_REQUEST = 5_000;

const EventItem = z.object({
  /** The sender's event id: sending the same id again stores nothing. */
  id: z.string().trim().min(1).max(200),
  leadId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  leadExternalId: z.string().trim().min(1).max(200).optional(),
  type: z
    .string()
    .regex(EVENT_TYPE, 'lower_snake_case, e.g. page_view, email_open, email_click, demo_request'),
  url: z.string().max(2000).nullable().optional(),
  occurredAt: InstantField,
  properties: z.record(z.string(), z.unknown()).optional(),
});

const Body = z.union([
  z.object({ events: z.array(EventItem).min(1).max(MAX_EVENTS_PER_REQUEST) }),
  EventItem,
]);

/**
 * POST /api/events: engagement events for leads, one (`{ id, leadId, type, ... }`) or a batch
 * (`{ events: [...] }`), all-or-nothing per request and idempotent by event id. The leads that received new
 * events are scored at once and promoted across the thresholds. Admins and API tokens (write scope) only:
 * marketing tools post here with a token.
 */
const postEvents: RouteModule = (app, { db }) => {
  app.post(
    '/api/events',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Send lead engagement events (single or batch, idempotent by id)',
        body: Body,
        response: {
          200: IngestSummarySchema,
        },
      },
      bodyLimit: 8 * 1024 * 1024,
    },
    async (request) => {
      requireWrite(request);
      requireRole(request, 'admin');
      const batch = 'events' in request.body;
      const items = 'events' in request.body ? request.body.events : [request.body];
      return ingestEvents(
        db,
        items.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt) })),
        new Date(),
        (i) => ({ field: batch ? `events[${i}].` : '' }),
      );
    },
  );
};
export default postEvents;
