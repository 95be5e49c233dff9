import { z } from 'zod';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { listImportRuns } from '../../../store/tables/imports.ts';
import { ImportRunSchema } from './schemas.ts';

const Query = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

/** GET /api/imports: recent import runs with their counts, newest first (admins; managers: their subtree's runs). */
const listImports: RouteModule = (app, { db }) => {
  app.get(
    '/api/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'List import runs',
        querystring: Query,
        response: { 200: z.object({ imports: z.array(ImportRunSchema) }) },
      },
    },
    async (request) => {
      const viewer = requireRole(request, 'manager');
      return { imports: await listImportRuns(db, viewer, request.query.limit) };
    },
  );
};
export default listImports;
