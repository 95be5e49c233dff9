import { createAssignment } from '../../../store/queries/commissions/plans.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { AssignmentSchema, CreateAssignmentBody } from './schemas.ts';

/** POST /api/commissions/assignments: puts a person on a plan for a date range (no overlaps); admins only. */
const createAssignmentRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/commissions/assignments',
    {
      schema: {
        tags: ['commissions'],
        summary: 'Assign a person to a commission plan',
        body: CreateAssignmentBody,
        response: { 201: AssignmentSchema },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      return reply.status(201).send(await createAssignment(db, viewer, request.body));
    },
  );
};
export default createAssignmentRoute;
