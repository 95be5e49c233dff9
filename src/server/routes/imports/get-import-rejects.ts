import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { rejectsCsv, type StoredReject } from '../../../import/csv/rejects-csv.ts';
import { getImportRejects } from '../../../store/tables/imports.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { IdField } from '../../input-schemas.ts';

/** GET /api/imports/:id/rejects.csv: the rejected rows of a run (original columns + line, field, reason). */
const getImportRejectsCsv: RouteModule = (app, { db }) => {
  app.get(
    '/api/imports/:id/rejects.csv',
    {
      schema: {
        tags: ['imports'],
        summary: 'Rejected rows of an import run as CSV',
        params: z.object({ id: IdField }),
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const viewer = requireRole(request, 'manager');
      // Someone else's run answers 404 like a missing one, so ids cannot be probed.
      const run = await getImportRejects(db, viewer, request.params.id);
      if (!run) throw new AppError('not_found', `No import ${request.params.id}`);
      const rejects = run.rejects as StoredReject[];
      const header = rejects[0]?.columns ?? [];
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${run.id}-rejects.csv"`)
        .send(rejectsCsv(header, rejects));
    },
  );
};
export default getImportRejectsCsv;
