import { saveSettings } from '../../store/workspace/save-settings.ts';
import type { RouteModule } from '../app-types.ts';
import { requireRole, requireWrite } from '../auth/guards.ts';
import { SettingsPatchSchema, SettingsSchema } from './settings-schemas.ts';

/**
 * PUT /api/settings: an admin changes some settings. All problems are reported together; a change to time
 * zone, working days/hours, holiday country or lead SLA recomputes derived response times and SLA deadlines in
 * the same transaction.
 */
const settingsUpdate: RouteModule = (app, { db }) => {
  app.put(
    '/api/settings',
    {
      schema: {
        tags: ['settings'],
        summary: 'Change workspace settings (admins)',
        body: SettingsPatchSchema,
        response: { 200: SettingsSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      return saveSettings(db, viewer, request.body);
    },
  );
};
export default settingsUpdate;
