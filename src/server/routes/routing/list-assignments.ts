import { z } from 'zod';
import { listAssignments } from '../../../store/tables/lead-assignments.ts';
import type { RouteModule } from '../../app-types.ts';
import { IdField, InstantField } from '../../input-schemas.ts';
import { AssignmentSchema } from './schemas.ts';

/** GET /api/routing/assignments: assignments with rule and reason, to the reps the viewer may see. */
const listAssignmentsRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/routing/assignments',
    {
      schema: {
        tags: ['routing'],
        summary: 'Lead assignments with the rule and reason',
        querystring: z.object({
          lead: IdField.optional(),
          rep: IdField.optional(),
          from: InstantField.optional(),
          to: InstantField.optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
        response: { 200: z.object({ assignments: z.array(AssignmentSchema) }) },
      },
    },
    async (request) => {
      const q = request.query;
      return {
        assignments: await listAssignments(db, request.viewer, {
          leadId: q.lead,
          userId: q.rep,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
          limit: q.limit,
        }),
      };
    },
  );
};
export default listAssignmentsRoute;
