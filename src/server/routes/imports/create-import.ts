import type { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../errors.ts';
import { toStoredReject } from '../../../import/csv/rejects-csv.ts';
import { MAX_STORED_REJECTS } from '../../../import/import-runs.ts';
import { runImport } from '../../../import/run-import.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { CreateImportQuery, ImportSummarySchema } from './schemas.ts';

/**
 * POST /api/imports: the CSV itself as the body (Content-Type text/csv) or as the file of a multipart form, streamed
 * into the importer, so uploads of any size never sit in memory. All or nothing unless skipInvalid; a rejected file answers 422
 * `import_rejected` with one detail per problem (file, line, field, reason).
 */
const createImport: RouteModule = async (app, { db }) => {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    // Browser form uploads: the first file part is streamed like a text/csv body (scoped to this route).
    await plugin.register(fastifyMultipart, { limits: { files: 1, fileSize: 1024 * 1024 * 1024 } });
    // Hand the raw stream to the importer instead of buffering the body (this parser is scoped to this route).
    scope.addContentTypeParser(['text/csv', 'application/csv', 'text/plain'], (_request, payload, done) => {
      done(null, payload);
    });
    scope.post(
      '/api/imports',
      {
        schema: {
          tags: ['imports'],
          summary: 'Import a CRM export (CSV body or multipart file; admins and managers)',
          consumes: ['text/csv', 'multipart/form-data'],
          querystring: CreateImportQuery,
          response: { 201: ImportSummarySchema },
        },
      },
      async (request, reply) => {
        const viewer = requireWrite(request);
        requireRole(request, 'manager');
        const q = request.query;
        let input = request.body as Readable | undefined;
        let fileName = q.fileName;
        if (request.isMultipart()) {
          const part = await request.file();
          input = part?.file;
          fileName ??= part?.filename;
        }
        if (!input || typeof input.pipe !== 'function') {
          throw new AppError(
            'validation',
            'Send the CSV as the body (Content-Type: text/csv) or as a multipart file',
            [{ field: 'body', reason: 'expected text/csv or multipart/form-data with a file' }],
          );
        }
        const summary = await runImport(db, viewer, {
          fileName: fileName ?? 'upload.csv',
          input,
          encoding: q.encoding,
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
