import { AppError } from '../../../errors.ts';
import { addOutOfOffice } from '../../../store/tables/out-of-office.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireWrite } from '../../auth/guards.ts';
import { requireOutOfOfficeAccess } from './ooo-access.ts';
import { OutOfOfficeBody, OutOfOfficeSchema } from './schemas.ts';

/** POST /api/routing/out-of-office: a rep sets their own dates (userId omitted), a manager their subtree's, an admin anyone's. */
const createOooRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/routing/out-of-office',
    {
      schema: {
        tags: ['routing'],
        summary: 'Add an out-of-office period',
        body: OutOfOfficeBody,
        response: { 201: OutOfOfficeSchema },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      const userId = request.body.userId ?? viewer.userId;
      if (userId === null)
        throw new AppError('validation', 'userId is required', [
          { field: 'userId', reason: 'required', rule: 'required' },
        ]);
      requireOutOfOfficeAccess(viewer, userId);
      const period = await addOutOfOffice(
        db,
        {
          userId,
          startsOn: request.body.startsOn,
          endsOn: request.body.endsOn,
          note: request.body.note ?? null,
        },
        viewer.userId,
      );
      return reply.code(201).send(period);
    },
  );
};
export default createOooRoute;
