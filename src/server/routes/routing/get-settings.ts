import { getRoutingSettings } from '../../../store/tables/routing-settings.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { RoutingSettingsSchema } from './schemas.ts';

/** GET /api/routing/settings: when leads are routed and whether a missed SLA reassigns (managers and admins). */
const getSettingsRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/routing/settings',
    {
      schema: {
        tags: ['routing'],
        summary: 'Routing settings',
        response: { 200: RoutingSettingsSchema },
      },
    },
    async (request) => {
      requireRole(request, 'manager');
      return getRoutingSettings(db);
    },
  );
};
export default getSettingsRoute;
