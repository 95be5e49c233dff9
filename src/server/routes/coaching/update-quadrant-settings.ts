import { recordAudit } from '../../../store/tables/audit-log.ts';
import { updateQuadrantThresholds } from '../../../store/tables/quadrant-settings.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { ThresholdsSchema } from './schemas.ts';

/** PATCH /api/coaching/quadrant-settings: a manager or admin changes the quadrant thresholds. */
const updateQuadrantSettingsRoute: RouteModule = (app, { db }) => {
  app.patch(
    '/api/coaching/quadrant-settings',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Change quadrant thresholds (managers and admins)',
        body: ThresholdsSchema.partial(),
        response: { 200: ThresholdsSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'manager');
      return db.transaction().execute(async (tx) => {
        const next = await updateQuadrantThresholds(tx, request.body);
        await recordAudit(tx, viewer, {
          action: 'update',
          entity: 'quadrant_settings',
          entityId: 1,
          after: next,
        });
        return next;
      });
    },
  );
};
export default updateQuadrantSettingsRoute;
