import { listExchangeRates } from '../../../store/tables/exchange-rates.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { ExchangeRatesResponseSchema } from './schemas.ts';

/** GET /api/exchange-rates: every stored rate (anyone signed in: rates are not private, and explain the money). */
const listRates: RouteModule = (app, { db }) => {
  app.get(
    '/api/exchange-rates',
    {
      schema: {
        tags: ['settings'],
        summary: 'Exchange rates to the workspace currency',
        response: { 200: ExchangeRatesResponseSchema },
      },
    },
    async (request) => {
      requireRole(request, 'rep');
      return listExchangeRates(db);
    },
  );
};
export default listRates;
