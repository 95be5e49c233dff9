import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { getUser } from '../../../store/tables/users.ts';
import type { RouteModule } from '../../app-types.ts';
import { UserSchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

/** GET /api/users/:id: one user if visible to you (admins: all; managers: subtree; reps: themself), else 404. */
const getUserRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Get one user visible to you',
        params: z.object({ id: IdField }),
        response: { 200: UserSchema },
      },
    },
    async (request) => {
      const user = await getUser(db, request.viewer, request.params.id);
      if (!user) throw new AppError('not_found', 'No such user');
      return user;
    },
  );
};
export default getUserRoute;
