import { recordAudit } from '../../../store/tables/audit-log.ts';
import { createScorecard } from '../../../store/tables/scorecards.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { ScorecardBody, ScorecardSchema } from './schemas.ts';

/** POST /api/coaching/scorecards: an admin adds a scorecard for a sales role that has none. */
const createScorecardRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/coaching/scorecards',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Add a scorecard for a sales role (admins)',
        body: ScorecardBody,
        response: { 201: ScorecardSchema },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      const card = await db.transaction().execute(async (tx) => {
        const created = await createScorecard(tx, request.body);
        await recordAudit(tx, viewer, {
          action: 'create',
          entity: 'scorecard',
          entityId: created.id,
          after: created,
        });
        return created;
      });
      return reply.code(201).send(card);
    },
  );
};
export default createScorecardRoute;
