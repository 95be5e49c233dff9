import { z } from 'zod';
import { SourceMapping } from '../../../domain/capture/source-mapping.ts';
import { AppError } from '../../../errors.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import { createCaptureSource } from '../../../store/tables/capture-sources.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { CaptureSourceSchema, SourceName, webhookPath } from './source-schemas.ts';

/** POST /api/capture/sources: defines an inbound webhook source; answers its token once. */
const createSource: RouteModule = (app, { db }) => {
  app.post(
    '/api/capture/sources',
    {
      schema: {
        tags: ['capture'],
        summary: 'Define an inbound webhook source (the token is shown once)',
        body: z.object({ name: SourceName, mapping: SourceMapping }).strict(),
        response: { 201: z.object({ source: CaptureSourceSchema, token: z.string() }) },
      },
    },
    async (request, reply) => {
      requireWrite(request);
      const viewer = requireRole(request, 'admin');
      const created = await createCaptureSource(db, { ...request.body, createdBy: viewer.userId });
      if (!created)
        throw new AppError('conflict', `A source named ${request.body.name} exists`, [
          { field: 'name', value: request.body.name, reason: 'already used', rule: 'duplicate' },
        ]);
      await recordAudit(db, viewer, {
        action: 'create',
        entity: 'capture_source',
        entityId: created.source.id,
        after: { name: created.source.name, mapping: created.source.mapping },
      });
      return reply
        .status(201)
        .send({ source: { ...created.source, url: webhookPath(created.source.name) }, token: created.token });
    },
  );
};
export default createSource;
