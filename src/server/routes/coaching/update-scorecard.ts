import { z } from 'zod';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import { updateScorecard } from '../../../store/tables/scorecards.ts';
import type { RouteModule } from '../../app-types.ts';
import { IdField } from '../../input-schemas.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { ScorecardBody, ScorecardSchema } from './schemas.ts';

/** PUT /api/coaching/scorecards/:id: an admin replaces a scorecard (every line checked, nothing half-written). */
const updateScorecardRoute: RouteModule = (app, { db }) => {
  app.put(
    '/api/coaching/scorecards/:id',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Replace a scorecard (admins)',
        params: z.object({
          id: z
            .literal('0')
            .transform(() => 0)
            .or(IdField)
            .describe('0: the built-in default, stored by this call'),
        }),
        body: ScorecardBody,
        response: { 200: ScorecardSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      return db.transaction().execute(async (tx) => {
        const card = await updateScorecard(tx, request.params.id, request.body);
        await recordAudit(tx, viewer, {
          action: 'update',
          entity: 'scorecard',
          entityId: card.id,
          after: card,
        });
        return card;
      });
    },
  );
};
export default updateScorecardRoute;
