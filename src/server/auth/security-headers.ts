import type { FastifyInstance } from 'fastify';

/**
 * Defensive headers on every response: no MIME sniffing, no framing (clickjacking), no referrer leaks to
 * other sites; API responses carry sales data, so browsers and proxies must not cache them.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
