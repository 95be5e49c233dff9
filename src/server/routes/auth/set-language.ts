import { z } from 'zod';
import { LANGUAGES } from '../../../domain/i18n/languages.ts';
import { AppError } from '../../../errors.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import { setUserLanguage } from '../../../store/tables/users.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireWrite } from '../../auth/guards.ts';

const Body = z
  .object({
    language: z.enum(LANGUAGES).nullable().describe("null: follow the browser's language"),
  })
  .strict();

/**
 * PUT /api/auth/language: the language the signed-in user reads the app and their printed documents in
 * (docs/localization.md). Only ever one's own: the user is the viewer, never a parameter.
 */
const setLanguage: RouteModule = (app, { db }) => {
  app.put(
    '/api/auth/language',
    {
      schema: {
        tags: ['auth'],
        summary: 'Choose your language (en, pl, he, ro; null = the browser decides)',
        body: Body,
        response: { 200: Body },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      if (viewer.userId === null) throw new AppError('unauthenticated', 'Sign in first');
      const { language } = request.body;
      await setUserLanguage(db, viewer.userId, language);
      await recordAudit(db, viewer, {
        action: 'update',
        entity: 'user_language',
        entityId: viewer.userId,
        after: { language },
      });
      return { language };
    },
  );
};
export default setLanguage;
