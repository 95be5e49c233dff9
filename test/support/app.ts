import { parseConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Db } from '../../src/store/db.ts';

/** A Fastify app over a test store, for `app.inject(...)` tests; no port is opened. */
export async function testApp(db: Db, env: Record<string, string> = {}) {
  const config = parseConfig({ PACESETTER_LOG_LEVEL: 'silent', PACESETTER_WEB_DIST: '/nonexistent', ...env });
  const app = await buildApp({ db, config });
  await app.ready();
  return app;
}

/** What a signed-in test client sends: cookie and CSRF headers (or an API token's Authorization header). */
export type AuthHeaders = Record<string, string>;

/**
 * Signs in as the given existing user (seedUser's result carries the password) through POST /api/auth/login
 * and returns the headers for app.inject: the session cookie plus the X-CSRF-Token header, so state-changing
 * requests pass the CSRF check. Throws with the response body when sign-in fails.
 */
export async function signIn(
  app: Awaited<ReturnType<typeof testApp>>,
  user: { email: string; password?: string },
): Promise<AuthHeaders> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password ?? 'correct horse battery' },
  });
  if (res.statusCode !== 200) throw new Error(`signIn(${user.email}) failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'pacesetter_session');
  if (!cookie) throw new Error('signIn: no session cookie in the response');
  const { csrfToken } = res.json() as { csrfToken: string };
  return { cookie: `pacesetter_session=${cookie.value}`, 'x-csrf-token': csrfToken };
}

/** Headers for an API token caller. */
export function bearer(token: string): AuthHeaders {
  return { authorization: `Bearer ${token}` };
}
