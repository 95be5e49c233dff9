import { posix } from 'node:path';
import type { FastifyInstance, FastifyRequest, HTTPMethods } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Reachable without credentials. Every route is private unless it declares `config: { public: true }`;
     * the viewer hook reads this from the route that matched, never from the URL's spelling.
     */
    public?: boolean;
  }
  interface FastifyInstance {
    /** The routes that declared themselves public, as registered (for the route-walk test and audits). */
    publicRoutes(): Array<{ method: HTTPMethods; url: string }>;
  }
}

/** Whether the route that matched this request declared itself public. */
export function isPublicRoute(request: FastifyRequest): boolean {
  return request.routeOptions.config.public === true;
}

/**
 * Records every route's options so `app.publicRoutes()` can list the public ones. The options are read when
 * asked rather than when registered, since a plugin's own onRoute hook (the web app's) may mark a route public
 * after this root hook has seen it. Call before any route is registered.
 */
export function trackRouteAccess(app: FastifyInstance): void {
  const registered: Array<{
    method: HTTPMethods | HTTPMethods[];
    url: string;
    config?: { public?: boolean };
  }> = [];
  app.addHook('onRoute', (route) => {
    registered.push(route);
  });
  app.decorate('publicRoutes', () =>
    registered
      .filter((route) => route.config?.public === true)
      .flatMap((route) =>
        (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({
          method,
          url: route.url,
        })),
      ),
  );
}

const SCHEME_AND_HOST = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i;
// Enough for any double or triple encoding; a spelling still changing after this many rounds is hostile.
const MAX_DECODES = 4;

/**
 * Whether a request target names something under /api, in any spelling: absolute-form, percent-encoded (also
 * repeatedly), any letter case, dot segments, repeated slashes. Used only to choose between the web app's
 * page and the API's answers for paths no route matched; an undecodable target counts as API, so unknown
 * spellings stay private.
 */
export function isApiPath(target: string): boolean {
  let path = target.replace(SCHEME_AND_HOST, '');
  const end = path.search(/[?#;]/);
  if (end !== -1) path = path.slice(0, end);
  for (let round = 0; ; round += 1) {
    if (round === MAX_DECODES) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return true;
    }
    if (decoded === path) break;
    path = decoded;
  }
  const normalized = posix.normalize(`/${path.replace(/\\/g, '/')}`).toLowerCase();
  return normalized === '/api' || normalized === '/api/' || normalized.startsWith('/api/');
}
