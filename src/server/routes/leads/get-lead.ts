import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { getLead } from '../../../store/queries/records/list-leads.ts';
import type { RouteModule } from '../../app-types.ts';
import { LeadSchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

/** GET /api/leads/:id: one lead; 404 both when missing and when not yours to see. */
const getLeadRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/leads/:id',
    {
      schema: {
        tags: ['records'],
        summary: 'Get one lead',
        params: z.object({ id: IdField }),
        response: { 200: LeadSchema },
      },
    },
    async (request) => {
      const found = await getLead(db, request.viewer, request.params.id);
      if (!found) throw new AppError('not_found', 'No such lead');
      return found;
    },
  );
};
export default getLeadRoute;
