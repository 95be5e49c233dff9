import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { importExchangeRatesCsv, listExchangeRates } from '../../../store/tables/exchange-rates.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { ExchangeRatesResponseSchema } from './schemas.ts';

/** A rates file is small (a rate per currency per day for years is ~1 MB). */
const MAX_BYTES = 2 * 1024 * 1024;

/**
 * POST /api/exchange-rates/import: an admin imports a CSV body (Content-Type text/csv; header
 * `currency,effective_from,rate`), the file `pacesetter rates import` reads. Whole file or nothing: any bad row
 * stores nothing and answers 400 naming every line and field.
 */
const importRates: RouteModule = async (app, { db }) => {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      ['text/csv', 'application/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/api/exchange-rates/import',
      {
        schema: {
          tags: ['settings'],
          summary: 'Import exchange rates from a CSV body (admins; all or nothing)',
          consumes: ['text/csv'],
          response: { 200: ExchangeRatesResponseSchema.extend({ imported: z.number() }) },
        },
      },
      async (request) => {
        const viewer = requireWrite(request);
        requireRole(request, 'admin');
        if (typeof request.body !== 'string')
          throw new AppError('validation', 'Send the CSV as the body (Content-Type: text/csv)', [
            { field: 'body', reason: 'expected a text/csv body' },
          ]);
        const imported = await importExchangeRatesCsv(db, viewer, request.body);
        return { ...(await listExchangeRates(db)), imported };
      },
    );
  });
};
export default importRates;
