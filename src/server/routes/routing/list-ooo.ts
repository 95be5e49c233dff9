import { z } from 'zod';
import { listOutOfOffice } from '../../../store/tables/out-of-office.ts';
import type { RouteModule } from '../../app-types.ts';
import { LocalDateField } from '../../input-schemas.ts';
import { OutOfOfficeSchema } from './schemas.ts';

/** GET /api/routing/out-of-office: periods of the users the viewer may see, optionally ending on or after `since`. */
const listOooRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/routing/out-of-office',
    {
      schema: {
        tags: ['routing'],
        summary: 'Out-of-office periods of visible users',
        querystring: z.object({ since: LocalDateField.optional() }),
        response: { 200: z.object({ periods: z.array(OutOfOfficeSchema) }) },
      },
    },
    async (request) => ({
      periods: await listOutOfOffice(db, request.viewer.visibleUserIds, request.query.since),
    }),
  );
};
export default listOooRoute;
