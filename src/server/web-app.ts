import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { isApiPath } from './route-access.ts';

/**
 * Serves the built web app (if `webDist` holds one) and answers every path no route matched. The web app's
 * files are public by declaration: an onRoute hook scoped to the static plugin marks each route it adds.
 * Unmatched GETs outside /api get the single page (client-side routes); everything else unmatched is a JSON
 * 404 (the viewer hook has already answered 401 to anonymous callers under /api, in any spelling).
 */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  const indexFile = join(webDist, 'index.html');
  const page = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
  if (page !== null) {
    await app.register(async (webScope) => {
      webScope.addHook('onRoute', (route) => {
        route.config = { ...route.config, public: true };
      });
      await webScope.register(fastifyStatic, { root: webDist, wildcard: false });
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const pageRequest = request.method === 'GET' || request.method === 'HEAD';
    if (page !== null && pageRequest && !isApiPath(request.url)) {
      return reply.type('text/html; charset=utf-8').send(page);
    }
    throw new AppError('not_found', 'No such endpoint');
  });
}
