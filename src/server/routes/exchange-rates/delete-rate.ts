import { deleteExchangeRate, listExchangeRates } from '../../../store/tables/exchange-rates.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { ExchangeRateInputSchema, ExchangeRatesResponseSchema } from './schemas.ts';

const Params = ExchangeRateInputSchema.pick({ currency: true, effectiveFrom: true });

/** DELETE /api/exchange-rates/:currency/:effectiveFrom: an admin removes one rate of the workspace currency. */
const deleteRate: RouteModule = (app, { db }) => {
  app.delete(
    '/api/exchange-rates/:currency/:effectiveFrom',
    {
      schema: {
        tags: ['settings'],
        summary: 'Delete one exchange rate (admins)',
        params: Params,
        response: { 200: ExchangeRatesResponseSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      await deleteExchangeRate(db, viewer, request.params.currency, request.params.effectiveFrom);
      return listExchangeRates(db);
    },
  );
};
export default deleteRate;
