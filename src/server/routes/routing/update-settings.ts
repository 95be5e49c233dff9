import { updateRoutingSettings } from '../../../store/tables/routing-settings.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { RoutingSettingsSchema } from './schemas.ts';

/** PATCH /api/routing/settings: an admin changes when leads are routed and the SLA reassignment. */
const updateSettingsRoute: RouteModule = (app, { db }) => {
  app.patch(
    '/api/routing/settings',
    {
      schema: {
        tags: ['routing'],
        summary: 'Change routing settings (admins)',
        body: RoutingSettingsSchema.partial(),
        response: { 200: RoutingSettingsSchema },
      },
    },
    async (request) => {
      requireWrite(request);
      requireRole(request, 'admin');
      return updateRoutingSettings(db, request.body);
    },
  );
};
export default updateSettingsRoute;
