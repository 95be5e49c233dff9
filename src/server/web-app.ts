import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { isApiPath } from './route-access.ts';

/** The checkout or installed package this module belongs to, whatever the current directory is. */
const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where `npm run build:web` puts the web app: beside the server's own files, not relative to the current directory. */
export const BUNDLED_WEB_DIST = join(APP_ROOT, 'web', 'dist');

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What a browser gets instead of the app when there is none to serve: how to build it, not a bare 404. */
export function missingWebAppPage(webDist: string): string {
  const how =
    webDist === BUNDLED_WEB_DIST
      ? `run npm run build:web in ${APP_ROOT}`
      : `build it with npm run build:web and point PACESETTER_WEB_DIST at its output (web/dist)`;
  const sentence = `The web app is not built: there is no index.html in ${webDist}; ${how}, then restart the server.`;
  return (
    `<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>Pacesetter: web app not built</title>\n` +
    `<p>${escapeHtml(sentence)}</p>\n<p>The API is running: <a href="/api/openapi.json">/api/openapi.json</a>.</p>\n</html>\n`
  );
}

/**
 * Serves the built web app (if `webDist` holds one) and answers every path no route matched. The web app's
 * files are public by declaration: an onRoute hook scoped to the static plugin marks each route it adds.
 * Unmatched GETs outside /api get the single page (client-side routes); everything else unmatched is a JSON
 * 404 (the viewer hook has already answered 401 to anonymous callers under /api, in any spelling). Without a
 * built app, those page requests get a 503 page saying how to build it.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  const indexFile = join(webDist, 'index.html');
  const page = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
  if (page === null) app.log.warn(`No web app in ${webDist}: run npm run build:web to build it.`);
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
    if (page === null && pageRequest && !isApiPath(request.url)) {
      return reply.code(503).type('text/html; charset=utf-8').send(missingWebAppPage(webDist));
    }
    throw new AppError('not_found', 'No such endpoint');
  });
}
