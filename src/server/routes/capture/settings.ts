import { z } from 'zod';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import { getCaptureSettings, saveCaptureSettings } from '../../../store/tables/capture-settings.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';

const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a domain such as acme.com');

const CaptureSettingsSchema = z.object({
  emailAddress: z.string().trim().toLowerCase().email().max(320).nullable(),
  allowedDomains: z.array(Domain).max(50),
});

/**
 * GET/PUT /api/capture/settings: the email capture address and the sender domains it accepts (admins). The
 * SMTP port and switch are deployment settings (PACESETTER_SMTP_*).
 */
const captureSettings: RouteModule = (app, { db }) => {
  app.get(
    '/api/capture/settings',
    {
      schema: {
        tags: ['capture'],
        summary: 'Email capture settings',
        response: { 200: CaptureSettingsSchema },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      return getCaptureSettings(db);
    },
  );
  app.put(
    '/api/capture/settings',
    {
      schema: {
        tags: ['capture'],
        summary: 'Change the email capture settings',
        body: CaptureSettingsSchema.strict(),
        response: { 200: CaptureSettingsSchema },
      },
    },
    async (request) => {
      requireWrite(request);
      const viewer = requireRole(request, 'admin');
      const before = await getCaptureSettings(db);
      const after = await saveCaptureSettings(db, request.body);
      await recordAudit(db, viewer, { action: 'update', entity: 'capture_settings', before, after });
      return after;
    },
  );
};
export default captureSettings;
