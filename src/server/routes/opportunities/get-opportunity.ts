import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { getOpportunity } from '../../../store/queries/records/list-opportunities.ts';
import type { RouteModule } from '../../app-types.ts';
import { OpportunitySchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

/** GET /api/opportunities/:id: one opportunity; 404 both when missing and when not yours to see (no existence leak). */
const getOpportunityRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/opportunities/:id',
    {
      schema: {
        tags: ['records'],
        summary: 'Get one opportunity',
        params: z.object({ id: IdField }),
        response: { 200: OpportunitySchema },
      },
    },
    async (request) => {
      const found = await getOpportunity(db, request.viewer, request.params.id);
      if (!found) throw new AppError('not_found', 'No such opportunity');
      return found;
    },
  );
};
export default getOpportunityRoute;
