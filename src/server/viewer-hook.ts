import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../domain/access/session-policy.ts';
import { safeEqual } from '../domain/access/secrets.ts';
import type { Viewer } from '../domain/access/viewer.ts';
import { AppError } from '../errors.ts';
import { viewerForUser } from '../store/access/viewer-for-user.ts';
import { findApiToken } from '../store/tables/api-tokens.ts';
import { assertNotThrottled, recordAuthFailure } from '../store/tables/auth-failures.ts';
import { findSession } from '../store/tables/sessions.ts';
import type { AppDeps } from './app-types.ts';
import { clientIp } from './auth/request-auth.ts';
import { isApiPath, isPublicRoute } from './route-access.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; set before any /api route handler runs. Pass it to every store query. */
    viewer: Viewer;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request may go on without credentials. Decided on the route the router matched (it has already
 * decoded and matched the path when onRequest hooks run), deny by default: only routes declaring
 * `config: { public: true }` are open. Paths no route matched fall to the web app's page fallback, which
 * reveals nothing; under /api, in any spelling, they stay private so the API is not probed anonymously.
 */
function needsNoCredentials(request: FastifyRequest): boolean {
  if (isPublicRoute(request)) return true;
  return request.is404 && !isApiPath(request.url);
}

/**
 * Authenticates every request to a private route: a bearer API token or a session cookie, else 401.
 * Sets request.viewer (with the manager subtree resolved once) and request.auth. Cookie-authenticated
 * state-changing requests must echo the session's CSRF token in X-CSRF-Token; bearer tokens are exempt
 * (browsers never attach them on their own), but read-scoped tokens may only read.
 */
export function registerViewerHook(app: FastifyInstance, { db }: AppDeps): void {
  app.decorateRequest('viewer', null as unknown as Viewer);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (needsNoCredentials(request)) return;
    const now = new Date();

    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      // The token is looked up first: a valid one is never throttled, so bad tokens sent from an address
      // that others share (an office, a proxy) cannot lock out the valid ones. Only bad tokens count.
      const holder = match ? await findApiToken(db, match[1] as string, now) : null;
      if (!holder) {
        const ip = clientIp(request);
        await assertNotThrottled(db, [{ kind: 'token_ip', key: ip }], now);
        await recordAuthFailure(db, 'token_ip', ip, now);
        throw new AppError('unauthenticated', 'Sign in first');
      }
      if (holder.scope === 'read' && !SAFE_METHODS.has(request.method)) {
        throw new AppError('forbidden', 'This API token is read-only');
      }
      request.auth = { kind: 'token', tokenId: holder.tokenId, scope: holder.scope };
      request.viewer = await viewerForUser(db, holder, { tokenId: holder.tokenId, scope: holder.scope });
      return;
    }

    const cookie = request.cookies[SESSION_COOKIE];
    const session = cookie ? await findSession(db, cookie, now) : null;
    if (!session) throw new AppError('unauthenticated', 'Sign in first');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
        throw new AppError('csrf', 'Missing or wrong X-CSRF-Token header');
      }
    }
    request.auth = { kind: 'session', sessionId: session.sessionId, csrfToken: session.csrfToken };
    request.viewer = await viewerForUser(db, session);
  });
}
