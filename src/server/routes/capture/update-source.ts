import { z } from 'zod';
import { SourceMapping } from '../../../domain/capture/source-mapping.ts';
import { AppError } from '../../../errors.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import { deleteCaptureSource, updateCaptureSource } from '../../../store/tables/capture-sources.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { CaptureSourceSchema, SourceName, webhookPath } from './source-schemas.ts';

/**
 * PATCH /api/capture/sources/:name: new mapping, on/off, or a new token (rotateToken; the old one stops at once).
 * DELETE removes the source; activities it logged stay.
 */
const updateSource: RouteModule = (app, { db }) => {
  app.patch(
    '/api/capture/sources/:name',
    {
      schema: {
        tags: ['capture'],
        summary: 'Change an inbound webhook source',
        params: z.object({ name: SourceName }),
        body: z
          .object({
            mapping: SourceMapping.optional(),
            active: z.boolean().optional(),
            rotateToken: z.boolean().optional(),
          })
          .strict(),
        response: { 200: z.object({ source: CaptureSourceSchema, token: z.string().nullable() }) },
      },
    },
    async (request) => {
      requireWrite(request);
      const viewer = requireRole(request, 'admin');
      const updated = await updateCaptureSource(db, request.params.name, request.body);
      if (!updated) throw new AppError('not_found', 'No such capture source');
      await recordAudit(db, viewer, {
        action: 'update',
        entity: 'capture_source',
        entityId: updated.source.id,
        after: { ...request.body, rotateToken: request.body.rotateToken === true },
      });
      return { source: { ...updated.source, url: webhookPath(updated.source.name) }, token: updated.token };
    },
  );
  app.delete(
    '/api/capture/sources/:name',
    {
      schema: {
        tags: ['capture'],
        summary: 'Remove an inbound webhook source',
        params: z.object({ name: SourceName }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      requireWrite(request);
      const viewer = requireRole(request, 'admin');
      if (!(await deleteCaptureSource(db, request.params.name)))
        throw new AppError('not_found', 'No such capture source');
      await recordAudit(db, viewer, {
        action: 'delete',
        entity: 'capture_source',
        entityId: request.params.name,
      });
      return reply.status(204).send(null);
    },
  );
};
export default updateSource;
