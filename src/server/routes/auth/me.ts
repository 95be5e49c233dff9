import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { getUser } from '../../../store/tables/users.ts';
import type { RouteModule } from '../../app-types.ts';
import { SessionUser } from '../../auth/schemas.ts';

const MeResponse = z.object({
  user: SessionUser,
  /** Echo this in X-CSRF-Token on state-changing requests; null for API-token callers (exempt). */
  csrfToken: z.string().nullable(),
  via: z.enum(['session', 'token']),
  tokenScope: z.enum(['read', 'write']).nullable(),
  /** How many users' row-level data this viewer sees; null = everyone. */
  visibleUserCount: z.number().int().nullable(),
});

/** GET /api/auth/me: who is signed in, their role and CSRF token (the web app calls it on load). */
const me: RouteModule = (app, { db }) => {
  app.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], summary: 'The signed-in user and CSRF token', response: { 200: MeResponse } },
    },
    async (request) => {
      const viewer = request.viewer;
      const user = viewer.userId === null ? undefined : await getUser(db, viewer, viewer.userId);
      if (!user || !request.auth) throw new AppError('unauthenticated', 'Sign in first');
      return {
        user: {
          id: user.id,
          name: user.name,
          email: user.email,
          role: user.role,
          teamId: user.teamId,
          language: user.language,
        },
        csrfToken: request.auth.kind === 'session' ? request.auth.csrfToken : null,
        via: request.auth.kind,
        tokenScope: request.auth.kind === 'token' ? request.auth.scope : null,
        visibleUserCount: viewer.visibleUserIds === null ? null : viewer.visibleUserIds.length,
      };
    },
  );
};
export default me;
