import type { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { readEventCsv } from '../../../import/events/read-event-csv.ts';
import { ingestEvents } from '../../../store/queries/scoring/ingest-events.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { IngestSummarySchema } from './schemas.ts';

const Query = z.object({
  delimiter: z.enum([',', ';', '\t', '|']).default(','),
  fileName: z.string().trim().min(1).max(200).default('events.csv'),
});

/**
 * POST /api/events/import: engagement events as a CSV body (Content-Type text/csv; columns event_id, lead_id or
 * lead_external_id, type, occurred_at, optional url and properties), the same file `pacesetter events import`
 * reads. All-or-nothing: a file with any bad row stores nothing and answers 400 naming every line and field;
 * idempotent by event_id. Admins and write tokens, like POST /api/events.
 */
const importEvents: RouteModule = async (app, { db }) => {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    // The body stays a stream for the CSV reader (this parser is scoped to this route).
    scope.addContentTypeParser(['text/csv', 'application/csv', 'text/plain'], (_request, payload, done) => {
      done(null, payload);
    });
    scope.post(
      '/api/events/import',
      {
        schema: {
          tags: ['scoring'],
          summary: 'Import lead engagement events from a CSV body (all-or-nothing, idempotent by event_id)',
          consumes: ['text/csv'],
          querystring: Query,
          response: { 200: IngestSummarySchema },
        },
      },
      async (request) => {
        requireWrite(request);
        requireRole(request, 'admin');
        const input = request.body as Readable | undefined;
        if (!input || typeof input.pipe !== 'function')
          throw new AppError('validation', 'Send the CSV as the body (Content-Type: text/csv)', [
            { field: 'body', reason: 'expected a text/csv body' },
          ]);
        const file = request.query.fileName;
        const { items, lines } = await readEventCsv(input, { file, delimiter: request.query.delimiter });
        return ingestEvents(db, items, new Date(), (i) => ({ file, line: lines[i], field: '' }));
      },
    );
  });
};
export default importEvents;
