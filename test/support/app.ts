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
