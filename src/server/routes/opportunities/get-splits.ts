import { AppError } from '../../../errors.ts';
import { getSplits } from '../../../store/queries/commissions/splits.ts';
import type { RouteModule } from '../../app-types.ts';
import { DealSplitsSchema, SplitsParams } from './splits-schemas.ts';

/** GET /api/opportunities/:id/splits: anyone who may see the deal; 404 otherwise (no existence leak). */
const getSplitsRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/opportunities/:id/splits',
    {
      schema: {
        tags: ['commissions'],
        summary: "A deal's commission splits (empty: the owner has all of it)",
        params: SplitsParams,
        response: { 200: DealSplitsSchema },
      },
    },
    async (request) => {
      const found = await getSplits(db, request.viewer, request.params.id);
      if (!found) throw new AppError('not_found', 'No such opportunity');
      return found;
    },
  );
};
export default getSplitsRoute;
