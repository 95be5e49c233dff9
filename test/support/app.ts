import { parseConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Db } from '../../src/store/db.ts';

/** A Fastify app over a test store, for `app.inject(...)` tests; no port is opened. */
export async function testApp(db: Db) {
  const config = parseConfig({ PACESETTER_LOG_LEVEL: 'silent', PACESETTER_WEB_DIST: '/nonexistent' });
  const app = await buildApp({ db, config });
  await app.ready();
  return app;
}

/** What a signed-in test client sends: cookie and CSRF headers (or an API token's Authorization header). */
export type AuthHeaders = Record<string, string>;

/**
 * Signs in as the given existing user and returns headers for app.inject.
 * PLACEHOLDER until issue 6 lands: returns no headers (every request is the system viewer).
 */
export async function signIn(
  _app: Awaited<ReturnType<typeof testApp>>,
  _user: { email: string; password?: string },
): Promise<AuthHeaders> {
  return {};
}
