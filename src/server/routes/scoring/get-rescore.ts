import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { getRescore, listRescores } from '../../../store/tables/scoring-rescores.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { RescoreSchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

/** GET /api/scoring/rescores and /api/scoring/rescores/:id: background re-scores and their progress (admins). */
const getRescoreRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/scoring/rescores',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Recent re-scores of the open leads, newest first (admins)',
        response: { 200: z.object({ items: z.array(RescoreSchema) }) },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      return { items: await listRescores(db) };
    },
  );
  app.get(
    '/api/scoring/rescores/:id',
    {
      schema: {
        tags: ['scoring'],
        summary: 'One re-score and its progress (admins)',
        params: z.object({ id: IdField }),
        response: { 200: RescoreSchema },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      const found = await getRescore(db, request.params.id);
      if (!found) throw new AppError('not_found', 'No such re-score');
      return found;
    },
  );
};
export default getRescoreRoute;
