import type { FastifyInstance } from 'fastify';
import { isApiPath } from '../route-access.ts';

/**
 * What the web app may load: only its own files and API. Its built index.html has no inline script or style
 * element. ECharts writes its tooltips as HTML with style attributes (42 blocked ones in Chromium on the demo's
 * manager, rep and admin pages under plain style-src 'self'), so style attributes alone are allowed; <style>
 * elements and stylesheets from elsewhere stay blocked, and scripts are this origin's files only. Images may
 * be data: URLs. No plugins, no <base> tricks, no framing, forms post only here.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Defensive headers on every response: no MIME sniffing, no framing (clickjacking), no referrer leaks to
 * other sites, the content security policy; API responses carry sales data, so browsers and proxies must not
 * cache them.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    if (isApiPath(request.url)) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
