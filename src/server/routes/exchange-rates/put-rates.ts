import { listExchangeRates, putExchangeRates } from '../../../store/tables/exchange-rates.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { ExchangeRatesPutSchema, ExchangeRatesResponseSchema } from './schemas.ts';

/**
 * PUT /api/exchange-rates: an admin adds rates or replaces the rate of a currency and date (all or none; every
 * problem named by its row). Rates quote the workspace currency of the moment.
 */
const putRates: RouteModule = (app, { db }) => {
  app.put(
    '/api/exchange-rates',
    {
      schema: {
        tags: ['settings'],
        summary: 'Add or replace exchange rates (admins)',
        body: ExchangeRatesPutSchema,
        response: { 200: ExchangeRatesResponseSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      await putExchangeRates(db, viewer, request.body.rates);
      return listExchangeRates(db);
    },
  );
};
export default putRates;
