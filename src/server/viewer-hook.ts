import type { FastifyInstance } from 'fastify';
import { SYSTEM_VIEWER, type Viewer } from '../domain/access/viewer.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; set before any route handler runs. Pass it to every store query. */
    viewer: Viewer;
  }
}

/**
 * PLACEHOLDER until authentication lands (issue 6): every request acts as the system viewer.
 * The auth module replaces this hook with session/token resolution and rejects anonymous API calls.
 */
export function registerViewerHook(app: FastifyInstance): void {
  app.decorateRequest('viewer', null as unknown as Viewer);
  app.addHook('onRequest', async (request) => {
    request.viewer = SYSTEM_VIEWER;
  });
}
