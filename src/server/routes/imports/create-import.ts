import type { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../errors.ts';
import { toStoredReject } from '../../../import/csv/rejects-csv.ts';
import { MAX_STORED_REJECTS } from '../../../import/import-runs.ts';
import { runImport } from '../../../import/run-import.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { CreateImportQuery, ImportSummarySchema } from './schemas.ts';

/**
 * POST /api/imports: the request body is the CSV itself (Content-Type text/csv), streamed into the importer, so
 * uploads of any size never sit in memory. All or nothing unless skipInvalid; a rejected file answers 422
 * `import_rejected` with one detail per problem (file, line, field, reason).
 */
const createImport: RouteModule = async (app, { db }) => {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    // Hand the raw stream to the importer instead of buffering the body (this parser is scoped to this route).
    scope.addContentTypeParser(['text/csv', 'application/csv', 'text/plain'], (_request, payload, done) => {
      done(null, payload);
    });
    scope.post(
      '/api/imports',
      {
        schema: {
          tags: ['imports'],
          summary: 'Import a CRM export (CSV body; admins and managers)',
          consumes: ['text/csv'],
          querystring: CreateImportQuery,
          response: { 201: ImportSummarySchema },
        },
      },
      async (request, reply) => {
        const viewer = requireWrite(request);
        requireRole(request, 'manager');
        const body = request.body as Readable | undefined;
        if (!body || typeof (body as Readable).pipe !== 'function') {
          throw new AppError('validation', 'Send the CSV as the request body with Content-Type: text/csv', [
            { field: 'body', reason: 'expected text/csv' },
          ]);
        }
        const q = request.query;
        const summary = await runImport(db, viewer, {
          fileName: q.fileName ?? 'upload.csv',
          input: body,
          source: q.source,
          entity: q.entity,
          skipInvalid: q.skipInvalid,
          createMissing: q.createMissing,
        });
        const { header, rejects, ...rest } = summary;
        return reply.status(201).send({
          ...rest,
          rejects: rejects.slice(0, MAX_STORED_REJECTS).map((r) => toStoredReject(header, r)),
        });
      },
    );
  });
};
export default createImport;
