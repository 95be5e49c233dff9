import { z } from 'zod';
import { deleteOutOfOffice, getOutOfOffice } from '../../../store/tables/out-of-office.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireWrite } from '../../auth/guards.ts';
import { requireOutOfOfficeAccess } from './ooo-access.ts';
import { IdField } from '../../input-schemas.ts';

/** DELETE /api/routing/out-of-office/:id: removed by whoever may set that rep's dates. */
const deleteOooRoute: RouteModule = (app, { db }) => {
  app.delete(
    '/api/routing/out-of-office/:id',
    {
      schema: {
        tags: ['routing'],
        summary: 'Remove an out-of-office period',
        params: z.object({ id: IdField }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      const period = await getOutOfOffice(db, request.params.id);
      requireOutOfOfficeAccess(viewer, period.userId);
      await deleteOutOfOffice(db, period.id);
      return reply.code(204).send(null);
    },
  );
};
export default deleteOooRoute;
