import { z } from 'zod';
import { SESSION_COOKIE } from '../../../domain/access/session-policy.ts';
import { deleteSession } from '../../../store/tables/sessions.ts';
import type { RouteModule } from '../../app-types.ts';

/** POST /api/auth/logout: deletes the session server-side (the cookie alone no longer works) and clears it. */
const logout: RouteModule = (app, { db }) => {
  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: end this session',
        response: { 200: z.object({ signedOut: z.boolean() }) },
      },
    },
    async (request, reply) => {
      if (request.auth?.kind === 'session') await deleteSession(db, request.auth.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { signedOut: request.auth?.kind === 'session' };
    },
  );
};
export default logout;
