import { z } from 'zod';
import { verifyAgainstDummy, verifyPassword } from '../../../auth/password.ts';
import { SESSION_COOKIE } from '../../../domain/access/session-policy.ts';
import { AppError } from '../../../errors.ts';
import {
  assertNotThrottled,
  clearAuthFailures,
  recordAuthFailure,
} from '../../../store/tables/auth-failures.ts';
import { createSession } from '../../../store/tables/sessions.ts';
import { findLoginUser, getUser, normalizeEmail } from '../../../store/tables/users.ts';
import { SYSTEM_VIEWER } from '../../../domain/access/viewer.ts';
import type { RouteModule } from '../../app-types.ts';
import { clientIp, cookieIsSecure } from '../../auth/request-auth.ts';
import { ErrorBody, SessionUser } from '../../auth/schemas.ts';

const LoginBody = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1000),
});

const LoginResponse = z.object({ user: SessionUser, csrfToken: z.string(), expiresAt: z.string() });

/**
 * POST /api/auth/login: email + password -> session cookie and CSRF token. Unknown email, wrong password and
 * inactive account get the same answer in about the same time; 5 failures per email or 20 per IP within 15
 * minutes get 429 with Retry-After.
 */
const login: RouteModule = (app, { db, config }) => {
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: LoginBody,
        response: { 200: LoginResponse, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const email = normalizeEmail(request.body.email);
      const ip = clientIp(request);
      await assertNotThrottled(
        db,
        [
          { kind: 'email', key: email },
          { kind: 'ip', key: ip },
        ],
        now,
      );
      const user = await findLoginUser(db, email);
      const ok = user?.password_hash
        ? await verifyPassword(user.password_hash, request.body.password)
        : await verifyAgainstDummy(request.body.password);
      if (!user || !ok) {
        await recordAuthFailure(db, 'email', email, now);
        await recordAuthFailure(db, 'ip', ip, now);
        throw new AppError('unauthenticated', 'Email or password is incorrect');
      }
      await clearAuthFailures(db, 'email', email);
      const session = await createSession(
        db,
        user.id,
        { ip, userAgent: request.headers['user-agent'] ?? null },
        now,
      );
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: cookieIsSecure(config, request),
        expires: session.expiresAt,
      });
      const profile = await getUser(db, SYSTEM_VIEWER, user.id);
      if (!profile) throw new Error('signed-in user vanished');
      return {
        user: {
          id: profile.id,
          name: profile.name,
          email: profile.email,
          role: profile.role,
          teamId: profile.teamId,
          language: profile.language,
        },
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt.toISOString(),
      };
    },
  );
};
export default login;
