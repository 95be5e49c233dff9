import { z } from 'zod';
import { listUsers } from '../../../store/tables/users.ts';
import type { RouteModule } from '../../app-types.ts';
import { UserSchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

const Query = z.object({
  teamId: IdField.optional(),
  role: z.enum(['admin', 'manager', 'rep']).optional(),
  active: z.enum(['true', 'false']).optional(),
});

/** GET /api/users: users the viewer may see (admins: all; managers: their subtree; reps: themself). */
const listUsersRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List users visible to you',
        querystring: Query,
        response: { 200: z.object({ items: z.array(UserSchema) }) },
      },
    },
    async (request) => {
      const q = request.query;
      const items = await listUsers(db, request.viewer, {
        teamId: q.teamId,
        role: q.role,
        active: q.active === undefined ? undefined : q.active === 'true',
      });
      return { items };
    },
  );
};
export default listUsersRoute;
