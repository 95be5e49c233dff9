import { sql } from 'kysely';
import { z } from 'zod';
import type { RouteModule } from '../app-types.ts';

const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  time: z.string(),
});

/** GET /api/health: liveness plus a round trip to the store. */
const health: RouteModule = (app, { db, config }) => {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Liveness and store check', response: { 200: HealthResponse } },
    },
    async () => {
      await sql`select 1`.execute(db);
      return {
        status: 'ok' as const,
        database: config.databaseUrl ? ('postgres' as const) : ('pglite' as const),
        time: new Date().toISOString(),
      };
    },
  );
};
export default health;
