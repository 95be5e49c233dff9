import { getSettings } from '../../store/tables/settings.ts';
import type { RouteModule } from '../app-types.ts';
import { SettingsSchema } from './settings-schemas.ts';

/** GET /api/settings: the workspace settings, for any signed-in user. */
const settingsGet: RouteModule = (app, { db }) => {
  app.get(
    '/api/settings',
    { schema: { tags: ['settings'], summary: 'Workspace settings', response: { 200: SettingsSchema } } },
    async () => getSettings(db),
  );
};
export default settingsGet;
