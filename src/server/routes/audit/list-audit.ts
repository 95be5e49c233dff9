import { z } from 'zod';
import { listAudit } from '../../../store/queries/audit/list-audit.ts';
import type { RouteModule } from '../../app-types.ts';
import { IdField, InstantField } from '../../input-schemas.ts';
import { requireRole } from '../../auth/guards.ts';

const Query = z.object({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: IdField.optional(),
  from: InstantField.optional(),
  to: InstantField.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const Event = z.object({
  id: z.number().int(),
  at: z.date(),
  actorUserId: z.number().int().nullable(),
  actorTokenId: z.number().int().nullable(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

/** GET /api/audit: who changed what and when (admins), filtered by entity, actor and time, newest first. */
const listAuditRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Read the audit log (admins)',
        querystring: Query,
        response: {
          200: z.object({
            items: z.array(Event),
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const viewer = requireRole(request, 'admin');
      const q = request.query;
      const page = { limit: q.limit, offset: q.offset };
      const result = await listAudit(
        db,
        viewer,
        {
          entity: q.entity,
          entityId: q.entityId,
          actorUserId: q.actorUserId,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
        },
        page,
      );
      return { ...result, ...page };
    },
  );
};
export default listAuditRoute;
