import { z } from 'zod';
import { listCaptureSources } from '../../../store/tables/capture-sources.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { CaptureSourceSchema, webhookPath } from './source-schemas.ts';

/** GET /api/capture/sources: the inbound webhook sources (admins; tokens are never shown again). */
const listSources: RouteModule = (app, { db }) => {
  app.get(
    '/api/capture/sources',
    {
      schema: {
        tags: ['capture'],
        summary: 'List inbound webhook sources',
        response: { 200: z.object({ sources: z.array(CaptureSourceSchema) }) },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      const sources = await listCaptureSources(db);
      return { sources: sources.map((s) => ({ ...s, url: webhookPath(s.name) })) };
    },
  );
};
export default listSources;
